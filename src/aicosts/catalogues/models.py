r"""Model configurations: Hugging Face ``config.json`` files read by one reader per family.

The readers turn a ``config.json`` into a :class:`ModelConfig`; the configurations shipped with
aicosts are loaded by name.

- :func:`read_hf_config` -- a parsed ``config.json`` (a dict) → :class:`ModelConfig`, by the
  reader registered for its ``model_type``.
- :func:`load_config` / :func:`list_configs` -- the shipped configurations, by name.
- :func:`register_family` -- add a reader for a ``model_type`` (a decorator).
- :func:`supported_model_types` -- the registered ``model_type`` values.

Each reader receives the config behind a :class:`ConfigKeys` view, which applies the family's
defaults the way transformers does (a missing key and a JSON ``null`` both take the default),
validates every value it hands out (counts bounded, enumerations checked, layer lists of integers
in range) and names the key in every error. Reading is linear in the size of the config: layer
rules are counted arithmetically, never by looping over ``num_hidden_layers``.

Adding a family is adding one reader and its test (see the contributor's guide).

The shipped configurations live in ``aicosts/data/configs/*.json``; each keeps the Hugging Face key
names and values and adds ``"_name"`` and ``"_source"`` (where the values were confirmed). They
are read with ``importlib.resources``; nothing is ever downloaded.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import Any

from aicosts._contract import check_integral
from aicosts.formulas.architecture import MAX_COUNT, ModelConfig

__all__ = [
    "ConfigKeys",
    "list_configs",
    "load_config",
    "read_hf_config",
    "register_family",
    "supported_model_types",
]

Reader = Callable[["ConfigKeys"], dict[str, Any]]
_READERS: dict[str, Reader] = {}


class ConfigKeys:
    """Validated access to the keys of one ``config.json`` (what a family reader sees).

    Parameters
    ----------
    mapping : Mapping
        The parsed ``config.json`` [-].

    Examples
    --------
    >>> keys = ConfigKeys({"model_type": "llama", "num_hidden_layers": 32, "head_dim": None})
    >>> keys.count("num_hidden_layers"), keys.count("head_dim", default=128)
    (32, 128)
    >>> keys.count("hidden_size")
    Traceback (most recent call last):
    ...
    ValueError: config is missing required key 'hidden_size' (model_type 'llama')
    """

    def __init__(self, mapping: Mapping[str, Any]) -> None:
        self.mapping = mapping
        self.model_type = str(mapping.get("model_type"))

    def _get(self, key: str, default: Any) -> Any:
        value = self.mapping.get(key)
        if value is None:
            if default is None:
                raise ValueError(
                    f"config is missing required key {key!r} (model_type {self.model_type!r})"
                )
            return default
        return value

    def count(self, key: str, *, minimum: int = 1, default: int | None = None) -> int:
        """Return a whole number ≥ ``minimum`` (``default`` if missing or null; else required).

        Parameters
        ----------
        key : str
            The config key [-].
        minimum : int, optional
            Smallest allowed value [-].
        default : int, optional
            Value for a missing or null key [-].

        Returns
        -------
        int
            The count [-].
        """
        return check_integral(key, self._get(key, default), minimum=minimum, maximum=MAX_COUNT)

    def present(self, *keys: str) -> None:
        """Require ``keys`` to be present (a JSON ``null`` counts as present).

        Parameters
        ----------
        *keys : str
            Keys whose absence would silently change the count: the family gives no safe
            default [-].
        """
        for key in keys:
            if key not in self.mapping:
                raise ValueError(
                    f"config is missing required key {key!r} (model_type {self.model_type!r})"
                )

    def optional_count(self, key: str, *, minimum: int = 1) -> int | None:
        """Return a whole number ≥ ``minimum``, or ``None`` when the key is missing or null.

        Parameters
        ----------
        key : str
            The config key [-].
        minimum : int, optional
            Smallest allowed value [-].

        Returns
        -------
        int or None
            The count [-].
        """
        if self.mapping.get(key) is None:
            return None
        return self.count(key, minimum=minimum)

    def flag(self, key: str, default: bool = False) -> bool:
        """Return a boolean (``default`` when missing or null).

        Parameters
        ----------
        key : str
            The config key [-].
        default : bool, optional
            Value for a missing or null key [-].

        Returns
        -------
        bool
            The flag [-].
        """
        value = self.mapping.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise TypeError(f"{key} must be true or false, got {value!r}")
        return value

    def choice(self, key: str, options: Iterable[str], default: str) -> str:
        """Return one of ``options`` (``default`` when missing or null).

        Parameters
        ----------
        key : str
            The config key [-].
        options : iterable of str
            The values this family's transformers code understands [-].
        default : str
            Value for a missing or null key [-].

        Returns
        -------
        str
            The value [-].
        """
        value = self.mapping.get(key, default)
        value = default if value is None else value
        allowed = tuple(options)
        if value not in allowed:
            known = ", ".join(repr(o) for o in allowed)
            raise ValueError(
                f"{key} must be one of {known} for model_type {self.model_type!r}, got {value!r}"
            )
        return str(value)

    def layer_list(self, key: str, num_layers: int) -> frozenset[int]:
        """Return a list of layer indices, each an integer in [0, ``num_layers``) (or none).

        Parameters
        ----------
        key : str
            The config key [-].
        num_layers : int
            Number of layers the indices refer to [-].

        Returns
        -------
        frozenset of int
            The indices [-].
        """
        value = self.mapping.get(key)
        if value is None:
            return frozenset()
        if not isinstance(value, list | tuple):
            raise TypeError(f"{key} must be a list of layer indices, got {value!r}")
        out = set()
        for i, item in enumerate(value):
            index = check_integral(f"{key}[{i}]", item, minimum=0, maximum=num_layers - 1)
            out.add(index)
        return frozenset(out)


def register_family(*model_types: str) -> Callable[[Reader], Reader]:
    """Register a reader of ``config.json`` for one or more ``model_type`` values.

    Parameters
    ----------
    *model_types : str
        The ``model_type`` values the reader understands [-].

    Returns
    -------
    callable
        A decorator that registers the reader and returns it unchanged [-].

    Notes
    -----
    A reader takes a :class:`ConfigKeys` and returns the :class:`ModelConfig` fields other than
    those every family shares (``name``, ``model_type``, ``vocab_size``, ``hidden_size``,
    ``num_layers``, ``num_heads``, ``tie_word_embeddings``, ``max_position_embeddings``), which
    :func:`read_hf_config` reads the same way for all.

    Examples
    --------
    >>> "deepseek_v3" in supported_model_types()
    True
    """

    def decorate(reader: Reader) -> Reader:
        for model_type in model_types:
            if model_type in _READERS:
                raise ValueError(f"model_type {model_type!r} already has a reader")
            _READERS[model_type] = reader
        return reader

    return decorate


def supported_model_types() -> tuple[str, ...]:
    """Return the ``model_type`` values :func:`read_hf_config` reads.

    Returns
    -------
    tuple of str
        Sorted model types [-].

    Examples
    --------
    >>> supported_model_types()  # doctest: +NORMALIZE_WHITESPACE
    ('deepseek_v2', 'deepseek_v3', 'llama', 'mistral', 'mixtral', 'qwen2', 'qwen3', 'qwen3_moe')
    """
    return tuple(sorted(_READERS))


def read_hf_config(mapping: Mapping[str, Any], name: str | None = None) -> ModelConfig:
    r"""Read a Hugging Face ``config.json`` dictionary into a :class:`ModelConfig`.

    Parameters
    ----------
    mapping : Mapping
        The parsed ``config.json`` [-]. Keys starting with ``_`` are ignored except
        ``"_name"``, used as the default label.
    name : str, optional
        Label for tables and charts; defaults to ``mapping["_name"]``, else the ``model_type``
        [-].

    Returns
    -------
    ModelConfig
        The validated architecture [-].

    Raises
    ------
    ValueError
        For an unknown ``model_type`` (the message lists the supported ones and says how to add
        one), a missing required key (the message names it), or a value outside its domain.
    TypeError
        If ``mapping`` is not a mapping or a value has the wrong type.

    Notes
    -----
    Optional keys take Hugging Face's defaults for these model types, and a JSON ``null`` is
    read as a missing key, as transformers does: ``tie_word_embeddings`` false;
    ``num_key_value_heads`` = ``num_attention_heads`` (llama, qwen2, qwen3, qwen3_moe; required
    for mistral and mixtral); ``head_dim`` = ``hidden_size / num_attention_heads``;
    ``attention_bias`` and ``mlp_bias`` false; ``first_k_dense_replace`` 0; ``moe_layer_freq``
    1; ``decoder_sparse_step`` 1; ``mlp_only_layers`` empty; ``n_group``/``topk_group`` 1;
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
      per-expert router bias (``"greedy"`` and ``"group_limited_greedy"`` none; any other value
      is refused).
    * qwen3_moe: layer :math:`i` is MoE unless listed in ``mlp_only_layers`` and when
      :math:`(i+1) \bmod` ``decoder_sparse_step`` = 0; mixtral: every layer.

    Examples
    --------
    >>> cfg = read_hf_config({
    ...     "model_type": "llama", "vocab_size": 128256, "hidden_size": 4096,
    ...     "intermediate_size": 14336, "num_hidden_layers": 32,
    ...     "num_attention_heads": 32, "num_key_value_heads": 8}, name="Llama-3.1-8B")
    >>> cfg.attention, cfg.head_dim
    ('GQA', 128)
    >>> read_hf_config({"model_type": "gpt2"})
    Traceback (most recent call last):
    ...
    ValueError: model_type 'gpt2' has no reader; supported: 'deepseek_v2', ..., 'qwen3_moe'. ...
    """
    if not isinstance(mapping, Mapping):
        raise TypeError(f"mapping must be a dict read from config.json, got {mapping!r}")
    if mapping.get("model_type") is None:
        raise ValueError("config is missing required key 'model_type'")
    model_type = mapping["model_type"]
    if model_type not in _READERS:
        known = ", ".join(repr(t) for t in supported_model_types())
        raise ValueError(
            f"model_type {model_type!r} has no reader; supported: {known}. To add one, write a "
            "reader with @register_family in aicosts/catalogues/models.py and its test "
            "(see the contributor's guide)"
        )
    keys = ConfigKeys(mapping)
    label = name if name is not None else mapping.get("_name", model_type)
    common: dict[str, Any] = {
        "name": label,
        "model_type": model_type,
        "vocab_size": keys.count("vocab_size"),
        "hidden_size": keys.count("hidden_size"),
        "num_layers": keys.count("num_hidden_layers"),
        "num_heads": keys.count("num_attention_heads"),
        "tie_word_embeddings": keys.flag("tie_word_embeddings"),
        "max_position_embeddings": keys.optional_count("max_position_embeddings"),
    }
    return ModelConfig(**common, **_READERS[model_type](keys))


# --- the families ---------------------------------------------------------------------------


def _gqa_attention(keys: ConfigKeys, *, kv_heads_required: bool = False) -> dict[str, Any]:
    """Query/key/value head counts and head width of the GQA families."""
    num_heads = keys.count("num_attention_heads")
    hidden = keys.count("hidden_size")
    n_kv = keys.count("num_key_value_heads", default=None if kv_heads_required else num_heads)
    if keys.mapping.get("head_dim") is not None:
        head_dim = keys.count("head_dim")
    elif hidden % num_heads:
        raise ValueError(
            f"head_dim is absent and hidden_size ({hidden}) is not divisible by "
            f"num_attention_heads ({num_heads})"
        )
    else:
        head_dim = hidden // num_heads
    return {
        "num_kv_heads": n_kv,
        "head_dim": head_dim,
        "intermediate_size": keys.count("intermediate_size"),
    }


@register_family("llama")
def _llama(keys: ConfigKeys) -> dict[str, Any]:
    bias = keys.flag("attention_bias")
    return {
        **_gqa_attention(keys),
        "qkv_bias": bias,
        "o_bias": bias,
        "mlp_bias": keys.flag("mlp_bias"),
    }


@register_family("mistral")
def _mistral(keys: ConfigKeys) -> dict[str, Any]:
    return _gqa_attention(keys, kv_heads_required=True)


@register_family("mixtral")
def _mixtral(keys: ConfigKeys) -> dict[str, Any]:
    fields = _gqa_attention(keys, kv_heads_required=True)
    return {
        **fields,
        "num_routed_experts": keys.count("num_local_experts"),
        "num_experts_per_token": keys.count("num_experts_per_tok"),
        "moe_intermediate_size": fields["intermediate_size"],
        "num_moe_layers": keys.count("num_hidden_layers"),
    }


@register_family("qwen2")
def _qwen2(keys: ConfigKeys) -> dict[str, Any]:
    return {**_gqa_attention(keys), "qkv_bias": True, "o_bias": False}


@register_family("qwen3")
def _qwen3(keys: ConfigKeys) -> dict[str, Any]:
    bias = keys.flag("attention_bias")
    return {**_gqa_attention(keys), "qkv_bias": bias, "o_bias": bias, "qk_norm": True}


def _count_layers(num_layers: int, step: int, offset: int, start: int = 0) -> int:
    """How many i in [start, num_layers) satisfy (i + offset) % step == 0, without a loop."""
    if start >= num_layers:
        return 0

    def upto(n: int) -> int:  # i in [0, n) with (i + offset) % step == 0
        return (n + offset + step - 1) // step - (offset + step - 1) // step

    return upto(num_layers) - upto(start)


@register_family("qwen3_moe")
def _qwen3_moe(keys: ConfigKeys) -> dict[str, Any]:
    fields = _qwen3(keys)
    num_layers = keys.count("num_hidden_layers")
    n_experts = keys.count("num_experts", minimum=0, default=0)
    step = keys.count("decoder_sparse_step", default=1)
    mlp_only = keys.layer_list("mlp_only_layers", num_layers)
    # Layer i is MoE when (i + 1) % step == 0 and i is not in mlp_only_layers.
    n_moe = _count_layers(num_layers, step, 1) - sum(1 for i in mlp_only if (i + 1) % step == 0)
    if n_experts and n_moe:
        fields.update(
            num_routed_experts=n_experts,
            num_experts_per_token=keys.count("num_experts_per_tok"),
            moe_intermediate_size=keys.count("moe_intermediate_size"),
            num_moe_layers=n_moe,
        )
    return fields


#: Router methods of DeepSeek's transformers code; "noaux_tc" adds a per-expert router bias.
_DEEPSEEK_TOPK_METHODS = ("greedy", "group_limited_greedy", "noaux_tc")


@register_family("deepseek_v2", "deepseek_v3")
def _deepseek(keys: ConfigKeys) -> dict[str, Any]:
    """MLA, shared experts, dense first layers, MTP modules."""
    if keys.flag("attention_bias"):
        raise ValueError("attention_bias=True is not supported for DeepSeek configs")
    # Null means "none" for both (no query compression; a dense model); absent is ambiguous.
    keys.present("q_lora_rank", "n_routed_experts")
    num_layers = keys.count("num_hidden_layers")
    n_mtp = keys.count("num_nextn_predict_layers", minimum=0, default=0)
    out: dict[str, Any] = {
        "num_kv_heads": keys.count("num_attention_heads"),  # MLA: every head has its own K and V
        "head_dim": keys.count("qk_nope_head_dim"),
        "intermediate_size": keys.count("intermediate_size"),
        "q_lora_rank": keys.optional_count("q_lora_rank"),
        "kv_lora_rank": keys.count("kv_lora_rank"),
        "qk_rope_head_dim": keys.count("qk_rope_head_dim"),
        "v_head_dim": keys.count("v_head_dim"),
        "num_mtp_layers": n_mtp,
    }
    n_routed = keys.optional_count("n_routed_experts")
    if n_routed is None:
        return out
    first_k = keys.count("first_k_dense_replace", minimum=0, default=0)
    freq = keys.count("moe_layer_freq", default=1)
    default_method = "noaux_tc" if keys.model_type == "deepseek_v3" else "greedy"
    method = keys.choice("topk_method", _DEEPSEEK_TOPK_METHODS, default_method)
    # Layer i is MoE when i >= first_k_dense_replace and i % moe_layer_freq == 0; DeepSeek numbers
    # the MTP modules after the main layers, so the same rule decides whether theirs is MoE.
    out.update(
        num_routed_experts=n_routed,
        num_shared_experts=keys.count("n_shared_experts", minimum=0, default=0),
        num_experts_per_token=keys.count("num_experts_per_tok"),
        moe_intermediate_size=keys.count("moe_intermediate_size"),
        num_moe_layers=_count_layers(num_layers, freq, 0, start=first_k),
        router_bias=method == "noaux_tc",
        num_expert_groups=keys.count("n_group", default=1),
        topk_groups=keys.count("topk_group", default=1),
        num_mtp_moe_layers=_count_layers(
            num_layers + n_mtp, freq, 0, start=max(first_k, num_layers)
        ),
    )
    return out


# --- the shipped configurations ---------------------------------------------------------------


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
    file's ``"_source"`` says where its values were confirmed.

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
    return read_hf_config(mapping, name=mapping.get("_name", files[key][:-5]))
