#Requires -Version 7.6
# Import-MeshManifest as a user drives it: manifests read back into the typed objects the New-Mesh* cmdlets write, each
# with where it was written; bad files are errors of their own. Its parameter contract fails when someone renames a
# parameter or the pipeline binding; change it only together with a deliberate, announced break.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    $Healthy = (Resolve-Path (Join-Path $PSScriptRoot '../../examples/hashicups/healthy')).Path

    function New-Objects {
        New-MeshServiceDefault products-api http -MutualTlsMode strict -UpstreamOverride @{ Name = 'postgres'; Protocol = 'tcp'; ConnectTimeoutMs = 5000 }
        New-MeshIntention products-api frontend -PermissionAction Allow -PathPrefix /coffees -Method GET
        New-MeshServicePort products-api 9090 http -Selector @{ app = 'products-api' } -PortName http
        New-MeshServiceAccount products-api -Namespace shop -AutomountServiceAccountToken
    }
}

Describe 'Import-MeshManifest parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command Import-MeshManifest
        function Get-ParameterAttribute($Name) {
            $Command.Parameters[$Name].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0]
        }
    }

    It 'is an exported cmdlet' {
        $Command.CommandType | Should -Be 'Cmdlet'
        $Command.OutputType | Should -Not -BeNullOrEmpty
    }

    It 'takes -Path (string[], position 0, from the pipeline) and -LiteralPath (alias PSPath, by property name)' {
        $Command.Parameters['Path'].ParameterType | Should -Be ([string[]])
        (Get-ParameterAttribute Path).Position | Should -Be 0
        (Get-ParameterAttribute Path).ValueFromPipeline | Should -BeTrue
        $Command.Parameters['LiteralPath'].ParameterType | Should -Be ([string[]])
        $Command.Parameters['LiteralPath'].Aliases | Should -Contain 'PSPath'
        (Get-ParameterAttribute LiteralPath).ValueFromPipelineByPropertyName | Should -BeTrue
    }
}

Describe 'Import-MeshManifest' -Tag Unit {
    It 'gives back equal objects of the same types: New-Mesh* | Export-MeshManifest | Import-MeshManifest' {
        $folder = Join-Path $TestDrive 'roundtrip'
        $file = New-Objects | Export-MeshManifest (New-Item -ItemType Directory $folder).FullName -Split

        $imported = @(Import-MeshManifest $folder)

        $imported | Should -HaveCount 4
        $original = @(New-Objects)
        # The loader reads a folder's files in name order; Export-MeshManifest named them after kind and name.
        $byKind = @{}; foreach ($object in $imported) { $byKind[$object.Kind] = $object }
        foreach ($object in $original) {
            $back = $byKind[$object.Kind]
            $back.PSObject.TypeNames[0] | Should -Be $object.PSObject.TypeNames[0]
            $back | ConvertTo-MeshYaml | Should -Be ($object | ConvertTo-MeshYaml) -Because "$($object.Kind) reads back as written"
        }
        $file | Should -HaveCount 4
    }

    It 'keeps where each object was written as its Location (file:line:column)' {
        $file = Join-Path $TestDrive 'all.yaml'
        New-Objects | Export-MeshManifest $file | Out-Null
        $lines = @(Get-Content -LiteralPath $file)
        $starts = @(1) + @(for ($i = 0; $i -lt $lines.Count; $i++) { if ($lines[$i] -eq '---') { $i + 2 } })

        $imported = @(Import-MeshManifest $file)

        @($imported | ForEach-Object { "$($_.Location)" }) | Should -Be @($starts | ForEach-Object { '{0}:{1}:1' -f $file, $_ })
        $imported[0].PSObject.Properties['Location'].MemberType | Should -Be 'NoteProperty'
        $imported[0].Location.Line | Should -Be 1
    }

    It 'reads HashiCups: every modelled kind typed, a Secret left out with a warning' {
        $imported = @(Import-MeshManifest $Healthy -WarningVariable warnings -WarningAction SilentlyContinue)

        $kinds = @($imported | ForEach-Object Kind | Sort-Object -Unique)
        $kinds | Should -Be @('ConfigMap', 'Deployment', 'Service', 'ServiceAccount', 'ServiceDefaults', 'ServiceIntentions')
        @($imported | Where-Object Kind -eq ServiceIntentions) | Should -HaveCount 6
        ($imported | Where-Object Kind -eq ServiceIntentions)[0].PSObject.TypeNames[0] | Should -Be 'MeshOps.Consul.ServiceIntentions'
        ($imported | Where-Object Kind -eq Deployment)[0].PSObject.TypeNames[0] | Should -Be 'k8s.Models.V1Deployment'
        "$(($imported | Where-Object { $_.Kind -eq 'ServiceIntentions' -and $_.Metadata.Name -eq 'deny-all' }).Location)" | Should -Be "$(Join-Path $Healthy 'intentions.yaml'):2:1"
        @($warnings | Where-Object { "$_" -like "*Secret 'postgres-credentials' is not imported*" }) | Should -Not -BeNullOrEmpty
    }

    It 'reports a file that cannot be read with its id, file and line, and still reads the others' {
        $folder = (New-Item -ItemType Directory (Join-Path $TestDrive 'mixed')).FullName
        New-MeshServiceDefault web http | Export-MeshManifest (Join-Path $folder 'good.yaml') | Out-Null
        Set-Content -LiteralPath (Join-Path $folder 'bad.yaml') -Value "kind: ServiceDefaults`nmetadata: [" -NoNewline

        $imported = @(Import-MeshManifest $folder -ErrorVariable failed -ErrorAction SilentlyContinue)

        $imported | Should -HaveCount 1
        $imported[0].Metadata.Name | Should -Be 'web'
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -Be 'MeshOps.YamlSyntax,MeshOps.PowerShell.Commands.ImportMeshManifestCommand'
        $failed[0].Exception.Message | Should -BeLike "$([WildcardPattern]::Escape((Join-Path $folder 'bad.yaml'))):*: YAML syntax error*"
        $failed[0].Exception.Message | Should -Not -Match '   at '
    }

    It 'expands wildcards, and a pattern that matches nothing is an error' {
        @(Import-MeshManifest (Join-Path $Healthy 'p*.yaml') -WarningAction SilentlyContinue | ForEach-Object { Split-Path -Leaf $_.Location.File } | Sort-Object -Unique) |
            Should -Be @('payments.yaml', 'postgres.yaml', 'products-api.yaml', 'public-api.yaml')

        Import-MeshManifest (Join-Path $TestDrive 'nothing-*.yaml') -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -Be 'MeshOps.PathNotFound,MeshOps.PowerShell.Commands.ImportMeshManifestCommand'
    }

    It 'reads the files Get-ChildItem pipes in' {
        $imported = @(Get-ChildItem -LiteralPath $Healthy -Filter 'postgres.yaml' | Import-MeshManifest -WarningAction SilentlyContinue)

        @($imported | ForEach-Object Kind) | Should -Contain 'ServiceDefaults'
    }
}
