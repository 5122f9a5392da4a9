# Generated with: New-MeshCheckSuite -Path examples/hashicups/healthy -OutFile examples/ops-checks/hashicups.Tests.ps1
# (run from the repository root), then edited by hand: the -Because reasons on the calls the shop cannot take orders
# without, and the comments naming what each service is. Regenerate with -Force and keep these edits in the diff.
<#
    Mesh checks written by New-MeshCheckSuite from examples/hashicups/healthy.
    Every call an intention allows must get through; every other pair of mesh services must be denied (zero trust).
    Run:  Invoke-Pester -Container (New-PesterContainer -Path <this file> -Data @{ Path = '<other manifests>' })
    Live: Invoke-Pester -Container (New-PesterContainer -Path <this file> -Data @{ Live = $true; Context = '<context>' })
    Edit freely: regenerating writes the expectations of the manifests again, so review the diff.
#>
param(
    # The manifests to check; by default the ones the suite was generated from.
    [string[]] $Path = @((Join-Path $PSScriptRoot '../hashicups/healthy')),
    # Checks the cluster of the current kubeconfig context (or -Context, -Kubeconfig) instead of manifests.
    [switch] $Live,
    [string] $Context,
    [string] $Kubeconfig,
    # Live: the namespace read; the context's by default.
    [string] $Namespace
)

BeforeAll {
    # The installed module; to check with a build, import its manifest first (Import-Module ./artifacts/MeshOps/MeshOps.psd1).
    if (-not (Get-Module MeshOps)) { Import-Module MeshOps -ErrorAction Stop }
    # What every check reads: the manifests, or the cluster with -Live or when no path is given.
    $Mesh = @{}
    if ($Live -or -not $Path) {
        if ($Context) { $Mesh.Context = $Context }
        if ($Kubeconfig) { $Mesh.Kubeconfig = $Kubeconfig }
        if ($Namespace) { $Mesh.Namespace = $Namespace }
    }
    else {
        $Mesh.Path = $Path
    }
    # The mesh services, as Consul names them: each source must be denied by all but the ones it may call.
    $Services = @(
        'frontend'
        'nginx'
        'payments'
        'postgres'
        'products-api'
        'public-api'
    )
}

Describe 'configuration' {
    It 'has no mesh errors' {
        Test-MeshConfig @Mesh -ErrorAction Stop | Should -HaveNoMeshFinding
    }
}

Describe 'frontend' {
    It 'frontend is denied everywhere else (zero trust)' {
        $others = $Services.Where({ $_ -notin 'frontend' })
        Test-MeshIntention -Source 'frontend' -Destination $others @Mesh -ErrorAction Stop | Should -BeDenied
    }
}

# nginx is the ingress: it serves the UI (frontend) and proxies the API (public-api).
Describe 'nginx' {
    It 'nginx reaches frontend' {
        Should -BeReachable -From 'nginx' -To 'frontend' @Mesh
    }
    It 'nginx reaches public-api' {
        Should -BeReachable -From 'nginx' -To 'public-api' @Mesh
    }
    It 'nginx is denied everywhere else (zero trust)' {
        $others = $Services.Where({ $_ -notin 'frontend', 'nginx', 'public-api' })
        Test-MeshIntention -Source 'nginx' -Destination $others @Mesh -ErrorAction Stop | Should -BeDenied
    }
}

Describe 'payments' {
    It 'payments is denied everywhere else (zero trust)' {
        $others = $Services.Where({ $_ -notin 'payments' })
        Test-MeshIntention -Source 'payments' -Destination $others @Mesh -ErrorAction Stop | Should -BeDenied
    }
}

Describe 'postgres' {
    It 'postgres is denied everywhere else (zero trust)' {
        $others = $Services.Where({ $_ -notin 'postgres' })
        Test-MeshIntention -Source 'postgres' -Destination $others @Mesh -ErrorAction Stop | Should -BeDenied
    }
}

# products-api is the only service that may talk to the database.
Describe 'products-api' {
    It 'products-api reaches postgres' {
        Should -BeReachable -From 'products-api' -To 'postgres' @Mesh -Because 'the catalogue lives in postgres'
    }
    It 'products-api is denied everywhere else (zero trust)' {
        $others = $Services.Where({ $_ -notin 'postgres', 'products-api' })
        Test-MeshIntention -Source 'products-api' -Destination $others @Mesh -ErrorAction Stop | Should -BeDenied
    }
}

# public-api is the GraphQL gateway: the catalogue comes from products-api, orders are paid through payments.
Describe 'public-api' {
    It 'public-api reaches payments' {
        Should -BeReachable -From 'public-api' -To 'payments' @Mesh -Because 'orders cannot be paid otherwise'
    }
    It 'public-api reaches products-api' {
        Should -BeReachable -From 'public-api' -To 'products-api' @Mesh -Because 'the shop shows no coffee otherwise'
    }
    It 'public-api is denied everywhere else (zero trust)' {
        $others = $Services.Where({ $_ -notin 'payments', 'products-api', 'public-api' })
        Test-MeshIntention -Source 'public-api' -Destination $others @Mesh -ErrorAction Stop | Should -BeDenied
    }
}
