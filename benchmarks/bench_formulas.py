"""Benchmark: one vectorised call on 10^6 elements against a loop of scalar calls.

Run as ``python benchmarks/bench_formulas.py [--csv PATH] [--n N] [--loop N]``. Not part of
the test suite (a nox session runs it). For each formula it times one call on ``n`` (default
10^6) elements and ``loop`` (default 10^4) scalar calls, extrapolates the loop linearly to ``n``
calls (said in the output), and prints the speed-up. Target: ≥ 100×.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from aicosts import (
    amortized_ownership_cost,
    gpu_hours_for_flop,
    model_flop_utilization,
    rental_cost,
    training_flop,
)

TARGET = 100.0


def _best_of(func: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - t0)
    return best


def _cases(n: int) -> dict[str, tuple[Callable[..., Any], list[np.ndarray]]]:
    rng = np.random.default_rng(0)
    hours = rng.uniform(1e3, 1e7, n)
    price = rng.uniform(1.0, 12.0, n)
    usd_gpu = rng.uniform(10_000, 40_000, n)
    flop = rng.uniform(1e22, 1e26, n)
    peak = rng.uniform(1e14, 2e15, n)
    mfu = rng.uniform(0.1, 0.6, n)
    return {
        "rental_cost": (rental_cost, [hours, price]),
        "amortized_ownership_cost": (
            lambda h, p: amortized_ownership_cost(h, p, 700.0, 0.08),
            [hours, usd_gpu],
        ),
        "training_flop": (training_flop, [flop / 1e13, hours * 1e6]),
        "gpu_hours_for_flop": (gpu_hours_for_flop, [flop, peak, mfu]),
        "model_flop_utilization": (model_flop_utilization, [flop, hours, peak]),
    }


def run(n: int, loop: int, repeat: int = 3) -> list[dict[str, Any]]:
    """Time every case; return one result row per formula."""
    rows = []
    for name, (func, arrays) in _cases(n).items():
        t_vec = _best_of(lambda f=func, a=arrays: f(*a), repeat)
        scalars = [[float(a[i]) for a in arrays] for i in range(loop)]

        def scalar_loop(f: Callable[..., Any] = func, s: list[list[float]] = scalars) -> None:
            for args in s:
                f(*args)

        t_loop = _best_of(scalar_loop, 1)
        t_loop_n = t_loop * n / loop
        # Same numbers either way: check the first `loop` elements agree.
        vec = np.asarray(func(*[a[:loop] for a in arrays]))
        ref = np.array([func(*args) for args in scalars[: min(loop, 100)]])
        np.testing.assert_allclose(vec[: len(ref)], ref, rtol=1e-12)
        rows.append(
            {
                "formula": name,
                "n": n,
                "vectorised_s": t_vec,
                "loop_calls_timed": loop,
                "loop_s_extrapolated": t_loop_n,
                "speedup": t_loop_n / t_vec,
            }
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", metavar="PATH", help="also write the results to this CSV file")
    parser.add_argument("--n", type=int, default=1_000_000, help="elements per vectorised call")
    parser.add_argument("--loop", type=int, default=10_000, help="scalar calls actually timed")
    args = parser.parse_args(argv)
    if args.n < 1 or not 1 <= args.loop <= args.n:
        parser.error("need n >= 1 and 1 <= loop <= n")
    rows = run(args.n, args.loop)
    print(
        f"vectorised call on {args.n:,} elements vs. scalar loop "
        f"({args.loop:,} calls timed, extrapolated linearly to {args.n:,})"
    )
    print(f"{'formula':<26}{'vectorised [s]':>16}{'loop [s]':>12}{'speed-up':>12}")
    for r in rows:
        flag = "" if r["speedup"] >= TARGET else f"  (below {TARGET:.0f}x target)"
        print(
            f"{r['formula']:<26}{r['vectorised_s']:>16.4f}{r['loop_s_extrapolated']:>12.2f}"
            f"{r['speedup']:>11.0f}x{flag}"
        )
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {args.csv}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
