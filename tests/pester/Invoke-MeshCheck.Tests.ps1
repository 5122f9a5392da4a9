#Requires -Version 7.6
# Invoke-MeshCheck as a CI step runs it: a child pwsh per run, since Pester cannot run inside the Pester run that runs
# this file, and the child's exit code is the contract. The suites are hand-written in Support/Suites (named .Suite.ps1
# so this repository's own Pester run does not collect them) and follow New-MeshCheckSuite's contract:
# param([string[]] $Path = <manifests>, [switch] $Live).

BeforeDiscovery {
    $Suites = Join-Path $PSScriptRoot 'Support/Suites'
}

BeforeAll {
    $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $ModulePath = Join-Path $RepoRoot 'artifacts/MeshOps/MeshOps.psd1'
    $Suites = Join-Path $PSScriptRoot 'Support/Suites'
    $Examples = Join-Path $RepoRoot 'examples/hashicups'
    # The Pester running this file: the child imports the same one.
    $PesterManifest = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force

    # Runs $Command in a fresh pwsh with Pester (unless -Prelude replaces that) and MeshOps imported. Errors print in
    # NormalView, which names each error's ID; the last line of JSON the command prints is returned as Json.
    function Invoke-Child([string] $Command, [string] $Prelude = "Import-Module '$PesterManifest'") {
        $script = "`$PSStyle.OutputRendering = 'PlainText'; `$ErrorView = 'NormalView'; $Prelude; Import-Module '$ModulePath'; $Command"
        Push-Location $RepoRoot
        try {
            $output = @(dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1 | ForEach-Object { "$_" })
            $exitCode = $LASTEXITCODE
        }
        finally {
            Pop-Location
        }

        $json = $output | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1
        [pscustomobject]@{
            ExitCode = $exitCode
            Text     = $output -join "`n"
            Json     = if ($json) { $json | ConvertFrom-Json } else { $null }
        }
    }

    # The files of healthy/ with a fault folder laid over it, as examples/hashicups/README.md says.
    function Get-HashiCupsFiles([string] $Fault) {
        $healthy = @(Get-ChildItem -LiteralPath (Join-Path $Examples 'healthy') -File)
        $faultFiles = @(Get-ChildItem -LiteralPath (Join-Path $Examples "faults/$Fault") -File)
        @($healthy | Where-Object Name -notin $faultFiles.Name) + $faultFiles
    }

    function Quote([string[]] $Values) { ($Values | ForEach-Object { "'$_'" }) -join ', ' }

    # The summary as JSON, printed last; the pipeline keeps Invoke-MeshCheck's errors in the exit code.
    $AsJson = '| ConvertTo-Json -Depth 4 -Compress'
}

Describe 'Invoke-MeshCheck verdict and exit code' -Tag Integration {
    It 'runs a passing suite on its own manifests: the counts, no error, exit code 0' {
        $run = Invoke-Child "Invoke-MeshCheck -Suite '$Suites/HashiCups.Suite.ps1' $AsJson"

        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Json.Result | Should -Be 'Passed'
        $run.Json.Passed | Should -Be 4
        $run.Json.Failed | Should -Be 0
        $run.Json.FailedSuites | Should -Be 0
        @($run.Json.Suites) | Should -Be @((Resolve-Path "$Suites/HashiCups.Suite.ps1").Path)
        $run.Json.Source | Should -Be "the suites' own manifests"
        @($run.Json.Failures) | Should -HaveCount 0
        $run.Text | Should -Not -Match 'MeshOps\.'
    }

    It 'fails on the manifests -Path gives (a seeded fault): MeshOps.ChecksFailed after the output, exit code 1, the failed check and its message' {
        $files = (Get-HashiCupsFiles 'MESH101-payments-targetport').FullName
        $run = Invoke-Child "Invoke-MeshCheck -Suite '$Suites/HashiCups.Suite.ps1' -Path $(Quote $files) $AsJson"

        $run.ExitCode | Should -Be 1 -Because $run.Text
        $run.Text | Should -Match 'FullyQualifiedErrorId : MeshOps\.ChecksFailed,'
        $run.Text | Should -Match '1 of 4 check\(s\) failed: HashiCups call paths\.public-api reaches payments'
        $run.Json.Result | Should -Be 'Failed'
        $run.Json.Passed | Should -Be 3
        $run.Json.Failed | Should -Be 1
        $failure = @($run.Json.Failures)
        $failure.Name | Should -Be @('HashiCups call paths.public-api reaches payments')
        $failure[0].Message | Should -Match 'fails at ServicePort: MESH101'
        $failure[0].Suite | Should -Be (Resolve-Path "$Suites/HashiCups.Suite.ps1").Path
        $run.Json.Source | Should -Match 'MESH101-payments-targetport'
    }

    It 'fails the tests under a BeforeAll that threw, with its error as their message' {
        $run = Invoke-Child "Invoke-MeshCheck -Suite '$Suites/BrokenSetup.Suite.ps1' $AsJson"

        $run.ExitCode | Should -Be 1
        $run.Text | Should -Match 'MeshOps\.ChecksFailed'
        $run.Json.Failed | Should -Be 1
        $failure = @($run.Json.Failures)
        $failure.Name | Should -Be @('checks behind a broken set-up.would check a path')
        $failure[0].Message | Should -Be 'set-up failed: the snapshot could not be read'
    }

    It 'fails a suite that cannot be parsed, named by its file, beside a suite that passes' {
        $broken = Join-Path $TestDrive 'broken.Tests.ps1'
        Set-Content -LiteralPath $broken -Value "Describe 'unclosed' {`n    It 'x' { 1 | Should -Be 1 }`n"
        $run = Invoke-Child "Invoke-MeshCheck -Suite '$broken', '$Suites/Plain.Suite.ps1' $AsJson"

        $run.ExitCode | Should -Be 1
        $run.Text | Should -Match 'MeshOps\.ChecksFailed'
        $run.Json.Passed | Should -Be 1
        $run.Json.FailedSuites | Should -Be 1
        $failure = @($run.Json.Failures)
        $failure.Name | Should -Be @('broken.Tests.ps1')
        $failure[0].Message | Should -Match "Missing closing '}'"
    }

    It 'fails a run in which no test ran: MeshOps.NoChecksRun, exit code 1' -ForEach @(
        @{ Case = 'a suite with no test'; Arguments = "-Suite '$Suites/Empty.Suite.ps1'" }
        @{ Case = '-Tag that matches no test'; Arguments = "-Suite '$Suites/Plain.Suite.ps1' -Tag NoSuchTag" }
    ) {
        $run = Invoke-Child "Invoke-MeshCheck $Arguments $AsJson"

        $run.ExitCode | Should -Be 1 -Because $Case
        $run.Text | Should -Match 'FullyQualifiedErrorId : MeshOps\.NoChecksRun,'
        $run.Json.Result | Should -Be 'NothingRun'
        $run.Json.Passed + $run.Json.Failed | Should -Be 0
    }
}

Describe 'Invoke-MeshCheck passes the suites what the user gave' -Tag Integration {
    It 'passes -Path as $Path, resolved from the current location' {
        $run = Invoke-Child "Invoke-MeshCheck -Suite '$Suites/Echo.Suite.ps1' -Path examples/hashicups/healthy, 'examples/hashicups/faults/MESH10[12]-*' -PassThru | ForEach-Object { @{ Names = @(`$_.Tests.ExpandedName) } } $AsJson"

        $expected = @((Join-Path $Examples 'healthy'), (Join-Path $Examples 'faults/MESH101-payments-targetport'), (Join-Path $Examples 'faults/MESH102-frontend-selector')) -join ','
        @($run.Json.Names) | Should -Be @("Path=$expected;Live=False;Context=no-context;DefaultContext=;DefaultKubeconfig=;DefaultNamespace=;KUBECONFIG=")
    }

    It 'passes nothing the user did not give: the suite keeps its defaults' {
        $run = Invoke-Child "Invoke-MeshCheck -Suite '$Suites/Echo.Suite.ps1' -PassThru | ForEach-Object { @{ Names = @(`$_.Tests.ExpandedName) } } $AsJson"

        @($run.Json.Names) | Should -Be @('Path=default-manifests;Live=False;Context=no-context;DefaultContext=;DefaultKubeconfig=;DefaultNamespace=;KUBECONFIG=')
    }

    It 'passes -Live and -Context to a suite that declares them, and sets the live defaults (-Namespace too) for the run only' {
        $kubeconfig = Join-Path $TestDrive 'ci.kubeconfig'
        $command = @"
`$env:KUBECONFIG = 'before'
`$PSDefaultParameterValues['Test-MeshPath:Context'] = 'the user''s own'
`$run = Invoke-MeshCheck -Suite '$Suites/Echo.Suite.ps1' -Live -Context ci -Kubeconfig '$kubeconfig' -Namespace shop -PassThru
@{
    Names = @(`$run.Tests.ExpandedName)
    After = @(`$PSDefaultParameterValues.Keys | Sort-Object | ForEach-Object { "`$_=`$(`$PSDefaultParameterValues[`$_])" })
    Env = `$env:KUBECONFIG
} $AsJson
"@
        $run = Invoke-Child $command

        @($run.Json.Names) | Should -Be @("Path=default-manifests;Live=True;Context=ci;DefaultContext=ci;DefaultKubeconfig=$kubeconfig;DefaultNamespace=shop;KUBECONFIG=$kubeconfig")
        @($run.Json.After) | Should -Be @("Test-MeshPath:Context=the user's own")
        $run.Json.Env | Should -Be 'before'
    }

    It 'runs a suite with no param block, warning that -Path does not reach it' {
        $run = Invoke-Child "Invoke-MeshCheck -Suite '$Suites/Plain.Suite.ps1' -Path examples/hashicups/healthy $AsJson"

        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Json.Passed | Should -Be 1
        $run.Text | Should -Match 'WARNING: The suite .*Plain\.Suite\.ps1 declares no \$Path parameter'
    }
}

Describe 'Invoke-MeshCheck -Suite' -Tag Integration {
    It 'runs a folder''s *.Tests.ps1 files at any depth, in order of their paths, each once' {
        $folder = Join-Path $TestDrive 'ops-checks'
        $null = New-Item -ItemType Directory -Path (Join-Path $folder 'b-nested')
        Copy-Item "$Suites/Plain.Suite.ps1" (Join-Path $folder 'z.Tests.ps1')
        Copy-Item "$Suites/Plain.Suite.ps1" (Join-Path $folder 'b-nested/a.Tests.ps1')
        Copy-Item "$Suites/Empty.Suite.ps1" (Join-Path $folder 'helper.ps1')
        $run = Invoke-Child "Invoke-MeshCheck -Suite '$folder', '$folder/z.Tests.ps1' $AsJson"

        $run.ExitCode | Should -Be 0 -Because $run.Text
        @($run.Json.Suites) | Should -Be @((Join-Path $folder 'b-nested/a.Tests.ps1'), (Join-Path $folder 'z.Tests.ps1'))
        $run.Json.Passed | Should -Be 2
    }

    It 'runs nothing when a suite or a -Path does not exist: MeshOps.PathNotFound naming it, exit code 1' -ForEach @(
        @{ Arguments = "-Suite '$Suites/Plain.Suite.ps1', 'no-such-suite.Tests.ps1'"; Missing = 'no-such-suite' }
        @{ Arguments = "-Suite '$Suites/Plain.Suite.ps1' -Path no-such-manifests"; Missing = 'no-such-manifests' }
    ) {
        $run = Invoke-Child "Invoke-MeshCheck $Arguments"

        $run.ExitCode | Should -Be 1
        $run.Text | Should -Match 'FullyQualifiedErrorId : MeshOps\.PathNotFound,'
        $run.Text | Should -Match $Missing
        $run.Text | Should -Not -Match 'Starting discovery'
    }

    It 'refuses a folder with no *.Tests.ps1 file and a file that is no script' {
        $empty = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'no-suites')
        $run = Invoke-Child "Invoke-MeshCheck -Suite '$empty'; Invoke-MeshCheck -Suite '$Examples/healthy/payments.yaml'"

        $run.Text | Should -Match 'FullyQualifiedErrorId : MeshOps\.PathNotFound,'
        $run.Text | Should -Match 'holds no \*\.Tests\.ps1 file'
        $run.Text | Should -Match 'FullyQualifiedErrorId : MeshOps\.InvalidSuite,'
        $run.Text | Should -Not -Match 'Starting discovery'
    }
}

Describe 'Invoke-MeshCheck -OutputFile' -Tag Integration {
    BeforeAll {
        $PesterSchemas = Join-Path (Split-Path $PesterManifest) 'schemas'

        function Test-XmlSchema([string] $File, [string] $Schema) {
            $settings = [System.Xml.XmlReaderSettings]::new()
            $settings.ValidationType = [System.Xml.ValidationType]::Schema
            $null = $settings.Schemas.Add($null, $Schema)
            $reader = [System.Xml.XmlReader]::Create($File, $settings)
            try { while ($reader.Read()) { } } finally { $reader.Dispose() }
        }
    }

    It 'writes <Format> for a .xml name with <Given>, and the summary, before the error of a failed run; a file that exists is replaced' -ForEach @(
        @{ Format = 'JUnitXml'; Given = 'no -OutputFormat'; Option = '' }
        @{ Format = 'JUnitXml'; Given = '-OutputFormat JUnitXml'; Option = '-OutputFormat JUnitXml' }
        @{ Format = 'NUnitXml'; Given = '-OutputFormat NUnitXml'; Option = '-OutputFormat NUnitXml' }
    ) {
        $file = Join-Path $TestDrive "results-$Format-$($Option.Length).xml"
        Set-Content -LiteralPath $file -Value 'old'
        # Under -ErrorAction Stop the error ends the command: -OutVariable shows what was written before it.
        $run = Invoke-Child @"
try { Invoke-MeshCheck -Suite '$Suites/BrokenSetup.Suite.ps1', '$Suites/Plain.Suite.ps1' -OutputFile '$file' $Option -ErrorAction Stop -OutVariable written | Out-Null }
catch { @{ Error = `$_.FullyQualifiedErrorId; Written = @(`$written) } $AsJson }
"@

        $run.Json.Error | Should -BeLike 'MeshOps.ChecksFailed,*' -Because $run.Text
        @($run.Json.Written) | Should -HaveCount 1
        $run.Json.Written[0].OutputFile | Should -Be $file
        $run.Json.Written[0].OutputFormat | Should -Be $Format
        $xml = [xml] (Get-Content -Raw -LiteralPath $file)
        if ($Format -eq 'JUnitXml') {
            { Test-XmlSchema $file (Join-Path $PesterSchemas 'JUnit4/junit_schema_4.xsd') } | Should -Not -Throw
            $xml.testsuites.tests | Should -Be 2
            $xml.testsuites.failures | Should -Be 1
            @($xml.SelectNodes('//testcase[failure]').name) | Should -Be @('checks behind a broken set-up.would check a path')
        }
        else {
            { Test-XmlSchema $file (Join-Path $PesterSchemas 'NUnit25/nunit_schema_2.5.xsd') } | Should -Not -Throw
            $xml.'test-results'.total | Should -Be 2
            $xml.'test-results'.failures | Should -Be 1
        }
    }

    It 'refuses, before running anything: <Case>' -ForEach @(
        @{ Case = 'a folder that does not exist'; Arguments = "-OutputFile '{0}/no-such-folder/results.xml'"; ErrorId = 'MeshOps.OutFileUnwritable' }
        @{ Case = 'a name that says no format'; Arguments = "-OutputFile '{0}/results.txt'"; ErrorId = 'MeshOps.OutputFormatUnknown' }
        @{ Case = '-OutputFormat without -OutputFile'; Arguments = '-OutputFormat NUnitXml'; ErrorId = 'MeshOps.ConflictingParameters' }
    ) {
        $run = Invoke-Child "Invoke-MeshCheck -Suite '$Suites/Plain.Suite.ps1' $($Arguments -f $TestDrive)"

        $run.ExitCode | Should -Be 1
        $run.Text | Should -Match "FullyQualifiedErrorId : $([regex]::Escape($ErrorId)),"
        $run.Text | Should -Not -Match 'Starting discovery'
        Join-Path $TestDrive 'results.txt' | Should -Not -Exist
    }
}

Describe 'Invoke-MeshCheck finds Pester 5' -Tag Integration {
    BeforeAll {
        # A module folder of its own as the only user path, so the child finds exactly what the test puts there.
        function Get-Prelude([string] $ModuleFolder) {
            "`$env:PSModulePath = '$ModuleFolder' + [System.IO.Path]::PathSeparator + (Join-Path `$PSHOME 'Modules')"
        }
    }

    It 'imports Pester 5 by name when the session has none loaded' {
        $modules = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'pester5-modules')
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $modules 'Pester') -Target (Split-Path $PesterManifest)
        $run = Invoke-Child "Invoke-MeshCheck -Suite '$Suites/Plain.Suite.ps1' $AsJson" -Prelude (Get-Prelude $modules)

        $run.ExitCode | Should -Be 0 -Because $run.Text
        $run.Json.Passed | Should -Be 1
    }

    It 'names how to install Pester 5 when none is installed, or only Pester <Found> is' -ForEach @(
        @{ Found = $null }
        @{ Found = '4.10.1' }
    ) {
        $modules = New-Item -ItemType Directory -Path (Join-Path $TestDrive "pester-$Found-modules")
        if ($Found) {
            $folder = New-Item -ItemType Directory -Path (Join-Path $modules "Pester/$Found")
            Set-Content -LiteralPath (Join-Path $folder 'Pester.psd1') -Value "@{ ModuleVersion = '$Found'; GUID = 'a699dea5-2c73-4616-a270-1f7abb777e71' }"
        }
        $run = Invoke-Child "Invoke-MeshCheck -Suite '$Suites/Plain.Suite.ps1'" -Prelude (Get-Prelude $modules)

        $run.ExitCode | Should -Be 1
        $run.Text | Should -Match 'FullyQualifiedErrorId : MeshOps\.PesterNotFound,'
        $run.Text | Should -Match 'Install-Module Pester -MinimumVersion 5\.0'
        if ($Found) { $run.Text | Should -Match "Pester $([regex]::Escape($Found))" }
        else { $run.Text | Should -Match 'Pester is not installed' }
    }
}

Describe 'Invoke-MeshCheck -Live on a simulated cluster' -Tag Integration {
    It 'runs the suite''s checks against the cluster the kubeconfig names, and fails on a fault only the cluster shows' {
        $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig-live') -RuntimeFault 'bound-to-pod-ip:products-api'
        try {
            # The suite passes no -Kubeconfig itself: Invoke-MeshCheck's defaults carry it to Test-MeshPath.
            $run = Invoke-Child "Invoke-MeshCheck -Suite '$Suites/HashiCups.Suite.ps1' -Live -Kubeconfig '$($cluster.Kubeconfig)' -Context simulated $AsJson"
        }
        finally {
            Stop-SimulatedCluster $cluster
        }

        $run.ExitCode | Should -Be 1 -Because $run.Text
        $run.Json.Passed | Should -Be 3
        @($run.Json.Failures).Name | Should -Be @('HashiCups call paths.public-api reaches products-api')
        @($run.Json.Failures)[0].Message | Should -Match 'Listener'
        $run.Json.Source | Should -Be "the cluster of context simulated in $($cluster.Kubeconfig)"
        $run.Text | Should -Not -Match ([regex]::Escape($cluster.Token))
    }
}
