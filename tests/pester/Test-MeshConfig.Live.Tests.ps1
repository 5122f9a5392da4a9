#Requires -Version 7.6
# Live Test-MeshConfig (no -Path) against the simulated HashiCups cluster, run as its own process
# (tests/MeshOps.Simulation) and reached through a kubeconfig exactly as a real cluster is. The cluster is simulated:
# Kubernetes, Consul and Envoy cannot run on these machines.

BeforeDiscovery {
    # A representative seeded fault per family; SimulatedClusterParityTests (xunit) runs every fault a cluster can hold
    # through the same SDK in-process. MESH207 (two copies of one object) and MESH503 (a Deployment whose selector does
    # not match its template) cannot be applied to a cluster at all.
    $Seeded = @(
        'MESH101-payments-targetport'
        'MESH108-two-services'
        'MESH201-missing-intention'
        'MESH301-postgres-http'
        'MESH401-missing-serviceaccount'
        'MESH502-payments-outside-mesh'
        'MESH601-password-in-configmap'
    ) | ForEach-Object { @{ Fault = $_ } }

    # Runtime faults no manifest shows. Rule is the rule that reports the fault from the status the cluster gives;
    # a service missing from Consul's catalog needs the Consul client in the live snapshot, which reads Kubernetes only
    # so far: until then live analysis must report exactly what it reports on the healthy cluster, and never fail.
    $RuntimeFaults = @(
        @{ Fault = 'crashloop:payments'; Rule = 'MESH901'; Shows = 'CrashLoopBackOff' }
        @{ Fault = 'sidecar-not-ready:products-api'; Rule = 'MESH902'; Shows = 'ContainersNotReady' }
        @{ Fault = 'no-ready-endpoints:postgres'; Rule = 'MESH903'; Shows = 'notReadyAddresses' }
        @{ Fault = 'missing-from-catalog:payments'; Rule = $null; Shows = $null }
    )

    # What the API server does wrong on every request, and the words a clear error uses for it.
    $ApiFaults = @(
        @{ Kind = 'latency'; Says = 'time' }
        @{ Kind = 'server-error'; Says = '500|Internal Server Error' }
        @{ Kind = 'too-many-requests'; Says = '429|Too Many Requests' }
        @{ Kind = 'drop-connection'; Says = '.' }
        @{ Kind = 'truncated-body'; Says = '.' }
        @{ Kind = 'expired-token'; Says = 'expired|refused|Unauthorized|401' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../artifacts/MeshOps/MeshOps.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Support/SimulatedCluster.psm1') -Force

    $Examples = Join-Path $PSScriptRoot '../../examples/hashicups'

    # The files of healthy/ with a fault folder laid over it, as examples/hashicups/README.md says.
    function Get-HashiCupsFiles([string] $Fault) {
        $healthy = @(Get-ChildItem -LiteralPath (Join-Path $Examples 'healthy') -File)
        if (-not $Fault) { return $healthy }
        $faultFiles = @(Get-ChildItem -LiteralPath (Join-Path $Examples "faults/$Fault") -File)
        @($healthy | Where-Object Name -notin $faultFiles.Name) + $faultFiles
    }

    # A run without findings gives $null, which ForEach-Object refuses; it is an empty set of rule IDs.
    function Get-RuleIds($Findings) { @($Findings | Where-Object { $null -ne $_ } | ForEach-Object RuleId | Sort-Object -Unique) }

    # Every view of what the cmdlet wrote: the streams as they printed, and the error records in full.
    function Get-AllText($Streams, $Errors) {
        ($Streams | Out-String -Width 500) + ($Errors | Format-List * -Force | Out-String -Width 500) +
            ($Errors | ForEach-Object { $_.Exception } | Format-List * -Force | Out-String -Width 500)
    }

    # A short timeout where the cmdlet offers one, so the latency case does not wait for the default budget.
    $TimeoutParameter = @{}
    if ((Get-Command Test-MeshConfig).Parameters.ContainsKey('TimeoutSec')) { $TimeoutParameter = @{ TimeoutSec = 5 } }
}

Describe 'Test-MeshConfig on a live (simulated) cluster' -Tag Integration {
    Context 'seeded fault <Fault>' -ForEach $Seeded {
        It 'reports the rule IDs that -Path reports on the same files' {
            $fromFiles = Get-RuleIds (Test-MeshConfig -Path (Get-HashiCupsFiles $Fault).FullName)
            $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive "kubeconfig-$Fault") -Seeded $Fault
            try {
                $live = @(Test-MeshConfig -Kubeconfig $cluster.Kubeconfig -ErrorAction Stop)
            }
            finally {
                Stop-SimulatedCluster $cluster
            }

            $Fault.Substring(0, 7) | Should -BeIn $fromFiles
            # The runtime rules (MESH9xx) also report what the fault does to the running pods, which files cannot show.
            @(Get-RuleIds $live | Where-Object { $_ -notlike 'MESH9*' }) | Should -Be $fromFiles
            # Live findings name the object, not a file.
            @($live | Where-Object { "$($_.Location)" -match '\.yaml' }) | Should -BeNullOrEmpty
        }
    }

    Context 'healthy' {
        It 'reports what -Path reports on the healthy files, -Quiet is $true, and -Namespace and -Context select the same' {
            $fromFiles = Get-RuleIds (Test-MeshConfig -Path (Get-HashiCupsFiles).FullName)
            $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive 'kubeconfig-healthy')
            try {
                $live = @(Test-MeshConfig -Kubeconfig $cluster.Kubeconfig -ErrorAction Stop)
                $named = @(Test-MeshConfig -Kubeconfig $cluster.Kubeconfig -Context simulated -Namespace default -ErrorAction Stop)
                $quiet = Test-MeshConfig -Kubeconfig $cluster.Kubeconfig -Quiet -ErrorAction Stop
            }
            finally {
                Stop-SimulatedCluster $cluster
            }

            Get-RuleIds $live | Should -Be $fromFiles
            Get-RuleIds $named | Should -Be $fromFiles
            $quiet | Should -Be (@($fromFiles).Count -eq 0)
        }
    }

    Context 'runtime fault <Fault>' -ForEach $RuntimeFaults {
        It 'is reported by its rule, or (no rule covers it yet) changes nothing the analysis reports' {
            $healthy = Get-RuleIds (Test-MeshConfig -Path (Get-HashiCupsFiles).FullName)
            $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive "kubeconfig-$($Fault -replace ':', '-')") -RuntimeFault $Fault
            try {
                $live = Get-RuleIds (Test-MeshConfig -Kubeconfig $cluster.Kubeconfig -ErrorAction Stop)
                $shown = if ($Shows -and (Get-Command kubectl -ErrorAction Ignore)) {
                    $env:KUBECONFIG, $saved = $cluster.Kubeconfig, $env:KUBECONFIG
                    try { kubectl get pods,endpoints -o json | Out-String } finally { $env:KUBECONFIG = $saved }
                }
            }
            finally {
                Stop-SimulatedCluster $cluster
            }

            if ($Rule) {
                $Rule | Should -BeIn $live
                # Nothing the healthy cluster does not show, beyond the runtime rules the fault explains.
                @($live | Where-Object { $_ -notin $healthy -and $_ -notlike 'MESH9*' }) | Should -BeNullOrEmpty
            }
            else {
                $live | Should -Be $healthy
            }
            if ($shown) { $shown | Should -Match $Shows }
        }
    }

    Context 'the API server fails: <Kind>' -ForEach $ApiFaults {
        It 'gives a clear error naming the endpoint, -Quiet is $false, and the token is in no stream' {
            $cluster = Start-SimulatedCluster -KubeconfigPath (Join-Path $TestDrive "kubeconfig-$Kind") -ApiFault $Kind
            try {
                $server = (Get-Content -LiteralPath $cluster.Kubeconfig | Select-String -Pattern 'server:\s*(\S+)').Matches[0].Groups[1].Value
                # Dot-sourced, so -ErrorVariable sets $errors here rather than in a child scope.
                $streams = . {
                    Test-MeshConfig -Kubeconfig $cluster.Kubeconfig -Quiet -Verbose -Debug @TimeoutParameter -ErrorVariable errors -ErrorAction SilentlyContinue
                } *>&1
            }
            finally {
                Stop-SimulatedCluster $cluster
            }

            $output = @($streams | Where-Object { $_ -is [bool] })
            $output | Should -Be @($false)
            $errors.Count | Should -BeGreaterThan 0
            $message = "$($errors[0])"
            $message | Should -Match ([regex]::Escape(([uri]$server).Authority))
            $message | Should -Match $Says
            $cluster.Token | Should -Not -BeNullOrEmpty
            Get-AllText $streams $errors | Should -Not -Match ([regex]::Escape($cluster.Token))
        }
    }
}
