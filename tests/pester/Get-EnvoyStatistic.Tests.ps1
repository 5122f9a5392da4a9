#Requires -Version 7.6
# Get-EnvoyStatistic: saved files (the real samples in ../shared/reference/envoy-samples), the simulated HashiCups
# cluster's sidecars through port-forward, and an admin on 127.0.0.1 that answers slowly, cuts its body short or
# answers 503.

BeforeDiscovery {
    $AdminFaults = @(
        @{ Kind = 'service-unavailable'; ErrorId = 'MeshOps.EnvoyAdminFailed' }
        @{ Kind = 'truncated-length'; ErrorId = 'MeshOps.EnvoyAdminFailed|MeshOps.EnvoyUnreachable' }
        @{ Kind = 'truncated-chunked'; ErrorId = 'MeshOps.EnvoyAdminFailed|MeshOps.EnvoyUnreachable' }
        @{ Kind = 'slow'; ErrorId = 'MeshOps.EnvoyUnreachable' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
    $Samples = Join-Path $PSScriptRoot '../../../shared/reference/envoy-samples'
    $Simulator = (Resolve-Path (Join-Path $PSScriptRoot '../MeshOps.Simulation/bin/Release/net10.0/MeshOps.Simulation.dll')).Path

    # One faulty Envoy admin (the simulator's --envoy-admin-fault), stopped by closing its standard input.
    function Start-FaultyAdmin([string] $Kind) {
        $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet', [string[]]@($Simulator, '--envoy-admin-fault', $Kind, '--delay-seconds', '30'))
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($start)
        $null = $process.StandardError.ReadToEndAsync()
        $line = $process.StandardOutput.ReadLineAsync()
        if (-not $line.Wait([TimeSpan]::FromSeconds(60)) -or -not "$($line.Result)".StartsWith('READY ')) {
            Stop-SimulatedCluster ([pscustomobject]@{ Process = $process })
            throw "The faulty admin did not start: '$($line.Result)'"
        }
        [pscustomobject]@{ Process = $process; Url = $line.Result.Substring('READY '.Length) }
    }
}

Describe 'Get-EnvoyStatistic contract' -Tag Unit {
    It 'is exported with its alias Get-EnvoyStats' {
        (Get-Command Get-EnvoyStats).ResolvedCommand.Name | Should -Be 'Get-EnvoyStatistic'
    }

    It '-Interval and -Format are for live targets only' {
        $command = Get-Command Get-EnvoyStatistic
        $command.Parameters['Interval'].ParameterSets.Keys | Should -Not -Contain 'Path'
        $command.Parameters['Format'].ParameterSets.Keys | Should -Not -Contain 'Path'
        { Get-EnvoyStatistic -Path x -Interval 1 } | Should -Throw
    }

    It 'a -Regex filter that does not parse stops before reading anything' {
        { Get-EnvoyStatistic -Path (Join-Path $Samples 'elastic-beats/serverstats.txt') -Filter '(' -Regex -ErrorAction Stop } |
            Should -Throw -ErrorId 'MeshOps.InvalidFilter,MeshOps.PowerShell.Commands.GetEnvoyStatisticCommand'
    }
}

Describe 'Get-EnvoyStatistic on saved output' -Tag Unit {
    It 'reads a real /stats text dump line for line, its numbers of unknown type' {
        $file = Join-Path $Samples 'elastic-beats/serverstats.txt'
        $stats = @(Get-EnvoyStatistic -Path $file)
        $stats.Count | Should -Be @(Get-Content $file | Where-Object { $_ }).Count
        @($stats | Where-Object Type -ne 'Unknown') | Should -BeNullOrEmpty
        $stats[0].Source.Endpoint | Should -Be (Resolve-Path $file).Path
    }

    It 'reads the real consul-dataplane Prometheus page with types, labels and histograms' {
        $stats = @(Get-EnvoyStatistic -Path (Join-Path $Samples 'netdata-go.d.plugin/consul-dataplane.prometheus.txt') -Cluster local_app)
        $stats.Count | Should -BeGreaterThan 50
        @($stats | Where-Object { $_.Cluster.Name -ne 'local_app' }) | Should -BeNullOrEmpty
        ($stats | Where-Object Name -eq 'envoy_cluster_upstream_cx_connect_fail').Type | Should -Be 'Counter'
        $histogram = $stats | Where-Object Name -eq 'envoy_cluster_upstream_cx_connect_ms'
        $histogram.Type | Should -Be 'Histogram'
        $histogram.Buckets[-1].Cumulative | Should -Be $histogram.SampleCount
    }

    It 'filters a saved file with wildcards and -NonZero' {
        $stats = @(Get-EnvoyStatistic -Path (Join-Path $Samples 'aws-app-mesh-examples/stats-filtered-connection-pools.txt') -Filter '*CX_OPEN' -NonZero)
        $stats.Count | Should -BeGreaterThan 0
        $stats | ForEach-Object { $_.Name | Should -BeLike '*cx_open'; $_.Value | Should -BeGreaterThan 0 }
    }

    It 'says that -UsedOnly on a file is judged by the values' {
        $null = Get-EnvoyStatistic -Path (Join-Path $Samples 'elastic-beats/serverstats.txt') -UsedOnly -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Match 'used'
    }

    It 'a file that is no stats output is one MeshOps.EnvoyOutputInvalid error naming its line, and no stat of it' {
        $bad = Join-Path $TestDrive 'bad.txt'
        Set-Content -LiteralPath $bad -Value "server.live: 1`nthis is not a stat`n"
        $good = Join-Path $Samples 'elastic-beats/serverstats.txt'
        $stats = @(Get-EnvoyStatistic -Path $bad, $good -ErrorVariable errors -ErrorAction SilentlyContinue)
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.EnvoyOutputInvalid*'
        "$($errors[0])" | Should -Match 'line 2'
        @($stats | Where-Object { $_.Source.Endpoint -like '*bad.txt' }) | Should -BeNullOrEmpty
        $stats.Count | Should -BeGreaterThan 0
    }
}

Describe 'Get-EnvoyStatistic on a live (simulated) cluster' -Tag Integration {
    BeforeAll {
        $Cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig')
        $Live = @{ Kubeconfig = $Cluster.Kubeconfig }
    }

    AfterAll {
        Stop-SimulatedCluster $Cluster
    }

    It 'asks Envoy for each type: counters are counters, gauges gauges, never Unknown' {
        $stats = @(Get-EnvoyStatistic @Live -Service public-api -ErrorAction Stop)
        $stats.Count | Should -BeGreaterThan 100
        @($stats | Where-Object Type -eq 'Unknown') | Should -BeNullOrEmpty
        ($stats | Where-Object Name -like 'cluster.*.upstream_cx_connect_fail' | Select-Object -First 1).Type | Should -Be 'Counter'
        ($stats | Where-Object Name -like 'cluster.*.membership_healthy' | Select-Object -First 1).Type | Should -Be 'Gauge'
        ($stats | Where-Object Name -eq 'cluster_manager.cds.version_text').Type | Should -Be 'TextReadout'
        $stats[0].Pod | Should -BeLike 'public-api*'
        $stats[0].Namespace | Should -Be 'default'
    }

    It 'reads histograms with their quantiles' {
        $histograms = @(Get-EnvoyStatistic @Live -Service public-api -Filter '*_ms' -ErrorAction Stop | Where-Object Type -eq 'Histogram')
        $histograms.Count | Should -BeGreaterThan 0
        @($histograms | Where-Object { $_.Quantiles.Count -eq 10 }).Count | Should -BeGreaterThan 0
    }

    It '-Cluster keeps the stats of the clusters reaching the service, and Envoy was asked for only those' {
        $stats = @(Get-EnvoyStatistic @Live -Service public-api -Cluster products-api -ErrorAction Stop)
        $stats.Count | Should -BeGreaterThan 10
        @($stats | Where-Object { $_.Cluster.Service -ne 'products-api' }) | Should -BeNullOrEmpty
    }

    It 'text and JSON of the same sidecar give equal objects' {
        $text = @(Get-EnvoyStatistic @Live -Service public-api -Cluster products-api -ErrorAction Stop)
        $json = @(Get-EnvoyStatistic @Live -Service public-api -Cluster products-api -Format Json -ErrorAction Stop)
        $json.Count | Should -Be $text.Count
        for ($i = 0; $i -lt $text.Count; $i++) { $text[$i].Equals($json[$i]) | Should -BeTrue -Because $text[$i].Name }
    }

    It 'reads Prometheus with its labels' {
        $stats = @(Get-EnvoyStatistic @Live -Service public-api -Format Prometheus -Cluster products-api -ErrorAction Stop)
        $stats.Count | Should -BeGreaterThan 10
        ($stats | Where-Object Name -eq 'envoy_cluster_upstream_cx_connect_fail').Labels['envoy_cluster_name'] | Should -BeLike 'products-api.*'
        @($stats | Where-Object Type -eq 'Histogram').Count | Should -BeGreaterThan 0
    }

    It '-Interval returns a delta and a rate per counter and gauge' {
        $deltas = @(Get-EnvoyStatistic @Live -Service public-api -Cluster products-api -Interval 0.5 -ErrorAction Stop)
        $deltas.Count | Should -BeGreaterThan 10
        $deltas[0].GetType().Name | Should -Be 'EnvoyStatisticDelta'
        $deltas[0].Interval.TotalSeconds | Should -BeGreaterOrEqual 0.5
        @($deltas | Where-Object { $_.Delta -ne $_.Current - $_.Previous }) | Should -BeNullOrEmpty
    }

    It 'a pod that does not exist is MeshOps.PodNotFound and nothing else is written' {
        $stats = @(Get-EnvoyStatistic @Live -Pod no-such-pod -ErrorVariable errors -ErrorAction SilentlyContinue)
        $stats | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.PodNotFound*'
    }
}

Describe 'Get-EnvoyStatistic against a faulty admin' -Tag Integration {
    Context '<Kind>' -ForEach $AdminFaults {
        It 'is one clear error naming the admin and the path, and no partial stats' {
            $admin = Start-FaultyAdmin $Kind
            try {
                $stats = @(Get-EnvoyStatistic -AdminUrl $admin.Url -TimeoutSec 3 -ErrorVariable errors -ErrorAction SilentlyContinue)
            }
            finally {
                Stop-SimulatedCluster $admin
            }
            $stats | Should -BeNullOrEmpty
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Match $ErrorId
            "$($errors[0])" | Should -Match '/stats'
            "$($errors[0])" | Should -Match '127\.0\.0\.1'
        }
    }
}
