"""The shape of a decoder-only transformer, as the architecture formulas take it.

- :class:`ModelConfig` -- frozen dataclass of a model's shape: dense or mixture-of-experts (MoE)
  feed-forward layers, multi-head, grouped-query, multi-query or multi-head latent attention
  (MHA, GQA, MQA, MLA), and DeepSeek's multi-token-prediction (MTP) modules.
- :data:`FIELDS` -- the validation table of its fields.

The formulas of :mod:`aicosts.formulas.params`, :mod:`~aicosts.formulas.kvcache`,
:mod:`~aicosts.formulas.moe`, :mod:`~aicosts.formulas.mtp` and :mod:`~aicosts.formulas.serving`
take one. Reading a Hugging Face ``config.json`` into a :class:`ModelConfig` is the job of the
model catalogue (:mod:`aicosts.catalogues.models`), one reader per model family.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from aicosts._contract import check_integral, frozen_mapping

__all__ = ["FIELDS", "MAX_COUNT", "ModelConfig"]

#: Largest count any field accepts (layers, heads, widths, experts, vocabulary) [-]. Real models
#: stay far below; the bound keeps absurd inputs (``1e308`` layers) from reaching the formulas.
MAX_COUNT = 10**9

#: Validation table of :class:`ModelConfig`: field → ``("count", minimum)``, ``("optional count",
#: minimum)`` (``None`` allowed) or ``("flag", None)``.
FIELDS: Mapping[str, tuple[str, int | None]] = frozen_mapping(
    {
        "vocab_size": ("count", 1),
        "hidden_size": ("count", 1),
        "num_layers": ("count", 1),
        "num_heads": ("count", 1),
        "num_kv_heads": ("count", 1),
        "head_dim": ("count", 1),
        "intermediate_size": ("count", 1),
        "tie_word_embeddings": ("flag", None),
        "qkv_bias": ("flag", None),
        "o_bias": ("flag", None),
        "mlp_bias": ("flag", None),
        "qk_norm": ("flag", None),
        "q_lora_rank": ("optional count", 1),
        "kv_lora_rank": ("optional count", 1),
        "qk_rope_head_dim": ("optional count", 1),
        "v_head_dim": ("optional count", 1),
        "num_routed_experts": ("count", 0),
        "num_shared_experts": ("count", 0),
        "num_experts_per_token": ("count", 0),
        "moe_intermediate_size": ("count", 0),
        "num_moe_layers": ("count", 0),
        "router_bias": ("flag", None),
        "num_expert_groups": ("count", 1),
        "topk_groups": ("count", 1),
        "num_mtp_layers": ("count", 0),
        "num_mtp_moe_layers": ("count", 0),
        "max_position_embeddings": ("optional count", 1),
    }
)

#: Cross-field rules: (condition that must hold, message); evaluated in order.
_RULES: tuple[tuple[Any, str], ...] = (
    (
        lambda c: c.num_heads % c.num_kv_heads == 0,
        "num_heads ({c.num_heads}) must be divisible by num_kv_heads, got "
        "num_kv_heads={c.num_kv_heads}",
    ),
    (
        lambda c: (
            c.kv_lora_rank is None or (c.qk_rope_head_dim is not None and c.v_head_dim is not None)
        ),
        "an MLA config (kv_lora_rank set) needs qk_rope_head_dim and v_head_dim",
    ),
    (
        lambda c: c.num_moe_layers <= c.num_layers,
        "num_moe_layers must be at most num_layers ({c.num_layers}), got {c.num_moe_layers}",
    ),
    (
        lambda c: not (c.num_moe_layers or c.num_routed_experts) or c.num_routed_experts >= 1,
        "num_routed_experts must be at least 1 when there are MoE layers, got "
        "{c.num_routed_experts}",
    ),
    (
        lambda c: (
            not (c.num_moe_layers or c.num_routed_experts)
            or 1 <= c.num_experts_per_token <= c.num_routed_experts
        ),
        "num_experts_per_token must be in [1, num_routed_experts={c.num_routed_experts}], got "
        "{c.num_experts_per_token}",
    ),
    (
        lambda c: not (c.num_moe_layers or c.num_routed_experts) or c.moe_intermediate_size >= 1,
        "moe_intermediate_size must be at least 1, got {c.moe_intermediate_size}",
    ),
    (
        lambda c: c.num_mtp_moe_layers <= c.num_mtp_layers,
        "num_mtp_moe_layers must be at most num_mtp_layers ({c.num_mtp_layers}), got "
        "{c.num_mtp_moe_layers}",
    ),
    (
        lambda c: c.topk_groups <= c.num_expert_groups,
        "topk_groups must be at most num_expert_groups ({c.num_expert_groups}), got "
        "{c.topk_groups}",
    ),
)


@dataclass(frozen=True)
class ModelConfig:
    r"""Shape of a decoder-only transformer language model.

    Build one from a Hugging Face ``config.json`` with :func:`~aicosts.read_hf_config` or load a
    shipped one with :func:`~aicosts.load_config`. Every field is validated on construction, from
    the table :data:`FIELDS`: counts are whole numbers (numpy integers accepted) within bounds,
    flags are booleans.

    Parameters
    ----------
    name : str
        Label used in tables and charts [-].
    model_type : str
        Hugging Face ``model_type`` it was read from [-].
    vocab_size : int
        Vocabulary size :math:`V` [tokens].
    hidden_size : int
        Residual-stream width :math:`d` [-].
    num_layers : int
        Transformer layers of the main model :math:`l` (MTP modules excluded) [-].
    num_heads : int
        Query heads :math:`n_h` [-].
    num_kv_heads : int
        Key/value heads :math:`n_g` (GQA groups); equal to ``num_heads`` for MHA and MLA [-].
    head_dim : int
        Per-head dimension :math:`d_h`; for MLA the no-RoPE query/key head dimension
        (``qk_nope_head_dim``, the :math:`d_h` of DeepSeek-V2's Table 1) [-].
    intermediate_size : int
        Width of a dense SwiGLU feed-forward layer [-].
    tie_word_embeddings : bool
        Whether the output head shares the input embedding matrix [-].
    qkv_bias, o_bias, mlp_bias : bool
        Bias vectors on the query/key/value projections, the output projection, and the
        feed-forward projections [-].
    qk_norm : bool
        RMSNorm of width ``head_dim`` on queries and keys (Qwen3) [-].
    q_lora_rank : int or None
        MLA query compression dimension :math:`d'_c`; ``None`` for no query compression [-].
    kv_lora_rank : int or None
        MLA key/value compression dimension :math:`d_c`; ``None`` for non-MLA models [-].
    qk_rope_head_dim : int or None
        MLA decoupled RoPE dimension :math:`d_h^R` [-].
    v_head_dim : int or None
        MLA value head dimension [-].
    num_routed_experts : int
        Routed experts per MoE layer (0 for a dense model) [-].
    num_shared_experts : int
        Shared (always-active) experts per MoE layer [-].
    num_experts_per_token : int
        Routed experts each token activates [-].
    moe_intermediate_size : int
        Width of one expert's SwiGLU feed-forward layer [-].
    num_moe_layers : int
        How many of the ``num_layers`` main layers are MoE layers [-].
    router_bias : bool
        Whether the router has a per-expert bias (DeepSeek-V3's auxiliary-loss-free
        ``e_score_correction_bias``) [-].
    num_expert_groups : int
        Expert groups for group-limited routing (DeepSeek ``n_group``: one group per node) [-].
    topk_groups : int
        Groups (nodes) a token may be routed to (DeepSeek ``topk_group``) [-].
    num_mtp_layers : int
        Multi-token-prediction modules (``num_nextn_predict_layers``) [-].
    num_mtp_moe_layers : int
        How many MTP modules have an MoE transformer block: DeepSeek numbers them after the
        main layers (layer 61 for V3), so the main model's dense/MoE rule decides [-].
    max_position_embeddings : int or None
        Longest supported context [tokens].

    Notes
    -----
    ``attention`` is derived: ``"MLA"`` when ``kv_lora_rank`` is set, else ``"MHA"`` when
    ``num_kv_heads == num_heads``, ``"MQA"`` when it is 1 and ``"GQA"`` otherwise.

    Examples
    --------
    >>> from aicosts import load_config
    >>> cfg = load_config("deepseek-v3")
    >>> cfg.attention, cfg.num_moe_layers, cfg.num_dense_layers, cfg.num_mtp_layers
    ('MLA', 58, 3, 1)
    """

    name: str
    model_type: str
    vocab_size: int
    hidden_size: int
    num_layers: int
    num_heads: int
    num_kv_heads: int
    head_dim: int
    intermediate_size: int
    tie_word_embeddings: bool = False
    qkv_bias: bool = False
    o_bias: bool = False
    mlp_bias: bool = False
    qk_norm: bool = False
    q_lora_rank: int | None = None
    kv_lora_rank: int | None = None
    qk_rope_head_dim: int | None = None
    v_head_dim: int | None = None
    num_routed_experts: int = 0
    num_shared_experts: int = 0
    num_experts_per_token: int = 0
    moe_intermediate_size: int = 0
    num_moe_layers: int = 0
    router_bias: bool = False
    num_expert_groups: int = 1
    topk_groups: int = 1
    num_mtp_layers: int = 0
    num_mtp_moe_layers: int = 0
    max_position_embeddings: int | None = None

    def __post_init__(self) -> None:
        """Validate every field from :data:`FIELDS`, then the cross-field rules."""
        for label in ("name", "model_type"):
            if not isinstance(getattr(self, label), str):
                raise TypeError(f"{label} must be a string, got {getattr(self, label)!r}")
        for f in fields(self):
            if f.name not in FIELDS:
                continue
            kind, minimum = FIELDS[f.name]
            value = getattr(self, f.name)
            if kind == "flag":
                if not isinstance(value, bool):
                    raise TypeError(f"{f.name} must be true or false, got {value!r}")
            elif value is not None or kind == "count":
                checked = check_integral(f.name, value, minimum=minimum or 0, maximum=MAX_COUNT)
                object.__setattr__(self, f.name, checked)
        for holds, message in _RULES:
            if not holds(self):
                raise ValueError(message.format(c=self))

    # ----------------------------------------------------------------- derived properties
    @property
    def attention(self) -> str:
        """Attention type: ``"MHA"``, ``"GQA"``, ``"MQA"`` or ``"MLA"`` [-]."""
        if self.kv_lora_rank is not None:
            return "MLA"
        if self.num_kv_heads == self.num_heads:
            return "MHA"
        if self.num_kv_heads == 1:
            return "MQA"
        return "GQA"

    @property
    def is_moe(self) -> bool:
        """Whether any main layer is a mixture-of-experts layer [-]."""
        return self.num_moe_layers > 0

    @property
    def num_dense_layers(self) -> int:
        """Main layers with a dense feed-forward network [-]."""
        return self.num_layers - self.num_moe_layers
