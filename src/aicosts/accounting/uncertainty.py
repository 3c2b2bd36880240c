r"""Uncertain inputs: low/central/high ranges and Monte Carlo propagation through any formula.

- :class:`Range` -- frozen dataclass ``Range(low, central, high)`` for an uncertain input.
- :func:`draw` -- draw samples of one :class:`Range` [same unit as the range].
- :func:`monte_carlo` -- call a vectorised formula once on sampled inputs and summarise its
  output by percentiles.

Distribution. A :class:`Range` is sampled from a **triangular** distribution with mode at
``central``: bounded by the published extremes (no tail beyond what any source says),
peaked at the central estimate, and needing no more parameters than the three numbers
sources give. For quantities quoted over orders of magnitude (e.g. Epoch AI's GPT-4 compute,
8.2e24–4.4e25 FLOP around 2.1e25) pass ``distribution="log-triangular"``: triangular in
:math:`\log x`, so a factor above the centre is as likely as the same factor below.
A range with ``low == high`` is a constant. Reproducible: the same ``seed`` gives the same
result (numpy ``Generator``, PCG64).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from aicosts._contract import (
    ANY_REAL,
    COUNT,
    Domain,
    FloatArray,
    check_integral,
    checked,
    choice,
    convert,
    scalar,
)

__all__ = ["DISTRIBUTIONS", "Range", "draw", "monte_carlo"]

#: Supported sampling distributions for a :class:`Range`.
DISTRIBUTIONS = ("triangular", "log-triangular")
_PERCENT = Domain(low=0.0, low_inclusive=True, high=100.0, high_inclusive=True, text="in [0, 100]")


_NUMBER = scalar(ANY_REAL)


@dataclass(frozen=True)
class Range:
    r"""An uncertain quantity given as low, central and high values.

    .. math:: x_\mathrm{low} \le x_\mathrm{central} \le x_\mathrm{high}

    Parameters
    ----------
    low : float
        Lowest plausible value [unit of the quantity].
    central : float
        Best estimate, the mode of the sampling distribution [unit of the quantity].
    high : float
        Highest plausible value [unit of the quantity].

    Raises
    ------
    TypeError
        If a bound is not a single number.
    ValueError
        If a bound is NaN or infinite, or ``low ≤ central ≤ high`` does not hold.

    Examples
    --------
    H100 purchase price, ~$30–40K with Epoch AI's $33,750 as centre (sources.md, B):

    >>> Range(30_000, 33_750, 40_000)
    Range(low=30000.0, central=33750.0, high=40000.0)
    >>> Range(3, 2, 1)
    Traceback (most recent call last):
    ...
    ValueError: Range needs low <= central <= high, got low=3.0, central=2.0, high=1.0
    """

    low: float
    central: float
    high: float

    def __post_init__(self) -> None:
        """Validate and normalise the bounds to float."""
        low = float(_NUMBER.check("low", self.low))  # type: ignore[arg-type]
        central = float(_NUMBER.check("central", self.central))  # type: ignore[arg-type]
        high = float(_NUMBER.check("high", self.high))  # type: ignore[arg-type]
        if not low <= central <= high:
            raise ValueError(
                f"Range needs low <= central <= high, got low={low!r}, "
                f"central={central!r}, high={high!r}"
            )
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "central", central)
        object.__setattr__(self, "high", high)

    @classmethod
    def from_sequence(cls, values: Sequence[float]) -> Range:
        """Build a range from a ``(low, central, high)`` sequence.

        Parameters
        ----------
        values : sequence of three floats
            ``(low, central, high)`` [unit of the quantity].

        Returns
        -------
        Range
            The range [unit of the quantity].

        Examples
        --------
        >>> Range.from_sequence((1.54, 1.54, 1.69)).high
        1.69
        """
        if isinstance(values, str | bytes) or not isinstance(values, Sequence | np.ndarray):
            raise TypeError(f"values must be a sequence (low, central, high), got {values!r}")
        if len(values) != 3:
            raise ValueError(f"values must be (low, central, high), got {values!r}")
        low, central, high = list(values)
        return cls(low, central, high)


@checked(value=Range, num_samples=scalar(COUNT), distribution=choice(*DISTRIBUTIONS))
def draw(
    value: Range,
    num_samples: int,
    *,
    seed: int | np.random.Generator = 0,
    distribution: str = "triangular",
) -> FloatArray:
    r"""Draw samples of an uncertain input.

    .. math:: x_i \sim \mathrm{Tri}(x_\mathrm{low}, x_\mathrm{central}, x_\mathrm{high})

    Parameters
    ----------
    value : Range
        The uncertain input [unit of the quantity].
    num_samples : int
        Number of samples, ≥ 1 [-].
    seed : int or numpy.random.Generator, optional
        Seed (≥ 0) or generator; the same seed gives the same samples [-].
    distribution : {"triangular", "log-triangular"}, optional
        Triangular in :math:`x` or in :math:`\log x` (needs ``low > 0``) [-].

    Returns
    -------
    ndarray
        Samples, shape ``(num_samples,)`` [unit of the quantity].

    Notes
    -----
    Uses the generator's triangular sampler [1]_. A degenerate range (``low == high``)
    returns the constant.

    Examples
    --------
    >>> s = draw(Range(1.54, 1.54, 1.69), 1000, seed=1)
    >>> bool(s.min() >= 1.54 and s.max() <= 1.69)
    True

    References
    ----------
    .. [1] NumPy, ``numpy.random.Generator.triangular``; the bounds here are Epoch AI's server
       overhead range, 1.54–1.69 (``cottier2024``).
    """
    count, kind = int(num_samples), distribution
    rng = _generator(seed)
    if value.low == value.high:
        return np.full(count, value.central)
    if kind == "log-triangular" and value.low <= 0:
        raise ValueError(f"log-triangular needs low > 0, got low={value.low!r}")
    with np.errstate(over="ignore", invalid="ignore"):
        if kind == "triangular":
            samples = rng.triangular(value.low, value.central, value.high, size=count)
        else:
            bounds = (math.log(value.low), math.log(value.central), math.log(value.high))
            samples = np.exp(rng.triangular(*bounds, size=count))
    if not np.all(np.isfinite(samples)):
        raise ValueError(f"value {value!r} is too wide to sample in float64: a sample overflowed")
    return samples


def _generator(seed: int | np.random.Generator) -> np.random.Generator:
    """Turn a seed or generator into a Generator, validating the seed."""
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool | np.timedelta64) or not isinstance(seed, int | np.integer):
        raise TypeError(f"seed must be a non-negative integer or a numpy Generator, got {seed!r}")
    return np.random.default_rng(check_integral("seed", seed))


@checked(
    num_samples=scalar(COUNT),
    distribution=choice(*DISTRIBUTIONS),
    percentiles=_PERCENT,
)
def monte_carlo(
    func: Callable[..., Any],
    num_samples: int = 10_000,
    seed: int = 0,
    percentiles: Sequence[float] = (5, 50, 95),
    *,
    distribution: str = "triangular",
    **inputs: Any,
) -> pd.Series:
    r"""Propagate uncertain inputs through a vectorised formula by Monte Carlo.

    .. math:: y_i = f(x_{1,i}, x_{2,i}, \ldots), \qquad
              \hat{y}_q = \mathrm{percentile}_q(y_1, \ldots, y_n)

    Parameters
    ----------
    func : callable
        A formula that broadcasts over arrays, e.g. :func:`~aicosts.rental_cost`; called
        once, with keyword arguments [-].
    num_samples : int, optional
        Number of samples, ≥ 1 [-]; default 10,000.
    seed : int, optional
        Seed of the numpy ``Generator`` (≥ 0); same seed, same result [-]; default 0.
    percentiles : sequence of float, optional
        Percentiles to report, each in [0, 100], strictly increasing [%]; default (5, 50, 95).
    distribution : {"triangular", "log-triangular"}, optional
        How every :class:`Range` input is sampled (see the module docstring) [-].
    **inputs : object
        Keyword arguments of ``func``: :class:`Range` values are sampled (independently);
        anything else is passed through unchanged [units of ``func``'s parameters].

    Returns
    -------
    Series
        The output percentiles, indexed by percentile [%], named ``"value"`` [unit of
        ``func``'s result].

    Raises
    ------
    TypeError
        If ``func`` is not callable, or its result is not numeric.
    ValueError
        If ``num_samples``, ``seed`` or ``percentiles`` are invalid, no input is a
        :class:`Range`, or ``func``'s result does not have one value per sample.

    Notes
    -----
    Inputs are drawn independently, in the order given, from one generator: correlations
    between inputs (e.g. price and life of the same GPU) are ignored. The formula validates
    its own inputs, so a range crossing a formula's domain (e.g. a negative price) fails
    with that formula's error.

    Examples
    --------
    DeepSeek-V3's 2.788M GPU-hours [1]_ at an H100-class rental price between the $1.99 and
    $3.49 small-cloud quotes, centred on DeepSeek's $2 (sources.md, B):

    >>> from aicosts import rental_cost
    >>> q = monte_carlo(rental_cost, num_samples=20_000, seed=0, gpu_hours=2.788e6,
    ...                 usd_per_gpu_hour=Range(1.99, 2.0, 3.49))
    >>> [round(v / 1e6, 1) for v in q]
    [5.7, 6.8, 8.8]

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    """
    if not callable(func):
        raise TypeError(f"func must be callable, got {func!r}")
    count, kind = int(num_samples), distribution
    rng = _generator(seed)
    q = np.atleast_1d(np.asarray(percentiles, dtype=np.float64))
    if q.ndim != 1:
        raise ValueError(f"percentiles must be a sequence, got {percentiles!r}")
    if (np.diff(q) <= 0).any():
        raise ValueError(f"percentiles must be strictly increasing, got {percentiles!r}")
    if not any(isinstance(v, Range) for v in inputs.values()):
        raise ValueError("monte_carlo needs at least one Range input; got none")
    args = {
        k: draw(v, count, seed=rng, distribution=kind) if isinstance(v, Range) else v
        for k, v in inputs.items()
    }
    raw = func(**args)
    if isinstance(raw, pd.Series):
        raw = raw.to_numpy()
    out = convert("func result", raw)
    if out.shape != (count,):
        raise ValueError(
            f"func must return one value per sample, shape ({count},), got shape {out.shape}"
        )
    values = np.percentile(out, q)
    return pd.Series(values, index=pd.Index(q, name="percentile"), name="value")
