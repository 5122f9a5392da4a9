#Requires -Version 7.6
# Test-MeshConfig as a user drives it: the built module, real files in $TestDrive, real pipelines.
# Its parameter contract fails when someone renames a parameter or a set that scripts depend on; change it only
# together with a deliberate, announced break.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force

    # The payments workload of HashiCups (setups-local-k8s), trimmed to what the checks read.
    $Deployment = @'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
  labels:
    app: payments
spec:
  replicas: 1
  selector:
    matchLabels:
      app: payments
  template:
    metadata:
      labels:
        app: payments
      annotations:
        consul.hashicorp.com/connect-inject: "true"
    spec:
      serviceAccountName: payments
      containers:
        - name: payments
          image: hashicorpdemoapp/payments:v0.0.16
          ports:
            - containerPort: 8080
'@
    $Companions = @'
apiVersion: v1
kind: ServiceAccount
metadata:
  name: payments
automountServiceAccountToken: true
---
apiVersion: consul.hashicorp.com/v1alpha1
kind: ServiceDefaults
metadata:
  name: payments
spec:
  protocol: "http"
'@
    # A number or a port name; 'payments-http' is a name no container of payments declares (MESH101, an Error: no endpoints).
    function New-Service([string] $TargetPort) {
        @"
apiVersion: v1
kind: Service
metadata:
  name: payments
spec:
  selector:
    app: payments
  ports:
    - name: http
      protocol: TCP
      port: 1800
      targetPort: $TargetPort
"@
    }

    function New-ManifestFolder([string] $Name, [string] $TargetPort) {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive $Name)
        Set-Content -LiteralPath (Join-Path $folder 'deployment.yaml') -Value $Deployment
        Set-Content -LiteralPath (Join-Path $folder 'companions.yaml') -Value $Companions
        Set-Content -LiteralPath (Join-Path $folder 'service.yaml') -Value (New-Service $TargetPort)
        $folder.FullName
    }

    # MESH601 (a Warning): a credential written in clear text in a ConfigMap.
    $CredentialConfigMap = @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: payments-db
data:
  connection: "host=postgres password=hunter2"
'@

    $Healthy = New-ManifestFolder 'healthy' 8080
    $Broken = New-ManifestFolder 'broken' 'payments-http'
    $BrokenStream = Join-Path $TestDrive 'broken-stream.yaml'
    Set-Content -LiteralPath $BrokenStream -Value ($Deployment, $Companions, (New-Service 'payments-http') -join "`n---`n")
}

# Unit: the parameter contract, read from the command's metadata; nothing is analysed.
Describe 'Test-MeshConfig parameters' -Tag Unit {
    BeforeAll {
        $Command = Get-Command -Name Test-MeshConfig
        $Common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    }

    It 'has the parameter sets Live (default: no path, no pipeline), Path, LiteralPath and InputObject' {
        ($Command.ParameterSets.Name | Sort-Object) | Should -Be @('InputObject', 'LiteralPath', 'Live', 'Path')
        $Command.DefaultParameterSet | Should -Be 'Live'
    }

    It 'has exactly the documented parameters' {
        ($Command.Parameters.Keys | Where-Object { $_ -notin $Common } | Sort-Object) |
            Should -Be (@('Path', 'LiteralPath', 'InputObject', 'Context', 'AllNamespaces', 'Kubeconfig', 'Namespace', 'Rule', 'ExcludeRule', 'MinimumSeverity', 'DefaultPolicy', 'TransparentProxy', 'AclsEnabled', 'KnownService', 'KnownServicesPath', 'Quiet', 'AllowEmpty', 'OutputFormat', 'OutputFile', 'FailOn') | Sort-Object)
    }

    It '-<Name> is <Type> in <Sets>' -ForEach @(
        @{ Name = 'Path'; Type = 'System.String[]'; Sets = @('Path') }
        @{ Name = 'LiteralPath'; Type = 'System.String[]'; Sets = @('LiteralPath') }
        @{ Name = 'InputObject'; Type = 'System.String'; Sets = @('InputObject') }
        @{ Name = 'Context'; Type = 'System.String'; Sets = @('Live') }
        @{ Name = 'AllNamespaces'; Type = 'System.Management.Automation.SwitchParameter'; Sets = @('Live') }
        @{ Name = 'Kubeconfig'; Type = 'System.String'; Sets = @('Live') }
        @{ Name = 'Namespace'; Type = 'System.String'; Sets = @('__AllParameterSets') }
        @{ Name = 'Rule'; Type = 'System.String[]'; Sets = @('__AllParameterSets') }
        @{ Name = 'ExcludeRule'; Type = 'System.String[]'; Sets = @('__AllParameterSets') }
        @{ Name = 'MinimumSeverity'; Type = 'MeshOps.Rules.Catalog.Severity'; Sets = @('__AllParameterSets') }
        @{ Name = 'DefaultPolicy'; Type = 'MeshOps.Model.DefaultPolicy'; Sets = @('__AllParameterSets') }
        @{ Name = 'TransparentProxy'; Type = 'System.Boolean'; Sets = @('__AllParameterSets') }
        @{ Name = 'AclsEnabled'; Type = 'System.Boolean'; Sets = @('__AllParameterSets') }
        @{ Name = 'KnownService'; Type = 'System.String[]'; Sets = @('__AllParameterSets') }
        @{ Name = 'KnownServicesPath'; Type = 'System.String'; Sets = @('__AllParameterSets') }
        @{ Name = 'Quiet'; Type = 'System.Management.Automation.SwitchParameter'; Sets = @('__AllParameterSets') }
        @{ Name = 'AllowEmpty'; Type = 'System.Management.Automation.SwitchParameter'; Sets = @('__AllParameterSets') }
        @{ Name = 'OutputFormat'; Type = 'System.String'; Sets = @('__AllParameterSets') }
        @{ Name = 'OutputFile'; Type = 'System.String'; Sets = @('__AllParameterSets') }
        @{ Name = 'FailOn'; Type = 'System.String'; Sets = @('__AllParameterSets') }
    ) {
        $parameter = $Command.Parameters[$Name]
        $parameter.ParameterType.FullName | Should -Be $Type
        @($parameter.ParameterSets.Keys | Sort-Object) | Should -Be @($Sets | Sort-Object)
    }

    It '-Path is positional and takes wildcards' {
        $path = $Command.Parameters['Path']
        $path.ParameterSets['Path'].Position | Should -Be 0
        $path.ParameterSets['Path'].IsMandatory | Should -BeTrue
        $path.ParameterSets['Path'].ValueFromPipelineByPropertyName | Should -BeTrue
        $path.Attributes.Where({ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }) | Should -HaveCount 1
    }

    It '-LiteralPath binds piped FileInfo by PSPath, as Get-Content does, so brackets in names are not wildcards' {
        $literal = $Command.Parameters['LiteralPath']
        $literal.ParameterSets['LiteralPath'].ValueFromPipelineByPropertyName | Should -BeTrue
        $literal.Aliases | Should -Contain 'PSPath'
        $literal.Aliases | Should -Contain 'LP'
    }

    It '-InputObject takes strings from the pipeline, empty lines included' {
        $inputObject = $Command.Parameters['InputObject']
        $inputObject.ParameterSets['InputObject'].ValueFromPipeline | Should -BeTrue
        $inputObject.Attributes.Where({ $_ -is [System.Management.Automation.AllowEmptyStringAttribute] }) | Should -HaveCount 1
    }

    It 'declares Finding and bool as output' {
        $Command.OutputType.Name | Should -Contain 'MeshOps.Analysis.Finding'
        $Command.OutputType.Name | Should -Contain 'System.Boolean'
    }
}

# Integration: analyses of files and piped text.
# Issue 10, cause 6: a gate that checked nothing said $true, so a CI job over an empty or mistyped input passed.
Describe 'Test-MeshConfig -Quiet when nothing is analysed' -Tag Unit {
    BeforeAll {
        $Healthy = New-ManifestFolder 'nothing-healthy' 8080
        $NoManifests = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'no-manifests')
        Set-Content -LiteralPath (Join-Path $NoManifests 'README.md') -Value '# not a manifest'
        $OnlyKustomization = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'only-kustomization')
        Set-Content -LiteralPath (Join-Path $OnlyKustomization 'kustomization.yaml') -Value "apiVersion: kustomize.config.k8s.io/v1beta1`nkind: Kustomization`nresources: []"
    }

    It 'returns $false for <Case>' -ForEach @(
        @{ Case = 'an empty pipeline'; Run = { @() | Test-MeshConfig -Quiet } }
        @{ Case = '$null piped'; Run = { $null | Test-MeshConfig -Quiet } }
        @{ Case = 'an empty string piped'; Run = { '' | Test-MeshConfig -Quiet } }
        @{ Case = 'a folder with no manifests'; Run = { Test-MeshConfig -Path $NoManifests.FullName -Quiet } }
        @{ Case = 'a mistyped folder'; Run = { Test-MeshConfig -Path (Join-Path $TestDrive 'no-such-folder') -Quiet } }
        @{ Case = 'a folder of no objects'; Run = { Test-MeshConfig -Path $OnlyKustomization.FullName -Quiet } }
        @{ Case = 'piped input that does not bind while -Path is given'; Run = { 'apiVersion: v1' | Test-MeshConfig -Path $Healthy -Quiet } }
        @{ Case = 'one piped record that does not bind among files that do'; Run = { @((Get-ChildItem $Healthy -File) + [pscustomobject]@{ Path = '' }) | Test-MeshConfig -Quiet } }
    ) {
        $ErrorActionPreference = 'SilentlyContinue' # the errors are the point; the verdict is what is tested here
        & $Run | Should -BeExactly $false
    }

    It 'says so with MeshOps.NothingAnalysed in ObjectNotFound when no other error did' {
        '' | Test-MeshConfig -Quiet -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeExactly $false

        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.NothingAnalysed,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$problems" | Should -Match '-AllowEmpty'
    }

    It 'says MeshOps.NothingAnalysed for an empty pipeline, never reading a cluster instead (live mode is for no input at all)' {
        @() | Test-MeshConfig -Quiet -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeExactly $false

        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.NothingAnalysed,*'
    }

    It 'writes the error without -Quiet too' {
        Test-MeshConfig -Path $OnlyKustomization.FullName -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems.FullyQualifiedErrorId | Should -BeLike 'MeshOps.NothingAnalysed,*'
    }

    It 'names the records PowerShell dropped with MeshOps.InputNotBound' {
        @((Get-ChildItem $Healthy -File) + [pscustomobject]@{ Path = '' }) |
            Test-MeshConfig -Quiet -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeExactly $false

        $problems.FullyQualifiedErrorId | Should -Contain 'MeshOps.InputNotBound,MeshOps.PowerShell.Commands.TestMeshConfigCommand'
        "$problems" | Should -Match '1 piped record\(s\) could not be bound'
    }

    It 'does not count a dropped record of an earlier run of the same line' {
        $verdicts = foreach ($run in 1..2) {
            $records = if ($run -eq 1) { @([pscustomobject]@{ Path = '' }) } else { @(Get-ChildItem $Healthy -File) }
            $records | Test-MeshConfig -Quiet -ErrorAction SilentlyContinue
        }
        $verdicts | Should -Be @($false, $true)
    }

    It 'accepts an input without objects with -AllowEmpty' {
        '' | Test-MeshConfig -Quiet -AllowEmpty -ErrorVariable problems | Should -BeExactly $true
        $problems | Should -BeNullOrEmpty
    }

    It 'still fails a mistyped path with -AllowEmpty' {
        Test-MeshConfig -Path (Join-Path $TestDrive 'no-such-folder') -Quiet -AllowEmpty -ErrorAction SilentlyContinue | Should -BeExactly $false
    }

    It 'still passes a healthy folder' {
        Test-MeshConfig -Path $Healthy -Quiet | Should -BeExactly $true
    }
}

# Issue 10, cause 1: a named pipe was opened and blocked the run forever; it is an error naming it instead.
Describe 'Test-MeshConfig and a named pipe' -Tag Unit -Skip:(-not $IsLinux) {
    BeforeAll {
        $Folder = New-ManifestFolder 'with-pipe' 8080
        $Pipe = Join-Path $Folder 'pipe.yaml'
        mkfifo $Pipe
        $OnlyPipe = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'only-pipe')
        mkfifo (Join-Path $OnlyPipe 'pipe.yaml')

        # Reverting the fix blocks the run forever: run it in a job (a process of its own, which Stop-Job can end) and
        # fail after a bound instead of hanging the suite.
        function Invoke-Guarded([string] $Command) {
            $module = (Get-Module MeshOps).Path
            $job = Start-Job -ScriptBlock {
                Import-Module $using:module
                $problems = @()
                $output = . ([scriptblock]::Create("$using:Command -ErrorVariable +problems -ErrorAction SilentlyContinue"))
                [pscustomobject]@{ Output = @($output); ErrorIds = @($problems.FullyQualifiedErrorId); Messages = "$problems" }
            }
            $finished = Wait-Job $job -Timeout 60
            if (-not $finished) { Stop-Job $job; Remove-Job $job -Force; throw 'Test-MeshConfig did not finish: it blocked on the pipe.' }
            $result = Receive-Job $job
            Remove-Job $job
            $result
        }
    }

    It 'reports <How> as MeshOps.NotARegularFile and analyses the other files' -ForEach @(
        @{ How = 'a folder holding it'; Wildcard = $false }
        @{ How = 'a wildcard matching it'; Wildcard = $true }
    ) {
        $target = if ($Wildcard) { Join-Path $Folder '*.yaml' } else { $Folder }
        $result = Invoke-Guarded "Test-MeshConfig -Path '$target' -Rule MESH101"

        @($result.ErrorIds | Where-Object { $_ -like 'MeshOps.NotARegularFile*' }) | Should -HaveCount 1
        $result.Messages | Should -Match ([regex]::Escape($Pipe))
    }

    It 'returns $false with -Quiet for a folder holding only a pipe' {
        (Invoke-Guarded "Test-MeshConfig -Path '$($OnlyPipe.FullName)' -Quiet").Output | Should -Be @($false)
    }
}

Describe 'Test-MeshConfig' -Tag Integration {
    Context 'a Service whose targetPort matches no containerPort' {
        It 'reports MESH101 with the file and line of the Service' {
            $finding = Test-MeshConfig -Path $Broken | Where-Object RuleId -EQ 'MESH101' | Select-Object -First 1

            $finding | Should -Not -BeNullOrEmpty
            $finding.File | Should -BeLike '*service.yaml'
            $finding.Line | Should -BeGreaterThan 0
        }

        It 'resolves -Path relative to the PowerShell location' {
            Push-Location $TestDrive
            try {
                (Test-MeshConfig -Path ./brok* -Rule MESH101).RuleId | Should -Contain 'MESH101'
            }
            finally {
                Pop-Location
            }
        }

        It 'reads -LiteralPath as written' {
            (Test-MeshConfig -LiteralPath $Broken -Rule MESH101).RuleId | Should -Contain 'MESH101'
        }
    }

    Context '-Quiet' {
        It 'returns $true for a healthy configuration' {
            Test-MeshConfig -Path $Healthy -Quiet | Should -BeExactly $true
        }

        It 'returns $false when an error is found' {
            Test-MeshConfig -Path $Broken -Quiet | Should -BeExactly $false
        }

        It 'returns $true when every finding is a warning' {
            $folder = New-ManifestFolder 'warnings-only' 8080
            Set-Content -LiteralPath (Join-Path $folder 'configmap.yaml') -Value $CredentialConfigMap
            $findings = Test-MeshConfig -Path $folder
            $findings.RuleId | Should -Contain 'MESH601'
            $findings.Severity | ForEach-Object { "$_" } | Should -Not -Contain 'Error'

            Test-MeshConfig -Path $folder -Quiet | Should -BeExactly $true
        }

        It 'returns $false when a file fails to load, though no finding is an error' {
            $folder = New-ManifestFolder 'healthy-and-malformed' 8080
            Set-Content -LiteralPath (Join-Path $folder 'bad.yaml') -Value "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: bad`ndata:`n  key: [unclosed"
            $findings = Test-MeshConfig -Path $folder -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems | Should -HaveCount 1
            $findings | Where-Object Severity -EQ 'Error' | Should -BeNullOrEmpty

            Test-MeshConfig -Path $folder -Quiet -ErrorAction SilentlyContinue | Should -BeExactly $false
        }

        It 'returns $false when a path does not exist' {
            Test-MeshConfig -Path $Healthy, (Join-Path $TestDrive 'absent') -Quiet -ErrorAction SilentlyContinue |
                Should -BeExactly $false
        }
    }

    Context 'text from the pipeline' {
        It 'analyses a whole document (Get-Content -Raw), located in stdin' {
            $finding = Get-Content -Raw -LiteralPath $BrokenStream | Test-MeshConfig | Where-Object RuleId -EQ 'MESH101'

            $finding | Should -Not -BeNullOrEmpty
            $finding[0].File | Should -Be '<stdin>'
            $finding[0].Line | Should -BeGreaterThan 0
        }

        It 'analyses text sent one line at a time, as kubectl output arrives' {
            $finding = Get-Content -LiteralPath $BrokenStream | Test-MeshConfig | Where-Object RuleId -EQ 'MESH101'

            $finding | Should -Not -BeNullOrEmpty
            $finding[0].File | Should -Be '<stdin>'
        }

        It 'gives the same line for both ways of sending the text' {
            $raw = Get-Content -Raw -LiteralPath $BrokenStream | Test-MeshConfig -Rule MESH101
            $lines = Get-Content -LiteralPath $BrokenStream | Test-MeshConfig -Rule MESH101

            $lines.Line | Should -Be $raw.Line
        }
    }

    Context 'files from the pipeline' {
        It 'analyses everything Get-ChildItem sends as one set' {
            # The Service and the Deployment arrive as separate pipeline records; the check needs both.
            $findings = Get-ChildItem -LiteralPath $Broken -Filter *.yaml | Test-MeshConfig

            $findings.RuleId | Should -Contain 'MESH101'
        }
    }

    Context 'file names with wildcard characters' {
        It 'reads a piped file named with brackets literally' {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'brackets')
            Set-Content -LiteralPath (Join-Path $folder 'payments[1].yaml') -Value ($Deployment, $Companions, (New-Service 'payments-http') -join "`n---`n")

            $findings = Get-ChildItem -LiteralPath $folder | Test-MeshConfig -ErrorVariable problems -ErrorAction SilentlyContinue

            $problems | Should -BeNullOrEmpty
            $findings.RuleId | Should -Contain 'MESH101'
        }
    }

    Context 'the embedded HashiCups example' {
        BeforeAll {
            $Example = Join-Path $PSScriptRoot '../../examples/hashicups/healthy'
            $WithoutIntentions = Get-ChildItem -LiteralPath $Example -File | Where-Object Name -ne 'intentions.yaml'
        }

        It 'passes -Quiet when healthy' {
            Test-MeshConfig -Path $Example -Quiet | Should -BeExactly $true
        }

        It 'reports <Rule> alone, at <File>:<Line>, for the seeded fault <Fault> laid over the healthy files' -ForEach @(
            @{ Fault = 'MESH109-worker-without-service'; Rule = 'MESH109'; File = 'payments-worker.yaml'; Line = 22 }
            @{ Fault = 'MESH207-intention-renamed'; Rule = 'MESH207'; File = 'intentions.yaml'; Line = 51 }
            @{ Fault = 'MESH504-payments-networkpolicy'; Rule = 'MESH504'; File = 'networkpolicy.yaml'; Line = 9 }
            @{ Fault = 'MESH901-payments-crashloop'; Rule = 'MESH901'; File = 'payments-pods.yaml'; Line = 65 }
        ) {
            $faultFolder = Join-Path $PSScriptRoot "../../examples/hashicups/faults/$Fault"
            $replaced = (Get-ChildItem -LiteralPath $faultFolder -File).Name
            $files = @(Get-ChildItem -LiteralPath $Example -File | Where-Object Name -NotIn $replaced) + @(Get-ChildItem -LiteralPath $faultFolder -File)

            $finding = $files | Test-MeshConfig

            $finding | Should -HaveCount 1
            $finding.RuleId | Should -Be $Rule
            Split-Path -Leaf $finding.File | Should -Be $File
            $finding.Line | Should -Be $Line
            $finding.Confirm | Should -Match '^kubectl '
        }

        It 'allows calls with no intention under the default policy Allow, as Consul does with ACLs off' {
            $WithoutIntentions | Test-MeshConfig -Rule MESH201 | Should -BeNullOrEmpty
        }

        It 'reports every HashiCups call as denied under -DefaultPolicy Deny when no intention allows it' {
            $findings = $WithoutIntentions | Test-MeshConfig -Rule MESH201 -DefaultPolicy Deny

            # nginx->frontend, nginx->public-api, public-api->products-api, public-api->payments, products-api->postgres
            $findings | Should -HaveCount 5
            $findings[0].Message | Should -Match 'default is deny'
            # The user set it with a parameter: the finding says so in PowerShell's words, not the SDK's.
            $findings[0].Message | Should -Match '-DefaultPolicy parameter'
            $findings[0].Message | Should -Not -Match 'AnalysisOptions'
            $findings.Confirm | Should -Contain 'consul intention check public-api payments'
        }
    }

    Context 'mesh settings read from a Helm values file' {
        BeforeAll {
            $Values = Join-Path $TestDrive 'consul-values.yaml'
            Set-Content -LiteralPath $Values -Value "global:`n  acls:`n    manageSystemACLs: true`nconnectInject:`n  enabled: true"
            $Example = Join-Path $PSScriptRoot '../../examples/hashicups/healthy'
            $WithoutIntentions = @(Get-ChildItem -LiteralPath $Example -File | Where-Object Name -ne 'intentions.yaml') + @(Get-Item -LiteralPath $Values)
        }

        It 'denies calls no intention allows when the values enable ACLs, and says where that came from' {
            $findings = $WithoutIntentions | Test-MeshConfig -Rule MESH201

            $findings | Should -HaveCount 5
            $findings[0].Message | Should -Match 'global\.acls\.manageSystemACLs in consul-values\.yaml:3'
        }

        It 'lets -AclsEnabled $false override the values file' {
            $WithoutIntentions | Test-MeshConfig -Rule MESH201 -AclsEnabled $false | Should -BeNullOrEmpty
        }

        It 'reports the missing default deny when ACLs are off (-AclsEnabled $false) and no deny-all exists' {
            $finding = $WithoutIntentions | Test-MeshConfig -Rule MESH206 -AclsEnabled $false

            $finding.RuleId | Should -Be 'MESH206'
            $finding.File | Should -Be $Values
        }
    }

    Context 'services installed elsewhere' {
        BeforeAll {
            # web calls a Service no input declares and that is not a near miss of one: a chart may install it.
            $Mesh = @'
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
      annotations:
        consul.hashicorp.com/connect-inject: "true"
    spec:
      containers:
        - name: web
          image: example/web:1
          ports:
            - containerPort: 8080
          env:
            - name: TRACES
              value: http://jaeger-collector-headless:14268
'@
            $Manifest = Join-Path $TestDrive 'calls-jaeger.yaml'
            Set-Content -LiteralPath $Manifest -Value $Mesh
        }

        It 'reports the unknown target as a Warning whose assumption names -KnownService' {
            $finding = Test-MeshConfig -Path $Manifest -Rule MESH104

            $finding.Severity | Should -Be 'Warning'
            $finding.Assumption | Should -Match 'name it with the -KnownService parameter: jaeger-collector-headless\.$'
            $finding.Message | Should -Match 'Assumed: '
            ($finding | Format-List | Out-String) | Should -Match 'Assumption\s*:'
        }

        It 'counts -KnownService <Known> as declared' -ForEach @(
            @{ Known = 'jaeger-collector-headless' }
            @{ Known = 'jaeger-collector-headless.default' }
        ) {
            Test-MeshConfig -Path $Manifest -Rule MESH104 -KnownService $Known | Should -BeNullOrEmpty
        }

        It 'reads -KnownServicesPath as <Format>' -ForEach @(
            @{ Format = 'one name a line'; Text = "# installed by the Jaeger chart`njaeger-collector-headless`n" }
            @{ Format = 'a YAML list'; Text = "- jaeger-collector-headless`n- other.tracing`n" }
            @{ Format = 'a JSON array'; Text = '["jaeger-collector-headless", "other.tracing"]' }
        ) {
            $list = Join-Path $TestDrive 'known.txt'
            Set-Content -LiteralPath $list -Value $Text

            Test-MeshConfig -Path $Manifest -Rule MESH104 -KnownServicesPath $list | Should -BeNullOrEmpty
        }

        It 'refuses an entry that is not name or name.namespace: a terminating MeshOps.InvalidKnownService error' {
            $thrown = { Test-MeshConfig -Path $Manifest -KnownService 'Jaeger_Collector' } | Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -BeLike 'MeshOps.InvalidKnownService,*'
            $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $thrown.TargetObject | Should -Be 'Jaeger_Collector'
        }

        It 'refuses a -KnownServicesPath that does not exist: a terminating MeshOps.PathNotFound error' {
            $thrown = { Test-MeshConfig -Path $Manifest -KnownServicesPath (Join-Path $TestDrive 'absent.txt') } | Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -BeLike 'MeshOps.PathNotFound,*'
        }

        It 'names -AclsEnabled when no Helm values say whether ACLs are on' {
            $intentions = Join-Path $TestDrive 'intentions.yaml'
            Set-Content -LiteralPath $intentions -Value "apiVersion: consul.hashicorp.com/v1alpha1`nkind: ServiceIntentions`nmetadata:`n  name: web`nspec:`n  destination:`n    name: web`n  sources:`n    - name: web`n      action: allow"
            $finding = Test-MeshConfig -Path $Manifest, $intentions -Rule MESH206

            $finding.Severity | Should -Be 'Warning'
            $finding.Assumption | Should -Match 'say so with the -AclsEnabled parameter\.$'
            Test-MeshConfig -Path $Manifest, $intentions -Rule MESH206 -AclsEnabled $true | Should -BeNullOrEmpty
        }
    }

    Context 'a path that does not exist' {
        BeforeAll {
            $Missing = Join-Path $TestDrive 'absent'
            $findings = Test-MeshConfig -Path $Missing, $Broken -ErrorVariable problems -ErrorAction SilentlyContinue
        }

        It 'is a non-terminating MeshOps.PathNotFound error aimed at the path' {
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.PathNotFound,*'
            $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $problems[0].Exception | Should -BeOfType ([System.Management.Automation.ItemNotFoundException])
            $problems[0].TargetObject | Should -Be $Missing
        }

        It 'is exactly one error, MeshOps.PathNotFound in ObjectNotFound, given by <How>' -ForEach @(
            @{ How = '-Path'; Parameter = 'Path'; Name = 'absent' }
            @{ How = '-Path with a wildcard that matches nothing'; Parameter = 'Path'; Name = 'absent*.yaml' }
            @{ How = '-LiteralPath'; Parameter = 'LiteralPath'; Name = 'absent' }
        ) {
            $arguments = @{ $Parameter = Join-Path $TestDrive $Name }

            Test-MeshConfig @arguments -ErrorVariable missingProblems -ErrorAction SilentlyContinue

            $missingProblems | Should -HaveCount 1
            $missingProblems[0].FullyQualifiedErrorId | Should -Be 'MeshOps.PathNotFound,MeshOps.PowerShell.Commands.TestMeshConfigCommand'
            $missingProblems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }

        It 'still analyses the other paths' {
            $findings.RuleId | Should -Contain 'MESH101'
        }

        It 'is reported for a wildcard that matches nothing' {
            Test-MeshConfig -Path (Join-Path $TestDrive 'absent*.yaml') -ErrorVariable wildcardProblems -ErrorAction SilentlyContinue
            $wildcardProblems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.PathNotFound,*'
        }

        It 'is reported as MeshOps.NotFileSystemPath, an invalid argument, for a path on another provider' {
            Test-MeshConfig -Path 'Env:PATH' -ErrorVariable providerProblems -ErrorAction SilentlyContinue
            $providerProblems | Should -HaveCount 1
            $providerProblems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.NotFileSystemPath,*'
            $providerProblems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        It 'makes -Quiet return $false for a path on another provider' {
            Test-MeshConfig -Path $Broken -Rule MESH601 -Quiet | Should -BeExactly $true
            Test-MeshConfig -Path $Broken, 'Env:PATH' -Rule MESH601 -Quiet -ErrorAction SilentlyContinue | Should -BeExactly $false
        }

        It 'is reported for -LiteralPath too' {
            Test-MeshConfig -LiteralPath $Missing -ErrorVariable literalProblems -ErrorAction SilentlyContinue
            $literalProblems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.PathNotFound,*'
        }
    }

    Context 'malformed YAML' {
        BeforeAll {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'malformed')
            Copy-Item -Path (Join-Path $Broken '*') -Destination $folder
            Set-Content -LiteralPath (Join-Path $folder 'bad.yaml') -Value @'
apiVersion: v1
kind: ConfigMap
metadata:
  name: broken
data:
  key: [unclosed
'@
            $findings = Test-MeshConfig -Path $folder.FullName -ErrorVariable problems -ErrorAction SilentlyContinue
        }

        It 'is a non-terminating error naming the file and line' {
            $problems | Should -Not -BeNullOrEmpty
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.YamlSyntax,*'
            $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $problems[0].Exception | Should -BeOfType ([System.IO.InvalidDataException])
            $problems[0].Exception.Message | Should -Match 'bad\.yaml:\d+'
            $problems[0].TargetObject | Should -BeLike '*bad.yaml'
        }

        It 'carries no stack trace' {
            ($problems[0] | Out-String) | Should -Not -Match '\s+at \S+\('
        }

        It 'leaves the other files analysed' {
            $findings.RuleId | Should -Contain 'MESH101'
        }

        It 'makes -Quiet return $false' {
            Test-MeshConfig -Path $folder.FullName -Quiet -ErrorAction SilentlyContinue | Should -BeExactly $false
        }
    }

    Context 'an input beyond the loader''s limits' {
        It 'is MeshOps.NestingTooDeep in LimitsExceeded, and -Quiet returns $false' {
            $deep = Join-Path $TestDrive 'deep.yaml'
            Set-Content -LiteralPath $deep -Value ("apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: deep`ndata:`n  x: " + ('[' * 300) + (']' * 300))

            Test-MeshConfig -LiteralPath $deep -ErrorVariable deepProblems -ErrorAction SilentlyContinue

            $deepProblems | Should -HaveCount 1
            $deepProblems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.NestingTooDeep,*'
            $deepProblems[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
            Test-MeshConfig -LiteralPath $deep -Quiet -ErrorAction SilentlyContinue | Should -BeExactly $false
        }
    }

    Context 'a folder without manifests' {
        It 'is MeshOps.NoManifestFiles in ObjectNotFound' {
            $empty = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'empty')

            Test-MeshConfig -LiteralPath $empty.FullName -ErrorVariable emptyProblems -ErrorAction SilentlyContinue

            $emptyProblems | Should -HaveCount 1
            $emptyProblems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.NoManifestFiles,*'
            $emptyProblems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
    }

    Context '-Namespace, read as kubectl apply -n reads it' {
        BeforeAll {
            $OtherNamespace = Join-Path $TestDrive 'other-namespace.yaml'
            Set-Content -LiteralPath $OtherNamespace -Value "apiVersion: v1`nkind: ConfigMap`nmetadata:`n  name: settings`n  namespace: other`n---`napiVersion: v1`nkind: Namespace`nmetadata:`n  name: shop`n  namespace: ignored"
        }

        It 'puts objects written without a namespace in it' {
            (Test-MeshConfig -Path $Broken -Namespace shop -Rule MESH101).Resource.Namespace | Should -Be 'shop'
        }

        It 'leaves them in default without it' {
            (Test-MeshConfig -Path $Broken -Rule MESH101).Resource.Namespace | Should -Be 'default'
        }

        It 'is one MeshOps.NamespaceMismatch error in kubectl''s words for an object written for another namespace, none for a cluster-scoped one' {
            Test-MeshConfig -LiteralPath $OtherNamespace -Namespace shop -ErrorVariable nsProblems -ErrorAction SilentlyContinue

            $nsProblems | Should -HaveCount 1
            $nsProblems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.NamespaceMismatch,*'
            $nsProblems[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $nsProblems[0].Exception.Message | Should -BeLike '*other-namespace.yaml:5:3: ConfigMap ''settings'': the namespace from the provided object "other" does not match the namespace "shop". You must pass ''--namespace=other'' to perform this operation.'
        }

        It 'makes -Quiet return $false on such an object' {
            Test-MeshConfig -LiteralPath $OtherNamespace -Namespace shop -Quiet -ErrorAction SilentlyContinue | Should -BeExactly $false
        }
    }

    Context 'a key written twice' {
        BeforeAll {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'repeated-key')
            Copy-Item -Path (Join-Path $Healthy '*') -Destination $folder
            # kubectl keeps the last targetPort (8080, which the container declares), so nothing is broken.
            Set-Content -LiteralPath (Join-Path $folder 'service.yaml') -Value ((New-Service 9090) + "`n      targetPort: 8080")
            $Repeated = $folder.FullName
            $findings = Test-MeshConfig -Path $Repeated -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable problems -ErrorAction SilentlyContinue
        }

        It 'is read with the last value, as kubectl reads it' {
            # The healthy set gives no finding at all, so $findings may be $null: filter rather than read .RuleId.
            $findings | Where-Object RuleId -EQ 'MESH101' | Should -BeNullOrEmpty
        }

        It 'is one warning naming the place and the ID, and no error' {
            $problems | Should -BeNullOrEmpty
            $warnings | Should -HaveCount 1
            $warnings[0].Message | Should -BeLike '*service.yaml:13:7: The key ''targetPort'' is written twice in the same mapping (first at line 12)*(MeshOps.DuplicateKey)'
        }

        It 'leaves -Quiet returning $true' {
            Test-MeshConfig -Path $Repeated -Quiet -WarningAction SilentlyContinue | Should -BeExactly $true
        }
    }

    Context 'files that are not Kubernetes objects' {
        BeforeAll {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'with-tool-files')
            Copy-Item -Path (Join-Path $Healthy '*') -Destination $folder
            Set-Content -LiteralPath (Join-Path $folder 'kind-cluster.yaml') -Value "kind: Cluster`napiVersion: kind.x-k8s.io/v1alpha4`nnodes:`n  - role: control-plane"
            Set-Content -LiteralPath (Join-Path $folder 'kong-values.yaml') -Value "ingressController:`n  installCRDs: false`npodAnnotations:`n  consul.hashicorp.com/connect-inject: `"true`""
            $WithToolFiles = $folder.FullName
        }

        It 'are skipped with a verbose note saying why, and no error' {
            $verbose = Test-MeshConfig -Path $WithToolFiles -Verbose -ErrorVariable problems 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message

            $problems | Should -BeNullOrEmpty
            $verbose | Should -Contain ("skipped $(Join-Path $WithToolFiles 'kind-cluster.yaml'):1:1: a kind cluster configuration (read by 'kind create cluster'), not a Kubernetes object (apiVersion kind.x-k8s.io/v1alpha4)")
            $verbose | Where-Object { $_ -like 'skipped *kong-values.yaml:1:1: *not the consul-k8s chart''s*' } | Should -HaveCount 1
        }

        It 'leave -Quiet returning $true' {
            Test-MeshConfig -Path $WithToolFiles -Quiet | Should -BeExactly $true
        }
    }

    # chmod 000 stops no one when tests run as root (as CI does). A symbolic link to itself cannot be opened by anyone:
    # the open fails with "too many levels of symbolic links". Windows needs a privilege to create links.
    Context 'a file that cannot be read' -Skip:$IsWindows {
        BeforeAll {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'unreadable')
            Copy-Item -Path (Join-Path $Broken '*') -Destination $folder
            $Unreadable = Join-Path $folder.FullName 'loop.yaml'
            $null = New-Item -ItemType SymbolicLink -Path $Unreadable -Target $Unreadable
            $Folder = $folder.FullName
            $findings = Test-MeshConfig -Path $Folder -ErrorVariable problems -ErrorAction SilentlyContinue
        }

        It 'is one non-terminating UnreadableFile error naming the file' {
            $problems | Should -HaveCount 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.UnreadableFile,*'
            $problems[0].CategoryInfo.Category | Should -Be 'ReadError'
            $problems[0].TargetObject | Should -Be $Unreadable
            $problems[0].Exception.Message | Should -Match 'loop\.yaml: The file cannot be read'
        }

        It 'leaves the other files analysed' {
            $findings.RuleId | Should -Contain 'MESH101'
        }

        It 'stops the pipeline only with -ErrorAction Stop' {
            { Test-MeshConfig -Path $Folder -ErrorAction Stop } | Should -Throw -ExpectedMessage '*loop.yaml*'
        }

        It 'makes -Quiet return $false' {
            Test-MeshConfig -Path $Folder -Quiet -ErrorAction SilentlyContinue | Should -BeExactly $false
        }
    }

    Context 'filters' {
        BeforeAll {
            # Two rules of two severities: MESH101 (Error) from the Service, MESH601 (Warning) from the ConfigMap.
            # Each filter test shows what the filter removes is there without it.
            $Mixed = New-ManifestFolder 'mixed' 'payments-http'
            Set-Content -LiteralPath (Join-Path $Mixed 'configmap.yaml') -Value $CredentialConfigMap
            $Unfiltered = Test-MeshConfig -Path $Mixed
        }

        It 'finds both rules and both severities without a filter' {
            $Unfiltered.RuleId | Should -Contain 'MESH101'
            $Unfiltered.RuleId | Should -Contain 'MESH601'
            $Unfiltered.Severity | ForEach-Object { "$_" } | Should -Contain 'Error'
            $Unfiltered.Severity | ForEach-Object { "$_" } | Should -Contain 'Warning'
        }

        It '-Rule keeps only the named rule: <Rule>' -ForEach @(
            @{ Rule = 'MESH101'; Other = 'MESH601' }
            @{ Rule = 'MESH601'; Other = 'MESH101' }
        ) {
            $findings = Test-MeshConfig -Path $Mixed -Rule $Rule

            $findings.RuleId | Sort-Object -Unique | Should -Be $Rule
            $findings.RuleId | Should -Not -Contain $Other
        }

        It '-Rule takes several rules' {
            $findings = Test-MeshConfig -Path $Mixed -Rule MESH101, MESH601

            $findings.RuleId | Sort-Object -Unique | Should -Be @('MESH101', 'MESH601')
        }

        It 'takes rule ids in any case' {
            (Test-MeshConfig -Path $Mixed -Rule mesh601).RuleId | Sort-Object -Unique | Should -Be 'MESH601'
            (Test-MeshConfig -Path $Mixed -ExcludeRule mesh601).RuleId | Should -Not -Contain 'MESH601'
        }

        It '-ExcludeRule drops the named rule and keeps the others' {
            $findings = Test-MeshConfig -Path $Mixed -ExcludeRule MESH101

            $findings.RuleId | Should -Not -Contain 'MESH101'
            $findings.RuleId | Should -Contain 'MESH601'
        }

        It '-MinimumSeverity Error drops warnings and keeps errors' {
            $findings = Test-MeshConfig -Path $Mixed -MinimumSeverity Error

            $findings.Severity | ForEach-Object { "$_" } | Sort-Object -Unique | Should -Be 'Error'
            $findings.RuleId | Should -Contain 'MESH101'
            $findings.RuleId | Should -Not -Contain 'MESH601'
        }

        It '-MinimumSeverity Warning keeps warnings and errors' {
            $findings = Test-MeshConfig -Path $Mixed -MinimumSeverity Warning

            $findings.RuleId | Should -Contain 'MESH101'
            $findings.RuleId | Should -Contain 'MESH601'
        }

        It 'an unknown rule id <Id> given to -<Parameter> is a terminating MeshOps.UnknownRule error' -ForEach @(
            @{ Parameter = 'Rule'; Id = 'NOT-A-RULE' }
            @{ Parameter = 'ExcludeRule'; Id = 'NOT-A-RULE' }
            @{ Parameter = 'Rule'; Id = 'MESH999' }
        ) {
            $arguments = @{ Path = $Broken; $Parameter = $Id }
            $thrown = { Test-MeshConfig @arguments } | Should -Throw -PassThru
            $thrown.FullyQualifiedErrorId | Should -BeLike 'MeshOps.UnknownRule,*'
            $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $thrown.Exception | Should -BeOfType ([System.ArgumentException])
            $thrown.TargetObject | Should -Be $Id
            $thrown.Exception.Message | Should -Match 'MESH101'
        }
    }

    Context 'formatted output' {
        It 'groups the table by severity and shows file:line relative to the current directory' {
            Push-Location $TestDrive
            try {
                $text = Test-MeshConfig -Path $Broken | Out-String -Width 250
            }
            finally {
                Pop-Location
            }

            $text | Should -Match 'Severity: Error'
            $text | Should -Match ([regex]::Escape((Join-Path 'broken' 'service.yaml')) + ':\d+')
            $text | Should -Match 'MESH101'
        }

        It 'shows the fix and the confirming command in the list view' {
            $text = Test-MeshConfig -Path $Broken -Rule MESH101 | Format-List | Out-String -Width 250

            $text | Should -Match 'Fix\s+:'
            $text | Should -Match 'Confirm\s+:'
        }
    }
}
