# Starts and stops the simulated HashiCups cluster (tests/MeshOps.Simulation) as its own process, so Test-MeshConfig
# reaches it through a kubeconfig exactly as it reaches a real cluster. Used by the live Pester suites and build.ps1 Demo.

function Get-SimulatorPath {
    param([string] $Configuration = 'Release')
    $dll = Join-Path $PSScriptRoot "../../MeshOps.Simulation/bin/$Configuration/net10.0/MeshOps.Simulation.dll"
    if (-not (Test-Path -LiteralPath $dll)) { throw "The simulator is not built: $dll is missing (dotnet build MeshOps.sln -c $Configuration)." }
    (Resolve-Path -LiteralPath $dll).Path
}

<#
.SYNOPSIS
    Starts the simulator and waits for its READY line; returns the process, the kubeconfig path and the token in it.
#>
function Start-SimulatedCluster {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $KubeconfigPath,
        [string] $Seeded,
        [string[]] $RuntimeFault = @(),
        [string[]] $ApiFault = @(),
        [string] $Configuration = 'Release',
        [int] $TimeoutSeconds = 120
    )
    $arguments = [System.Collections.Generic.List[string]]::new()
    foreach ($a in @((Get-SimulatorPath $Configuration), '--kubeconfig', $KubeconfigPath)) { $arguments.Add($a) }
    if ($Seeded) { $arguments.Add('--seeded'); $arguments.Add($Seeded) }
    foreach ($f in $RuntimeFault) { $arguments.Add('--runtime-fault'); $arguments.Add($f) }
    foreach ($f in $ApiFault) { $arguments.Add('--api-fault'); $arguments.Add($f) }

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet', $arguments)
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    # Read stderr in the background so the simulator never blocks on a full pipe; it is kept for a failure message.
    $stderr = $process.StandardError.ReadToEndAsync()
    try {
        $line = $process.StandardOutput.ReadLineAsync()
        if (-not $line.Wait([TimeSpan]::FromSeconds($TimeoutSeconds)) -or $null -eq $line.Result -or -not $line.Result.StartsWith('READY ')) {
            $text = if ($line.IsCompleted) { $line.Result } else { '(nothing in time)' }
            throw "The simulated cluster did not start: stdout '$text'. $(if ($process.HasExited -and $stderr.Wait(5000)) { $stderr.Result })"
        }
    }
    catch {
        Stop-SimulatedCluster ([pscustomobject]@{ Process = $process })
        throw
    }
    $kubeconfig = $line.Result.Substring('READY '.Length)
    $token = (Get-Content -LiteralPath $kubeconfig | Where-Object { $_ -match '^\s*token:\s*(\S+)' } | ForEach-Object { $Matches[1].Trim('"', "'") } | Select-Object -First 1)
    [pscustomobject]@{ Process = $process; Kubeconfig = $kubeconfig; Token = $token; ErrorText = $stderr }
}

<#
.SYNOPSIS
    Stops a simulator started by Start-SimulatedCluster: closes its standard input (it exits), and kills it by its own
    process id only if it has not exited within ten seconds.
#>
function Stop-SimulatedCluster {
    param([Parameter(Mandatory)] $Cluster)
    $process = $Cluster.Process
    if ($null -eq $process) { return }
    try {
        if (-not $process.HasExited) {
            try { $process.StandardInput.Close() } catch { $null = $_ }
            if (-not $process.WaitForExit(10000)) { $process.Kill() ; $null = $process.WaitForExit(5000) }
        }
    }
    finally {
        $process.Dispose()
    }
}

Export-ModuleMember -Function Start-SimulatedCluster, Stop-SimulatedCluster
