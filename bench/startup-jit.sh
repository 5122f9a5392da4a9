#!/usr/bin/env bash
# Issue 14's deterministic startup figure: the methods the JIT compiles for the first time (tier-1 and OSR recompiles
# excluded) during Import-Module and during the first Test-MeshConfig -Path examples/hashicups/healthy, in one fresh
# dotnet pwsh session. Wall-clock times on a shared machine drift with its load; these counts do not.
#   bench/startup-jit.sh [path/MeshOps.psd1] [runs]    (default: artifacts/MeshOps/MeshOps.psd1, 3 runs)
# Build Release first. Each run gets an empty PowerShell cache: pwsh's multicore-JIT profile (StartupProfileData),
# rewritten by every session on the machine, would otherwise decide what is compiled before the markers.
# The method lists are kept in $TMPDIR/meshops-startup-jit/run<N>.{1,2} (1 = import, 2 = first call).
set -uo pipefail
cd "$(dirname "$0")/.."
module=$(realpath "${1:-artifacts/MeshOps/MeshOps.psd1}")
runs=${2:-3}
out=${TMPDIR:-/tmp}/meshops-startup-jit
mkdir -p "$out"
# A dynamic method is always JIT-compiled, so one named MARK_* shows in the JIT's log where the script reached it.
script='function Mark($n) { $m = [System.Reflection.Emit.DynamicMethod]::new($n, [void], [type[]]@()); $m.GetILGenerator().Emit([System.Reflection.Emit.OpCodes]::Ret); $null = $m.Invoke($null, @()) }
Mark "MARK_WARM"; Mark "MARK_WARM2"
Start-Sleep -Milliseconds 1500; Mark "MARK_A"
Import-Module '"'$module'"'
Mark "MARK_B"; Start-Sleep -Milliseconds 1500; Mark "MARK_B2"
$null = Test-MeshConfig -Path examples/hashicups/healthy
Mark "MARK_C"'
for i in $(seq "$runs"); do
  # The JIT appends to its log file, so an old run would be counted again.
  rm -rf "$out/cache" "$out/run$i.txt"; mkdir -p "$out/cache"
  XDG_CACHE_HOME="$out/cache" POWERSHELL_TELEMETRY_OPTOUT=1 DOTNET_JitDisasmSummary=1 DOTNET_JitStdOutFile="$out/run$i.txt" \
    dotnet pwsh -NoProfile -NonInteractive -Command "$script" || echo "run $i: dotnet pwsh exited with $?"
  rm -f "$out/run$i.1" "$out/run$i.2"; touch "$out/run$i.1" "$out/run$i.2"
  awk -v f="$out/run$i" '/MARK_A\(/{s=1;next} /MARK_B\(/{s=0;next} /MARK_B2\(/{s=2;next} /MARK_C\(/{s=0;next}
    s && !/Tier1|OSR/ { sub(/^ *[0-9]+: JIT compiled /, ""); sub(/ \[(Tier0|Instrumented|FullOpts).*/, ""); print > (f "." s) }' "$out/run$i.txt"
  sort -u -o "$out/run$i.1" "$out/run$i.1"; sort -u -o "$out/run$i.2" "$out/run$i.2"
  printf 'run %d: Import-Module %d methods, first Test-MeshConfig %d methods\n' "$i" "$(wc -l < "$out/run$i.1")" "$(wc -l < "$out/run$i.2")"
done
