#!/bin/sh
# Makes the recordings that the pass-5 golden tests replay (tests/golden/NAME.input names
# one of them). Needs root and perf; the tests themselves need neither: they replay these.
# Run from the repository root: tests/recordings/record.sh
set -eu
here=tests/recordings
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gcc -O2 -o "$work/failing_open" tests/workloads/failing_open.c

# syscalls.perf.data: every syscall entry and exit on the machine for about 0.6 s, while a
# workload makes exactly 7 failing openat calls (ENOENT) 50 ms apart, and cat reads a file.
perf record -q -k CLOCK_MONOTONIC -a \
    -e raw_syscalls:sys_enter --exclude-perf -e raw_syscalls:sys_exit --exclude-perf \
    -o "$here/syscalls.perf.data" -- \
    sh -c "$work/failing_open 7 /nonexistent/tapline-recording 50000; cat /etc/os-release > /dev/null; sleep 0.2"

# processes.perf.data: process forks, execs and exits on the machine while a shell starts
# three short-lived processes (whose names only the COMM records carry) and waits for them.
perf record -q -k CLOCK_MONOTONIC -a \
    -e sched:sched_process_fork -e sched:sched_process_exec -e sched:sched_process_exit \
    -o "$here/processes.perf.data" -- \
    sh -c "ls / > /dev/null; true; cat /etc/hostname > /dev/null; sleep 0.1"

# task.perf.data: the way perf record is most often run, on one command and its children
# only (no -a) and on perf's own clock (no -k): a shell whose commands fail in several ways.
perf record -q -e raw_syscalls:sys_exit -o "$here/task.perf.data" -- \
    sh -c "cat /nonexistent/tapline-task 2>/dev/null; ls /root/nonexistent 2>/dev/null; true"

# The same command recorded in the other forms perf writes: compressed (-z, zstd), to a pipe
# (-o -, where the headers come as records), and both.
perf record -q -z -e raw_syscalls:sys_exit -o "$here/task-compressed.perf.data" -- \
    sh -c "cat /nonexistent/tapline-task 2>/dev/null; ls /root/nonexistent 2>/dev/null; true"
perf record -q -e raw_syscalls:sys_exit -o - -- \
    sh -c "cat /nonexistent/tapline-task 2>/dev/null; ls /root/nonexistent 2>/dev/null; true" > "$here/task-pipe.perf.data"
perf record -q -z -e raw_syscalls:sys_exit -o - -- \
    sh -c "cat /nonexistent/tapline-task 2>/dev/null; ls /root/nonexistent 2>/dev/null; true" > "$here/task-pipe-compressed.perf.data"

chmod 644 "$here"/*.perf.data
ls -l "$here"/*.perf.data
