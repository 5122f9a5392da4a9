#Requires -Version 7.6
# Get-EnvoyConfig: its parameter contract and saved answers (Unit), and live against the simulated HashiCups cluster, whose
# sidecars answer Envoy admin through the Kubernetes port-forward (Integration).

BeforeDiscovery {
    # What a bad admin does to /config_dump, the error it must give, and the words saying why.
    $AdminFaults = @(
        @{ Fault = 'slow'; TimeoutSec = 3; ErrorId = 'MeshOps.EnvoyUnreachable'; Says = 'did not answer' }
        @{ Fault = 'truncated-length'; TimeoutSec = 30; ErrorId = 'MeshOps.EnvoyAdminFailed'; Says = 'cut short' }
        @{ Fault = 'truncated-chunked'; TimeoutSec = 30; ErrorId = 'MeshOps.EnvoyAdminFailed'; Says = 'cut short' }
        @{ Fault = 'service-unavailable'; TimeoutSec = 30; ErrorId = 'MeshOps.EnvoyAdminFailed'; Says = '503' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
    $Samples = Join-Path $PSScriptRoot '../../../shared/reference/envoy-samples'
    $ConsulK8s = Join-Path $Samples 'consul-k8s/test_config_dump.json'
    # tests/MeshOps.Simulation/Envoy/EnvoyConfigDump.cs AclToken: the simulated bootstrap carries it, no output may.
    $AclToken = '7c1e5a3d-9f20-4b8e-a6d1-c0ffee5ec4e7'
}

Describe 'Get-EnvoyConfig: contract' -Tag Unit {
    It 'takes the Envoy targets and writes typed objects' {
        $command = Get-Command Get-EnvoyConfig
        foreach ($name in @('Pod', 'Service', 'Namespace', 'AdminPort', 'Kubeconfig', 'Context', 'AdminUrl', 'Path', 'TimeoutSec', 'Resource', 'IncludeEds', 'Raw')) {
            $command.Parameters.Keys | Should -Contain $name
        }
        $command.OutputType.Name | Should -Contain 'MeshOps.Envoy.Config.EnvoyConfigDump'
        $command.DefaultParameterSet | Should -Be 'Pod'
    }

    It 'takes -Resource with a saved file too (its items picked out of the whole dump), -IncludeEds only live' {
        (Get-Command Get-EnvoyConfig).Parameters['Resource'].ParameterSets.Keys | Should -Be @('__AllParameterSets')
        (Get-Command Get-EnvoyConfig).Parameters['IncludeEds'].ParameterSets.Keys | Should -Not -Contain 'Path'
        @(Get-EnvoyConfig -Path $ConsulK8s -Resource dynamic_active_clusters -ErrorAction Stop).Count | Should -BeGreaterThan 0
    }

    It 'refuses a -Resource that is no field name before asking anything' {
        { Get-EnvoyConfig -AdminUrl http://127.0.0.1:9 -Resource 'x&y' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}

Describe 'Get-EnvoyConfig on saved answers' -Tag Unit {
    It 'reads the consul-k8s dump into a summary' {
        $dump = Get-EnvoyConfig -Path $ConsulK8s
        $dump.Service | Should -Be 'backend'
        $dump.EnvoyVersion | Should -Be '1.22.0'
        $dump.Listeners.Count | Should -Be 2
        $dump.Endpoints.Count | Should -Be 6
        $dump.Intentions.Count | Should -Be 2
        $dump.Source.Endpoint | Should -BeLike '*test_config_dump.json'
    }

    It 'writes -Raw as JSON of the same dump' {
        $raw = Get-EnvoyConfig -Path $ConsulK8s -Raw
        $raw | Should -BeOfType [string]
        ($raw | ConvertFrom-Json).configs.Count | Should -Be 7
    }
}

Describe 'Get-EnvoyConfig on a live (simulated) cluster' -Tag Integration {
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

    It 'writes the items of -Resource typed, and -Raw as the JSON Envoy answered' {
        $clusters = @(Get-EnvoyConfig -Pod $pod -Kubeconfig $k -Resource dynamic_active_clusters)
        $clusters | ForEach-Object { $_.GetType().FullName | Should -Be 'MeshOps.Envoy.Config.EnvoyClusterConfig'; $_.State | Should -Be 'Active' }
        ($clusters | Where-Object Service -eq 'products-api').Type | Should -Be 'EDS'
        (Get-EnvoyConfig -Pod $pod -Kubeconfig $k -Resource static_clusters).Name | Should -Be 'local_agent'
        (Get-EnvoyConfig -Pod $pod -Kubeconfig $k -Resource dynamic_listeners).Name | Should -Contain 'outbound_listener:127.0.0.1:15001'
        (Get-EnvoyConfig -Pod $pod -Kubeconfig $k -Resource dynamic_active_clusters -Raw | ConvertFrom-Json).configs | Should -Not -BeNullOrEmpty
    }

    It 'never writes the bootstrap''s Consul ACL token, in objects, -Raw or -Verbose' {
        $objects = @(Get-EnvoyConfig -Pod $pod -Kubeconfig $k -IncludeEds) + @(Get-EnvoyListener -Pod $pod -Kubeconfig $k -FilterChain)
        $raw = Get-EnvoyConfig -Pod $pod -Kubeconfig $k -Raw -Verbose 4>&1
        $raw | Out-String | Should -Match 'x-consul-token'
        $text = ($objects | Format-List * -Force | Out-String -Width 500) + ($objects | Out-String -Width 500) + ($raw | Out-String -Width 500)
        $text | Should -Not -Match ([regex]::Escape($AclToken))
    }

    It 'a service that does not exist is one MeshOps.ServiceNotFound error and no object' {
        $objects = Get-EnvoyConfig -Service no-such-service -Kubeconfig $k -ErrorVariable failures -ErrorAction SilentlyContinue
        $objects | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.ServiceNotFound*'
    }
}

Describe 'Get-EnvoyConfig against an admin on 127.0.0.1 that answers badly' -Tag Integration {
    It 'reads a healthy admin by -AdminUrl, token masked' {
        $admin = Start-FaultyEnvoyAdmin -Fault none
        try {
            $dump = Get-EnvoyConfig -AdminUrl $admin.AdminUrl -IncludeEds -ErrorAction Stop
            $raw = Get-EnvoyConfig -AdminUrl $admin.AdminUrl -Raw -ErrorAction Stop
        }
        finally {
            Stop-FaultyEnvoyAdmin $admin
        }
        $dump.Source.Endpoint | Should -Be $admin.AdminUrl
        $dump.Listeners.Count | Should -BeGreaterThan 0
        $raw | Should -Not -Match ([regex]::Escape($AclToken))
    }

    Context '<Fault>' -ForEach $AdminFaults {
        It 'writes one <ErrorId> error naming the URL and /config_dump, and no object: a dump cut short is no dump' {
            $admin = Start-FaultyEnvoyAdmin -Fault $Fault
            try {
                $out = Get-EnvoyListener -AdminUrl $admin.AdminUrl -TimeoutSec $TimeoutSec -ErrorAction SilentlyContinue -ErrorVariable errors
            }
            finally {
                Stop-FaultyEnvoyAdmin $admin
            }

            $out | Should -BeNullOrEmpty
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $text = ($errors | Format-List * -Force | Out-String -Width 500) + ($errors.Exception | Format-List * -Force | Out-String -Width 500)
            $text | Should -Match ([regex]::Escape("$($admin.AdminUrl)/config_dump"))
            $text | Should -Match $Says
        }
    }
}
