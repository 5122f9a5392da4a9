#Requires -Version 7.6
# Get-MeshServiceDefault as a user drives it, against the simulated HashiCups cluster (its own process, reached through
# a kubeconfig as a real cluster is).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
}

Describe 'Get-MeshServiceDefault parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command Get-MeshServiceDefault
    }

    It 'is an exported cmdlet writing ServiceDefaults' {
        $Command.CommandType | Should -Be 'Cmdlet'
        $Command.OutputType.Name | Should -Be 'MeshOps.Consul.ServiceDefaults'
    }

    It 'has the parameters of the Get-Mesh* family: <_>' -ForEach 'Name', 'Namespace', 'AllNamespaces', 'Context', 'Kubeconfig' {
        $Command.Parameters.Keys | Should -Contain $_
    }

    It 'takes -Name at position 0, with wildcards' {
        $Command.Parameters['Name'].ParameterType | Should -Be ([string[]])
        $Command.Parameters['Name'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0].Position | Should -Be 0
    }
}

Describe 'Get-MeshServiceDefault on the simulated HashiCups cluster' -Tag Integration {
    BeforeAll {
        $Cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig') -Seeded 'MESH301-postgres-http'
        $Kubeconfig = $Cluster.Kubeconfig
    }

    AfterAll {
        Stop-SimulatedCluster $Cluster
    }

    It 'reads every ServiceDefaults as the typed object, with its protocol as applied and Synced True' {
        $defaults = @(Get-MeshServiceDefault -Kubeconfig $Kubeconfig -ErrorAction Stop)

        @($defaults.Metadata.Name | Sort-Object) | Should -Be @('frontend', 'nginx', 'payments', 'postgres', 'products-api', 'public-api')
        "$(($defaults | Where-Object { $_.Metadata.Name -eq 'postgres' }).Spec.Protocol)" | Should -Be 'Http'
        foreach ($default in $defaults) {
            $default.PSObject.TypeNames | Should -Contain 'MeshOps.Consul.ServiceDefaults'
            $default.Status.Synced.Status | Should -Be 'True'
        }
    }

    It 'shows protocol and Synced in the default table, with no error under StrictMode and ErrorActionPreference Stop' {
        $text = & {
            Set-StrictMode -Version Latest
            $ErrorActionPreference = 'Stop'
            Get-MeshServiceDefault postgres -Kubeconfig $Kubeconfig | Out-String -Width 300
        }

        $text | Should -Match 'Protocol'
        $text | Should -Match 'postgres\s+default\s+http\s+True'
    }

    It 'reports a missing name as ObjectNotFound, and reads a wildcard match' {
        $found = @(Get-MeshServiceDefault 'p*', 'nope' -Kubeconfig $Kubeconfig -ErrorVariable failures -ErrorAction SilentlyContinue)

        @($found.Metadata.Name | Sort-Object) | Should -Be @('payments', 'postgres', 'products-api', 'public-api')
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.MeshConfigNotFound*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'pipes into ConvertTo-MeshYaml' {
        Get-MeshServiceDefault postgres -Kubeconfig $Kubeconfig | ConvertTo-MeshYaml | Should -Match 'protocol: http'
    }
}
