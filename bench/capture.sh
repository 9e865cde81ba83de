#!/usr/bin/env bash
# What copying user memory at the event costs, on the live system (root), and how long placing
# uprobes takes:
#   sudo bench/capture.sh [CALLS] [RUNS]     (defaults: 200000 and 5)
# 1. The syscall storm (tests/workloads/syscall_storm.c: CALLS getppid and CALLS failing openat
#    calls) under two handlers of syscall.openat that differ only in reading `filename`, which
#    makes pass 3 copy the path in the kernel; runs interleaved. Per openat event it prints the
#    storm's slowdown (the program's side: the BPF program and the copy) and tapline's CPU time
#    (pass 5's, from --report), and their sum: what the capture adds.
# 2. Pass 5 with 1 uprobe and with one on each of libc's pthread_* functions, -T 0.2: the
#    difference, scaled to 100, is the placing of 100 (the rest of pass 5 is the same).
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

plain='global n probe syscall.openat { if (dfd != 12345) n++ } probe end { println(n) }'
copied='global n probe syscall.openat { if (filename != "x") n++ } probe end { println(n) }'
"${tapline[@]}" -p4 -e "$plain" >/dev/null
"${tapline[@]}" -p4 -e "$copied" >/dev/null
: > "$work/plain.time"; : > "$work/copied.time"; : > "$work/plain.cpu"; : > "$work/copied.cpu"
for _ in $(seq "$runs"); do
  for form in plain copied; do
    script=${!form}
    "${tapline[@]}" -v --report "$work/report.json" -c "$work/storm $calls" -e "$script" > "$work/out" 2> "$work/err"
    head -1 "$work/out" >> "$work/$form.time"
    events=$(grep '^Pass 5:' "$work/err" | sed -E 's/.*: ([0-9]+) events.*/\1/')
    cpu_ms=$(grep -o '"cpuMs": [0-9.]*' "$work/report.json" | tail -1 | sed 's/.*: //')
    bc -l <<< "$cpu_ms * 1000000 / $events" >> "$work/$form.cpu"
    grep -q '"lost events", "value": 0\|lost events.: 0' "$work/report.json" || grep -o '[0-9]* lost events' "$work/err" | tail -1 >&2 || true
  done
done
for form in plain copied; do
  printf -v "${form}_time" '%s' "$(median < "$work/$form.time")"
  printf -v "${form}_cpu" '%s' "$(median < "$work/$form.cpu")"
done
storm=$(bc -l <<< "($copied_time - $plain_time) / $calls")
cpu=$(bc -l <<< "$copied_cpu - $plain_cpu")
printf 'syscall.openat, %d calls, medians of %d: storm %.1f ms without the copy, %.1f ms with it (+%.0f ns per openat); tapline CPU per event %.0f ns without, %.0f ns with (+%.0f ns); the capture adds %.0f ns per event\n' \
  "$calls" "$runs" "$(bc -l <<< "$plain_time / 1000000")" "$(bc -l <<< "$copied_time / 1000000")" "$storm" "$plain_cpu" "$copied_cpu" "$cpu" \
  "$(bc -l <<< "$storm + $cpu")"

libc=$(readlink -f /lib/x86_64-linux-gnu/libc.so.6)
one="probe process(\"$libc\").function(\"pthread_create\") { }"
many="probe process(\"$libc\").function(\"pthread_*\") { }"
count=$("${tapline[@]}" -p2 -e "$many" | grep -c 'process(')
"${tapline[@]}" -p4 -e "$one" >/dev/null
"${tapline[@]}" -p4 -e "$many" >/dev/null
: > "$work/one"; : > "$work/many"
for _ in $(seq "$runs"); do
  for form in one many; do
    "${tapline[@]}" -v -T 0.2 -e "${!form}" 2>&1 >/dev/null | grep '^Pass 5:' | sed -E 's/.* in ([0-9]+) ms$/\1/' >> "$work/$form"
  done
done
printf 'uprobes: pass 5 of -T 0.2 takes %d ms with 1 uprobe and %d ms with %d (medians of %d): %.1f ms to place each 100\n' \
  "$(median < "$work/one")" "$(median < "$work/many")" "$count" "$runs" \
  "$(bc -l <<< "($(median < "$work/many") - $(median < "$work/one")) * 100 / ($count - 1)")"
