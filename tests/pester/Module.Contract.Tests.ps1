#Requires -Version 7.6
# The module's public surface as a whole: the manifest, the exported cmdlets, dependency isolation. Each cmdlet's own
# parameter contract is in its <Cmdlet>.Tests.ps1. These tests fail when someone renames a cmdlet, a path or a
# parameter that scripts depend on; change them only together with a deliberate, announced break.

BeforeAll {
    $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $ManifestPath = Join-Path $RepoRoot 'artifacts/MeshOps/MeshOps.psd1'
    $Module = Import-Module $ManifestPath -Force -PassThru
}

Describe 'The module manifest' -Tag Unit {
    It 'is built at artifacts/MeshOps/MeshOps.psd1' {
        $ManifestPath | Should -Exist
        { Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'lists its cmdlets explicitly, and they are exactly the exported ones' {
        $data = Import-PowerShellDataFile -LiteralPath $ManifestPath
        $data.CmdletsToExport | Should -Not -BeNullOrEmpty
        $data.CmdletsToExport | Should -Not -Match '\*'
        $exported = (Get-Command -Module $Module.Name -CommandType Cmdlet).Name | Sort-Object
        @($data.CmdletsToExport | Sort-Object) | Should -Be $exported
        # Aliases (Get-EnvoyStats) are listed too, and each names an exported cmdlet.
        @($data.AliasesToExport | Sort-Object) | Should -Be @((Get-Command -Module $Module.Name -CommandType Alias).Name | Sort-Object)
        (Get-Command -Module $Module.Name -CommandType Alias).ResolvedCommand.Name | ForEach-Object { $_ | Should -BeIn $exported }
    }

    It 'exports no functions, variables or wildcard aliases' {
        $data = Import-PowerShellDataFile -LiteralPath $ManifestPath
        @($data.FunctionsToExport) | Should -HaveCount 0
        @($data.VariablesToExport) | Should -HaveCount 0
        $data.AliasesToExport | Should -Not -Match '\*'
    }
}

Describe 'Cmdlet <_>' -Tag Unit -ForEach @((Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1')).CmdletsToExport) {
    It 'declares its output type' {
        (Get-Command -Name $_).OutputType | Should -Not -BeNullOrEmpty
    }
}

# Integration: it imports the module in a new process and analyses text there.
Describe 'Dependency isolation' -Tag Integration {
    BeforeDiscovery {
        # Another YamlDotNet than the module ships, if the NuGet cache holds one (KubernetesClient's restore brings 18.0.0).
        $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else {
            ((dotnet nuget locals global-packages --list | Select-Object -First 1) -replace '^global-packages:\s*', '').Trim()
        }
        $shipped = [System.Diagnostics.FileVersionInfo]::GetVersionInfo(
            (Join-Path $PSScriptRoot '../../artifacts/MeshOps/dependencies/YamlDotNet.dll')).FileVersion
        $OtherYaml = Get-ChildItem -Path (Join-Path $packages 'yamldotnet/*/lib/net*.0/YamlDotNet.dll') -ErrorAction SilentlyContinue |
            Where-Object { $_.VersionInfo.FileVersion -ne $shipped } |
            Select-Object -First 1 -ExpandProperty FullName
        # Another KubernetesClient from the NuGet cache: a different version when the cache holds one, else the same
        # version's own copy. The same version is the harder case: the default context then binds this module's own
        # reference to KubernetesClient to the copy already loaded there, where a lower version would make it ask us.
        $shippedKubernetes = [System.Diagnostics.FileVersionInfo]::GetVersionInfo(
            (Join-Path $PSScriptRoot '../../artifacts/MeshOps/dependencies/KubernetesClient.dll')).FileVersion
        $OtherKubernetes = Get-ChildItem -Path (Join-Path $packages 'kubernetesclient/*/lib/net10.0/KubernetesClient.dll') -ErrorAction SilentlyContinue |
            Sort-Object { $_.VersionInfo.FileVersion -eq $shippedKubernetes } |
            Select-Object -First 1 -ExpandProperty FullName
    }

    It 'works in a session where another module already loaded a different YamlDotNet' -Skip:(-not $OtherYaml) -ForEach @(@{ OtherYaml = $OtherYaml }) {
        $script = {
            param($OtherYaml, $Manifest)
            $ErrorActionPreference = 'Stop'
            # Escape codes in its output would end up in the test report, where XML cannot hold them.
            $PSStyle.OutputRendering = 'PlainText'
            Add-Type -LiteralPath $OtherYaml
            Import-Module $Manifest
            # A flow mapping: plain block YAML is read without YamlDotNet, and this test needs it loaded.
            $findings = @('apiVersion: v1', 'kind: Service', 'metadata: {name: payments}' | Test-MeshConfig)
            $meshOpsYaml = [System.Runtime.Loader.AssemblyLoadContext]::All.Where({ $_.Name -eq 'MeshOps' }).Assemblies.Where({ $_.GetName().Name -eq 'YamlDotNet' })
            $defaultYaml = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies.Where({ $_.GetName().Name -eq 'YamlDotNet' })
            [pscustomobject]@{
                Findings    = $findings.Count
                DefaultYaml = @($defaultYaml.Location)
                MeshOpsYaml = @($meshOpsYaml.Location)
            } | ConvertTo-Json -Compress
        }
        $command = "& { $script } -OtherYaml '$OtherYaml' -Manifest '$ManifestPath'"
        Push-Location $RepoRoot
        try {
            # A process of its own: assembly loading is process-wide, and this one has already imported MeshOps.
            $output = dotnet pwsh -NoProfile -NonInteractive -Command $command 2>&1
        }
        finally {
            Pop-Location
        }

        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $result = ($output | Select-Object -Last 1) | ConvertFrom-Json
        $result.DefaultYaml | Should -Be @($OtherYaml)
        $result.MeshOpsYaml | Should -HaveCount 1
        $result.MeshOpsYaml[0] | Should -BeLike '*artifacts*MeshOps*dependencies*YamlDotNet.dll'
    }

    It 'reads a live cluster in a session where another module already loaded a KubernetesClient' -Skip:(-not $OtherKubernetes) -ForEach @(@{ OtherKubernetes = $OtherKubernetes }) {
        Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force
        $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig-isolation')
        $script = {
            param($OtherKubernetes, $Manifest, $Kubeconfig)
            $ErrorActionPreference = 'Stop'
            $PSStyle.OutputRendering = 'PlainText'
            Add-Type -LiteralPath $OtherKubernetes
            # Used, not only loaded, as the other module would: its client types are resolved in the default context.
            $null = [k8s.KubernetesClientConfiguration]::new()
            Import-Module $Manifest
            # Stop: a live read that failed, or read nothing, is an error and ends the script.
            $live = @(Test-MeshConfig -Kubeconfig $Kubeconfig | ForEach-Object RuleId | Sort-Object -Unique)
            $offline = @(Test-MeshConfig -Path examples/hashicups/healthy | ForEach-Object RuleId | Sort-Object -Unique)
            $line = "Test-MeshPath -Kubeconfig '$Kubeconfig' -From pub"
            # Completion waits briefly for a cluster and keeps what arrives late for the next Tab: press it until it answers.
            $completed = foreach ($tab in 1..20) {
                $offered = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
                if ($offered) { $offered; break }
            }
            $meshOps = [System.Runtime.Loader.AssemblyLoadContext]::All.Where({ $_.Name -eq 'MeshOps' }).Assemblies.Where({ $_.GetName().Name -eq 'KubernetesClient' })
            $default = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies.Where({ $_.GetName().Name -eq 'KubernetesClient' })
            [pscustomobject]@{
                Live              = $live
                Offline           = $offline
                Completed         = @($completed)
                DefaultKubernetes = @($default.Location)
                MeshOpsKubernetes = @($meshOps.Location)
            } | ConvertTo-Json -Compress
        }
        $command = "& { $script } -OtherKubernetes '$OtherKubernetes' -Manifest '$ManifestPath' -Kubeconfig '$($cluster.Kubeconfig)'"
        Push-Location $RepoRoot
        try {
            $output = dotnet pwsh -NoProfile -NonInteractive -Command $command 2>&1
        }
        finally {
            Pop-Location
            Stop-SimulatedCluster $cluster
        }

        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $result = ($output | Select-Object -Last 1) | ConvertFrom-Json
        # The simulated cluster runs the healthy manifests: the live read finds what the files show.
        @($result.Live) | Should -Be @($result.Offline)
        $result.Completed | Should -Be @('public-api')
        $result.DefaultKubernetes | Should -Be @($OtherKubernetes)
        $result.MeshOpsKubernetes | Should -HaveCount 1
        $result.MeshOpsKubernetes[0] | Should -BeLike '*artifacts*MeshOps*dependencies*KubernetesClient.dll'
    }
}
