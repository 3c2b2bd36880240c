r"""Serving throughput and cost from a roofline: how MLA and MoE change the price of a token.

Decoding one token per sequence reads every weight the batch needs and the batch's whole
KV cache from HBM, then spends :math:`2 N_\text{active}` FLOP per token. The slower of the two
sets the step time. These functions give that **roofline upper bound**; real servers lose to
communication (expert-parallel all-to-all, tensor-parallel reductions), prefill, attention
kernels, scheduling and uneven batches. Hardware numbers are plain parameters (take them from
:mod:`aicosts.catalogues.hardware` or a datasheet); time is in seconds, money in USD.

Contents:

memory_bound_tokens_per_s(batch, weight_bytes_per_step, kv_bytes_per_sequence, hbm_bytes_per_s)
    Decode tokens/s per GPU if HBM bandwidth is the limit [tokens/s].
compute_bound_tokens_per_s(active_params, peak_flop_per_s, mfu)
    Decode tokens/s per GPU if arithmetic is the limit [tokens/s].
decode_tokens_per_s_per_gpu(batch, weight_bytes_per_step, kv_bytes_per_sequence, ...)
    The roofline: the smaller of the two [tokens/s].
max_concurrent_sequences(hbm_bytes_total, weight_bytes, kv_bytes_per_sequence)
    Sequences whose KV cache fits in HBM next to the weights [-].
serving_cost_per_million_tokens(tokens_per_s, usd_per_gpu_hour, busy_fraction)
    Price of a million generated tokens [USD/Mtoken].
serving_comparison(config, ...)
    What MLA and MoE each change, as a DataFrame.
"""

from __future__ import annotations

import numpy as np

from aicosts._contract import (
    COUNT,
    FRACTION,
    NONNEGATIVE,
    POSITIVE,
    ArrayLike,
    FloatOrArray,
    formula,
)
from aicosts.formulas.compute import SECONDS_PER_HOUR

__all__ = [
    "compute_bound_tokens_per_s",
    "decode_tokens_per_s_per_gpu",
    "max_concurrent_sequences",
    "memory_bound_tokens_per_s",
    "serving_cost_per_million_tokens",
]


@formula(
    batch=COUNT,
    weight_bytes_per_step=NONNEGATIVE,
    kv_bytes_per_sequence=NONNEGATIVE,
    hbm_bytes_per_s=POSITIVE,
)
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
    read = weight_bytes_per_step + batch * kv_bytes_per_sequence
    if (read <= 0).any():
        raise ValueError("weight_bytes_per_step and kv_bytes_per_sequence cannot both be 0")
    return batch * hbm_bytes_per_s / read


@formula(active_params=POSITIVE, peak_flop_per_s=POSITIVE, mfu=FRACTION)
def compute_bound_tokens_per_s(
    active_params: ArrayLike, peak_flop_per_s: ArrayLike, mfu: ArrayLike
) -> FloatOrArray:
    r"""Decode throughput per GPU when arithmetic is the limit.

    .. math:: r_\text{comp} = \frac{u\,P}{2 N_\text{active}}

    Parameters
    ----------
    active_params : float or array-like
        Parameters used per token, :math:`N_\text{active}` [parameters].
    peak_flop_per_s : float or array-like
        Dense peak of one GPU in the format used, :math:`P` [FLOP/s].
    mfu : float or array-like
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
    return mfu * peak_flop_per_s / (2.0 * active_params)


@formula(
    batch=COUNT,
    weight_bytes_per_step=NONNEGATIVE,
    kv_bytes_per_sequence=NONNEGATIVE,
    hbm_bytes_per_s=POSITIVE,
    active_params=POSITIVE,
    peak_flop_per_s=POSITIVE,
    mfu=FRACTION,
)
def decode_tokens_per_s_per_gpu(
    batch: ArrayLike,
    weight_bytes_per_step: ArrayLike,
    kv_bytes_per_sequence: ArrayLike,
    hbm_bytes_per_s: ArrayLike,
    active_params: ArrayLike,
    peak_flop_per_s: ArrayLike,
    mfu: ArrayLike,
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
    mfu : float or array-like
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
    memory = memory_bound_tokens_per_s(
        batch, weight_bytes_per_step, kv_bytes_per_sequence, hbm_bytes_per_s
    )
    return np.minimum(memory, compute_bound_tokens_per_s(active_params, peak_flop_per_s, mfu))


@formula(hbm_bytes_total=POSITIVE, weight_bytes=NONNEGATIVE, kv_bytes_per_sequence=POSITIVE)
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
    return np.floor(np.maximum(hbm_bytes_total - weight_bytes, 0.0) / kv_bytes_per_sequence)


@formula(tokens_per_s=POSITIVE, usd_per_gpu_hour=POSITIVE, busy_fraction=FRACTION)
def serving_cost_per_million_tokens(
    tokens_per_s: ArrayLike, usd_per_gpu_hour: ArrayLike, busy_fraction: ArrayLike
) -> FloatOrArray:
    r"""Cost of generating a million tokens on rented GPUs.

    .. math:: c = \frac{10^6\,p}{3600\,r\,u}

    Parameters
    ----------
    tokens_per_s : float or array-like
        Generation rate per GPU while busy, :math:`r` [tokens/s].
    usd_per_gpu_hour : float or array-like
        Rental price, :math:`p` [USD/(GPU·h)].
    busy_fraction : float or array-like
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
    return 1e6 * usd_per_gpu_hour / (SECONDS_PER_HOUR * tokens_per_s * busy_fraction)
