r"""Case study: what multi-head latent attention (MLA) saves when serving DeepSeek-V3.

Every number of the explanation page on MLA (``docs/explanations/mla.md``):

- :func:`deepseek_v3_attention` -- the prose numbers: DeepSeek-V3's cache per token against MHA,
  GQA and MQA on the same shape, sequences per GPU and roofline cost per token, as an
  :class:`AttentionNumbers`.
- :func:`sequences_per_gpu` -- sequences whose BF16 cache fits per GPU of the decode unit, by
  context length and attention type (the chart's data).
- :func:`decode_costs` -- the roofline cost per million generated tokens with MLA and with an MHA
  cache, by context length (the chart's data).

DeepSeek-V3's shape comes from its shipped config, the decode unit and the $2/GPU-hour from the
V3 report (``deepseekv3`` §3.4, Table 1; grade A), the H800 from the GPU catalogue. The
utilisations of the cost table are aicosts assumptions chosen for illustration
(``ILLUSTRATIVE_*``), not measurements.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from aicosts.accounting.comparisons import kv_cache_comparison, serving_comparison
from aicosts.catalogues.hardware import get_gpu
from aicosts.catalogues.models import load_config
from aicosts.catalogues.published import published_figure
from aicosts.formulas.kvcache import (
    kv_cache_bytes_per_token,
    kv_elements_per_token_mha,
    kv_elements_per_token_mla,
    kv_elements_per_token_mqa,
)
from aicosts.formulas.moe import BYTES_PER_PARAM, weight_memory_bytes
from aicosts.formulas.params import param_count
from aicosts.formulas.serving import max_concurrent_sequences

__all__ = [
    "COMPARED_ATTENTION",
    "COMPARISON_KV_HEADS",
    "COST_CONTEXTS",
    "ILLUSTRATIVE_BUSY_FRACTION",
    "ILLUSTRATIVE_MFU",
    "SEQUENCE_CONTEXTS",
    "AttentionNumbers",
    "decode_costs",
    "deepseek_v3_attention",
    "sequences_per_gpu",
]

#: Key/value heads of the GQA design the page compares with (a common choice, e.g.
#: Llama-3.1-405B's 8; aicosts' choice for the comparison) [-].
COMPARISON_KV_HEADS = 8
#: Rows of :func:`aicosts.kv_cache_comparison` the sequence chart compares.
COMPARED_ATTENTION: tuple[str, ...] = ("MLA (latent)", "GQA", "MHA")
#: Context lengths of the sequences chart: 1,024 to 131,072 tokens, doubling [tokens].
SEQUENCE_CONTEXTS: tuple[int, ...] = tuple(1024 * 2**i for i in range(8))
#: Context lengths of the cost chart [tokens].
COST_CONTEXTS: tuple[int, ...] = (4096, 32768, 131072)
#: Fraction of the FP8 peak achieved in decode. aicosts assumption for illustration (C) [-].
ILLUSTRATIVE_MFU = 0.4
#: Fraction of paid GPU-hours spent generating. aicosts assumption for illustration (C) [-].
ILLUSTRATIVE_BUSY_FRACTION = 0.5


@dataclass(frozen=True)
class AttentionNumbers:
    r"""The numbers of the MLA page, from :func:`deepseek_v3_attention`.

    Attributes
    ----------
    kv_lora_rank, qk_rope_head_dim, q_lora_rank : int
        MLA's key/value compression, decoupled RoPE and query compression dimensions [-].
    num_heads, head_dim, num_layers : int
        Query heads, per-head dimension and layers of DeepSeek-V3 [-].
    mla_elements_per_layer, mha_elements_per_layer, mqa_elements_per_layer : float
        Elements cached per token in one layer: :math:`d_c + d_h^R`, :math:`2 n_h d_h`,
        :math:`2 d_h` [elements/token].
    mla_elements_per_token : float
        Elements MLA caches per token over all layers [elements/token].
    mla_bytes_per_token, mha_bytes_per_token : float
        BF16 cache per token, as built and with MHA on the same shape [bytes/token].
    mha_over_mla, gqa_over_mla, mqa_over_mla : float
        Cache of MHA, of GQA with ``num_kv_heads`` heads and of MQA over MLA's [-].
    num_kv_heads : int
        Key/value heads of the GQA comparison [-].
    equivalent_gqa_groups : float
        GQA groups whose cache equals MLA's [-].
    llama_bytes_per_token, llama_over_mla : float
        Llama-3.1-405B's BF16 cache per token [bytes/token] and its ratio to DeepSeek-V3's [-].
    decode_unit_gpus : int
        GPUs of the V3 report's minimum decode unit [GPU].
    hbm_bytes_per_gpu : float
        HBM of one H800 [bytes].
    weight_bytes : float
        DeepSeek-V3's weights in FP8 [bytes].
    kv_budget_bytes : float
        HBM of the decode unit left for the cache after the weights [bytes].
    mla_bytes_per_sequence_32k, mha_bytes_per_sequence_32k : float
        Cache of one 32,768-token sequence with MLA and with MHA [bytes].
    mla_sequences_per_gpu_4k, mha_sequences_per_gpu_4k : float
        Sequences of 4,096 tokens whose cache fits per GPU of the unit [sequence/GPU].
    mla_sequences_per_gpu_128k, mha_sequences_per_gpu_128k : float
        The same at 131,072 tokens [sequence/GPU].
    usd_per_gpu_hour : float
        DeepSeek's assumed H800 rental price [USD/(GPU·h)].
    mla_usd_per_million_tokens_4k, mha_usd_per_million_tokens_4k : float
        Roofline cost of a million generated tokens at 4,096 tokens of context [USD/Mtoken].
    mla_usd_per_million_tokens_32k, mha_usd_per_million_tokens_32k : float
        The same at 32,768 tokens [USD/Mtoken].
    mha_over_mla_cost_32k : float
        Their ratio at 32,768 tokens [-].
    """

    kv_lora_rank: int
    qk_rope_head_dim: int
    q_lora_rank: int
    num_heads: int
    head_dim: int
    num_layers: int
    mla_elements_per_layer: float
    mha_elements_per_layer: float
    mqa_elements_per_layer: float
    mla_elements_per_token: float
    mla_bytes_per_token: float
    mha_bytes_per_token: float
    mha_over_mla: float
    gqa_over_mla: float
    mqa_over_mla: float
    num_kv_heads: int
    equivalent_gqa_groups: float
    llama_bytes_per_token: float
    llama_over_mla: float
    decode_unit_gpus: int
    hbm_bytes_per_gpu: float
    weight_bytes: float
    kv_budget_bytes: float
    mla_bytes_per_sequence_32k: float
    mha_bytes_per_sequence_32k: float
    mla_sequences_per_gpu_4k: float
    mha_sequences_per_gpu_4k: float
    mla_sequences_per_gpu_128k: float
    mha_sequences_per_gpu_128k: float
    usd_per_gpu_hour: float
    mla_usd_per_million_tokens_4k: float
    mha_usd_per_million_tokens_4k: float
    mla_usd_per_million_tokens_32k: float
    mha_usd_per_million_tokens_32k: float
    mha_over_mla_cost_32k: float


def _as_float(value: object) -> float:
    """Return a formula's scalar result as a Python float."""
    return float(np.asarray(value))


def _column(table: pd.DataFrame, name: str) -> dict[Any, float]:
    """Return one column of a table as a mapping from its index to floats."""
    return {key: float(value) for key, value in table[name].items()}


def _decode_unit() -> tuple[int, float, float]:
    """Return the decode unit's GPUs, HBM per H800 and DeepSeek-V3's FP8 weight bytes."""
    gpus = int(published_figure("deepseek_v3_decode_unit_gpus"))
    total = param_count(load_config("DeepSeek-V3")).total
    weights = _as_float(weight_memory_bytes(total, BYTES_PER_PARAM["fp8"]))
    return gpus, get_gpu("H800").hbm_bytes, weights


def sequences_per_gpu(context_tokens: Sequence[int] = SEQUENCE_CONTEXTS) -> pd.DataFrame:
    r"""Sequences whose BF16 cache fits per GPU of DeepSeek-V3's decode unit.

    .. math:: \frac{B_\max}{n} = \frac{1}{n}\left\lfloor \frac{n M_\mathrm{GPU} - W}{t\,K_1}
              \right\rfloor

    Parameters
    ----------
    context_tokens : sequence of int, optional
        Context lengths [tokens]; default 1,024 to 131,072, doubling.

    Returns
    -------
    pandas.DataFrame
        One row per context length and attention type (``COMPARED_ATTENTION``, GQA with
        ``COMPARISON_KV_HEADS`` heads), columns ``context_tokens`` [tokens], ``attention``
        and ``sequences_per_gpu`` [sequence/GPU].

    Notes
    -----
    The unit is the V3 report's minimum decode deployment, 40 nodes of 8 H800 (``deepseekv3``
    §3.4, A), holding the FP8 weights once; the cache is BF16. Uses
    :func:`aicosts.kv_cache_comparison` and :func:`aicosts.max_concurrent_sequences`.

    Examples
    --------
    >>> t = sequences_per_gpu([4096])
    >>> t.set_index("attention")["sequences_per_gpu"].round(2)
    attention
    MLA (latent)    270.65
    GQA              76.12
    MHA               4.76
    Name: sequences_per_gpu, dtype: float64
    """
    gpus, hbm, weights = _decode_unit()
    v3 = load_config("DeepSeek-V3")
    rows = []
    for context in context_tokens:
        table = kv_cache_comparison(v3, context_tokens=context, num_kv_heads=COMPARISON_KV_HEADS)
        per_sequence = _column(table, "bytes_per_sequence")
        for attention in COMPARED_ATTENTION:
            fits = _as_float(max_concurrent_sequences(gpus * hbm, weights, per_sequence[attention]))
            rows.append(
                {
                    "context_tokens": int(context),
                    "attention": attention,
                    "sequences_per_gpu": fits / gpus,
                }
            )
    return pd.DataFrame(rows)


def decode_costs(context_tokens: Sequence[int] = COST_CONTEXTS) -> pd.DataFrame:
    r"""Roofline cost of generating with DeepSeek-V3 as built (MLA) and with an MHA cache.

    .. math:: c = \frac{10^6 p}{3600\,r\,u_\text{paid}}

    Parameters
    ----------
    context_tokens : sequence of int, optional
        Context lengths [tokens]; default 4,096, 32,768 and 131,072.

    Returns
    -------
    pandas.DataFrame
        Rows of :func:`aicosts.serving_comparison` (``"as built"``, ``"MHA instead of MLA"``)
        for each context, with columns ``context_tokens`` [tokens], ``scenario``,
        ``sequences`` [-], ``tokens_per_s_per_gpu`` [tokens/s], ``bound`` and
        ``usd_per_million_tokens`` [USD/Mtoken].

    Notes
    -----
    On the decode unit of :func:`sequences_per_gpu` at DeepSeek's $2/GPU-hour (Table 1, A),
    FP8 weights and peak, ``ILLUSTRATIVE_MFU`` and ``ILLUSTRATIVE_BUSY_FRACTION`` (aicosts
    assumptions). A roofline upper bound on speed, not DeepSeek's prices.

    Examples
    --------
    >>> t = decode_costs([32768])
    >>> t.set_index("scenario")["usd_per_million_tokens"].round(2)
    scenario
    as built               0.76
    MHA instead of MLA    43.51
    Name: usd_per_million_tokens, dtype: float64
    """
    v3 = load_config("DeepSeek-V3")
    h800 = get_gpu("H800")
    gpus = int(published_figure("deepseek_v3_decode_unit_gpus"))
    frames = []
    for context in context_tokens:
        table = serving_comparison(
            v3,
            num_gpus=gpus,
            hbm_bytes_per_gpu=h800.hbm_bytes,
            hbm_bytes_per_s=h800.hbm_bytes_per_s,
            peak_flop_per_s=h800.peak_flop_per_s("fp8"),
            usd_per_gpu_hour=published_figure("deepseek_v3_usd_per_gpu_hour"),
            context_tokens=int(context),
            mfu=ILLUSTRATIVE_MFU,
            busy_fraction=ILLUSTRATIVE_BUSY_FRACTION,
        )
        frames.append(table.loc[["as built", "MHA instead of MLA"]].assign(context_tokens=context))
    columns = [
        "context_tokens",
        "scenario",
        "sequences",
        "tokens_per_s_per_gpu",
        "bound",
        "usd_per_million_tokens",
    ]
    return pd.concat(frames).reset_index()[columns]


def deepseek_v3_attention() -> AttentionNumbers:
    r"""Every number the MLA page writes in its prose.

    .. math:: e_\text{MLA} = (d_c + d_h^R)\, l, \qquad e_\text{MHA} = 2 n_h d_h l

    Returns
    -------
    AttentionNumbers
        DeepSeek-V3's shape, its cache against MHA, GQA and MQA, sequences per GPU and the
        roofline cost, all computed by the package's formulas [units per field].

    Examples
    --------
    >>> n = deepseek_v3_attention()
    >>> n.mla_bytes_per_token, round(n.mha_over_mla, 1), n.equivalent_gqa_groups
    (70272.0, 56.9, 2.25)
    """
    v3 = load_config("DeepSeek-V3")
    assert v3.kv_lora_rank is not None and v3.qk_rope_head_dim is not None
    assert v3.q_lora_rank is not None
    kv = kv_cache_comparison(v3, num_kv_heads=COMPARISON_KV_HEADS)
    elements = _column(kv, "elements_per_token")
    per_token = _column(kv, "bytes_per_token")
    ratio = _column(kv, "ratio_to_model")
    mla, mha = per_token["MLA (latent)"], per_token["MHA"]
    llama = _as_float(kv_cache_bytes_per_token(load_config("Llama-3.1-405B")))
    gpus, hbm, weights = _decode_unit()
    seqs = sequences_per_gpu([4096, 131072])
    fits = _column(seqs.set_index(["context_tokens", "attention"]), "sequences_per_gpu")
    costs = decode_costs([4096, 32768])
    usd = _column(costs.set_index(["context_tokens", "scenario"]), "usd_per_million_tokens")
    return AttentionNumbers(
        kv_lora_rank=v3.kv_lora_rank,
        qk_rope_head_dim=v3.qk_rope_head_dim,
        q_lora_rank=v3.q_lora_rank,
        num_heads=v3.num_heads,
        head_dim=v3.head_dim,
        num_layers=v3.num_layers,
        mla_elements_per_layer=_as_float(
            kv_elements_per_token_mla(v3.kv_lora_rank, v3.qk_rope_head_dim, 1)
        ),
        mha_elements_per_layer=_as_float(kv_elements_per_token_mha(v3.num_heads, v3.head_dim, 1)),
        mqa_elements_per_layer=_as_float(kv_elements_per_token_mqa(v3.head_dim, 1)),
        mla_elements_per_token=elements["MLA (latent)"],
        mla_bytes_per_token=mla,
        mha_bytes_per_token=mha,
        mha_over_mla=ratio["MHA"],
        gqa_over_mla=ratio["GQA"],
        mqa_over_mla=ratio["MQA"],
        num_kv_heads=COMPARISON_KV_HEADS,
        equivalent_gqa_groups=_column(kv, "equivalent_gqa_groups")["MLA (latent)"],
        llama_bytes_per_token=llama,
        llama_over_mla=llama / mla,
        decode_unit_gpus=gpus,
        hbm_bytes_per_gpu=hbm,
        weight_bytes=weights,
        kv_budget_bytes=gpus * hbm - weights,
        mla_bytes_per_sequence_32k=mla * 32768,
        mha_bytes_per_sequence_32k=mha * 32768,
        mla_sequences_per_gpu_4k=fits[(4096, "MLA (latent)")],
        mha_sequences_per_gpu_4k=fits[(4096, "MHA")],
        mla_sequences_per_gpu_128k=fits[(131072, "MLA (latent)")],
        mha_sequences_per_gpu_128k=fits[(131072, "MHA")],
        usd_per_gpu_hour=published_figure("deepseek_v3_usd_per_gpu_hour"),
        mla_usd_per_million_tokens_4k=usd[(4096, "as built")],
        mha_usd_per_million_tokens_4k=usd[(4096, "MHA instead of MLA")],
        mla_usd_per_million_tokens_32k=usd[(32768, "as built")],
        mha_usd_per_million_tokens_32k=usd[(32768, "MHA instead of MLA")],
        mha_over_mla_cost_32k=usd[(32768, "MHA instead of MLA")] / usd[(32768, "as built")],
    )
