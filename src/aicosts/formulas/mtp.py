r"""Multi-token prediction (MTP) and speculative decoding.

DeepSeek-V3 trains one MTP module that predicts the token after next; at inference the module
can serve as the draft model of speculative decoding (leviathan2023), and DeepSeek reports that
its second-token prediction is accepted 85–90% of the time, for 1.8× the tokens per second
(``deepseekv3`` §5.4.3).

Contents:

speculative_tokens_per_step(acceptance_rate, draft_tokens=1)
    Expected tokens per target-model step, :math:`(1-\alpha^{\gamma+1})/(1-\alpha)` [tokens].
speculative_speedup(acceptance_rate, draft_tokens, cost_ratio)
    Expected walltime improvement, :math:`(1-\alpha^{\gamma+1})/((1-\alpha)(\gamma c+1))` [-].
mtp_flop_share(main_active_params, mtp_active_params)
    Share of training forward compute spent in MTP modules [-].
mtp_parameter_share(config)
    MTP modules' share of all stored parameters [-].
mtp_training_flop_share(config)
    MTP modules' share of training compute per token [-].
"""

from __future__ import annotations

import numpy as np

from aicosts._contract import (
    NONNEGATIVE,
    NONNEGATIVE_COUNT,
    POSITIVE,
    SHARE,
    ArrayLike,
    FloatOrArray,
    checked,
    formula,
)
from aicosts.formulas.architecture import ModelConfig
from aicosts.formulas.params import param_count

__all__ = [
    "mtp_flop_share",
    "mtp_parameter_share",
    "mtp_training_flop_share",
    "speculative_speedup",
    "speculative_tokens_per_step",
]


def _tokens(alpha: np.ndarray, gamma: np.ndarray) -> np.ndarray:
    """Evaluate (1 - α^(γ+1)) / (1 - α) for α in [0, 1)."""
    return (1.0 - alpha ** (gamma + 1.0)) / (1.0 - alpha)


@formula(acceptance_rate=SHARE, draft_tokens=NONNEGATIVE_COUNT)
def speculative_tokens_per_step(
    acceptance_rate: ArrayLike, draft_tokens: ArrayLike = 1
) -> FloatOrArray:
    r"""Compute the expected tokens per target-model step of speculative decoding.

    .. math:: E = \frac{1 - \alpha^{\gamma + 1}}{1 - \alpha}

    Parameters
    ----------
    acceptance_rate : float or array-like
        Probability :math:`\alpha` that a drafted token is accepted, in [0, 1) [-].
    draft_tokens : int or array-like, optional
        Tokens drafted per step :math:`\gamma` (DeepSeek-V3's one MTP module: 1) [tokens].

    Returns
    -------
    float or ndarray or Series
        Expected tokens per step, in :math:`[1, \gamma + 1]` [tokens].

    Notes
    -----
    Leviathan et al. [1]_ eq. (1), assuming acceptances are independent with equal
    probability. With :math:`\gamma = 1` it is :math:`1 + \alpha`. :math:`\alpha = 1` is
    rejected rather than mapped to its limit :math:`\gamma + 1`: a draft that is always
    right is not a rate anyone measures, and the closed form divides by zero there.

    Examples
    --------
    DeepSeek-V3 [2]_: 85–90% acceptance of the second token gives 1.85–1.90 tokens per
    step, beside the reported 1.8× tokens per second:

    >>> speculative_tokens_per_step([0.85, 0.90])
    array([1.85, 1.9 ])

    References
    ----------
    .. [1] Y. Leviathan, M. Kalman, Y. Matias, "Fast Inference from Transformers via
       Speculative Decoding", ICML 2023, arXiv:2211.17192, §3.1 (``leviathan2023``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §5.4.3
       (``deepseekv3``).
    """
    return _tokens(acceptance_rate, draft_tokens)


@formula(acceptance_rate=SHARE, draft_tokens=NONNEGATIVE_COUNT, cost_ratio=NONNEGATIVE)
def speculative_speedup(
    acceptance_rate: ArrayLike, draft_tokens: ArrayLike, cost_ratio: ArrayLike
) -> FloatOrArray:
    r"""Compute the expected walltime improvement of speculative decoding.

    .. math:: S = \frac{1 - \alpha^{\gamma + 1}}{(1 - \alpha)(\gamma c + 1)}

    Parameters
    ----------
    acceptance_rate : float or array-like
        Probability :math:`\alpha` that a drafted token is accepted, in [0, 1) [-].
    draft_tokens : int or array-like
        Tokens drafted per step :math:`\gamma` [tokens].
    cost_ratio : float or array-like
        Time of one draft step over one target step, :math:`c \ge 0` [-].

    Returns
    -------
    float or ndarray or Series
        Speed-up over plain decoding [-].

    Notes
    -----
    Leviathan et al. [1]_ Theorem 3.8; assumes the target model verifies :math:`\gamma + 1`
    positions in the time of one step (a memory-bound decode) and independent acceptances.
    :math:`\alpha = 1` is rejected as in :func:`speculative_tokens_per_step`.

    Examples
    --------
    DeepSeek-V3's MTP module at 85–90% acceptance: 1.85–1.90× if drafting were free. The
    reported 1.8× [2]_ corresponds, in this model, to a draft costing
    :math:`c = 1.85/1.8 - 1` ≈ 2.8% (at 85%) to 5.6% (at 90%) of a target step:

    >>> speculative_speedup([0.85, 0.90], 1, 0.0)
    array([1.85, 1.9 ])
    >>> speculative_speedup([0.85, 0.90], 1, [1.85 / 1.8 - 1, 1.90 / 1.8 - 1])
    array([1.8, 1.8])

    References
    ----------
    .. [1] Y. Leviathan, M. Kalman, Y. Matias, "Fast Inference from Transformers via
       Speculative Decoding", ICML 2023, arXiv:2211.17192, §3.4 (``leviathan2023``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §5.4.3
       (``deepseekv3``).
    """
    return _tokens(acceptance_rate, draft_tokens) / (draft_tokens * cost_ratio + 1.0)


@formula(main_active_params=POSITIVE, mtp_active_params=NONNEGATIVE)
def mtp_flop_share(main_active_params: ArrayLike, mtp_active_params: ArrayLike) -> FloatOrArray:
    r"""Share of per-token training compute spent in MTP modules.

    .. math:: s = \frac{N_\text{MTP}}{N_\text{main} + N_\text{MTP}}

    Parameters
    ----------
    main_active_params : float or array-like
        Activated parameters of the main model per token, :math:`N_\text{main}`
        [parameters].
    mtp_active_params : float or array-like
        Activated parameters of the MTP modules per token, including the shared output head
        they apply again, :math:`N_\text{MTP}` (zero allowed) [parameters].

    Returns
    -------
    float or ndarray or Series
        Fraction of training FLOPs in the MTP modules [-].

    Notes
    -----
    Uses :math:`6N` FLOP per token for both parts (forward and backward), so the share is a
    ratio of activated parameters; attention-score FLOPs are ignored.

    Examples
    --------
    DeepSeek-V3 per README_WEIGHTS [1]_: 36.6B main, 1.5B MTP (including the 0.9B head):

    >>> round(mtp_flop_share(36.6e9, 1.5e9), 3)
    0.039

    References
    ----------
    .. [1] DeepSeek-AI, README_WEIGHTS.md, github.com/deepseek-ai/DeepSeek-V3
       (``deepseekv3``).
    """
    return mtp_active_params / (main_active_params + mtp_active_params)


@checked(config=ModelConfig)
def mtp_parameter_share(config: ModelConfig) -> float:
    r"""MTP modules' share of all stored parameters.

    .. math:: s = \frac{N_\text{MTP}}{N_\text{main} + N_\text{MTP}}

    Parameters
    ----------
    config : ModelConfig
        The architecture [-].

    Returns
    -------
    float
        Fraction of unique parameters in MTP modules (0 without MTP) [-].

    Notes
    -----
    Counts the modules' unique weights (:func:`aicosts.formulas.params.param_count`'s
    ``mtp_module``: projection, norms, transformer block); their embedding and output head
    are shared with the main model.

    Examples
    --------
    DeepSeek-V3: 11.6B of 682.6B unique parameters, 1.7%:

    >>> from aicosts import load_config
    >>> round(mtp_parameter_share(load_config("DeepSeek-V3")), 4)
    0.017

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §2.2
       (``deepseekv3``).
    """
    n = param_count(config)
    return n.mtp_module / n.total_including_mtp


@checked(config=ModelConfig)
def mtp_training_flop_share(config: ModelConfig) -> float:
    r"""MTP modules' share of per-token training compute.

    .. math:: s = \frac{N^\text{act}_\text{MTP} + D\,N_\text{head}}
              {N^\text{act}_\text{main} + N^\text{act}_\text{MTP} + D\,N_\text{head}}

    Parameters
    ----------
    config : ModelConfig
        The architecture [-].

    Returns
    -------
    float
        Fraction of training FLOPs per token in the :math:`D` MTP modules (0 without MTP)
        [-].

    Notes
    -----
    Each module runs its own transformer block and applies the shared output head again, so
    the head's FLOPs count once per module; the shared embedding is a lookup. Uses
    :func:`mtp_flop_share` (6N per token, attention scores ignored).

    Examples
    --------
    DeepSeek-V3: 0.69B + 0.93B head per token against 36.6B, 4.2%:

    >>> from aicosts import load_config
    >>> round(mtp_training_flop_share(load_config("DeepSeek-V3")), 3)
    0.042

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §2.2
       (``deepseekv3``).
    """
    n = param_count(config)
    head = n.output_head if n.output_head else n.embedding
    mtp = n.mtp_active + config.num_mtp_layers * head
    return float(np.asarray(mtp_flop_share(n.active, mtp)))
