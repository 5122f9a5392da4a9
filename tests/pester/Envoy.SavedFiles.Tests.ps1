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
