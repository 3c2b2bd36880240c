"""Key/value-cache size per token, per sequence and per batch, for MHA, GQA, MQA and MLA.

The formulas are Table 1 of DeepSeek-V2 (``deepseekv2``): elements cached per token for
multi-head attention (MHA), grouped-query attention (GQA), multi-query attention (MQA) and
multi-head latent attention (MLA).

Contents:

kv_elements_per_token_mha(num_heads, head_dim, num_layers)
    :math:`2 n_h d_h l` [elements/token].
kv_elements_per_token_gqa(num_kv_heads, head_dim, num_layers)
    :math:`2 n_g d_h l` [elements/token].
kv_elements_per_token_mqa(head_dim, num_layers)
    :math:`2 d_h l` [elements/token].
kv_elements_per_token_mla(kv_lora_rank, qk_rope_head_dim, num_layers)
    :math:`(d_c + d_h^R) l` [elements/token].
kv_cache_elements_per_token(config, attention=None, mla_storage="latent")
    From a :class:`~aicosts.ModelConfig`, as built or as another attention type.
kv_cache_bytes_per_token(config, bytes_per_element=2, ...)
    Bytes per token [bytes/token].
kv_cache_bytes(config, context_tokens, batch=1, bytes_per_element=2, ...)
    Bytes for a batch of sequences of a given length [bytes].
kv_cache_comparison(config, context_tokens=None, bytes_per_element=2, num_kv_heads=None)
    The same shape under each attention type, as a DataFrame.
"""

from __future__ import annotations

from aicosts._contract import (
    COUNT,
    NONNEGATIVE_COUNT,
    POSITIVE,
    ArrayLike,
    FloatOrArray,
    as_float,
    checked,
    choice,
    formula,
)
from aicosts.formulas.architecture import ModelConfig

__all__ = [
    "ATTENTION_TYPES",
    "MLA_STORAGE",
    "kv_cache_bytes",
    "kv_cache_bytes_per_token",
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


@formula(num_heads=COUNT, head_dim=COUNT, num_layers=COUNT)
def kv_elements_per_token_mha(
    num_heads: ArrayLike, head_dim: ArrayLike, num_layers: ArrayLike
) -> FloatOrArray:
    r"""KV-cache elements per token for multi-head attention.

    .. math:: e_\text{MHA} = 2\,n_h\,d_h\,l

    Parameters
    ----------
    num_heads : int or array-like
        Attention heads :math:`n_h` [-].
    head_dim : int or array-like
        Dimension per head :math:`d_h` [-].
    num_layers : int or array-like
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
    return 2.0 * num_heads * head_dim * num_layers


@formula(num_kv_heads=COUNT, head_dim=COUNT, num_layers=COUNT)
def kv_elements_per_token_gqa(
    num_kv_heads: ArrayLike, head_dim: ArrayLike, num_layers: ArrayLike
) -> FloatOrArray:
    r"""KV-cache elements per token for grouped-query attention.

    .. math:: e_\text{GQA} = 2\,n_g\,d_h\,l

    Parameters
    ----------
    num_kv_heads : int or array-like
        Key/value heads (groups) :math:`n_g` [-].
    head_dim : int or array-like
        Dimension per head :math:`d_h` [-].
    num_layers : int or array-like
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
    return 2.0 * num_kv_heads * head_dim * num_layers


@formula(head_dim=COUNT, num_layers=COUNT)
def kv_elements_per_token_mqa(head_dim: ArrayLike, num_layers: ArrayLike) -> FloatOrArray:
    r"""KV-cache elements per token for multi-query attention.

    .. math:: e_\text{MQA} = 2\,d_h\,l

    Parameters
    ----------
    head_dim : int or array-like
        Dimension per head :math:`d_h` [-].
    num_layers : int or array-like
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
    return 2.0 * head_dim * num_layers


@formula(kv_lora_rank=COUNT, qk_rope_head_dim=NONNEGATIVE_COUNT, num_layers=COUNT)
def kv_elements_per_token_mla(
    kv_lora_rank: ArrayLike, qk_rope_head_dim: ArrayLike, num_layers: ArrayLike
) -> FloatOrArray:
    r"""KV-cache elements per token for multi-head latent attention, latent storage.

    .. math:: e_\text{MLA} = (d_c + d_h^R)\,l

    Parameters
    ----------
    kv_lora_rank : int or array-like
        KV compression dimension :math:`d_c` [-].
    qk_rope_head_dim : int or array-like
        Decoupled RoPE key dimension :math:`d_h^R`, shared by all heads [-].
    num_layers : int or array-like
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
    return (kv_lora_rank + qk_rope_head_dim) * num_layers


@checked(
    config=ModelConfig,
    attention=choice(*ATTENTION_TYPES, optional=True),
    mla_storage=choice(*MLA_STORAGE),
)
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
    >>> from aicosts import load_config
    >>> v3 = load_config("DeepSeek-V3")
    >>> kv_cache_elements_per_token(v3)
    35136.0
    >>> kv_cache_elements_per_token(v3, attention="MHA") / kv_cache_elements_per_token(v3)
    56.88...

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, Table 1 (``deepseekv2``).
    """
    kind = attention or config.attention
    num_layers = config.num_layers
    if kind == "MHA":
        return as_float(kv_elements_per_token_mha(config.num_heads, config.head_dim, num_layers))
    if kind == "GQA":
        return as_float(kv_elements_per_token_gqa(config.num_kv_heads, config.head_dim, num_layers))
    if kind == "MQA":
        return as_float(kv_elements_per_token_mqa(config.head_dim, num_layers))
    if config.kv_lora_rank is None or config.qk_rope_head_dim is None or config.v_head_dim is None:
        raise ValueError(
            f"attention='MLA' needs an MLA config (kv_lora_rank set); {config.name!r} has "
            f"attention {config.attention!r}"
        )
    if mla_storage == "latent":
        return as_float(
            kv_elements_per_token_mla(config.kv_lora_rank, config.qk_rope_head_dim, num_layers)
        )
    # Decompressed: every head keeps its no-RoPE key, its RoPE key and its value.
    per_head = config.head_dim + config.qk_rope_head_dim + config.v_head_dim
    return float(config.num_heads * per_head * num_layers)


@formula(
    config=ModelConfig,
    bytes_per_element=POSITIVE,
    attention=choice(*ATTENTION_TYPES, optional=True),
    mla_storage=choice(*MLA_STORAGE),
)
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

    >>> from aicosts import load_config
    >>> kv_cache_bytes_per_token(load_config("DeepSeek-V3"))
    70272.0
    >>> kv_cache_bytes_per_token(load_config("Llama-3.1-405B"))
    516096.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, Table 1 (``deepseekv2``).
    """
    return kv_cache_elements_per_token(config, attention, mla_storage) * bytes_per_element


@formula(
    config=ModelConfig,
    context_tokens=COUNT,
    batch=COUNT,
    bytes_per_element=POSITIVE,
    attention=choice(*ATTENTION_TYPES, optional=True),
    mla_storage=choice(*MLA_STORAGE),
)
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

    >>> from aicosts import load_config
    >>> kv_cache_bytes(load_config("DeepSeek-V3"), 131072) / 1e9
    9.21...
    >>> kv_cache_bytes(load_config("Llama-3.1-405B"), 131072) / 1e9
    67.6...

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, Table 1 (``deepseekv2``).
    """
    per_token = kv_cache_elements_per_token(config, attention, mla_storage) * bytes_per_element
    return per_token * context_tokens * batch
