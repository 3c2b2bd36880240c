r"""Mixture-of-experts arithmetic: compute, weight memory and all-to-all traffic.

Compute follows the active parameters, memory the total parameters, and expert parallelism
adds all-to-all traffic between nodes.

Contents:

BYTES_PER_PARAM
    Bytes per parameter by precision name (``"fp32"``, ``"bf16"``, ``"fp16"``, ``"fp8"``,
    ``"int4"``).
forward_flop_per_token(active_params)
    :math:`2 N_\text{active}` [FLOP/token].
weight_memory_bytes(total_params, bytes_per_param)
    :math:`N_\text{total}\,b` [bytes].
all_to_all_bytes_per_token(hidden_size, num_moe_layers, nodes_reached, ...)
    Inter-node dispatch + combine traffic per token [bytes/token].
moe_all_to_all_bytes_per_token(config, nodes_reached=None, ...)
    The same from a :class:`~aicosts.formulas.architecture.ModelConfig` [bytes/token].
moe_summary(config, bytes_per_param=1)
    Total vs active parameters, FLOP per token and weight memory, as a one-row DataFrame.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from aicosts._contract import (
    COUNT,
    NONNEGATIVE_COUNT,
    POSITIVE,
    ArrayLike,
    FloatOrArray,
    formula,
    optional,
)
from aicosts.formulas.architecture import ModelConfig

__all__ = [
    "BYTES_PER_PARAM",
    "all_to_all_bytes_per_token",
    "moe_all_to_all_bytes_per_token",
    "weight_memory_bytes",
]

#: Storage per parameter by number format [bytes].
BYTES_PER_PARAM: Mapping[str, float] = MappingProxyType(
    {
        "fp32": 4.0,
        "bf16": 2.0,
        "fp16": 2.0,
        "fp8": 1.0,
        "int4": 0.5,
    }
)


@formula(total_params=POSITIVE, bytes_per_param=POSITIVE)
def weight_memory_bytes(total_params: ArrayLike, bytes_per_param: ArrayLike) -> FloatOrArray:
    r"""Memory to hold a model's weights.

    .. math:: M = N_\text{total}\, b

    Parameters
    ----------
    total_params : float or array-like
        All parameters, :math:`N_\text{total}` [parameters].
    bytes_per_param : float or array-like
        Storage per parameter :math:`b` (see ``BYTES_PER_PARAM``: 1 for FP8, 2 for BF16)
        [bytes].

    Returns
    -------
    float or ndarray or Series
        Weight memory [bytes].

    Notes
    -----
    Every expert must be resident even though a token uses only a few: MoE cuts compute
    per token, not memory. Excludes quantisation scales, activations, the KV cache and
    framework overhead.

    Examples
    --------
    DeepSeek-V3's 671B parameters [1]_ in FP8 (its native weight format) and in BF16:

    >>> weight_memory_bytes(671e9, [1, 2]) / 1e9
    array([ 671., 1342.])

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §4.2
       (``deepseekv3``).
    """
    return total_params * bytes_per_param


@formula(
    hidden_size=COUNT,
    num_moe_layers=NONNEGATIVE_COUNT,
    nodes_reached=NONNEGATIVE_COUNT,
    dispatch_bytes_per_element=POSITIVE,
    combine_bytes_per_element=POSITIVE,
)
def all_to_all_bytes_per_token(
    hidden_size: ArrayLike,
    num_moe_layers: ArrayLike,
    nodes_reached: ArrayLike,
    dispatch_bytes_per_element: ArrayLike = 1,
    combine_bytes_per_element: ArrayLike = 2,
) -> FloatOrArray:
    r"""Inter-node all-to-all traffic per token under node-limited expert routing.

    .. math:: B = d \cdot L_\text{MoE} \cdot M \cdot (b_\text{dispatch} + b_\text{combine})

    Parameters
    ----------
    hidden_size : int or array-like
        Width of the hidden state sent to an expert, :math:`d` [-].
    num_moe_layers : int or array-like
        MoE layers the token passes, :math:`L_\text{MoE}` [-].
    nodes_reached : int or array-like
        Nodes the token's routed experts live on, :math:`M` (DeepSeek-V3: at most 4) [-].
    dispatch_bytes_per_element : float or array-like, optional
        Format of the dispatched activations, :math:`b_\text{dispatch}`; 1 for FP8
        (DeepSeek-V3's choice) [bytes].
    combine_bytes_per_element : float or array-like, optional
        Format of the expert outputs sent back, :math:`b_\text{combine}`; 2 for BF16
        (DeepSeek-V3's choice) [bytes].

    Returns
    -------
    float or ndarray or Series
        Bytes sent across nodes per token, forward pass, dispatch plus combine
        [bytes/token].

    Notes
    -----
    Assumptions, following DeepSeek-V3 §3.2.2 [1]_: a token's hidden state crosses the
    inter-node network (InfiniBand) once per destination node and is forwarded to the
    experts inside that node over NVLink, so the inter-node cost scales with nodes reached,
    not experts; the combine step returns one :math:`d`-vector per node. Counted: activations
    only, one forward pass. Not counted: routing metadata and scales of the FP8 dispatch,
    NVLink traffic inside a node, tokens whose experts are all on their own node, and the
    backward pass (which in training roughly doubles the traffic).

    Examples
    --------
    DeepSeek-V3 [1]_: hidden 7168, 58 MoE layers, 4 nodes, FP8 dispatch and BF16 combine:
    about 5.0 MB per token:

    >>> all_to_all_bytes_per_token(7168, 58, 4)
    4988928.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §2.1.2
       (node-limited routing), §3.2.2 (communication), §3.3 (FP8) (``deepseekv3``).
    """
    return (
        hidden_size
        * num_moe_layers
        * nodes_reached
        * (dispatch_bytes_per_element + combine_bytes_per_element)
    )


@formula(
    config=ModelConfig,
    nodes_reached=optional(NONNEGATIVE_COUNT),
    dispatch_bytes_per_element=POSITIVE,
    combine_bytes_per_element=POSITIVE,
)
def moe_all_to_all_bytes_per_token(
    config: ModelConfig,
    nodes_reached: ArrayLike | None = None,
    dispatch_bytes_per_element: ArrayLike = 1,
    combine_bytes_per_element: ArrayLike = 2,
) -> FloatOrArray:
    r"""Inter-node all-to-all traffic per token of an MoE model.

    .. math:: B = d \cdot L_\text{MoE} \cdot M \cdot (b_\text{dispatch} + b_\text{combine})

    Parameters
    ----------
    config : ModelConfig
        The architecture [-].
    nodes_reached : int or array-like, optional
        Nodes a token reaches :math:`M`; default the config's group limit ``topk_group``
        (DeepSeek puts one expert group on a node), capped by the routed experts per token
        [-].
    dispatch_bytes_per_element : float or array-like, optional
        Dispatch format [bytes]; default FP8.
    combine_bytes_per_element : float or array-like, optional
        Combine format [bytes]; default BF16.

    Returns
    -------
    float or ndarray or Series
        Bytes sent across nodes per token [bytes/token].

    Notes
    -----
    See :func:`all_to_all_bytes_per_token` for the assumptions. A model without group-limited
    routing (``topk_group`` = 1 in its config, e.g. Mixtral) gets :math:`M = 1` by default;
    pass ``nodes_reached`` for your deployment. DeepSeek-V3's MTP module adds one MoE layer
    in training; it is not counted here.

    Examples
    --------
    >>> from aicosts import load_config
    >>> moe_all_to_all_bytes_per_token(load_config("DeepSeek-V3"))
    4988928.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §2.1.2, §3.2.2
       (``deepseekv3``).
    """
    if nodes_reached is None:
        nodes_reached = min(config.topk_groups, max(config.num_experts_per_token, 1))
    return all_to_all_bytes_per_token(
        config.hidden_size,
        config.num_moe_layers,
        nodes_reached,
        dispatch_bytes_per_element,
        combine_bytes_per_element,
    )
