#Requires -Version 7.6
# Tab completion of service and namespace names (issue 14, PowerShell conventions), driven as a user's Tab drives it:
# TabExpansion2 on a command line. Offline from the -Path manifests; live from the simulated HashiCups cluster.

BeforeAll {
    $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $RepoRoot 'artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force

    # What Tab offers at the end of the line. Written for Set-StrictMode Latest, as build.ps1 runs Pester: no member
    # enumeration over a list that may be empty.
    function Complete([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText)
    }

    # A cluster's answer that arrives after the completer stopped waiting is kept for the next Tab, as a user presses it again.
    function CompleteLive([string] $Line) {
        foreach ($tab in 1..20) {
            $offered = @(Complete $Line)
            if ($offered.Count -gt 0) { return $offered }
        }
        @()
    }
}

Describe 'Completion from the -Path manifests' -Tag Unit {
    BeforeAll { Push-Location $RepoRoot }
    AfterAll { Pop-Location }

    It 'completes <Line> to <Expected>' -ForEach @(
        @{ Line = 'Test-MeshPath -Path examples/hashicups/healthy -From pub'; Expected = @('public-api') }
        @{ Line = 'Test-MeshPath -Path examples/hashicups/healthy -From public-api -To p'; Expected = @('payments', 'postgres', 'products-api', 'public-api') }
        @{ Line = 'Test-MeshPath -LiteralPath examples/hashicups/healthy -To fr'; Expected = @('frontend') }
        @{ Line = 'Test-MeshPath -Path examples/hashicups/healthy -From frontend -To nginx -Namespace '; Expected = @('default') }
        @{ Line = 'Test-MeshIntention -Path examples/hashicups/healthy -Source pub'; Expected = @('public-api') }
        @{ Line = 'Test-MeshIntention -Path examples/hashicups/healthy -Source public-api -Destination prod'; Expected = @('products-api') }
    ) {
        Complete $Line | Should -Be $Expected
    }

    It 'reads a relative -Path against the current location' {
        Push-Location (Join-Path $RepoRoot 'examples/hashicups')
        try {
            Complete 'Test-MeshPath -Path ./healthy -From pub' | Should -Be @('public-api')
        }
        finally {
            Pop-Location
        }
    }

    It 'offers nothing, and writes no error, for a path that does not exist' {
        $Error.Clear()
        Complete 'Test-MeshPath -Path ./no-such-folder -From pub' | Should -BeNullOrEmpty
        $Error | Should -BeNullOrEmpty
    }
}

Describe 'Completion from the live (simulated) cluster' -Tag Integration {
    BeforeAll {
        $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig-completion')
    }
    AfterAll {
        Stop-SimulatedCluster $cluster
    }

    It 'completes Test-MeshPath -From from the services of the cluster -Kubeconfig names' {
        CompleteLive "Test-MeshPath -Kubeconfig '$($cluster.Kubeconfig)' -From pub" | Should -Be @('public-api')
    }

    It 'completes -Namespace from the namespaces of the cluster' {
        CompleteLive "Test-MeshPath -Kubeconfig '$($cluster.Kubeconfig)' -From public-api -To products-api -Namespace def" | Should -Be @('default')
    }

    It 'completes New-MeshIntention -Destination and -Source from the current context (KUBECONFIG)' {
        $saved = $env:KUBECONFIG
        $env:KUBECONFIG = $cluster.Kubeconfig
        try {
            CompleteLive 'New-MeshIntention -Destination products' | Should -Be @('products-api')
            CompleteLive 'New-MeshIntention -Destination products-api -Source publ' | Should -Be @('public-api')
        }
        finally {
            $env:KUBECONFIG = $saved
        }
    }

    It 'offers nothing, and writes no error, when the cluster cannot be reached' {
        $kubeconfig = Join-Path $TestDrive 'kubeconfig-unreachable'
        # Port 1 on loopback refuses at once: nothing listens there.
        (Get-Content -LiteralPath $cluster.Kubeconfig -Raw) -replace 'server:\s*\S+', 'server: https://127.0.0.1:1' | Set-Content -LiteralPath $kubeconfig
        $Error.Clear()
        foreach ($tab in 1..3) {
            Complete "Test-MeshPath -Kubeconfig '$kubeconfig' -From pub" | Should -BeNullOrEmpty
        }
        $Error | Should -BeNullOrEmpty
    }
}
