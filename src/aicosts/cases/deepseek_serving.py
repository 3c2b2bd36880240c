r"""Case study: DeepSeek's own account of a day of serving V3 and R1, recomputed from its inputs.

DeepSeek's "Day 6" post (1 March 2025) is the one primary account of its inference economics:
226.75 nodes of 8 H800 on average over 24 hours, priced at $2 per GPU-hour, 608B input tokens of
which 342B hit the KV cache, 168B output tokens, and a theoretical revenue at R1's prices.

- :func:`day6` -- the day recomputed: cost, revenue at R1 prices, the cost profit margin, cost per
  million output tokens, and the node-days the stated per-node throughputs imply.
- :class:`Day6` -- what :func:`day6` returns, each recomputed figure beside the stated one.

What the recomputation shows (all inputs grade A, from the post):

* the cost, $87,072, is exact: 226.75 × 8 × 24 × $2;
* the revenue from the *rounded* token counts is $562,100, $73 above the stated $562,027, which
  DeepSeek computed from unrounded counts: consistent (within the ±0.5B rounding of each count),
  not reproducible to the dollar;
* the 545% margin follows from the stated revenue and cost;
* the per-node throughputs account for the average node count: prefill and decode need about
  226.9 node-days for the day's tokens, against 226.75 nodes held.

"Theoretical", in DeepSeek's words: "our actual revenue is substantially lower" because V3 is
priced below R1, web and app access are free and night-time discounts apply.
"""

from __future__ import annotations

from dataclasses import dataclass

from aicosts._contract import as_float
from aicosts.catalogues.published import published_figure
from aicosts.formulas.compute import HOURS_PER_DAY, SECONDS_PER_HOUR
from aicosts.formulas.inference import (
    cost_profit_margin,
    serving_fleet_cost,
    token_revenue,
    usd_per_million_tokens,
)

__all__ = ["Day6", "day6"]

#: Seconds in a day [s/day].
_SECONDS_PER_DAY = HOURS_PER_DAY * SECONDS_PER_HOUR


@dataclass(frozen=True)
class Day6:
    r"""DeepSeek's inference day, recomputed beside what DeepSeek states.

    Attributes
    ----------
    cost_usd, stated_cost_usd : float
        Rental cost of the nodes held over the 24 hours, recomputed and stated [USD].
    revenue_usd, stated_revenue_usd : float
        Theoretical revenue at R1's prices from the published (rounded) token counts, and as
        stated [USD].
    revenue_low_usd, revenue_high_usd : float
        The revenue if each published token count is off by up to half its last digit (0.5B)
        [USD]; the stated revenue lies between them.
    margin, stated_margin : float
        Cost profit margin from the stated revenue and cost, and as stated (5.45 for "545%") [-].
    cache_hit_share : float
        Share of input tokens that hit the KV cache [-].
    usd_per_million_output_tokens : float
        The day's cost over its output tokens, all GPU time included [USD per million tokens].
    prefill_node_days, decode_node_days : float
        Node-days the day's input and output need at the stated per-node throughputs [node·day].
    average_nodes : float
        Nodes held on average, as stated [node].
    """

    cost_usd: float
    stated_cost_usd: float
    revenue_usd: float
    stated_revenue_usd: float
    revenue_low_usd: float
    revenue_high_usd: float
    margin: float
    stated_margin: float
    cache_hit_share: float
    usd_per_million_output_tokens: float
    prefill_node_days: float
    decode_node_days: float
    average_nodes: float


def day6() -> Day6:
    r"""Recompute DeepSeek's Day-6 figures from the inputs the post states.

    .. math:: C = \bar n\, g\, 24\, p, \quad R = \sum_k T_k p_k / 10^6, \quad m = (R - C) / C

    Returns
    -------
    Day6
        Each recomputed figure beside the stated one [USD, -, node·day].

    Examples
    --------
    >>> d = day6()
    >>> d.cost_usd == d.stated_cost_usd
    True
    >>> d.revenue_usd - d.stated_revenue_usd
    73.0
    >>> d.revenue_low_usd < d.stated_revenue_usd < d.revenue_high_usd
    True
    >>> f"{d.margin:.0%}", round(d.usd_per_million_output_tokens, 3)
    ('545%', 0.518)

    References
    ----------
    .. [1] DeepSeek-AI, "Day 6: One More Thing, DeepSeek-V3/R1 Inference System Overview",
       deepseek-ai/open-infra-index, 1 March 2025, lines 67-85 (``deepseekday6``).
    """
    fig = published_figure
    nodes = fig("deepseek_day6_average_nodes")
    cost = as_float(
        serving_fleet_cost(
            nodes,
            fig("deepseek_day6_gpus_per_node"),
            HOURS_PER_DAY,
            fig("deepseek_day6_usd_per_gpu_hour"),
        )
    )
    inputs, hits = fig("deepseek_day6_input_tokens"), fig("deepseek_day6_cache_hit_tokens")
    outputs = fig("deepseek_day6_output_tokens")
    prices = (
        fig("deepseek_r1_usd_per_million_cache_hit_tokens"),
        fig("deepseek_r1_usd_per_million_cache_miss_tokens"),
        fig("deepseek_r1_usd_per_million_output_tokens"),
    )

    def revenue(hit: float, miss: float, out: float) -> float:
        return as_float(token_revenue(hit, miss, out, *prices))

    half = 0.5e9  # the published counts are rounded to the billion
    stated_revenue = fig("deepseek_day6_theoretical_revenue_usd_per_day")
    stated_cost = fig("deepseek_day6_cost_usd_per_day")
    return Day6(
        cost_usd=cost,
        stated_cost_usd=stated_cost,
        revenue_usd=revenue(hits, inputs - hits, outputs),
        stated_revenue_usd=stated_revenue,
        # Revenue falls with more hits (cheaper) and fewer misses and outputs, and vice versa.
        revenue_low_usd=revenue(hits + half, inputs - hits - 2 * half, outputs - half),
        revenue_high_usd=revenue(hits - half, inputs - hits + 2 * half, outputs + half),
        margin=as_float(cost_profit_margin(stated_revenue, stated_cost)),
        stated_margin=fig("deepseek_day6_cost_profit_margin"),
        cache_hit_share=hits / inputs,
        usd_per_million_output_tokens=as_float(usd_per_million_tokens(stated_cost, outputs)),
        prefill_node_days=inputs
        / fig("deepseek_day6_prefill_tokens_per_s_per_node")
        / _SECONDS_PER_DAY,
        decode_node_days=outputs
        / fig("deepseek_day6_decode_tokens_per_s_per_node")
        / _SECONDS_PER_DAY,
        average_nodes=nodes,
    )
