#Requires -Version 7.6
# The module's import warm-up (issue 14): it compiles the analysis path on a thread-pool thread so that a user's first
# command finds it compiled, but only once the pipeline that imported the module has ended. Run beside the import it
# made Import-Module slower; between two commands a user types, the session is idle. What shows it from outside is the
# SDK's dependencies: nothing loads KubernetesClient during an import, and the warm-up's analysis does.

BeforeAll {
    $RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $ManifestPath = Join-Path $RepoRoot 'artifacts/MeshOps/MeshOps.psd1'
    $Loaded = "[System.Runtime.Loader.AssemblyLoadContext]::All.Assemblies.GetName().Name -contains 'KubernetesClient'"

    # Each line is its own pipeline, as typed at a prompt: `pwsh -Command -` runs standard input line by line.
    # An empty cache folder each time: pwsh's multicore-JIT profile there, written by earlier sessions that ran
    # MeshOps, has the runtime precompile their methods at start, which loads KubernetesClient on its own.
    # -NoWarmup is MESHOPS_NO_WARMUP=1 in the child; without it the variable is cleared, whatever this session has.
    function Invoke-Pipelines([string[]] $Lines, [switch] $NoWarmup) {
        $savedCache = $env:XDG_CACHE_HOME
        $savedWarmup = $env:MESHOPS_NO_WARMUP
        $env:XDG_CACHE_HOME = Join-Path $TestDrive ([guid]::NewGuid())
        $env:MESHOPS_NO_WARMUP = if ($NoWarmup) { '1' } else { $null }
        Push-Location $RepoRoot
        try {
            $output = $Lines | dotnet pwsh -NoProfile -NonInteractive -Command - 2>&1
        }
        finally {
            Pop-Location
            $env:XDG_CACHE_HOME = $savedCache
            $env:MESHOPS_NO_WARMUP = $savedWarmup
        }

        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $text = $output -join "`n"
        [pscustomobject]@{
            During = [regex]::Match($text, 'DURING (True|False)').Groups[1].Value
            After  = [regex]::Match($text, 'AFTER (True|False)').Groups[1].Value
            Text   = $text
        }
    }

    # Not Start-Sleep: auto-loading its module runs a nested pipeline, whose end PowerShell reports as the runspace
    # being available while this one still runs.
    $ImportThenWait = "Import-Module '$ManifestPath'; [System.Threading.Thread]::Sleep(1500); 'DURING ' + ($Loaded)"
}

# XDG_CACHE_HOME moves pwsh's cache on Linux and macOS only.
Describe 'The import warm-up' -Tag Integration -Skip:$IsWindows {
    It 'does nothing while the importing pipeline runs, and starts as soon as it has ended' {
        # A second and a half is ample for a warm-up started by the import to have loaded the SDK's dependencies.
        $result = Invoke-Pipelines @(
            $ImportThenWait
            "`$t = [Diagnostics.Stopwatch]::StartNew(); while (-not ($Loaded) -and `$t.Elapsed.TotalSeconds -lt 60) { Start-Sleep -Milliseconds 50 }; 'AFTER ' + ($Loaded)"
        )

        $result.During | Should -Be 'False' -Because $result.Text
        $result.After | Should -Be 'True' -Because $result.Text
    }

    It 'is switched off by MESHOPS_NO_WARMUP=1' {
        $result = Invoke-Pipelines -NoWarmup @(
            $ImportThenWait
            "Start-Sleep -Milliseconds 1500; 'AFTER ' + ($Loaded)"
        )

        $result.During | Should -Be 'False' -Because $result.Text
        $result.After | Should -Be 'False' -Because $result.Text
    }
}
