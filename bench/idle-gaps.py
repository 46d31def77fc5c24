#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""How long this machine keeps an idle thread from running.

    bench/idle-gaps.py [--cpu N] [SECONDS]   default 60; SIGTERM or SIGINT ends it early

Run beside a benchmark, its JSON tells which of the benchmark's stalls the
host caused: bench/stall-traces.py REPORT.json --idle IDLE.json marks each
stall that a gap of this sleeper overlapped (each gap has its wall-clock
end, epoch_ms; a stall report has its clock's start).

    bench/idle-gaps.py --spin [SECONDS]

--cpu N keeps the sleeper on CPU N. The host takes one vCPU at a time: an
unpinned sleeper sees only the vCPU it happens to be on, so run one per CPU
(--cpu 0, --cpu 1) and pass each to --idle.

Sleeps 1 ms at a time, like the stall monitor's timer, and reports every gap
over 16 ms with how much of it the thread spent on the CPU and waiting for
it (/proc/thread-self/schedstat). A gap that is neither is time the thread
was asleep past its timer: on a virtual machine, the host running something
else. Those gaps land in any stall report taken here, whatever the program
does; bench/stall-traces.py shows the same split for a report.

--spin never sleeps: at SCHED_IDLE (every other thread of the machine goes
first) it reads the clock in a loop, and a gap over 16 ms between two reads
is either the guest's scheduler running another thread (waiting_for_cpu_ms
grows) or the hypervisor taking the vCPU away while this thread ran
(on_cpu_ms grows by the gap: the guest counts stolen time as run time, and
this VM reports no steal). The second kind lands in a stall report as "on
a CPU" with no handler running; it counts them (held_by_the_host).
"""
import json
import os
import signal
import sys
import time


def schedstat():
    with open("/proc/thread-self/schedstat") as f:
        run, wait, _ = f.read().split()
    return int(run), int(wait)


def spin(seconds):
    os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    start = time.monotonic_ns()
    end = start + int(seconds * 1e9)
    last = start
    run0, wait0 = schedstat()
    gaps = []
    while last < end:
        now = time.monotonic_ns()
        run, wait = schedstat()
        gap = (now - last) / 1e6
        if gap > 16:
            gaps.append({"at_s": round((now - start) / 1e9, 2),
                         "epoch_ms": round(time.time() * 1000, 1),
                         "ms": round(gap, 2),
                         "on_cpu_ms": round((run - run0) / 1e6, 2),
                         "waiting_for_cpu_ms": round((wait - wait0) / 1e6, 2)})
        last, run0, wait0 = now, run, wait
    held = [g for g in gaps if g["on_cpu_ms"] > 0.8 * g["ms"]]
    print(json.dumps({"seconds": seconds, "mode": "spin", "gaps_over_16ms": len(gaps),
                      "held_by_the_host": len(held),
                      "held_max_ms": max((g["ms"] for g in held), default=0),
                      "gaps": gaps}))


def main():
    args = sys.argv[1:]
    cpu = None
    if "--cpu" in args:
        i = args.index("--cpu")
        cpu = int(args[i + 1])
        del args[i:i + 2]
        os.sched_setaffinity(0, {cpu})
    if args and args[0] == "--spin":
        spin(float(args[1]) if len(args) > 1 else 60.0)
        return
    seconds = float(args[0]) if args else 60.0
    end = time.monotonic() + seconds
    last = time.monotonic_ns()
    run0, wait0 = schedstat()
    gaps = []
    ticks = 0
    stop = []
    # SIGTERM or SIGINT (a benchmark done before SECONDS) ends the watch
    # early; the report covers the time watched.
    for s in (signal.SIGTERM, signal.SIGINT):
        signal.signal(s, lambda *_: stop.append(True))
    start = time.monotonic()
    while time.monotonic() < end and not stop:
        time.sleep(0.001)
        now = time.monotonic_ns()
        run, wait = schedstat()
        gap = (now - last) / 1e6
        if gap > 16:
            gaps.append({"at_s": round((now - (end - seconds) * 1e9) / 1e9, 2),
                         "epoch_ms": round(time.time() * 1000, 1),
                         "ms": round(gap, 2),
                         "on_cpu_ms": round((run - run0) / 1e6, 2),
                         "waiting_for_cpu_ms": round((wait - wait0) / 1e6, 2)})
        last, run0, wait0 = now, run, wait
        ticks += 1
    unaccounted = [g for g in gaps if g["ms"] - g["on_cpu_ms"] - g["waiting_for_cpu_ms"] > 8]
    seconds = round(min(seconds, time.monotonic() - start), 1)
    print(json.dumps({"seconds": seconds, "cpu": cpu, "ticks": ticks, "gaps_over_16ms": len(gaps),
                      "of_them_asleep_past_the_timer": len(unaccounted),
                      "max_ms": max((g["ms"] for g in gaps), default=0), "gaps": gaps}))


if __name__ == "__main__":
    main()
