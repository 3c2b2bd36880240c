r"""Owned hardware over time: what it is worth, what a run uses up, and dollars of another month.

Epoch AI's amortised method charges a run for the share of the cluster's value it uses up. The
value falls because newer hardware gives more FLOP/s per dollar; the cluster network comes on
top of the servers; and the result is converted to the dollars of one month by a price index.

- :func:`depreciated_value` -- value of hardware after a period of price-performance progress.
- :func:`depreciation_cost` -- value used up by a run of given GPU-hours.
- :func:`interconnect_cost` -- the cluster network, as a share of total cluster cost, on top of
  a hardware cost.
- :func:`inflation_adjusted_cost` -- a cost in the dollars of another month, by a price-index
  ratio.

The other parts of Epoch AI's methods are already formulas of :mod:`aicosts.formulas.costs`
(:func:`~aicosts.rental_cost`, :func:`~aicosts.energy_cost` with its server power factor,
:func:`~aicosts.acquisition_cost`) and :mod:`aicosts.formulas.compute`
(:func:`~aicosts.gpu_hours_for_wall_clock`: chips × hours). Money is USD, time years or hours as
named.
"""

from __future__ import annotations

import math

from aicosts._contract import NONNEGATIVE, POSITIVE, SHARE, ArrayLike, FloatOrArray, formula
from aicosts.formulas.costs import HOURS_PER_YEAR

__all__ = [
    "DAYS_PER_YEAR",
    "depreciated_value",
    "depreciation_cost",
    "inflation_adjusted_cost",
    "interconnect_cost",
]

#: Days in a (Julian) year, as in Epoch AI's code [day/yr].
DAYS_PER_YEAR = 365.25
_LN_10 = math.log(10.0)


@formula(usd_per_gpu=POSITIVE, years=NONNEGATIVE, oom_per_year=NONNEGATIVE)
def depreciated_value(
    usd_per_gpu: ArrayLike, years: ArrayLike, oom_per_year: ArrayLike
) -> FloatOrArray:
    r"""Value of hardware after a period in which price-performance improved exponentially.

    .. math:: v = p \cdot 10^{-r \, t}

    Parameters
    ----------
    usd_per_gpu : float or array-like
        Value when acquired, :math:`p` [USD/GPU] (a bare GPU price × server overhead, or a
        per-GPU share of a server).
    years : float or array-like
        Time since acquisition, :math:`t` ≥ 0 [yr].
    oom_per_year : float or array-like
        Improvement of hardware price-performance, :math:`r` ≥ 0 [OOM/yr]: orders of magnitude
        per year (Epoch AI: 0.14, :data:`~aicosts.EPOCH_PRICE_PERFORMANCE_OOM_PER_YEAR`).

    Returns
    -------
    float or ndarray or Series
        Value :math:`v` [USD/GPU].

    Notes
    -----
    Epoch AI's code values the hardware of a run at its training start this way [1]_: with
    FLOP/s per dollar growing by :math:`r` orders of magnitude a year, a GPU bought at
    :math:`p` is worth what the same FLOP/s cost later. Epoch counts :math:`t` in whole days
    ÷ 365.25 (:data:`DAYS_PER_YEAR`), from the acquisition date (the later of the price date
    and release + 90 days) to the training start. Excludes resale markets, scarcity premiums
    and wear.

    Examples
    --------
    GPT-4 in Epoch's rerun [1]_: a DGX A100 share of $24,875 per GPU, acquired 2020-08-12,
    valued at the training start 2022-05-12 (638 days later):

    >>> depreciated_value(24_875, 638 / DAYS_PER_YEAR, 0.14)
    14165.05473825...

    (Epoch's log prints the same value.)

    References
    ----------
    .. [1] Epoch AI, training-cost-trends, commit e13599f (2025), ``prices.py`` lines 342-352
       and ``model_costs.csv`` (``epochcode2025``).
    """
    value: FloatOrArray = usd_per_gpu * 10.0 ** (-oom_per_year * years)
    return value


@formula(gpu_hours=POSITIVE, usd_per_gpu=POSITIVE, oom_per_year=POSITIVE)
def depreciation_cost(
    gpu_hours: ArrayLike, usd_per_gpu: ArrayLike, oom_per_year: ArrayLike
) -> FloatOrArray:
    r"""Value of owned hardware used up by a run: its depreciation charge for the run's GPU-hours.

    .. math:: C_\mathrm{hw} = H \cdot v \, \frac{r \ln 10}{8766}

    Parameters
    ----------
    gpu_hours : float or array-like
        Accelerator time of the run, :math:`H` [GPU·h].
    usd_per_gpu : float or array-like
        Value of the hardware at the start of the run, :math:`v` [USD/GPU] (see
        :func:`depreciated_value`).
    oom_per_year : float or array-like
        Improvement of hardware price-performance, :math:`r` [OOM/yr] (Epoch AI: 0.14).

    Returns
    -------
    float or ndarray or Series
        Depreciation charge :math:`C_\mathrm{hw}` [USD].

    Notes
    -----
    A value that falls as :math:`v \, 10^{-r t}` loses :math:`r \ln 10 \cdot v` per year at
    the start; Epoch AI's code charges that rate, per hour of a 8766-hour year
    (:data:`~aicosts.formulas.costs.HOURS_PER_YEAR`), for every GPU-hour of the run [1]_. At
    :math:`r = 0.14` it is 32.2% of the value a year, the same as writing the hardware off
    linearly over 1 / (0.14 ln 10) ≈ 3.10 years
    (:data:`~aicosts.EPOCH_DEPRECIATION_LIFE_YEARS`, the ``life_years`` of
    :func:`~aicosts.amortized_ownership_cost`). Counts the hardware priced in :math:`v` only:
    the cluster network is :func:`interconnect_cost`, the electricity
    :func:`~aicosts.energy_cost`.

    Examples
    --------
    GPT-4 in Epoch's rerun [1]_: 57M A100-hours at a value of $14,165.05 per GPU, ≈ $0.52
    per GPU-hour (Epoch's hardware line before the network and energy):

    >>> depreciation_cost(57e6, 14165.054738257799, 0.14)
    29691720.987...
    >>> depreciation_cost(1, 14165.054738257799, 0.14)
    0.520907385745...

    References
    ----------
    .. [1] Epoch AI, training-cost-trends, commit e13599f (2025), ``cost.py`` lines 263-268
       (``epochcode2025``).
    """
    charge: FloatOrArray = gpu_hours * usd_per_gpu * (oom_per_year * _LN_10) / HOURS_PER_YEAR
    return charge


@formula(hardware_usd=NONNEGATIVE, interconnect_share=SHARE)
def interconnect_cost(hardware_usd: ArrayLike, interconnect_share: ArrayLike) -> FloatOrArray:
    r"""Cost of the cluster network, when it is a given share of the total cluster cost.

    .. math:: C_I = C_\mathrm{hw} \, \frac{s}{1 - s}

    Parameters
    ----------
    hardware_usd : float or array-like
        Cost of the servers (GPUs and the rest of each server), :math:`C_\mathrm{hw}` ≥ 0
        [USD].
    interconnect_share : float or array-like
        Cluster-level networking as a fraction of total cluster cost, :math:`s`, in [0, 1)
        [-] (Epoch AI: 0.19, :data:`~aicosts.EPOCH_INTERCONNECT_SHARE`).

    Returns
    -------
    float or ndarray or Series
        Interconnect cost :math:`C_I` [USD].

    Notes
    -----
    If the network is :math:`s` of the total, the servers are :math:`1 - s` of it, so the
    network is :math:`s / (1 - s)` of the servers: +23.5% at :math:`s = 0.19`. Epoch AI adds it
    to the hardware depreciation, not to the energy [1]_; server + network is
    :math:`C_\mathrm{hw} / (1 - s)`, the factor :func:`~aicosts.acquisition_cost` applies.

    Examples
    --------
    GPT-4 in Epoch's rerun [1]_: the network on top of $29.69M of A100 depreciation:

    >>> interconnect_cost(29691720.98749961, 0.19)
    6964724.676...

    References
    ----------
    .. [1] Epoch AI, training-cost-trends, commit e13599f (2025), ``cost.py`` line 270 and
       ``parameters.py`` line 5 (``epochcode2025``).
    """
    network: FloatOrArray = hardware_usd * interconnect_share / (1.0 - interconnect_share)
    return network


@formula(usd=NONNEGATIVE, price_index_from=POSITIVE, price_index_to=POSITIVE)
def inflation_adjusted_cost(
    usd: ArrayLike, price_index_from: ArrayLike, price_index_to: ArrayLike
) -> FloatOrArray:
    r"""Convert a cost to the dollars of another month by the ratio of a price index.

    .. math:: C' = C \cdot \frac{I_\mathrm{to}}{I_\mathrm{from}}

    Parameters
    ----------
    usd : float or array-like
        Cost in the dollars of the first month, :math:`C` ≥ 0 [USD].
    price_index_from : float or array-like
        Index value of the month the cost is in, :math:`I_\mathrm{from}` [index].
    price_index_to : float or array-like
        Index value of the target month, :math:`I_\mathrm{to}` [index].

    Returns
    -------
    float or ndarray or Series
        Cost :math:`C'` [USD of the target month].

    Notes
    -----
    The result is only as meaningful as the index. Epoch AI's code uses the US producer price
    index for data processing, hosting and related services (FRED series PCU518210518210), not
    the consumer price index, from the publication month of each model to a fixed month [1]_:
    December 2024 in ``model_costs.csv``, so those rows are December-2024 dollars, not "2023
    USD".

    Examples
    --------
    GPT-4's cloud cost in Epoch's rerun [1]_: 57M A100-hours × $1.36 in March-2023 dollars,
    to December 2024 (index 117.766 → 119.349), the published $78,562,016.88:

    >>> inflation_adjusted_cost(57e6 * 1.36, 117.766, 119.349)
    78562016.8809...

    References
    ----------
    .. [1] Epoch AI, training-cost-trends, commit e13599f (2025), ``inflation.py`` lines 4-13,
       ``data/PCU518210518210.csv`` and ``model_costs.csv`` line 25 (``epochcode2025``).
    """
    adjusted: FloatOrArray = usd * (price_index_to / price_index_from)
    return adjusted
