#Requires -Version 7.6
# Get-EnvoyCertificate: its parameter contract, saved /certs (the real SPIRE samples in the shared reference data and
# written cases around Consul's renewal window), the simulated HashiCups cluster's sidecars through port-forward, and
# admins on 127.0.0.1 that cut the body short or answer 503.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
    $Samples = Join-Path $PSScriptRoot '../../../shared/reference/envoy-samples'

    # /certs with one context: a CA and a leaf issued $HoursAgo hours ago for 72 hours, as Consul issues them.
    function New-CertsFile([double] $HoursAgo) {
        $from = [DateTimeOffset]::UtcNow.AddHours(-$HoursAgo)
        $format = 'yyyy-MM-ddTHH:mm:ssZ'
        $json = @{ certificates = @(@{
                    ca_cert    = @(@{ path = '<inline>'; serial_number = '1'; subject_alt_names = @(@{ uri = 'spiffe://td.consul' }); days_until_expiration = '3000'
                            valid_from = $from.AddDays(-30).ToString($format); expiration_time = $from.AddYears(9).ToString($format) })
                    cert_chain = @(@{ path = '<inline>'; serial_number = '2a'; subject_alt_names = @(@{ uri = 'spiffe://td.consul/ns/default/dc/dc1/svc/web' }); days_until_expiration = '0'
                            valid_from = $from.ToString($format); expiration_time = $from.AddHours(72).ToString($format) })
                }) } | ConvertTo-Json -Depth 6
        $file = Join-Path $TestDrive "certs-$HoursAgo.json"
        Set-Content -LiteralPath $file -Value $json
        $file
    }
}

Describe 'Get-EnvoyCertificate parameters' -Tag Unit {
    It 'has the target parameter sets of every Envoy cmdlet, defaults to -Pod, and filters with -Problem' {
        $command = Get-Command Get-EnvoyCertificate
        $command.ParameterSets.Name | Sort-Object | Should -Be @('AdminUrl', 'Path', 'Pod', 'Service')
        $command.DefaultParameterSet | Should -Be 'Pod'
        $command.OutputType.Name | Should -Be 'MeshOps.Envoy.Certificates.EnvoyCertificate'
        $command.Parameters['Problem'].SwitchParameter | Should -BeTrue
    }
}

Describe 'Get-EnvoyCertificate -Path' -Tag Unit {
    It 'reads the real SPIRE answer <File>: SPIFFE IDs, CA and chain per context, expired today' -ForEach @(
        @{ File = 'certs-spire-web-server.json'; Leaf = 'spiffe://magedu.com/web-server' }
        @{ File = 'certs-spire-echo-server.json'; Leaf = 'spiffe://magedu.com/echo-server' }
    ) {
        $certs = Get-EnvoyCertificate -Path (Join-Path $Samples "iKubernetes-servicemesh_in_practise/$File") -WarningAction SilentlyContinue
        $certs | Should -HaveCount 3
        ($certs | Where-Object Role -eq Leaf).SpiffeId | Select-Object -Unique | Should -Be $Leaf
        ($certs | Where-Object Role -eq CertificateAuthority).SpiffeId | Select-Object -Unique | Should -Be 'spiffe://magedu.com'
        $certs.Status | Select-Object -Unique | Should -Be 'Expired'
    }

    It 'judges a 72-hour leaf <HoursAgo> h old as <Status>, warning only when it is not Valid' -ForEach @(
        @{ HoursAgo = 10; Status = 'Valid'; Warns = $false }
        @{ HoursAgo = 60; Status = 'Valid'; Warns = $false }
        @{ HoursAgo = 68; Status = 'RenewalOverdue'; Warns = $true }
        @{ HoursAgo = 80; Status = 'Expired'; Warns = $true }
    ) {
        $leaf = Get-EnvoyCertificate -Path (New-CertsFile $HoursAgo) -WarningVariable warned -WarningAction SilentlyContinue | Where-Object Role -eq Leaf
        $leaf.Status | Should -Be $Status
        $leaf.Service | Should -Be 'web'
        [bool]$warned | Should -Be $Warns
        if ($Warns) { "$warned" | Should -Match 'spiffe://td.consul/ns/default/dc/dc1/svc/web' }
    }

    It 'keeps only the certificates that are not Valid with -Problem' {
        $problems = Get-EnvoyCertificate -Path (New-CertsFile 70) -Problem -WarningAction SilentlyContinue
        $problems | Should -HaveCount 1
        $problems.Role | Should -Be 'Leaf'
    }

    It 'warns that no TLS context is loaded when /certs lists none, rather than reporting nothing as fine' {
        $file = Join-Path $TestDrive 'empty.json'
        Set-Content -LiteralPath $file -Value '{ "certificates": [] }'
        $result = Get-EnvoyCertificate -Path $file -WarningVariable warned -WarningAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        "$warned" | Should -Match 'no certificate loaded'
    }

    It 'reports a file that is not /certs as MeshOps.EnvoyOutputInvalid, with no object' {
        $result = Get-EnvoyCertificate -Path (Join-Path $Samples 'consul-k8s/test_clusters.json') -ErrorVariable failed -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failed.FullyQualifiedErrorId | Should -BeLike 'MeshOps.EnvoyOutputInvalid*'
        "$failed" | Should -Match 'test_clusters.json.*/certs'
    }
}

Describe 'Get-EnvoyCertificate against faulty admins' -Tag Integration {
    It 'reports <Kind> as one error naming the URL and /certs, with no certificate' -ForEach @(
        @{ Kind = 'truncated-chunked' }
        @{ Kind = 'service-unavailable' }
    ) {
        $admin = Start-FaultyEnvoyAdmin $Kind
        try {
            $result = Get-EnvoyCertificate -AdminUrl $admin.AdminUrl -TimeoutSec 20 -ErrorVariable failed -ErrorAction SilentlyContinue
        }
        finally { Stop-FaultyEnvoyAdmin $admin }
        $result | Should -BeNullOrEmpty
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.EnvoyAdminFailed*'
        "$($failed[0])" | Should -Match '/certs'
    }
}

Describe 'Get-EnvoyCertificate against the simulated cluster' -Tag Integration {
    BeforeAll {
        $Cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig')
    }
    AfterAll { Stop-SimulatedCluster $Cluster }

    It 'reads the leaf of every pod of a service with its SPIFFE ID and a 72-hour lifetime' {
        $certs = Get-EnvoyCertificate -Service payments -Kubeconfig $Cluster.Kubeconfig -WarningVariable warned
        $leaves = $certs | Where-Object Role -eq Leaf
        $leaves | Should -Not -BeNullOrEmpty
        $leaves.Pod | Select-Object -Unique | Should -BeLike 'payments-*'
        $leaves.SpiffeId | Select-Object -Unique | Should -Match '^spiffe://[^/]+\.consul/ns/default/dc/[^/]+/svc/payments$'
        $leaves.Lifetime.TotalHours | Select-Object -Unique | Should -Be 72
        $certs.Status | Select-Object -Unique | Should -Be 'Valid'
        $warned | Should -BeNullOrEmpty
    }
}
