#!/usr/bin/env python3
"""Plots the rows of bench/out/scale.tsv (written by bench/scale.sh) as an SVG: each figure against the synthetic
passages, relative to its value with none (1 = the shared corpora alone), beside the growth of the passages themselves.
Usage: python3 bench/scale-plot.py [bench/out/scale.tsv] [docs/scale.svg]. Standard library only."""
import csv
import sys

source = sys.argv[1] if len(sys.argv) > 1 else "bench/out/scale.tsv"
target = sys.argv[2] if len(sys.argv) > 2 else "docs/scale.svg"
SHARED_PASSAGES = 423_092  # the shared corpora's passages (evidentia stats), under every row

rows = sorted(csv.DictReader(open(source), delimiter="\t"), key=lambda r: int(r["passages"]))
base = rows[0]
assert int(base["passages"]) == 0, "the first row must be the shared corpora alone (bash bench/scale.sh 0)"
series = [
    ("passages in the index", lambda r: (int(r["passages"]) + SHARED_PASSAGES) / SHARED_PASSAGES, "#444", "4 3"),
    ("ingest + index time", lambda r: float(r["ingest_s_median"]) / float(base["ingest_s_median"]), "#1f77b4", ""),
    ("ingest peak RSS", lambda r: float(r["ingest_peak_rss_mb"]) / float(base["ingest_peak_rss_mb"]), "#9467bd", ""),
    ("disk (store + index)", lambda r: (float(r["store_mb"]) + float(r["index_mb"])) / (float(base["store_mb"]) + float(base["index_mb"])), "#8c564b", ""),
    ("search p95", lambda r: float(r["search_p95_ms"]) / float(base["search_p95_ms"]), "#d62728", ""),
    ("ask p95", lambda r: float(r["ask_p95_ms"]) / float(base["ask_p95_ms"]), "#ff7f0e", ""),
    ("serve at rest RSS", lambda r: float(r["serve_rest_rss_mb"]) / float(base["serve_rest_rss_mb"]), "#2ca02c", ""),
]

width, height, left, right, top, bottom = 720, 420, 60, 200, 20, 50
xmax = max(int(r["passages"]) for r in rows)
ymax = max(f(r) for _, f, _, _ in series for r in rows)
ymax = max(2, int(ymax) + 1)


def x(v):
    return left + (width - left - right) * v / xmax


def y(v):
    return height - bottom - (height - top - bottom) * v / ymax


out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
       f'<rect width="{width}" height="{height}" fill="white"/>']
for i in range(0, ymax + 1, max(1, ymax // 8)):
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(i):.1f}" y2="{y(i):.1f}" stroke="#ddd"/>')
    out.append(f'<text x="{left - 8}" y="{y(i) + 4:.1f}" text-anchor="end">{i}×</text>')
for r in rows:
    p = int(r["passages"])
    out.append(f'<text x="{x(p):.1f}" y="{height - bottom + 18}" text-anchor="middle">{p // 1000:,}k</text>')
out.append(f'<text x="{(left + width - right) / 2}" y="{height - 8}" text-anchor="middle">synthetic passages beside the shared corpora (relative to none)</text>')
for k, (name, f, colour, dash) in enumerate(series):
    points = " ".join(f"{x(int(r['passages'])):.1f},{y(f(r)):.1f}" for r in rows)
    out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>')
    out.append(f'<line x1="{width - right + 12}" x2="{width - right + 36}" y1="{top + 10 + 20 * k}" y2="{top + 10 + 20 * k}" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>')
    out.append(f'<text x="{width - right + 42}" y="{top + 14 + 20 * k}">{name}</text>')
out.append("</svg>")
open(target, "w").write("\n".join(out) + "\n")
print(f"wrote {target} from {len(rows)} rows")
