#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Lines up perf samples of the GUI thread with the gaps of a stall report.

    bench/stall-perf.py REPORT.json PERF.DATA OFFSET_S [MIN_CPU_MS]

REPORT.json is a stall report written with TROVE_STALL_TRACE=1; PERF.DATA
was recorded on the GUI thread with the monotonic clock, e.g.
    perf record -e cpu-clock -F 499 -g -k CLOCK_MONOTONIC -t PID -o PERF.DATA
OFFSET_S is the wall clock minus the monotonic clock, taken when the run
starts:
    python3 -c "import time; print(time.time() - time.clock_gettime(time.CLOCK_MONOTONIC))"
Prints, for each traced gap, how many samples fell in it, and the samples
(leaf first) of every gap with at least MIN_CPU_MS (default 3) on a CPU:
what the GUI thread was doing when a gap was work, not sleep.
"""
import json
import re
import subprocess
import sys


def samples_of(data):
    out = subprocess.run(["perf", "script", "-i", data, "-F", "time,ip,sym,dso"],
                         capture_output=True, text=True, check=True).stdout
    samples, current = [], None
    for line in out.splitlines():
        head = re.match(r"^\s*(\d+\.\d+):", line)
        if head and not line.startswith(("\t", "        ")):
            current = (float(head.group(1)), [])
            samples.append(current)
        elif current is not None and line.strip():
            current[1].append(line.strip())
    return samples


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    report = json.load(open(sys.argv[1]))
    samples = samples_of(sys.argv[2])
    offset = float(sys.argv[3])
    min_cpu = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0
    start = report["clock_start_epoch_ms"] / 1000.0
    print(f"{len(samples)} samples")
    for gap in report.get("stall_traces", []):
        end = start + gap["at_s"] - offset
        begin = end - gap["ms"] / 1000.0
        inside = [s for s in samples if begin - 0.002 <= s[0] <= end + 0.002]
        cpu = gap.get("on_cpu_ms", -1)
        print(f"at {gap['at_s']:8.2f} s  {gap['ms']:7.2f} ms  cpu {cpu:6.2f} ms  "
              f"{len(inside)} samples")
        if cpu >= min_cpu:
            for when, stack in inside:
                print(f"    +{(when - begin) * 1000:6.1f} ms  " + " <- ".join(stack[:8]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
