"""Parameter counts of a transformer, total and active per token, from its architecture.

Contents:

ParamCount
    Frozen dataclass: the breakdown by component, ``total``, ``active`` and variants;
    ``.to_series()`` for charts.
param_count(config)
    Count every weight of a :class:`~aicosts.formulas.architecture.ModelConfig`.
attention_params_per_layer(config)
    Weights of one attention block (MHA/GQA/MQA or MLA) [-].

Conventions:

* ``total`` is the main model: embedding, output head, all layers, norms. DeepSeek's MTP
  modules are counted apart (``mtp_module``), as DeepSeek's "671B" excludes them;
  ``total_including_mtp`` adds them.
* ``active`` (per token) counts every weight a token's forward pass multiplies by: all
  attention, dense FFN, shared experts, the *k* routed experts it is sent to, routers, norms
  and the output head, **but not the input embedding**, a table lookup with no FLOPs. This is
  the convention of DeepSeek-V3's 37B (36.6B in an earlier README_WEIGHTS) and of
  ``6·N·D`` (kaplan2020 uses non-embedding N). ``active_including_embedding`` adds the
  embedding, the convention of Mistral's 12.9B for Mixtral 8x7B.
* ``non_embedding`` excludes both the embedding and the output head (Qwen's
  "Non-Embedding" figure).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

from aicosts._contract import COUNT, ArrayLike, FloatOrArray, checked, choice, formula
from aicosts.formulas.architecture import ModelConfig
from aicosts.formulas.compute import training_flop_per_token

__all__ = [
    "ParamCount",
    "attention_params_per_layer",
    "model_training_flop_per_token",
    "param_count",
]


@dataclass(frozen=True)
class ParamCount:
    """Parameter count of a model by component [parameters].

    Attributes
    ----------
    embedding : int
        Input token embedding, :math:`V d` [parameters].
    output_head : int
        Output projection to the vocabulary, :math:`V d` (0 when tied) [parameters].
    attention : int
        All attention blocks, with their internal norms (MLA's latent norms, Qwen3's q/k
        norms) and biases [parameters].
    dense_ffn : int
        Feed-forward networks of the dense layers [parameters].
    routed_experts : int
        All routed experts of all MoE layers [parameters].
    shared_experts : int
        Shared experts of all MoE layers [parameters].
    routers : int
        Router (gate) weights and biases of all MoE layers [parameters].
    norms : int
        Per-layer pre-attention and pre-FFN RMSNorms plus the final norm [parameters].
    mtp_module : int
        DeepSeek's MTP modules, unique weights (their embedding and output head are shared
        with the main model and not counted again) [parameters].
    total : int
        Main model, MTP excluded [parameters].
    active : int
        Per-token activated weights, input embedding excluded, MTP excluded [parameters].
    active_including_embedding : int
        ``active`` plus the input embedding [parameters].
    mtp_active : int
        Per-token activated weights of the MTP modules, shared embedding and head
        excluded [parameters].
    """

    embedding: int
    output_head: int
    attention: int
    dense_ffn: int
    routed_experts: int
    shared_experts: int
    routers: int
    norms: int
    mtp_module: int
    total: int
    active: int
    active_including_embedding: int
    mtp_active: int

    @property
    def total_including_mtp(self) -> int:
        """Main model plus the MTP modules' unique weights [parameters]."""
        return self.total + self.mtp_module

    @property
    def non_embedding(self) -> int:
        """Total without the input embedding and the output head [parameters]."""
        return self.total - self.embedding - self.output_head

    def to_series(self) -> pd.Series[int]:
        """All counts as a pandas Series indexed by component name [parameters].

        Returns
        -------
        pandas.Series
            One entry per attribute plus ``total_including_mtp`` and ``non_embedding``
            [parameters].
        """
        data = asdict(self)
        data["total_including_mtp"] = self.total_including_mtp
        data["non_embedding"] = self.non_embedding
        return pd.Series(data, name="parameters", dtype="int64")


@checked(config=ModelConfig)
def attention_params_per_layer(config: ModelConfig) -> int:
    r"""Weights of one attention block.

    .. math::

        N_\text{GQA} = d\,n_h d_h + 2\,d\,n_g d_h + n_h d_h\,d \;(+\text{biases},\ +2 d_h
        \text{ for q/k norms})

        N_\text{MLA} = d\,d'_c + d'_c + d'_c\,n_h(d_h + d_h^R) + d\,(d_c + d_h^R) + d_c
        + d_c\,n_h(d_h + d_v) + n_h d_v\,d

    (without query compression the first three terms become :math:`d\,n_h(d_h + d_h^R)`).

    Parameters
    ----------
    config : ModelConfig
        The architecture [-].

    Returns
    -------
    int
        Parameters of one attention block [parameters].

    Notes
    -----
    MLA as in DeepSeek-V2 §2.1 [1]_ and DeepSeek-V3's ``inference/model.py``: query down- and
    up-projection with an RMSNorm on the latent, a joint key/value down-projection that also
    emits the shared RoPE key, an RMSNorm on the KV latent, the key/value up-projection and
    the output projection.

    Examples
    --------
    >>> from aicosts import load_config
    >>> attention_params_per_layer(load_config("DeepSeek-V3"))
    187107328

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024, §2.1 (``deepseekv2``).
    """
    d = config.hidden_size
    n_h = config.num_heads
    d_h = config.head_dim
    if config.kv_lora_rank is not None:
        assert config.qk_rope_head_dim is not None and config.v_head_dim is not None
        d_r = config.qk_rope_head_dim
        d_c = config.kv_lora_rank
        d_v = config.v_head_dim
        q_out = n_h * (d_h + d_r)
        if config.q_lora_rank is None:
            q = d * q_out
        else:
            q = d * config.q_lora_rank + config.q_lora_rank + config.q_lora_rank * q_out
        kv = d * (d_c + d_r) + d_c + d_c * n_h * (d_h + d_v)
        return q + kv + n_h * d_v * d
    n_g = config.num_kv_heads
    q = d * n_h * d_h
    kv = 2 * d * n_g * d_h
    o = n_h * d_h * d
    bias = (n_h * d_h + 2 * n_g * d_h) * config.qkv_bias + d * config.o_bias
    return q + kv + o + bias + 2 * d_h * config.qk_norm


def _ffn(config: ModelConfig, width: int) -> int:
    """Weights of one SwiGLU feed-forward network of intermediate ``width``."""
    d = config.hidden_size
    return 3 * d * width + (2 * width + d) * config.mlp_bias


@checked(config=ModelConfig)
def param_count(config: ModelConfig) -> ParamCount:
    r"""Count a model's parameters by component, in total and per token.

    .. math::

        N = V d\,(2 - \text{tied}) + l\,(N_\text{attn} + 2d) + d
            + l_\text{dense}\,3 d f + l_\text{MoE}\,(E + E_s)\,3 d f_e + l_\text{MoE}\,d E

        N_\text{active} = N - V d - l_\text{MoE}\,(E - k)\,3 d f_e

    with :math:`E` routed experts of width :math:`f_e`, :math:`E_s` shared experts,
    :math:`k` routed experts per token, SwiGLU feed-forward networks (three matrices).

    Parameters
    ----------
    config : ModelConfig
        The architecture [-].

    Returns
    -------
    ParamCount
        The breakdown, ``total``, ``active`` and ``active_including_embedding``; see its
        attributes [parameters].

    Notes
    -----
    ``active`` excludes the input embedding (a lookup) and includes the output head; see the
    module docstring for why and for the other conventions. Counts RMSNorm weights (no
    LayerNorm biases), biases where the config has them, and DeepSeek-V3's router bias. An
    MTP module (DeepSeek-V3 §2.2 [1]_) is an RMSNorm on the hidden state and on the next
    token's embedding, a projection :math:`2d \to d`, one transformer block, and the norm
    before the shared head. Not modelled: positional embedding tables (all these families use
    RoPE), vision towers, and FP8 scale tensors stored in checkpoints.

    DeepSeek's README_WEIGHTS gives the MTP module as 11.5B unique and 1.5B activated
    including the 0.9B head (2.4B with the embedding too); those figures equal our count
    of its transformer block alone (11.507B; 0.585B active) and leave out the 0.103B
    projection :math:`2d \to d`, which ``mtp_module`` includes (11.610B).

    Examples
    --------
    DeepSeek-V3 [1]_: 671B total, 37B activated (36.6B in README_WEIGHTS):

    >>> from aicosts import load_config
    >>> n = param_count(load_config("DeepSeek-V3"))
    >>> round(n.total / 1e9, 2), round(n.active / 1e9, 2)
    (671.03, 36.63)

    Mixtral 8x7B: 46.7B total, 12.9B active (Mistral counts the embedding):

    >>> n = param_count(load_config("Mixtral-8x7B"))
    >>> round(n.total / 1e9, 1), round(n.active_including_embedding / 1e9, 1)
    (46.7, 12.9)

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §2.2, §4.2;
       README_WEIGHTS.md in github.com/deepseek-ai/DeepSeek-V3 (``deepseekv3``).
    .. [2] DeepSeek-AI, "DeepSeek-V2", arXiv:2405.04434, 2024 (``deepseekv2``).
    """
    d = config.hidden_size
    embedding = config.vocab_size * d
    head = 0 if config.tie_word_embeddings else config.vocab_size * d
    attn_layer = attention_params_per_layer(config)
    attention = config.num_layers * attn_layer
    dense_layer = _ffn(config, config.intermediate_size)
    dense_ffn = config.num_dense_layers * dense_layer
    expert = _ffn(config, config.moe_intermediate_size) if config.num_routed_experts else 0
    routed_layer = config.num_routed_experts * expert
    shared_layer = config.num_shared_experts * expert
    router_layer = (
        d * config.num_routed_experts + config.num_routed_experts * config.router_bias
    ) * (config.num_routed_experts > 0)
    n_moe = config.num_moe_layers
    routed = n_moe * routed_layer
    shared = n_moe * shared_layer
    routers = n_moe * router_layer
    norms = 2 * d * config.num_layers + d
    total = embedding + head + attention + dense_ffn + routed + shared + routers + norms
    active_routed_layer = config.num_experts_per_token * expert
    active = (
        head
        + attention
        + dense_ffn
        + n_moe * (active_routed_layer + shared_layer + router_layer)
        + norms
    )
    if config.tie_word_embeddings:
        # The tied matrix is both the lookup table and the output projection: it is active.
        active += embedding

    # DeepSeek MTP modules: enorm + hnorm + eh_proj (2d -> d) + block + shared_head norm.
    n_mtp = config.num_mtp_layers
    n_mtp_moe = config.num_mtp_moe_layers
    block_common = attn_layer + 2 * d
    mtp_fixed = n_mtp * (3 * d + 2 * d * d + block_common)
    mtp_module = (
        mtp_fixed
        + n_mtp_moe * (routed_layer + shared_layer + router_layer)
        + (n_mtp - n_mtp_moe) * dense_layer
    )
    mtp_active = (
        mtp_fixed
        + n_mtp_moe * (active_routed_layer + shared_layer + router_layer)
        + (n_mtp - n_mtp_moe) * dense_layer
    )
    return ParamCount(
        embedding=embedding,
        output_head=head,
        attention=attention,
        dense_ffn=dense_ffn,
        routed_experts=routed,
        shared_experts=shared,
        routers=routers,
        norms=norms,
        mtp_module=mtp_module,
        total=total,
        active=active,
        active_including_embedding=active + (0 if config.tie_word_embeddings else embedding),
        mtp_active=mtp_active,
    )


@formula(
    config=ModelConfig,
    context_tokens=COUNT,
    attention_mask=choice("causal", "full"),
)
def model_training_flop_per_token(
    config: ModelConfig, context_tokens: ArrayLike, attention_mask: str = "causal"
) -> FloatOrArray:
    r"""Training compute per token of a model, from its shape: activated parameters plus attention.

    .. math:: c = 6 N_\mathrm{active} + 6 \, m \, l \, n_h \, T \, (d_{qk} + d_v)

    Parameters
    ----------
    config : ModelConfig
        The model [-].
    context_tokens : int or array-like
        Training sequence length, :math:`T` [token].
    attention_mask : {"causal", "full"}, optional
        Count the lower triangle of the attention matrix or all of it [-].

    Returns
    -------
    float or ndarray or Series
        Training compute per token [FLOP/token].

    Notes
    -----
    :func:`~aicosts.training_flop_per_token` with :math:`N` the *activated* parameters of
    :func:`param_count` (input embedding excluded, output head included), so a mixture of
    experts is never charged for all its experts. For MLA the query·key width is the no-RoPE plus
    RoPE head dimensions and the value width ``v_head_dim``; otherwise both are ``head_dim``.

    Examples
    --------
    DeepSeek-V3 at 4,096 tokens: 250.5 GFLOP per token, consistent with the 250 GFLOP of
    DeepSeek's ISCA 2025 paper, Table 2 [1]_:

    >>> from aicosts import load_config
    >>> round(model_training_flop_per_token(load_config("DeepSeek-V3"), 4096) / 1e9, 1)
    250.5

    References
    ----------
    .. [1] DeepSeek-AI, "Insights into DeepSeek-V3: Scaling Challenges and Reflections on
       Hardware for AI Architectures", ISCA 2025, arXiv:2505.09343, Table 2
       (``deepseekisca2025``).
    """
    qk = config.head_dim + (config.qk_rope_head_dim or 0)
    v = config.v_head_dim or config.head_dim
    n = param_count(config).active
    return training_flop_per_token(
        n, config.num_layers, config.num_heads, qk, v, context_tokens, attention_mask
    )
