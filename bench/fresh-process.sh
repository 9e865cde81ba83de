#!/usr/bin/env bash
# Times `tapline -pN` on the errno pair in fresh processes, as a user pays for it:
# the median wall time of RUNS runs of the built command (./tapline builds it).
#   bench/fresh-process.sh [PASS] [RUNS]      (defaults: 2 and 11)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pass=${1:-2}
runs=${2:-11}
"$root/tapline" --version >/dev/null
for script in errno.stp errno_any.stp; do
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    dotnet "$root/artifacts/tapline/tapline.dll" -p"$pass" "$root/examples/$script" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "$script -p$pass: median ${median} ms over $runs fresh processes (min $(printf '%s\n' "${times[@]}" | sort -n | head -1) ms)"
done
