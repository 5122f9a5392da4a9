#Requires -Version 7.6
# Saved admin output that holds nothing, as a failed `curl -o` leaves it: every Envoy cmdlet says so in one error
# naming the file, and none returns an empty answer as if the sidecar had no data.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
}

Describe 'Envoy cmdlets on an empty saved file' -Tag Unit {
    It '<Command> gives one MeshOps.EnvoyOutputInvalid naming the file, and no object' -ForEach @(
        @{ Command = 'Get-EnvoyStatistic' }
        @{ Command = 'Get-EnvoyCluster' }
        @{ Command = 'Get-EnvoyListener' }
        @{ Command = 'Get-EnvoyRoute' }
        @{ Command = 'Get-EnvoyConfig' }
        @{ Command = 'Get-EnvoyCertificate' }
        @{ Command = 'Get-EnvoyServerInfo' }
        @{ Command = 'Test-EnvoyReady' }
    ) {
        foreach ($content in '', " `n`n") {
            $file = Join-Path $TestDrive 'saved.out'
            Set-Content -LiteralPath $file -Value $content -NoNewline

            $out = & $Command -Path $file -ErrorAction SilentlyContinue -ErrorVariable errors

            $out | Should -BeNullOrEmpty
            $errors | Should -HaveCount 1
            $errors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.EnvoyOutputInvalid,*'
            $errors[0].Exception.Message | Should -BeLike "*$file*"
        }
    }
}

Describe 'Live-only options with a saved file' -Tag Unit {
    BeforeAll {
        $Samples = Join-Path $PSScriptRoot '../../../shared/reference/envoy-samples'
    }

    It 'refuses -Interval with -Path in words that say why, not PowerShell''s parameter-set message' {
        $file = Join-Path $Samples 'elastic-beats/serverstats.txt'

        { Get-EnvoyStatistic -Path $file -Interval 2 -ErrorAction Stop } | Should -Throw -ErrorId 'MeshOps.ConflictingParameters*'
        { Get-EnvoyStatistic -Path $file -Interval 2 -ErrorAction Stop } | Should -Throw '*a saved file is one sample*'
    }

    It 'picks -Resource items out of a saved whole dump, as Envoy would answer them' {
        $clusters = @(Get-EnvoyConfig -Path (Join-Path $Samples 'consul-k8s/test_config_dump.json') -Resource dynamic_active_clusters -ErrorAction Stop)

        $clusters.Count | Should -BeGreaterThan 0
        $clusters | ForEach-Object { $_.GetType().Name | Should -Be 'EnvoyClusterConfig' }
        $clusters.Name | Should -Contain 'local_app'
        $clusters.Name | Should -Not -Contain 'local_agent' -Because 'local_agent is a static cluster of the bootstrap, not a dynamic_active one'
    }
}
