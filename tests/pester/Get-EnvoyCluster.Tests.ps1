#Requires -Version 7.6
# Get-EnvoyCluster: its parameter contract, saved /clusters output in both forms (the real samples in the shared
# reference data, never copied into the repository), the simulated HashiCups cluster's sidecars through port-forward,
# and admins on 127.0.0.1 that cut the body short or answer 503.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
    $Samples = Join-Path $PSScriptRoot '../../../shared/reference/envoy-samples'

}

Describe 'Get-EnvoyCluster parameters' -Tag Unit {
    It 'has the target parameter sets of every Envoy cmdlet and defaults to -Pod' {
        $command = Get-Command Get-EnvoyCluster
        $command.ParameterSets.Name | Sort-Object | Should -Be @('AdminUrl', 'Path', 'Pod', 'Service')
        $command.DefaultParameterSet | Should -Be 'Pod'
        $command.OutputType.Name | Should -Be 'MeshOps.Envoy.Clusters.EnvoyCluster'
    }

    It 'filters with -Cluster (wildcards) and -Unhealthy in every set' {
        $parameters = (Get-Command Get-EnvoyCluster).Parameters
        $parameters['Cluster'].ParameterType | Should -Be ([string[]])
        $parameters['Cluster'].Attributes.TypeId.Name | Should -Contain 'SupportsWildcardsAttribute'
        $parameters['Unhealthy'].SwitchParameter | Should -BeTrue
    }
}

Describe 'Get-EnvoyCluster -Path' -Tag Unit {
    It 'reads the real HCP web sidecar text with its connect failures towards api' {
        $clusters = Get-EnvoyCluster -Path (Join-Path $Samples 'ppresto-hcp_consul/clusters-web-sidecar.txt')
        $clusters.Name | Should -HaveCount 4
        $api = $clusters | Where-Object Service -eq 'api'
        $api.ConsulName.Subset | Should -Be 'v1'
        $api.CxConnectFail | Should -Be 35
        $api.Hosts[0].Address | Should -Be '10.20.1.62:20000'
        ($clusters | Where-Object Name -eq 'original-destination').CxConnectFail | Should -Be 4920
    }

    It 'reads the consul-k8s JSON, where omitted values are zero and numbers are strings' {
        $agent = Get-EnvoyCluster -Path (Join-Path $Samples 'consul-k8s/test_clusters.json') -Cluster local_agent
        $agent.Hosts[0].CxConnectFail | Should -Be 8
        $agent.Hosts[0].RqSuccess | Should -Be 0
        $agent.AddedViaApi | Should -BeFalse
    }

    It 'keeps the clusters of one Consul service with -Cluster, by service or by a wildcard on the Envoy name' {
        $file = Join-Path $Samples 'consul-k8s/test_clusters.json'
        (Get-EnvoyCluster -Path $file -Cluster frontend).Name | Should -BeLike 'frontend.default.dc1.internal.*'
        (Get-EnvoyCluster -Path $file -Cluster 'local_*').Name | Should -Be @('local_app', 'local_agent')
    }

    It 'warns, and writes nothing, when no cluster of a sidecar reaches the service' {
        $result = Get-EnvoyCluster -Path (Join-Path $Samples 'consul-k8s/test_clusters.json') -Cluster payments -WarningVariable warned -WarningAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        "$warned" | Should -Match 'no cluster matches -Cluster payments'
    }

    It 'reads a saved text with a byte order mark and the same data saved as JSON as equal objects' {
        $admin = Start-FaultyEnvoyAdmin none
        try {
            Invoke-WebRequest "$($admin.AdminUrl)/clusters" -OutFile (Join-Path $TestDrive 'clusters.out')
            Invoke-WebRequest "$($admin.AdminUrl)/clusters?format=json" -OutFile (Join-Path $TestDrive 'clusters-json.out')
        }
        finally { Stop-FaultyEnvoyAdmin $admin }
        Set-Content -LiteralPath (Join-Path $TestDrive 'clusters-bom.out') -Value (Get-Content -Raw (Join-Path $TestDrive 'clusters.out')) -Encoding utf8BOM -NoNewline
        $text = Get-EnvoyCluster -Path (Join-Path $TestDrive 'clusters-bom.out')
        $json = Get-EnvoyCluster -Path (Join-Path $TestDrive 'clusters-json.out')
        $text.Count | Should -BeGreaterThan 2
        $text.Count | Should -Be $json.Count
        for ($i = 0; $i -lt $text.Count; $i++) {
            # Equal except where each came from (the file).
            $text[$i].Name | Should -Be $json[$i].Name
            ($text[$i].Hosts | ConvertTo-Json -Depth 2 -Compress -WarningAction SilentlyContinue) -replace 'clusters(-bom|-json)\.out', '' |
                Should -Be (($json[$i].Hosts | ConvertTo-Json -Depth 2 -Compress -WarningAction SilentlyContinue) -replace 'clusters(-bom|-json)\.out', '')
        }
    }

    It 'reports a file that is not /clusters as MeshOps.EnvoyOutputInvalid naming file and line, with no object' {
        $file = Join-Path $TestDrive 'cut.txt'
        Set-Content -LiteralPath $file -Value "local_app::added_via_api::true`nlocal_app::127.0.0.1:8080::cx_act" -NoNewline
        $result = Get-EnvoyCluster -Path $file -ErrorVariable failed -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failed.FullyQualifiedErrorId | Should -BeLike 'MeshOps.EnvoyOutputInvalid*'
        "$failed" | Should -Match ([regex]::Escape($file) + '.*line 2')
    }
}

Describe 'Get-EnvoyCluster against faulty admins' -Tag Integration {
    It 'reports <Kind> as one error naming the URL and /clusters, with no cluster' -ForEach @(
        @{ Kind = 'truncated-length' }
        @{ Kind = 'truncated-chunked' }
        @{ Kind = 'service-unavailable' }
    ) {
        $admin = Start-FaultyEnvoyAdmin $Kind
        try {
            $result = Get-EnvoyCluster -AdminUrl $admin.AdminUrl -TimeoutSec 20 -ErrorVariable failed -ErrorAction SilentlyContinue
        }
        finally { Stop-FaultyEnvoyAdmin $admin }
        $result | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.EnvoyAdminFailed*'
        "$($failed[0])" | Should -Match ([regex]::Escape(([uri]$admin.AdminUrl).Authority))
        "$($failed[0])" | Should -Match '/clusters'
    }
}

Describe 'Get-EnvoyCluster against a slow admin' -Tag Integration {
    It 'gives up after -TimeoutSec with MeshOps.EnvoyUnreachable naming the URL, and no cluster' {
        $admin = Start-FaultyEnvoyAdmin slow -DelaySeconds 60
        try {
            $result = Get-EnvoyCluster -AdminUrl $admin.AdminUrl -TimeoutSec 3 -ErrorVariable failed -ErrorAction SilentlyContinue
        }
        finally { Stop-FaultyEnvoyAdmin $admin }
        $result | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.EnvoyUnreachable*'
        "$($failed[0])" | Should -Match ([regex]::Escape(([uri]$admin.AdminUrl).Authority))
    }
}

Describe 'Get-EnvoyCluster against the simulated cluster' -Tag Integration {
    BeforeAll {
        $Cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig') -RuntimeFault 'no-ready-endpoints:postgres'
    }
    AfterAll { Stop-SimulatedCluster $Cluster }

    It 'reads every pod of a service through port-forward, each cluster tagged with its pod' {
        $clusters = Get-EnvoyCluster -Service frontend -Kubeconfig $Cluster.Kubeconfig
        $clusters | Should -Not -BeNullOrEmpty
        $clusters.Pod | Select-Object -Unique | Should -BeLike 'frontend-*'
        $clusters.Name | Should -Contain 'local_app'
        ($clusters | Where-Object Role -eq 'LocalApp').Hosts[0].Address | Should -BeLike '127.0.0.1:*'
    }

    It 'finds the upstream whose endpoints are not ready with -Unhealthy, and its pod by -Pod from the pipeline' {
        $unhealthy = Get-EnvoyCluster -Service products-api -Kubeconfig $Cluster.Kubeconfig -Unhealthy
        $unhealthy.Service | Should -Be 'postgres'
        $unhealthy.HealthyHostCount | Should -Be 0
        $again = $unhealthy | Get-EnvoyCluster -Kubeconfig $Cluster.Kubeconfig -Cluster postgres
        $again.Pod | Should -Be $unhealthy.Pod
        $again.Healthy | Should -BeFalse
    }

    It 'names the pod that does not exist as MeshOps.PodNotFound' {
        $result = Get-EnvoyCluster -Pod no-such-pod -Kubeconfig $Cluster.Kubeconfig -ErrorVariable failed -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.PodNotFound*'
        "$($failed[0])" | Should -Match 'no-such-pod'
    }
}
