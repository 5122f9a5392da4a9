#Requires -Version 7.6
# Test-MeshPath as a user drives it over manifests: the broken hop named, the evidence and fix shown with -Detailed,
# -Quiet as a CI gate that never passes what it could not trace.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/EnterpriseMesh.psm1') -Force
    $Healthy = Join-Path $PSScriptRoot '../../examples/hashicups/healthy'
    $Faults = Join-Path $PSScriptRoot '../../examples/hashicups/faults'

    function New-FaultSet([string] $Fault) {
        $folder = Join-Path $TestDrive $Fault
        if (-not (Test-Path $folder)) {
            Copy-Item $Healthy $folder -Recurse
            Get-ChildItem (Join-Path $Faults $Fault) -File | Copy-Item -Destination $folder -Force
        }
        $folder
    }
}

Describe 'Test-MeshPath parameter contract' -Tag Unit {
    It 'takes -From and -To at positions 0 and 1, -Port, -Namespace, -Path/-LiteralPath, -Detailed and -Quiet' {
        $command = Get-Command Test-MeshPath
        $position = { param($name) $command.Parameters[$name].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0].Position }
        & $position 'From' | Should -Be 0
        & $position 'To' | Should -Be 1
        foreach ($name in 'Port', 'Namespace', 'Path', 'LiteralPath', 'All', 'Detailed', 'Quiet') { $command.Parameters.Keys | Should -Contain $name }
        $command.OutputType.Name | Should -Contain 'MeshOps.Paths.PathReport'
    }
}

Describe 'Test-MeshPath' -Tag Unit {
    It 'passes every hop that has data on healthy HashiCups, and skips the live-only hops saying why' {
        $report = Test-MeshPath -From public-api -To products-api -Path $Healthy

        $report.Passed | Should -BeTrue
        $report.RootCause | Should -BeNullOrEmpty
        $report.Hops.Name | Should -Be @('SourceWorkload', 'Name', 'ServicePort', 'DestinationWorkload', 'Listener', 'Protocol', 'Intention', 'Identity', 'Catalog', 'Envoy')
        ($report.Hops | Where-Object Name -In 'Catalog', 'Envoy').Status | Should -Be @('Skipped', 'Skipped')
        Test-MeshPath public-api products-api -Path $Healthy -Quiet | Should -BeTrue
    }

    It 'names <Hop> as the root cause of <From> -> <To> under <Fault>' -ForEach @(
        @{ Fault = 'MESH101-payments-targetport'; From = 'public-api'; To = 'payments'; Hop = 'ServicePort'; Rule = 'MESH101' }
        @{ Fault = 'MESH201-missing-intention'; From = 'public-api'; To = 'payments'; Hop = 'Intention'; Rule = 'MESH201' }
        @{ Fault = 'MESH301-postgres-http'; From = 'products-api'; To = 'postgres'; Hop = 'Protocol'; Rule = 'MESH301' }
    ) {
        $report = Test-MeshPath -From $From -To $To -Path (New-FaultSet $Fault)

        $report.RootCause | Should -Be $Hop
        ($report.Hops | Where-Object Name -EQ $Hop).RuleIds | Should -Contain $Rule
        $report.Verdict | Should -Match "fails at $Hop"
        Test-MeshPath -From $From -To $To -Path (New-FaultSet $Fault) -Quiet | Should -BeFalse
    }

    It 'shows the evidence, fix and confirm command of the failing hop with -Detailed' {
        $view = Test-MeshPath public-api payments -Path (New-FaultSet 'MESH101-payments-targetport') -Detailed | Out-String -Width 200

        $view | Should -Match 'ServicePort: Fail \(MESH101\)'
        $view | Should -Match 'payments\.yaml:\d+:\d+'
        $view | Should -Match 'fix: '
        $view | Should -Match 'confirm: kubectl get endpoints payments'
    }

    It 'fails the Name hop with the nearest names for a service the manifests do not hold' {
        $report = Test-MeshPath public-api product-api -Path $Healthy

        $report.RootCause | Should -Be 'Name'
        ($report.Hops | Where-Object Name -EQ 'Name').Evidence -join ' ' | Should -Match 'products-api'
    }

    It 'traces every call with -All, one result per call, and fails -Quiet when one path is broken' {
        $allHealthy = @(Test-MeshPath -All -Path $Healthy)
        $broken = @(Test-MeshPath -All -Path (New-FaultSet 'MESH101-payments-targetport'))

        $allHealthy.Verdict | Should -HaveCount 5
        $allHealthy | ForEach-Object { $_.Passed | Should -BeTrue }
        @($broken | Where-Object { -not $_.Passed }).To | Should -Be @('payments.default')
        Test-MeshPath -All -Path $Healthy -Quiet | Should -BeTrue
        Test-MeshPath -All -Path (New-FaultSet 'MESH101-payments-targetport') -Quiet | Should -BeFalse
    }

    It 'streams -All: each result goes down the pipeline as its path is traced, and Select-Object -First stops the tracing' {
        # In a PowerShell of its own, whose progress records are collected: the pipeline hands on each result while
        # the cmdlet waits, so the number of progress records seen then tells how far tracing had got.
        $ps = [powershell]::Create()
        try {
            $ps.Runspace.SessionStateProxy.SetVariable('self', $ps)
            $null = $ps.AddScript("Import-Module '$((Get-Module MeshOps).Path)'; Test-MeshPath -All -Path '$Healthy' | ForEach-Object { `$self.Streams.Progress.Count }")
            $seenAt = @($ps.Invoke())
            $ps.Commands.Clear()
            $null = $ps.AddScript("Test-MeshPath -All -Path '$Healthy' | Select-Object -First 1 | ForEach-Object { 1 }; `$self.Streams.Progress.Count")
            $ps.Streams.Progress.Clear()
            $firstOnly = @($ps.Invoke())
        }
        finally {
            $ps.Dispose()
        }

        $seenAt | Should -HaveCount 5
        # One record before the first path, then one per path traced: result k arrives after k + 1 of them.
        $seenAt | Should -Be @(2, 3, 4, 5, 6)
        $firstOnly[0] | Should -Be 1
        $firstOnly[1] | Should -BeLessThan 4 -Because 'the paths after the first are not traced once the pipeline has what it asked for'
    }

    It 'traces an intention-allowed pair no call shows with -All' {
        $reports = @(Test-MeshPath -All -Path (New-FaultSet 'MESH205-unused-intention'))

        $reports.Count | Should -BeGreaterThan 5
    }

    It 'passes the Intention hop an Enterprise allow decides in the Consul namespaces the Helm values give, and is Unknown without them' {
        $enterprise = New-EnterpriseMesh (Join-Path $TestDrive 'enterprise')

        $placed = Test-MeshPath web.shop api.backend -Path $enterprise.Mesh, $enterprise.Values
        $unplaced = Test-MeshPath web.shop api.backend -Path $enterprise.Mesh

        $hop = $placed.Hops | Where-Object Name -EQ 'Intention'
        $hop.Status | Should -Be 'Pass'
        $hop.Evidence -join ' ' | Should -Match 'shop/web => backend/api .* for web \(Consul ns shop\) -> api \(ns backend\)'
        ($unplaced.Hops | Where-Object Name -EQ 'Intention').Status | Should -Be 'Unknown'
    }

    It 'traces nothing, and -Quiet is false, when the manifests could not all be read' {
        $missing = Join-Path $TestDrive 'missing'

        $report = Test-MeshPath public-api products-api -Path $Healthy, $missing -ErrorVariable problems -ErrorAction SilentlyContinue
        $quiet = Test-MeshPath public-api products-api -Path $Healthy, $missing -Quiet -ErrorAction SilentlyContinue

        $report | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.PathNotFound,*'
        $quiet | Should -BeFalse
    }
}
