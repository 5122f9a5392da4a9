#Requires -Version 7.6
# Export-MeshGraph as a user drives it: a folder of manifests in, a drawing out (pipeline or file), failing edges
# marked, and no drawing at all from a read that was not complete.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    $Healthy = Join-Path $PSScriptRoot '../../examples/hashicups/healthy'
    $Faults = Join-Path $PSScriptRoot '../../examples/hashicups/faults'

    # The healthy set with one fault's files laid over it, as the examples are meant to be read.
    function New-FaultSet([string] $Fault) {
        $folder = Join-Path $TestDrive $Fault
        # Copy-Item into an existing folder would nest a second copy: each set is laid out once.
        if (Test-Path -LiteralPath $folder) { return $folder }
        Copy-Item $Healthy $folder -Recurse
        Get-ChildItem (Join-Path $Faults $Fault) -File | Copy-Item -Destination $folder -Force
        $folder
    }
}

Describe 'Export-MeshGraph parameter contract' -Tag Unit {
    It 'takes -Path at position 0 with wildcards, -LiteralPath, -Format Mermaid|Dot, -OutFile, -NoClobber, -PassThru and -WhatIf' {
        $command = Get-Command Export-MeshGraph
        $command.Parameters['Path'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0].Position | Should -Be 0
        $command.Parameters['LiteralPath'].Aliases | Should -Contain 'PSPath'
        [enum]::GetNames($command.Parameters['Format'].ParameterType) | Should -Be @('Mermaid', 'Dot')
        $command.Parameters.Keys | Should -Contain 'OutFile'
        $command.Parameters.Keys | Should -Contain 'NoClobber'
        $command.Parameters.Keys | Should -Contain 'PassThru'
        $command.Parameters.Keys | Should -Contain 'WhatIf'
    }
}

Describe 'Export-MeshGraph' -Tag Unit {
    It 'draws healthy HashiCups with every call allowed and nothing marked failing' {
        $drawing = Export-MeshGraph $Healthy

        $drawing | Should -Match '^flowchart LR'
        $drawing | Should -Match 'n_default__public_api -->\|"9090 allowed"\| n_default__products_api'
        $drawing | Should -Not -Match 'linkStyle'
    }

    It 'draws piped Test-MeshPath -All results as traced, the broken call marked with its root cause' {
        $folder = New-FaultSet 'MESH101-payments-targetport'

        $traced = Test-MeshPath -All -Path $folder | Export-MeshGraph
        $fromFiles = Export-MeshGraph -Path $folder

        $traced | Should -Match 'n_default__public_api -->\|"1800 allowed MESH101"\| n_default__payments'
        # The same services and calls as drawn from the files.
        @($traced -split "`n" | Where-Object { $_ -match '-->|-\.->|==>' } | ForEach-Object { ($_ -split '\|')[0] + ($_ -split '\|')[-1] } | Sort-Object) |
            Should -Be @($fromFiles -split "`n" | Where-Object { $_ -match '-->|-\.->|==>' } | ForEach-Object { ($_ -split '\|')[0] + ($_ -split '\|')[-1] } | Sort-Object)
    }

    It 'says nothing was piped when the pipeline is empty, and draws nothing' {
        $drawing = @() | Export-MeshGraph -ErrorVariable errors -ErrorAction SilentlyContinue
        $drawing | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.NothingAnalysed*'
    }

    It 'marks the call a targetPort mismatch breaks, naming the rule' {
        $drawing = Export-MeshGraph (New-FaultSet 'MESH101-payments-targetport') -Format Dot

        $line = @($drawing -split "`n" | Where-Object { $_ -match 'n_default__public_api -> n_default__payments' })
        $line | Should -HaveCount 1
        $line[0] | Should -Match 'MESH101'
        $line[0] | Should -Match '#d62728'
    }

    It 'writes a file only when asked, keeps an existing one with -NoClobber, and shows -WhatIf without writing' {
        $file = Join-Path $TestDrive 'mesh.mmd'

        Export-MeshGraph $Healthy -OutFile $file -WhatIf
        Test-Path $file | Should -BeFalse
        $written = Export-MeshGraph $Healthy -OutFile $file -PassThru
        $written.FullName | Should -Be $file
        (Get-Content $file -Raw) | Should -Match '^flowchart LR'

        Set-Content $file 'keep me'
        Export-MeshGraph $Healthy -OutFile $file -NoClobber -ErrorVariable problems -ErrorAction SilentlyContinue
        (Get-Content $file -Raw).Trim() | Should -Be 'keep me'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'MeshOps.OutFileExists,*'
    }

    It 'draws nothing from a read that was not complete' -ForEach @(
        @{ Case = 'a path that does not exist'; Id = 'MeshOps.PathNotFound'; Make = { @($Healthy, (Join-Path $TestDrive 'missing')) } }
        @{ Case = 'a document that cannot be loaded'; Id = 'MeshOps.*'; Make = {
            $folder = Join-Path $TestDrive 'broken'
            Copy-Item $Healthy $folder -Recurse -Force
            Set-Content (Join-Path $folder 'broken.yaml') "kind: Service`nmetadata: [unclosed"
            $folder } }
    ) {
        $paths = & $Make

        $drawing = Export-MeshGraph $paths -ErrorVariable problems -ErrorAction SilentlyContinue

        $drawing | Should -BeNullOrEmpty
        $problems | Should -Not -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
    }
}
