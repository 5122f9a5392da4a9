#Requires -Version 7.6
# Get-EnvoyConfig, Get-EnvoyListener and Get-EnvoyRoute: their parameter contract and saved files (Unit), and live
# against the simulated HashiCups cluster, whose sidecars answer Envoy admin through the Kubernetes port-forward
# (Integration). The simulated bootstrap carries a Consul ACL token, which no output may contain.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
    $Samples = Join-Path $PSScriptRoot '../../../shared/reference/envoy-samples'
    $ConsulK8s = Join-Path $Samples 'consul-k8s/test_config_dump.json'
    # tests/MeshOps.Simulation/Envoy/EnvoyConfigDump.cs AclToken.
    $AclToken = '7c1e5a3d-9f20-4b8e-a6d1-c0ffee5ec4e7'

    function Get-AllText($Objects, $Errors) {
        ($Objects | Format-List * -Force | Out-String -Width 500) + ($Objects | Out-String -Width 500) + ($Errors | Format-List * -Force | Out-String -Width 500)
    }
}

Describe 'Envoy configuration cmdlets: contract' -Tag Unit {
    It '<Cmdlet> takes the Envoy targets and writes typed objects' -ForEach @(
        @{ Cmdlet = 'Get-EnvoyConfig'; Own = @('Resource', 'IncludeEds', 'Raw'); Output = 'MeshOps.Envoy.Config.EnvoyConfigDump' }
        @{ Cmdlet = 'Get-EnvoyListener'; Own = @('Name', 'FilterChain', 'Intention'); Output = 'MeshOps.Envoy.Config.EnvoyListener' }
        @{ Cmdlet = 'Get-EnvoyRoute'; Own = @('RouteConfiguration', 'DestinationService'); Output = 'MeshOps.Envoy.Config.EnvoyRoute' }
    ) {
        $command = Get-Command $Cmdlet
        foreach ($name in @('Pod', 'Service', 'Namespace', 'AdminPort', 'Kubeconfig', 'Context', 'AdminUrl', 'Path', 'TimeoutSec') + $Own) {
            $command.Parameters.Keys | Should -Contain $name
        }
        $command.OutputType.Name | Should -Contain $Output
        $command.DefaultParameterSet | Should -Be 'Pod'
    }

    It 'asks Envoy for -Resource and -IncludeEds only when live: a saved file holds what it holds' {
        (Get-Command Get-EnvoyConfig).Parameters['Resource'].ParameterSets.Keys | Should -Not -Contain 'Path'
        { Get-EnvoyConfig -Path $ConsulK8s -Resource dynamic_active_clusters } | Should -Throw
    }

    It 'refuses a -Resource that is no field name before asking anything' {
        { Get-EnvoyConfig -AdminUrl http://127.0.0.1:9 -Resource 'x&y' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'refuses -FilterChain with -Intention' {
        { Get-EnvoyListener -Path $ConsulK8s -FilterChain -Intention -ErrorAction Stop } | Should -Throw -ErrorId 'MeshOps.ConflictingParameters*'
    }
}

Describe 'Envoy configuration cmdlets on saved answers' -Tag Unit {
    It 'reads the consul-k8s dump into a summary' {
        $dump = Get-EnvoyConfig -Path $ConsulK8s
        $dump.Service | Should -Be 'backend'
        $dump.EnvoyVersion | Should -Be '1.22.0'
        $dump.Listeners.Count | Should -Be 2
        $dump.Endpoints.Count | Should -Be 6
        $dump.Source.Endpoint | Should -BeLike '*test_config_dump.json'
    }

    It 'shows where the outbound listener sends each upstream and the public listener''s intentions' {
        $chains = Get-EnvoyListener -Path $ConsulK8s -Name 'outbound*' -FilterChain
        $chains.Count | Should -Be 3
        $chains[0].Match | Should -Be '10.100.134.173/32, 240.0.0.3/32'
        $chains[0].Destination.Service | Should -Be 'client'
        $chains[2].Cluster | Should -Be 'original-destination'
        $intentions = Get-EnvoyListener -Path $ConsulK8s -Intention
        $intentions.SourceService | Should -Be @('client', 'ingress-gateway')
        $intentions.Action | Sort-Object -Unique | Should -Be 'Deny'
        ($intentions | Out-String) | Should -Match 'default/client'
    }

    It 'reads a split route from consul troubleshoot''s dump' {
        $route = Get-EnvoyRoute -Path (Join-Path $Samples 'consul/upstreams/config.json') -DestinationService backend2
        $route.Action | Should -Be 'WeightedClusters'
        $route.WeightedClusters.Weight | Should -Be @(5000, 5000)
    }

    It 'writes -Raw as JSON of the same dump' {
        $raw = Get-EnvoyConfig -Path $ConsulK8s -Raw
        $raw | Should -BeOfType [string]
        ($raw | ConvertFrom-Json).configs.Count | Should -Be 7
    }

    It 'a file that is no config dump is one MeshOps.EnvoyOutputInvalid error naming it, and the other files are still read' {
        $objects = Get-EnvoyListener -Path (Join-Path $Samples 'consul-k8s/test_clusters.json'), $ConsulK8s -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.EnvoyOutputInvalid*'
        $failures[0].Exception.Message | Should -Match 'test_clusters\.json'
        $objects.Count | Should -Be 2
    }
}

Describe 'Envoy configuration cmdlets on a live (simulated) cluster' -Tag Integration {
    BeforeAll {
        $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig')
        $k = $cluster.Kubeconfig
        $dumps = @(Get-EnvoyConfig -Service public-api -Namespace default -Kubeconfig $k -IncludeEds)
        $pod = $dumps[0].Pod
    }
    AfterAll {
        Stop-SimulatedCluster $cluster
    }

    It 'reads one dump per pod of the service, through the port-forward, with its EDS endpoints' {
        $dumps.Count | Should -BeGreaterThan 0
        $dumps | ForEach-Object { $_.Service | Should -Be 'public-api'; $_.Pod | Should -Not -BeNullOrEmpty; $_.IncludesEndpoints | Should -BeTrue }
        $dumps[0].Clusters.Service | Should -Contain 'products-api'
        $dumps[0].Endpoints.Count | Should -BeGreaterThan 0
        @(Get-EnvoyConfig -Pod $pod -Kubeconfig $k)[0].IncludesEndpoints | Should -BeFalse
    }

    It 'lists the listeners and the outbound chain to each upstream' {
        $listeners = Get-EnvoyListener -Pod $pod -Kubeconfig $k
        $listeners.Name | Should -Contain 'outbound_listener:127.0.0.1:15001'
        ($listeners | Where-Object Direction -eq Inbound).Name | Should -BeLike 'public_listener:*:20000'
        $chains = Get-EnvoyListener -Pod $pod -Kubeconfig $k -Name outbound_listener* -FilterChain
        ($chains | Where-Object { $_.Destination.Service -eq 'products-api' }).StatPrefix | Should -Be 'upstream.products-api.default.default.dc1'
        $chains[-1].IsDefault | Should -BeTrue
    }

    It 'shows the intentions the public listener enforces, and the routes' {
        $intentions = @(Get-EnvoyListener -Pod $pod -Kubeconfig $k -Intention)
        $intentions.Count | Should -BeGreaterThan 0
        $intentions | ForEach-Object { $_.Destination | Should -Be 'public-api' }
        (Get-EnvoyRoute -Pod $pod -Kubeconfig $k -RouteConfiguration public_listener).Cluster | Sort-Object -Unique | Should -Be 'local_app'
    }

    It 'never writes the bootstrap''s Consul ACL token, in objects, -Raw or -Verbose' {
        $objects = @(Get-EnvoyConfig -Pod $pod -Kubeconfig $k -IncludeEds) + @(Get-EnvoyListener -Pod $pod -Kubeconfig $k -FilterChain)
        $raw = Get-EnvoyConfig -Pod $pod -Kubeconfig $k -Raw -Verbose 4>&1
        $raw | Out-String | Should -Match 'x-consul-token'
        (Get-AllText ($objects + $raw) $null) | Should -Not -Match ([regex]::Escape($AclToken))
    }

    It 'a pod that does not exist is one MeshOps.PodNotFound error and no object' {
        $objects = Get-EnvoyListener -Pod no-such-pod, $pod -Kubeconfig $k -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.PodNotFound*'
        $objects | ForEach-Object { $_.Pod | Should -Be $pod }
    }
}
