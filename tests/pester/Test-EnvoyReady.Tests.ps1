#Requires -Version 7.6
# Test-EnvoyReady as a user drives it: saved /ready and /server_info answers, sidecars of the simulated HashiCups
# cluster through port-forward (products-api's not ready), and an admin on 127.0.0.1 that answers badly. No answer is
# never ready: every failure is an error and -Quiet is then $false.

BeforeDiscovery {
    $AdminFaults = @(
        @{ Fault = 'slow'; TimeoutSec = 3; ErrorId = 'MeshOps.EnvoyUnreachable' }
        @{ Fault = 'truncated-length'; TimeoutSec = 30; ErrorId = 'MeshOps.EnvoyAdminFailed' }
        @{ Fault = 'truncated-chunked'; TimeoutSec = 30; ErrorId = 'MeshOps.EnvoyAdminFailed' }
        @{ Fault = 'service-unavailable'; TimeoutSec = 30; ErrorId = 'MeshOps.EnvoyAdminFailed' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
}

Describe 'Test-EnvoyReady parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command Test-EnvoyReady
    }

    It 'has the Envoy target sets and -Quiet' {
        $Command.DefaultParameterSet | Should -Be 'Pod'
        @($Command.ParameterSets.Name | Sort-Object) | Should -Be @('AdminUrl', 'Path', 'Pod', 'Service')
        $Command.Parameters['Quiet'].SwitchParameter | Should -BeTrue
    }

    It 'declares both output types' {
        @($Command.OutputType.Name | Sort-Object) | Should -Be @('MeshOps.Envoy.Server.EnvoyReadiness', 'System.Boolean')
    }
}

Describe 'Test-EnvoyReady on saved output' -Tag Unit {
    It 'reads a saved /ready: LIVE is ready, INITIALIZING is not and says why' {
        Set-Content -LiteralPath (Join-Path $TestDrive 'live.txt') -Value 'LIVE'
        Set-Content -LiteralPath (Join-Path $TestDrive 'init.txt') -Value 'INITIALIZING'

        $live = Test-EnvoyReady -Path (Join-Path $TestDrive 'live.txt') -ErrorAction Stop
        $init = Test-EnvoyReady -Path (Join-Path $TestDrive 'init.txt') -ErrorAction Stop

        $live.Ready | Should -BeTrue
        $init.Ready | Should -BeFalse
        $init.Reason | Should -Match 'xDS'
        Test-EnvoyReady -Path (Join-Path $TestDrive 'live.txt') -Quiet | Should -BeTrue
        Test-EnvoyReady -Path (Join-Path $TestDrive '*.txt') -Quiet | Should -BeFalse
    }

    It 'reads a saved /server_info and keeps the whole answer' {
        $file = Join-Path $TestDrive 'server_info.json'
        Set-Content -LiteralPath $file -Value '{"version":"a/1.27.2/Clean/RELEASE/BoringSSL","state":"DRAINING","uptime_current_epoch":"5s"}'
        $result = Test-EnvoyReady -Path $file -ErrorAction Stop

        $result.Ready | Should -BeFalse
        $result.StateName | Should -Be 'DRAINING'
        $result.ServerInfo.Version | Should -Be '1.27.2'
    }

    It 'is $false with -Quiet when a file is not an answer, or nothing was read' {
        Set-Content -LiteralPath (Join-Path $TestDrive 'html.txt') -Value '<html>ok</html>'
        Test-EnvoyReady -Path (Join-Path $TestDrive 'html.txt') -Quiet -ErrorAction SilentlyContinue -ErrorVariable errors | Should -BeFalse
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.EnvoyOutputInvalid,*'
        Test-EnvoyReady -Path (Join-Path $TestDrive 'nothing-*.txt') -Quiet -ErrorAction SilentlyContinue | Should -BeFalse
    }
}

Describe 'Test-EnvoyReady on a live (simulated) cluster through port-forward' -Tag Integration {
    BeforeAll {
        $Cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig') -RuntimeFault 'sidecar-not-ready:products-api'
        $Kube = @{ Kubeconfig = $Cluster.Kubeconfig }
    }

    AfterAll {
        Stop-SimulatedCluster $Cluster
    }

    It 'says per pod which sidecar is ready and why the other is not' {
        $results = @(Test-EnvoyReady -Service payments, products-api @Kube -ErrorAction Stop)

        $results | Should -HaveCount 2
        $results[0].Ready | Should -BeTrue
        $results[0].Pod | Should -BeLike 'payments-*'
        $results[1].Ready | Should -BeFalse
        $results[1].StateName | Should -Be 'INITIALIZING'
        $results[1].Reason | Should -Match 'Consul'
        $results[1].Version | Should -Not -BeNullOrEmpty
    }

    It 'is $true with -Quiet only when every sidecar asked is LIVE' {
        Test-EnvoyReady -Service payments @Kube -Quiet | Should -BeTrue
        Test-EnvoyReady -Service products-api @Kube -Quiet | Should -BeFalse
        Test-EnvoyReady -Service payments, products-api @Kube -Quiet | Should -BeFalse
    }

    It 'is $false with -Quiet, and an error, for a pod or service that has no sidecar to ask' {
        Test-EnvoyReady -Pod no-such-pod @Kube -Quiet -ErrorAction SilentlyContinue -ErrorVariable podErrors | Should -BeFalse
        Test-EnvoyReady -Service payments, no-such-service @Kube -Quiet -ErrorAction SilentlyContinue -ErrorVariable serviceErrors | Should -BeFalse
        $podErrors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.PodNotFound,*'
        $serviceErrors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.ServiceNotFound,*'
    }
}

Describe 'Test-EnvoyReady against an admin on 127.0.0.1 that answers badly' -Tag Integration {
    Context '<Fault>' -ForEach $AdminFaults {
        It 'writes <ErrorId> naming the URL, no readiness, and -Quiet is $false, never $true' {
            $admin = Start-FaultyEnvoyAdmin -Fault $Fault
            try {
                $out = Test-EnvoyReady -AdminUrl $admin.AdminUrl -TimeoutSec $TimeoutSec -ErrorAction SilentlyContinue -ErrorVariable errors
                $quiet = Test-EnvoyReady -AdminUrl $admin.AdminUrl -TimeoutSec $TimeoutSec -Quiet -ErrorAction SilentlyContinue
            }
            finally {
                Stop-FaultyEnvoyAdmin $admin
            }

            $out | Should -BeNullOrEmpty
            $errors[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $errors[0].Exception.Message | Should -Match ([regex]::Escape($admin.AdminUrl))
            $quiet | Should -BeFalse
        }
    }

    It 'is $false with -Quiet when nothing listens' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        Test-EnvoyReady -AdminUrl "http://127.0.0.1:$port" -TimeoutSec 3 -Quiet -ErrorAction SilentlyContinue | Should -BeFalse
    }
}
