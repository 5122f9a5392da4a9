#Requires -Version 7.6
# Get-MeshIntention as a user drives it: the built module reading the simulated HashiCups cluster (tests/MeshOps.Simulation,
# its own process, reached through a kubeconfig as a real cluster is). Its parameter contract fails when someone renames a
# parameter scripts depend on.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
}

Describe 'Get-MeshIntention parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command Get-MeshIntention
        function Get-ParameterAttribute($Name) {
            @($Command.Parameters[$Name].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }))
        }
    }

    It 'is an exported cmdlet writing ServiceIntentions' {
        $Command.CommandType | Should -Be 'Cmdlet'
        $Command.OutputType.Name | Should -Be 'MeshOps.Consul.ServiceIntentions'
    }

    It 'takes -Name (names with wildcards) at position 0 and from the pipeline' {
        $Command.Parameters['Name'].ParameterType | Should -Be ([string[]])
        (Get-ParameterAttribute Name)[0].Position | Should -Be 0
        (Get-ParameterAttribute Name)[0].ValueFromPipeline | Should -BeTrue
        $Command.Parameters['Name'].Attributes.Where({ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }) | Should -Not -BeNullOrEmpty
    }

    It 'chooses the cluster as kubectl does: -Kubeconfig, -Context, and -Namespace or -AllNamespaces' {
        foreach ($name in 'Kubeconfig', 'Context', 'Namespace') { $Command.Parameters[$name].ParameterType | Should -Be ([string]) }
        $Command.Parameters['AllNamespaces'].SwitchParameter | Should -BeTrue
        $Command.Parameters['Namespace'].ParameterSets.Keys | Should -Not -Contain 'AllNamespaces'
    }
}

Describe 'Get-MeshIntention on the simulated HashiCups cluster' -Tag Integration {
    BeforeAll {
        $Cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig')
        $Kubeconfig = $Cluster.Kubeconfig
        $Files = Join-Path $PSScriptRoot '../../examples/hashicups/healthy'
    }

    AfterAll {
        Stop-SimulatedCluster $Cluster
    }

    It 'reads every ServiceIntentions applied, as the typed object, with Synced True' {
        $intentions = @(Get-MeshIntention -Kubeconfig $Kubeconfig -ErrorAction Stop)

        @($intentions.Metadata.Name | Sort-Object) | Should -Be @('deny-all', 'frontend', 'payments', 'postgres', 'products-api', 'public-api')
        foreach ($intention in $intentions) {
            $intention.PSObject.TypeNames | Should -Contain 'MeshOps.Consul.ServiceIntentions'
            $intention.PSObject.TypeNames[0] | Should -Be 'MeshOps.Consul.ServiceIntentions#Live'
            $intention.Status.Synced.Status | Should -Be 'True'
            $intention.Status.LastSyncedTime | Should -Not -BeNullOrEmpty
        }
        ($intentions | Where-Object { $_.Metadata.Name -eq 'products-api' }).Spec.Sources.Name | Should -Be 'public-api'
    }

    It 'matches names with wildcards, in any case, and a wildcard that matches nothing is no error' {
        $matched = @(Get-MeshIntention 'PROD*', 'pay*', 'zz*' -Kubeconfig $Kubeconfig -ErrorVariable failures -ErrorAction SilentlyContinue)

        @($matched.Metadata.Name | Sort-Object) | Should -Be @('payments', 'products-api')
        $failures | Should -BeNullOrEmpty
    }

    It 'reports a name that does not exist as a non-terminating ObjectNotFound error and still reads the others' {
        $found = @(Get-MeshIntention 'no-such-service', 'payments' -Kubeconfig $Kubeconfig -ErrorVariable failures -ErrorAction SilentlyContinue)

        $found.Metadata.Name | Should -Be 'payments'
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.MeshConfigNotFound*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'no-such-service'
        $failures[0].Exception.Message | Should -Match "ServiceIntentions named 'no-such-service' in namespace default of context"
    }

    It 'shows the Synced status in the default table, with no error under StrictMode and ErrorActionPreference Stop' {
        $text = & {
            Set-StrictMode -Version Latest
            $ErrorActionPreference = 'Stop'
            Get-MeshIntention -Kubeconfig $Kubeconfig | Out-String -Width 300
        }

        $text | Should -Match 'Synced'
        $text | Should -Match 'LastSynced'
        $text | Should -Match 'products-api\s+default\s+products-api\s+public-api: Allow\s+True\s+2026-01-05 09:00:00Z'
    }

    It 'pipes into ConvertTo-MeshYaml as the manifest that was applied' {
        $yaml = Get-MeshIntention products-api -Kubeconfig $Kubeconfig | ConvertTo-MeshYaml

        $yaml | Should -Match 'kind: ServiceIntentions'
        $yaml | Should -Match '(?m)^\s+- name: public-api\s*$'
        $yaml | Should -Match 'action: allow'
    }

    It 'pipes into New-MeshIntention -InputObject, which adds a source to the live destination' {
        $merged = Get-MeshIntention products-api -Kubeconfig $Kubeconfig | New-MeshIntention products-api frontend -Action Allow

        @($merged.Spec.Sources.Name) | Should -Be @('public-api', 'frontend')
    }

    It 'reads nothing from a namespace that holds no intentions' {
        @(Get-MeshIntention -Kubeconfig $Kubeconfig -Namespace consul -ErrorAction Stop) | Should -HaveCount 0
    }
}

Describe 'Get-MeshIntention on a cluster where Consul refused an intention' -Tag Integration {
    BeforeAll {
        $Cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig-refused') -Seeded 'MESH203-duplicate-source'
    }

    AfterAll {
        Stop-SimulatedCluster $Cluster
    }

    It 'shows Synced False with the controller reason and Consul message, in the object and in the table' {
        $refused = Get-MeshIntention products-api -Kubeconfig $Cluster.Kubeconfig -ErrorAction Stop

        $refused.Status.Synced.Status | Should -Be 'False'
        $refused.Status.Synced.Reason | Should -Be 'ConsulAgentError'
        $refused.Status.Synced.Message | Should -Match 'defines "public-api" more than once'
        ($refused | Out-String -Width 400) | Should -Match 'False: ConsulAgentError: writing config entry to consul'
    }
}
