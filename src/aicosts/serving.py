r"""Serving throughput and cost from a roofline: how MLA and MoE change the price of a token.

Decoding one token per sequence reads every weight the batch needs and the batch's whole
KV cache from HBM, then spends :math:`2 N_\text{active}` FLOP per token. The slower of the two
sets the step time. These functions give that **roofline upper bound**; real servers lose to
communication (expert-parallel all-to-all, tensor-parallel reductions), prefill, attention
kernels, scheduling and uneven batches. Hardware numbers are plain parameters (take them from
:mod:`aicosts.hardware` or a datasheet); time is in seconds, money in USD.

Contents:

memory_bound_tokens_per_s(batch, weight_bytes_per_step, kv_bytes_per_sequence, hbm_bytes_per_s)
    Decode tokens/s per GPU if HBM bandwidth is the limit [tokens/s].
compute_bound_tokens_per_s(active_params, peak_flop_per_s, compute_utilization)
    Decode tokens/s per GPU if arithmetic is the limit [tokens/s].
decode_tokens_per_s_per_gpu(batch, weight_bytes_per_step, kv_bytes_per_sequence, ...)
    The roofline: the smaller of the two [tokens/s].
max_concurrent_sequences(hbm_bytes_total, weight_bytes, kv_bytes_per_sequence)
    Sequences whose KV cache fits in HBM next to the weights [-].
serving_cost_per_million_tokens(tokens_per_s, usd_per_gpu_hour, utilization)
    Price of a million generated tokens [USD/Mtoken].
serving_comparison(config, ...)
    What MLA and MoE each change, as a DataFrame.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from aicosts._validation import (
    ArrayLike,
    FloatOrArray,
    as_float,
    broadcast,
    check_choice,
    check_fraction,
    check_integer,
    check_positive,
    wrap,
)
from aicosts.compute import SECONDS_PER_HOUR
from aicosts.config import ModelConfig
from aicosts.kvcache import kv_cache_bytes_per_token
from aicosts.params import param_count

__all__ = [
    "compute_bound_tokens_per_s",
    "decode_tokens_per_s_per_gpu",
    "max_concurrent_sequences",
    "memory_bound_tokens_per_s",
    "serving_comparison",
    "serving_cost_per_million_tokens",
]


def memory_bound_tokens_per_s(
    batch: ArrayLike,
    weight_bytes_per_step: ArrayLike,
    kv_bytes_per_sequence: ArrayLike,
    hbm_bytes_per_s: ArrayLike,
) -> FloatOrArray:
    r"""Decode throughput per GPU when HBM bandwidth is the limit.

    .. math:: r_\text{mem} = \frac{B\,W_\text{bw}}{W + B\,K}

    Parameters
    ----------
    batch : int or array-like
        Sequences decoded together, :math:`B` [-].
    weight_bytes_per_step : float or array-like
        Weight bytes read per decode step by the whole serving group, :math:`W` (active
        weights for a small batch; up to all weights when the batch touches every expert)
        [bytes].
    kv_bytes_per_sequence : float or array-like
        KV cache of one sequence, :math:`K` [bytes].
    hbm_bytes_per_s : float or array-like
        HBM bandwidth of one GPU, :math:`W_\text{bw}` [bytes/s].

    Returns
    -------
    float or ndarray or Series
        Generated tokens per second per GPU [tokens/s].

    Notes
    -----
    One step produces one token for each of the :math:`B` sequences and reads :math:`W +
    BK` bytes. Spread over :math:`G` GPUs that read in parallel, a step takes
    :math:`(W + BK)/(G W_\text{bw})`, so the rate per GPU is :math:`B W_\text{bw}/(W+BK)`:
    :math:`G` cancels. Assumes weights and cache are split evenly and bandwidth is fully
    used.

    Examples
    --------
    37 GB of active FP8 weights and no cache on one H800 (3.35 TB/s): a batch of one gets
    about 90 tokens/s:

    >>> memory_bound_tokens_per_s(1, 37e9, 0, 3.35e12)
    90.54...

    References
    ----------
    .. [1] S. Williams, A. Waterman, D. Patterson, "Roofline: an insightful visual
       performance model for multicore architectures", Commun. ACM 52(4), 2009.
    """
    b = check_integer("batch", batch)
    w = check_positive("weight_bytes_per_step", weight_bytes_per_step, allow_zero=True)
    k = check_positive("kv_bytes_per_sequence", kv_bytes_per_sequence, allow_zero=True)
    bw = check_positive("hbm_bytes_per_s", hbm_bytes_per_s)
    b, w, k, bw = broadcast(
        batch=b, weight_bytes_per_step=w, kv_bytes_per_sequence=k, hbm_bytes_per_s=bw
    )
    read = w + b * k
    if (read <= 0).any():
        raise ValueError("weight_bytes_per_step and kv_bytes_per_sequence cannot both be 0")
    return wrap(b * bw / read, batch, weight_bytes_per_step, kv_bytes_per_sequence, hbm_bytes_per_s)


def compute_bound_tokens_per_s(
    active_params: ArrayLike, peak_flop_per_s: ArrayLike, compute_utilization: ArrayLike
) -> FloatOrArray:
    r"""Decode throughput per GPU when arithmetic is the limit.

    .. math:: r_\text{comp} = \frac{u\,P}{2 N_\text{active}}

    Parameters
    ----------
    active_params : float or array-like
        Parameters used per token, :math:`N_\text{active}` [parameters].
    peak_flop_per_s : float or array-like
        Dense peak of one GPU in the format used, :math:`P` [FLOP/s].
    compute_utilization : float or array-like
        Fraction of peak achieved, :math:`u` in (0, 1] [-].

    Returns
    -------
    float or ndarray or Series
        Generated tokens per second per GPU [tokens/s].

    Notes
    -----
    :math:`2N` FLOP per token (kaplan2020); attention-score FLOPs, which grow with
    context, are ignored.

    Examples
    --------
    37B active at the H800's dense FP8 peak (1979 TFLOP/s) fully used:

    >>> round(compute_bound_tokens_per_s(37e9, 1979e12, 1.0))
    26743

    References
    ----------
    .. [1] J. Kaplan et al., "Scaling Laws for Neural Language Models", arXiv:2001.08361
       (``kaplan2020``).
    """
    n = check_positive("active_params", active_params)
    p = check_positive("peak_flop_per_s", peak_flop_per_s)
    u = check_fraction("compute_utilization", compute_utilization)
    n, p, u = broadcast(active_params=n, peak_flop_per_s=p, compute_utilization=u)
    return wrap(u * p / (2.0 * n), active_params, peak_flop_per_s, compute_utilization)


def decode_tokens_per_s_per_gpu(
    batch: ArrayLike,
    weight_bytes_per_step: ArrayLike,
    kv_bytes_per_sequence: ArrayLike,
    hbm_bytes_per_s: ArrayLike,
    active_params: ArrayLike,
    peak_flop_per_s: ArrayLike,
    compute_utilization: ArrayLike,
) -> FloatOrArray:
    r"""Roofline decode throughput per GPU: the slower of memory and compute.

    .. math::

        r = \min\!\left(\frac{B\,W_\text{bw}}{W + B\,K},\
            \frac{u\,P}{2 N_\text{active}}\right)

    Parameters
    ----------
    batch : int or array-like
        Sequences decoded together, :math:`B` [-].
    weight_bytes_per_step : float or array-like
        Weight bytes the serving group reads per step, :math:`W` [bytes].
    kv_bytes_per_sequence : float or array-like
        KV cache of one sequence, :math:`K` [bytes].
    hbm_bytes_per_s : float or array-like
        HBM bandwidth of one GPU [bytes/s].
    active_params : float or array-like
        Parameters used per token [parameters].
    peak_flop_per_s : float or array-like
        Dense peak of one GPU [FLOP/s].
    compute_utilization : float or array-like
        Fraction of peak achieved, in (0, 1] [-].

    Returns
    -------
    float or ndarray or Series
        Generated tokens per second per GPU, an upper bound [tokens/s].

    Notes
    -----
    A roofline [1]_: it ignores communication (all-to-all for experts, reductions for tensor
    parallelism), prefill, kernel and scheduling inefficiency, and batches that are not full.
    Real throughput is lower.

    Examples
    --------
    DeepSeek-V3 on H800s: 37 GB of active FP8 weights, 70,272 bytes × 4,096 tokens of BF16
    cache per sequence, 3.35 TB/s, 37B active, FP8 peak at 40% (an input, not a published
    figure), batch 256: memory-bound at about 7,700 tokens/s per GPU:

    >>> round(decode_tokens_per_s_per_gpu(256, 37e9, 70272 * 4096, 3.35e12,
    ...                                   37e9, 1979e12, 0.4))
    7748

    References
    ----------
    .. [1] S. Williams, A. Waterman, D. Patterson, "Roofline", Commun. ACM 52(4), 2009.
    """
    mem = memory_bound_tokens_per_s(
        batch, weight_bytes_per_step, kv_bytes_per_sequence, hbm_bytes_per_s
    )
    comp = compute_bound_tokens_per_s(active_params, peak_flop_per_s, compute_utilization)
    m, c = broadcast(
        memory_bound=np.asarray(mem, dtype=np.float64),
        compute_bound=np.asarray(comp, dtype=np.float64),
    )
    return wrap(
        np.minimum(m, c),
        batch,
        weight_bytes_per_step,
        kv_bytes_per_sequence,
        hbm_bytes_per_s,
        active_params,
        peak_flop_per_s,
        compute_utilization,
    )


def max_concurrent_sequences(
    hbm_bytes_total: ArrayLike, weight_bytes: ArrayLike, kv_bytes_per_sequence: ArrayLike
) -> FloatOrArray:
    r"""Sequences whose KV cache fits in HBM after the weights.

    .. math:: B_\max = \left\lfloor \frac{\max(M - W, 0)}{K} \right\rfloor

    Parameters
    ----------
    hbm_bytes_total : float or array-like
        HBM of the whole serving group, :math:`M` (GPUs × HBM per GPU) [bytes].
    weight_bytes : float or array-like
        Bytes of all weights held, :math:`W` [bytes].
    kv_bytes_per_sequence : float or array-like
        KV cache of one full-length sequence, :math:`K` [bytes].

    Returns
    -------
    float or ndarray or Series
        Whole number of sequences; 0 if the weights alone do not fit [-].

    Notes
    -----
    Ignores activations, CUDA graphs, fragmentation and framework reserve, which take a few
    to tens of percent of HBM in practice.

    Examples
    --------
    DeepSeek-V3's 671 GB of FP8 weights on 40 nodes × 8 H800 × 80 GB (its decode unit), 4K-token
    BF16 cache per sequence (70,272 × 4,096 bytes):

    >>> max_concurrent_sequences(320 * 80e9, 671e9, 70272 * 4096)
    86608.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §3.4
       (``deepseekv3``).
    """
    m = check_positive("hbm_bytes_total", hbm_bytes_total)
    w = check_positive("weight_bytes", weight_bytes, allow_zero=True)
    k = check_positive("kv_bytes_per_sequence", kv_bytes_per_sequence)
    m, w, k = broadcast(hbm_bytes_total=m, weight_bytes=w, kv_bytes_per_sequence=k)
    return wrap(
        np.floor(np.maximum(m - w, 0.0) / k), hbm_bytes_total, weight_bytes, kv_bytes_per_sequence
    )


def serving_cost_per_million_tokens(
    tokens_per_s: ArrayLike, usd_per_gpu_hour: ArrayLike, utilization: ArrayLike
) -> FloatOrArray:
    r"""Cost of generating a million tokens on rented GPUs.

    .. math:: c = \frac{10^6\,p}{3600\,r\,u}

    Parameters
    ----------
    tokens_per_s : float or array-like
        Generation rate per GPU while busy, :math:`r` [tokens/s].
    usd_per_gpu_hour : float or array-like
        Rental price, :math:`p` [USD/(GPU·h)].
    utilization : float or array-like
        Fraction of paid hours spent generating at rate :math:`r`, in (0, 1] [-].

    Returns
    -------
    float or ndarray or Series
        Cost [USD per million tokens].

    Notes
    -----
    Counts GPU rental only: no CPU hosts, networking, power beyond the rental, staff or
    margin. Prefill (input tokens) is not priced separately.

    Examples
    --------
    At DeepSeek's $2/GPU-hour [1]_, 1,000 tokens/s per GPU busy all the time costs
    $0.56 per million tokens; at half utilisation, twice that:

    >>> serving_cost_per_million_tokens(1000, 2.0, [1.0, 0.5]).round(3)
    array([0.556, 1.111])

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    """
    r = check_positive("tokens_per_s", tokens_per_s)
    p = check_positive("usd_per_gpu_hour", usd_per_gpu_hour)
    u = check_fraction("utilization", utilization)
    r, p, u = broadcast(tokens_per_s=r, usd_per_gpu_hour=p, utilization=u)
    return wrap(1e6 * p / (SECONDS_PER_HOUR * r * u), tokens_per_s, usd_per_gpu_hour, utilization)


def serving_comparison(
    config: ModelConfig,
    *,
    n_gpus: int,
    hbm_bytes_per_gpu: float,
    hbm_bytes_per_s: float,
    peak_flop_per_s: float,
    usd_per_gpu_hour: float,
    context_tokens: int,
    compute_utilization: float,
    utilization: float,
    bytes_per_param: float = 1,
    kv_bytes_per_element: float = 2,
    batch: int | None = None,
    weights_read: str = "active",
) -> pd.DataFrame:
    r"""Show what MLA and MoE each change when serving a model, as a roofline table.

    .. math::

        B = \min(B_\text{req}, B_\max),\quad
        r = \min\!\left(\frac{B\,W_\text{bw}}{W + B K},\ \frac{u P}{2N_\text{active}}\right),\quad
        c = \frac{10^6 p}{3600\,r\,u_\text{paid}}

    Parameters
    ----------
    config : ModelConfig
        The architecture [-].
    n_gpus : int
        GPUs serving one copy of the model [-].
    hbm_bytes_per_gpu : float
        HBM per GPU [bytes].
    hbm_bytes_per_s : float
        HBM bandwidth per GPU [bytes/s].
    peak_flop_per_s : float
        Dense peak per GPU in the weight format used [FLOP/s].
    usd_per_gpu_hour : float
        Rental price [USD/(GPU·h)].
    context_tokens : int
        Tokens cached per sequence [tokens].
    compute_utilization : float
        Fraction of peak FLOP/s achieved, in (0, 1] [-].
    utilization : float
        Fraction of paid GPU-hours spent generating, in (0, 1] [-].
    bytes_per_param : float, optional
        Weight storage; 1 for FP8 (default), 2 for BF16 [bytes].
    kv_bytes_per_element : float, optional
        KV-cache storage; 2 for BF16 (default) [bytes].
    batch : int, optional
        Sequences decoded together; default as many as fit in HBM; capped at that [-].
    weights_read : {"active", "all"}, optional
        Weight bytes read per step: the activated weights (a small batch, default) or all
        weights (a batch large enough to touch every expert) [-].

    Returns
    -------
    pandas.DataFrame
        Rows ``"as built"``, and where they differ ``"MHA instead of MLA"``, ``"dense
        instead of MoE"``, ``"MHA and dense"``; columns ``weight_bytes`` [bytes],
        ``weight_bytes_per_step`` [bytes], ``kv_bytes_per_sequence`` [bytes], ``sequences``
        [-], ``tokens_per_s_per_gpu`` [tokens/s], ``bound`` (``"memory"`` or ``"compute"``),
        ``usd_per_million_tokens`` [USD/Mtoken]. A row whose weights do not fit has 0
        sequences, 0 tokens/s and an infinite cost.

    Notes
    -----
    "MHA instead of MLA" keeps every weight and caches the MHA shape
    (:math:`2 n_h d_h l` elements per token, Table 1 of [1]_). "Dense instead of MoE" keeps
    the total parameter count but activates all of it (input embedding excluded), the
    dense model of the same memory. A roofline upper bound: no communication, prefill,
    batching or kernel losses; see the module docstring.

    Examples
    --------
    DeepSeek-V3 on 320 H800s (its minimum decode unit [2]_), 4K-token context, $2/GPU-hour
    [2]_; utilisations are inputs chosen for illustration. With MLA the cache of 86,608
    sequences fits and the roofline is compute-bound; with an MHA cache only 1,522 fit and
    decode becomes memory-bound at 1/50 of the rate:

    >>> from aicosts.config import load_config
    >>> t = serving_comparison(load_config("DeepSeek-V3"), n_gpus=320,
    ...     hbm_bytes_per_gpu=80e9, hbm_bytes_per_s=3.35e12, peak_flop_per_s=1979e12,
    ...     usd_per_gpu_hour=2.0, context_tokens=4096, compute_utilization=0.4,
    ...     utilization=0.5)
    >>> t[["sequences", "tokens_per_s_per_gpu", "usd_per_million_tokens"]].round(2)
                               sequences  tokens_per_s_per_gpu  usd_per_million_tokens
    scenario
    as built                86608.0              10806.64                    0.10
    MHA instead of MLA       1522.0                204.29                    5.44
    dense instead of MoE    86608.0                590.66                    1.88
    MHA and dense            1522.0                199.23                    5.58

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, Table 1 (``deepseekv2``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §3.4,
       Table 1 (``deepseekv3``).
    """
    if not isinstance(config, ModelConfig):
        raise TypeError(f"config must be a ModelConfig, got {config!r}")
    g = float(check_integer("n_gpus", n_gpus))
    hbm = float(check_positive("hbm_bytes_per_gpu", hbm_bytes_per_gpu))
    bw = float(check_positive("hbm_bytes_per_s", hbm_bytes_per_s))
    peak = float(check_positive("peak_flop_per_s", peak_flop_per_s))
    price = float(check_positive("usd_per_gpu_hour", usd_per_gpu_hour))
    ctx = float(check_integer("context_tokens", context_tokens))
    u_c = float(check_fraction("compute_utilization", compute_utilization))
    u_p = float(check_fraction("utilization", utilization))
    b_w = float(check_positive("bytes_per_param", bytes_per_param))
    b_kv = float(check_positive("kv_bytes_per_element", kv_bytes_per_element))
    want = None if batch is None else float(check_integer("batch", batch))
    reads = check_choice("weights_read", weights_read, ("active", "all"))

    n = param_count(config)
    weights = n.total * b_w
    kv_own = as_float(kv_cache_bytes_per_token(config, b_kv)) * ctx
    kv_mha = as_float(kv_cache_bytes_per_token(config, b_kv, attention="MHA")) * ctx
    active_moe = float(n.active)
    active_dense = float(n.total - n.embedding)
    scenarios: dict[str, tuple[float, float]] = {"as built": (kv_own, active_moe)}
    if config.attention == "MLA":
        scenarios["MHA instead of MLA"] = (kv_mha, active_moe)
    if config.is_moe:
        scenarios["dense instead of MoE"] = (kv_own, active_dense)
    if config.attention == "MLA" and config.is_moe:
        scenarios["MHA and dense"] = (kv_mha, active_dense)

    rows = []
    for kv, active in scenarios.values():
        fits = as_float(max_concurrent_sequences(g * hbm, weights, kv))
        seqs = fits if want is None else min(want, fits)
        per_step = active * b_w if reads == "active" else weights
        if seqs < 1:
            rate, bound, cost = 0.0, "memory", float("inf")
        else:
            mem = as_float(memory_bound_tokens_per_s(seqs, per_step, kv, bw))
            comp = as_float(compute_bound_tokens_per_s(active, peak, u_c))
            rate, bound = (mem, "memory") if mem <= comp else (comp, "compute")
            cost = as_float(serving_cost_per_million_tokens(rate, price, u_p))
        rows.append(
            {
                "weight_bytes": weights,
                "weight_bytes_per_step": per_step,
                "kv_bytes_per_sequence": kv,
                "sequences": seqs,
                "tokens_per_s_per_gpu": rate,
                "bound": bound,
                "usd_per_million_tokens": cost,
            }
        )
    return pd.DataFrame(rows, index=pd.Index(list(scenarios), name="scenario"))
