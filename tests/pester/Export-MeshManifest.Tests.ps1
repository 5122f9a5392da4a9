#Requires -Version 7.6
# Export-MeshManifest as a user drives it: typed objects from the New-Mesh* cmdlets written to disk, never over a file
# without -Force, nothing at all written when any target is refused; HashiCups generated, exported, checked against the
# real CRD schemas and by Test-MeshConfig. Its parameter contract fails when someone renames a parameter; change it only
# together with a deliberate, announced break.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/CrdSchema.psm1') -Force
    $Healthy = Join-Path $PSScriptRoot '../../examples/hashicups/healthy'

    function New-Folder([string] $Name) { (New-Item -ItemType Directory -Path (Join-Path $TestDrive $Name)).FullName }
    function Get-Listing([string] $Folder) { @(Get-ChildItem -LiteralPath $Folder -File | ForEach-Object { '{0}={1}' -f $_.Name, (Get-Content -LiteralPath $_.FullName -Raw) }) }
}

Describe 'Export-MeshManifest parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command Export-MeshManifest
        function Get-ParameterAttribute($Name) {
            $Command.Parameters[$Name].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0]
        }
    }

    It 'is an exported cmdlet writing FileInfo, with -WhatIf and -Confirm' {
        $Command.CommandType | Should -Be 'Cmdlet'
        $Command.OutputType.Name | Should -Be 'System.IO.FileInfo'
        $Command.Parameters.Keys | Should -Contain 'WhatIf'
        $Command.Parameters.Keys | Should -Contain 'Confirm'
    }

    It 'takes -Path (mandatory, position 0), -InputObject from the pipeline, and the switches -Split and -Force' {
        (Get-ParameterAttribute Path).Position | Should -Be 0
        (Get-ParameterAttribute Path).Mandatory | Should -BeTrue
        (Get-ParameterAttribute InputObject).ValueFromPipeline | Should -BeTrue
        $Command.Parameters['Split'].ParameterType | Should -Be ([switch])
        $Command.Parameters['Force'].ParameterType | Should -Be ([switch])
    }
}

Describe 'Export-MeshManifest' -Tag Unit {
    BeforeAll {
        function New-Objects {
            New-MeshServiceDefault products-api http
            New-MeshIntention products-api public-api -Action Allow
            New-MeshServicePort products-api 9090 http -Selector @{ app = 'products-api' }
            New-MeshServiceAccount products-api -AutomountServiceAccountToken
        }
    }

    It 'writes every document into one file, as ConvertTo-MeshYaml writes them, and returns the file' {
        $folder = New-Folder one
        $file = New-Objects | Export-MeshManifest (Join-Path $folder 'mesh.yaml')

        $file | Should -HaveCount 1
        $file.GetType().FullName | Should -Be 'System.IO.FileInfo'
        $file.FullName | Should -Be (Join-Path $folder 'mesh.yaml')
        Get-Content -LiteralPath $file.FullName -Raw | Should -Be (New-Objects | ConvertTo-MeshYaml)
    }

    It 'with -Split writes one file per object named kind-name.yaml (servicedefaults-products-api.yaml), making the folder' {
        $folder = Join-Path $TestDrive 'split/new'

        $files = New-Objects | Export-MeshManifest $folder -Split

        @($files.Name) | Should -Be @('servicedefaults-products-api.yaml', 'serviceintentions-products-api.yaml', 'service-products-api.yaml', 'serviceaccount-products-api.yaml')
        Get-Content -LiteralPath (Join-Path $folder 'service-products-api.yaml') -Raw | Should -Be (New-MeshServicePort products-api 9090 http -Selector @{ app = 'products-api' } | ConvertTo-MeshYaml)
    }

    It 'never replaces a file without -Force: an error names it and no file at all is written' {
        $folder = New-Folder existing
        Set-Content -LiteralPath (Join-Path $folder 'servicedefaults-products-api.yaml') -Value 'kept' -NoNewline
        $before = Get-Listing $folder

        $written = New-Objects | Export-MeshManifest $folder -Split -ErrorVariable refused -ErrorAction SilentlyContinue

        $written | Should -BeNullOrEmpty
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'MeshOps.ManifestExists,MeshOps.PowerShell.Commands.ExportMeshManifestCommand'
        $refused[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $refused[0].TargetObject | Should -Be (Join-Path $folder 'servicedefaults-products-api.yaml')
        $refused[0].Exception.Message | Should -BeLike "*servicedefaults-products-api.yaml' exists; -Force replaces it. Nothing is written."
        Get-Listing $folder | Should -Be $before -Because 'the files that did not exist are not written either'
    }

    It 'replaces files with -Force' {
        $folder = New-Folder forced
        Set-Content -LiteralPath (Join-Path $folder 'mesh.yaml') -Value 'old'

        $file = New-Objects | Export-MeshManifest (Join-Path $folder 'mesh.yaml') -Force

        Get-Content -LiteralPath $file.FullName -Raw | Should -Be (New-Objects | ConvertTo-MeshYaml)
    }

    It 'writes nothing with -WhatIf, not even the folder' {
        $folder = Join-Path $TestDrive 'whatif'

        $written = New-Objects | Export-MeshManifest $folder -Split -WhatIf

        $written | Should -BeNullOrEmpty
        Test-Path -LiteralPath $folder | Should -BeFalse
    }

    It 'refuses an object that is no mesh object, and then writes nothing' {
        $folder = New-Folder refused

        New-Objects | ForEach-Object { $_ } -End { 'just text' } | Export-MeshManifest (Join-Path $folder 'mesh.yaml') -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused[0].FullyQualifiedErrorId | Should -Be 'MeshOps.NotAMeshObject,MeshOps.PowerShell.Commands.ExportMeshManifestCommand'
        Get-ChildItem -LiteralPath $folder | Should -BeNullOrEmpty
    }

    It 'refuses a file in a folder that does not exist, and a folder where the file goes' {
        $missing = Join-Path $TestDrive 'no-such-folder/mesh.yaml'
        New-Objects | Export-MeshManifest $missing -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused[0].FullyQualifiedErrorId | Should -Be 'MeshOps.ManifestWriteFailed,MeshOps.PowerShell.Commands.ExportMeshManifestCommand'
        $refused[0].Exception.Message | Should -BeLike "*the folder '*no-such-folder' does not exist. Nothing is written."
        Test-Path -LiteralPath (Split-Path $missing) | Should -BeFalse

        $folder = New-Folder a-folder
        New-Objects | Export-MeshManifest $folder -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -Be 'MeshOps.ManifestWriteFailed,MeshOps.PowerShell.Commands.ExportMeshManifestCommand'
        $refused[0].Exception.Message | Should -BeLike '*is a folder; give a file name, or -Split*'
        Get-ChildItem -LiteralPath $folder | Should -BeNullOrEmpty
    }

    It 'refuses two objects that would share a -Split file, and then writes nothing' {
        $folder = New-Folder collision

        @(New-MeshServiceAccount web -Namespace a; New-MeshServiceAccount web -Namespace b) | Export-MeshManifest $folder -Split -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused[0].FullyQualifiedErrorId | Should -Be 'MeshOps.ManifestCollision,MeshOps.PowerShell.Commands.ExportMeshManifestCommand'
        $refused[0].Exception.Message | Should -BeLike 'Two objects would be written to serviceaccount-web.yaml*'
        Get-ChildItem -LiteralPath $folder | Should -BeNullOrEmpty
    }
}

Describe 'Export-MeshManifest -ContextPath: the rule catalogue before anything is written' -Tag Unit {
    It 'writes nothing and names the rule when an object breaks a rule among the manifests it joins (postgres as http: MESH301)' {
        $folder = New-Folder blocked
        $target = Join-Path $folder 'postgres-defaults.yaml'

        $written = New-MeshServiceDefault postgres http | Export-MeshManifest $target -ContextPath $Healthy -ErrorVariable refused -ErrorAction SilentlyContinue

        $written | Should -BeNullOrEmpty
        Test-Path -LiteralPath $target | Should -BeFalse
        $refused.FullyQualifiedErrorId | Should -Contain 'MeshOps.WriteBlockedByRule,MeshOps.PowerShell.Commands.ExportMeshManifestCommand'
        ($refused | Out-String) | Should -Match 'MESH301'
        ($refused | Out-String) | Should -Match 'Nothing is written'
    }

    It 'writes the object when it keeps the context healthy (postgres as tcp), and findings elsewhere in the context do not stop it' {
        $folder = New-Folder allowed
        $context = New-Folder allowed-context
        Copy-Item -Path (Join-Path $Healthy '*') -Destination $context
        # A fault of the context's own, on another object: not the export's business.
        Copy-Item -Path (Join-Path $PSScriptRoot '../../examples/hashicups/faults/MESH301-postgres-http/*') -Destination $context -Force
        (Test-MeshConfig -Path $context | Where-Object Severity -EQ Error) | Should -Not -BeNullOrEmpty

        $written = New-MeshIntention products-api public-api -Action Allow | Export-MeshManifest (Join-Path $folder 'intentions.yaml') -ContextPath $context

        $written.Name | Should -Be 'intentions.yaml'
    }

    It 'judges nothing without a context: the object alone is written' {
        $folder = New-Folder unjudged

        $written = New-MeshServiceDefault postgres http | Export-MeshManifest (Join-Path $folder 'postgres-defaults.yaml')

        $written.Name | Should -Be 'postgres-defaults.yaml'
    }

    It 'writes nothing when the context cannot be read, naming the path' {
        $folder = New-Folder unreadable
        $target = Join-Path $folder 'postgres-defaults.yaml'
        $missing = Join-Path $TestDrive 'no-such-folder'

        New-MeshServiceDefault postgres tcp | Export-MeshManifest $target -ContextPath $missing -ErrorVariable refused -ErrorAction SilentlyContinue

        Test-Path -LiteralPath $target | Should -BeFalse
        ($refused | Out-String) | Should -Match 'no-such-folder'
    }
}

Describe 'HashiCups generated with the New-Mesh* cmdlets and exported' -Tag Unit {
    BeforeAll {
        # HashiCups' healthy set without the objects the cmdlets generate: its Deployments, ConfigMaps and Secret stay.
        $Folder = Join-Path $TestDrive 'hashicups'
        Copy-Item -LiteralPath $Healthy -Destination $Folder -Recurse
        Remove-Item -LiteralPath (Join-Path $Folder 'intentions.yaml')
        foreach ($file in Get-ChildItem -LiteralPath $Folder -Filter *.yaml) {
            $documents = (Get-Content -LiteralPath $file.FullName -Raw) -split '(?m)^---\r?\n'
            $kept = @($documents | Where-Object { $_ -notmatch '(?m)^kind: (Service|ServiceAccount|ServiceDefaults)\s*$' })
            Set-Content -LiteralPath $file.FullName -Value ($kept -join "---`n") -NoNewline
        }

        $services = @(
            @{ Name = 'nginx'; Protocol = 'http'; Port = 80; TargetPort = '80'; PortName = 'http' }
            @{ Name = 'frontend'; Protocol = 'http'; Port = 3000; TargetPort = '3000'; PortName = 'http' }
            @{ Name = 'public-api'; Protocol = 'http'; Port = 8080; TargetPort = '8080'; PortName = 'http' }
            @{ Name = 'products-api'; Protocol = 'http'; Port = 9090; TargetPort = '9090'; PortName = 'http' }
            @{ Name = 'payments'; Protocol = 'http'; Port = 1800; TargetPort = '8080'; PortName = 'http' }
            @{ Name = 'postgres'; Protocol = 'tcp'; Port = 5432; TargetPort = '5432'; PortName = 'postgres' }
        )
        $Generated = @(
            foreach ($service in $services) {
                New-MeshServicePort $service.Name $service.Port $service.TargetPort -Selector @{ app = $service.Name } -PortName $service.PortName
                New-MeshServiceAccount $service.Name -AutomountServiceAccountToken
                New-MeshServiceDefault $service.Name $service.Protocol
            }
            New-MeshIntention '*' '*' -Action Deny | New-MeshIntention frontend nginx -Action Allow | New-MeshIntention public-api nginx -Action Allow |
                New-MeshIntention products-api public-api -Action Allow | New-MeshIntention payments public-api -Action Allow |
                New-MeshIntention postgres products-api -Action Allow
        )
        $Files = @($Generated | Export-MeshManifest (Join-Path $Folder 'generated') -Split)
    }

    It 'writes one file per object' {
        $Files | Should -HaveCount $Generated.Count
        $Files.Name | Should -Contain 'serviceintentions-all-services.yaml'
        $Files.Name | Should -Contain 'servicedefaults-postgres.yaml'
    }

    It 'writes ServiceIntentions and ServiceDefaults the real consul-k8s CRD schemas accept' {
        $consul = @($Files | Where-Object Name -Match '^service(intentions|defaults)-')
        $consul | Should -HaveCount 12
        foreach ($file in $consul) {
            Test-CrdSchema (Get-Content -LiteralPath $file.FullName -Raw) | Should -BeNullOrEmpty -Because $file.Name
        }
    }

    It 'adds no finding: Test-MeshConfig reports on them with the rest of HashiCups what it reports on the healthy set' {
        $before = @(Test-MeshConfig -Path $Healthy -ErrorVariable beforeErrors)
        $after = @(Test-MeshConfig -Path $Folder -ErrorVariable afterErrors)

        $afterErrors | Should -BeNullOrEmpty -Because 'the exported YAML loads like any manifest'
        @($after | ForEach-Object RuleId) | Should -Be @($before | ForEach-Object RuleId)
        Test-MeshConfig -Path $Folder -Quiet | Should -BeTrue
    }

    It 'is read, not skipped: a generated deny of products-api is reported' {
        $denied = Join-Path $TestDrive 'hashicups-denied'
        Copy-Item -LiteralPath $Folder -Destination $denied -Recurse
        New-MeshIntention products-api public-api -Action Deny | Export-MeshManifest (Join-Path $denied 'generated') -Split -Force | Out-Null

        @(Test-MeshConfig -Path $denied -Rule MESH201).Count | Should -BeGreaterThan 0
    }
}
