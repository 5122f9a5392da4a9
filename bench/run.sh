#!/usr/bin/env bash
# Runs the MeshOps synthetic-mesh benchmark in Release, pinned to one core (--startup excepted).
#   bench/run.sh                 BenchmarkDotNet ShortRun (in-process), then the target table (a few minutes)
#   bench/run.sh --quick         Stopwatch sanity run: 2 warm-ups + median of 5 (about a minute)
#   bench/run.sh --check         analyse the healthy synthetic mesh and list every finding (expected: none)
#   bench/run.sh --breakdown     time load, model build and each rule separately; memory and GC pause per stage
#   bench/run.sh --generator     the typed-mesh generator (100 and 1,000 services) under BenchmarkDotNet, then its target table;
#                                combine with --quick, --check or --breakdown (step times, floors) as above
#   bench/run.sh --discovery     call discovery on one value of 25k/50k/100k/200k endpoint lines; growth per doubling (target <= 2.2)
#                                beside its floor (allocating the result alone); then load + analyse of HashiCups whose ConfigMap value
#                                holds as many calls, against the synthetic mesh of the same size (target <= 1.5x over all sizes);
#                                run in-process (non-concurrent GC) and again in a child under pwsh's GC (concurrent), where the
#                                per-doubling growth is shown, not judged (its floor alone exceeds 2.2 two times in five)
#   bench/run.sh --paths         offline Test-MeshPath -All at 1,000 and 4,000 services: edges/s, growth 1,000 -> 4,000 (target <= 4.4),
#                                1,000 services in <= 2 s, ratio to Test-MeshConfig's load + analyse measured in the same run;
#                                under both GC modes, as --discovery
#   bench/run.sh --broken        load, analyse, graph and trace -All on the synthetic mesh broken six ways (every call denied,
#                                a typo in every call, ...) at 2,000 and 4,000 services: growth (about 2 when linear), x healthy
#   bench/run.sh --discovery-stages  each stage of call discovery timed alone over the same values (which one grows superlinearly)
#   bench/run.sh --envoy-stats   Envoy /stats parsers: 500,000-line dump (2,000 clusters) as text and Prometheus; lines/s,
#                                peak memory vs input, ratio to the idiomatic PowerShell (dotnet pwsh) measured in the same run
#   bench/run.sh --startup       the built module (artifacts/MeshOps) in fresh `dotnet pwsh -NoProfile` sessions, not pinned, medians of 7:
#                                Import-Module against a session that imports nothing (target <= 150 ms added); the first
#                                Test-MeshConfig -Path examples/hashicups/healthy in a session against the same call warm (target <= 250 ms);
#                                --module path/MeshOps.psd1 measures another build (an IL-only copy, to see what ReadyToRun gives)
#                                (bench/startup-jit.sh counts the methods JIT-compiled by each, which the machine's load does not move)
#   bench/run.sh --checks        New-MeshCheckSuite, then Invoke-MeshCheck on the suite it writes, offline on the synthetic 1,000-service mesh in
#                                one fresh `dotnet pwsh -NoProfile` with the built module, not pinned: target <= 60 s for the suite's run; beside it
#                                one Test-MeshConfig -Path of the same mesh (ratio); SKIP when the built module has no New-MeshCheckSuite
#   add --sizes 500,2000 to any of them to run fewer sizes
# Exit code: number of missed targets (or of errors found by --check; with --generator, of failed health checks).
# Not a test: nothing asserts on time.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project tests/MeshOps.Benchmarks -- "$@"
