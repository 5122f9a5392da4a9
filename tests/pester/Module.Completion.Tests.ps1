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

Describe 'Which parameters complete' -Tag Unit {
    It 'completes namespace names on every exported cmdlet that takes -Namespace' {
        $commands = @(Get-Command -Module MeshOps -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('Namespace') })
        $commands.Count | Should -BeGreaterThan 10
        foreach ($command in $commands) {
            $completer = @($command.Parameters['Namespace'].Attributes.Where({ $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }))
            "$($command.Name) -Namespace: $(@($completer | ForEach-Object { $_.Type.Name }) -join ',')" | Should -Be "$($command.Name) -Namespace: NamespaceNameCompleter"
        }
    }

    It 'completes <Parameter> of <Command> with <Completer>' -ForEach @(
        @{ Command = 'Get-MeshIntention'; Parameter = 'Name'; Completer = 'ConsulObjectNameCompleter' }
        @{ Command = 'Get-MeshServiceDefault'; Parameter = 'Name'; Completer = 'ConsulObjectNameCompleter' }
        @{ Command = 'Get-MeshConfig'; Parameter = 'Name'; Completer = 'ConsulObjectNameCompleter' }
        @{ Command = 'New-MeshServiceDefault'; Parameter = 'Name'; Completer = 'ServiceNameCompleter' }
        @{ Command = 'New-MeshServicePort'; Parameter = 'Name'; Completer = 'ServiceNameCompleter' }
        @{ Command = 'Test-MeshIntention'; Parameter = 'Source'; Completer = 'ServiceNameCompleter' }
        @{ Command = 'Test-MeshIntention'; Parameter = 'Destination'; Completer = 'ServiceNameCompleter' }
        @{ Command = 'Get-EnvoyRoute'; Parameter = 'DestinationService'; Completer = 'ServiceNameCompleter' }
        @{ Command = 'Get-EnvoyCluster'; Parameter = 'Service'; Completer = 'ServiceNameCompleter' }
        @{ Command = 'Test-EnvoyReady'; Parameter = 'Service'; Completer = 'ServiceNameCompleter' }
    ) {
        $attribute = @((Get-Command $Command).Parameters[$Parameter].Attributes.Where({ $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }))
        @($attribute | ForEach-Object { $_.Type.Name }) | Should -Be @($Completer)
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

    It 'completes <Line> to the names of the cluster''s <What>' -ForEach @(
        @{ What = 'ServiceIntentions'; Line = 'Get-MeshIntention -Kubeconfig {0} -Name de'; Expected = @('deny-all') }
        @{ What = 'ServiceIntentions, not its Services'; Line = 'Get-MeshIntention -Kubeconfig {0} -Name ngi'; Expected = @() }
        @{ What = 'ServiceDefaults'; Line = 'Get-MeshServiceDefault -Kubeconfig {0} -Name ngi'; Expected = @('nginx') }
        @{ What = 'ServiceDefaults, in all namespaces'; Line = 'Get-MeshServiceDefault -Kubeconfig {0} -AllNamespaces -Name ngi'; Expected = @('nginx') }
        @{ What = 'Consul objects of every kind'; Line = 'Get-MeshConfig -Kubeconfig {0} -Name de'; Expected = @('deny-all') }
        @{ What = 'Consul objects of the -Kind given'; Line = 'Get-MeshConfig -Kubeconfig {0} -Kind ServiceDefaults -Name ngi'; Expected = @('nginx') }
        @{ What = 'Consul objects of the -Kind given, not others'; Line = 'Get-MeshConfig -Kubeconfig {0} -Kind ServiceDefaults -Name de'; Expected = @() }
        @{ What = 'namespaces'; Line = 'Get-MeshIntention -Kubeconfig {0} -Namespace def'; Expected = @('default') }
        @{ What = 'services'; Line = 'Test-MeshIntention -Kubeconfig {0} -Source pub'; Expected = @('public-api') }
        @{ What = 'services'; Line = 'Get-EnvoyCluster -Kubeconfig {0} -Service prod'; Expected = @('products-api') }
    ) {
        $typed = $Line -f "'$($cluster.Kubeconfig)'"
        if ($Expected.Count -gt 0) {
            CompleteLive $typed | Should -Be $Expected
        }
        else {
            # Nothing may also mean "not yet answered": ask until a name of another kind would have been offered.
            $null = CompleteLive ($typed -replace '-Name \S+$', '-Name p')
            Complete $typed | Should -BeNullOrEmpty
        }
    }

    It 'completes New-MeshServiceDefault -Name and New-MeshServicePort -Name from the services of the current context' {
        $saved = $env:KUBECONFIG
        $env:KUBECONFIG = $cluster.Kubeconfig
        try {
            CompleteLive 'New-MeshServiceDefault -Name paym' | Should -Be @('payments')
            CompleteLive 'New-MeshServicePort -Name fron' | Should -Be @('frontend')
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
