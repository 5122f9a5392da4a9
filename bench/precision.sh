#!/usr/bin/env bash
# Prints issue 9's precision table: per set and in total, the Warning and Error findings judged TRUE, FALSE,
# PARTIAL-INPUT or UNSURE in ../shared/reference/wild/VERDICTS.md and tests/MeshOps.Tests/Precision/REFERENCE-VERDICTS.md,
# the unjudged ones, and precision = TRUE/(TRUE+FALSE). The target is 95 %; the test fails below it, the table prints either way.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/MeshOps.Tests -c Release -nologo -v:q >/dev/null
dotnet test tests/MeshOps.Tests -c Release --no-build \
  --filter "FullyQualifiedName~MeshOps.Tests.Precision.PrecisionTests.Precision_over_all_sets_reaches_the_target" \
  --logger "console;verbosity=detailed" 2>&1 \
  | sed -n '/Standard Output Messages:/,/^$/p' | sed '1d;s/^ *//' || true
