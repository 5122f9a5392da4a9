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

    It 'takes -Name, -Port, -TargetPort at positions 0 to 2, mandatory, and -Selector, all bound by property name' {
        (Get-ParameterAttribute Name).Position | Should -Be 0
        (Get-ParameterAttribute Port).Position | Should -Be 1
        (Get-ParameterAttribute TargetPort).Position | Should -Be 2
        $Command.Parameters['Port'].ParameterType | Should -Be ([int])
        $Command.Parameters['TargetPort'].ParameterType | Should -Be ([string])
        $Command.Parameters['Selector'].ParameterType | Should -Be ([hashtable])
        foreach ($name in 'Name', 'Port', 'TargetPort', 'Selector') {
            (Get-ParameterAttribute $name).ValueFromPipelineByPropertyName | Should -BeTrue
        }
        foreach ($name in 'Name', 'Port', 'TargetPort') { (Get-ParameterAttribute $name).Mandatory | Should -BeTrue }
        # A port added to a Service piped in keeps its selector; a new Service without one is an error of its own.
        (Get-ParameterAttribute Selector).Mandatory | Should -BeFalse
    }

    It 'takes the Services it adds a port to from the pipeline (-InputObject)' {
        $Command.Parameters['InputObject'].ParameterType.FullName | Should -Be 'k8s.Models.V1Service[]'
        (Get-ParameterAttribute InputObject).ValueFromPipeline | Should -BeTrue
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

    It 'refuses a new Service without a selector' {
        $written = New-MeshServicePort web 80 8080 -ErrorVariable refused -ErrorAction SilentlyContinue
        $written | Should -BeNullOrEmpty
        $refused[0].Exception.Message | Should -BeLike 'spec.selector: Required value*'
    }

    Context 'piped into itself' {
        It 'writes one Service with both ports, keeping the selector of the first' {
            $services = @(New-MeshServicePort -Name payments -Port 1800 -TargetPort 8080 -Selector @{ app = 'payments' } -PortName http |
                    New-MeshServicePort -Name payments -Port 9102 -TargetPort metrics -PortName metrics -ErrorAction Stop)

            $services | Should -HaveCount 1
            $services[0] | ConvertTo-MeshYaml | Should -Be (@(
                    'apiVersion: v1'
                    'kind: Service'
                    'metadata:'
                    '  name: payments'
                    'spec:'
                    '  ports:'
                    '    - name: http'
                    '      port: 1800'
                    '      protocol: TCP'
                    '      targetPort: 8080'
                    '    - name: metrics'
                    '      port: 9102'
                    '      protocol: TCP'
                    '      targetPort: metrics'
                    '  selector:'
                    '    app: payments'
                    '  type: ClusterIP'
                    ''
                ) -join "`n")
        }

        It 'passes a Service of another name or namespace through and writes its own beside it' {
            $services = @(New-MeshServicePort payments 1800 8080 -Selector @{ app = 'payments' } |
                    New-MeshServicePort payments 1800 8080 -Selector @{ app = 'payments' } -Namespace shop -ErrorAction Stop |
                    New-MeshServicePort products-api 9090 http -Selector @{ app = 'products-api' } -ErrorAction Stop)

            @($services | ForEach-Object { "$($_.Metadata.NamespaceProperty)/$($_.Metadata.Name):$(@($_.Spec.Ports).Count)" }) | Should -Be @('/payments:1', 'shop/payments:1', '/products-api:1')
        }

        It 'refuses <Case> in the API server''s words and adds no port' -ForEach @(
            @{ Case = 'a second port of the same number'; Port = 1800; PortName = 'metrics'; Message = 'spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:1800,' }
            @{ Case = 'a second port of the same name'; Port = 9102; PortName = 'http'; Message = 'spec.ports[1].name: Duplicate value: "http"' }
            @{ Case = 'a second port without a name'; Port = 9102; PortName = $null; Message = 'spec.ports[1].name: Required value' }
        ) {
            $second = @{ Name = 'payments'; Port = $Port; TargetPort = 'metrics' }
            if ($PortName) { $second.PortName = $PortName }

            $services = @(New-MeshServicePort payments 1800 8080 -Selector @{ app = 'payments' } -PortName http |
                    New-MeshServicePort @second -ErrorVariable refused -ErrorAction SilentlyContinue)

            $refused | Should -HaveCount 1
            $refused[0].FullyQualifiedErrorId | Should -Be 'MeshOps.InvalidMeshObject,MeshOps.PowerShell.Commands.NewMeshServicePortCommand'
            $refused[0].Exception.Message | Should -BeLike ([WildcardPattern]::Escape($Message) + '*')
            @($services[0].Spec.Ports) | Should -HaveCount 1
        }

        It 'refuses a selector that differs from the Service''s' {
            $null = New-MeshServicePort payments 1800 8080 -Selector @{ app = 'payments' } -PortName http |
                New-MeshServicePort payments 9102 metrics -PortName metrics -Selector 'app=other' -ErrorVariable refused -ErrorAction SilentlyContinue

            $refused[0].Exception.Message | Should -BeLike 'spec.selector: Invalid value: "app=other": the Service payments being built already selects "app=payments"'
        }
    }

    Context '-Selector as kubectl''s selector text' {
        It 'reads "<Text>" as the labels <Expected>' -ForEach @(
            @{ Text = 'app=payments'; Expected = 'app=payments' }
            @{ Text = 'app=payments,tier=backend'; Expected = 'app=payments,tier=backend' }
            @{ Text = ' app == payments , tier=backend '; Expected = 'app=payments,tier=backend' }
        ) {
            $service = New-MeshServicePort web 80 8080 -Selector $Text -ErrorAction Stop
            @($service.Spec.Selector.GetEnumerator() | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ',' | Should -Be $Expected
        }

        It 'binds it by property name from CSV rows, one Service per name' {
            $csv = Join-Path $TestDrive 'ports.csv'
            @(
                [pscustomobject]@{ Name = 'payments'; Port = 1800; TargetPort = '8080'; Selector = 'app=payments,tier=backend'; PortName = 'http' }
                [pscustomobject]@{ Name = 'payments'; Port = 9102; TargetPort = 'metrics'; Selector = 'app=payments,tier=backend'; PortName = 'metrics' }
                [pscustomobject]@{ Name = 'frontend'; Port = 80; TargetPort = '3000'; Selector = 'app=frontend'; PortName = 'http' }
            ) | Export-Csv -LiteralPath $csv

            $services = @(Import-Csv -LiteralPath $csv | New-MeshServicePort -ErrorAction Stop)

            @($services | ForEach-Object { "$($_.Metadata.Name):$(@($_.Spec.Ports | ForEach-Object Port) -join '+'):$($_.Spec.Selector['tier'])" }) | Should -Be @('payments:1800+9102:backend', 'frontend:80:')
        }

        It 'refuses <Case> at binding, naming the text' -ForEach @(
            @{ Case = 'a set-based selector'; Text = 'tier in (a,b)'; Term = 'tier in (a' }
            @{ Case = 'an inequality'; Text = 'app!=x'; Term = 'app!=x' }
            @{ Case = 'a bare key'; Text = 'app=web,tier'; Term = 'tier' }
            @{ Case = 'a trailing comma'; Text = 'app=web,'; Term = '' }
        ) {
            { New-MeshServicePort web 80 8080 -Selector $Text } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,MeshOps.PowerShell.Commands.NewMeshServicePortCommand' -ExpectedMessage "*The selector '$Text' is not kubectl's key=value*'$Term' is no key=value term*"
        }

        It 'refuses a label given twice' {
            { New-MeshServicePort web 80 8080 -Selector 'app=a,app=b' } | Should -Throw -ExpectedMessage "*The selector 'app=a,app=b' gives the label 'app' twice*"
        }
    }

    It 'shows a table row under StrictMode and ErrorActionPreference Stop' {
        $text = & { Set-StrictMode -Version Latest; $ErrorActionPreference = 'Stop'; New-MeshServicePort payments 1800 8080 -Selector @{ app = 'payments' } | Out-String -Width 200 }

        $text | Should -Match 'payments\s+ClusterIP\s+1800->8080/TCP\s+app=payments'
    }
}
