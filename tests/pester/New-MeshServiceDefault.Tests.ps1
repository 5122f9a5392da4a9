#Requires -Version 7.6
# New-MeshServiceDefault as a user drives it: the built module, the SDK's ServiceDefaults, Consul's refusals, the real
# CRD schema. Its parameter contract fails when someone renames a parameter or the pipeline binding scripts depend on;
# change it only together with a deliberate, announced break.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/CrdSchema.psm1') -Force
}

Describe 'New-MeshServiceDefault parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command New-MeshServiceDefault
        function Get-ParameterAttribute($Name) {
            $Command.Parameters[$Name].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0]
        }
    }

    It 'is an exported cmdlet writing ServiceDefaults' {
        $Command.CommandType | Should -Be 'Cmdlet'
        $Command.OutputType.Name | Should -Be 'MeshOps.Consul.ServiceDefaults'
    }

    It 'takes -Name at position 0 and -Protocol at position 1, both mandatory' {
        (Get-ParameterAttribute Name).Position | Should -Be 0
        (Get-ParameterAttribute Protocol).Position | Should -Be 1
        (Get-ParameterAttribute Name).Mandatory | Should -BeTrue
        (Get-ParameterAttribute Protocol).Mandatory | Should -BeTrue
    }

    It 'offers the protocols and modes Consul accepts' {
        function Get-ValidValues($Name) { $Command.Parameters[$Name].Attributes.Where({ $_ -is [System.Management.Automation.ValidateSetAttribute] })[0].ValidValues }
        Get-ValidValues Protocol | Should -Be @('http', 'http2', 'grpc', 'tcp')
        Get-ValidValues MutualTlsMode | Should -Be @('strict', 'permissive')
        Get-ValidValues MeshGatewayMode | Should -Be @('none', 'local', 'remote')
    }

    It 'binds <_> by property name' -ForEach 'Name', 'Protocol', 'Namespace', 'MutualTlsMode', 'MeshGatewayMode', 'LocalConnectTimeoutMs', 'LocalRequestTimeoutMs', 'MaxInboundConnections', 'UpstreamOverride' {
        (Get-ParameterAttribute $_).ValueFromPipelineByPropertyName | Should -BeTrue
    }

    It 'takes upstream overrides as hashtables' {
        $Command.Parameters['UpstreamOverride'].ParameterType | Should -Be ([hashtable[]])
    }
}

Describe 'New-MeshServiceDefault' -Tag Unit {
    It 'writes the typed ServiceDefaults with the fields given, as Consul writes them' {
        $defaults = New-MeshServiceDefault products-api http -Namespace shop -MutualTlsMode strict -MeshGatewayMode local -LocalRequestTimeoutMs 3000 -MaxInboundConnections 100 `
            -UpstreamOverride @{ Name = 'postgres'; Protocol = 'tcp'; ConnectTimeoutMs = 5000 }, @{ name = 'payments'; MaxConnections = 10 }

        $defaults.PSObject.TypeNames[0] | Should -Be 'MeshOps.Consul.ServiceDefaults'
        $defaults.Metadata.Name | Should -Be 'products-api'
        $defaults.Metadata.NamespaceProperty | Should -Be 'shop'
        $yaml = $defaults | ConvertTo-MeshYaml
        $yaml | Should -Be (@(
                'apiVersion: consul.hashicorp.com/v1alpha1'
                'kind: ServiceDefaults'
                'metadata:'
                '  name: products-api'
                '  namespace: shop'
                'spec:'
                '  protocol: http'
                '  mutualTLSMode: strict'
                '  meshGateway:'
                '    mode: local'
                '  upstreamConfig:'
                '    overrides:'
                '      - name: postgres'
                '        protocol: tcp'
                '        connectTimeoutMs: 5000'
                '      - name: payments'
                '        limits:'
                '          maxConnections: 10'
                '  maxInboundConnections: 100'
                '  localRequestTimeoutMs: 3000'
                ''
            ) -join "`n")
        Test-CrdSchema $yaml | Should -BeNullOrEmpty -Because 'the real consul-k8s CRD schema accepts it'
    }

    It 'writes one ServiceDefaults per record piped in' {
        $rows = @([pscustomobject]@{ Name = 'frontend'; Protocol = 'http' }, [pscustomobject]@{ Name = 'postgres'; Protocol = 'tcp' })

        $defaults = @($rows | New-MeshServiceDefault)

        @($defaults | ForEach-Object { '{0}:{1}' -f $_.Metadata.Name, "$($_.Spec.Protocol)".ToLowerInvariant() }) | Should -Be @('frontend:http', 'postgres:tcp')
    }

    It 'shows a table row under StrictMode and ErrorActionPreference Stop' {
        $text = & {
            Set-StrictMode -Version Latest
            $ErrorActionPreference = 'Stop'
            New-MeshServiceDefault products-api grpc -UpstreamOverride @{ Name = 'postgres'; ConnectTimeoutMs = 5000 } | Out-String -Width 200
        }

        $text | Should -Match 'products-api\s+grpc\s+postgres:  ?5000 ms'
    }

    Context 'what Consul refuses is an error with Consul''s words and no object' {
        It '<Case>' -ForEach @(
            @{ Case = 'an override without a name'; Arguments = @{ UpstreamOverride = @{ Protocol = 'tcp' } }; Message = 'spec.upstreamConfig.overrides[0]: upstream.name for an override upstream cannot be ""' }
            @{ Case = 'a peer with a namespace'; Arguments = @{ UpstreamOverride = @{ Name = 'db'; Peer = 'dc2'; Namespace = 'ns' } }; Message = 'spec.upstreamConfig.overrides[0]: both namespace and peer cannot be specified.' }
            @{ Case = 'an unknown key'; Arguments = @{ UpstreamOverride = @{ Name = 'db'; Timeout = 5 } }; Message = "spec.upstreamConfig.overrides[0]: unknown key 'Timeout'; an upstream override takes Name," }
            @{ Case = 'a negative limit'; Arguments = @{ MaxInboundConnections = -1 }; Message = 'spec.maxInboundConnections: Invalid value: -1: MaxInboundConnections must be > 0' }
            @{ Case = 'a name Kubernetes refuses'; Arguments = @{ Name = 'Web_1' }; Message = 'metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain' }
        ) {
            $splat = @{ Name = 'web'; Protocol = 'http' }
            foreach ($key in $Arguments.Keys) { $splat[$key] = $Arguments[$key] }

            $written = New-MeshServiceDefault @splat -ErrorVariable refused -ErrorAction SilentlyContinue

            $written | Should -BeNullOrEmpty
            $refused | Should -HaveCount 1
            $refused[0].FullyQualifiedErrorId | Should -Be 'MeshOps.InvalidMeshObject,MeshOps.PowerShell.Commands.NewMeshServiceDefaultCommand'
            $refused[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $refused[0].Exception.Message | Should -BeLike ([WildcardPattern]::Escape($Message) + '*')
        }
    }
}
