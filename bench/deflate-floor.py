#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""What zlib's deflate costs over a corpus, plan by plan (bench/deflate-floor).

    bench/deflate-floor.py [CORPUS_DIR]   (default bench/out/corpus)

For every image file, per format: the CPU seconds and the stored size of
each deflate plan Trove can choose (stored, Huffman-only, level 1 with
memLevel 9, level 6), against gzip -6's size (zlib level 6, memLevel 8) and
the bound the ingest must keep: min(original, gzip -6) + 0.1 %. Python's
zlib module calls the same libz as Trove, so the seconds are zlib's own.
Prints one JSON object.

It answers how far the ingest can fall by deflating less: the seconds of
the cheapest plan that still keeps every file of a format within the bound
is the floor for that format.
"""
import json
import os
import sys
import time
import zlib

PLANS = {
    "stored": (0, zlib.Z_DEFAULT_STRATEGY, 9),
    "huffman_only": (1, zlib.Z_HUFFMAN_ONLY, 9),
    "level1": (1, zlib.Z_DEFAULT_STRATEGY, 9),
    "level6": (6, zlib.Z_DEFAULT_STRATEGY, 9),
}
GZIP_HEADER = 10 + 8  # gzip member header and trailer around the deflate data


def deflated(data, level, strategy, mem_level):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, mem_level, strategy)
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
        gzip6 = deflated(data, 6, zlib.Z_DEFAULT_STRATEGY, 8)
        fmt["gzip6_mb"] += gzip6 / 1e6
        bound = min(len(data), gzip6) * 1.001
        for name, (level, strategy, mem_level) in PLANS.items():
            t0 = time.process_time()
            size = deflated(data, level, strategy, mem_level)
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
