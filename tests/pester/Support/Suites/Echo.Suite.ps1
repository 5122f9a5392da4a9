# Reports, in its one test's name, the data Invoke-MeshCheck passed and the live defaults it set for the run.
param(
    [string[]] $Path = @('default-manifests'),
    [switch] $Live,
    [string] $Context = 'no-context'
)

Describe 'what the suite was given' {
    It 'Path=<Path>;Live=<Live>;Context=<Context>;DefaultContext=<DefaultContext>;DefaultKubeconfig=<DefaultKubeconfig>;DefaultNamespace=<DefaultNamespace>;KUBECONFIG=<Env>' -ForEach @(@{
            Path              = $Path -join ','
            Live              = [bool] $Live
            Context           = $Context
            DefaultContext    = $PSDefaultParameterValues['Test-MeshPath:Context']
            DefaultKubeconfig = $PSDefaultParameterValues['Test-MeshPath:Kubeconfig']
            DefaultNamespace  = $PSDefaultParameterValues['Test-MeshPath:Namespace']
            Env               = $env:KUBECONFIG
        }) {
        $true | Should -BeTrue
    }
}
