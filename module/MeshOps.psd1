@{
    RootModule           = 'MeshOps.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '847065c5-ab27-4ac8-adb6-2654ee178aa2'
    Author               = 'MeshOps'
    CompanyName          = 'MeshOps'
    Copyright            = '(c) MeshOps. All rights reserved.'
    Description          = 'Offline analysis of HashiCorp Consul service mesh configuration in Kubernetes manifests.'
    # The cmdlets are built for .NET 10, which PowerShell runs on from 7.6; older hosts could not load them.
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('MeshOps.Format.ps1xml')
    CmdletsToExport      = @('ConvertTo-MeshYaml', 'Export-MeshGraph', 'Get-EnvoyCertificate', 'Get-EnvoyCluster', 'Get-EnvoyConfig', 'Get-EnvoyListener', 'Get-EnvoyRoute', 'Get-EnvoyServerInfo', 'Get-EnvoyStatistic', 'Get-MeshRule', 'New-MeshIntention', 'Resolve-MeshError', 'Test-EnvoyReady', 'Test-MeshConfig', 'Test-MeshPath',
        # Issue 14: generate, read and compare, apply
        'Compare-MeshConfig', 'Export-MeshManifest', 'Get-MeshConfig', 'Get-MeshIntention', 'Get-MeshServiceDefault', 'Import-MeshManifest',
        'New-MeshServiceAccount', 'New-MeshServiceDefault', 'New-MeshServicePort', 'Publish-MeshConfig', 'Test-MeshIntention',
        # Issue 15: Pester ops checks and their CI run
        'New-MeshCheckSuite', 'Invoke-MeshCheck')
    FunctionsToExport    = @()
    AliasesToExport      = @('Get-EnvoyStats')
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags = @('Consul', 'ServiceMesh', 'Kubernetes', 'Lint')
        }
    }
}
