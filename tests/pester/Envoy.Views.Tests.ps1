#Requires -Version 7.6
# The default table views of the Envoy cmdlets as an SRE sees them in a 120-column terminal: every column's header is
# there whole (a view wider than the window squeezes its last column to '…' — for certificates that was Status), no
# header wraps onto a second line, and no two columns share a header.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    $Samples = Join-Path $PSScriptRoot '../../../shared/reference/envoy-samples'

    # The header line of a table written at 120 columns, split into its column names.
    function Get-TableHeader($Objects) {
        $lines = @(($Objects | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() })
        $rule = [array]::FindIndex($lines, [Predicate[string]] { param($l) $l -match '^-+( +-+)*\s*$' })
        $rule | Should -Be 1 -Because "the header is one line, not wrapped: $($lines[0..2] -join ' / ')"
        -split $lines[0]
    }
}

Describe 'Envoy default table views at 120 columns' -Tag Unit {
    It 'shows <Command> <Property> with the headers <Headers>' -ForEach @(
        @{ Command = 'Get-EnvoyCertificate'; Property = ''; File = 'iKubernetes-servicemesh_in_practise/certs-spire-web-server.json'; Headers = @('Target', 'Context', 'Role', 'SpiffeId', 'TimeToExpiry', 'Status') }
        @{ Command = 'Get-EnvoyCluster'; Property = ''; File = 'consul-k8s/test_clusters.json'; Headers = @('Target', 'Cluster', 'Role', 'Healthy', 'CxConnectFail', 'CxActive') }
        @{ Command = 'Get-EnvoyRoute'; Property = ''; File = 'consul-k8s/test_config_dump.json'; Headers = @('Target', 'RouteConfiguration', 'VirtualHost', 'Match', 'RoutesTo') }
        @{ Command = 'Get-EnvoyListener'; Property = ''; File = 'consul-k8s/test_config_dump.json'; Headers = @('Target', 'Name', 'Direction', 'State', 'Chains', 'Intentions') }
        @{ Command = 'Get-EnvoyConfig'; Property = ''; File = 'consul-k8s/test_config_dump.json'; Headers = @('Target', 'Service', 'Envoy', 'Listeners', 'Routes', 'Clusters', 'Endpoints', 'Intentions') }
        @{ Command = 'Get-EnvoyConfig'; File = 'consul-k8s/test_config_dump.json'; Property = 'Clusters'; Headers = @('Target', 'Name', 'Type', 'State', 'Timeout', 'ExpectedSans') }
    ) {
        $objects = & $Command -Path (Join-Path $Samples $File) -ErrorAction Stop -WarningAction SilentlyContinue
        if ($Property) { $objects = $objects.$Property }
        $objects | Should -Not -BeNullOrEmpty

        Get-TableHeader $objects | Should -Be $Headers
    }
}
