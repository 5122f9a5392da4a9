#Requires -Version 7.6
# The Should operators MeshOps adds to Pester 5 (-BeReachable, -BeDenied, -HaveNoMeshFinding), driven as a user writes
# them over HashiCups offline (healthy, and seeded faults laid over it), with their failure messages asserted; and their
# registration in a fresh pwsh whichever of MeshOps and Pester is imported first.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $Examples = Join-Path $RepoRoot 'examples/hashicups'
    $Healthy = Join-Path $Examples 'healthy'

    # The healthy files with a fault folder laid over them (a fault file replaces the healthy file of its name).
    function Get-HashiCupsFiles([string] $Fault) {
        $healthy = @(Get-ChildItem -LiteralPath $Healthy -File)
        $faultFiles = @(Get-ChildItem -LiteralPath (Join-Path $Examples "faults/$Fault") -File)
        @($healthy | Where-Object Name -notin $faultFiles.Name) + $faultFiles | ForEach-Object FullName
    }

    function ConvertTo-Pair([string] $Source, [string[]] $Destination) {
        $Destination | ForEach-Object { [pscustomobject]@{ Source = $Source; Destination = $_ } }
    }
}

Describe 'Should -BeReachable' -Tag Unit {
    It 'passes for a path with no failing hop, piped or traced with -From and -To' {
        Test-MeshPath public-api products-api -Path $Healthy | Should -BeReachable
        Should -BeReachable -From public-api -To products-api -Path $Healthy
    }

    It 'fails naming the hop that broke, its evidence, the fix and the confirm command, with the reason given' {
        $denied = Get-HashiCupsFiles 'MESH201-missing-intention'
        { Should -BeReachable -From public-api -To payments -Path $denied -Because 'the shop takes payments' } |
            Should -Throw -ExpectedMessage "Expected public-api* to reach payments*, because the shop takes payments, but hop Intention failed: *MESH201*intentions deny it*Fix: Add a source 'public-api' with action allow*Confirm: consul intention check public-api payments"
    }

    It 'names the root cause of a piped path that breaks before the intentions' {
        $report = Test-MeshPath public-api payments -Path (Get-HashiCupsFiles 'MESH101-payments-targetport')
        { $report | Should -BeReachable } | Should -Throw -ExpectedMessage 'Expected public-api* to reach payments*, but hop ServicePort failed: *MESH101*Fix: *'
    }

    It 'with -Not expects a failing hop' {
        Test-MeshPath public-api payments -Path (Get-HashiCupsFiles 'MESH201-missing-intention') | Should -Not -BeReachable
        { Test-MeshPath public-api products-api -Path $Healthy | Should -Not -BeReachable } |
            Should -Throw -ExpectedMessage 'Expected public-api* not to reach products-api*, but no hop fails (SourceWorkload Pass, *Intention Pass*).'
    }

    It 'fails either way when the path cannot be traced, saying why' {
        $missing = Join-Path $TestDrive 'no-such-folder'
        { Should -BeReachable -From public-api -To products-api -Path $missing } | Should -Throw -ExpectedMessage "Expected public-api to reach products-api, but the path could not be traced: *no-such-folder*"
        { Should -Not -BeReachable -From public-api -To products-api -Path $missing } | Should -Throw -ExpectedMessage 'Expected public-api not to reach products-api, but the path could not be traced: *'
    }

    It 'fails on input of another type or none, saying what it expects' {
        { 'public-api' | Should -BeReachable } | Should -Throw -ExpectedMessage "Expected a Test-MeshPath result (MeshOps.Paths.PathReport), but got ``[System.String``] 'public-api'."
        { Should -BeReachable } | Should -Throw -ExpectedMessage 'Expected a Test-MeshPath result (MeshOps.Paths.PathReport) or -From and -To, but got nothing.'
        { Should -BeReachable -From public-api } | Should -Throw -ExpectedMessage 'Expected both -From and -To, but got only -From.'
    }
}

Describe 'Should -BeDenied' -Tag Unit {
    It 'passes when Test-MeshIntention denies every pair' {
        ConvertTo-Pair payments nginx, frontend, postgres | Test-MeshIntention -Path $Healthy | Should -BeDenied
    }

    It 'judges several pairs together and lists each one that is not denied' {
        { ConvertTo-Pair public-api nginx, products-api, postgres | Test-MeshIntention -Path $Healthy | Should -BeDenied -Because 'zero trust' } |
            Should -Throw -ExpectedMessage "Expected 3 calls to be denied, because zero trust, but 1 is not:*public-api -> products-api: it is Allowed by ServiceIntentions products-api sources``[0``]*intentions.yaml:43*"
    }

    It 'never passes an Unknown decision, and says why it is unknown' {
        # No deny-all and no Helm values: the default policy decides and is not known offline.
        $results = ConvertTo-Pair frontend payments | Test-MeshIntention -Path (Get-HashiCupsFiles 'MESH206-no-deny-all')
        "$($results.Decision)" | Should -Be 'Unknown'
        { $results | Should -BeDenied } | Should -Throw -ExpectedMessage 'Expected frontend -> payments to be denied, but the decision is Unknown: *'
        { $results | Should -Not -BeDenied } | Should -Throw -ExpectedMessage 'Expected frontend -> payments to be allowed, but the decision is Unknown: *'
    }

    It 'passes a traced path whose only failing hop is the intention' {
        Test-MeshPath public-api payments -Path (Get-HashiCupsFiles 'MESH201-missing-intention') | Should -BeDenied
    }

    It 'fails a traced path that breaks at another hop first: the deny is not the reason' {
        $report = Test-MeshPath public-api payments -Path (Get-HashiCupsFiles 'MESH101-payments-targetport')
        { $report | Should -BeDenied } |
            Should -Throw -ExpectedMessage 'Expected public-api* -> payments* to be denied, but hop ServicePort failed: *MESH101* It breaks before the intentions decide, so the deny is not the reason.'
    }

    It 'fails a reachable path, quoting the intention that allows it' {
        { Test-MeshPath public-api products-api -Path $Healthy | Should -BeDenied } |
            Should -Throw -ExpectedMessage 'Expected public-api* -> products-api* to be denied, but the path is reachable: hop Intention passed: *allow, precedence 9*'
    }

    It 'with -Not expects the intentions to allow' {
        ConvertTo-Pair public-api products-api, payments | Test-MeshIntention -Path $Healthy | Should -Not -BeDenied
        { ConvertTo-Pair payments postgres | Test-MeshIntention -Path $Healthy | Should -Not -BeDenied } |
            Should -Throw -ExpectedMessage 'Expected payments -> postgres to be allowed, but it is Denied by *deny-all*'
    }

    It 'fails on input of another type or none' {
        { Get-Item $Healthy | Should -BeDenied } | Should -Throw -ExpectedMessage 'Expected a Test-MeshIntention result (MeshOps.Intentions.IntentionCheckResult) or Test-MeshPath result (MeshOps.Paths.PathReport), but got `[System.IO.DirectoryInfo`]*'
        { @() | Should -BeDenied } | Should -Throw -ExpectedMessage 'Expected Test-MeshIntention or Test-MeshPath results to be denied, but got nothing.'
    }
}

Describe 'Should -HaveNoMeshFinding' -Tag Unit {
    It 'passes when the configuration has no error' {
        Test-MeshConfig $Healthy -ErrorAction Stop | Should -HaveNoMeshFinding
    }

    It 'fails listing each finding with its rule, file:line, message and fix' {
        { Test-MeshConfig (Get-HashiCupsFiles 'MESH101-payments-targetport') | Should -HaveNoMeshFinding -Because 'CI gates on errors' } |
            Should -Throw -ExpectedMessage "Expected no mesh finding of severity Error or worse, because CI gates on errors, but got 1:*  MESH101 *payments.yaml:19 Service payments port 1800 targets port payments-http*Fix: Set targetPort of port 1800*"
    }

    It 'counts only -MinimumSeverity or worse; warnings pass the default' {
        $stale = @(Test-MeshConfig (Get-HashiCupsFiles 'MESH202-stale-intention'))
        "$($stale.Severity)" | Should -Be 'Warning'
        $stale | Should -HaveNoMeshFinding
        { $stale | Should -HaveNoMeshFinding -MinimumSeverity Warning } | Should -Throw -ExpectedMessage 'Expected no mesh finding of severity Warning or worse, but got 1:*MESH202*'
        { $stale | Should -HaveNoMeshFinding -MinimumSeverity Fatal } | Should -Throw -ExpectedMessage "Expected -MinimumSeverity Error, Warning or Info, but got 'Fatal'."
    }

    It 'counts only the -Rule IDs given, wildcards allowed' {
        $findings = @(Test-MeshConfig (Get-HashiCupsFiles 'MESH101-payments-targetport'))
        $findings | Should -HaveNoMeshFinding -Rule MESH2*, MESH301
        { $findings | Should -HaveNoMeshFinding -Rule MESH1* } | Should -Throw -ExpectedMessage 'Expected no mesh finding of severity Error or worse from MESH1`*, but got 1:*MESH101*'
    }

    It 'with -Not expects at least one such finding' {
        Test-MeshConfig (Get-HashiCupsFiles 'MESH101-payments-targetport') | Should -Not -HaveNoMeshFinding -Rule MESH101
        { Test-MeshConfig $Healthy | Should -Not -HaveNoMeshFinding } | Should -Throw -ExpectedMessage 'Expected at least one mesh finding of severity Error or worse, but got no finding.'
    }

    It 'fails on input of another type' {
        { Test-MeshPath public-api products-api -Path $Healthy | Should -HaveNoMeshFinding } |
            Should -Throw -ExpectedMessage 'Expected Test-MeshConfig findings (MeshOps.Analysis.Finding), but got `[MeshOps.Paths.PathReport`]*'
    }
}

Describe 'Registration with Pester 5' -Tag Integration {
    BeforeAll {
        $ModulePath = Join-Path $RepoRoot 'artifacts/MeshOps/MeshOps.psd1'
        $PesterPath = (Get-Module Pester).Path -replace 'Pester\.psm1$', 'Pester.psd1'
        # A fresh pwsh, as a user's session or a CI step starts; prints what it found and any error.
        function Invoke-Child([string] $Script) {
            Push-Location $RepoRoot
            try {
                $output = dotnet pwsh -NoProfile -NonInteractive -Command "`$ErrorActionPreference = 'Stop'; `$m = '$ModulePath'; `$p = '$PesterPath'; $Script" 2>&1
                [pscustomobject]@{ Output = @($output | ForEach-Object { "$_" }) -join "`n"; ExitCode = $LASTEXITCODE }
            }
            finally {
                Pop-Location
            }
        }
        $Check = "'operators: ' + (@(Get-ShouldOperator | Where-Object Name -in 'BeReachable', 'BeDenied', 'HaveNoMeshFinding').Count); " +
            "try { Should -BeReachable -From public-api -To products-api -Path ./examples/hashicups/healthy; 'reach: pass' } catch { 'reach: ' + `$_ }"
    }

    It 'registers when MeshOps is imported into a session where Pester is loaded' {
        $child = Invoke-Child "Import-Module `$p; Import-Module `$m; $Check"
        $child.Output | Should -Match 'operators: 3'
        $child.Output | Should -Match 'reach: pass'
        $child.ExitCode | Should -Be 0
    }

    It 'registers when Pester is imported after MeshOps, the first time Should is used' {
        $child = Invoke-Child "Import-Module `$m; 'before: ' + [bool](Get-Module Pester); Import-Module `$p; $Check"
        $child.Output | Should -Match 'before: False'
        $child.Output | Should -Match 'reach: pass'
        $child.ExitCode | Should -Be 0
    }

    It 'keeps the operators, without an error, when MeshOps is imported again with -Force' {
        $child = Invoke-Child "Import-Module `$p; Import-Module `$m; Import-Module `$m -Force; Import-Module `$m -Force -WarningVariable w; 'warnings: ' + @(`$w).Count; $Check"
        $child.Output | Should -Match 'warnings: 0'
        $child.Output | Should -Match 'operators: 3'
        $child.Output | Should -Match 'reach: pass'
    }

    It 'chains after a command lookup handler set before it, and puts it back when removed' {
        $child = Invoke-Child ("`$global:seen = 0; `$ExecutionContext.InvokeCommand.PostCommandLookupAction = { param(`$n, `$e) if (`$n -eq 'Get-Date') { `$global:seen++ } }; " +
            "`$mine = `$ExecutionContext.InvokeCommand.PostCommandLookupAction; Import-Module `$m; `$null = Get-Date; 'seen: ' + `$global:seen; " +
            "Remove-Module MeshOps; 'restored: ' + [object]::ReferenceEquals(`$mine, `$ExecutionContext.InvokeCommand.PostCommandLookupAction)")
        $child.Output | Should -Match 'seen: [1-9]'
        $child.Output | Should -Match 'restored: True'
    }

    It 'registers nothing and says nothing without Pester' {
        $child = Invoke-Child "Import-Module `$m; 'pester: ' + [bool](Get-Module Pester); `$null = Get-Date; 'ok'"
        $child.Output | Should -Be "pester: False`nok"
        $child.ExitCode | Should -Be 0
    }
}
