"""Benchmark: how long the site takes to build cold and to rebuild when nothing changed.

Run as ``python benchmarks/bench_build.py [--out DIR]`` (``nox -s bench`` does, then runs
``bench_formulas.py``). The cold build starts from an empty output folder and an empty execution
cache, so every page is executed; the no-op rebuild runs the same command again at once. Both use
``sphinx-build -W -n``, as ``nox -s docs`` does. Targets on a 2-core machine: cold ≤ 90 s, no-op
rebuild ≤ 5% of cold. Results are appended to ``benchmarks/results/`` as Markdown and CSV and
printed; they are reported, not asserted.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
RESULTS = ROOT / "benchmarks" / "results"
COLD_TARGET_S = 90.0
NOOP_TARGET_FRACTION = 0.05


def timed_build(out: Path) -> float:
    """Run one ``sphinx-build`` into ``out``; return its wall-clock seconds."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))
    cmd = [sys.executable, "-m", "sphinx", "-W", "-n", "--keep-going", "-q", "-b", "html"]
    start = time.perf_counter()
    subprocess.run([*cmd, str(DOCS), str(out)], check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=RESULTS / "build", help="scratch build folder")
    args = parser.parse_args(argv)
    shutil.rmtree(args.out, ignore_errors=True)  # output, execution cache, jupyter_execute
    html = args.out / "html"
    cold = timed_build(html)
    noop = timed_build(html)
    pages = sum(1 for p in html.rglob("*.html") if "_static" not in p.parts)
    fraction = noop / cold
    RESULTS.mkdir(parents=True, exist_ok=True)
    row = {
        "cold_s": f"{cold:.1f}",
        "noop_s": f"{noop:.1f}",
        "noop_fraction": f"{fraction:.3f}",
        "pages": str(pages),
        "cpus": str(os.cpu_count()),
        "python": platform.python_version(),
    }
    with (RESULTS / "build.csv").open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(row))
        writer.writeheader()
        writer.writerow(row)
    ok_cold = "meets" if cold <= COLD_TARGET_S else "MISSES"
    ok_noop = "meets" if fraction <= NOOP_TARGET_FRACTION else "MISSES"
    report = "\n".join(
        [
            "## Site build",
            "",
            f"{pages} pages, {os.cpu_count()} CPUs, Python {platform.python_version()}.",
            "",
            "| build | seconds | target | result |",
            "|---|---:|---|---|",
            f"| cold (empty execution cache) | {cold:.1f} | ≤ {COLD_TARGET_S:.0f} s | {ok_cold} |",
            f"| no-op rebuild | {noop:.1f} ({fraction:.1%} of cold) | ≤ 5% of cold | {ok_noop} |",
            "",
        ]
    )
    (RESULTS / "build.md").write_text(report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
