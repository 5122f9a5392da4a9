#Requires -Version 7.6
# Get-MeshConfig as a user drives it, against the simulated HashiCups cluster (its own process, reached through a
# kubeconfig as a real cluster is), and against a cluster that cannot be reached.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
}

Describe 'Get-MeshConfig parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command Get-MeshConfig
    }

    It 'is an exported cmdlet writing the Consul resources' {
        $Command.CommandType | Should -Be 'Cmdlet'
        $Command.OutputType.Name | Should -Be 'MeshOps.Consul.IMeshResource'
    }

    It 'offers every consul.hashicorp.com kind MeshOps reads for -Kind' {
        $set = $Command.Parameters['Kind'].Attributes.Where({ $_ -is [System.Management.Automation.ValidateSetAttribute] })[0]
        $set.ValidValues | Should -Be @('ExportedServices', 'IngressGateway', 'Mesh', 'ProxyDefaults', 'ServiceDefaults', 'ServiceIntentions', 'ServiceResolver', 'ServiceRouter', 'ServiceSplitter', 'TerminatingGateway')
        $Command.Parameters['Kind'].ParameterType | Should -Be ([string[]])
    }

    It 'has the parameters of the Get-Mesh* family: <_>' -ForEach 'Name', 'Namespace', 'AllNamespaces', 'Context', 'Kubeconfig' {
        $Command.Parameters.Keys | Should -Contain $_
    }

    It 'refuses -Namespace together with -AllNamespaces' {
        { Get-MeshConfig -Namespace shop -AllNamespaces -Kubeconfig (Join-Path $TestDrive 'none') } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }
}

Describe 'Get-MeshConfig on the simulated HashiCups cluster' -Tag Integration {
    BeforeAll {
        $Cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig')
        $Kubeconfig = $Cluster.Kubeconfig
        $Expected = @(Get-ChildItem (Join-Path $PSScriptRoot '../../examples/hashicups/healthy') -File |
            Select-String -Pattern '^kind: (ServiceDefaults|ServiceIntentions|ProxyDefaults|Mesh|ServiceResolver|ServiceRouter|ServiceSplitter)$').Count
    }

    AfterAll {
        Stop-SimulatedCluster $Cluster
    }

    It 'reads every Consul resource applied, each typed and synced' {
        $all = @(Get-MeshConfig -AllNamespaces -Kubeconfig $Kubeconfig -ErrorAction Stop)

        $all | Should -HaveCount $Expected
        @($all.Kind | Sort-Object -Unique) | Should -Contain 'ServiceIntentions'
        @($all.Kind | Sort-Object -Unique) | Should -Contain 'ServiceDefaults'
        foreach ($resource in $all) {
            $resource.PSObject.TypeNames[0] | Should -Be 'MeshOps.Consul.IMeshResource#Live'
            $resource.PSObject.TypeNames | Should -Contain "MeshOps.Consul.$($resource.Kind)"
            $resource.Status.Synced.Status | Should -Be 'True'
        }
    }

    It 'reads only the kinds of -Kind' {
        $defaults = @(Get-MeshConfig -Kind ServiceDefaults -Kubeconfig $Kubeconfig -ErrorAction Stop)

        $defaults | Should -Not -BeNullOrEmpty
        @($defaults.Kind | Sort-Object -Unique) | Should -Be @('ServiceDefaults')
    }

    It 'matches -Name across kinds, and a missing name is ObjectNotFound naming both' {
        $products = @(Get-MeshConfig products-api, nothing-here -Kubeconfig $Kubeconfig -ErrorVariable failures -ErrorAction SilentlyContinue)

        @($products.Kind | Sort-Object) | Should -Be @('ServiceDefaults', 'ServiceIntentions')
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.MeshConfigNotFound*'
        $failures[0].Exception.Message | Should -Match "named 'nothing-here'"
    }

    It 'shows kind and Synced in the default table, with no error under StrictMode and ErrorActionPreference Stop' {
        $text = & {
            Set-StrictMode -Version Latest
            $ErrorActionPreference = 'Stop'
            Get-MeshConfig -Kubeconfig $Kubeconfig | Out-String -Width 300
        }

        $text | Should -Match 'Kind\s+Name\s+Namespace\s+Synced\s+LastSynced'
        $text | Should -Match 'ServiceDefaults\s+postgres\s+default\s+True'
    }

    It 'pipes into ConvertTo-MeshYaml, and the YAML reads back to the same Consul objects' {
        $yaml = Get-MeshConfig -Kubeconfig $Kubeconfig | ConvertTo-MeshYaml
        $file = Join-Path $TestDrive 'live.yaml'
        Set-Content -LiteralPath $file -Value $yaml

        $comparisons = @(Compare-MeshConfig -Desired $file -Path (Join-Path $PSScriptRoot '../../examples/hashicups/healthy') -IncludeUnmatched)

        $comparisons | Should -HaveCount $Expected
        @($comparisons.State | Sort-Object -Unique) | Should -Be @('Equal')
    }
}

Describe 'Get-MeshConfig on a cluster that cannot be reached' -Tag Integration {
    It 'is one ConnectionError naming the server, and no token' {
        $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig-gone')
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $closed = $listener.LocalEndpoint.Port; $listener.Stop()
        try {
            $text = Get-Content -Raw -LiteralPath $cluster.Kubeconfig
            $moved = Join-Path $TestDrive 'kubeconfig-closed'
            Set-Content -LiteralPath $moved -Value ($text -replace 'https://127\.0\.0\.1:\d+', "https://127.0.0.1:$closed")

            $out = @(Get-MeshConfig -Kubeconfig $moved -ErrorVariable failures -ErrorAction SilentlyContinue)
        }
        finally {
            Stop-SimulatedCluster $cluster
        }

        $out | Should -HaveCount 0
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.ClusterUnreachable*'
        $failures[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $failures[0].Exception.Message | Should -Match "127\.0\.0\.1:$closed"
        ($failures | Format-List * -Force | Out-String) | Should -Not -Match ([regex]::Escape($cluster.Token))
    }
}
