#!/usr/bin/env bash
# Pass 5 under a syscall storm, on the live system (root): the traced program's slowdown
# for both errno forms, the reader's sustained events per second, and what each event costs
# tapline in CPU time (pass 5's CPU time from --report, divided by the events it handled).
#   sudo bench/storm.sh [CALLS] [RUNS]     (defaults: 200000 and 5)
# tests/workloads/syscall_storm.c makes CALLS getppid and CALLS failing openat calls and
# prints the nanoseconds they took; each form runs it under `tapline -c`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
calls=${1:-200000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/storm" "$root/tests/workloads/syscall_storm.c"
"$root/tapline" --version >/dev/null
tapline=(dotnet "$root/artifacts/tapline/tapline.dll")

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }

for _ in $(seq "$runs"); do "$work/storm" "$calls"; done > "$work/baseline"
baseline=$(median < "$work/baseline")
syscalls=$(( 2 * calls ))
printf 'untraced: %d syscalls in %.1f ms (%.0f ns each)\n' "$syscalls" "$(bc -l <<< "$baseline / 1000000")" "$(bc -l <<< "$baseline / $syscalls")"

for script in errno.stp errno_any.stp; do
  "${tapline[@]}" -p4 "$root/examples/$script" >/dev/null # build once; the runs below hit the cache
  : > "$work/traced"; : > "$work/pass5"; : > "$work/cpu"
  for _ in $(seq "$runs"); do
    "${tapline[@]}" -v --report "$work/report.json" -c "$work/storm $calls" "$root/examples/$script" > "$work/out" 2> "$work/err"
    head -1 "$work/out" >> "$work/traced"
    grep '^Pass 5:' "$work/err" >> "$work/pass5"
    # pass 5's CPU time (every thread of tapline) per event handled: the reader, the merge and the handlers
    events_now=$(grep '^Pass 5:' "$work/err" | sed -E 's/.*: ([0-9]+) events.*/\1/')
    cpu_ms=$(grep -o '"cpuMs": [0-9.]*' "$work/report.json" | tail -1 | sed 's/.*: //')
    bc -l <<< "$cpu_ms * 1000000 / $events_now" >> "$work/cpu"
    grep -q "storm .*ENOENT *$calls\$" "$work/out" \
      || echo "$script: this run's table misses some of the storm's $calls failing openat calls ($(grep -o '[0-9]\+ lost events' "$work/err" | tail -1))" >&2
  done
  traced=$(median < "$work/traced")
  line=$(sed -n "$(( (runs + 1) / 2 ))p" "$work/pass5")
  events=$(sed -E 's/.*: ([0-9]+) events.*/\1/' <<< "$line")
  lost=$(sed -E 's/.* ([0-9]+) lost events.*/\1/' <<< "$line")
  filtered=$(sed -E 's/.* ([0-9]+) events filtered in the kernel.*/\1/' <<< "$line")
  ms=$(sed -E 's/.* in ([0-9]+) ms$/\1/' <<< "$line")
  cpu=$(median < "$work/cpu")
  printf '%-14s storm %.1f ms (%.2fx untraced, +%.0f ns per syscall); pass 5: %d events, %d lost, %d filtered in the kernel, in %d ms = %.0f events/s, %.0f ns of tapline CPU per event\n' \
    "$script" "$(bc -l <<< "$traced / 1000000")" "$(bc -l <<< "$traced / $baseline")" \
    "$(bc -l <<< "($traced - $baseline) / $syscalls")" "$events" "$lost" "$filtered" "$ms" "$(bc -l <<< "$events * 1000 / $ms")" "$cpu"
done
