#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Lines up a system-wide scheduler trace with the gaps of a stall report.

    bench/stall-sched.py REPORT.json PERF.DATA OFFSET_S [GUI_TID]

REPORT.json is a stall report written with TROVE_STALL_TRACE=1; PERF.DATA
was recorded on every CPU with the monotonic clock, e.g.
    perf record -e sched:sched_switch -a -k CLOCK_MONOTONIC -o PERF.DATA
OFFSET_S is the wall clock minus the monotonic clock when the run starts
(see bench/stall-perf.py). For each traced gap it prints how long each
thread held each CPU during the gap, and how long the GUI thread (GUI_TID,
by default the process whose command starts with "trove") was on a CPU:
whether the GUI thread waited behind Trove's own threads, another program,
or nothing at all (the host).
"""
import json
import re
import subprocess
import sys
from collections import defaultdict

LINE = re.compile(r"^\s*(\S.*?)\s+(\d+)\s+\[(\d+)\]\s+(\d+\.\d+):\s+sched:sched_switch:\s+"
                  r"prev_comm=(.*?) prev_pid=(\d+) .*?prev_state=(\S+) ==> "
                  r"next_comm=(.*?) next_pid=(\d+)")


def switches(data):
    out = subprocess.run(["perf", "script", "-i", data, "-F", "comm,tid,cpu,time,event,trace"],
                         capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        m = LINE.match(line)
        if m:
            rows.append((float(m.group(4)), int(m.group(3)), m.group(5), int(m.group(6)),
                         m.group(7), m.group(8), int(m.group(9))))
    return rows


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    report = json.load(open(sys.argv[1]))
    rows = switches(sys.argv[2])
    offset = float(sys.argv[3])
    gui = int(sys.argv[4]) if len(sys.argv) > 4 else None
    if gui is None:
        for r in rows:
            if r[5].startswith("trove"):
                gui = r[6]
                break
    start = report["clock_start_epoch_ms"] / 1000.0
    # Per CPU: intervals (begin, end, comm, tid) from consecutive switches.
    by_cpu = defaultdict(list)
    for r in rows:
        by_cpu[r[1]].append(r)
    intervals = []
    for cpu, rs in by_cpu.items():
        for a, b in zip(rs, rs[1:]):
            intervals.append((a[0], b[0], cpu, a[5], a[6]))
    intervals.sort()
    print(f"{len(rows)} switches, GUI thread {gui}")
    for gap in report.get("stall_traces", []):
        end = start + gap["at_s"] - offset
        begin = end - gap["ms"] / 1000.0
        held = defaultdict(float)
        for b, e, cpu, comm, tid in intervals:
            if e <= begin or b >= end:
                continue
            ms = (min(e, end) - max(b, begin)) * 1000
            held[(cpu, f"{comm}/{tid}" if comm != "swapper/%d" % cpu else "idle")] += ms
        gui_ms = sum(ms for (cpu, who), ms in held.items() if who.endswith(f"/{gui}"))
        print(f"at {gap['at_s']:8.2f} s  {gap['ms']:6.2f} ms  GUI on a CPU {gui_ms:6.2f} ms")
        for (cpu, who), ms in sorted(held.items(), key=lambda kv: (kv[0][0], -kv[1])):
            if ms >= 0.5:
                print(f"    cpu{cpu}  {ms:6.2f} ms  {who}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
