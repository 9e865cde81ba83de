#!/usr/bin/env bash
# The seed's comparison with Tapline's numbers: the errno pair (syscall.*.return against
# syscall_any.return) run RUNS times each in fresh processes, cold (-p4 --disable-cache),
# with --report; prints a table of per-pass medians, ratios and sizes, and draws a bar chart.
#   bench/compare.sh [RUNS] [OUTPUT_DIR]     (defaults: 5 and bench/results)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tapline" --version >/dev/null    # builds artifacts/tapline when a source changed
dotnet run -c Release --project "$root/bench/Tapline.Compare" -- "$@"
