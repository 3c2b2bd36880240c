"""DeepSeek's Day-6 inference figures, recomputed from the inputs the post states."""

from __future__ import annotations

import pytest

from aicosts import published_figure as fig
from aicosts.cases.deepseek_serving import day6


def test_cost_exact_revenue_consistent_margin_as_stated() -> None:
    d = day6()
    assert d.cost_usd == d.stated_cost_usd == fig("deepseek_day6_cost_usd_per_day")
    assert d.revenue_low_usd < d.stated_revenue_usd < d.revenue_high_usd
    assert d.revenue_usd != d.stated_revenue_usd  # rounded inputs: consistent, not exact
    assert round(d.margin, 2) == d.stated_margin


def test_cache_hit_share_is_the_posts_56_3_percent() -> None:
    assert round(day6().cache_hit_share * 100, 1) == 56.2  # 342/608 = 56.25%, written "56.3%"


def test_per_node_throughputs_account_for_the_nodes_held() -> None:
    # 608B / 73.7k tokens/s and 168B / 14.8k tokens/s per node add up to ~226.9 node-days.
    d = day6()
    assert d.prefill_node_days + d.decode_node_days == pytest.approx(d.average_nodes, rel=0.002)


def test_all_in_cost_per_million_output_tokens() -> None:
    d = day6()
    assert d.usd_per_million_output_tokens == pytest.approx(
        1e6 * fig("deepseek_day6_cost_usd_per_day") / fig("deepseek_day6_output_tokens")
    )
