"""Benchmark: what a first visit to a chart page downloads, and how soon every chart is drawn.

Run as ``python benchmarks/bench_charts.py [SITE] [--runs N]`` after a build (``nox -s bench``
does). For every page that draws a chart it opens a fresh Chromium context (empty cache, the
first visit) at 1280 px and at 390 px and records

* the bytes transferred as a host with gzip would send them: each response body gzip-compressed
  at level 6 (the local server does not compress; web fonts are counted when the page uses them);
* the time from navigation start until every chart has drawn its marks and finished fitting
  itself to the column (``data-aicosts-busy`` gone), the median of ``--runs`` visits.

Targets (issue 15, reported, not asserted): ≤ 450 KB gzip on the heaviest chart page; every chart
drawn ≤ 0.5 s after navigation on two cores. Results go to ``benchmarks/results/charts.md`` and
``charts.csv`` and are printed.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import statistics
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import readercheck  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
BYTES_TARGET = 450 * 1024
DRAWN_TARGET_S = 0.5

_DRAWN = """
() => new Promise((resolve) => {
  const done = () => [...document.querySelectorAll('.aicosts-chart')].every(
    (el) => el.querySelector('svg.marks') && !el.hasAttribute('data-aicosts-busy'));
  const poll = () => done() ? resolve(performance.now()) : requestAnimationFrame(poll);
  poll();
})
"""


def visit(browser, url: str, site: Path, width: int) -> tuple[int, int, float, int]:
    """One first visit: (raw bytes, gzip bytes, seconds until every chart is drawn, charts)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    paths: list[str] = []
    page = context.new_page()
    page.on("response", lambda r: paths.append(urlsplit(r.url).path))
    page.goto(url, wait_until="load")
    drawn_ms = page.evaluate(_DRAWN)
    charts = page.locator(".aicosts-chart").count()
    context.close()
    raw = packed = 0
    for path in paths:
        file = site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            body = file.read_bytes()
            raw += len(body)
            packed += len(gzip.compress(body, compresslevel=6, mtime=0))
    return raw, packed, drawn_ms / 1000, charts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=readercheck.DEFAULT_SITE)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    pages = [
        p
        for p in readercheck.pages(args.site)
        if 'class="aicosts-chart"' in (args.site / p).read_text(encoding="utf-8")
    ]
    rows = []
    with readercheck.serve(args.site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=readercheck.CHROMIUM_ARGS)
        for path in pages:
            for width in (1280, 390):
                runs = [visit(browser, base + path, args.site, width) for _ in range(args.runs)]
                raw, packed, _, charts = runs[0]
                drawn = statistics.median(r[2] for r in runs)
                rows.append((path, width, charts, raw, packed, drawn))
        browser.close()
    RESULTS.mkdir(parents=True, exist_ok=True)
    with (RESULTS / "charts.csv").open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["page", "width_px", "charts", "raw_bytes", "gzip_bytes", "drawn_s"])
        writer.writerows(rows)
    heaviest = max(rows, key=lambda r: r[4])
    slowest = max(rows, key=lambda r: r[5])
    lines = [
        "## Chart pages, first visit (benchmarks/bench_charts.py)",
        "",
        f"Median of {args.runs} cold visits per page and width; gzip level 6.",
        "",
        "| page | width [px] | charts | transferred [KB] | gzip [KB] | all charts drawn [s] |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {p} | {w} | {c} | {raw / 1024:,.0f} | {gz / 1024:,.0f} | {d:.2f} |"
        for p, w, c, raw, gz, d in rows
    ]
    lines += [
        "",
        f"Heaviest: {heaviest[0]} at {heaviest[4] / 1024:,.0f} KB gzip "
        f"(target ≤ {BYTES_TARGET / 1024:,.0f} KB: "
        f"{'met' if heaviest[4] <= BYTES_TARGET else 'missed'}).",
        f"Slowest: {slowest[0]} at {slowest[1]} px, every chart drawn after {slowest[5]:.2f} s "
        f"(target ≤ {DRAWN_TARGET_S} s: {'met' if slowest[5] <= DRAWN_TARGET_S else 'missed'}).",
        "",
    ]
    report = "\n".join(lines)
    (RESULTS / "charts.md").write_text(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
