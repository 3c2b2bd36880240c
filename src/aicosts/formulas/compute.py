r"""Training compute: FLOP, GPU-hours, utilisation and wall-clock time.

The arithmetic that turns a model and a token count into accelerator time, and back:

- :func:`training_flop` -- training compute :math:`C = 6 N D` [FLOP].
- :func:`training_flop_per_token` -- per token, with the attention term (PaLM's App. B)
  [FLOP/token].
- :func:`forward_flop_per_token` -- forward-pass compute :math:`2 N` [FLOP/token].
- :func:`gpu_hours_for_flop` -- accelerator time for a compute budget at a utilisation [GPU·h].
- :func:`model_flop_utilization` -- the MFU implied by reported compute and GPU-hours [-].
- :func:`wall_clock_days` -- days a run takes on a cluster of a given size [day].
- :func:`gpu_hours_for_wall_clock` -- GPU-hours of a run of known duration and cluster size
  [GPU·h].
- :func:`gpu_hours_for_tokens` -- scale a "GPU-hours per trillion tokens" rate to a token count
  [GPU·h].
- :func:`fractional_saving` -- relative saving of one GPU-hour figure against a baseline [-].

Time is in hours everywhere except inside the FLOP/s conversions, which use
:data:`SECONDS_PER_HOUR` explicitly. Every function broadcasts over numpy arrays and pandas
Series (a Series in gives a Series out on the same index).
"""

from __future__ import annotations

from aicosts._contract import (
    COUNT,
    FRACTION,
    POSITIVE,
    ArrayLike,
    FloatOrArray,
    choice,
    formula,
)

__all__ = [
    "HOURS_PER_DAY",
    "SECONDS_PER_HOUR",
    "TOKENS_PER_TRILLION",
    "forward_flop_per_token",
    "fractional_saving",
    "gpu_hours_for_flop",
    "gpu_hours_for_tokens",
    "gpu_hours_for_wall_clock",
    "model_flop_utilization",
    "training_flop",
    "training_flop_per_token",
    "wall_clock_days",
]

#: Seconds in an hour [s/h].
SECONDS_PER_HOUR = 3600.0
#: Hours in a day [h/day].
HOURS_PER_DAY = 24.0
#: Tokens in a trillion tokens, the unit of DeepSeek's "GPU hours per trillion tokens" [token].
TOKENS_PER_TRILLION = 1e12


@formula(active_params=POSITIVE, tokens=POSITIVE)
def training_flop(active_params: ArrayLike, tokens: ArrayLike) -> FloatOrArray:
    r"""Training compute of a transformer by the 6·N·D rule.

    .. math:: C = 6 \, N \, D

    Parameters
    ----------
    active_params : float or array-like
        Parameters used per token, :math:`N` [parameter]; for a mixture of experts, the
        *activated* parameters, not the total.
    tokens : float or array-like
        Training tokens, :math:`D` [token].

    Returns
    -------
    float or ndarray or Series
        Training compute :math:`C` [FLOP].

    Notes
    -----
    Two FLOP per parameter per token for the forward pass and four for the backward pass
    [1]_. Attention's context-dependent FLOP and the embedding are ignored; recomputation
    (activation checkpointing) is not counted, which is why this is *model* FLOP, the
    numerator of MFU [2]_. For DeepSeek-V3, :math:`N` = 37B activated of 671B total
    parameters and :math:`D` = 14.8T tokens [3]_; Epoch AI's estimate 3.4078e24 FLOP adds
    post-training to the 6ND value [4]_.

    Examples
    --------
    DeepSeek-V3 pre-training, 37B activated parameters on 14.8T tokens [3]_:

    >>> training_flop(37e9, 14.8e12)
    3.2856e+24

    Llama-3.1-405B on 15.6T tokens, against the reported 3.8e25 FLOP [5]_:

    >>> training_flop(405e9, 15.6e12)
    3.7908e+25

    References
    ----------
    .. [1] J. Kaplan et al., "Scaling Laws for Neural Language Models", arXiv:2001.08361,
       2020, §1.3 (``kaplan2020``).
    .. [2] A. Chowdhery et al., "PaLM: Scaling Language Modeling with Pathways",
       arXiv:2204.02311, 2022, App. B (``chowdhery2022``).
    .. [3] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §4.2
       (``deepseekv3``).
    .. [4] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, Epoch AI data row for DeepSeek-V3 (``cottier2024``).
    .. [5] Llama Team, "The Llama 3 Herd of Models", arXiv:2407.21783, 2024 (``llama3``).
    """
    return 6.0 * active_params * tokens


@formula(
    active_params=POSITIVE,
    num_layers=COUNT,
    num_heads=COUNT,
    qk_head_dim=COUNT,
    v_head_dim=COUNT,
    context_tokens=COUNT,
    attention_mask=choice("causal", "full"),
)
def training_flop_per_token(
    active_params: ArrayLike,
    num_layers: ArrayLike,
    num_heads: ArrayLike,
    qk_head_dim: ArrayLike,
    v_head_dim: ArrayLike,
    context_tokens: ArrayLike,
    attention_mask: str = "causal",
) -> FloatOrArray:
    r"""Training compute per token including attention over the context (PaLM's convention).

    .. math:: c = 6 N + 6 \, m \, l \, n_h \, T \, (d_{qk} + d_v), \quad
              m = 	frac{1}{2} 	ext{ (causal) or } 1 	ext{ (full)}

    Parameters
    ----------
    active_params : float or array-like
        Parameters used per token, :math:`N` [parameter] (activated parameters for MoE).
    num_layers : int or array-like
        Transformer layers, :math:`l` [-].
    num_heads : int or array-like
        Query heads, :math:`n_h` [-].
    qk_head_dim : int or array-like
        Width of one head's query·key product, :math:`d_{qk}` [-]: the head dimension, or for MLA
        the no-RoPE plus RoPE dimensions (128 + 64 for DeepSeek-V3).
    v_head_dim : int or array-like
        Width of one head's value, :math:`d_v` [-].
    context_tokens : int or array-like
        Training sequence length, :math:`T` [token].
    attention_mask : {"causal", "full"}, optional
        ``"causal"`` counts the lower triangle of the attention matrix only (FlashAttention's
        convention), ``"full"`` the whole matrix (Megatron's) [-].

    Returns
    -------
    float or ndarray or Series
        Training compute per token :math:`c` [FLOP/token].

    Notes
    -----
    The first term is :func:`training_flop` per token; the second is the attention-score
    products :math:`QK^	op` and :math:`AV` that 6·N leaves out: per layer and head, a forward
    pass costs :math:`2 T (d_{qk} + d_v)` FLOP per token, and backward twice that. PaLM's
    appendix B writes it :math:`6N + 12 l n_h d T` for :math:`d_{qk} = d_v = d` [1]_. Recomputed
    activations are not counted: this is *model* FLOP, the numerator of MFU.

    Examples
    --------
    DeepSeek-V3 at its 4,096-token pre-training length, with the 36.6B activated parameters of
    :func:`~aicosts.param_count`: about 250.5 GFLOP per token, consistent with the 250 GFLOP of
    DeepSeek's Table 2 [2]_ (6·N alone gives 220):

    >>> round(training_flop_per_token(36.6256e9, 61, 128, 192, 128, 4096) / 1e9, 1)
    250.5
    >>> round(training_flop_per_token(36.6256e9, 61, 128, 192, 128, 4096, "full") / 1e9, 1)
    281.2

    References
    ----------
    .. [1] A. Chowdhery et al., "PaLM: Scaling Language Modeling with Pathways",
       arXiv:2204.02311, 2022, App. B (``chowdhery2022``).
    .. [2] DeepSeek-AI, "Insights into DeepSeek-V3: Scaling Challenges and Reflections on
       Hardware for AI Architectures", ISCA 2025, arXiv:2505.09343, Table 2
       (``deepseekisca2025``).
    """
    mask = 0.5 if attention_mask == "causal" else 1.0
    attention = 6.0 * mask * num_layers * num_heads * context_tokens * (qk_head_dim + v_head_dim)
    return 6.0 * active_params + attention


@formula(active_params=POSITIVE)
def forward_flop_per_token(active_params: ArrayLike) -> FloatOrArray:
    r"""Forward-pass compute per token, two FLOP per activated parameter.

    .. math:: C_\mathrm{fwd} = 2 N

    Parameters
    ----------
    active_params : float or array-like
        Parameters used per token, :math:`N` [parameter] (activated parameters for MoE).

    Returns
    -------
    float or ndarray or Series
        Forward compute per token :math:`C_\mathrm{fwd}` [FLOP/token].

    Notes
    -----
    One multiply and one add per weight [1]_. Attention over the context (which grows with
    sequence length) is excluded, so this undercounts long-context decoding.

    Examples
    --------
    DeepSeek-V3, 37B activated parameters per token [2]_:

    >>> forward_flop_per_token(37e9)
    74000000000.0

    References
    ----------
    .. [1] J. Kaplan et al., "Scaling Laws for Neural Language Models", arXiv:2001.08361,
       2020, §2.1 (``kaplan2020``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §4.2
       (``deepseekv3``).
    """
    return 2.0 * active_params


@formula(flop=POSITIVE, peak_flop_per_s=POSITIVE, mfu=FRACTION)
def gpu_hours_for_flop(flop: ArrayLike, peak_flop_per_s: ArrayLike, mfu: ArrayLike) -> FloatOrArray:
    r"""Accelerator time needed to perform a compute budget at a given utilisation.

    .. math:: H = \frac{C}{3600 \cdot P \cdot u}

    Parameters
    ----------
    flop : float or array-like
        Model compute of the run, :math:`C` [FLOP].
    peak_flop_per_s : float or array-like
        Dense peak throughput of one accelerator at the precision used, :math:`P` [FLOP/s].
    mfu : float or array-like
        Model FLOP utilisation, :math:`u`, in (0, 1] [-].

    Returns
    -------
    float or ndarray or Series
        Accelerator time :math:`H` [GPU·h].

    Notes
    -----
    The inverse of :func:`model_flop_utilization`. The answer depends on which peak is
    used: dense, not the "with sparsity" figure vendors quote at 2×, and FP8 or BF16
    according to the training precision. Epoch AI uses a utilisation of 0.375 when none
    is known [1]_.

    Examples
    --------
    DeepSeek-V3's 6ND compute at the 34.6% utilisation of the BF16 peak (989 TFLOP/s) that
    its reported 2,664K pre-training GPU-hours imply [2]_:

    >>> round(gpu_hours_for_flop(3.2856e24, 989e12, 0.3464), -3)
    2664000.0

    References
    ----------
    .. [1] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024, Epoch AI method constants (``cottier2024``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    """
    return flop / (SECONDS_PER_HOUR * peak_flop_per_s * mfu)


@formula(flop=POSITIVE, gpu_hours=POSITIVE, peak_flop_per_s=POSITIVE, returns=FRACTION)
def model_flop_utilization(
    flop: ArrayLike, gpu_hours: ArrayLike, peak_flop_per_s: ArrayLike
) -> FloatOrArray:
    r"""Model FLOP utilisation implied by a run's compute and accelerator time.

    .. math:: u = \frac{C}{3600 \cdot H \cdot P}

    Parameters
    ----------
    flop : float or array-like
        Model compute of the run, :math:`C` [FLOP], e.g. from :func:`training_flop`.
    gpu_hours : float or array-like
        Accelerator time the run consumed, :math:`H` [GPU·h].
    peak_flop_per_s : float or array-like
        Dense peak throughput of one accelerator, :math:`P` [FLOP/s].

    Returns
    -------
    float or ndarray or Series
        Model FLOP utilisation :math:`u`, in (0, 1] [-]. A value above 1 means the inputs are
        inconsistent (too few GPU-hours, or the wrong peak) and is refused with a ValueError;
        round-off of a few ulps above 1 is read as 1.

    Notes
    -----
    MFU is achieved model FLOP/s over peak FLOP/s [1]_. Reported GPU-hours may include
    restarts, evaluation and idle time, which lowers the implied value. For DeepSeek-V3
    the choice of peak matters: the H800 SXM's dense FP8 peak is 1979 TFLOP/s and its dense BF16
    peak 989 TFLOP/s (1513 TFLOP/s is the PCIe card's FP8 peak, not DeepSeek's part); DeepSeek
    states its own MFU against the BF16 peak [2]_.

    Examples
    --------
    DeepSeek-V3 pre-training, 6ND = 3.2856e24 FLOP in 2,664K H800 GPU-hours [2]_, against
    the dense FP8 peak (1979 TFLOP/s) and the dense BF16 peak (989 TFLOP/s):

    >>> model_flop_utilization(3.2856e24, 2.664e6, 1979e12)
    0.173...
    >>> model_flop_utilization(3.2856e24, 2.664e6, 989e12)
    0.346...

    Llama-3.1-405B, 3.8e25 FLOP in 30.84M H100-hours at 989.4 TFLOP/s BF16 [3]_: 34.6%,
    below the 38–43% reported, because the GPU-hours cover more than the steady state:

    >>> model_flop_utilization(3.8e25, 30.84e6, 989.4e12)
    0.3459...

    References
    ----------
    .. [1] A. Chowdhery et al., "PaLM: Scaling Language Modeling with Pathways",
       arXiv:2204.02311, 2022, App. B (``chowdhery2022``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    .. [3] Llama Team, "The Llama 3 Herd of Models", arXiv:2407.21783, 2024, and
       ``MODEL_CARD.md`` in meta-llama/llama-models (``llama3``).
    """
    return flop / (SECONDS_PER_HOUR * gpu_hours * peak_flop_per_s)


@formula(gpu_hours=POSITIVE, num_gpus=COUNT)
def wall_clock_days(gpu_hours: ArrayLike, num_gpus: ArrayLike) -> FloatOrArray:
    r"""Days a run takes when its GPU-hours are spread evenly over a cluster.

    .. math:: T = \frac{H}{24 \, n}

    Parameters
    ----------
    gpu_hours : float or array-like
        Accelerator time of the run, :math:`H` [GPU·h].
    num_gpus : int or array-like
        Accelerators working in parallel, :math:`n` [GPU], a whole number ≥ 1.

    Returns
    -------
    float or ndarray or Series
        Wall-clock duration :math:`T` [day].

    Notes
    -----
    Assumes every GPU is busy for the whole run; downtime lengthens the real duration.

    Examples
    --------
    DeepSeek-V3: 180K H800 GPU-hours per trillion tokens on 2048 GPUs, "3.7 days" [1]_:

    >>> wall_clock_days(180e3, 2048)
    3.66...

    and the 2,664K GPU-hours of pre-training, "less than two months" [1]_:

    >>> wall_clock_days(2.664e6, 2048)
    54.19...

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §1 p.5
       (``deepseekv3``).
    """
    return gpu_hours / (HOURS_PER_DAY * num_gpus)


@formula(wall_clock_hours=POSITIVE, num_gpus=COUNT)
def gpu_hours_for_wall_clock(wall_clock_hours: ArrayLike, num_gpus: ArrayLike) -> FloatOrArray:
    r"""GPU-hours of a run of known duration on a cluster of known size.

    .. math:: H = t \, n

    Parameters
    ----------
    wall_clock_hours : float or array-like
        Duration of the run, :math:`t` [h].
    num_gpus : int or array-like
        Accelerators used throughout, :math:`n` [GPU], a whole number ≥ 1.

    Returns
    -------
    float or ndarray or Series
        Accelerator time :math:`H` [GPU·h].

    Notes
    -----
    Assumes the whole cluster is held for the whole run (the basis on which rental is billed).

    Examples
    --------
    DeepSeek-R1-Zero, about 198 hours on 512 H800 GPUs (Nature supplement, as reported) [1]_:

    >>> gpu_hours_for_wall_clock(198, 512)
    101376.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via
       Reinforcement Learning", Nature 645, 633 (2025), supplementary information, as reported
       in the press (``deepseekr1``).
    """
    return wall_clock_hours * num_gpus


@formula(gpu_hours_per_trillion_tokens=POSITIVE, tokens=POSITIVE)
def gpu_hours_for_tokens(
    gpu_hours_per_trillion_tokens: ArrayLike, tokens: ArrayLike
) -> FloatOrArray:
    r"""Scale a measured GPU-hours-per-trillion-tokens rate to a token count.

    .. math:: H = r \, \frac{D}{10^{12}}

    Parameters
    ----------
    gpu_hours_per_trillion_tokens : float or array-like
        Measured throughput cost, :math:`r` [GPU·h / 10¹² token].
    tokens : float or array-like
        Tokens to train on, :math:`D` [token].

    Returns
    -------
    float or ndarray or Series
        Accelerator time :math:`H` [GPU·h].

    Notes
    -----
    Linear in tokens: it assumes the rate measured on part of the run holds for all of it
    (same sequence length, same cluster, same efficiency).

    Examples
    --------
    DeepSeek-V3: 180K H800 GPU-hours per trillion tokens × 14.8T tokens is the 2,664K
    pre-training GPU-hours of Table 1 [1]_:

    >>> gpu_hours_for_tokens(180e3, 14.8e12)
    2664000.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §1 p.5 and
       Table 1 (``deepseekv3``).
    """
    return gpu_hours_per_trillion_tokens * (tokens / TOKENS_PER_TRILLION)


@formula(gpu_hours=POSITIVE, baseline_gpu_hours=POSITIVE)
def fractional_saving(gpu_hours: ArrayLike, baseline_gpu_hours: ArrayLike) -> FloatOrArray:
    r"""Relative saving of a GPU-hour (or cost) figure against a baseline.

    .. math:: s = 1 - \frac{H}{H_0}

    Parameters
    ----------
    gpu_hours : float or array-like
        The new figure, :math:`H` [GPU·h] (any unit, as long as both agree).
    baseline_gpu_hours : float or array-like
        The baseline figure, :math:`H_0` [GPU·h] (same unit as ``gpu_hours``).

    Returns
    -------
    float or ndarray or Series
        Fractional saving :math:`s` [-]; negative when the new figure is larger.

    Notes
    -----
    Compares like with like only when both figures are per the same amount of work (e.g.
    per trillion tokens, as DeepSeek-V2 reports).

    Examples
    --------
    DeepSeek-V2 against DeepSeek 67B: 172.8K vs 300.6K H800 GPU-hours per trillion tokens,
    the "42.5%" training saving of the abstract [1]_:

    >>> fractional_saving(172.8e3, 300.6e3)
    0.4251...

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V2: A Strong, Economical, and Efficient Mixture-of-Experts
       Language Model", arXiv:2405.04434, 2024, abstract and §3.2.3 (``deepseekv2``).
    """
    return 1.0 - gpu_hours / baseline_gpu_hours
