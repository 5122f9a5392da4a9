#Requires -Version 7.6
# Live Test-MeshPath (no -Path) against the simulated HashiCups cluster run as its own process (tests/MeshOps.Simulation),
# reached through a kubeconfig exactly as a real cluster is; Consul through the port-forward to its server pod.

BeforeDiscovery {
    # Runtime faults no manifest shows, the hop that must be the root cause, and words its verdict or evidence carries.
    $Faults = @(
        @{ Fault = 'missing-from-catalog:products-api'; Hop = 'Catalog'; Says = "not in Consul's catalog"; AlsoFails = $null }
        # A sidecar that is not ready makes the pod unready, so its Service has no ready endpoint: the first hop in
        # traffic order that breaks is ServicePort, and DestinationWorkload fails too with the sidecar as the reason.
        @{ Fault = 'sidecar-not-ready:products-api'; Hop = 'ServicePort'; Says = 'ready'; AlsoFails = 'DestinationWorkload' }
        @{ Fault = 'no-ready-endpoints:products-api'; Hop = 'ServicePort'; Says = 'ready'; AlsoFails = $null }
        # The app listens on the pod IP only: the pod is Ready, but its sidecar dials 127.0.0.1 and is refused.
        @{ Fault = 'bound-to-pod-ip:products-api'; Hop = 'Listener'; Says = 'only'; AlsoFails = $null }
        @{ Fault = 'connect-failures:products-api'; Hop = 'Envoy'; Says = 'upstream_cx_connect_fail'; AlsoFails = $null }
        @{ Fault = 'expired-certificate:products-api'; Hop = 'Envoy'; Says = 'expired'; AlsoFails = $null }
        @{ Fault = 'consul-unreachable:public-api'; Hop = 'Envoy'; Says = 'Consul server'; AlsoFails = $null }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
    # The machine's own Consul settings must not redirect the trace.
    foreach ($name in 'CONSUL_HTTP_ADDR', 'CONSUL_HTTP_TOKEN', 'CONSUL_HTTP_SSL') { Remove-Item "env:$name" -ErrorAction Ignore }
}

Describe 'Test-MeshPath on a live (simulated) cluster' -Tag Integration {
    Context '-All' {
        It 'traces every call edge of the cluster, one result each, and -Quiet says whether all pass' {
            $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig-all') -RuntimeFault 'bound-to-pod-ip:products-api'
            try {
                $all = @(Test-MeshPath -All -Kubeconfig $cluster.Kubeconfig -SampleInterval 0.2 -ErrorAction Stop)
                $drawn = $all | Export-MeshGraph
                $liveModel = Export-MeshGraph -Kubeconfig $cluster.Kubeconfig -ErrorAction Stop
                $offline = @(Test-MeshPath -All -Path (Join-Path $PSScriptRoot '../../examples/hashicups/healthy') -ErrorAction Stop)
            }
            finally {
                Stop-SimulatedCluster $cluster
            }

            # The same edges as offline: one model from two sources.
            @($all | ForEach-Object { "$($_.From)->$($_.To):$($_.Port)" } | Sort-Object) | Should -Be @($offline | ForEach-Object { "$($_.From)->$($_.To):$($_.Port)" } | Sort-Object)
            $broken = @($all | Where-Object { -not $_.Passed })
            @($broken | ForEach-Object To | Sort-Object -Unique) | Should -Be @('products-api.default')
            $broken | ForEach-Object { "$($_.RootCause)" | Should -Be 'Listener' }
            # Drawn as traced: the edges into products-api fail at the hop only the cluster shows.
            $drawn | Should -Match 'n_default__products_api'
            @($drawn -split "`n" | Where-Object { $_ -match 'fails at Listener' }).Count | Should -BeGreaterThan 0
            # Drawn from the live model, as from files: the same services, nothing failing (no rule sees a socket).
            $liveModel | Should -Match 'n_default__public_api -->\|"9090 allowed"\| n_default__products_api'
            $liveModel | Should -Not -Match 'fails at'
        }
    }

    Context 'healthy' {
        BeforeAll {
            $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig-healthy')
            $report = Test-MeshPath -From public-api -To products-api -Kubeconfig $cluster.Kubeconfig -Context simulated -SampleInterval 0.2 -ErrorAction Stop -Verbose 4>&1
            $quiet = Test-MeshPath public-api products-api -Kubeconfig $cluster.Kubeconfig -SampleInterval 0.2 -Quiet -ErrorAction Stop
        }
        AfterAll { Stop-SimulatedCluster $cluster }

        It 'passes every hop it has data for, with Consul answering the Catalog hop' {
            $result = $report | Where-Object { $_.PSObject.TypeNames -contains 'MeshOps.Paths.PathReport' }
            $result.Passed | Should -BeTrue
            $result.RootCause | Should -BeNullOrEmpty
            $result.Port | Should -Be 9090
            ($result.Hops | Where-Object Name -eq 'Catalog').Status | Should -Be 'Pass'
            ($result.Hops | Where-Object Name -eq 'Catalog').Evidence -join "`n" | Should -Match 'Allowed=true'
            # Live, the hops only a cluster answers are judged from it, not skipped.
            ($result.Hops | Where-Object Name -eq 'Envoy').Status | Should -Be 'Pass'
            ($result.Hops | Where-Object Name -eq 'Listener').Evidence -join "`n" | Should -Match '/proc/net/tcp: 0\.0\.0\.0:9090 LISTEN'
            $quiet | Should -BeTrue
        }

        It 'says in -Verbose how Consul and each pod were reached, and points confirm commands at the context read' {
            $verbose = ($report | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n"
            $verbose | Should -Match 'port-forward to pod consul/consul-server-0'
            $verbose | Should -Match 'exec in pod default/products-api-\S+ container products-api: cat /proc/net/tcp /proc/net/tcp6'
            $verbose | Should -Match 'Envoy admin of pod default/public-api-\S+ port 19000'
            $result = $report | Where-Object { $_.PSObject.TypeNames -contains 'MeshOps.Paths.PathReport' }
            @($result.Hops.Confirm | Where-Object { $_ -match '^kubectl ' }) | Should -Not -BeNullOrEmpty
            $result.Hops.Confirm | Where-Object { $_ -match '^kubectl ' } | ForEach-Object { $_ | Should -Match '--context simulated' }
        }
    }

    Context 'runtime fault <Fault>' -ForEach $Faults {
        It 'names <Hop> as the root cause and -Quiet is $false' {
            $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive "kubeconfig-$($Fault -replace ':', '-')") -RuntimeFault $Fault
            try {
                $report = Test-MeshPath public-api products-api -Kubeconfig $cluster.Kubeconfig -SampleInterval 0.2 -ErrorAction Stop
                $quiet = Test-MeshPath public-api products-api -Kubeconfig $cluster.Kubeconfig -SampleInterval 0.2 -Quiet -ErrorAction Stop
                $detailed = Test-MeshPath public-api products-api -Kubeconfig $cluster.Kubeconfig -SampleInterval 0.2 -Detailed -ErrorAction Stop | Out-String -Width 300
            }
            finally {
                Stop-SimulatedCluster $cluster
            }

            "$($report.RootCause)" | Should -Be $Hop
            $report.Passed | Should -BeFalse
            $quiet | Should -BeFalse
            (($report.Hops | Where-Object Name -eq $Hop).Evidence -join "`n") + $report.Verdict | Should -Match ([regex]::Escape($Says))
            $detailed | Should -Match $Hop
            if ($AlsoFails) { ($report.Hops | Where-Object Name -eq $AlsoFails).Status | Should -Be 'Fail' }
        }
    }

    Context 'a cluster that cannot be reached' {
        It 'is one clear error naming the server, no trace, and -Quiet is $false' {
            $kubeconfig = Join-Path $TestDrive 'kubeconfig-closed'
            # A port nothing listens on: connection refused.
            $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
            @"
apiVersion: v1
kind: Config
clusters:
- name: closed
  cluster: { server: "https://127.0.0.1:$port", insecure-skip-tls-verify: true }
users:
- name: u
  user: { token: "secret-token-should-not-show" }
contexts:
- name: closed
  context: { cluster: closed, user: u }
current-context: closed
"@ | Set-Content -LiteralPath $kubeconfig

            $out = Test-MeshPath public-api products-api -Kubeconfig $kubeconfig -ErrorVariable errors -ErrorAction SilentlyContinue
            $quiet = Test-MeshPath public-api products-api -Kubeconfig $kubeconfig -Quiet -ErrorAction SilentlyContinue

            $out | Should -BeNullOrEmpty
            $quiet | Should -BeFalse
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.ClusterUnreachable*'
            "$($errors[0])" | Should -Match "127\.0\.0\.1:$port"
            ($errors | Format-List * -Force | Out-String) | Should -Not -Match 'secret-token-should-not-show'
        }
    }
}
