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
        # A file that gets one line per request the API server receives ("METHOD path?query"), for tests that prove what was sent.
        [string] $RequestLogPath,
        [string] $Configuration = 'Release',
        [int] $TimeoutSeconds = 120
    )
    $arguments = [System.Collections.Generic.List[string]]::new()
    foreach ($a in @((Get-SimulatorPath $Configuration), '--kubeconfig', $KubeconfigPath)) { $arguments.Add($a) }
    if ($Seeded) { $arguments.Add('--seeded'); $arguments.Add($Seeded) }
    foreach ($f in $RuntimeFault) { $arguments.Add('--runtime-fault'); $arguments.Add($f) }
    foreach ($f in $ApiFault) { $arguments.Add('--api-fault'); $arguments.Add($f) }
    if ($RequestLogPath) { $arguments.Add('--request-log'); $arguments.Add($RequestLogPath) }

    $process = Start-SimulatorProcess $arguments
    $kubeconfig = (Wait-ReadyLine $process $TimeoutSeconds 'The simulated cluster').Substring('READY '.Length)
    $token = (Get-Content -LiteralPath $kubeconfig | Where-Object { $_ -match '^\s*token:\s*(\S+)' } | ForEach-Object { $Matches[1].Trim('"', "'") } | Select-Object -First 1)
    [pscustomobject]@{ Process = $process; Kubeconfig = $kubeconfig; Token = $token; ErrorText = $process.StandardErrorText }
}

# Starts the simulator with its standard streams redirected; stderr is read in the background so the simulator never
# blocks on a full pipe, and kept (StandardErrorText) for a failure message.
function Start-SimulatorProcess([System.Collections.Generic.List[string]] $Arguments) {
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet', $Arguments)
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $process | Add-Member -NotePropertyName StandardErrorText -NotePropertyValue $process.StandardError.ReadToEndAsync()
    $process
}

# The simulator's READY line; a simulator that prints anything else, or nothing in time, is stopped and named.
function Wait-ReadyLine($Process, [int] $TimeoutSeconds, [string] $What) {
    try {
        $line = $Process.StandardOutput.ReadLineAsync()
        if (-not $line.Wait([TimeSpan]::FromSeconds($TimeoutSeconds)) -or $null -eq $line.Result -or -not $line.Result.StartsWith('READY ')) {
            $text = if ($line.IsCompleted) { $line.Result } else { '(nothing in time)' }
            $stderr = $Process.StandardErrorText
            throw "$What did not start: stdout '$text'. $(if ($Process.HasExited -and $stderr.Wait(5000)) { $stderr.Result })"
        }
    }
    catch {
        Stop-SimulatedCluster ([pscustomobject]@{ Process = $Process })
        throw
    }
    $line.Result
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

<#
.SYNOPSIS
    Starts one Envoy admin on 127.0.0.1 that breaks every answer (MeshOps.Simulation --envoy-admin-fault): slow,
    truncated-length, truncated-chunked, service-unavailable, oversized-length, oversized-chunked, or none. Returns the
    process and the admin URL; stop it with Stop-FaultyEnvoyAdmin.
#>
function Start-FaultyEnvoyAdmin {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Fault,
        [int] $DelaySeconds = 0,
        [string] $Configuration = 'Release',
        [int] $TimeoutSeconds = 60
    )
    $arguments = [System.Collections.Generic.List[string]]::new()
    foreach ($a in @((Get-SimulatorPath $Configuration), '--envoy-admin-fault', $Fault)) { $arguments.Add($a) }
    if ($DelaySeconds -gt 0) { $arguments.Add('--delay-seconds'); $arguments.Add("$DelaySeconds") }
    $process = Start-SimulatorProcess $arguments
    $line = Wait-ReadyLine $process $TimeoutSeconds 'The faulty Envoy admin'
    [pscustomobject]@{ Process = $process; AdminUrl = $line.Substring('READY '.Length).TrimEnd('/') }
}

<# .SYNOPSIS Stops an admin started by Start-FaultyEnvoyAdmin, as Stop-SimulatedCluster stops a cluster. #>
function Stop-FaultyEnvoyAdmin {
    param([Parameter(Mandatory)] $Admin)
    Stop-SimulatedCluster $Admin
}

Export-ModuleMember -Function Start-SimulatedCluster, Stop-SimulatedCluster, Start-FaultyEnvoyAdmin, Stop-FaultyEnvoyAdmin
