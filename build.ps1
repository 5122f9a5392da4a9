<#
.SYNOPSIS
    Builds, demonstrates and tests MeshOps.
.DESCRIPTION
    Run with: dotnet tool restore && dotnet pwsh -NoProfile -File build.ps1 <Task>

      Build   dotnet build MeshOps.sln; the module is laid out in artifacts/MeshOps.
      Demo    Build (Release), then Test-MeshConfig on examples/hashicups and on the C# HashiCups.Mesh's YAML, in a fresh pwsh,
              and last live Test-MeshConfig against HashiCups on a simulated cluster with a pod in CrashLoopBackOff.
      Test    Build (Release), xunit with TRX results, Pester in a fresh pwsh; prints 'N passed, N failed' last
              and exits non-zero on any failure, including a step that could not run.
      Pester  The Pester suites against the already built module, in this process (Test runs it in a fresh one).
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Demo', 'Test', 'Pester', 'DemoInProcess')]
    [string] $Task = 'Test',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
if ([Console]::IsOutputRedirected) { $PSStyle.OutputRendering = 'PlainText' }

$RepoRoot = $PSScriptRoot
$Solution = Join-Path $RepoRoot 'MeshOps.sln'
$ModuleManifest = Join-Path $RepoRoot 'artifacts/MeshOps/MeshOps.psd1'
$ResultsDirectory = Join-Path $RepoRoot 'artifacts/test-results'
$PesterVersion = '5.7.1'

function Write-Step([string] $Text) { Write-Host "==> $Text" }

# Runs a native command; returns its exit code instead of throwing, so a failed step can be counted.
function Invoke-Native([string] $Command, [string[]] $Arguments) {
    & $Command @Arguments | Out-Host
    $LASTEXITCODE
}

function Invoke-SolutionBuild {
    Write-Step "dotnet build MeshOps.sln -c $Configuration"
    Invoke-Native dotnet @('build', $Solution, '-c', $Configuration, '-nologo', '-v:quiet', '-clp:NoSummary')
}

# Starts this script in a new pwsh, so the module under test is imported into a clean session.
function Invoke-FreshPwsh([string] $InnerTask) {
    Invoke-Native dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-File', $PSCommandPath, $InnerTask, '-Configuration', $Configuration)
}

function Get-PesterManifest {
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) {
        $line = dotnet nuget locals global-packages --list | Select-Object -First 1
        $packages = ($line -replace '^global-packages:\s*', '').Trim()
    }
    Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1"
}

function Invoke-Demo {
    $examples = Join-Path $RepoRoot 'examples/hashicups'
    Import-Module $ModuleManifest -Force
    # From the example folder, locations print as short relative paths.
    Push-Location -LiteralPath $examples
    try {
        Show-Findings 'healthy' @(Get-ChildItem -LiteralPath 'healthy' -File)
        foreach ($fault in Get-ChildItem -LiteralPath 'faults' -Directory | Sort-Object Name) {
            # A fault folder holds only the files that differ from healthy/: it is laid over the healthy set.
            $replaced = @(Get-ChildItem -LiteralPath $fault.FullName -File).Name
            $files = @(Get-ChildItem -LiteralPath 'healthy' -File | Where-Object Name -notin $replaced) + @(Get-ChildItem -LiteralPath $fault.FullName -File)
            Show-Findings "healthy + faults/$($fault.Name)" $files
        }
        # The call a user of that fault would trace: public-api -> payments with the Service port sent to the wrong port.
        $fault = 'faults/MESH101-payments-targetport'
        $files = @(Get-ChildItem -LiteralPath 'healthy' -File | Where-Object Name -notin @(Get-ChildItem -LiteralPath $fault -File).Name) + @(Get-ChildItem -LiteralPath $fault -File)
        Write-Host ''
        Write-Host "=== offline: Test-MeshPath -From public-api -To payments -Path (healthy + $fault) -Detailed ==="
        Test-MeshPath -From public-api -To payments -Path $files.FullName -Detailed -ErrorAction Continue | Out-String -Width 160 | Write-Host
    }
    finally {
        Pop-Location
    }
    # The same mesh declared in C# (examples/HashiCups.Mesh, checked by the compiler): its ToYaml() through the same analysis.
    $typedMesh = Join-Path $RepoRoot "examples/HashiCups.Mesh/bin/$Configuration/net10.0/HashiCups.Mesh.dll"
    $yaml = @(dotnet $typedMesh)
    if ($LASTEXITCODE -ne 0) { throw "dotnet $typedMesh failed (exit code $LASTEXITCODE)." }
    Show-Findings 'examples/HashiCups.Mesh (C#): ToYaml()' $yaml
    Show-LiveFindings
}

# The end of the demo: live Test-MeshConfig (no -Path) against HashiCups on a simulated cluster, a process of
# tests/MeshOps.Simulation reached through a kubeconfig as a real cluster is, carrying one seeded and one runtime fault.
function Show-LiveFindings {
    Import-Module (Join-Path $RepoRoot 'tests/pester/Support/SimulatedCluster.psm1') -Force
    $kubeconfig = Join-Path ([System.IO.Path]::GetTempPath()) "meshops-demo-$PID.kubeconfig"
    $seeded = 'MESH101-payments-targetport'
    $runtime = 'crashloop:payments'
    Write-Host ''
    Write-Host "=== live: Test-MeshConfig -Kubeconfig $kubeconfig ==="
    $cluster = Start-SimulatedCluster -KubeconfigPath $kubeconfig -Seeded $seeded -RuntimeFault $runtime -Configuration $Configuration
    try {
        Write-Host "THIS CLUSTER IS SIMULATED: an in-process Kubernetes API server, Consul and Envoy on 127.0.0.1 (tests/MeshOps.Simulation),"
        Write-Host "running HashiCups with the seeded fault $seeded and the runtime fault $runtime (payments in CrashLoopBackOff)."
        $findings = @(Test-MeshConfig -Kubeconfig $cluster.Kubeconfig -ErrorAction Continue)
        if ($findings.Count -eq 0) { Write-Host 'No findings.' }
        else { $findings | Format-Table | Out-String -Width 160 | Write-Host }
        foreach ($finding in $findings) { Write-Host "  $($finding.RuleId) confirm: $($finding.Confirm)" }
        # The call that breaks, traced hop by hop on the cluster: Kubernetes, Consul's catalog, the pods' sockets and Envoy.
        Write-Host ''
        Write-Host "=== live: Test-MeshPath -From public-api -To payments -Kubeconfig $kubeconfig ==="
        Test-MeshPath -From public-api -To payments -Kubeconfig $cluster.Kubeconfig -ErrorAction Continue | Out-String -Width 160 | Write-Host
        # The data plane of the same cluster: what public-api's sidecar sees of payments, and the error a caller gets.
        Write-Host ''
        Write-Host "=== live: Get-EnvoyCluster -Service public-api -Cluster payments (through a port-forward to each sidecar's admin) ==="
        Get-EnvoyCluster -Kubeconfig $cluster.Kubeconfig -Service public-api -Cluster payments -ErrorAction Continue | Format-Table | Out-String -Width 160 | Write-Host
        Write-Host "=== Resolve-MeshError on the line public-api's callers see ==="
        Resolve-MeshError 'upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111' -From public-api |
            Format-List | Out-String -Width 160 | Write-Host
    }
    finally {
        Stop-SimulatedCluster $cluster
        Remove-Item -LiteralPath $kubeconfig -Force -ErrorAction SilentlyContinue
        Write-Host 'The simulated cluster is stopped.'
    }
}

# Files (FileInfo) or YAML text lines: Test-MeshConfig takes both from the pipeline.
function Show-Findings([string] $title, [object[]] $inputs) {
    Write-Host ''
    Write-Host "=== $title ==="
    $findings = @($inputs | Test-MeshConfig -ErrorAction Continue)
    # CI logs are not a console and would be cut at 80 columns.
    if ($findings.Count -eq 0) { Write-Host 'No findings.'; return }
    $findings | Format-Table | Out-String -Width 160 | Write-Host
    foreach ($finding in $findings) {
        Write-Host "  $($finding.RuleId) fix:     $($finding.Fix)"
        Write-Host "  $($finding.RuleId) confirm: $($finding.Confirm)"
    }
}

function Invoke-PesterSuites {
    $pester = Get-PesterManifest
    if (-not (Test-Path -LiteralPath $pester)) { throw "Pester $PesterVersion is not restored at $pester." }
    Import-Module $pester -RequiredVersion $PesterVersion -Force
    $null = New-Item -ItemType Directory -Force -Path $ResultsDirectory
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $RepoRoot 'tests/pester'
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Normal'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = Join-Path $ResultsDirectory 'pester.xml'
    $result = Invoke-Pester -Configuration $config
    # A failing BeforeAll already fails the tests under it; a file that cannot run at all (a syntax error) has no
    # tests to fail, so it counts as one failure of its own.
    $summary = [ordered]@{
        Passed = $result.PassedCount
        Failed = $result.FailedCount + $result.FailedContainersCount
    }
    $summary | ConvertTo-Json | Set-Content -LiteralPath (Join-Path $ResultsDirectory 'pester-summary.json')
    if ($summary.Failed -gt 0) { exit 1 }
}

function Get-TrxCount {
    $passed = 0
    $failed = 0
    foreach ($trx in Get-ChildItem -LiteralPath $ResultsDirectory -Filter *.trx -Recurse -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -Raw -LiteralPath $trx.FullName)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

# Runs every step it can; adds to $Totals and names in $Totals.Broken each step that could not run.
function Invoke-TestStep($Totals) {
    if ((Invoke-SolutionBuild) -ne 0) {
        $Totals.Broken.Add('build')
        return
    }

    Remove-Item -LiteralPath $ResultsDirectory -Recurse -Force -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Force -Path $ResultsDirectory

    Write-Step 'dotnet test MeshOps.sln (xunit)'
    $testExit = Invoke-Native dotnet @('test', $Solution, '-c', $Configuration, '--no-build', '--nologo', '-v:quiet',
        '--logger', 'trx', '--logger', 'console;verbosity=minimal', '--results-directory', $ResultsDirectory)
    $xunit = Get-TrxCount
    $Totals.Passed += $xunit.Passed
    $Totals.Failed += $xunit.Failed
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed"
    if ($testExit -ne 0 -and $xunit.Failed -eq 0) { $Totals.Broken.Add("dotnet test (exit code $testExit)") }

    Write-Step 'dotnet restore tools/Pester/Pester.Restore.csproj'
    if ((Invoke-Native dotnet @('restore', (Join-Path $RepoRoot 'tools/Pester/Pester.Restore.csproj'), '-v:quiet')) -ne 0) {
        $Totals.Broken.Add('Pester restore')
        return
    }

    Write-Step "Pester $PesterVersion over tests/pester (fresh pwsh)"
    $pesterExit = Invoke-FreshPwsh 'Pester'
    $summaryFile = Join-Path $ResultsDirectory 'pester-summary.json'
    if (-not (Test-Path -LiteralPath $summaryFile)) {
        $Totals.Broken.Add("Pester (exit code $pesterExit, no result)")
        return
    }
    $pester = Get-Content -Raw -LiteralPath $summaryFile | ConvertFrom-Json
    $Totals.Passed += $pester.Passed
    $Totals.Failed += $pester.Failed
    Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed"
}

function Invoke-Test {
    $totals = @{ Passed = 0; Failed = 0; Broken = [System.Collections.Generic.List[string]]::new() }
    try {
        Invoke-TestStep $totals
    }
    catch {
        $totals.Broken.Add("build.ps1: $_")
    }
    foreach ($step in $totals.Broken) { Write-Host "FAILED TO RUN: $step" }
    $failed = $totals.Failed + $totals.Broken.Count
    Write-Host "$($totals.Passed) passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

switch ($Task) {
    'Build' {
        if ((Invoke-SolutionBuild) -ne 0) { exit 1 }
    }
    'Demo' {
        if ((Invoke-SolutionBuild) -ne 0) { exit 1 }
        if ((Invoke-FreshPwsh 'DemoInProcess') -ne 0) { exit 1 }
    }
    'DemoInProcess' { Invoke-Demo }
    'Test' { Invoke-Test }
    'Pester' { Invoke-PesterSuites }
}
