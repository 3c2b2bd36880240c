"""Serving economics: fleet cost, revenue at a price list, margin, cost per million tokens."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aicosts
from aicosts import published_figure as fig

pos = st.floats(1e-3, 1e12, allow_nan=False, allow_infinity=False)


def test_day6_cost_is_exact() -> None:
    # deepseekday6 line 68 (A): 226.75 nodes x 8 H800 x 24 h x $2 = $87,072.
    cost = aicosts.serving_fleet_cost(
        fig("deepseek_day6_average_nodes"),
        fig("deepseek_day6_gpus_per_node"),
        24,
        fig("deepseek_day6_usd_per_gpu_hour"),
    )
    assert cost == fig("deepseek_day6_cost_usd_per_day")


def test_day6_revenue_from_rounded_counts_is_within_rounding_of_the_stated() -> None:
    # deepseekday6 lines 74-80 (A): 342B hits, 266B misses, 168B output at R1 prices; stated
    # $562,027. The rounded counts give $562,100: a $73 gap, inside the +-0.5B rounding band.
    hits, inputs = fig("deepseek_day6_cache_hit_tokens"), fig("deepseek_day6_input_tokens")
    prices = [
        fig(f"deepseek_r1_usd_per_million_{k}_tokens")
        for k in ("cache_hit", "cache_miss", "output")
    ]
    revenue = aicosts.token_revenue(
        hits, inputs - hits, fig("deepseek_day6_output_tokens"), *prices
    )
    stated = fig("deepseek_day6_theoretical_revenue_usd_per_day")
    assert revenue - stated == pytest.approx(73.0)
    assert abs(revenue - stated) / stated < 2e-4


def test_day6_margin_is_545_percent_of_cost() -> None:
    margin = aicosts.cost_profit_margin(
        fig("deepseek_day6_theoretical_revenue_usd_per_day"), fig("deepseek_day6_cost_usd_per_day")
    )
    assert round(margin, 2) == fig("deepseek_day6_cost_profit_margin")
    # A margin on cost, not on revenue: 545% of cost is about 84.5% of revenue.
    assert margin / (1 + margin) == pytest.approx(0.845, abs=0.001)


@given(c=pos, t=pos)
def test_cost_per_million_tokens_inverts(c: float, t: float) -> None:
    assert aicosts.usd_per_million_tokens(c, t) * t / 1e6 == pytest.approx(c, rel=1e-12)


@given(r=st.floats(0, 1e12), c=pos)
def test_margin_is_minus_one_at_zero_revenue_and_zero_at_break_even(r: float, c: float) -> None:
    assert aicosts.cost_profit_margin(0.0, c) == -1.0
    assert aicosts.cost_profit_margin(c, c) == 0.0
    assert aicosts.cost_profit_margin(r, c) >= -1.0


def test_revenue_broadcasts_over_price_lists() -> None:
    # V3 and R1 output prices side by side (sources.md, A): $1.10 and $2.19 per million.
    out = aicosts.token_revenue(0, 0, 1e6, 0.07, 0.27, np.array([1.10, 2.19]))
    np.testing.assert_allclose(out, [1.10, 2.19])
