#!/usr/bin/env bash
# Mutation testing with Stryker.NET (local tool, .config/dotnet-tools.json) of the rule, discovery, analysis and
# intention code against tests/MeshOps.Tests. Not part of CI or build.ps1 Test: it judges the tests, it is no test.
#   bench/mutation.sh                        every area: Rules (Analysis/Rules), Discovery, Analysis (one run on
#                                            src/MeshOps), then Checks and Intentions (one run on src/MeshOps.Rules)
#   bench/mutation.sh --only Rules           one area for a quick run: Rules, Discovery, Analysis or Intentions;
#                                            repeat it or give a list (--only Rules,Intentions)
#   bench/mutation.sh --per-area             one Stryker run per area (its own report) instead of one per project
#   add --concurrency 1 (default 2), --filter EXPR (a dotnet test --filter for the tests run),
#   --survivors FILE (default StrykerOutput/<run>/survivors.txt: surviving mutants in Rules and Intentions, by file)
# Settings shared by every run (coverage per test, mutation level, timeout, reporters): bench/stryker-config.json.
# Reports: StrykerOutput/<run>/<name>/reports/mutation-report.{html,json}; StrykerOutput/ is git-ignored.
# Exit code: non-zero only when Stryker itself fails; no score is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

areas=()
per_area=false
concurrency=2
filter=
survivors=
while [[ $# -gt 0 ]]; do
    case $1 in
        --only) IFS=, read -ra more <<< "${2:?--only needs an area}"; areas+=("${more[@]}"); shift 2 ;;
        --per-area) per_area=true; shift ;;
        --concurrency) concurrency=${2:?}; shift 2 ;;
        --filter) filter=${2:?}; shift 2 ;;
        --survivors) survivors=${2:?}; shift 2 ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ ${#areas[@]} -gt 0 ]] || areas=(Rules Discovery Analysis Checks Intentions)
if [[ $concurrency -lt 1 || $concurrency -gt 2 ]]; then echo "--concurrency is 1 or 2 on this 2-core machine" >&2; exit 2; fi

# Area -> the project it lives in and the files Stryker mutates (relative to that project).
project_of() {
    case $1 in
        Rules|Discovery|Analysis) echo MeshOps.csproj ;;
        Checks|Intentions) echo MeshOps.Rules.csproj ;;
        *) echo "unknown area: $1 (Rules, Discovery, Analysis, Checks or Intentions)" >&2; exit 2 ;;
    esac
}
for area in "${areas[@]}"; do project_of "$area" > /dev/null; done

# Runs: name|project|area area ...
runs=()
if $per_area; then
    for area in "${areas[@]}"; do runs+=("$area|$(project_of "$area")|$area"); done
else
    for project in MeshOps.csproj MeshOps.Rules.csproj; do
        mine=()
        for area in "${areas[@]}"; do [[ $(project_of "$area") == "$project" ]] && mine+=("$area"); done
        [[ ${#mine[@]} -gt 0 ]] && runs+=("${project%.csproj}|$project|${mine[*]}")
    done
fi

dotnet tool restore > /dev/null
out=$root/StrykerOutput/$(date +%Y%m%d-%H%M%S)
survivors=${survivors:-$out/survivors.txt}
mkdir -p "$out"
reports=()
started=$SECONDS
cd tests/MeshOps.Tests
for run in "${runs[@]}"; do
    IFS='|' read -r name project run_areas <<< "$run"
    args=(-f ../../bench/stryker-config.json --project "$project" --concurrency "$concurrency" -O "$out/$name" --skip-version-check)
    # Analysis/Rules is its own area: Analysis means the files directly in Analysis/.
    for area in $run_areas; do
        if [[ $area == Analysis ]]; then args+=(-m "**/Analysis/*.cs"); else args+=(-m "**/$area/**/*.cs"); fi
    done
    [[ -n $filter ]] && args+=(--test-case-filter "$filter")
    echo "==> Stryker: $project, mutating $run_areas"
    run_started=$SECONDS
    mkdir -p "$out/$name"
    dotnet stryker "${args[@]}" 2>&1 | tee "$out/$name/stryker.log"
    # A method Stryker cannot compile mutants in without knowing which mutant broke it loses all its mutants.
    safe=$(grep -c 'Safe Mode!' "$out/$name/stryker.log" || true)
    [[ $safe -eq 0 ]] || echo "==> $name: Stryker dropped every mutant of $safe method(s) it could not compile ('Safe Mode!' in $out/$name/stryker.log)"
    echo "==> $name: $(( (SECONDS - run_started) / 60 )) min $(( (SECONDS - run_started) % 60 )) s"
    reports+=("$out/$name/reports/mutation-report.json")
done
cd "$root"

echo
echo "Mutation score per area (killed + timeout over killed + timeout + survived + no coverage):"
dotnet pwsh -NoProfile -NonInteractive -File bench/mutation-summary.ps1 -SurvivorsFile "$survivors" "${reports[@]}"
for report in "${reports[@]}"; do
    echo "Report: ${report%.json}.html"
    echo "        $report"
done
echo "Total time: $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
