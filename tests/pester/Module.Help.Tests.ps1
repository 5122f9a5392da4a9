#Requires -Version 7.6
# Every exported cmdlet has help a user can rely on: synopsis, description, examples, every parameter described.

BeforeDiscovery {
    $manifest = Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1'
    $module = Import-Module $manifest -Force -PassThru
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    $Commands = foreach ($command in Get-Command -Module $module.Name -CommandType Cmdlet) {
        @{
            Name       = $command.Name
            Parameters = @($command.Parameters.Keys | Where-Object { $_ -notin $common } | ForEach-Object { @{ Parameter = $_ } })
        }
    }
}

Describe 'Help for <Name>' -Tag Unit -ForEach $Commands {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
        $help = Get-Help -Name $Name -Full
    }

    It 'comes from the MAML file, not from the generated stub' {
        # Without a help file PowerShell makes one up whose synopsis is the syntax line.
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$Name *"
    }

    It 'has a description' {
        ($help.Description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example with code and remarks' {
        $examples = @($help.Examples.Example)
        $examples.Count | Should -BeGreaterOrEqual 1
        foreach ($example in $examples) {
            $example.Code | Should -Not -BeNullOrEmpty
            ($example.Remarks.Text -join ' ') | Should -Not -BeNullOrEmpty
        }
    }

    It 'shows its examples with Get-Help -Examples' {
        (Get-Help -Name $Name -Examples | Out-String) | Should -Match 'Example 1'
    }

    It 'describes -<Parameter>' -ForEach $Parameters {
        $parameterHelp = $help.Parameters.Parameter | Where-Object Name -EQ $Parameter
        $parameterHelp | Should -Not -BeNullOrEmpty
        ($parameterHelp.Description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }
}
