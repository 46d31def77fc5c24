#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""What zlib's deflate costs over a corpus, plan by plan (bench/deflate-floor).

    bench/deflate-floor.py [CORPUS_DIR]   (default bench/out/corpus)

For every image file, per format: the CPU seconds and the stored size of
deflate plans (stored, Huffman-only, level 1 and level 2 with memLevel 9,
level 2 in a 16 KiB window, level 6), against the size GNU gzip -6 gives
(the bound's reference: its deflate is not zlib's, and it is a little
stronger on JPEG) and the bound the ingest must keep: min(original,
gzip -6) + 0.1 %. Python's zlib module calls the same libz as Trove, so the
seconds are zlib's own. Prints one JSON object.

Trove's JPEG plan (level 6 for the headers, level 2 in a 16 KiB window for
the entropy-coded data, one stream) is not here: Python's zlib cannot
change the level inside a stream. "level2_w14" over the whole file is its
cost within a few per cent.

It answers how far the ingest can fall by deflating less: the seconds of
the cheapest plan that still keeps every file of a format within the bound
is the floor for that format.
"""
import json
import os
import subprocess
import sys
import time
import zlib

PLANS = {
    "stored": (0, zlib.Z_DEFAULT_STRATEGY, 9, 15),
    "huffman_only": (1, zlib.Z_HUFFMAN_ONLY, 9, 15),
    "level1": (1, zlib.Z_DEFAULT_STRATEGY, 9, 15),
    "level2": (2, zlib.Z_DEFAULT_STRATEGY, 9, 15),
    "level2_w14": (2, zlib.Z_DEFAULT_STRATEGY, 9, 14),
    "level6": (6, zlib.Z_DEFAULT_STRATEGY, 9, 15),
}
GZIP_HEADER = 10 + 8  # gzip member header and trailer around the deflate data


def deflated(data, level, strategy, mem_level, window_bits=15):
    c = zlib.compressobj(level, zlib.DEFLATED, -window_bits, mem_level, strategy)
    return len(c.compress(data)) + len(c.flush()) + GZIP_HEADER


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "bench/out/corpus"
    files = sorted(
        os.path.join(corpus, f)
        for f in os.listdir(corpus)
        if os.path.splitext(f)[1].lower() in (".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif")
    )
    formats = {}
    for path in files:
        data = open(path, "rb").read()
        ext = os.path.splitext(path)[1].lower().lstrip(".")
        fmt = formats.setdefault(
            ext,
            {"files": 0, "original_mb": 0.0, "gzip6_mb": 0.0,
             "plans": {p: {"cpu_s": 0.0, "stored_mb": 0.0, "over_bound": 0} for p in PLANS}},
        )
        fmt["files"] += 1
        fmt["original_mb"] += len(data) / 1e6
        gzip6 = len(subprocess.run(["gzip", "-6", "-c", "-n"], input=data,
                                   capture_output=True, check=True).stdout)
        fmt["gzip6_mb"] += gzip6 / 1e6
        bound = min(len(data), gzip6) * 1.001
        for name, (level, strategy, mem_level, window_bits) in PLANS.items():
            t0 = time.process_time()
            size = deflated(data, level, strategy, mem_level, window_bits)
            fmt["plans"][name]["cpu_s"] += time.process_time() - t0
            fmt["plans"][name]["stored_mb"] += size / 1e6
            if size > bound:
                fmt["plans"][name]["over_bound"] += 1
    floor = 0.0
    for fmt in formats.values():
        for plan in fmt["plans"].values():
            plan["cpu_s"] = round(plan["cpu_s"], 3)
            plan["stored_mb"] = round(plan["stored_mb"], 3)
        fmt["original_mb"] = round(fmt["original_mb"], 3)
        fmt["gzip6_mb"] = round(fmt["gzip6_mb"], 3)
        within = [p for p in fmt["plans"].values() if p["over_bound"] == 0]
        fmt["floor_cpu_s"] = min(p["cpu_s"] for p in within) if within else None
        floor += fmt["floor_cpu_s"] or 0.0
    print(json.dumps({
        "corpus": os.path.abspath(corpus),
        "zlib": zlib.ZLIB_RUNTIME_VERSION,
        "formats": formats,
        "floor_cpu_s": round(floor, 3),
        "note": "floor: per format, the CPU seconds of the cheapest plan that keeps every file within min(original, gzip -6) + 0.1 %",
    }, indent=1))


if __name__ == "__main__":
    main()
