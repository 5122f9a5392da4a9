#Requires -Version 7.6
# Test-MeshConfig's CI output: -OutputFormat Sarif|JUnit|Json, -OutputFile and -FailOn, as a pipeline uses them
# (the documents' content against the published schemas is checked in xunit: tests/MeshOps.Tests/Reporting).

BeforeAll {
    $ModulePath = (Resolve-Path (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1')).Path
    Import-Module $ModulePath -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force

    $Examples = (Resolve-Path (Join-Path $PSScriptRoot '../../examples/hashicups')).Path

    # The files of healthy/ with a fault folder laid over it, as examples/hashicups/README.md says.
    function Get-HashiCupsFiles([string] $Fault) {
        $healthy = @(Get-ChildItem -LiteralPath (Join-Path $Examples 'healthy') -File)
        if (-not $Fault) { return $healthy }
        $faultFiles = @(Get-ChildItem -LiteralPath (Join-Path $Examples "faults/$Fault") -File)
        @($healthy | Where-Object Name -notin $faultFiles.Name) + $faultFiles
    }

    # A child pwsh, as a CI step runs it: its exit code is the contract.
    function Invoke-Step([string] $Command) {
        Push-Location $Examples
        try {
            $output = dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModulePath'; $Command" 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
        }
        finally {
            Pop-Location
        }
    }
}

Describe 'Test-MeshConfig -OutputFile' -Tag Unit {
    BeforeEach { Push-Location $Examples }
    AfterEach { Pop-Location }

    It 'writes SARIF whose results are the findings, at paths relative to the current folder, and still returns the findings' {
        $sarifFile = Join-Path $TestDrive 'meshops.sarif'
        $findings = @(Get-HashiCupsFiles 'MESH101-payments-targetport' | Test-MeshConfig -OutputFile $sarifFile)

        $findings.RuleId | Should -Be @('MESH101')
        $sarif = Get-Content -Raw $sarifFile | ConvertFrom-Json
        $sarif.version | Should -Be '2.1.0'
        $result = @($sarif.runs[0].results)
        $result.Count | Should -Be 1
        $result[0].ruleId | Should -Be 'MESH101'
        $result[0].locations[0].physicalLocation.artifactLocation.uri | Should -Be 'faults/MESH101-payments-targetport/payments.yaml'
        $result[0].locations[0].physicalLocation.region.startLine | Should -Be $findings[0].Line
        $sarif.runs[0].tool.driver.semanticVersion | Should -Be (Get-Module MeshOps).Version.ToString()
        $sarif.runs[0].invocations[0].executionSuccessful | Should -BeTrue
    }

    It 'takes the format from the name: <Name> is <Format>' -ForEach @(
        @{ Name = 'report.sarif.json'; Format = 'Sarif'; Check = { param($text) ($text | ConvertFrom-Json).version | Should -Be '2.1.0' } }
        @{ Name = 'results.xml'; Format = 'JUnit'; Check = { param($text) ([xml] $text).testsuites.name | Should -Be 'MeshOps Test-MeshConfig' } }
        @{ Name = 'findings.json'; Format = 'Json'; Check = { param($text) @(($text | ConvertFrom-Json).findings).RuleId | Should -Be @('MESH101') } }
    ) {
        $file = Join-Path $TestDrive $Name
        $null = Get-HashiCupsFiles 'MESH101-payments-targetport' | Test-MeshConfig -OutputFile $file
        & $Check (Get-Content -Raw $file)
    }

    It 'refuses a name that says no format, before reading anything' {
        $file = Join-Path $TestDrive 'report.txt'
        { Test-MeshConfig -Path healthy -OutputFile $file } | Should -Throw -ErrorId 'MeshOps.OutputFormatUnknown,*'
        $file | Should -Not -Exist
    }

    It '-OutputFormat overrides the name' {
        $file = Join-Path $TestDrive 'report.txt'
        $null = Test-MeshConfig -Path healthy -OutputFile $file -OutputFormat JUnit
        ([xml] (Get-Content -Raw $file)).testsuites | Should -Not -BeNullOrEmpty
    }

    It 'refuses a folder that does not exist, before reading anything' {
        $file = Join-Path $TestDrive 'no-such-folder/report.sarif'
        { Test-MeshConfig -Path healthy -OutputFile $file } | Should -Throw -ErrorId 'MeshOps.OutFileUnwritable,*'
    }

    It 'replaces a file that exists, as Out-File does' {
        $file = Join-Path $TestDrive 'replaced.json'
        Set-Content -LiteralPath $file -Value 'old'
        $null = Test-MeshConfig -Path healthy -OutputFile $file
        (Get-Content -Raw $file | ConvertFrom-Json).passed | Should -BeTrue
    }

    It 'writes the file, saying the run was not complete, before the error of an input it could not read, even under -ErrorAction Stop' {
        $file = Join-Path $TestDrive 'partial.sarif'
        { Test-MeshConfig -Path healthy, (Join-Path $TestDrive 'missing.yaml') -OutputFile $file -ErrorAction Stop } | Should -Throw -ErrorId 'MeshOps.PathNotFound,*'

        $sarif = Get-Content -Raw $file | ConvertFrom-Json
        $sarif.runs[0].invocations[0].executionSuccessful | Should -BeFalse
        @($sarif.runs[0].invocations[0].toolExecutionNotifications).descriptor.id | Should -Be @('MeshOps.PathNotFound')
    }
}

Describe 'Test-MeshConfig -OutputFormat without -OutputFile' -Tag Unit {
    It 'returns the document as one string' {
        $output = @(Test-MeshConfig -Path (Get-HashiCupsFiles 'MESH102-frontend-selector').FullName -OutputFormat Json)
        $output.Count | Should -Be 1
        $output[0] | Should -BeOfType [string]
        @(($output[0] | ConvertFrom-Json).findings).RuleId | Should -Be @('MESH102')
    }

    It 'refuses -Quiet, which could not return the document too' {
        { Test-MeshConfig -Path (Get-HashiCupsFiles).FullName -OutputFormat Sarif -Quiet } | Should -Throw -ErrorId 'MeshOps.ConflictingParameters,*'
    }
}

Describe 'Test-MeshConfig -FailOn' -Tag Unit {
    It 'writes one error naming the rules after the findings when a finding is at <FailOn> or above' -ForEach @(
        @{ Fault = 'MESH101-payments-targetport'; FailOn = 'Error'; Fails = $true }
        @{ Fault = 'MESH102-frontend-selector'; FailOn = 'Error'; Fails = $false }
        @{ Fault = 'MESH102-frontend-selector'; FailOn = 'Warning'; Fails = $true }
    ) {
        $findings = @((Get-HashiCupsFiles $Fault) | Test-MeshConfig -FailOn $FailOn -ErrorVariable problems -ErrorAction SilentlyContinue)

        $findings.RuleId | Should -Contain $Fault.Substring(0, 7)
        $gate = @($problems | Where-Object { $_.FullyQualifiedErrorId -like 'MeshOps.FindingsFailedGate,*' })
        if ($Fails) {
            $gate.Count | Should -Be 1
            "$($gate[0])" | Should -Match ([regex]::Escape("$($Fault.Substring(0, 7)) (1)"))
            $gate[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        }
        else {
            $gate.Count | Should -Be 0
        }
    }

    It 'makes JUnit fail warnings too' {
        $file = Join-Path $TestDrive 'warnings.xml'
        $null = (Get-HashiCupsFiles 'MESH102-frontend-selector') | Test-MeshConfig -OutputFile $file -FailOn Warning -ErrorAction SilentlyContinue
        ([xml] (Get-Content -Raw $file)).testsuites.failures | Should -Be '1'
    }
}

BeforeDiscovery {
    # healthy/ with faults/MESH101-payments-targetport laid over it, written as a step would write it.
    $WithMesh101 = '(@(Get-ChildItem healthy -File | Where-Object Name -ne ''payments.yaml'') + @(Get-ChildItem faults/MESH101-payments-targetport -File))'
}

Describe 'The exit code of pwsh -Command, as a CI step sees it' -Tag Integration {
    It 'is <ExitCode> for <Case>' -ForEach @(
        @{ Case = 'a clean set with -FailOn Error'; Command = 'Test-MeshConfig -Path healthy -FailOn Error'; ExitCode = 0 }
        @{ Case = 'an Error finding with -FailOn Error'; Command = "$WithMesh101 | Test-MeshConfig -FailOn Error"; ExitCode = 1 }
        @{ Case = 'an Error finding without -FailOn (findings alone never fail the step)'; Command = "$WithMesh101 | Test-MeshConfig"; ExitCode = 0 }
        @{ Case = 'a file that could not be read, without -FailOn'; Command = 'Test-MeshConfig -Path healthy, ./missing.yaml'; ExitCode = 1 }
        @{ Case = 'a file that could not be read, with -OutputFile'; Command = 'Test-MeshConfig -Path healthy, ./missing.yaml -OutputFile ([IO.Path]::GetTempFileName() + ''.sarif'') -FailOn Error'; ExitCode = 1 }
        @{ Case = 'the -Quiet pattern on an Error finding'; Command = "if (-not ($WithMesh101 | Test-MeshConfig -Quiet)) { exit 1 }"; ExitCode = 1 }
    ) {
        $step = Invoke-Step $Command
        $step.ExitCode | Should -Be $ExitCode -Because $step.Output
    }
}

Describe 'Test-MeshConfig -OutputFile on a live (simulated) cluster' -Tag Integration {
    It 'names the objects read, with no file to open' {
        $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig') -Seeded 'MESH101-payments-targetport'
        try {
            $file = Join-Path $TestDrive 'live.sarif'
            $findings = @(Test-MeshConfig -Kubeconfig $cluster.Kubeconfig -OutputFile $file -ErrorAction Stop)
        }
        finally {
            Stop-SimulatedCluster $cluster
        }

        $results = @((Get-Content -Raw $file | ConvertFrom-Json).runs[0].results)
        $results.Count | Should -Be $findings.Count
        $mesh101 = @($results | Where-Object ruleId -eq 'MESH101')
        $mesh101.Count | Should -Be 1
        $mesh101[0].locations[0].PSObject.Properties.Name | Should -Not -Contain 'physicalLocation'
        $mesh101[0].locations[0].logicalLocations[0].fullyQualifiedName | Should -Be 'Service/default/payments'
        $mesh101[0].properties.location | Should -Match '^Service/default/payments \(resourceVersion \d+\)$'
        # The confirm command names the cluster read, as the objects' does.
        $mesh101[0].properties.confirm | Should -Be (@($findings | Where-Object RuleId -eq 'MESH101')[0].Confirm)
    }
}
