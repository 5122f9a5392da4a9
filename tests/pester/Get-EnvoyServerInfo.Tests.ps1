#Requires -Version 7.6
# Get-EnvoyServerInfo as a user drives it: the built module, saved /server_info files, sidecars of the simulated
# HashiCups cluster through port-forward, and an Envoy admin on 127.0.0.1 that answers badly. Its parameter contract
# (shared by every Envoy cmdlet through EnvoyAdminCmdlet) fails when someone renames a parameter scripts depend on.

BeforeDiscovery {
    # What the faulty admin does, the error ID it must give, and the words that say what happened. A slow admin gets a
    # short budget; the others the default, so the retries of a body cut short end in that error, not in the budget.
    $AdminFaults = @(
        @{ Fault = 'slow'; TimeoutSec = 3; ErrorId = 'MeshOps.EnvoyUnreachable'; Says = 'did not answer' }
        @{ Fault = 'truncated-length'; TimeoutSec = 30; ErrorId = 'MeshOps.EnvoyAdminFailed'; Says = 'cut short' }
        @{ Fault = 'truncated-chunked'; TimeoutSec = 30; ErrorId = 'MeshOps.EnvoyAdminFailed'; Says = 'cut short' }
        @{ Fault = 'service-unavailable'; TimeoutSec = 30; ErrorId = 'MeshOps.EnvoyAdminFailed'; Says = '503' }
        @{ Fault = 'oversized-length'; TimeoutSec = 30; ErrorId = 'MeshOps.EnvoyAdminFailed'; Says = 'larger .* than the limit' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force

    $ServerInfoJson = '{"version":"dcd329a2e95b54f754b17aceca3f72724294b502/1.22.0/Clean/RELEASE/BoringSSL","state":"DRAINING",' +
        '"hot_restart_version":"11.104","command_line_options":{"concurrency":2,"restart_epoch":1,"drain_time":"600s"},' +
        '"node":{"id":"web-1-web-sidecar-proxy","cluster":"web"},"uptime_current_epoch":"61s","uptime_all_epochs":"3600s"}'

    # Every view of what the cmdlet wrote: the error records in full, and their exceptions.
    function Get-ErrorText($Errors) {
        ($Errors | Format-List * -Force | Out-String -Width 500) + ($Errors | ForEach-Object { $_.Exception } | Format-List * -Force | Out-String -Width 500)
    }
}

Describe 'Get-EnvoyServerInfo parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command Get-EnvoyServerInfo
    }

    It 'has the target sets Pod (default), Service, AdminUrl and Path' {
        $Command.DefaultParameterSet | Should -Be 'Pod'
        @($Command.ParameterSets.Name | Sort-Object) | Should -Be @('AdminUrl', 'Path', 'Pod', 'Service')
    }

    It 'takes -Pod at position 0 and by property name, with -Namespace by property name too' {
        $pod = $Command.Parameters['Pod']
        $pod.ParameterType | Should -Be ([string[]])
        $attribute = $pod.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0]
        $attribute.Position | Should -Be 0
        $attribute.ValueFromPipelineByPropertyName | Should -BeTrue
        $Command.Parameters['Namespace'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] -and $_.ParameterSetName -eq 'Pod' })[0].ValueFromPipelineByPropertyName | Should -BeTrue
    }

    It 'has -Service, -AdminUrl, -Path (wildcards, PSPath), -AdminPort, -Kubeconfig, -Context and -TimeoutSec' {
        $Command.Parameters['Service'].ParameterType | Should -Be ([string[]])
        $Command.Parameters['AdminUrl'].ParameterType | Should -Be ([uri[]])
        $Command.Parameters['Path'].ParameterType | Should -Be ([string[]])
        $Command.Parameters['Path'].Aliases | Should -Contain 'PSPath'
        $Command.Parameters['Path'].Attributes.Where({ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }) | Should -HaveCount 1
        $Command.Parameters['AdminPort'].ParameterType | Should -Be ([int])
        $Command.Parameters['TimeoutSec'].ParameterType | Should -Be ([int])
        $Command.Parameters.Keys | Should -Contain 'Kubeconfig'
        $Command.Parameters.Keys | Should -Contain 'Context'
    }

    It 'declares its output type' {
        $Command.OutputType.Name | Should -Be 'MeshOps.Envoy.Server.EnvoyServerInfo'
    }
}

Describe 'Get-EnvoyServerInfo on saved output' -Tag Unit {
    It 'reads /server_info JSON with its state, build, uptime and node, tagged with the file' {
        $file = Join-Path $TestDrive 'server_info.json'
        Set-Content -LiteralPath $file -Value $ServerInfoJson
        $info = Get-EnvoyServerInfo -Path $file -ErrorAction Stop

        $info.StateName | Should -Be 'DRAINING'
        $info.Ready | Should -BeFalse
        $info.Version | Should -Be '1.22.0'
        $info.Uptime | Should -Be ([timespan]::FromSeconds(61))
        $info.RestartEpoch | Should -Be 1
        $info.NodeCluster | Should -Be 'web'
        $info.Source.Endpoint | Should -Be $file
        $info.Pod | Should -BeNullOrEmpty
    }

    It 'reads the plain line of Envoy 1.8, whatever the file is called' {
        $file = Join-Path $TestDrive 'server_info.json'
        Set-Content -LiteralPath $file -Value 'envoy 3c5c0f2d9d5d0b9f6d6f1d2c3b4a5968778695a4/1.8.0/Clean/RELEASE live 3 7 0'
        $info = Get-EnvoyServerInfo -Path $file -ErrorAction Stop

        $info.State | Should -Be 'Live'
        $info.Version | Should -Be '1.8.0'
    }

    It 'reads files from the pipeline and by wildcard, and a[1].json as written' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'saved')
        Set-Content -LiteralPath (Join-Path $folder 'a[1].json') -Value $ServerInfoJson
        Set-Content -LiteralPath (Join-Path $folder 'b.json') -Value $ServerInfoJson

        @(Get-ChildItem -LiteralPath $folder | Get-EnvoyServerInfo -ErrorAction Stop) | Should -HaveCount 2
        @(Get-EnvoyServerInfo -Path (Join-Path $folder '*.json') -ErrorAction Stop) | Should -HaveCount 2
        @(Get-EnvoyServerInfo -Path (Join-Path $folder 'a[1].json') -ErrorAction Stop) | Should -HaveCount 1
    }

    It 'writes an EnvoyOutputInvalid error naming the file and line for output that is not /server_info, and no object' {
        $file = Join-Path $TestDrive 'stats.txt'
        Set-Content -LiteralPath $file -Value 'cluster.local_app.upstream_cx_total: 3'
        $out = Get-EnvoyServerInfo -Path $file -ErrorAction SilentlyContinue -ErrorVariable errors

        $out | Should -BeNullOrEmpty
        $errors | Should -HaveCount 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.EnvoyOutputInvalid,*'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errors[0].Exception.Message | Should -BeLike "$file*/server_info text line 1*"
    }

    It 'writes PathNotFound for a path that names nothing and NotARegularFile for a folder, and still reads the rest' {
        $file = Join-Path $TestDrive 'good.json'
        Set-Content -LiteralPath $file -Value $ServerInfoJson
        $out = Get-EnvoyServerInfo -Path (Join-Path $TestDrive 'missing.json'), $TestDrive, $file -ErrorAction SilentlyContinue -ErrorVariable errors

        @($out) | Should -HaveCount 1
        @($errors.FullyQualifiedErrorId | ForEach-Object { ($_ -split ',')[0] }) | Should -Be @('MeshOps.PathNotFound', 'MeshOps.NotARegularFile')
    }

    It 'refuses an -AdminUrl that is not http with InvalidAdminUrl' {
        $out = Get-EnvoyServerInfo -AdminUrl 'file:///etc/passwd' -ErrorAction SilentlyContinue -ErrorVariable errors
        $out | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.InvalidAdminUrl,*'
    }
}

Describe 'Get-EnvoyServerInfo on a live (simulated) cluster through port-forward' -Tag Integration {
    BeforeAll {
        $Cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig') -RuntimeFault 'sidecar-not-ready:products-api'
        $Kube = @{ Kubeconfig = $Cluster.Kubeconfig }
    }

    AfterAll {
        Stop-SimulatedCluster $Cluster
    }

    It 'reads every pod of each -Service, each tagged with its pod, in the order asked' {
        $infos = @(Get-EnvoyServerInfo -Service payments, products-api, frontend @Kube -ErrorAction Stop)

        $infos | Should -HaveCount 3
        @($infos.NodeCluster) | Should -Be @('payments', 'products-api', 'frontend')
        $infos | ForEach-Object { $_.Pod | Should -BeLike "$($_.NodeCluster)-*"; $_.Namespace | Should -Be 'default' }
        $infos[0].State | Should -Be 'Live'
        $infos[1].State | Should -Be 'Initializing'
        $infos[0].Version | Should -Match '^\d+\.\d+\.\d+$'
    }

    It 'reads a -Pod by name, and pods piped by their Pod property' {
        $pod = (Get-EnvoyServerInfo -Service payments @Kube -ErrorAction Stop).Pod
        (Get-EnvoyServerInfo $pod -Namespace default @Kube -ErrorAction Stop).NodeId | Should -Be "$pod-payments-sidecar-proxy"
        (Get-EnvoyServerInfo -Service payments @Kube | Get-EnvoyServerInfo @Kube -ErrorAction Stop).Pod | Should -Be $pod
    }

    It 'reads a sidecar once when several piped objects name the same pod' {
        $pod = (Get-EnvoyServerInfo -Service payments @Kube -ErrorAction Stop).Pod
        $piped = @([pscustomobject]@{ Pod = $pod; Namespace = 'default' }, [pscustomobject]@{ Pod = $pod; Namespace = 'default' })

        $infos = @($piped | Get-EnvoyServerInfo @Kube -ErrorAction Stop)

        $infos | Should -HaveCount 1
        $infos[0].Pod | Should -Be $pod
    }

    It 'writes PodNotFound, ServiceNotFound and an unreachable admin port as errors naming the pod, and reads the other targets' {
        $pod = (Get-EnvoyServerInfo -Service payments @Kube -ErrorAction Stop).Pod
        $out = @(Get-EnvoyServerInfo -Pod no-such-pod, $pod @Kube -ErrorAction SilentlyContinue -ErrorVariable podErrors)
        $null = Get-EnvoyServerInfo -Service no-such-service @Kube -ErrorAction SilentlyContinue -ErrorVariable serviceErrors
        $null = Get-EnvoyServerInfo -Pod $pod -AdminPort 19001 -TimeoutSec 5 @Kube -ErrorAction SilentlyContinue -ErrorVariable portErrors

        $out | Should -HaveCount 1
        $podErrors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.PodNotFound,*'
        $podErrors[0].Exception.Message | Should -Match 'default/no-such-pod'
        $serviceErrors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.ServiceNotFound,*'
        $portErrors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.EnvoyUnreachable,*'
        $portErrors[0].Exception.Message | Should -Match "pod default/$pod port 19001"
        $portErrors[0].Exception.Message | Should -Match '/server_info'
    }
}

Describe 'Get-EnvoyServerInfo against an admin on 127.0.0.1 that answers badly' -Tag Integration {
    It 'reads a healthy admin by -AdminUrl' {
        $admin = Start-FaultyEnvoyAdmin -Fault none
        try {
            $info = Get-EnvoyServerInfo -AdminUrl $admin.AdminUrl -ErrorAction Stop
        }
        finally {
            Stop-FaultyEnvoyAdmin $admin
        }
        $info.State | Should -Be 'Live'
        $info.Source.Endpoint | Should -Be $admin.AdminUrl
    }

    Context '<Fault>' -ForEach $AdminFaults {
        It 'writes one <ErrorId> error naming the URL and /server_info, and no object' {
            $admin = Start-FaultyEnvoyAdmin -Fault $Fault
            try {
                $out = Get-EnvoyServerInfo -AdminUrl $admin.AdminUrl -TimeoutSec $TimeoutSec -ErrorAction SilentlyContinue -ErrorVariable errors
            }
            finally {
                Stop-FaultyEnvoyAdmin $admin
            }

            $out | Should -BeNullOrEmpty
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $text = Get-ErrorText $errors
            $text | Should -Match ([regex]::Escape("$($admin.AdminUrl)/server_info"))
            $text | Should -Match $Says
        }
    }

    It 'writes EnvoyUnreachable for a port nothing listens on' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $out = Get-EnvoyServerInfo -AdminUrl "http://127.0.0.1:$port" -TimeoutSec 3 -ErrorAction SilentlyContinue -ErrorVariable errors

        $out | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.EnvoyUnreachable,*'
        $errors[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $errors[0].Exception.Message | Should -Match "127.0.0.1:$port/server_info.*refused"
    }
}
