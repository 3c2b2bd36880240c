"""Tests for aicosts.uncertainty: ranges, sampling and Monte Carlo propagation."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicosts import (
    Range,
    amortized_ownership_cost,
    draw,
    epoch_ownership,
    get_gpu,
    monte_carlo,
    rental_cost,
)
from aicosts import published_figure as fig

# --- Range --------------------------------------------------------------------------------


def test_range_normalises_to_float() -> None:
    r = Range(1, 2, 3)
    assert (r.low, r.central, r.high) == (1.0, 2.0, 3.0)
    assert all(isinstance(v, float) for v in (r.low, r.central, r.high))
    assert Range.from_sequence([1, 1, 1]) == Range(1.0, 1.0, 1.0)


@pytest.mark.parametrize(
    ("args", "exc", "msg"),
    [
        ((3, 2, 1), ValueError, "low <= central <= high, got low=3.0, central=2.0, high=1.0"),
        ((1, 5, 3), ValueError, "low <= central <= high"),
        ((math.nan, 1, 2), ValueError, "low must be a finite number, got nan"),
        ((0, 1, math.inf), ValueError, "high must be a finite number, got inf"),
        ((0, "1", 2), TypeError, "central must be a number"),
        ((0, [1, 2], 2), TypeError, "central must be a single number"),
    ],
)
def test_range_validation(args: tuple[Any, ...], exc: type[Exception], msg: str) -> None:
    with pytest.raises(exc) as info:
        Range(*args)
    assert msg in str(info.value)


@pytest.mark.parametrize(
    ("bad", "exc"),
    [((1, 2), ValueError), ("abc", TypeError), ((1, 2, 3, 4), ValueError), ({0: 1}, TypeError)],
)
def test_from_sequence_needs_three(bad: Any, exc: type[Exception]) -> None:
    # A mapping used to fail with a bare KeyError: 0.
    with pytest.raises(exc, match="values must be"):
        Range.from_sequence(bad)


# --- draw ---------------------------------------------------------------------------------


@pytest.mark.parametrize("distribution", ["triangular", "log-triangular", "LOG-TRIANGULAR"])
def test_draw_within_bounds(distribution: str) -> None:
    # Epoch's GPT-4 compute, 90% CI 8.2e24–4.4e25 around 2.1e25 (cottier2024, B).
    r = Range(fig("epoch_gpt4_flop_low"), fig("epoch_gpt4_flop"), fig("epoch_gpt4_flop_high"))
    s = draw(r, 5_000, seed=3, distribution=distribution)
    assert s.shape == (5_000,)
    assert s.min() >= r.low and s.max() <= r.high


def test_log_triangular_median_is_geometric() -> None:
    # Triangular in log x with a symmetric log range: the median is the geometric centre.
    s = draw(Range(1.0, 10.0, 100.0), 200_000, seed=0, distribution="log-triangular")
    assert np.median(s) == pytest.approx(10.0, rel=0.02)


def test_draw_degenerate_and_errors() -> None:
    np.testing.assert_array_equal(draw(Range(2, 2, 2), 4), [2.0] * 4)
    with pytest.raises(ValueError, match=r"log-triangular needs low > 0, got low=0\.0"):
        draw(Range(0, 1, 2), 10, distribution="log-triangular")
    with pytest.raises(ValueError, match="distribution must be one of"):
        draw(Range(0, 1, 2), 10, distribution="normal")
    with pytest.raises(TypeError, match="value must be a Range"):
        draw((0, 1, 2), 10)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="num_samples must be at least 1, got 0"):
        draw(Range(0, 1, 2), 0)
    with pytest.raises(ValueError, match="seed must be at least 0, got -1"):
        draw(Range(0, 1, 2), 10, seed=-1)
    with pytest.raises(TypeError, match="seed must be a non-negative integer"):
        draw(Range(0, 1, 2), 10, seed=1.5)


# --- monte_carlo --------------------------------------------------------------------------

PRICE = Range(
    fig("h100_rental_usd_per_gpu_hour_low"),
    fig("deepseek_v3_usd_per_gpu_hour"),
    fig("h100_rental_usd_per_gpu_hour_high"),
)


def test_monte_carlo_shape_and_index() -> None:
    q = monte_carlo(
        rental_cost, num_samples=1_000, seed=1, gpu_hours=2.788e6, usd_per_gpu_hour=PRICE
    )
    assert isinstance(q, pd.Series)
    assert list(q.index) == [5.0, 50.0, 95.0]
    assert q.index.name == "percentile" and q.name == "value"


def test_monte_carlo_same_seed_same_result_and_different_seed_differs() -> None:
    kw: dict[str, Any] = {"gpu_hours": 2.788e6, "usd_per_gpu_hour": PRICE}
    a = monte_carlo(rental_cost, num_samples=2_000, seed=42, **kw)
    b = monte_carlo(rental_cost, num_samples=2_000, seed=42, **kw)
    c = monte_carlo(rental_cost, num_samples=2_000, seed=43, **kw)
    pd.testing.assert_series_equal(a, b)
    assert not a.equals(c)


def test_monte_carlo_constant_range_gives_deterministic_result() -> None:
    # A degenerate range reproduces the published figure: 2.788M GPU-h × $2 = $5.576M.
    q = monte_carlo(
        rental_cost,
        num_samples=10,
        gpu_hours=fig("deepseek_v3_total_gpu_hours"),
        usd_per_gpu_hour=Range(2, 2, 2),
    )
    assert (q == fig("deepseek_v3_total_usd")).all()


def test_monte_carlo_several_ranges_and_fixed_inputs() -> None:
    ownership = dict(epoch_ownership(get_gpu("H800")))  # Epoch's assumptions for a bare GPU
    energy = {k: ownership[k] for k in ("power_fraction_of_tdp", "pue", "server_power_factor")}
    q = monte_carlo(
        amortized_ownership_cost,
        num_samples=5_000,
        seed=0,
        percentiles=(0, 50, 100),
        gpu_hours=fig("deepseek_v3_total_gpu_hours"),
        usd_per_gpu=Range(30_000, 33_750, 40_000),
        tdp_watts=700,
        usd_per_kwh=0.0806,
        server_overhead=Range(1.54, 1.54, 1.69),
        life_years=Range(3, 4, 5),
        interconnect_share=0.19,
        **energy,
    )
    fixed = {**ownership, "server_overhead": 1.54, "life_years": 5}
    lo = amortized_ownership_cost(2.788e6, 30_000, 700, 0.0806, **fixed)
    fixed.update(server_overhead=1.69, life_years=3)
    hi = amortized_ownership_cost(2.788e6, 40_000, 700, 0.0806, **fixed)
    assert lo <= q[0.0] <= q[50.0] <= q[100.0] <= hi


@settings(max_examples=25, deadline=None)
@given(
    low=st.floats(min_value=0.1, max_value=10),
    spread=st.floats(min_value=0.0, max_value=10),
    where=st.floats(min_value=0.0, max_value=1.0),
    seed=st.integers(min_value=0, max_value=2**32),
    qs=st.lists(st.floats(min_value=0, max_value=100), min_size=1, max_size=6, unique=True),
)
def test_percentiles_ordered(
    low: float, spread: float, where: float, seed: int, qs: list[float]
) -> None:
    r = Range(low, low + where * spread, low + spread)
    out = monte_carlo(
        rental_cost,
        num_samples=500,
        seed=seed,
        percentiles=sorted(qs),
        gpu_hours=1e6,
        usd_per_gpu_hour=r,
    )
    assert np.all(np.diff(out.to_numpy()) >= 0)
    assert out.min() >= 1e6 * r.low * (1 - 1e-12) and out.max() <= 1e6 * r.high * (1 + 1e-12)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_same_seed_property(seed: int) -> None:
    kw: dict[str, Any] = {"gpu_hours": Range(1, 2, 3), "usd_per_gpu_hour": PRICE}
    a = monte_carlo(rental_cost, num_samples=200, seed=seed, **kw)
    pd.testing.assert_series_equal(a, monte_carlo(rental_cost, num_samples=200, seed=seed, **kw))


@pytest.mark.parametrize(
    ("kwargs", "exc", "msg"),
    [
        ({"percentiles": (50, 5)}, ValueError, "strictly increasing"),
        ({"percentiles": (5, 50, 101)}, ValueError, "percentiles[2] must be in [0, 100], got 101"),
        ({"percentiles": ()}, ValueError, "non-empty"),
        ({"percentiles": (5, math.nan)}, ValueError, "percentiles[1] must be a finite number"),
        ({"num_samples": 0}, ValueError, "num_samples must be at least 1, got 0"),
        ({"num_samples": 10.5}, ValueError, "num_samples must be a whole number, got 10.5"),
        ({"seed": "x"}, TypeError, "seed must be a non-negative integer"),
        ({"seed": 1.5}, TypeError, "seed must be a non-negative integer"),
        ({"distribution": "normal"}, ValueError, "distribution must be one of"),
        ({"usd_per_gpu_hour": 2.0}, ValueError, "needs at least one Range input"),
        ({"usd_per_gpu_hour": Range(-1, 1, 2)}, ValueError, "usd_per_gpu_hour"),
    ],
)
def test_monte_carlo_validation(kwargs: dict[str, Any], exc: type[Exception], msg: str) -> None:
    base: dict[str, Any] = {"gpu_hours": 1e6, "usd_per_gpu_hour": PRICE}
    with pytest.raises(exc) as info:
        monte_carlo(rental_cost, **{**base, **kwargs})
    assert msg in str(info.value)


def test_monte_carlo_func_errors() -> None:
    with pytest.raises(TypeError, match="func must be callable"):
        monte_carlo(3, x=PRICE)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"one value per sample, shape \(10,\), got shape \(\)"):
        monte_carlo(lambda x: 1.0, num_samples=10, x=PRICE)
    with pytest.raises(TypeError, match="func result must be a number"):
        monte_carlo(lambda x: "a", num_samples=10, x=PRICE)
