r"""What serving tokens costs and earns: the arithmetic of an inference fleet's day.

- :func:`serving_fleet_cost` -- nodes held × GPUs per node × hours × rental price [USD].
- :func:`token_revenue` -- tokens by billing class (cache-hit input, cache-miss input, output)
  at a price list [USD].
- :func:`cost_profit_margin` -- (revenue − cost) ÷ cost, the ratio DeepSeek reports [-].
- :func:`usd_per_million_tokens` -- a cost spread over the tokens it produced [USD per million].

These are the quantities of DeepSeek's own account of its inference economics (the "Day 6" post
of its open-source week, 1 March 2025); :mod:`aicosts.cases.deepseek_serving` reproduces its
figures from its inputs. Prices are per million tokens, as API price lists quote them.
"""

from __future__ import annotations

from aicosts._contract import COUNT, NONNEGATIVE, POSITIVE, ArrayLike, FloatOrArray, formula

__all__ = [
    "TOKENS_PER_MILLION",
    "cost_profit_margin",
    "serving_fleet_cost",
    "token_revenue",
    "usd_per_million_tokens",
]

#: Tokens in a million, the unit of API price lists [token].
TOKENS_PER_MILLION = 1e6


@formula(
    average_nodes=POSITIVE,
    gpus_per_node=COUNT,
    wall_clock_hours=POSITIVE,
    usd_per_gpu_hour=POSITIVE,
)
def serving_fleet_cost(
    average_nodes: ArrayLike,
    gpus_per_node: ArrayLike,
    wall_clock_hours: ArrayLike,
    usd_per_gpu_hour: ArrayLike,
) -> FloatOrArray:
    r"""Rental cost of the nodes an inference service holds over a period.

    .. math:: C = \bar n \cdot g \cdot t \cdot p

    Parameters
    ----------
    average_nodes : float or array-like
        Nodes held, averaged over the period, :math:`\bar n` [node]; may be fractional.
    gpus_per_node : int or array-like
        GPUs in one node, :math:`g` [GPU/node].
    wall_clock_hours : float or array-like
        Length of the period, :math:`t` [h].
    usd_per_gpu_hour : float or array-like
        Rental price, :math:`p` [USD/(GPU·h)].

    Returns
    -------
    float or ndarray or Series
        Cost of the period :math:`C` [USD].

    Notes
    -----
    Counts the GPUs as rented at the given price, the whole time they are held, busy or not:
    nothing for staff, networking beyond the nodes, or the research that used the nodes at
    night (DeepSeek reduces inference nodes off-peak and runs research and training on them) [1]_.

    Examples
    --------
    DeepSeek's day, 27–28 February 2025: 226.75 nodes of 8 H800 on average, at $2 per GPU-hour,
    "the total daily cost amounts to $87,072" [1]_:

    >>> serving_fleet_cost(226.75, 8, 24, 2.0)
    87072.0

    References
    ----------
    .. [1] DeepSeek-AI, "Day 6: One More Thing, DeepSeek-V3/R1 Inference System Overview",
       deepseek-ai/open-infra-index, 1 March 2025 (``deepseekday6``).
    """
    return average_nodes * gpus_per_node * wall_clock_hours * usd_per_gpu_hour


@formula(
    cache_hit_tokens=NONNEGATIVE,
    cache_miss_tokens=NONNEGATIVE,
    output_tokens=NONNEGATIVE,
    usd_per_million_cache_hit_tokens=NONNEGATIVE,
    usd_per_million_cache_miss_tokens=NONNEGATIVE,
    usd_per_million_output_tokens=NONNEGATIVE,
)
def token_revenue(
    cache_hit_tokens: ArrayLike,
    cache_miss_tokens: ArrayLike,
    output_tokens: ArrayLike,
    usd_per_million_cache_hit_tokens: ArrayLike,
    usd_per_million_cache_miss_tokens: ArrayLike,
    usd_per_million_output_tokens: ArrayLike,
) -> FloatOrArray:
    r"""Revenue of a volume of tokens billed at a price list with cache-hit discounts.

    .. math:: R = \frac{T_\mathrm{hit}\, p_\mathrm{hit} + T_\mathrm{miss}\, p_\mathrm{miss}
              + T_\mathrm{out}\, p_\mathrm{out}}{10^6}

    Parameters
    ----------
    cache_hit_tokens : float or array-like
        Input tokens served from the KV cache, :math:`T_\mathrm{hit}` [token].
    cache_miss_tokens : float or array-like
        Input tokens computed afresh, :math:`T_\mathrm{miss}` [token].
    output_tokens : float or array-like
        Generated tokens, :math:`T_\mathrm{out}` [token].
    usd_per_million_cache_hit_tokens : float or array-like
        Price of cache-hit input, :math:`p_\mathrm{hit}` [USD per million tokens].
    usd_per_million_cache_miss_tokens : float or array-like
        Price of cache-miss input, :math:`p_\mathrm{miss}` [USD per million tokens].
    usd_per_million_output_tokens : float or array-like
        Price of output, :math:`p_\mathrm{out}` [USD per million tokens].

    Returns
    -------
    float or ndarray or Series
        Revenue :math:`R` [USD].

    Notes
    -----
    What the tokens would earn if every one were billed at the list price: DeepSeek calls this
    "theoretical" and adds that its actual revenue is substantially lower (V3 is priced below R1,
    web and app use is free, night-time discounts apply) [1]_.

    Examples
    --------
    DeepSeek's day at R1 prices ($0.14 / $0.55 / $2.19 per million) with its published, rounded
    token counts (342B cache hits of 608B input, 168B output) [1]_: $562,100, $73 above the
    $562,027 DeepSeek states, which it computed from unrounded counts:

    >>> token_revenue(342e9, 608e9 - 342e9, 168e9, 0.14, 0.55, 2.19)
    562100.0

    References
    ----------
    .. [1] DeepSeek-AI, "Day 6: One More Thing, DeepSeek-V3/R1 Inference System Overview",
       deepseek-ai/open-infra-index, 1 March 2025 (``deepseekday6``).
    """
    billed = (
        cache_hit_tokens * usd_per_million_cache_hit_tokens
        + cache_miss_tokens * usd_per_million_cache_miss_tokens
        + output_tokens * usd_per_million_output_tokens
    )
    return billed / TOKENS_PER_MILLION


@formula(revenue_usd=NONNEGATIVE, cost_usd=POSITIVE)
def cost_profit_margin(revenue_usd: ArrayLike, cost_usd: ArrayLike) -> FloatOrArray:
    r"""Profit as a multiple of cost, the "cost profit margin" DeepSeek reports.

    .. math:: m = \frac{R - C}{C}

    Parameters
    ----------
    revenue_usd : float or array-like
        Revenue, :math:`R` [USD].
    cost_usd : float or array-like
        Cost, :math:`C` [USD].

    Returns
    -------
    float or ndarray or Series
        Margin :math:`m` [-]; 5.45 reads "545%".

    Notes
    -----
    A margin on *cost*, not on revenue: 545% of cost is 84.5% of revenue. With DeepSeek's inputs it
    compares a theoretical revenue with the rental value of the GPUs only, so it is not a profit
    of the company [1]_.

    Examples
    --------
    DeepSeek's stated $562,027 of theoretical revenue against $87,072 of cost [1]_:

    >>> round(cost_profit_margin(562_027, 87_072), 4)
    5.4547

    References
    ----------
    .. [1] DeepSeek-AI, "Day 6: One More Thing, DeepSeek-V3/R1 Inference System Overview",
       deepseek-ai/open-infra-index, 1 March 2025 (``deepseekday6``).
    """
    return (revenue_usd - cost_usd) / cost_usd


@formula(cost_usd=POSITIVE, tokens=POSITIVE)
def usd_per_million_tokens(cost_usd: ArrayLike, tokens: ArrayLike) -> FloatOrArray:
    r"""Spread a cost over the tokens it produced, per million.

    .. math:: c = 10^6 \, \frac{C}{T}

    Parameters
    ----------
    cost_usd : float or array-like
        Cost, :math:`C` [USD].
    tokens : float or array-like
        Tokens produced, :math:`T` [token].

    Returns
    -------
    float or ndarray or Series
        Cost :math:`c` [USD per million tokens].

    Notes
    -----
    An all-in average: when the cost is a whole fleet's, input processing is charged to the
    output tokens too.

    Examples
    --------
    DeepSeek's $87,072 day over its 168B output tokens [1]_: about 52 cents per million output
    tokens, all GPU time included:

    >>> round(usd_per_million_tokens(87_072, 168e9), 3)
    0.518

    References
    ----------
    .. [1] DeepSeek-AI, "Day 6: One More Thing, DeepSeek-V3/R1 Inference System Overview",
       deepseek-ai/open-infra-index, 1 March 2025 (``deepseekday6``).
    """
    return TOKENS_PER_MILLION * cost_usd / tokens
