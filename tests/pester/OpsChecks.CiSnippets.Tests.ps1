#Requires -Version 7.6
# The CI pipelines examples/ops-checks/README.md gives, run the way a runner runs them: each MeshOps command is taken
# from the README as written and run in a repository laid out as the README says (manifests in k8s/, suites in
# examples/ops-checks/, the module built into artifacts/MeshOps), by the shell the runner uses (bash for a GitHub
# Actions `run:`, pwsh for an Azure Pipelines PowerShell@2 `script:`). The steps that build the module and install Pester
# are not run: the repository's build already did the first, and Pester is put on PSModulePath as Install-Module would.

BeforeAll {
    $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $Readme = Join-Path $RepoRoot 'examples/ops-checks/README.md'
    $Examples = Join-Path $RepoRoot 'examples/hashicups'
    $PesterBase = (Get-Module Pester).ModuleBase

    # The fenced blocks of the README that follow a heading ("### GitHub Actions"), by heading.
    function Get-PipelineBlocks {
        $blocks = @{}
        $heading = $null
        $lines = $null
        foreach ($line in Get-Content -LiteralPath $Readme) {
            if ($null -ne $lines) {
                if ($line -eq '```') { $blocks[$heading] = $lines -join "`n"; $lines = $null } else { $lines.Add($line) }
            }
            elseif ($line -match '^#+\s+(.+)$') { $heading = $Matches[1] }
            elseif ($line -eq '```yaml') { $lines = [System.Collections.Generic.List[string]]::new() }
        }

        $blocks
    }

    # The one-line MeshOps command of the step that runs $Cmdlet, as the README writes it after `run:` or `script:`.
    function Get-StepCommand([string] $Block, [string] $Cmdlet) {
        $found = @([regex]::Matches($Block, '(?m)^\s*(?:- )?(?:run|script): (dotnet pwsh .*' + $Cmdlet + ' .*)$') | ForEach-Object { $_.Groups[1].Value })
        $found | Should -HaveCount 1 -Because "one step of the pipeline runs $Cmdlet"
        $found[0]
    }

    # A clone as the README describes it: the HashiCups manifests in k8s/ (with a seeded fault laid over them), the committed suite,
    # the module this repository built, and Pester where Install-Module -Scope CurrentUser would put it.
    function New-UserRepository([string] $Fault) {
        $root = Join-Path ([System.IO.Path]::GetTempPath()) "meshops-ci-$([guid]::NewGuid().ToString('n'))"
        $k8s = New-Item -ItemType Directory -Path (Join-Path $root 'k8s')
        Copy-Item -Path (Join-Path $Examples 'healthy/*') -Destination $k8s
        if ($Fault) { Copy-Item -Path (Join-Path $Examples "faults/$Fault/*") -Destination $k8s -Force }
        # `dotnet pwsh` is the clone's local tool: the runner restored it from the clone's manifest.
        New-Item -ItemType Directory -Path (Join-Path $root '.config') | Out-Null
        Copy-Item -LiteralPath (Join-Path $RepoRoot '.config/dotnet-tools.json') -Destination (Join-Path $root '.config')
        $suites = New-Item -ItemType Directory -Path (Join-Path $root 'examples/ops-checks')
        Copy-Item -LiteralPath (Join-Path $RepoRoot 'examples/ops-checks/hashicups.Tests.ps1') -Destination $suites
        New-Item -ItemType Directory -Path (Join-Path $root 'artifacts') | Out-Null
        New-Item -ItemType SymbolicLink -Path (Join-Path $root 'artifacts/MeshOps') -Target (Join-Path $RepoRoot 'artifacts/MeshOps') | Out-Null
        New-Item -ItemType Directory -Path (Join-Path $root 'modules') | Out-Null
        New-Item -ItemType SymbolicLink -Path (Join-Path $root 'modules/Pester') -Target $PesterBase | Out-Null
        $root
    }

    # Runs one step's command in $Repository with the runner's shell; the exit code is what fails the step.
    function Invoke-Step([string] $Repository, [string] $Command, [ValidateSet('bash', 'pwsh')] [string] $Shell) {
        $saved = $env:PSModulePath
        $env:PSModulePath = (Join-Path $Repository 'modules') + [System.IO.Path]::PathSeparator + $saved
        Push-Location $Repository
        try {
            $output = if ($Shell -eq 'bash') { bash -c $Command 2>&1 } else { dotnet pwsh -NoProfile -NonInteractive -Command $Command 2>&1 }
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = ($output | ForEach-Object { "$_" }) -join "`n" }
        }
        finally {
            Pop-Location
            $env:PSModulePath = $saved
        }
    }

    $Blocks = Get-PipelineBlocks
}

Describe 'The CI pipelines of examples/ops-checks/README.md' -Tag Integration {
    It 'has a GitHub Actions and an Azure Pipelines pipeline' {
        $Blocks.Keys | Should -Contain 'GitHub Actions'
        $Blocks.Keys | Should -Contain 'Azure Pipelines'
    }

    It 'each pipeline is YAML with its steps where the runner reads them' {
        # YamlDotNet as the module ships it, in a context of its own: another test of the run may have loaded another
        # version into the default one.
        $context = [System.Runtime.Loader.AssemblyLoadContext]::new('ci-snippets-yaml', $true)
        $assembly = $context.LoadFromAssemblyPath((Join-Path $RepoRoot 'artifacts/MeshOps/dependencies/YamlDotNet.dll'))
        $yaml = [Activator]::CreateInstance($assembly.GetType('YamlDotNet.Serialization.Deserializer'))

        $github = $yaml.Deserialize($Blocks['GitHub Actions'])
        @($github['jobs']['mesh']['steps'] | Where-Object { $_.ContainsKey('run') }) | Should -HaveCount 4
        $azure = $yaml.Deserialize($Blocks['Azure Pipelines'])
        @($azure['steps']) | Should -HaveCount 7
        @($azure['steps'] | Where-Object { $_['task'] -eq 'PowerShell@2' -and $_['inputs']['pwsh'] -eq 'true' }) | Should -HaveCount 3
    }

    It 'runs the checks and publishes the results even when the lint step failed' {
        $Blocks['GitHub Actions'] | Should -Match '(?s)name: Mesh contract checks\s+if: success\(\) \|\| failure\(\)'
        $Blocks['GitHub Actions'] | Should -Match '(?s)name: Test report\s+if: success\(\) \|\| failure\(\)'
        $Blocks['GitHub Actions'] | Should -Match '(?s)name: Findings in code scanning\s+if: success\(\) \|\| failure\(\)'
        $Blocks['Azure Pipelines'] | Should -Match '(?s)displayName: Mesh contract checks\s+condition: succeededOrFailed\(\)'
        ([regex]::Matches($Blocks['Azure Pipelines'], 'condition: succeededOrFailed\(\)')).Count | Should -Be 3
    }

    Context 'on healthy manifests (GitHub Actions, bash)' {
        BeforeAll {
            $Repository = New-UserRepository
            $Lint = Invoke-Step $Repository (Get-StepCommand $Blocks['GitHub Actions'] 'Test-MeshConfig') bash
            $Checks = Invoke-Step $Repository (Get-StepCommand $Blocks['GitHub Actions'] 'Invoke-MeshCheck') bash
        }
        AfterAll { Remove-Item -LiteralPath $Repository -Recurse -Force }

        It 'the lint step passes and writes SARIF 2.1.0 for code scanning' {
            $Lint.ExitCode | Should -Be 0 -Because $Lint.Text
            $sarif = Get-Content -Raw -LiteralPath (Join-Path $Repository 'meshops.sarif') | ConvertFrom-Json
            $sarif.version | Should -Be '2.1.0'
            @($sarif.runs[0].results | Where-Object level -EQ 'error') | Should -HaveCount 0
        }

        It 'the check step passes and writes JUnit with every check passed' {
            $Checks.ExitCode | Should -Be 0 -Because $Checks.Text
            [xml] $junit = Get-Content -Raw -LiteralPath (Join-Path $Repository 'results.xml')
            [int] $junit.testsuites.tests | Should -BeGreaterThan 0
            [int] $junit.testsuites.failures | Should -Be 0
        }
    }

    Context 'on manifests with a seeded fault: the wrong targetPort of payments' {
        BeforeAll {
            $Repository = New-UserRepository 'MESH101-payments-targetport'
            $Lint = Invoke-Step $Repository (Get-StepCommand $Blocks['GitHub Actions'] 'Test-MeshConfig') bash
            $Checks = Invoke-Step $Repository (Get-StepCommand $Blocks['GitHub Actions'] 'Invoke-MeshCheck') bash
        }
        AfterAll { Remove-Item -LiteralPath $Repository -Recurse -Force }

        It 'the lint step fails the job and the SARIF it wrote has the finding at its file and line' {
            $Lint.ExitCode | Should -Be 1 -Because $Lint.Text
            $Lint.Text | Should -Match 'MESH101'
            $sarif = Get-Content -Raw -LiteralPath (Join-Path $Repository 'meshops.sarif') | ConvertFrom-Json
            $result = @($sarif.runs[0].results | Where-Object ruleId -EQ 'MESH101')
            $result | Should -HaveCount 1
            $result[0].locations[0].physicalLocation.artifactLocation.uri | Should -Match 'payments\.yaml$'
            $result[0].locations[0].physicalLocation.region.startLine | Should -BeGreaterThan 0
        }

        It 'the check step fails the job and still writes JUnit naming the broken call and the lint check' {
            $Checks.ExitCode | Should -Be 1 -Because $Checks.Text
            [xml] $junit = Get-Content -Raw -LiteralPath (Join-Path $Repository 'results.xml')
            [int] $junit.testsuites.failures | Should -BeGreaterThan 0
            $failed = @($junit.SelectNodes('//testcase[failure]') | ForEach-Object name)
            $failed | Should -Be @('configuration.has no mesh errors', 'public-api.public-api reaches payments')
        }

        It 'the Azure Pipelines steps (pwsh) fail the same way: the task fails on the last exit code' {
            $azureLint = Invoke-Step $Repository (Get-StepCommand $Blocks['Azure Pipelines'] 'Test-MeshConfig') pwsh
            $azureChecks = Invoke-Step $Repository (Get-StepCommand $Blocks['Azure Pipelines'] 'Invoke-MeshCheck') pwsh

            $azureLint.ExitCode | Should -Be 1 -Because $azureLint.Text
            $azureLint.Text | Should -Match 'MESH101'
            $azureChecks.ExitCode | Should -Be 1 -Because $azureChecks.Text
            $azureChecks.Text | Should -Match '2 of 12 check\(s\) failed'
            $azureChecks.Text | Should -Match 'public-api reaches payments'
        }
    }
}
