#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Summarises a stall report written with TROVE_STALL_TRACE=1.

    bench/stall-traces.py REPORT.json [--top N] [--idle IDLE.json]...

For each stall over 16 ms: when, how long, how much of it the GUI thread was
on the CPU (on_cpu_ms), waiting for it (waiting_for_cpu_ms) and neither
(asleep: blocked, or past its timer while the host ran something else; see
bench/idle-gaps.py), and the longest deliveries in it. Then the deliveries that took most time over all
stalls, grouped by receiver and event type, which is where to look first.
With --idle, the JSON of bench/idle-gaps.py run beside the benchmark: each
stall that one of that sleeper's gaps overlapped by over 8 ms is marked
"host" (a process that does nothing but sleep 1 ms was held up too).
Last, the report's event census: every event of the run counted by
receiver class and type, most frequent first (a stream of cheap events,
such as 22 queue drains per image, shows there and in no single stall).
"""
import json
import sys
from collections import defaultdict


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    top = 5
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i:i + 2]
    idle = []
    sleepers = 0
    while "--idle" in args:  # one per sleeper (bench/idle-gaps.py --cpu N)
        i = args.index("--idle")
        idle += json.load(open(args[i + 1])).get("gaps", [])
        sleepers += 1
        del args[i:i + 2]
    report = json.load(open(args[0]))
    start = report.get("clock_start_epoch_ms", 0)

    def host(t):
        end = start + t["at_s"] * 1000
        begin = end - t["ms"]
        return any(min(end, g["epoch_ms"]) - max(begin, g["epoch_ms"] - g["ms"]) > 8
                   for g in idle)
    traces = report.get("stall_traces", [])
    print(f"max {report['max_ms']} ms, p99 {report['p99_ms']} ms, "
          f"{report['stalls_over_16ms']} stalls over 16 ms, {len(traces)} traced")
    if not traces:
        # Untraced: each stall, and whether a sleeper was held up with it.
        stalls = [{"at_s": at, "ms": ms} for at, ms in report.get("gaps_over_4ms", []) if ms > 16]
        for t in stalls:
            print(f"  at {t['at_s']:9.2f} s  {t['ms']:7.2f} ms{' host' if idle and host(t) else ''}")
        if idle:
            print(f"{sum(1 for t in stalls if host(t))} of {len(stalls)} overlapped by a gap "
                  f"of {sleepers} idle sleeper(s) ({len(idle)} gaps over 16 ms)")
        return 0
    def asleep(t):
        return t["ms"] - t["on_cpu_ms"] - t["waiting_for_cpu_ms"]
    cpu_bound = sum(1 for t in traces if t["on_cpu_ms"] >= t["waiting_for_cpu_ms"])
    print(f"{cpu_bound} more on the CPU than waiting for it, {len(traces) - cpu_bound} the other way")
    runnable = [t for t in traces if t["on_cpu_ms"] + t["waiting_for_cpu_ms"] > 16]
    print(f"{len(runnable)} with over 16 ms on the CPU or waiting for it; "
          f"{len(traces) - len(runnable)} asleep for the rest (longest "
          f"{max((asleep(t) for t in traces), default=0):.1f} ms asleep)")
    totals = defaultdict(lambda: [0.0, 0, 0.0])
    for t in traces:
        events = sorted(t["events"], key=lambda e: -e[3])
        for _, who, kind, ms in t["events"]:
            entry = totals[(who, kind)]
            entry[0] += ms
            entry[1] += 1
            entry[2] = max(entry[2], ms)
        longest = ", ".join(f"{e[1]} ({e[2]}) {e[3]}" for e in events[:3])
        mark = " host" if idle and host(t) else ""
        print(f"  at {t['at_s']:9.2f} s  {t['ms']:7.2f} ms  cpu {t['on_cpu_ms']:6.2f}"
              f"  wait {t['waiting_for_cpu_ms']:6.2f}  asleep {asleep(t):6.2f}{mark}  | {longest}")
    if idle:
        print(f"{sum(1 for t in traces if host(t))} of {len(traces)} overlapped by a gap "
              f"of {sleepers} idle sleeper(s) ({len(idle)} gaps over 16 ms)")
    print("time in stalls by receiver and event type:")
    for (who, kind), (ms, n, worst) in sorted(totals.items(), key=lambda kv: -kv[1][0])[:top * 4]:
        print(f"  {ms:9.1f} ms  {n:6d}x  worst {worst:7.2f}  {who} ({kind})")
    census = report.get("event_census", [])
    if census:
        print("events of the whole run by receiver and event type (the most frequent):")
        for who, kind, count in census[:top * 4]:
            print(f"  {count:9d}x  {who} ({kind})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
