r"""Case study: what DeepSeek-V3's multi-token prediction (MTP) costs and what it buys.

Every number of the explanation page on MTP (``docs/explanations/mtp.md``):

- :func:`deepseek_v3_multi_token` -- the prose numbers: the MTP module's parameters and
  training-compute share, the reported acceptance and speed-up, the tokens per step they give
  and the draft cost they imply, as a :class:`MultiTokenNumbers`.
- :func:`tokens_per_step_curves` -- expected tokens per main-model step against the acceptance
  rate, for several drafted tokens (the chart's data).
- :func:`depth_overheads` -- training-compute and parameter shares of 0 to 4 MTP modules on
  DeepSeek-V3's shape (the chart's data).

The acceptance rate (85–90%) and the 1.8× tokens per second are the V3 report's (``deepseekv3``
§5.4.3, grade A). DeepSeek's systems paper (``deepseekisca2025`` §2.3.3) gives 80–90% from
"real world practice data" and says the same speed-up is per request, "slightly hurting the
throughput": the 1.8× is decoding speed, not tokens per GPU-hour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from aicosts.catalogues.models import load_config
from aicosts.catalogues.published import published_figure
from aicosts.formulas.mtp import (
    mtp_parameter_share,
    mtp_training_flop_share,
    speculative_speedup,
    speculative_tokens_per_step,
)
from aicosts.formulas.params import param_count

__all__ = [
    "ACCEPTANCE_GRID",
    "WHAT_IF_COST_RATIO",
    "MultiTokenNumbers",
    "deepseek_v3_multi_token",
    "depth_overheads",
    "tokens_per_step_curves",
]

#: Acceptance rates of the tokens-per-step chart: 0 to 0.99 in steps of 0.01 [-].
ACCEPTANCE_GRID: tuple[float, ...] = tuple(i / 100 for i in range(100))
#: Draft cost per main step that the what-if control starts at: about what the reported 1.8×
#: implies at 85% acceptance (see ``implied_cost_ratio_low``). aicosts' choice (C) [-].
WHAT_IF_COST_RATIO = 0.03


@dataclass(frozen=True)
class MultiTokenNumbers:
    r"""The numbers of the MTP page, from :func:`deepseek_v3_multi_token`.

    Attributes
    ----------
    num_mtp_layers, num_layers : int
        MTP modules (depth :math:`D`) and main-model layers of DeepSeek-V3 [-].
    mtp_module_params, total_params : int
        Unique parameters of the MTP module and of the main model [parameters].
    mtp_parameter_share, mtp_training_flop_share : float
        The module's share of stored parameters and of training compute per token [-].
    mtp_loss_weight_early, mtp_loss_weight_late : float
        MTP loss weight :math:`\lambda` for the first 10T tokens and for the rest [-].
    acceptance_rate_low, acceptance_rate_high : float
        The V3 report's acceptance rate of the second-token prediction [-].
    reported_tps_speedup : float
        The V3 report's tokens per second with MTP over without [-].
    tokens_per_step_low, tokens_per_step_high : float
        Expected tokens per main-model step at those acceptance rates, one drafted token
        [tokens].
    implied_cost_ratio_low, implied_cost_ratio_high : float
        Draft cost per main step :math:`c` at which Leviathan et al.'s speed-up equals the
        reported one, at each acceptance rate [-].
    what_if_cost_ratio, what_if_speedup : float
        The what-if control's starting draft cost and the speed-up it gives at the low
        acceptance rate [-].
    """

    num_mtp_layers: int
    num_layers: int
    mtp_module_params: int
    total_params: int
    mtp_parameter_share: float
    mtp_training_flop_share: float
    mtp_loss_weight_early: float
    mtp_loss_weight_late: float
    acceptance_rate_low: float
    acceptance_rate_high: float
    reported_tps_speedup: float
    tokens_per_step_low: float
    tokens_per_step_high: float
    implied_cost_ratio_low: float
    implied_cost_ratio_high: float
    what_if_cost_ratio: float
    what_if_speedup: float


def _as_float(value: object) -> float:
    """Return a formula's scalar result as a Python float."""
    return float(np.asarray(value))


def tokens_per_step_curves(
    draft_tokens: Sequence[int] = (1, 2, 3, 4),
    acceptance_rate: Sequence[float] = ACCEPTANCE_GRID,
) -> pd.DataFrame:
    r"""Compute the expected tokens per main-model step against the acceptance rate.

    .. math:: E = \frac{1 - \alpha^{\gamma + 1}}{1 - \alpha}

    Parameters
    ----------
    draft_tokens : sequence of int, optional
        Tokens drafted per step :math:`\gamma` [tokens]; default 1 to 4.
    acceptance_rate : sequence of float, optional
        Acceptance rates :math:`\alpha` in [0, 1) [-]; default 0 to 0.99.

    Returns
    -------
    pandas.DataFrame
        Columns ``acceptance_rate`` [-], ``draft_tokens`` [tokens] and ``tokens_per_step``
        [tokens], one row per pair, by :func:`aicosts.speculative_tokens_per_step`.

    Examples
    --------
    >>> t = tokens_per_step_curves([1, 2], [0.85])
    >>> t["tokens_per_step"].round(4).tolist()
    [1.85, 2.5725]
    """
    alpha = np.asarray(acceptance_rate, dtype=float)
    frames = [
        pd.DataFrame(
            {
                "acceptance_rate": alpha,
                "draft_tokens": int(gamma),
                "tokens_per_step": np.asarray(speculative_tokens_per_step(alpha, int(gamma))),
            }
        )
        for gamma in draft_tokens
    ]
    return pd.concat(frames, ignore_index=True)


def depth_overheads(num_mtp_layers: Sequence[int] = range(5)) -> pd.DataFrame:
    r"""Training-compute and parameter shares of :math:`D` MTP modules on DeepSeek-V3's shape.

    .. math:: s = \frac{N^\text{act}_\text{MTP} + D\,N_\text{head}}
              {N^\text{act}_\text{main} + N^\text{act}_\text{MTP} + D\,N_\text{head}}

    Parameters
    ----------
    num_mtp_layers : sequence of int, optional
        MTP depths :math:`D` [-]; default 0 to 4. Each module has an MoE block, as
        DeepSeek-V3's does.

    Returns
    -------
    pandas.DataFrame
        Columns ``num_mtp_layers`` [-], ``training_compute_share`` and
        ``stored_parameter_share`` [-], by :func:`aicosts.mtp_training_flop_share` and
        :func:`aicosts.mtp_parameter_share`.

    Examples
    --------
    >>> depth_overheads([1, 2]).round(3)
       num_mtp_layers  training_compute_share  stored_parameter_share
    0               1                   0.042                   0.017
    1               2                   0.081                   0.033
    """
    v3 = load_config("DeepSeek-V3")
    rows = []
    for depth in num_mtp_layers:
        shaped = replace(v3, num_mtp_layers=int(depth), num_mtp_moe_layers=int(depth))
        rows.append(
            {
                "num_mtp_layers": int(depth),
                "training_compute_share": mtp_training_flop_share(shaped),
                "stored_parameter_share": mtp_parameter_share(shaped),
            }
        )
    return pd.DataFrame(rows)


def deepseek_v3_multi_token() -> MultiTokenNumbers:
    r"""Every number the MTP page writes in its prose.

    .. math:: E = 1 + \alpha, \qquad c = \frac{E / S - 1}{\gamma}

    Returns
    -------
    MultiTokenNumbers
        The module's size and compute, the reported acceptance and speed-up, and what they
        give in the speculative-decoding model of Leviathan et al. [units per field].

    Notes
    -----
    The implied draft cost inverts :func:`aicosts.speculative_speedup` at :math:`\gamma = 1`:
    the :math:`c` for which :math:`S = E / (\gamma c + 1)` equals the reported 1.8×. It
    reads the 1.8× as what that formula models, the walltime speed-up of one request's
    decoding; DeepSeek does not break its figure down.

    Examples
    --------
    >>> n = deepseek_v3_multi_token()
    >>> round(n.tokens_per_step_low, 2), round(n.tokens_per_step_high, 2)
    (1.85, 1.9)
    >>> print(f"{n.implied_cost_ratio_low:.1%} to {n.implied_cost_ratio_high:.1%}")
    2.8% to 5.6%
    """
    v3 = load_config("DeepSeek-V3")
    n = param_count(v3)
    low = published_figure("deepseek_v3_mtp_acceptance_low")
    high = published_figure("deepseek_v3_mtp_acceptance_high")
    speedup = published_figure("deepseek_v3_mtp_tps_speedup")
    tokens_low = _as_float(speculative_tokens_per_step(low, 1))
    tokens_high = _as_float(speculative_tokens_per_step(high, 1))
    return MultiTokenNumbers(
        num_mtp_layers=v3.num_mtp_layers,
        num_layers=v3.num_layers,
        mtp_module_params=n.mtp_module,
        total_params=n.total,
        mtp_parameter_share=mtp_parameter_share(v3),
        mtp_training_flop_share=mtp_training_flop_share(v3),
        mtp_loss_weight_early=published_figure("deepseek_v3_mtp_loss_weight_early"),
        mtp_loss_weight_late=published_figure("deepseek_v3_mtp_loss_weight_late"),
        acceptance_rate_low=low,
        acceptance_rate_high=high,
        reported_tps_speedup=speedup,
        tokens_per_step_low=tokens_low,
        tokens_per_step_high=tokens_high,
        implied_cost_ratio_low=tokens_low / speedup - 1.0,
        implied_cost_ratio_high=tokens_high / speedup - 1.0,
        what_if_cost_ratio=WHAT_IF_COST_RATIO,
        what_if_speedup=_as_float(speculative_speedup(low, 1, WHAT_IF_COST_RATIO)),
    )
