#Requires -Version 7.6
# New-MeshCheckSuite as a user drives it: a suite generated from healthy HashiCups, then run by Pester the way a CI step
# runs it (a fresh pwsh, Invoke-Pester with a container and -Data), on the healthy manifests, on each seeded fault that
# breaks a path, and live against the simulated cluster (tests/MeshOps.Simulation, reached through a kubeconfig).

BeforeDiscovery {
    # Seeded faults laid over healthy HashiCups, the It of the healthy suite each one fails, and words of its message.
    $Faults = @(
        @{ Fault = 'MESH101-payments-targetport'; It = 'public-api reaches payments'; Says = 'hop ServicePort failed: *MESH101' }
        @{ Fault = 'MESH104-postgres-typo'; It = 'products-api reaches postgres'; Says = 'hop Name failed: *MESH104' }
        @{ Fault = 'MESH201-missing-intention'; It = 'public-api reaches payments'; Says = 'hop Intention failed: *MESH201' }
        @{ Fault = 'MESH301-postgres-http'; It = 'products-api reaches postgres'; Says = 'hop Protocol failed: *MESH301' }
        @{ Fault = 'MESH401-missing-serviceaccount'; It = 'public-api reaches payments'; Says = 'hop Identity failed: *MESH401' }
        @{ Fault = 'MESH501-missing-configmap'; It = 'public-api reaches products-api'; Says = 'hop DestinationWorkload failed: *MESH501' }
        # Every other seeded fault that breaks a path of the healthy suite, with the hop that breaks first.
        @{ Fault = 'MESH106-headless-payments'; It = 'public-api reaches payments'; Says = 'hop ServicePort failed: *MESH106' }
        @{ Fault = 'MESH108-two-services'; It = 'public-api reaches payments'; Says = 'hop DestinationWorkload failed: *MESH108' }
        @{ Fault = 'MESH203-duplicate-source'; It = 'public-api reaches products-api'; Says = 'hop Intention failed: *' }
        @{ Fault = 'MESH204-l7-on-tcp'; It = 'products-api reaches postgres'; Says = 'hop Intention failed: *' }
        @{ Fault = 'MESH302-router-without-http'; It = 'public-api reaches products-api'; Says = 'hop Protocol failed: *MESH302' }
        @{ Fault = 'MESH303-proxydefaults-http'; It = 'products-api reaches postgres'; Says = 'hop Protocol failed: *MESH303' }
        @{ Fault = 'MESH402-automount-disabled'; It = 'public-api reaches payments'; Says = 'hop Identity failed: *MESH402' }
        @{ Fault = 'MESH503-selector-mismatch'; It = 'public-api reaches payments'; Says = 'hop DestinationWorkload failed: *' }
        @{ Fault = 'MESH504-payments-networkpolicy'; It = 'public-api reaches payments'; Says = 'hop DestinationWorkload failed: *MESH504' }
        @{ Fault = 'MESH901-payments-crashloop'; It = 'public-api reaches payments'; Says = 'hop DestinationWorkload failed: *CrashLoopBackOff' }
        @{ Fault = 'MESH902-products-api-sidecar'; It = 'public-api reaches products-api'; Says = 'hop DestinationWorkload failed: *' }
        @{ Fault = 'MESH903-postgres-not-ready'; It = 'products-api reaches postgres'; Says = 'hop ServicePort failed: *' }
        # Without the deny-all intention zero trust is not shown: the default decides, and offline it is not known.
        @{ Fault = 'MESH206-no-deny-all'; It = 'payments is denied everywhere else (zero trust)'; Says = 'payments -> frontend: the decision is Unknown' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
    foreach ($name in 'CONSUL_HTTP_ADDR', 'CONSUL_HTTP_TOKEN', 'CONSUL_HTTP_SSL') { Remove-Item "env:$name" -ErrorAction Ignore }
    $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $ModulePath = Join-Path $RepoRoot 'artifacts/MeshOps/MeshOps.psd1'
    $PesterPath = (Get-Module Pester).Path -replace 'Pester\.psm1$', 'Pester.psd1'
    $Examples = Join-Path $RepoRoot 'examples/hashicups'
    $Healthy = Join-Path $Examples 'healthy'

    function Get-HashiCupsFiles([string] $Fault) {
        $healthy = @(Get-ChildItem -LiteralPath $Healthy -File)
        $faultFiles = @(Get-ChildItem -LiteralPath (Join-Path $Examples "faults/$Fault") -File)
        @($healthy | Where-Object Name -notin $faultFiles.Name) + $faultFiles | ForEach-Object FullName
    }

    # Runs a suite with plain Pester in a fresh pwsh, once per -Data given (none: the suite's defaults), and returns each
    # run's tests: the It's name, whether it passed, and its failure message.
    function Invoke-Suite([string] $Suite, [hashtable[]] $Data = @(@{})) {
        $runner = Join-Path $TestDrive 'run-suite.ps1'
        Set-Content -LiteralPath $runner -Value @'
param($Suite, $DataFile, $ModulePath, $PesterPath, $OutFile)
Import-Module $PesterPath
Import-Module $ModulePath
$containers = @(Get-Content -LiteralPath $DataFile -Raw | ConvertFrom-Json -AsHashtable | ForEach-Object { New-PesterContainer -Path $Suite -Data $_ })
$config = New-PesterConfiguration
$config.Run.Container = $containers
$config.Run.PassThru = $true
$config.Output.Verbosity = 'None'
$result = Invoke-Pester -Configuration $config
$run = 0
@(foreach ($container in $result.Containers) {
    foreach ($test in @($container.Blocks | ForEach-Object { $_.Tests })) {
        [pscustomobject]@{ Run = $run; Name = $test.ExpandedName; Passed = $test.Passed; Message = @($test.ErrorRecord | ForEach-Object { "$_" }) -join "`n" }
    }
    $run++
}) | ConvertTo-Json -Depth 3 -AsArray | Set-Content -LiteralPath $OutFile
'@
        $dataFile = Join-Path $TestDrive 'data.json'
        ConvertTo-Json -InputObject @($Data) -Depth 5 -AsArray | Set-Content -LiteralPath $dataFile
        $outFile = Join-Path $TestDrive 'results.json'
        Remove-Item -LiteralPath $outFile -ErrorAction Ignore
        $output = dotnet pwsh -NoProfile -NonInteractive -File $runner -Suite $Suite -DataFile $dataFile -ModulePath $ModulePath -PesterPath $PesterPath -OutFile $outFile 2>&1
        if (-not (Test-Path -LiteralPath $outFile)) { throw "The suite did not run: $output" }
        $tests = @(Get-Content -LiteralPath $outFile -Raw | ConvertFrom-Json)
        , @(for ($i = 0; $i -lt @($Data).Count; $i++) { , @($tests | Where-Object Run -EQ $i) })
    }

    # Generated as a repository would hold it: the manifests and the suite in folders side by side, paths relative.
    Copy-Item -LiteralPath $Healthy -Destination (Join-Path $TestDrive 'manifests/healthy') -Recurse -Force
    $null = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'checks') -Force
    $Suite = Join-Path $TestDrive 'checks/hashicups.Tests.ps1'
    function New-HashiCupsSuite([switch] $Force) {
        Push-Location $TestDrive
        try { New-MeshCheckSuite -Path manifests/healthy -OutFile checks/hashicups.Tests.ps1 -Force:$Force }
        finally { Pop-Location }
    }
    $Written = New-HashiCupsSuite
    $Text = Get-Content -LiteralPath $Suite -Raw
}

Describe 'New-MeshCheckSuite' -Tag Unit {
    It 'writes the suite and returns its file' {
        $Written.FullName | Should -Be $Suite
        $Written.PSObject.TypeNames | Should -Contain 'System.IO.FileInfo'
    }

    It 'defaults $Path to the manifests it was generated from, as the suite''s folder reaches them' {
        $Text | Should -Match '(?m)^    \[string\[\]\] \$Path = @\(\(Join-Path \$PSScriptRoot ''\.\./manifests/healthy''\)\),$'
        $Text | Should -Match '(?m)^    \[switch\] \$Live,$'
    }

    It 'has one configuration check, an It per allowed call and one zero-trust It per source' {
        $its = @([regex]::Matches($Text, "(?m)^\s*It '([^']+)'") | ForEach-Object { $_.Groups[1].Value })
        $its | Should -Be @(
            'has no mesh errors'
            'frontend is denied everywhere else (zero trust)'
            'nginx reaches frontend'
            'nginx reaches public-api'
            'nginx is denied everywhere else (zero trust)'
            'payments is denied everywhere else (zero trust)'
            'postgres is denied everywhere else (zero trust)'
            'products-api reaches postgres'
            'products-api is denied everywhere else (zero trust)'
            'public-api reaches payments'
            'public-api reaches products-api'
            'public-api is denied everywhere else (zero trust)'
        )
        @([regex]::Matches($Text, 'Test-MeshIntention')).Count | Should -Be 6
    }

    It 'writes the same text when generated again (-Force), so a committed suite diffs cleanly' {
        $null = New-HashiCupsSuite -Force
        Get-Content -LiteralPath $Suite -Raw | Should -BeExactly $Text
    }

    It 'never replaces a file without -Force, and -WhatIf writes nothing' {
        $existing = Join-Path $TestDrive 'existing.Tests.ps1'
        Set-Content -LiteralPath $existing -Value 'mine'
        $result = New-MeshCheckSuite -Path $Healthy -OutFile $existing -ErrorAction SilentlyContinue -ErrorVariable failed
        $result | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.OutFileExists*'
        "$($failed[0])" | Should -BeLike "*existing.Tests.ps1' exists; -Force replaces it. Nothing is written."
        New-MeshCheckSuite -Path $Healthy -OutFile $existing -Force -WhatIf | Should -BeNullOrEmpty
        Get-Content -LiteralPath $existing | Should -Be 'mine'
    }

    It 'says which folder is missing, and reads nothing that cannot be read' {
        $nowhere = Join-Path $TestDrive 'missing/suite.Tests.ps1'
        New-MeshCheckSuite -Path $Healthy -OutFile $nowhere -ErrorAction SilentlyContinue -ErrorVariable failed
        "$($failed[0])" | Should -BeLike "Cannot write '*suite.Tests.ps1': the folder '*missing' does not exist. Nothing is written."
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.OutFileUnwritable*'

        $fromNothing = Join-Path $TestDrive 'nothing.Tests.ps1'
        New-MeshCheckSuite -Path (Join-Path $TestDrive 'no-manifests') -OutFile $fromNothing -ErrorAction SilentlyContinue -ErrorVariable unread
        @($unread).Count | Should -BeGreaterThan 0
        "$($unread[0])" | Should -Match 'no-manifests'
        Test-Path -LiteralPath $fromNothing | Should -BeFalse
    }
}

Describe 'The generated suite run by Pester' -Tag Integration -ForEach @(@{ Faults = $Faults }) {
    BeforeAll {
        $cases = @(@{}) + @($Faults | ForEach-Object { @{ Path = @(Get-HashiCupsFiles $_.Fault) } })
        $Runs = Invoke-Suite $Suite $cases
    }

    It 'passes on the manifests it was generated from (its default $Path)' {
        $healthyRun = @($Runs[0])
        $healthyRun.Count | Should -Be 12
        @($healthyRun | Where-Object { -not $_.Passed } | ForEach-Object { "$($_.Name): $($_.Message)" }) | Should -BeNullOrEmpty
    }

    It 'fails <It> on <Fault>, saying <Says>' -ForEach @($Faults | ForEach-Object -Begin { $i = 0 } -Process { $_ + @{ Index = ++$i } }) {
        $run = @($Runs[$Index])
        $test = @($run | Where-Object Name -EQ $It)
        $test.Count | Should -Be 1
        $test[0].Passed | Should -BeFalse
        $test[0].Message | Should -BeLike "*$Says*"
    }
}

Describe 'The HashiCups suite in examples/ops-checks' -Tag Integration {
    It 'passes on the healthy example it was generated from, edits included' {
        $run = @((Invoke-Suite (Join-Path $RepoRoot 'examples/ops-checks/hashicups.Tests.ps1'))[0])
        $run.Count | Should -Be 12
        @($run | Where-Object { -not $_.Passed } | ForEach-Object { "$($_.Name): $($_.Message)" }) | Should -BeNullOrEmpty
    }

    It 'fails the call it names, with its reason, on a fault' {
        $run = @((Invoke-Suite (Join-Path $RepoRoot 'examples/ops-checks/hashicups.Tests.ps1') @(@{ Path = @(Get-HashiCupsFiles 'MESH201-missing-intention') }))[0])
        # The configuration check fails too: MESH201 is an error finding.
        @($run | Where-Object { -not $_.Passed } | ForEach-Object Name) | Should -Be @('has no mesh errors', 'public-api reaches payments')
        $failed = @($run | Where-Object Name -EQ 'public-api reaches payments')
        $failed[0].Message | Should -BeLike 'Expected public-api* to reach payments*, because orders cannot be paid otherwise, but hop Intention failed:*'
    }
}

Describe 'A suite generated from the cluster' -Tag Integration {
    It 'runs against the simulated cluster it was generated from and passes' {
        $configuration = if (Test-Path (Join-Path $PSScriptRoot '../MeshOps.Simulation/bin/Release/net10.0/MeshOps.Simulation.dll')) { 'Release' } else { 'Debug' }
        $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig-suite') -Configuration $configuration
        try {
            $live = Join-Path $TestDrive 'live.Tests.ps1'
            $null = New-MeshCheckSuite -Live -Kubeconfig $cluster.Kubeconfig -OutFile $live -ErrorAction Stop
            $liveText = Get-Content -LiteralPath $live -Raw
            $run = @((Invoke-Suite $live)[0])
        }
        finally {
            Stop-SimulatedCluster $cluster
        }

        $liveText | Should -Match '(?m)^    \[string\[\]\] \$Path = @\(\),$'
        $liveText | Should -Match 'from the cluster of the current kubeconfig context'
        $run.Count | Should -Be 12
        @($run | Where-Object { -not $_.Passed } | ForEach-Object { "$($_.Name): $($_.Message)" }) | Should -BeNullOrEmpty
    }
}
