#Requires -Version 7.6
# ConvertTo-MeshYaml as a user drives it: objects from New-MeshIntention written as YAML that Test-MeshConfig reads
# back, in the HashiCups example. Its parameter contract fails when someone renames the parameter or its pipeline
# binding; change it only together with a deliberate, announced break.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    $Healthy = Join-Path $PSScriptRoot '../../examples/hashicups/healthy'

    # The HashiCups healthy set in $TestDrive with products-api's ServiceIntentions replaced by $Yaml.
    function New-HashiCupsWith([string] $Yaml, [string] $Name) {
        $folder = Join-Path $TestDrive $Name
        Copy-Item -LiteralPath $Healthy -Destination $folder -Recurse
        $intentions = Join-Path $folder 'intentions.yaml'
        $documents = (Get-Content -LiteralPath $intentions -Raw) -split '(?m)^---\r?\n'
        $kept = @($documents | Where-Object { $_ -notmatch '(?m)^  name: products-api$' })
        $kept.Count | Should -Be ($documents.Count - 1) -Because 'the healthy set has one ServiceIntentions for products-api'
        Set-Content -LiteralPath $intentions -Value (($kept -join "---`n") + "---`n" + $Yaml) -NoNewline
        $folder
    }

    # KubernetesClient lives in the module's own load context, where PowerShell's type names do not reach.
    $Kubernetes = (New-MeshIntention a b -Action Allow).Metadata.GetType().Assembly
    function New-KubernetesObject([string] $Type, [string] $Kind, [string] $Name) {
        $object = [Activator]::CreateInstance($Kubernetes.GetType("k8s.Models.$Type", $true))
        $object.ApiVersion = 'v1'; $object.Kind = $Kind
        $object.Metadata = [Activator]::CreateInstance($Kubernetes.GetType('k8s.Models.V1ObjectMeta', $true))
        $object.Metadata.Name = $Name
        $object
    }
}

Describe 'ConvertTo-MeshYaml parameter contract' -Tag Unit {
    It 'is an exported cmdlet writing strings, with -InputObject at position 0 from the pipeline' {
        $command = Get-Command ConvertTo-MeshYaml
        $command.CommandType | Should -Be 'Cmdlet'
        $command.OutputType.Name | Should -Be 'System.String'
        $attribute = $command.Parameters['InputObject'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0]
        $attribute.Position | Should -Be 0
        $attribute.ValueFromPipeline | Should -BeTrue
        $attribute.Mandatory | Should -BeTrue
    }
}

Describe 'ConvertTo-MeshYaml' -Tag Unit {
    It 'writes one ServiceIntentions as its CRD fields' {
        $yaml = New-MeshIntention -Destination products-api -Source public-api -Action Allow | ConvertTo-MeshYaml

        $yaml | Should -BeOfType [string]
        $yaml | Should -Be (@(
                'apiVersion: consul.hashicorp.com/v1alpha1'
                'kind: ServiceIntentions'
                'metadata:'
                '  name: products-api'
                'spec:'
                '  destination:'
                '    name: products-api'
                '  sources:'
                '    - name: public-api'
                '      action: allow'
                ''
            ) -join "`n")
    }

    It 'separates the documents with ---, in the order received, as one string' {
        $yaml = @(@(New-MeshIntention '*' '*' -Action Deny) + @(New-MeshIntention payments public-api -Action Allow) | ConvertTo-MeshYaml)

        $yaml | Should -HaveCount 1
        $documents = $yaml[0] -split '(?m)^---\n'
        $documents | Should -HaveCount 2
        $documents[0] | Should -Match 'name: all-services'
        $documents[0] | Should -Match 'name: "\*"'
        $documents[1] | Should -Match 'name: payments'
    }

    It 'gives a products-api intention that Test-MeshConfig accepts in HashiCups, with no finding added' {
        $yaml = New-MeshIntention -Destination products-api -Source public-api -Action Allow | ConvertTo-MeshYaml
        $folder = New-HashiCupsWith $yaml 'generated'

        $before = @(Test-MeshConfig -Path $Healthy -ErrorVariable beforeErrors)
        $after = @(Test-MeshConfig -Path $folder -ErrorVariable afterErrors)

        $afterErrors | Should -BeNullOrEmpty -Because 'the generated YAML loads like any manifest'
        @($after | ForEach-Object { '{0} {1}' -f $_.RuleId, $_.Resource }) | Should -Be @($before | ForEach-Object { '{0} {1}' -f $_.RuleId, $_.Resource })
        Test-MeshConfig -Path $folder -Quiet | Should -BeTrue
    }

    It 'is read with its L7 permission: an L7 intention on HashiCups still passes and is reported when it denies the call' {
        $allowed = New-MeshIntention products-api public-api -PermissionAction Allow -PathPrefix / | ConvertTo-MeshYaml
        Test-MeshConfig -Path (New-HashiCupsWith $allowed 'l7-allowed') -Quiet | Should -BeTrue

        $denied = New-MeshIntention products-api public-api -Action Deny | ConvertTo-MeshYaml
        @(Test-MeshConfig -Path (New-HashiCupsWith $denied 'denied') -Rule MESH201).Count | Should -BeGreaterThan 0 -Because 'the generated deny is read, not skipped'
    }

    It 'writes Kubernetes objects too' {
        $service = New-KubernetesObject V1Service Service web

        $service | ConvertTo-MeshYaml | Should -Be "apiVersion: v1`nkind: Service`nmetadata:`n  name: web`n"
    }

    It 'reports an object that is no mesh resource, and still writes the others' {
        $yaml = @([pscustomobject]@{ Name = 'x' }) + @(New-MeshIntention api web -Action Allow) | ConvertTo-MeshYaml -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'MeshOps.NotAMeshObject,MeshOps.PowerShell.Commands.ConvertToMeshYamlCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $yaml | Should -Match 'name: api'
    }

    It 'never writes a Secret' {
        $secret = New-KubernetesObject V1Secret Secret db
        $secret.StringData = [System.Collections.Generic.Dictionary[string, string]]::new()
        $secret.StringData['password'] = 'hunter2-secret'

        $yaml = $secret | ConvertTo-MeshYaml -ErrorVariable problems -ErrorAction SilentlyContinue

        $yaml | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.NotAMeshObject,*'
        ($problems | Out-String) | Should -Not -Match 'hunter2'
    }

    It 'writes nothing for no input' {
        @(@() | ConvertTo-MeshYaml) | Should -HaveCount 0
    }
}
