#Requires -Version 7.6
# New-MeshServiceAccount as a user drives it: the built module and KubernetesClient's V1ServiceAccount. Its parameter
# contract fails when someone renames a parameter; change it only together with a deliberate, announced break.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
}

Describe 'New-MeshServiceAccount parameter contract' -Tag Unit {
    BeforeAll { $Command = Get-Command New-MeshServiceAccount }

    It 'is an exported cmdlet writing V1ServiceAccount, -Name mandatory at position 0' {
        $Command.CommandType | Should -Be 'Cmdlet'
        $Command.OutputType.Name | Should -Be 'k8s.Models.V1ServiceAccount'
        $name = $Command.Parameters['Name'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0]
        $name.Position | Should -Be 0
        $name.Mandatory | Should -BeTrue
        $name.ValueFromPipelineByPropertyName | Should -BeTrue
    }

    It 'takes -Namespace and the switch -AutomountServiceAccountToken' {
        $Command.Parameters['Namespace'].ParameterType | Should -Be ([string])
        $Command.Parameters['AutomountServiceAccountToken'].ParameterType | Should -Be ([switch])
    }
}

Describe 'New-MeshServiceAccount' -Tag Unit {
    It 'writes a v1 ServiceAccount; the token mount is set only when the switch is given' {
        $on = New-MeshServiceAccount products-api -Namespace shop -AutomountServiceAccountToken
        $off = New-MeshServiceAccount products-api -AutomountServiceAccountToken:$false
        $unset = New-MeshServiceAccount products-api

        $on.PSObject.TypeNames[0] | Should -Be 'k8s.Models.V1ServiceAccount'
        $on | ConvertTo-MeshYaml | Should -Be "apiVersion: v1`nautomountServiceAccountToken: true`nkind: ServiceAccount`nmetadata:`n  name: products-api`n  namespace: shop`n"
        $off.AutomountServiceAccountToken | Should -BeFalse
        $unset.AutomountServiceAccountToken | Should -BeNullOrEmpty
        $unset | ConvertTo-MeshYaml | Should -Not -Match 'automount'
    }

    It 'refuses a name the API server refuses, with its words' {
        $written = New-MeshServiceAccount 'Products API' -ErrorVariable refused -ErrorAction SilentlyContinue

        $written | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -Be 'MeshOps.InvalidMeshObject,MeshOps.PowerShell.Commands.NewMeshServiceAccountCommand'
        $refused[0].Exception.Message | Should -BeLike 'metadata.name: Invalid value: "Products API": a lowercase RFC 1123 subdomain*'
    }

    It 'shows a table row under StrictMode and ErrorActionPreference Stop' {
        $text = & { Set-StrictMode -Version Latest; $ErrorActionPreference = 'Stop'; New-MeshServiceAccount web -AutomountServiceAccountToken | Out-String -Width 200 }

        $text | Should -Match 'web\s+True'
    }
}
