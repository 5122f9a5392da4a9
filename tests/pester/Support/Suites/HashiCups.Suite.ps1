# An ops-check suite as New-MeshCheckSuite writes them, with plain Pester assertions instead of its Should operators:
# $Path defaults to the manifests it was made from (the healthy HashiCups), and $Live turns the same checks to the cluster.
# Named .Suite.ps1, not .Tests.ps1, so the repository's own Pester run does not pick it up: Invoke-MeshCheck runs it.
param(
    [string[]] $Path = (Join-Path $PSScriptRoot '../../../../examples/hashicups/healthy'),
    [switch] $Live
)

BeforeDiscovery {
    # Live, each trace samples the sidecars' stats; a short interval keeps the run quick.
    $Source = if ($Live) { @{ SampleInterval = 0.2 } } else { @{ Path = $Path } }
}

Describe 'HashiCups call paths' -ForEach @(@{ Source = $Source }) {
    It '<From> reaches <To>' -ForEach @(
        @{ From = 'nginx'; To = 'public-api' }
        @{ From = 'public-api'; To = 'products-api' }
        @{ From = 'public-api'; To = 'payments' }
    ) {
        $trace = Test-MeshPath -From $From -To $To @Source -ErrorAction Stop
        $trace.Passed | Should -BeTrue -Because $trace.Verdict
    }

    It 'frontend is denied public-api' {
        $trace = Test-MeshPath -From frontend -To public-api @Source -ErrorAction Stop
        "$($trace.RootCause)" | Should -Be 'Intention' -Because $trace.Verdict
    }
}
