#Requires -Version 7.6
# Compare-MeshConfig as a user drives it: offline against examples/hashicups (healthy against a fault folder) and live
# against the simulated HashiCups cluster (its own process, reached through a kubeconfig as a real cluster is).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
    $Examples = Join-Path $PSScriptRoot '../../examples/hashicups'
    $Healthy = Join-Path $Examples 'healthy'
}

Describe 'Compare-MeshConfig parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command Compare-MeshConfig
    }

    It 'is an exported cmdlet writing comparisons (or diff text)' {
        $Command.CommandType | Should -Be 'Cmdlet'
        @($Command.OutputType.Name) | Should -Be @('MeshOps.Authoring.Compare.ConfigComparison', 'System.String')
    }

    It 'takes -Desired at position 0, mandatory, from the pipeline' {
        $attribute = $Command.Parameters['Desired'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0]
        $attribute.Position | Should -Be 0
        $attribute.Mandatory | Should -BeTrue
        $attribute.ValueFromPipeline | Should -BeTrue
    }

    It 'compares with the cluster (-Live, the default) or with -Path, not both' {
        $Command.DefaultParameterSet | Should -Be 'Live'
        $Command.Parameters['Live'].ParameterSets.Keys | Should -Be @('Live')
        $Command.Parameters['Path'].ParameterSets.Keys | Should -Be @('Path')
        { Compare-MeshConfig -Desired $Healthy -Live -Path $Healthy } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
    }

    It 'has <_>' -ForEach 'IncludeUnmatched', 'Diff', 'Namespace', 'Context', 'Kubeconfig' {
        $Command.Parameters.Keys | Should -Contain $_
    }
}

Describe 'Compare-MeshConfig offline' -Tag Unit {
    It 'shows the field a fault folder changed, with both values and the line of the desired one' {
        $changed = @(Compare-MeshConfig -Desired $Healthy -Path (Join-Path $Examples 'faults/MESH301-postgres-http') | Where-Object State -EQ 'Changed')

        $changed | Should -HaveCount 1
        $changed[0].PSObject.TypeNames | Should -Contain 'MeshOps.Authoring.Compare.ConfigComparison'
        "$($changed[0].Kind)/$($changed[0].Name)" | Should -Be 'ServiceDefaults/postgres'
        $changed[0].Differences | Should -HaveCount 1
        $changed[0].Differences[0].Path | Should -Be 'spec.protocol'
        $changed[0].Differences[0].Desired | Should -Be 'tcp'
        $changed[0].Differences[0].Current | Should -Be 'http'
        $changed[0].Differences[0].DesiredLocation | Should -Match 'healthy[/\\]postgres\.yaml:29:3$'
    }

    It 'reports what only the desired side has as Added, and what only the other side has only with -IncludeUnmatched' {
        $fault = Join-Path $Examples 'faults/MESH201-missing-intention'
        $quiet = @(Compare-MeshConfig -Desired $fault -Path $Healthy)
        $asked = @(Compare-MeshConfig -Desired $fault -Path $Healthy -IncludeUnmatched)
        $reverse = @(Compare-MeshConfig -Desired $Healthy -Path $fault | Where-Object Kind -EQ 'ServiceIntentions')

        @($quiet.State | Sort-Object -Unique) | Should -Be @('Equal')
        @($asked | Where-Object State -EQ 'Unmatched').Kind | Sort-Object -Unique | Should -Be 'ServiceIntentions'
        @($reverse | Where-Object State -EQ 'Added').Name | Should -Be @($asked | Where-Object State -EQ 'Unmatched').Name
    }

    It 'pairs intention sources by name, so a duplicated source is one difference' {
        $changed = @(Compare-MeshConfig -Desired (Join-Path $Examples 'faults/MESH203-duplicate-source') -Path $Healthy | Where-Object State -EQ 'Changed')

        $changed.Name | Should -Be 'products-api'
        $changed[0].Differences | Should -HaveCount 1
    }

    It 'writes a kubectl-diff-like text with -Diff, nothing for Equal objects' {
        $diff = @(Compare-MeshConfig -Desired (Join-Path $Healthy 'postgres.yaml') -Path (Join-Path $Examples 'faults/MESH301-postgres-http') -Diff)

        $diff | Should -HaveCount 1
        $diff[0] | Should -BeOfType [string]
        $diff[0] | Should -Match '(?m)^--- ServiceDefaults/default/postgres \(.*MESH301-postgres-http.*postgres\.yaml:\d+:1\)$'
        $diff[0] | Should -Match '(?m)^  spec\.protocol'
        $diff[0] | Should -Match '(?m)^-   http$'
        $diff[0] | Should -Match '(?m)^\+   tcp$'
        @(Compare-MeshConfig -Desired $Healthy -Path $Healthy -Diff) | Should -HaveCount 0
    }

    It 'takes typed objects from the pipeline, New-MeshIntention''s among them' {
        $comparison = New-MeshIntention products-api public-api -Action Deny | Compare-MeshConfig -Path $Healthy

        $comparison.State | Should -Be 'Changed'
        $comparison.Differences[0].Path | Should -Be 'spec.sources[public-api].action'
        $comparison.Differences[0].Desired | Should -Be 'deny'
        $comparison.Differences[0].Current | Should -Be 'allow'
    }

    It 'shows the differences in the default table, with no error under StrictMode and ErrorActionPreference Stop' {
        $text = & {
            Set-StrictMode -Version Latest
            $ErrorActionPreference = 'Stop'
            Compare-MeshConfig -Desired $Healthy -Path (Join-Path $Examples 'faults/MESH301-postgres-http') -IncludeUnmatched | Out-String -Width 300
        }

        $text | Should -Match 'State\s+Kind\s+Name\s+Differences'
        $text | Should -Match 'Changed\s+ServiceDefaults\s+postgres\s+spec\.protocol: http -> tcp'
    }

    It 'compares no Secret and no workload: only consul.hashicorp.com kinds, the others named on -Verbose' {
        $secret = Join-Path $TestDrive 'secret.yaml'
        Set-Content -LiteralPath $secret -Value "apiVersion: v1`nkind: Secret`nmetadata:`n  name: db`nstringData:`n  password: hunter2-secret`n"

        $out = Compare-MeshConfig -Desired $secret -Path $secret -Diff -Verbose 4>&1 | Out-String

        $out | Should -Match 'Secret/db .* is not compared'
        $out | Should -Not -Match 'hunter2'
    }

    It 'refuses an input that is neither a path nor a Consul resource, and compares nothing' {
        $out = @(Compare-MeshConfig -Desired 42 -Path $Healthy -ErrorVariable failures -ErrorAction SilentlyContinue)

        $out | Should -HaveCount 0
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.NotComparable*'
    }

    It 'reports a path that does not exist and compares nothing' {
        $out = @(Compare-MeshConfig -Desired (Join-Path $TestDrive 'missing.yaml') -Path $Healthy -ErrorVariable failures -ErrorAction SilentlyContinue)

        $out | Should -HaveCount 0
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.PathNotFound*'
    }
}

Describe 'Compare-MeshConfig against the simulated cluster' -Tag Integration {
    BeforeAll {
        $Cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig') -Seeded 'MESH301-postgres-http'
        $Kubeconfig = $Cluster.Kubeconfig
    }

    AfterAll {
        Stop-SimulatedCluster $Cluster
    }

    It 'shows the live field that differs from the repository, ignoring status and server metadata' {
        $comparisons = @(Compare-MeshConfig -Desired $Healthy -Live -Kubeconfig $Kubeconfig -ErrorAction Stop)

        $changed = @($comparisons | Where-Object State -NE 'Equal')
        $changed | Should -HaveCount 1
        "$($changed[0].Kind)/$($changed[0].Name)" | Should -Be 'ServiceDefaults/postgres'
        $changed[0].Differences.Path | Should -Be 'spec.protocol'
        $changed[0].Current.Status.Synced.Status | Should -Be 'True'
        $changed[0].CurrentLocation | Should -Match '^ServiceDefaults/default/postgres \(resourceVersion \d+\)$'
    }

    It 'compares what Get-MeshIntention read as Equal, and a generated change as Changed' {
        @(Get-MeshIntention -Kubeconfig $Kubeconfig | Compare-MeshConfig -Kubeconfig $Kubeconfig).State | Sort-Object -Unique | Should -Be 'Equal'

        $change = New-MeshIntention payments public-api -Action Deny | Compare-MeshConfig -Kubeconfig $Kubeconfig
        $change.State | Should -Be 'Changed'
        $change.Differences[0].Path | Should -Be 'spec.sources[public-api].action'
    }

    It 'reports a new destination as Added' {
        (New-MeshIntention ledger public-api -Action Allow | Compare-MeshConfig -Kubeconfig $Kubeconfig).State | Should -Be 'Added'
    }
}
