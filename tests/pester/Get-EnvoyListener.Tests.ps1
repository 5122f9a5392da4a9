#Requires -Version 7.6
# Get-EnvoyListener: its parameter contract and saved answers (Unit), and live against the simulated HashiCups cluster, whose
# sidecars answer Envoy admin through the Kubernetes port-forward (Integration).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
    $Samples = Join-Path $PSScriptRoot '../../../shared/reference/envoy-samples'
    $ConsulK8s = Join-Path $Samples 'consul-k8s/test_config_dump.json'
}

Describe 'Get-EnvoyListener: contract' -Tag Unit {
    It 'takes the Envoy targets and writes typed objects' {
        $command = Get-Command Get-EnvoyListener
        foreach ($name in @('Pod', 'Service', 'Namespace', 'AdminPort', 'Kubeconfig', 'Context', 'AdminUrl', 'Path', 'TimeoutSec', 'Name', 'FilterChain', 'Intention')) {
            $command.Parameters.Keys | Should -Contain $name
        }
        $command.OutputType.Name | Should -Contain 'MeshOps.Envoy.Config.EnvoyListener'
        $command.DefaultParameterSet | Should -Be 'Pod'
    }

    It 'refuses -FilterChain with -Intention' {
        { Get-EnvoyListener -Path $ConsulK8s -FilterChain -Intention -ErrorAction Stop } | Should -Throw -ErrorId 'MeshOps.ConflictingParameters*'
    }
}

Describe 'Get-EnvoyListener on saved answers' -Tag Unit {
    It 'shows where the outbound listener sends each upstream' {
        $chains = Get-EnvoyListener -Path $ConsulK8s -Name 'outbound*' -FilterChain
        $chains.Count | Should -Be 3
        $chains[0].Match | Should -Be '10.100.134.173/32, 240.0.0.3/32'
        $chains[0].Destination.Service | Should -Be 'client'
        $chains[2].Cluster | Should -Be 'original-destination'
        $chains[2].IsDefault | Should -BeTrue
    }

    It 'turns the public listener''s RBAC filter back into intentions' {
        $intentions = Get-EnvoyListener -Path $ConsulK8s -Intention
        $intentions.SourceService | Should -Be @('client', 'ingress-gateway')
        $intentions.Action | Sort-Object -Unique | Should -Be 'Deny'
        $intentions.Destination | Sort-Object -Unique | Should -Be 'backend'
        ($intentions | Out-String) | Should -Match 'default/client'
    }

    It 'reads a single saved Listener' {
        $listener = Get-EnvoyListener -Path (Join-Path $Samples 'consul/listeners.json')
        $listener.Name | Should -Be 'outbound_listener:127.0.0.1:15001'
        $listener.FilterChains[0].Destination.Prefix | Should -Be 'passthrough'
    }

    It 'a file that is no config dump is one MeshOps.EnvoyOutputInvalid error naming it, and the other files are still read' {
        $objects = Get-EnvoyListener -Path (Join-Path $Samples 'consul-k8s/test_clusters.json'), $ConsulK8s -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.EnvoyOutputInvalid*'
        $failures[0].Exception.Message | Should -Match 'test_clusters\.json'
        $objects.Count | Should -Be 2
    }
}

Describe 'Get-EnvoyListener on a live (simulated) cluster' -Tag Integration {
    BeforeAll {
        $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig')
        $k = $cluster.Kubeconfig
        $pod = @(Get-EnvoyConfig -Service public-api -Namespace default -Kubeconfig $k)[0].Pod
    }
    AfterAll {
        Stop-SimulatedCluster $cluster
    }

    It 'lists the listeners and the outbound chain to each upstream' {
        $listeners = Get-EnvoyListener -Pod $pod -Kubeconfig $k
        $listeners.Name | Should -Contain 'outbound_listener:127.0.0.1:15001'
        ($listeners | Where-Object Direction -eq Inbound).Name | Should -BeLike 'public_listener:*:20000'
        $chains = Get-EnvoyListener -Pod $pod -Kubeconfig $k -Name outbound_listener* -FilterChain
        ($chains | Where-Object { $_.Destination.Service -eq 'products-api' }).StatPrefix | Should -Be 'upstream.products-api.default.default.dc1'
        $chains[-1].IsDefault | Should -BeTrue
    }

    It 'shows the intentions the public listener enforces, for the service it fronts' {
        $intentions = @(Get-EnvoyListener -Pod $pod -Kubeconfig $k -Intention)
        # HashiCups: nginx -> public-api allowed under a * -> * deny, which Consul compiles into an ALLOW policy naming nginx.
        $intentions.SourceService | Should -Be @('nginx')
        $intentions.Action | Should -Be @('Allow')
        $intentions | ForEach-Object { $_.Destination | Should -Be 'public-api'; $_.Pod | Should -Be $pod }
    }

    It 'takes -Pod and -Namespace from piped objects of another Envoy cmdlet' {
        $dumps = @(Get-EnvoyConfig -Service public-api -Namespace default -Kubeconfig $k)
        $dumps[0].Namespace | Should -Be 'default'
        $listeners = @($dumps | Get-EnvoyListener -Kubeconfig $k -Name public_listener*)
        $listeners.Count | Should -Be $dumps.Count
        $listeners.Pod | Should -Be $dumps.Pod
    }

    It 'a pod that does not exist is one MeshOps.PodNotFound error and no object' {
        $objects = Get-EnvoyListener -Pod no-such-pod, $pod -Kubeconfig $k -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.PodNotFound*'
        $failures[0].Exception.Message | Should -Match 'no-such-pod'
        $objects | ForEach-Object { $_.Pod | Should -Be $pod }
    }
}
