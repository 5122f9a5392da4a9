#Requires -Version 7.6
# New-MeshServicePort as a user drives it: the built module and KubernetesClient's V1Service, checked as the API server
# checks it. Its parameter contract fails when someone renames a parameter; change it only together with a deliberate,
# announced break.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
}

Describe 'New-MeshServicePort parameter contract' -Tag Unit {
    BeforeAll {
        $Command = Get-Command New-MeshServicePort
        function Get-ParameterAttribute($Name) {
            $Command.Parameters[$Name].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0]
        }
    }

    It 'is an exported cmdlet writing V1Service' {
        $Command.CommandType | Should -Be 'Cmdlet'
        $Command.OutputType.Name | Should -Be 'k8s.Models.V1Service'
    }

    It 'takes -Name, -Port, -TargetPort at positions 0 to 2 and -Selector, all mandatory and bound by property name' {
        (Get-ParameterAttribute Name).Position | Should -Be 0
        (Get-ParameterAttribute Port).Position | Should -Be 1
        (Get-ParameterAttribute TargetPort).Position | Should -Be 2
        $Command.Parameters['Port'].ParameterType | Should -Be ([int])
        $Command.Parameters['TargetPort'].ParameterType | Should -Be ([string])
        $Command.Parameters['Selector'].ParameterType | Should -Be ([hashtable])
        foreach ($name in 'Name', 'Port', 'TargetPort', 'Selector') {
            (Get-ParameterAttribute $name).Mandatory | Should -BeTrue
            (Get-ParameterAttribute $name).ValueFromPipelineByPropertyName | Should -BeTrue
        }
    }

    It 'offers TCP, UDP and SCTP for -Protocol' {
        $Command.Parameters['Protocol'].Attributes.Where({ $_ -is [System.Management.Automation.ValidateSetAttribute] })[0].ValidValues | Should -Be @('TCP', 'UDP', 'SCTP')
    }
}

Describe 'New-MeshServicePort' -Tag Unit {
    It 'writes a ClusterIP Service mapping the port to a numeric target port' {
        $service = New-MeshServicePort payments 1800 8080 -Selector @{ app = 'payments' } -PortName http -Namespace shop

        $service.PSObject.TypeNames[0] | Should -Be 'k8s.Models.V1Service'
        $service | ConvertTo-MeshYaml | Should -Be (@(
                'apiVersion: v1'
                'kind: Service'
                'metadata:'
                '  name: payments'
                '  namespace: shop'
                'spec:'
                '  ports:'
                '    - name: http'
                '      port: 1800'
                '      protocol: TCP'
                '      targetPort: 8080'
                '  selector:'
                '    app: payments'
                '  type: ClusterIP'
                ''
            ) -join "`n")
    }

    It 'writes a named target port as a name' {
        New-MeshServicePort products-api 9090 http -Selector @{ app = 'products-api' } | ConvertTo-MeshYaml | Should -Match '(?m)^      targetPort: http$'
    }

    Context 'what the API server refuses is an error with its words and no object' {
        It '<Case>' -ForEach @(
            @{ Case = 'port 0'; Arguments = @{ Port = 0 }; Message = 'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive' }
            @{ Case = 'a target port past 65535'; Arguments = @{ TargetPort = '70000' }; Message = 'spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive' }
            @{ Case = 'a target port name of 16 characters'; Arguments = @{ TargetPort = 'metrics-exporter' }; Message = 'spec.ports[0].targetPort: Invalid value: "metrics-exporter": must be no more than 15 characters' }
            @{ Case = 'a Service name starting with a digit'; Arguments = @{ Name = '1web' }; Message = 'metadata.name: Invalid value: "1web": a DNS-1035 label' }
            @{ Case = 'an empty selector'; Arguments = @{ Selector = @{} }; Message = 'spec.selector: Required value' }
        ) {
            $splat = @{ Name = 'web'; Port = 80; TargetPort = '8080'; Selector = @{ app = 'web' } }
            foreach ($key in $Arguments.Keys) { $splat[$key] = $Arguments[$key] }

            $written = New-MeshServicePort @splat -ErrorVariable refused -ErrorAction SilentlyContinue

            $written | Should -BeNullOrEmpty
            $refused | Should -HaveCount 1
            $refused[0].FullyQualifiedErrorId | Should -Be 'MeshOps.InvalidMeshObject,MeshOps.PowerShell.Commands.NewMeshServicePortCommand'
            $refused[0].TargetObject | Should -Be $splat.Name
            $refused[0].Exception.Message | Should -BeLike ([WildcardPattern]::Escape($Message) + '*')
        }
    }

    It 'shows a table row under StrictMode and ErrorActionPreference Stop' {
        $text = & { Set-StrictMode -Version Latest; $ErrorActionPreference = 'Stop'; New-MeshServicePort payments 1800 8080 -Selector @{ app = 'payments' } | Out-String -Width 200 }

        $text | Should -Match 'payments\s+ClusterIP\s+1800->8080/TCP\s+app=payments'
    }
}
