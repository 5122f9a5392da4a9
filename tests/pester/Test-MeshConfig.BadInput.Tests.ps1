#Requires -Version 7.6
# Issue 10: bad input never costs a finding. Each broken file is laid beside a fresh copy of the healthy HashiCups set
# and a canary mesh whose finding is known, and analysed through the cmdlet as a user runs it: the broken file is one
# non-terminating error at its line, every finding of the other files is still reported, and a CI gate fails.

# The cases are data for -ForEach, which Pester reads at discovery, before BeforeAll runs.
BeforeDiscovery {
    $Marker = '#broken'
    function Get-MarkerLine([string] $Text) {
        $lines = $Text -split "`n"
        1 + [array]::FindIndex($lines, [Predicate[string]] { param($line) $line.Contains($Marker) })
    }

    function Deployment([string] $PodSpec, [string] $Annotation = 'consul.hashicorp.com/connect-inject: "true"') {
        "apiVersion: apps/v1`nkind: Deployment`nmetadata:`n  name: web`nspec:`n  selector:`n    matchLabels:`n      app: web`n  template:`n" +
        "    metadata:`n      labels:`n        app: web`n      annotations:`n        $Annotation`n    spec:`n      serviceAccountName: web`n$PodSpec"
    }
    function Service([string] $Ports) {
        "apiVersion: v1`nkind: Service`nmetadata:`n  name: web`nspec:`n  selector:`n    app: web`n  ports:`n$Ports"
    }
    function Intentions([string] $Sources) {
        "apiVersion: consul.hashicorp.com/v1alpha1`nkind: ServiceIntentions`nmetadata:`n  name: web`nspec:`n  destination:`n    name: web`n$Sources"
    }
    $Container = "      containers:`n        - name: web`n          image: web:1`n"

    # One object Kubernetes refuses per case: the error is MeshOps.InvalidField at the marked line.
    $InvalidObjects = @(
        @{ Case = 'an empty env item'; Broken = Deployment "$Container          env:`n            - $Marker" }
        @{ Case = 'an empty Service ports item'; Broken = Service "    - $Marker" }
        @{ Case = 'an empty ServiceIntentions sources item'; Broken = Intentions "  sources:`n    - $Marker" }
        @{ Case = 'an empty ServiceIntentions permissions item'; Broken = Intentions "  sources:`n    - name: api`n      permissions:`n        - $Marker" }
        @{ Case = 'containerPort -1'; Broken = Deployment "$Container          ports:`n            - containerPort: -1 $Marker" }
        @{ Case = 'containerPort 70000'; Broken = Deployment "$Container          ports:`n            - containerPort: 70000 $Marker" }
        @{ Case = 'Service port -1'; Broken = Service "    - port: -1 $Marker" }
        @{ Case = 'Service port 70000'; Broken = Service "    - port: 70000 $Marker" }
        @{ Case = 'targetPort -1'; Broken = Service "    - port: 80`n      targetPort: -1 $Marker" }
        @{ Case = 'targetPort 70000'; Broken = Service "    - port: 80`n      targetPort: 70000 $Marker" }
        @{ Case = 'a mesh Deployment with containers: null'; Broken = Deployment "      containers: null $Marker" }
        @{ Case = 'a mesh Deployment with containers: []'; Broken = Deployment "      containers: [] $Marker" }
    ) | ForEach-Object { $_ + @{ Id = 'MeshOps.InvalidField'; Line = Get-MarkerLine $_.Broken } }

    # Read as empty, as Kubernetes stores them: not an error, and the pod is analysed with the rest.
    $EmptyAnnotations = @(
        'consul.hashicorp.com/connect-inject', 'consul.hashicorp.com/transparent-proxy',
        'consul.hashicorp.com/connect-service-upstreams', 'consul.hashicorp.com/connect-service'
    ) | ForEach-Object {
        @{
            Annotation = $_
            Broken = (Deployment "$Container          ports:`n            - containerPort: 80" "$($_):") + "`n---`n" + (Service "    - port: 80") +
                "`n---`napiVersion: v1`nkind: ServiceAccount`nmetadata:`n  name: web`n"
        }
    }

    # Issue 10 cause 7: reported at 1:1 before.
    $TabOnLine4 = "apiVersion: v1`nkind: Service`nmetadata:`n`tname: web`nspec:`n  ports:`n    - port: 80`n"
    $BadDocuments = $InvalidObjects + @(
        @{ Case = 'a tab in indentation on line 4'; Broken = $TabOnLine4; Id = 'MeshOps.YamlSyntax'; Line = 4 }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force

    $Example = Join-Path $PSScriptRoot '../../examples/hashicups/healthy'

    # A mesh apart from HashiCups (its own namespace) with a known fault: targetPort 9999, container port 8080 (MESH101).
    # The healthy set alone has no finding, so without it "the other files' findings are still there" would prove nothing.
    $Canary = @'
apiVersion: v1
kind: Service
metadata:
  name: canary
  namespace: canary
spec:
  selector:
    app: canary
  ports:
    - port: 80
      targetPort: 9999
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: canary
  namespace: canary
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: canary
  namespace: canary
spec:
  selector:
    matchLabels:
      app: canary
  template:
    metadata:
      labels:
        app: canary
      annotations:
        consul.hashicorp.com/connect-inject: "true"
    spec:
      serviceAccountName: canary
      containers:
        - name: canary
          image: canary:1
          ports:
            - containerPort: 8080
'@

    # A copy of the healthy set in a folder of its own, with the broken file and, unless told otherwise, the canary.
    function New-CaseFolder([string] $Name, [string] $Broken, [switch] $NoCanary) {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive $Name)
        Copy-Item -Path (Join-Path $Example '*') -Destination $folder.FullName
        if (-not $NoCanary) { Set-Content -LiteralPath (Join-Path $folder 'canary.yaml') -Value $Canary }
        if ($Broken) { [System.IO.File]::WriteAllText((Join-Path $folder 'broken.yaml'), $Broken) }
        $folder.FullName
    }

    function Get-FindingKey([object[]] $Findings) {
        @($Findings | ForEach-Object { '{0} {1}:{2} {3}' -f $_.RuleId, (Split-Path -Leaf $_.File), $_.Line, $_.Resource })
    }

    # What the cmdlet reveals of its insides when a shape reaches code that did not expect it.
    $DotNetInternals = 'Object reference|NullReference|System\.[A-Z]|\bat MeshOps\.|\bat System\.|Exception:|   at '

    function Assert-CleanError([System.Management.Automation.ErrorRecord] $Record) {
        $Record.FullyQualifiedErrorId | Should -Match '^MeshOps\.[A-Za-z]+,'
        "$Record" | Should -Not -Match $DotNetInternals
        $Record.Exception.Message | Should -Not -Match $DotNetInternals
    }

    $BaselineFolder = New-CaseFolder 'baseline' $null
    $Baseline = Get-FindingKey (Test-MeshConfig -Path $BaselineFolder -MinimumSeverity Info)

}

Describe 'Test-MeshConfig baseline for the bad-input cases' -Tag Unit {
    It 'reports the canary''s MESH101 beside the healthy set' {
        $Baseline | Should -Contain 'MESH101 canary.yaml:11 Service/canary/canary'
    }

    It 'passes -Quiet on the healthy set alone, also as README''s CI gate runs it' {
        $healthy = New-CaseFolder 'healthy-only' $null -NoCanary
        Test-MeshConfig -Path $healthy -Quiet | Should -BeExactly $true
        Get-ChildItem $healthy -Filter *.yaml | Test-MeshConfig -DefaultPolicy Deny -Quiet | Should -BeExactly $true
    }
}

Describe 'Test-MeshConfig with one broken file beside HashiCups' -Tag Unit {
    It '<Case>: one non-terminating <Id> naming broken.yaml:<Line>, every other finding kept' -ForEach $BadDocuments {
        $folder = New-CaseFolder "error-$([guid]::NewGuid())" $Broken
        $file = Join-Path $folder 'broken.yaml'

        $findings = Test-MeshConfig -Path $folder -MinimumSeverity Info -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        "$($problems[0])" | Should -Match "$([regex]::Escape($file)):$Line\b"
        $problems[0].TargetObject | Should -Be $file
        Assert-CleanError $problems[0]
        $keys = Get-FindingKey $findings
        foreach ($expected in $Baseline) { $keys | Should -Contain $expected }
    }

    It '<Case>: -Quiet returns $false and README''s CI gate fails' -ForEach $BadDocuments {
        $folder = New-CaseFolder "quiet-$([guid]::NewGuid())" $Broken -NoCanary
        $ErrorActionPreference = 'SilentlyContinue' # the error is asserted above; the verdict is what is tested here

        Test-MeshConfig -Path $folder -Quiet | Should -BeExactly $false
        # README example 3: if (-not (Get-ChildItem ./deploy -Filter *.yaml | Test-MeshConfig -DefaultPolicy Deny -Quiet)) { exit 1 }
        Get-ChildItem $folder -Filter *.yaml | Test-MeshConfig -DefaultPolicy Deny -Quiet | Should -BeExactly $false
    }

    It 'an empty <Annotation> annotation is read as empty: no error, every other finding kept, -Quiet answers' -ForEach $EmptyAnnotations {
        $folder = New-CaseFolder "annotation-$([guid]::NewGuid())" $Broken

        $findings = Test-MeshConfig -Path $folder -MinimumSeverity Info -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems | Should -BeNullOrEmpty
        $keys = Get-FindingKey $findings
        foreach ($expected in $Baseline) { $keys | Should -Contain $expected }
        $quiet = New-CaseFolder "annotation-quiet-$([guid]::NewGuid())" $Broken -NoCanary
        Test-MeshConfig -Path $quiet -Quiet -ErrorVariable quietProblems | Should -BeOfType [bool]
        $quietProblems | Should -BeNullOrEmpty
    }
}

# Issue 10 cause 3: a 1 MB scalar behind four levels of ten aliases expanded into one buffer until the process died.
Describe 'Test-MeshConfig and an alias bomb' -Tag Unit {
    BeforeAll {
        $scalar = 'x' * 1MB
        $levels = 'b', 'c', 'd', 'e'
        $bomb = [System.Text.StringBuilder]::new()
        # The first document of the file is sound and still analysed: a Service selecting nothing (MESH102).
        $null = $bomb.Append("apiVersion: v1`nkind: Service`nmetadata:`n  name: orphan`n  namespace: canary`nspec:`n  selector:`n    app: nobody`n  ports:`n    - port: 80`n---`n")
        $null = $bomb.Append("apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: bomb`ndata:`n  a: &a `"$scalar`"`n")
        $previous = 'a'
        foreach ($level in $levels) {
            $null = $bomb.Append("  ${level}: &$level [$((1..10 | ForEach-Object { "*$previous" }) -join ', ')]`n")
            $previous = $level
        }
        $Bomb = $bomb.ToString()
        # The ConfigMap's lines: the error points at the alias where expansion crossed the bound, within its document.
        $BombLines = 12..17
    }

    It 'fails that document alone with MeshOps.TooManyNodes and keeps every other finding' {
        $folder = New-CaseFolder 'alias-bomb' $Bomb
        $file = Join-Path $folder 'broken.yaml'

        # Without the bound this session dies of memory, and build.ps1 counts a Pester run without a result as failed.
        $findings = Test-MeshConfig -Path $folder -MinimumSeverity Info -ErrorVariable problems -ErrorAction SilentlyContinue
        $quiet = Get-ChildItem $folder -Filter *.yaml | Test-MeshConfig -DefaultPolicy Deny -Quiet -ErrorAction SilentlyContinue

        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.TooManyNodes,*'
        $at = [regex]::Match("$($problems[0])", "^$([regex]::Escape($file)):(\d+):")
        $at.Success | Should -BeTrue -Because "the error names the file and line: $($problems[0])"
        [int]$at.Groups[1].Value | Should -BeIn $BombLines
        Assert-CleanError $problems[0]
        $keys = Get-FindingKey $findings
        foreach ($expected in $Baseline) { $keys | Should -Contain $expected }
        $keys | Should -Contain 'MESH102 broken.yaml:7 Service/canary/orphan'
        $quiet | Should -BeExactly $false
    }
}

# A small seeded fuzz through the cmdlet, beside the SDK's thousands of variants (MutationFuzzTests): one line of one
# healthy file is deleted, blanked, emptied to a lone '-' or given a value of the wrong shape, and nothing of that may
# escape as a terminating error, blame another file, cost the canary's finding or pass -Quiet after an error.
Describe 'Test-MeshConfig over seeded one-line mutations of HashiCups' -Tag Unit {
    BeforeAll {
        # Fixed, so that every run tries the same variants; a failure prints the seed and variant to replay it.
        $Seed = 20261202
        $Variants = 100
        $Folder = New-CaseFolder 'fuzz' $null
        $Files = @(Get-ChildItem -LiteralPath $Folder -File | Where-Object Name -ne 'canary.yaml' | Sort-Object Name)
        $Mutations = @('delete the line', 'blank the value', 'empty the item', '-1', '99999999999', '""', 'null', '[]', "`"$([char]0x1b)[2J`"")

        function Get-Variant([string] $Text, [int] $Index, [string] $Mutation) {
            $lines = [System.Collections.Generic.List[string]]::new([string[]]($Text -split "`n"))
            if ($Mutation -eq 'delete the line') { $lines.RemoveAt($Index); return $lines -join "`n" }
            $line = $lines[$Index]
            if ($Mutation -eq 'empty the item') {
                # The item's body is its line and every line indented deeper than its dash.
                $dash = $line.IndexOf('-')
                while ($Index + 1 -lt $lines.Count -and $lines[$Index + 1] -match "^\s{$($dash + 1),}\S") { $lines.RemoveAt($Index + 1) }
                $lines[$Index] = $line.Substring(0, $dash + 1)
                return $lines -join "`n"
            }
            # What stays of the line: its key and colon, else its dash, else only its indentation (block scalar text).
            $kept = if ($line -match '^(\s*(?:-\s+)?[^\s#:][^:]*:)(\s|$)') { $Matches[1] }
                elseif ($line -match '^(\s*-)(\s|$)') { $Matches[1] }
                else { $line -replace '^(\s*).*$', '$1' }
            $lines[$Index] = if ($Mutation -eq 'blank the value') { $kept } else { "$kept $Mutation" }
            $lines -join "`n"
        }
    }

    It 'lets no terminating error escape and keeps every finding of the untouched files in <Variants> variants' {
        $random = [System.Random]::new($Seed)
        $failures = [System.Collections.Generic.List[string]]::new()
        for ($variant = 0; $variant -lt $Variants; $variant++) {
            $file = $Files[$random.Next($Files.Count)]
            $original = [System.IO.File]::ReadAllText($file.FullName)
            $mutation = $Mutations[$random.Next($Mutations.Count)]
            # The issue's empty list item (a lone '-') needs a list item; any other mutation takes any line of YAML.
            $shape = if ($mutation -eq 'empty the item') { '^\s*-(\s|$)' } else { '^\s*[^\s#-]|^\s*-(\s|$)' }
            $lines = $original -split "`n"
            $candidates = @(0..($lines.Count - 1) | Where-Object { $lines[$_] -match $shape })
            $index = $candidates[$random.Next($candidates.Count)]
            $name = "seed $Seed variant ${variant}: $($file.Name):$($index + 1) $($mutation -replace '\p{Cc}', '?')"
            [System.IO.File]::WriteAllText($file.FullName, (Get-Variant $original $index $mutation))
            try {
                $problems = $null
                $findings = Test-MeshConfig -Path $Folder -MinimumSeverity Info -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
                $quiet = Test-MeshConfig -Path $Folder -Quiet -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
                $keys = Get-FindingKey $findings
                foreach ($expected in $Baseline | Where-Object { $_ -notmatch " $([regex]::Escape($file.Name)):" }) {
                    if ($expected -notin $keys) { $failures.Add("${name}: lost '$expected'") }
                }
                foreach ($problem in $problems) {
                    if ("$problem" -notlike "$($file.FullName):*") { $failures.Add("${name}: an error names another place: $problem") }
                    if ($problem.FullyQualifiedErrorId -notmatch '^MeshOps\.[A-Za-z]+,') { $failures.Add("${name}: no MeshOps error ID: $($problem.FullyQualifiedErrorId)") }
                    if ("$problem" -match $DotNetInternals) { $failures.Add("${name}: .NET internals: $problem") }
                }
                if ($problems -and $quiet -ne $false) { $failures.Add("${name}: -Quiet returned '$quiet' after an error") }
            }
            catch {
                $failures.Add("${name}: terminating error $($_.FullyQualifiedErrorId): $_")
            }
            finally {
                [System.IO.File]::WriteAllText($file.FullName, $original)
            }
        }

        $failures | Should -BeNullOrEmpty -Because ($failures -join "`n")
    }
}
