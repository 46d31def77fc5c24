# SPDX-License-Identifier: MIT
"""Draws bench/bulk's runs: images in the catalog over time, `trove add`
against the window, one panel per run (links or folder, N items).
   plot-bulk.py OUT.png RUN.json...   (the per-count JSON files bench/bulk writes)"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

out, paths = sys.argv[1], sys.argv[2:]
runs = [json.load(open(p)) for p in paths]
fig, axes = plt.subplots(1, len(runs), figsize=(4.2 * len(runs), 3.6), squeeze=False)
for ax, run in zip(axes[0], runs):
    n = run["count"]
    tenths = [n * (i + 1) // 10 for i in range(10)]
    for key, label, style in (("cli_seconds_at_each_tenth", "trove add", "o-"),
                              ("window_seconds_at_each_tenth", "window (Ctrl+V)", "s-")):
        seconds = run.get(key) or []
        ax.plot([0] + seconds, [0] + tenths[:len(seconds)], style, markersize=3, label=label)
    stall = run.get("stall", {}).get("during_ingest", {})
    ax.set_title(f"{run['mode']} {n:,}: window/CLI {run.get('ratio_window_to_cli')}\n"
                 f"max gap {stall.get('max_ms')} ms, RSS {run.get('window_peak_rss_mb')} MB",
                 fontsize=9)
    ax.set_xlabel("seconds after the start")
    ax.set_ylabel("images in the catalog")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig(out, dpi=100)
