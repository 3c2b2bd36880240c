"""Key/value-cache size per token, per sequence and per batch, for MHA, GQA, MQA and MLA.

The formulas are Table 1 of DeepSeek-V2 (``deepseekv2``): elements cached per token for
multi-head attention (MHA), grouped-query attention (GQA), multi-query attention (MQA) and
multi-head latent attention (MLA).

Contents:

kv_elements_per_token_mha(n_heads, head_dim, n_layers)
    :math:`2 n_h d_h l` [elements/token].
kv_elements_per_token_gqa(n_kv_heads, head_dim, n_layers)
    :math:`2 n_g d_h l` [elements/token].
kv_elements_per_token_mqa(head_dim, n_layers)
    :math:`2 d_h l` [elements/token].
kv_elements_per_token_mla(kv_lora_rank, rope_head_dim, n_layers)
    :math:`(d_c + d_h^R) l` [elements/token].
kv_cache_elements_per_token(config, attention=None, mla_storage="latent")
    From a :class:`~aicosts.config.ModelConfig`, as built or as another attention type.
kv_cache_bytes_per_token(config, bytes_per_element=2, ...)
    Bytes per token [bytes/token].
kv_cache_bytes(config, context_tokens, batch=1, bytes_per_element=2, ...)
    Bytes for a batch of sequences of a given length [bytes].
kv_cache_comparison(config, context_tokens=None, bytes_per_element=2, n_groups=None)
    The same shape under each attention type, as a DataFrame.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from aicosts._validation import (
    ArrayLike,
    FloatOrArray,
    broadcast,
    check_choice,
    check_integer,
    check_positive,
    wrap,
)
from aicosts.config import ModelConfig

__all__ = [
    "ATTENTION_TYPES",
    "MLA_STORAGE",
    "kv_cache_bytes",
    "kv_cache_bytes_per_token",
    "kv_cache_comparison",
    "kv_cache_elements_per_token",
    "kv_elements_per_token_gqa",
    "kv_elements_per_token_mha",
    "kv_elements_per_token_mla",
    "kv_elements_per_token_mqa",
]

#: Attention types the KV-cache functions know.
ATTENTION_TYPES: tuple[str, ...] = ("MHA", "GQA", "MQA", "MLA")
#: How an MLA cache is stored: the compressed latent (as DeepSeek serves it) or decompressed
#: per-head keys and values (as a naive implementation caches them).
MLA_STORAGE: tuple[str, ...] = ("latent", "decompressed")


def kv_elements_per_token_mha(
    n_heads: ArrayLike, head_dim: ArrayLike, n_layers: ArrayLike
) -> FloatOrArray:
    r"""KV-cache elements per token for multi-head attention.

    .. math:: e_\text{MHA} = 2\,n_h\,d_h\,l

    Parameters
    ----------
    n_heads : int or array-like
        Attention heads :math:`n_h` [-].
    head_dim : int or array-like
        Dimension per head :math:`d_h` [-].
    n_layers : int or array-like
        Layers :math:`l` [-].

    Returns
    -------
    float or ndarray or Series
        Elements cached per token, keys and values of every head in every layer
        [elements/token].

    Notes
    -----
    One key and one value vector per head per layer [1]_.

    Examples
    --------
    DeepSeek-V3's shape (128 heads × 128, 61 layers) as MHA: 1,998,848 elements, 56.9× its
    MLA cache:

    >>> kv_elements_per_token_mha(128, 128, 61)
    1998848.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, Table 1 (``deepseekv2``).
    """
    h = check_integer("n_heads", n_heads)
    dh = check_integer("head_dim", head_dim)
    nl = check_integer("n_layers", n_layers)
    h, dh, nl = broadcast(n_heads=h, head_dim=dh, n_layers=nl)
    return wrap(2.0 * h * dh * nl, n_heads, head_dim, n_layers)


def kv_elements_per_token_gqa(
    n_kv_heads: ArrayLike, head_dim: ArrayLike, n_layers: ArrayLike
) -> FloatOrArray:
    r"""KV-cache elements per token for grouped-query attention.

    .. math:: e_\text{GQA} = 2\,n_g\,d_h\,l

    Parameters
    ----------
    n_kv_heads : int or array-like
        Key/value heads (groups) :math:`n_g` [-].
    head_dim : int or array-like
        Dimension per head :math:`d_h` [-].
    n_layers : int or array-like
        Layers :math:`l` [-].

    Returns
    -------
    float or ndarray or Series
        Elements cached per token [elements/token].

    Notes
    -----
    Query heads in a group share one key and one value head [1]_; :math:`n_g = n_h` is MHA,
    :math:`n_g = 1` is MQA.

    Examples
    --------
    Llama-3.1-405B (8 KV heads × 128, 126 layers): 258,048 elements = 516,096 bytes in BF16:

    >>> kv_elements_per_token_gqa(8, 128, 126)
    258048.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, Table 1 (``deepseekv2``).
    """
    g = check_integer("n_kv_heads", n_kv_heads)
    dh = check_integer("head_dim", head_dim)
    nl = check_integer("n_layers", n_layers)
    g, dh, nl = broadcast(n_kv_heads=g, head_dim=dh, n_layers=nl)
    return wrap(2.0 * g * dh * nl, n_kv_heads, head_dim, n_layers)


def kv_elements_per_token_mqa(head_dim: ArrayLike, n_layers: ArrayLike) -> FloatOrArray:
    r"""KV-cache elements per token for multi-query attention.

    .. math:: e_\text{MQA} = 2\,d_h\,l

    Parameters
    ----------
    head_dim : int or array-like
        Dimension per head :math:`d_h` [-].
    n_layers : int or array-like
        Layers :math:`l` [-].

    Returns
    -------
    float or ndarray or Series
        Elements cached per token [elements/token].

    Notes
    -----
    All query heads share a single key and value head [1]_.

    Examples
    --------
    DeepSeek-V3's head size and depth as MQA:

    >>> kv_elements_per_token_mqa(128, 61)
    15616.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, Table 1 (``deepseekv2``).
    """
    dh = check_integer("head_dim", head_dim)
    nl = check_integer("n_layers", n_layers)
    dh, nl = broadcast(head_dim=dh, n_layers=nl)
    return wrap(2.0 * dh * nl, head_dim, n_layers)


def kv_elements_per_token_mla(
    kv_lora_rank: ArrayLike, rope_head_dim: ArrayLike, n_layers: ArrayLike
) -> FloatOrArray:
    r"""KV-cache elements per token for multi-head latent attention, latent storage.

    .. math:: e_\text{MLA} = (d_c + d_h^R)\,l

    Parameters
    ----------
    kv_lora_rank : int or array-like
        KV compression dimension :math:`d_c` [-].
    rope_head_dim : int or array-like
        Decoupled RoPE key dimension :math:`d_h^R`, shared by all heads [-].
    n_layers : int or array-like
        Layers :math:`l` [-].

    Returns
    -------
    float or ndarray or Series
        Elements cached per token [elements/token].

    Notes
    -----
    MLA caches the compressed latent :math:`c^{KV}_t` and the shared RoPE key
    :math:`k^R_t` [1]_; the up-projections are absorbed into the query and output projections
    at inference. With DeepSeek's :math:`d_c = 4 d_h` and :math:`d_h^R = d_h/2` this is
    :math:`\tfrac92 d_h l`, "equal to GQA with only 2.25 groups" [1]_.

    Examples
    --------
    DeepSeek-V3 (:math:`d_c` = 512, :math:`d_h^R` = 64, 61 layers): 35,136 elements =
    70,272 bytes in BF16:

    >>> kv_elements_per_token_mla(512, 64, 61)
    35136.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, §2.1.4 and Table 1
       (``deepseekv2``).
    """
    dc = check_integer("kv_lora_rank", kv_lora_rank)
    dr = check_integer("rope_head_dim", rope_head_dim, minimum=0)
    nl = check_integer("n_layers", n_layers)
    dc, dr, nl = broadcast(kv_lora_rank=dc, rope_head_dim=dr, n_layers=nl)
    return wrap((dc + dr) * nl, kv_lora_rank, rope_head_dim, n_layers)


def _elements(config: ModelConfig, attention: str | None, mla_storage: str) -> float:
    """Elements per token of ``config`` under ``attention`` (scalar, validated)."""
    if not isinstance(config, ModelConfig):
        raise TypeError(f"config must be a ModelConfig, got {config!r}")
    kind = (
        config.attention
        if attention is None
        else check_choice("attention", attention, ATTENTION_TYPES)
    )
    storage = check_choice("mla_storage", mla_storage, MLA_STORAGE)
    n_h, d_h, n_l = config.num_heads, config.head_dim, config.num_layers
    if kind == "MHA":
        return 2.0 * n_h * d_h * n_l
    if kind == "GQA":
        return 2.0 * config.num_kv_heads * d_h * n_l
    if kind == "MQA":
        return 2.0 * d_h * n_l
    if config.kv_lora_rank is None or config.qk_rope_head_dim is None:
        raise ValueError(
            f"attention='MLA' needs an MLA config (kv_lora_rank set); {config.name!r} has "
            f"attention {config.attention!r}"
        )
    if storage == "latent":
        return float((config.kv_lora_rank + config.qk_rope_head_dim) * n_l)
    assert config.v_head_dim is not None
    return float(n_h * (d_h + config.qk_rope_head_dim + config.v_head_dim) * n_l)


def kv_cache_elements_per_token(
    config: ModelConfig, attention: str | None = None, mla_storage: str = "latent"
) -> float:
    r"""KV-cache elements per token of a model, as built or as another attention type.

    .. math::

        e = \begin{cases}
        2 n_h d_h l & \text{MHA} \\ 2 n_g d_h l & \text{GQA} \\ 2 d_h l & \text{MQA} \\
        (d_c + d_h^R)\, l & \text{MLA, latent} \\
        n_h (d_h + d_h^R + d_v)\, l & \text{MLA, decompressed}
        \end{cases}

    Parameters
    ----------
    config : ModelConfig
        The architecture [-].
    attention : {"MHA", "GQA", "MQA", "MLA"}, optional
        Count the cache as if the model used this attention type with the same heads, head
        dimension and layers (case-insensitive); default: the model's own [-].
    mla_storage : {"latent", "decompressed"}, optional
        For MLA: cache the latent and RoPE key (as DeepSeek serves it, default) or the
        decompressed per-head keys (:math:`d_h + d_h^R`) and values (:math:`d_v`) [-].

    Returns
    -------
    float
        Elements cached per token [elements/token].

    Notes
    -----
    For an MLA model the "MHA" shape uses :math:`d_h` = ``qk_nope_head_dim``, as Table 1 of
    [1]_ does (the RoPE part is left out); the "GQA" shape uses ``num_kv_heads``, which for
    an MLA config equals the number of heads; see :func:`kv_cache_comparison` for GQA with a
    chosen number of groups.

    Examples
    --------
    >>> from aicosts.config import load_config
    >>> v3 = load_config("DeepSeek-V3")
    >>> kv_cache_elements_per_token(v3)
    35136.0
    >>> kv_cache_elements_per_token(v3, attention="MHA") / kv_cache_elements_per_token(v3)
    56.88...

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, Table 1 (``deepseekv2``).
    """
    return _elements(config, attention, mla_storage)


def kv_cache_bytes_per_token(
    config: ModelConfig,
    bytes_per_element: ArrayLike = 2,
    attention: str | None = None,
    mla_storage: str = "latent",
) -> FloatOrArray:
    r"""KV-cache bytes per token.

    .. math:: B_\text{token} = e \cdot b

    Parameters
    ----------
    config : ModelConfig
        The architecture [-].
    bytes_per_element : float or array-like, optional
        Storage per cached element :math:`b`: 2 for BF16/FP16 (default), 1 for FP8 [bytes].
    attention : {"MHA", "GQA", "MQA", "MLA"}, optional
        As in :func:`kv_cache_elements_per_token` [-].
    mla_storage : {"latent", "decompressed"}, optional
        As in :func:`kv_cache_elements_per_token` [-].

    Returns
    -------
    float or ndarray or Series
        Bytes cached per token of context [bytes/token].

    Notes
    -----
    Element counts from Table 1 of [1]_; excludes allocator overhead and paging waste.

    Examples
    --------
    DeepSeek-V3 in BF16: 70,272 bytes (≈ 70 KB); Llama-3.1-405B: 516,096 bytes:

    >>> from aicosts.config import load_config
    >>> kv_cache_bytes_per_token(load_config("DeepSeek-V3"))
    70272.0
    >>> kv_cache_bytes_per_token(load_config("Llama-3.1-405B"))
    516096.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, Table 1 (``deepseekv2``).
    """
    e = _elements(config, attention, mla_storage)
    b = check_positive("bytes_per_element", bytes_per_element)
    return wrap(e * b, bytes_per_element)


def kv_cache_bytes(
    config: ModelConfig,
    context_tokens: ArrayLike,
    batch: ArrayLike = 1,
    bytes_per_element: ArrayLike = 2,
    attention: str | None = None,
    mla_storage: str = "latent",
) -> FloatOrArray:
    r"""KV-cache bytes for a batch of sequences.

    .. math:: B = e \cdot b \cdot T \cdot n_\text{seq}

    Parameters
    ----------
    config : ModelConfig
        The architecture [-].
    context_tokens : int or array-like
        Tokens held per sequence :math:`T` (prompt plus generated) [tokens].
    batch : int or array-like, optional
        Concurrent sequences :math:`n_\text{seq}` [-].
    bytes_per_element : float or array-like, optional
        Storage per cached element :math:`b` [bytes].
    attention : {"MHA", "GQA", "MQA", "MLA"}, optional
        As in :func:`kv_cache_elements_per_token` [-].
    mla_storage : {"latent", "decompressed"}, optional
        As in :func:`kv_cache_elements_per_token` [-].

    Returns
    -------
    float or ndarray or Series
        Cache size [bytes].

    Notes
    -----
    Every sequence is assumed full to ``context_tokens``; no sliding windows, prefix sharing
    or paging overhead. Formula from Table 1 of [1]_.

    Examples
    --------
    DeepSeek-V3, one 128K-token (131,072) sequence in BF16: 9.2 GB; Llama-3.1-405B: 67.6 GB:

    >>> from aicosts.config import load_config
    >>> kv_cache_bytes(load_config("DeepSeek-V3"), 131072) / 1e9
    9.21...
    >>> kv_cache_bytes(load_config("Llama-3.1-405B"), 131072) / 1e9
    67.6...

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, Table 1 (``deepseekv2``).
    """
    e = _elements(config, attention, mla_storage)
    t = check_integer("context_tokens", context_tokens)
    n = check_integer("batch", batch)
    b = check_positive("bytes_per_element", bytes_per_element)
    t, n, b = broadcast(context_tokens=t, batch=n, bytes_per_element=b)
    return wrap(e * b * t * n, context_tokens, batch, bytes_per_element)


def kv_cache_comparison(
    config: ModelConfig,
    context_tokens: int | None = None,
    bytes_per_element: float = 2,
    n_groups: int | None = None,
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
    n_groups : int, optional
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
    >>> from aicosts.config import load_config
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
    if not isinstance(config, ModelConfig):
        raise TypeError(f"config must be a ModelConfig, got {config!r}")
    b = float(check_positive("bytes_per_element", bytes_per_element))
    rows: dict[str, float] = {"MHA": _elements(config, "MHA", "latent")}
    if n_groups is not None:
        g = int(check_integer("n_groups", n_groups))
        if config.num_heads % g:
            raise ValueError(
                f"n_groups must divide num_heads ({config.num_heads}), got {n_groups!r}"
            )
        rows["GQA"] = 2.0 * g * config.head_dim * config.num_layers
    elif config.attention == "GQA":
        rows["GQA"] = _elements(config, "GQA", "latent")
    rows["MQA"] = _elements(config, "MQA", "latent")
    if config.attention == "MLA":
        rows["MLA (latent)"] = _elements(config, "MLA", "latent")
        rows["MLA (decompressed)"] = _elements(config, "MLA", "decompressed")
        own = rows["MLA (latent)"]
    else:
        own = _elements(config, None, "latent")
    elements = pd.Series(rows, name="elements_per_token")
    table = pd.DataFrame({"elements_per_token": elements})
    table["bytes_per_token"] = elements * b
    table["equivalent_gqa_groups"] = elements / (2.0 * config.head_dim * config.num_layers)
    table["ratio_to_model"] = elements / own
    if context_tokens is not None:
        t = float(check_integer("context_tokens", context_tokens))
        table["bytes_per_sequence"] = elements * b * t
    table.index.name = "attention"
    return table.astype(np.float64)
