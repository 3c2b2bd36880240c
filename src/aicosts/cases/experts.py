r"""Case study: what DeepSeek-V3's mixture of experts (MoE) changes, in parameters and compute.

Every number of the explanation page on MoE (``docs/explanations/moe.md``):

- :func:`deepseek_v3_experts` -- the prose numbers: DeepSeek-V3's expert configuration, total
  and active parameters, forward compute and weight memory against Llama-3.1-405B, and
  DeepSeek-V2's measured GPU-hours, as an :class:`ExpertNumbers`.
- :func:`model_comparison` -- :func:`aicosts.moe_summary` of the five compared models (the
  charts' data).
- :func:`expert_count_line` -- total and active parameters as linear functions of the routed
  experts and the top-k, for the what-if control, as an :class:`ExpertCountLine`.
- :func:`illustrative_routing` -- one made-up routing decision on DeepSeek-V3's expert grid
  (the figure's data).

Configurations come from the shipped configs; the reported totals and GPU-hours from the
published-figures table (``deepseekv3`` §4.2, ``deepseekv2`` §3.2.3; grade A).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from aicosts.accounting.comparisons import moe_summary
from aicosts.catalogues.models import load_config
from aicosts.catalogues.published import published_figure
from aicosts.formulas.compute import forward_flop_per_token
from aicosts.formulas.moe import BYTES_PER_PARAM, moe_all_to_all_bytes_per_token
from aicosts.formulas.params import param_count

__all__ = [
    "COMPARED_MODELS",
    "ROUTING_SEED",
    "ExpertCountLine",
    "ExpertNumbers",
    "deepseek_v3_experts",
    "expert_count_line",
    "illustrative_routing",
    "model_comparison",
]

#: The models the page compares: DeepSeek-V3, its predecessor, two other MoE models and the
#: dense Llama-3.1-405B.
COMPARED_MODELS: tuple[str, ...] = (
    "DeepSeek-V3",
    "DeepSeek-V2",
    "Mixtral-8x7B",
    "Qwen3-235B-A22B",
    "Llama-3.1-405B",
)
#: Seed of the illustrative routing decision (any seed draws a valid one) [-].
ROUTING_SEED = 3


@dataclass(frozen=True)
class ExpertNumbers:
    r"""The numbers of the MoE page, from :func:`deepseek_v3_experts`.

    Attributes
    ----------
    total_params, active_params, active_params_including_embedding : int
        DeepSeek-V3 counted from its config: all main-model parameters, those used per token
        without and with the input embedding [parameters].
    active_fraction : float
        ``active_params / total_params`` [-].
    reported_total_params, reported_active_params : float
        The V3 report's 671B and 37B [parameters].
    num_layers, num_dense_layers, num_moe_layers : int
        Layers, dense layers and MoE layers [-].
    intermediate_size, moe_intermediate_size : int
        Width of the dense feed-forward layers and of one expert [-].
    num_shared_experts, num_routed_experts, num_experts_per_token : int
        Shared and routed experts per MoE layer, routed experts per token [-].
    num_expert_groups, topk_groups : int
        Expert groups (one per node) and the most a token may reach [-].
    num_routed_expert_ffns : int
        Routed expert feed-forward networks in the whole model [-].
    routed_experts_share : float
        Share of all parameters held by routed experts [-].
    all_to_all_bytes_per_token : float
        Inter-node dispatch + combine bytes per token per forward pass, FP8/BF16
        [bytes/token].
    forward_flop_per_token, llama_forward_flop_per_token : float
        Forward compute of DeepSeek-V3 and of Llama-3.1-405B [FLOP/token].
    llama_over_v3_flop : float
        Their ratio [-].
    weight_bytes_bf16, weight_bytes_fp8 : float
        DeepSeek-V3's weights in BF16 and FP8 [bytes].
    v3_over_llama_weight_bytes : float
        DeepSeek-V3's BF16 weights over Llama-3.1-405B's [-].
    dense_over_active_flop : float
        Forward compute of a dense model of DeepSeek-V3's size over DeepSeek-V3's [-].
    v2_reported_active_params : float
        DeepSeek-V2's reported 21B activated parameters [parameters].
    v2_gpu_hours_per_trillion_tokens, dense_67b_gpu_hours_per_trillion_tokens : float
        Measured H800 time per trillion tokens of DeepSeek-V2 and of the dense DeepSeek 67B
        [GPU·h/10¹² token].
    dense_67b_over_v2_gpu_hours : float
        Their ratio [-].
    v2_active_fraction, qwen_active_fraction, mixtral_active_fraction : float
        Active fraction of DeepSeek-V2, Qwen3-235B-A22B and Mixtral-8x7B [-].
    """

    total_params: int
    active_params: int
    active_params_including_embedding: int
    active_fraction: float
    reported_total_params: float
    reported_active_params: float
    num_layers: int
    num_dense_layers: int
    num_moe_layers: int
    intermediate_size: int
    moe_intermediate_size: int
    num_shared_experts: int
    num_routed_experts: int
    num_experts_per_token: int
    num_expert_groups: int
    topk_groups: int
    num_routed_expert_ffns: int
    routed_experts_share: float
    all_to_all_bytes_per_token: float
    forward_flop_per_token: float
    llama_forward_flop_per_token: float
    llama_over_v3_flop: float
    weight_bytes_bf16: float
    weight_bytes_fp8: float
    v3_over_llama_weight_bytes: float
    dense_over_active_flop: float
    v2_reported_active_params: float
    v2_gpu_hours_per_trillion_tokens: float
    dense_67b_gpu_hours_per_trillion_tokens: float
    dense_67b_over_v2_gpu_hours: float
    v2_active_fraction: float
    qwen_active_fraction: float
    mixtral_active_fraction: float


@dataclass(frozen=True)
class ExpertCountLine:
    r"""Total and active parameters of DeepSeek-V3's shape as lines in :math:`E` and :math:`k`.

    .. math:: N_\text{total} = a_0 + a_E E, \qquad N_\text{active} = b_0 + b_E E + b_k k

    Attributes
    ----------
    fixed_total, total_per_expert : int
        :math:`a_0`, :math:`a_E`: parameters outside the routed experts, and those one more
        routed expert in every MoE layer adds [parameters].
    fixed_active, active_per_expert, active_per_topk : int
        :math:`b_0`, :math:`b_E`, :math:`b_k`: active parameters outside the routed experts,
        those one more expert adds (its router row, always used) and those one more expert
        per token adds [parameters].
    """

    fixed_total: int
    total_per_expert: int
    fixed_active: int
    active_per_expert: int
    active_per_topk: int


def _as_float(value: object) -> float:
    """Return a formula's scalar result as a Python float."""
    return float(np.asarray(value))


def _column(table: pd.DataFrame, name: str) -> dict[Any, float]:
    """Return one column of a table as a mapping from its index to floats."""
    return {key: float(value) for key, value in table[name].items()}


def model_comparison(bytes_per_param: float = BYTES_PER_PARAM["bf16"]) -> pd.DataFrame:
    r"""Summarise what each compared model holds and uses per token.

    .. math:: s = N_\text{active} / N_\text{total}

    Parameters
    ----------
    bytes_per_param : float, optional
        Weight storage for the ``weight_bytes`` column [bytes]; default 2 (BF16).

    Returns
    -------
    pandas.DataFrame
        :func:`aicosts.moe_summary` of each of ``COMPARED_MODELS``, indexed by model, in that
        order.

    Examples
    --------
    >>> t = model_comparison()
    >>> (t["active_params"] / 1e9).round(1)
    model
    DeepSeek-V3         36.6
    DeepSeek-V2         20.9
    Mixtral-8x7B        12.7
    Qwen3-235B-A22B     21.6
    Llama-3.1-405B     403.8
    Name: active_params, dtype: float64
    """
    return pd.concat(
        [moe_summary(load_config(m), bytes_per_param=bytes_per_param) for m in COMPARED_MODELS]
    )


def expert_count_line() -> ExpertCountLine:
    r"""DeepSeek-V3's parameter counts as linear functions of the routed experts and top-k.

    .. math:: a_E = N(E + 1) - N(E), \qquad a_0 = N(E) - E\,a_E

    Returns
    -------
    ExpertCountLine
        Coefficients taken from :func:`aicosts.param_count` on DeepSeek-V3 with one more
        routed expert per layer and with one more expert per token [parameter].

    Examples
    --------
    >>> line = expert_count_line()
    >>> v3 = load_config("DeepSeek-V3")
    >>> line.fixed_total + v3.num_routed_experts * line.total_per_expert
    671026419200
    """
    v3 = load_config("DeepSeek-V3")
    base = param_count(v3)
    wider = param_count(replace(v3, num_routed_experts=v3.num_routed_experts + 1))
    deeper = param_count(replace(v3, num_experts_per_token=v3.num_experts_per_token + 1))
    total_per_expert = wider.total - base.total
    active_per_expert = wider.active - base.active
    active_per_topk = deeper.active - base.active
    return ExpertCountLine(
        fixed_total=base.total - v3.num_routed_experts * total_per_expert,
        total_per_expert=total_per_expert,
        fixed_active=base.active
        - v3.num_routed_experts * active_per_expert
        - v3.num_experts_per_token * active_per_topk,
        active_per_expert=active_per_expert,
        active_per_topk=active_per_topk,
    )


def illustrative_routing(seed: int = ROUTING_SEED) -> pd.DataFrame:
    r"""One made-up routing decision of a token in one of DeepSeek-V3's MoE layers.

    .. math:: k \text{ experts drawn from } M \text{ of the } G \text{ groups}

    Parameters
    ----------
    seed : int, optional
        Random seed [-].

    Returns
    -------
    pandas.DataFrame
        One row per routed expert: ``expert`` and ``slot`` (index in the model and in its
        group) [-], ``group`` (label) and ``state``: ``"chosen by the router (runs)"``,
        ``"in a reachable group (idle)"`` or ``"in a group this token skips (idle)"``.

    Notes
    -----
    Draws ``topk_groups`` groups, then ``num_experts_per_token`` experts inside them, as
    node-limited routing allows; a real router picks by learned scores, not at random.

    Examples
    --------
    >>> illustrative_routing()["state"].value_counts().sort_index()
    state
    chosen by the router (runs)             8
    in a group this token skips (idle)    128
    in a reachable group (idle)           120
    Name: count, dtype: int64
    """
    v3 = load_config("DeepSeek-V3")
    rng = np.random.default_rng(seed)
    per_group = v3.num_routed_experts // v3.num_expert_groups
    groups = rng.choice(v3.num_expert_groups, size=v3.topk_groups, replace=False)
    candidates = [g * per_group + i for g in groups for i in range(per_group)]
    chosen = rng.choice(candidates, size=v3.num_experts_per_token, replace=False)
    grid = pd.DataFrame({"expert": np.arange(v3.num_routed_experts)})
    group = grid["expert"] // per_group
    grid["group"] = "Node group " + (group + 1).astype(str)
    grid["slot"] = grid["expert"] % per_group
    grid["state"] = np.where(
        grid["expert"].isin(chosen),
        "chosen by the router (runs)",
        np.where(
            group.isin(groups), "in a reachable group (idle)", "in a group this token skips (idle)"
        ),
    )
    return grid


def deepseek_v3_experts() -> ExpertNumbers:
    r"""Every number the MoE page writes in its prose.

    .. math:: N_\text{active} = N_\text{total} - L_\text{MoE}\,(N_r - K_r)\,P_e

    Returns
    -------
    ExpertNumbers
        DeepSeek-V3's configuration and counts, its compute and memory against
        Llama-3.1-405B, and DeepSeek-V2's measured GPU-hours [units per field].

    Examples
    --------
    >>> n = deepseek_v3_experts()
    >>> print(f"{n.total_params / 1e9:.1f}B total, {n.active_params / 1e9:.1f}B active")
    671.0B total, 36.6B active
    """
    v3 = load_config("DeepSeek-V3")
    n = param_count(v3)
    table = model_comparison()
    flop = _column(table, "forward_flop_per_token")
    weights = _column(table, "weight_bytes")
    fraction = _column(table, "active_fraction")
    dense = _column(table, "dense_equivalent_flop_per_token")
    v2_hours = published_figure("deepseek_v2_gpu_hours_per_trillion_tokens")
    dense_hours = published_figure("deepseek_67b_gpu_hours_per_trillion_tokens")
    return ExpertNumbers(
        total_params=n.total,
        active_params=n.active,
        active_params_including_embedding=n.active_including_embedding,
        active_fraction=n.active / n.total,
        reported_total_params=published_figure("deepseek_v3_total_params"),
        reported_active_params=published_figure("deepseek_v3_active_params"),
        num_layers=v3.num_layers,
        num_dense_layers=v3.num_dense_layers,
        num_moe_layers=v3.num_moe_layers,
        intermediate_size=v3.intermediate_size,
        moe_intermediate_size=v3.moe_intermediate_size,
        num_shared_experts=v3.num_shared_experts,
        num_routed_experts=v3.num_routed_experts,
        num_experts_per_token=v3.num_experts_per_token,
        num_expert_groups=v3.num_expert_groups,
        topk_groups=v3.topk_groups,
        num_routed_expert_ffns=v3.num_moe_layers * v3.num_routed_experts,
        routed_experts_share=n.routed_experts / n.total,
        all_to_all_bytes_per_token=_as_float(moe_all_to_all_bytes_per_token(v3)),
        forward_flop_per_token=_as_float(forward_flop_per_token(n.active)),
        llama_forward_flop_per_token=flop["Llama-3.1-405B"],
        llama_over_v3_flop=flop["Llama-3.1-405B"] / flop["DeepSeek-V3"],
        weight_bytes_bf16=weights["DeepSeek-V3"],
        weight_bytes_fp8=_column(model_comparison(BYTES_PER_PARAM["fp8"]), "weight_bytes")[
            "DeepSeek-V3"
        ],
        v3_over_llama_weight_bytes=weights["DeepSeek-V3"] / weights["Llama-3.1-405B"],
        dense_over_active_flop=dense["DeepSeek-V3"] / flop["DeepSeek-V3"],
        v2_reported_active_params=published_figure("deepseek_v2_active_params"),
        v2_gpu_hours_per_trillion_tokens=v2_hours,
        dense_67b_gpu_hours_per_trillion_tokens=dense_hours,
        dense_67b_over_v2_gpu_hours=dense_hours / v2_hours,
        v2_active_fraction=fraction["DeepSeek-V2"],
        qwen_active_fraction=fraction["Qwen3-235B-A22B"],
        mixtral_active_fraction=fraction["Mixtral-8x7B"],
    )
