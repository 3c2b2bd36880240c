"""Model architectures read from Hugging Face ``config.json`` dictionaries.

A :class:`ModelConfig` holds the shape of a decoder-only transformer: dense or mixture-of-experts
(MoE) feed-forward layers, multi-head, grouped-query, multi-query or multi-head latent attention
(MHA, GQA, MQA, MLA), and DeepSeek's multi-token-prediction (MTP) modules. The other
architecture modules (:mod:`aicosts.params`, :mod:`aicosts.kvcache`, :mod:`aicosts.moe`,
:mod:`aicosts.mtp`, :mod:`aicosts.serving`) take one.

Contents:

ModelConfig
    Frozen dataclass of a model's shape; build it with :meth:`ModelConfig.from_hf_config`.
ModelConfig.from_hf_config(mapping, name=None)
    Read a Hugging Face ``config.json`` dictionary (types in ``SUPPORTED_MODEL_TYPES``).
load_config(name)
    Load a shipped configuration by name (case-insensitive), e.g. ``"DeepSeek-V3"``.
list_configs()
    Names of the shipped configurations.
SUPPORTED_MODEL_TYPES
    The ``model_type`` values :meth:`ModelConfig.from_hf_config` reads.

The shipped configurations live in ``aicosts/data/configs/*.json``; each keeps the Hugging Face
key names and values and adds ``"_name"`` and ``"_source"`` (where the values were confirmed).
They are read with ``importlib.resources``; nothing is ever downloaded.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = [
    "SUPPORTED_MODEL_TYPES",
    "ModelConfig",
    "list_configs",
    "load_config",
]

#: ``model_type`` values that :meth:`ModelConfig.from_hf_config` understands.
SUPPORTED_MODEL_TYPES: tuple[str, ...] = (
    "llama",
    "mistral",
    "mixtral",
    "qwen2",
    "qwen3",
    "qwen3_moe",
    "deepseek_v2",
    "deepseek_v3",
)

_ATTENTION_TYPES = ("MHA", "GQA", "MQA", "MLA")


def _check_count(name: str, value: Any, *, minimum: int = 1) -> int:
    """Require a whole number ≥ ``minimum`` (a head, layer or width count) and return it as int."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a whole number, got {value!r}")
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        raise ValueError(f"{name} must be a finite whole number, got {value!r}")
    if value != int(value):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value!r}")
    return int(value)


def _check_bool(name: str, value: Any) -> bool:
    """Require a real boolean (JSON ``true``/``false``)."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be true or false, got {value!r}")
    return value


@dataclass(frozen=True)
class ModelConfig:
    r"""Shape of a decoder-only transformer language model.

    Build one from a Hugging Face ``config.json`` with :meth:`from_hf_config` or load a shipped
    one with :func:`load_config`. Every count is validated on construction.

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
        """Validate every field; raise naming the field and its value."""
        if not isinstance(self.name, str):
            raise TypeError(f"name must be a string, got {self.name!r}")
        if self.model_type not in SUPPORTED_MODEL_TYPES:
            known = ", ".join(repr(t) for t in SUPPORTED_MODEL_TYPES)
            raise ValueError(f"model_type must be one of {known}, got {self.model_type!r}")
        for f in ("vocab_size", "hidden_size", "num_layers", "num_heads", "num_kv_heads"):
            object.__setattr__(self, f, _check_count(f, getattr(self, f)))
        for f in ("head_dim", "intermediate_size", "num_expert_groups", "topk_groups"):
            object.__setattr__(self, f, _check_count(f, getattr(self, f)))
        for f in (
            "num_routed_experts",
            "num_shared_experts",
            "num_experts_per_token",
            "moe_intermediate_size",
            "num_moe_layers",
            "num_mtp_layers",
            "num_mtp_moe_layers",
        ):
            object.__setattr__(self, f, _check_count(f, getattr(self, f), minimum=0))
        for f in ("q_lora_rank", "kv_lora_rank", "qk_rope_head_dim", "v_head_dim"):
            if getattr(self, f) is not None:
                object.__setattr__(self, f, _check_count(f, getattr(self, f)))
        if self.max_position_embeddings is not None:
            object.__setattr__(
                self,
                "max_position_embeddings",
                _check_count("max_position_embeddings", self.max_position_embeddings),
            )
        for f in (
            "tie_word_embeddings",
            "qkv_bias",
            "o_bias",
            "mlp_bias",
            "qk_norm",
            "router_bias",
        ):
            _check_bool(f, getattr(self, f))
        if self.num_heads % self.num_kv_heads:
            raise ValueError(
                f"num_heads ({self.num_heads}) must be divisible by num_kv_heads, "
                f"got num_kv_heads={self.num_kv_heads}"
            )
        if self.kv_lora_rank is not None and (
            self.qk_rope_head_dim is None or self.v_head_dim is None
        ):
            raise ValueError(
                "an MLA config (kv_lora_rank set) needs qk_rope_head_dim and v_head_dim"
            )
        if self.num_moe_layers > self.num_layers:
            raise ValueError(
                f"num_moe_layers must be at most num_layers ({self.num_layers}), "
                f"got {self.num_moe_layers}"
            )
        if self.num_moe_layers or self.num_routed_experts:
            if self.num_routed_experts < 1:
                raise ValueError(
                    f"num_routed_experts must be at least 1 when there are MoE layers, "
                    f"got {self.num_routed_experts}"
                )
            if not 1 <= self.num_experts_per_token <= self.num_routed_experts:
                raise ValueError(
                    f"num_experts_per_token must be in [1, num_routed_experts="
                    f"{self.num_routed_experts}], got {self.num_experts_per_token}"
                )
            if self.moe_intermediate_size < 1:
                raise ValueError(
                    f"moe_intermediate_size must be at least 1, got {self.moe_intermediate_size}"
                )
        if self.num_mtp_moe_layers > self.num_mtp_layers:
            raise ValueError(
                f"num_mtp_moe_layers must be at most num_mtp_layers ({self.num_mtp_layers}), "
                f"got {self.num_mtp_moe_layers}"
            )
        if self.topk_groups > self.num_expert_groups:
            raise ValueError(
                f"topk_groups must be at most num_expert_groups ({self.num_expert_groups}), "
                f"got {self.topk_groups}"
            )

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

    # ------------------------------------------------------------------------ readers
    @classmethod
    def from_hf_config(cls, mapping: Mapping[str, Any], name: str | None = None) -> ModelConfig:
        r"""Read a Hugging Face ``config.json`` dictionary.

        Parameters
        ----------
        mapping : Mapping
            The parsed ``config.json`` [-]. Keys starting with ``_`` are ignored except
            ``"_name"``, used as the default label.
        name : str, optional
            Label for tables and charts; defaults to ``mapping["_name"]``, else the
            ``model_type`` [-].

        Returns
        -------
        ModelConfig
            The validated architecture [-].

        Raises
        ------
        ValueError
            For an unknown ``model_type``, a missing required key (the message names it), or a
            value outside its domain (negative or fractional counts, heads not divisible by
            key/value heads).
        TypeError
            If ``mapping`` is not a mapping or a value has the wrong type.

        Notes
        -----
        Optional keys take Hugging Face's defaults for these model types:
        ``tie_word_embeddings`` false; ``num_key_value_heads`` = ``num_attention_heads``
        (llama, qwen2, qwen3, qwen3_moe; required for mistral and mixtral);
        ``head_dim`` = ``hidden_size / num_attention_heads``; ``attention_bias`` and
        ``mlp_bias`` false; ``first_k_dense_replace`` 0; ``moe_layer_freq`` 1;
        ``decoder_sparse_step`` 1; ``mlp_only_layers`` empty; ``n_group``/``topk_group`` 1;
        ``num_nextn_predict_layers`` 0; ``topk_method`` ``"noaux_tc"`` for deepseek_v3 and
        ``"greedy"`` for deepseek_v2.

        What changes the parameter count per type:

        * llama/qwen3/qwen3_moe ``attention_bias``: biases on the q, k, v and o projections;
          llama ``mlp_bias``: biases on the feed-forward projections.
        * qwen2: q, k and v projections always carry biases (the o projection none).
        * qwen3/qwen3_moe: RMSNorm on queries and keys (``head_dim`` weights each per layer).
        * deepseek: layer :math:`i` is MoE when ``n_routed_experts`` is set,
          :math:`i \ge` ``first_k_dense_replace`` and :math:`i \bmod` ``moe_layer_freq`` = 0;
          ``q_lora_rank`` null means no query compression; ``topk_method`` ``"noaux_tc"`` adds a
          per-expert router bias.
        * qwen3_moe: layer :math:`i` is MoE unless listed in ``mlp_only_layers`` and when
          :math:`(i+1) \bmod` ``decoder_sparse_step`` = 0; mixtral: every layer.

        Examples
        --------
        >>> cfg = ModelConfig.from_hf_config({
        ...     "model_type": "llama", "vocab_size": 128256, "hidden_size": 4096,
        ...     "intermediate_size": 14336, "num_hidden_layers": 32,
        ...     "num_attention_heads": 32, "num_key_value_heads": 8}, name="Llama-3.1-8B")
        >>> cfg.attention, cfg.head_dim
        ('GQA', 128)
        >>> ModelConfig.from_hf_config({"model_type": "gpt2"})
        Traceback (most recent call last):
        ...
        ValueError: model_type must be one of 'llama', ..., got 'gpt2'
        """
        if not isinstance(mapping, Mapping):
            raise TypeError(f"mapping must be a dict read from config.json, got {mapping!r}")
        if "model_type" not in mapping:
            raise ValueError("config is missing required key 'model_type'")
        model_type = mapping["model_type"]
        if model_type not in SUPPORTED_MODEL_TYPES:
            known = ", ".join(repr(t) for t in SUPPORTED_MODEL_TYPES)
            raise ValueError(f"model_type must be one of {known}, got {model_type!r}")
        label = name if name is not None else mapping.get("_name", model_type)

        def req(key: str) -> Any:
            if key not in mapping:
                raise ValueError(
                    f"config is missing required key {key!r} (model_type {model_type!r})"
                )
            return mapping[key]

        def count(key: str, *, minimum: int = 1, default: Any = None) -> int:
            value = req(key) if default is None else mapping.get(key, default)
            return _check_count(key, value, minimum=minimum)

        def flag(key: str, default: bool = False) -> bool:
            return _check_bool(key, mapping.get(key, default))

        hidden = count("hidden_size")
        n_layers = count("num_hidden_layers")
        n_heads = count("num_attention_heads")
        common: dict[str, Any] = {
            "name": label,
            "model_type": model_type,
            "vocab_size": count("vocab_size"),
            "hidden_size": hidden,
            "num_layers": n_layers,
            "num_heads": n_heads,
            "tie_word_embeddings": flag("tie_word_embeddings"),
        }
        if mapping.get("max_position_embeddings") is not None:
            common["max_position_embeddings"] = count("max_position_embeddings")

        if model_type in ("deepseek_v2", "deepseek_v3"):
            return cls(**common, **_deepseek_fields(mapping, count, flag, n_layers, n_heads))

        # Standard GQA families.
        if model_type in ("mistral", "mixtral"):
            n_kv = count("num_key_value_heads")
        else:
            n_kv = count("num_key_value_heads", default=mapping.get("num_attention_heads"))
        if mapping.get("head_dim") is not None:
            head_dim = count("head_dim")
        else:
            if hidden % n_heads:
                raise ValueError(
                    f"head_dim is absent and hidden_size ({hidden}) is not divisible by "
                    f"num_attention_heads ({n_heads})"
                )
            head_dim = hidden // n_heads
        attn_bias = flag("attention_bias")
        fields_: dict[str, Any] = {
            "num_kv_heads": n_kv,
            "head_dim": head_dim,
            "intermediate_size": count("intermediate_size"),
        }
        if model_type == "qwen2":
            fields_.update(qkv_bias=True, o_bias=False)
        elif model_type in ("llama", "qwen3", "qwen3_moe"):
            fields_.update(qkv_bias=attn_bias, o_bias=attn_bias)
        if model_type == "llama":
            fields_["mlp_bias"] = flag("mlp_bias")
        if model_type in ("qwen3", "qwen3_moe"):
            fields_["qk_norm"] = True
        if model_type == "mixtral":
            fields_.update(
                num_routed_experts=count("num_local_experts"),
                num_experts_per_token=count("num_experts_per_tok"),
                moe_intermediate_size=fields_["intermediate_size"],
                num_moe_layers=n_layers,
            )
        if model_type == "qwen3_moe":
            n_experts = count("num_experts", minimum=0)
            step = count("decoder_sparse_step", default=1)
            mlp_only = mapping.get("mlp_only_layers", []) or []
            if not isinstance(mlp_only, list | tuple):
                raise TypeError(f"mlp_only_layers must be a list, got {mlp_only!r}")
            n_moe = sum(
                1
                for i in range(n_layers)
                if i not in mlp_only and n_experts > 0 and (i + 1) % step == 0
            )
            if n_moe:
                fields_.update(
                    num_routed_experts=n_experts,
                    num_experts_per_token=count("num_experts_per_tok"),
                    moe_intermediate_size=count("moe_intermediate_size"),
                    num_moe_layers=n_moe,
                )
        return cls(**common, **fields_)


def _deepseek_fields(
    mapping: Mapping[str, Any],
    count: Any,
    flag: Any,
    n_layers: int,
    n_heads: int,
) -> dict[str, Any]:
    """Fields specific to DeepSeek-V2/V3 configs (MLA, shared experts, dense first layers, MTP)."""
    model_type = mapping["model_type"]
    for key in ("q_lora_rank", "n_routed_experts"):
        if key not in mapping:
            raise ValueError(f"config is missing required key {key!r} (model_type {model_type!r})")
    if flag("attention_bias"):
        raise ValueError("attention_bias=True is not supported for DeepSeek configs")
    q_lora = mapping["q_lora_rank"]
    out: dict[str, Any] = {
        "num_kv_heads": n_heads,  # MLA: every head has its own (decompressed) key and value
        "head_dim": count("qk_nope_head_dim"),
        "intermediate_size": count("intermediate_size"),
        "q_lora_rank": None if q_lora is None else count("q_lora_rank"),
        "kv_lora_rank": count("kv_lora_rank"),
        "qk_rope_head_dim": count("qk_rope_head_dim"),
        "v_head_dim": count("v_head_dim"),
        "num_mtp_layers": count("num_nextn_predict_layers", minimum=0, default=0),
    }
    if mapping["n_routed_experts"] is None:
        return out
    n_routed = count("n_routed_experts")
    first_k = count("first_k_dense_replace", minimum=0, default=0)
    freq = count("moe_layer_freq", default=1)
    n_moe = sum(1 for i in range(n_layers) if i >= first_k and i % freq == 0)
    shared = mapping.get("n_shared_experts")
    default_method = "noaux_tc" if model_type == "deepseek_v3" else "greedy"
    out.update(
        num_routed_experts=n_routed,
        num_shared_experts=0 if shared is None else count("n_shared_experts", minimum=0),
        num_experts_per_token=count("num_experts_per_tok"),
        moe_intermediate_size=count("moe_intermediate_size"),
        num_moe_layers=n_moe,
        router_bias=mapping.get("topk_method", default_method) == "noaux_tc",
        num_expert_groups=1 if mapping.get("n_group") is None else count("n_group"),
        topk_groups=1 if mapping.get("topk_group") is None else count("topk_group"),
        num_mtp_moe_layers=sum(
            1
            for i in range(n_layers, n_layers + out["num_mtp_layers"])
            if i >= first_k and i % freq == 0
        ),
    )
    return out


def _config_files() -> dict[str, str]:
    """Map lower-case shipped config names to their file names."""
    folder = resources.files("aicosts") / "data" / "configs"
    return {
        entry.name.removesuffix(".json").casefold(): entry.name
        for entry in folder.iterdir()
        if entry.name.endswith(".json")
    }


def list_configs() -> list[str]:
    """Names of the model configurations shipped with aicosts.

    Returns
    -------
    list of str
        The names :func:`load_config` accepts, sorted [-].

    Examples
    --------
    >>> list_configs()  # doctest: +NORMALIZE_WHITESPACE
    ['DeepSeek-V2', 'DeepSeek-V2-Lite', 'DeepSeek-V3', 'Llama-3.1-405B', 'Mixtral-8x7B',
     'Qwen3-235B-A22B']

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §4.2
       (``deepseekv3``); the other files cite their sources in ``"_source"``.
    """
    return sorted(f.removesuffix(".json") for f in _config_files().values())


def load_config(name: str) -> ModelConfig:
    """Load a shipped model configuration by name (case-insensitive).

    Parameters
    ----------
    name : str
        One of :func:`list_configs`, any case, e.g. ``"deepseek-v3"`` [-].

    Returns
    -------
    ModelConfig
        The architecture, read from ``aicosts/data/configs/<name>.json`` [-].

    Raises
    ------
    ValueError
        If the name is unknown; the message lists the known names.

    Notes
    -----
    The files are Hugging Face ``config.json`` dictionaries trimmed to architecture keys; each
    file's ``"_source"`` says where its values were confirmed (shared/sources.md lines, public
    copies of the configs).

    Examples
    --------
    >>> cfg = load_config("DeepSeek-V3")
    >>> cfg.hidden_size, cfg.num_layers, cfg.kv_lora_rank, cfg.q_lora_rank
    (7168, 61, 512, 1536)
    >>> load_config("gpt-5")
    Traceback (most recent call last):
    ...
    ValueError: name must be one of 'DeepSeek-V2', ..., got 'gpt-5'

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §4.2
       (``deepseekv3``).
    .. [2] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, §3.1 (``deepseekv2``).
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a string, got {name!r}")
    files = _config_files()
    key = name.strip().casefold()
    if key not in files:
        known = ", ".join(repr(n) for n in list_configs())
        raise ValueError(f"name must be one of {known}, got {name!r}")
    text = (resources.files("aicosts") / "data" / "configs" / files[key]).read_text("utf-8")
    mapping = json.loads(text)
    return ModelConfig.from_hf_config(mapping, name=mapping.get("_name", files[key][:-5]))
