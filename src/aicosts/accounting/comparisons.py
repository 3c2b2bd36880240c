r"""Comparison tables: one model shape under alternative designs, side by side.

- :func:`kv_cache_comparison` -- KV cache per token under MHA, GQA, MQA and MLA.
- :func:`moe_summary` -- total vs active parameters, FLOP per token and weight memory of an MoE.
- :func:`serving_comparison` -- a roofline serving table: what MLA and MoE each change.

Each composes the formulas of :mod:`aicosts.formulas` for a :class:`ModelConfig`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from aicosts._contract import COUNT, FRACTION, POSITIVE, as_float, checked, choice, scalar
from aicosts.formulas.architecture import ModelConfig
from aicosts.formulas.compute import forward_flop_per_token
from aicosts.formulas.kvcache import (
    kv_cache_bytes_per_token,
    kv_cache_elements_per_token,
    kv_elements_per_token_gqa,
)
from aicosts.formulas.moe import weight_memory_bytes
from aicosts.formulas.params import param_count
from aicosts.formulas.serving import (
    compute_bound_tokens_per_s,
    max_concurrent_sequences,
    memory_bound_tokens_per_s,
    serving_cost_per_million_tokens,
)

__all__ = ["kv_cache_comparison", "moe_summary", "serving_comparison"]


@checked(
    config=ModelConfig,
    context_tokens=scalar(COUNT, optional=True),
    bytes_per_element=scalar(POSITIVE),
    num_kv_heads=scalar(COUNT, optional=True),
)
def kv_cache_comparison(
    config: ModelConfig,
    context_tokens: int | None = None,
    bytes_per_element: float = 2,
    num_kv_heads: int | None = None,
) -> pd.DataFrame:
    r"""Compare the KV cache of one model shape under each attention type.

    .. math:: g_\text{equiv} = \frac{e}{2\,d_h\,l}

    Parameters
    ----------
    config : ModelConfig
        The architecture; its heads, head dimension and layers are kept [-].
    context_tokens : int, optional
        If given, add a column of bytes per sequence of this length [tokens].
    bytes_per_element : float, optional
        Storage per cached element [bytes].
    num_kv_heads : int, optional
        Key/value heads for the GQA row; default the config's own when it is a GQA model,
        otherwise the GQA row is omitted [-].

    Returns
    -------
    pandas.DataFrame
        Indexed by attention type (``"MHA"``, ``"GQA"``, ``"MQA"``, and for MLA configs
        ``"MLA (latent)"`` and ``"MLA (decompressed)"``), with columns ``elements_per_token``
        [elements/token], ``bytes_per_token`` [bytes/token], ``equivalent_gqa_groups`` [-],
        ``ratio_to_model`` (over the model's own attention, latent for MLA) [-] and, with
        ``context_tokens``, ``bytes_per_sequence`` [bytes].

    Notes
    -----
    ``equivalent_gqa_groups`` is the GQA group count with the same cache; for DeepSeek's MLA it
    is 2.25 [1]_.

    Examples
    --------
    >>> from aicosts import load_config
    >>> t = kv_cache_comparison(load_config("DeepSeek-V3"))
    >>> t[["elements_per_token", "equivalent_gqa_groups", "ratio_to_model"]].round(2)
                        elements_per_token  equivalent_gqa_groups  ratio_to_model
    attention
    MHA                          1998848.0                 128.00           56.89
    MQA                            15616.0                   1.00            0.44
    MLA (latent)                     35136.0                   2.25            1.00
    MLA (decompressed)             2498560.0                 160.00           71.11

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, §2.1.4, Table 1
       (``deepseekv2``).
    """
    rows: dict[str, float] = {"MHA": kv_cache_elements_per_token(config, "MHA")}
    if num_kv_heads is not None:
        if config.num_heads % num_kv_heads:
            raise ValueError(
                f"num_kv_heads must divide num_heads ({config.num_heads}), got {num_kv_heads!r}"
            )
        rows["GQA"] = as_float(
            kv_elements_per_token_gqa(num_kv_heads, config.head_dim, config.num_layers)
        )
    elif config.attention == "GQA":
        rows["GQA"] = kv_cache_elements_per_token(config, "GQA")
    rows["MQA"] = kv_cache_elements_per_token(config, "MQA")
    if config.attention == "MLA":
        rows["MLA (latent)"] = kv_cache_elements_per_token(config, "MLA")
        rows["MLA (decompressed)"] = kv_cache_elements_per_token(config, "MLA", "decompressed")
        own = rows["MLA (latent)"]
    else:
        own = kv_cache_elements_per_token(config)
    elements = pd.Series(rows, name="elements_per_token")
    table = pd.DataFrame({"elements_per_token": elements})
    table["bytes_per_token"] = elements * bytes_per_element
    table["equivalent_gqa_groups"] = elements / (2.0 * config.head_dim * config.num_layers)
    table["ratio_to_model"] = elements / own
    if context_tokens is not None:
        table["bytes_per_sequence"] = elements * bytes_per_element * context_tokens
    table.index.name = "attention"
    return table.astype(np.float64)


@checked(config=ModelConfig, bytes_per_param=scalar(POSITIVE))
def moe_summary(config: ModelConfig, bytes_per_param: float = 1) -> pd.DataFrame:
    r"""Summarise what MoE buys: parameters held versus parameters used per token.

    .. math:: s = N_\text{active} / N_\text{total}

    Parameters
    ----------
    config : ModelConfig
        The architecture [-].
    bytes_per_param : float, optional
        Weight storage [bytes]; default 1 (FP8).

    Returns
    -------
    pandas.DataFrame
        One row named after the model with columns ``total_params`` [parameters],
        ``active_params`` [parameters], ``active_fraction`` [-],
        ``forward_flop_per_token`` [FLOP/token], ``weight_bytes`` [bytes],
        ``dense_equivalent_flop_per_token`` (a dense model of the same total size)
        [FLOP/token].

    Notes
    -----
    Uses :func:`aicosts.formulas.params.param_count`'s ``active`` (input embedding excluded) and its
    main-model ``total`` (MTP excluded).

    Examples
    --------
    >>> from aicosts import load_config
    >>> row = moe_summary(load_config("DeepSeek-V3")).iloc[0]
    >>> print(f"{row.active_fraction:.3f}, {row.forward_flop_per_token / 1e9:.1f} GFLOP")
    0.055, 73.3 GFLOP

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §4.2
       (``deepseekv3``).
    """
    n = param_count(config)
    row = {
        "total_params": float(n.total),
        "active_params": float(n.active),
        "active_fraction": n.active / n.total,
        "forward_flop_per_token": as_float(forward_flop_per_token(n.active)),
        "weight_bytes": as_float(weight_memory_bytes(n.total, bytes_per_param)),
        "dense_equivalent_flop_per_token": as_float(forward_flop_per_token(n.total - n.embedding)),
    }
    return pd.DataFrame([row], index=pd.Index([config.name], name="model"))


@checked(
    config=ModelConfig,
    num_gpus=scalar(COUNT),
    hbm_bytes_per_gpu=scalar(POSITIVE),
    hbm_bytes_per_s=scalar(POSITIVE),
    peak_flop_per_s=scalar(POSITIVE),
    usd_per_gpu_hour=scalar(POSITIVE),
    context_tokens=scalar(COUNT),
    mfu=scalar(FRACTION),
    busy_fraction=scalar(FRACTION),
    bytes_per_param=scalar(POSITIVE),
    kv_bytes_per_element=scalar(POSITIVE),
    batch=scalar(COUNT, optional=True),
    weights_read=choice("active", "all"),
)
def serving_comparison(
    config: ModelConfig,
    *,
    num_gpus: int,
    hbm_bytes_per_gpu: float,
    hbm_bytes_per_s: float,
    peak_flop_per_s: float,
    usd_per_gpu_hour: float,
    context_tokens: int,
    mfu: float,
    busy_fraction: float,
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
    num_gpus : int
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
    mfu : float
        Fraction of peak FLOP/s achieved, in (0, 1] [-].
    busy_fraction : float
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

    >>> from aicosts import load_config
    >>> t = serving_comparison(load_config("DeepSeek-V3"), num_gpus=320,
    ...     hbm_bytes_per_gpu=80e9, hbm_bytes_per_s=3.35e12, peak_flop_per_s=1979e12,
    ...     usd_per_gpu_hour=2.0, context_tokens=4096, mfu=0.4,
    ...     busy_fraction=0.5)
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
    n = param_count(config)
    weights = n.total * bytes_per_param
    kv_own = as_float(kv_cache_bytes_per_token(config, kv_bytes_per_element)) * context_tokens
    kv_mha = (
        as_float(kv_cache_bytes_per_token(config, kv_bytes_per_element, attention="MHA"))
        * context_tokens
    )
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
        fits = as_float(max_concurrent_sequences(num_gpus * hbm_bytes_per_gpu, weights, kv))
        seqs = fits if batch is None else min(batch, fits)
        per_step = active * bytes_per_param if weights_read == "active" else weights
        if seqs < 1:
            rate, bound, cost = 0.0, "memory", float("inf")
        else:
            mem = as_float(memory_bound_tokens_per_s(seqs, per_step, kv, hbm_bytes_per_s))
            comp = as_float(compute_bound_tokens_per_s(active, peak_flop_per_s, mfu))
            rate, bound = (mem, "memory") if mem <= comp else (comp, "compute")
            cost = as_float(serving_cost_per_million_tokens(rate, usd_per_gpu_hour, busy_fraction))
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
