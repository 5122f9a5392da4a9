#Requires -Version 7.6
# Get-EnvoyRoute: its parameter contract and saved answers (Unit), and live against the simulated HashiCups cluster, whose
# sidecars answer Envoy admin through the Kubernetes port-forward (Integration).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
    $Samples = Join-Path $PSScriptRoot '../../../shared/reference/envoy-samples'
    $ConsulK8s = Join-Path $Samples 'consul-k8s/test_config_dump.json'
}

Describe 'Get-EnvoyRoute: contract' -Tag Unit {
    It 'takes the Envoy targets and writes typed objects' {
        $command = Get-Command Get-EnvoyRoute
        foreach ($name in @('Pod', 'Service', 'Namespace', 'AdminPort', 'Kubeconfig', 'Context', 'AdminUrl', 'Path', 'TimeoutSec', 'RouteConfiguration', 'DestinationService')) {
            $command.Parameters.Keys | Should -Contain $name
        }
        $command.OutputType.Name | Should -Contain 'MeshOps.Envoy.Config.EnvoyRoute'
        $command.DefaultParameterSet | Should -Be 'Pod'
    }
}

Describe 'Get-EnvoyRoute on saved answers' -Tag Unit {
    It 'reads a split route from consul troubleshoot''s dump' {
        $route = Get-EnvoyRoute -Path (Join-Path $Samples 'consul/upstreams/config.json') -DestinationService backend2
        $route.Action | Should -Be 'WeightedClusters'
        $route.WeightedClusters.Weight | Should -Be @(5000, 5000)
        $route.RouteConfiguration | Should -Be 'backend'
    }

    It 'lists the public_listener route of the consul-k8s dump once (Envoy repeats the inline one under static_route_configs)' {
        $routes = @(Get-EnvoyRoute -Path $ConsulK8s -RouteConfiguration 'public_*')
        $routes.Count | Should -Be 1
        $routes.Match | Sort-Object -Unique | Should -Be 'prefix /'
        $routes.Cluster | Sort-Object -Unique | Should -Be 'local_app'
    }
}

Describe 'Get-EnvoyRoute on a live (simulated) cluster' -Tag Integration {
    BeforeAll {
        $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig')
        $k = $cluster.Kubeconfig
        $pod = @(Get-EnvoyConfig -Service public-api -Namespace default -Kubeconfig $k)[0].Pod
    }
    AfterAll {
        Stop-SimulatedCluster $cluster
    }

    It 'lists the routes of a sidecar through the port-forward' {
        $routes = @(Get-EnvoyRoute -Pod $pod -Kubeconfig $k -RouteConfiguration public_listener)
        $routes.Count | Should -BeGreaterThan 0
        $routes.Cluster | Sort-Object -Unique | Should -Be 'local_app'
        $routes | ForEach-Object { $_.Pod | Should -Be $pod }
    }
}
