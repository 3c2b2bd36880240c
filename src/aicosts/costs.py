r"""What a training run or a fleet costs, under each way of counting.

The cost debate about DeepSeek-V3 is mostly a debate about *what is counted*. Each function
here is one accounting method and says exactly what it includes and excludes.

Per run (pure formulas; broadcast over numpy arrays and pandas Series):

- :func:`rental_cost` -- GPU-hours × rental price: DeepSeek's $5.576M is this.
- :func:`energy_cost` -- electricity of the accelerators for a run.
- :func:`acquisition_cost` -- upfront purchase of the cluster a run used (Epoch AI method 2).
- :func:`amortized_ownership_cost` -- depreciation of owned hardware over the run's duration
  plus energy (Epoch AI's "hardware capex + energy", cottier2024).
- :func:`development_cost` -- final run × a research/ablation multiplier + staff.

Fleet and time (pure formulas):

- :func:`hosting_cost` -- data-centre space billed per kW and month.
- :func:`staff_cost` -- headcount × salary × years.
- :func:`years_to_reach` -- years for an annual cost to add up to a total.

Composition (tables for the site; scalar inputs):

- :func:`fleet_tco` -- fleet total cost of ownership over N years as a labelled breakdown.
- :func:`cost_by_method` -- one row per accounting method for the same run.
- :func:`semianalysis_fleet_scenario` -- which assumptions reproduce SemiAnalysis's reported
  ~$1.6B capex and ~$944M operating cost for DeepSeek/High-Flyer's ~50,000-GPU fleet.

Constants: Epoch AI's method constants (``EPOCH_*``, grade B: from Epoch's code as reported
in ``sources.md``, "Epoch's method constants"), and the few aicosts assumptions the fleet
scenario needs (``SCENARIO_*``, grade C unless stated), each with its reasoning.
Money is USD (nominal, not inflation-adjusted), time hours or years as named, power watts or
kW as named, energy kWh.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from aicosts._validation import (
    ArrayLike,
    FloatArray,
    FloatOrArray,
    as_float,
    as_float_array,
    broadcast,
    check_choice,
    check_fraction,
    check_integer,
    check_positive,
    wrap,
)
from aicosts.figures import published_figure
from aicosts.hardware import GPU, get_gpu

__all__ = [
    "EIA_US_INDUSTRIAL_USD_PER_KWH_2023",
    "EPOCH_DEFAULT_MFU",
    "EPOCH_DEPRECIATION_LIFE_YEARS",
    "EPOCH_INTERCONNECT_SHARE",
    "EPOCH_LIFE_YEARS_HIGH",
    "EPOCH_LIFE_YEARS_LOW",
    "EPOCH_POWER_FRACTION_OF_TDP",
    "EPOCH_PRICE_PERFORMANCE_OOM_PER_YEAR",
    "EPOCH_PUE_HYPERSCALER",
    "EPOCH_PUE_OTHER",
    "EPOCH_SERVER_OVERHEAD_HIGH",
    "EPOCH_SERVER_OVERHEAD_LOW",
    "HOURS_PER_YEAR",
    "SCENARIO_H20_COUNT",
    "SCENARIO_HOSTING_USD_PER_KW_MONTH",
    "SCENARIO_STAFF_HEADCOUNT",
    "SCENARIO_YEARS",
    "FleetScenario",
    "acquisition_cost",
    "amortized_ownership_cost",
    "cost_by_method",
    "development_cost",
    "energy_cost",
    "fleet_tco",
    "hosting_cost",
    "rental_cost",
    "semianalysis_fleet_scenario",
    "staff_cost",
    "years_to_reach",
]

# --- Epoch AI's method constants (cottier2024; sources.md "Epoch's method constants", grade B) --

#: Hours in a (Julian) year, as in Epoch AI's code [h/yr].
HOURS_PER_YEAR = 365.25 * 24.0
#: Server cost ÷ GPU cost, low end (grade B, Epoch AI) [-].
EPOCH_SERVER_OVERHEAD_LOW = 1.54
#: Server cost ÷ GPU cost, high end (grade B, Epoch AI) [-].
EPOCH_SERVER_OVERHEAD_HIGH = 1.69
#: Cluster-level interconnect as a fraction of total cluster cost (grade B, Epoch AI) [-].
EPOCH_INTERCONNECT_SHARE = 0.19
#: Power usage effectiveness of hyperscaler data centres (grade B, Epoch AI) [-].
EPOCH_PUE_HYPERSCALER = 1.1
#: Power usage effectiveness of other data centres (grade B, Epoch AI) [-].
EPOCH_PUE_OTHER = 1.25
#: Average GPU power during training as a fraction of TDP (grade B, Epoch AI) [-].
EPOCH_POWER_FRACTION_OF_TDP = 0.75
#: Shortest hardware life Epoch AI considers (grade B) [yr].
EPOCH_LIFE_YEARS_LOW = 3.0
#: Longest hardware life Epoch AI considers (grade B) [yr].
EPOCH_LIFE_YEARS_HIGH = 5.0
#: Improvement of ML GPU price-performance, used by Epoch AI as the depreciation rate
#: (grade B) [orders of magnitude / yr].
EPOCH_PRICE_PERFORMANCE_OOM_PER_YEAR = 0.14
#: Epoch AI's utilisation when none is reported (grade B) [-].
EPOCH_DEFAULT_MFU = 0.375
#: Life equivalent to Epoch AI's depreciation: hardware value is written off at
#: 0.14·ln(10) ≈ 0.322 per year, i.e. over 1 / (0.14·ln 10) ≈ 3.10 years (grade C, derived
#: from the B constant above; within Epoch's 3–5-year range) [yr].
EPOCH_DEPRECIATION_LIFE_YEARS = 1.0 / (EPOCH_PRICE_PERFORMANCE_OOM_PER_YEAR * math.log(10.0))

#: Average US industrial electricity price in 2023: the value Epoch AI's code
#: (epoch-research/training-cost-trends, ``energy.py``, ``energy_price(2023)``) takes from the
#: US EIA's Electric Power Monthly. Grade B for the US; using it for a fleet in China is an
#: aicosts assumption (C) [USD/kWh].
EIA_US_INDUSTRIAL_USD_PER_KWH_2023 = 0.0806

# --- aicosts assumptions for the SemiAnalysis fleet scenario (grade C unless stated) ------------

#: H20 GPUs in the ~50,000-GPU fleet: 50,000 − 10,000 H800 − 10,000 H100. One reading of
#: SemiAnalysis's chart; no report states it (grade C, unverified) [GPU].
SCENARIO_H20_COUNT = 30_000
#: Period over which the ~$944M operating cost is read: one commentator reads the chart as a
#: 4-year total cost of ownership (unverified; grade C) [yr].
SCENARIO_YEARS = 4.0
#: Staff paid at the reported researcher salary. aicosts assumption (C): a round number chosen
#: for illustration, not sourced; :func:`semianalysis_fleet_scenario` also reports the
#: headcount the reported total implies, so the reader need not trust this one [person].
SCENARIO_STAFF_HEADCOUNT = 150
#: Colocation/hosting price. No source in sources.md gives one, so the scenario does not model
#: hosting (0); PUE already charges cooling energy. aicosts assumption (C) [USD/(kW·month)].
SCENARIO_HOSTING_USD_PER_KW_MONTH = 0.0

_MONTHS_PER_YEAR = 12.0
_WATTS_PER_KW = 1000.0


# --- private helpers ------------------------------------------------------------------------


def _check_at_least(name: str, value: Any, minimum: float) -> FloatArray:
    """Convert ``value`` and require every element ≥ ``minimum`` (e.g. PUE ≥ 1)."""
    arr = as_float_array(name, value)
    bad = arr < minimum
    if bad.any():
        if arr.ndim == 0:
            label, v = name, float(arr)
        else:
            idx = tuple(int(i) for i in np.argwhere(bad)[0])
            label = f"{name}[{', '.join(map(str, idx))}]"
            v = float(arr[idx])
        raise ValueError(f"{label} must be at least {minimum!r}, got {v!r}")
    return arr


def _check_share(name: str, value: Any) -> FloatArray:
    """Check a share of a total, which may be zero but not one: [0, 1)."""
    return check_fraction(name, value, low_inclusive=True, high_inclusive=False)


def _scalar(name: str, arr: FloatArray) -> float:
    """Require a checked value to be a scalar (for the table-building functions)."""
    if arr.ndim != 0:
        raise ValueError(f"{name} must be a single number here, got an array of shape {arr.shape}")
    return float(arr)


# --- per-run formulas -------------------------------------------------------------------------


def rental_cost(gpu_hours: ArrayLike, usd_per_gpu_hour: ArrayLike) -> FloatOrArray:
    r"""Cost of renting accelerators for a run.

    .. math:: C = H \cdot p

    Parameters
    ----------
    gpu_hours : float or array-like
        Accelerator time consumed, :math:`H` [GPU·h].
    usd_per_gpu_hour : float or array-like
        Rental price, :math:`p` [USD/(GPU·h)].

    Returns
    -------
    float or ndarray or Series
        Cost :math:`C` [USD].

    Notes
    -----
    Counts only the accelerator time of the run itself: no research runs, staff, or
    ownership. DeepSeek-V3's headline figure is exactly this quantity, at an assumed
    $2/GPU-hour [1]_; the caveat in the report excludes "prior research and ablation
    experiments". H100 rental ranged from $1.99–$3.49 at small clouds to $12.29 on demand at
    AWS (2023–2025, Epoch AI's price table) [2]_.

    Examples
    --------
    DeepSeek-V3, Table 1 of [1]_: 2.788M H800 GPU-hours at $2:

    >>> rental_cost(2.788e6, 2.0)
    5576000.0

    DeepSeek-R1's ≈ $294K (reconstruction of the Nature supplement, 147,336 GPU-hours) [3]_:

    >>> rental_cost(198 * 512 + 5_000 + 80 * 512, 2.0)
    294672.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    .. [2] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, Epoch AI price data (``cottier2024``).
    .. [3] DeepSeek-AI, "DeepSeek-R1", Nature 645, 633 (2025), supplementary information, as
       reported in the press (``deepseekr1``).
    """
    h = check_positive("gpu_hours", gpu_hours)
    p = check_positive("usd_per_gpu_hour", usd_per_gpu_hour)
    h, p = broadcast(gpu_hours=h, usd_per_gpu_hour=p)
    return wrap(h * p, gpu_hours, usd_per_gpu_hour)


def energy_cost(
    gpu_hours: ArrayLike,
    tdp_watts: ArrayLike,
    usd_per_kwh: ArrayLike,
    *,
    power_fraction_of_tdp: ArrayLike = EPOCH_POWER_FRACTION_OF_TDP,
    pue: ArrayLike = EPOCH_PUE_OTHER,
    server_power_factor: ArrayLike = 1.0,
) -> FloatOrArray:
    r"""Electricity cost of the accelerators for a run.

    .. math:: C_E = H \cdot \frac{W}{1000} \cdot f \cdot s \cdot \mathrm{PUE} \cdot e

    Parameters
    ----------
    gpu_hours : float or array-like
        Accelerator time, :math:`H` [GPU·h].
    tdp_watts : float or array-like
        Thermal design power of one GPU, :math:`W` [W].
    usd_per_kwh : float or array-like
        Electricity price, :math:`e` [USD/kWh]. No default: it depends on where the run is.
    power_fraction_of_tdp : float or array-like, optional
        Average draw as a fraction of TDP, :math:`f`, in (0, 1] [-]; default Epoch AI's 0.75.
    pue : float or array-like, optional
        Power usage effectiveness, :math:`\mathrm{PUE}` ≥ 1 [-]; default Epoch AI's 1.25 for
        non-hyperscalers (1.1 for hyperscalers: :data:`EPOCH_PUE_HYPERSCALER`).
    server_power_factor : float or array-like, optional
        Server power per GPU ÷ GPU power, :math:`s` ≥ 1 [-]. Default 1: GPUs only, as in
        ``sources.md``. Epoch AI's code uses the DGX ratio, e.g. (10.2 kW / 8) / 0.7 kW
        ≈ 1.82 for H100 servers; pass that to count CPUs, memory and NICs too.

    Returns
    -------
    float or ndarray or Series
        Energy cost :math:`C_E` [USD].

    Notes
    -----
    Includes the GPUs' (optionally the servers') electricity and, through PUE, cooling and
    power distribution. Excludes hardware, hosting and staff. Constants are Epoch AI's
    (grade B) [1]_.

    Examples
    --------
    DeepSeek-V3's 2.788M H800-hours (700 W TDP) [2]_ at the 2023 US industrial price of
    $0.0806/kWh (an assumption for China): energy is under 3% of the $5.576M rental figure.

    >>> energy_cost(2.788e6, 700, 0.0806)
    147467.775

    References
    ----------
    .. [1] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024, method constants (``cottier2024``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    """
    h = check_positive("gpu_hours", gpu_hours)
    w = check_positive("tdp_watts", tdp_watts)
    e = check_positive("usd_per_kwh", usd_per_kwh)
    f = check_fraction("power_fraction_of_tdp", power_fraction_of_tdp)
    u = _check_at_least("pue", pue, 1.0)
    s = _check_at_least("server_power_factor", server_power_factor, 1.0)
    h, w, e, f, u, s = broadcast(
        gpu_hours=h,
        tdp_watts=w,
        usd_per_kwh=e,
        power_fraction_of_tdp=f,
        pue=u,
        server_power_factor=s,
    )
    result = h * (w / _WATTS_PER_KW) * f * s * u * e
    return wrap(
        result,
        gpu_hours,
        tdp_watts,
        usd_per_kwh,
        power_fraction_of_tdp,
        pue,
        server_power_factor,
    )


def acquisition_cost(
    n_gpus: ArrayLike,
    usd_per_gpu: ArrayLike,
    *,
    server_overhead: ArrayLike = EPOCH_SERVER_OVERHEAD_LOW,
    interconnect_share: ArrayLike = EPOCH_INTERCONNECT_SHARE,
) -> FloatOrArray:
    r"""Upfront cost of buying the cluster a run used.

    .. math:: C_A = \frac{n \, p \, o}{1 - s}

    Parameters
    ----------
    n_gpus : int or array-like
        GPUs in the cluster, :math:`n` [GPU], a whole number ≥ 1.
    usd_per_gpu : float or array-like
        Purchase price of one GPU, :math:`p` [USD/GPU].
    server_overhead : float or array-like, optional
        Server cost ÷ GPU cost, :math:`o` ≥ 1 [-]; default Epoch AI's low end, 1.54
        (range 1.54–1.69).
    interconnect_share : float or array-like, optional
        Cluster-level networking as a fraction of total cluster cost, :math:`s`, in [0, 1)
        [-]; default Epoch AI's 0.19.

    Returns
    -------
    float or ndarray or Series
        Acquisition cost :math:`C_A` [USD].

    Notes
    -----
    Epoch AI's "hardware acquisition" method [1]_: includes GPUs, the rest of the servers
    and the cluster network. Excludes buildings, power, staff and the fact that the
    hardware outlives the run (see :func:`amortized_ownership_cost`). Setting ``s = 0``
    gives the server capex alone.

    Examples
    --------
    DeepSeek-V3's 2048 H800s at $33,800 (Epoch AI 2025 price) [2]_ [3]_, with Epoch's
    server overhead and interconnect share, about $132M (24 times the rental figure):

    >>> acquisition_cost(2048, 33_800)
    131608019.7...

    References
    ----------
    .. [1] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024 (``cottier2024``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §3.1
       (``deepseekv3``).
    .. [3] aicosts ``sources.md``, hardware table (H800 price, grade B).
    """
    n = check_integer("n_gpus", n_gpus)
    p = check_positive("usd_per_gpu", usd_per_gpu)
    o = _check_at_least("server_overhead", server_overhead, 1.0)
    s = _check_share("interconnect_share", interconnect_share)
    n, p, o, s = broadcast(n_gpus=n, usd_per_gpu=p, server_overhead=o, interconnect_share=s)
    return wrap(n * p * o / (1.0 - s), n_gpus, usd_per_gpu, server_overhead, interconnect_share)


def amortized_ownership_cost(
    gpu_hours: ArrayLike,
    usd_per_gpu: ArrayLike,
    tdp_watts: ArrayLike,
    usd_per_kwh: ArrayLike,
    *,
    server_overhead: ArrayLike = EPOCH_SERVER_OVERHEAD_LOW,
    interconnect_share: ArrayLike = EPOCH_INTERCONNECT_SHARE,
    life_years: ArrayLike = EPOCH_DEPRECIATION_LIFE_YEARS,
    power_fraction_of_tdp: ArrayLike = EPOCH_POWER_FRACTION_OF_TDP,
    pue: ArrayLike = EPOCH_PUE_OTHER,
    server_power_factor: ArrayLike = 1.0,
) -> FloatOrArray:
    r"""Amortised cost of owning the hardware for one run, plus its energy (Epoch AI method).

    .. math::

        C = H \, \frac{p \, o}{(1 - s) \, L \cdot 8766}
            + H \cdot \frac{W}{1000} \cdot f \cdot s_P \cdot \mathrm{PUE} \cdot e

    Parameters
    ----------
    gpu_hours : float or array-like
        Accelerator time of the run, :math:`H` [GPU·h] (GPUs × duration).
    usd_per_gpu : float or array-like
        Purchase price of one GPU, :math:`p` [USD/GPU].
    tdp_watts : float or array-like
        Thermal design power of one GPU, :math:`W` [W].
    usd_per_kwh : float or array-like
        Electricity price, :math:`e` [USD/kWh]; no default.
    server_overhead : float or array-like, optional
        Server cost ÷ GPU cost, :math:`o` ≥ 1 [-]; default 1.54 (Epoch: 1.54–1.69).
    interconnect_share : float or array-like, optional
        Networking share of cluster cost, :math:`s`, in [0, 1) [-]; default 0.19 (Epoch).
    life_years : float or array-like, optional
        Period over which the cluster is written off, :math:`L` [yr]; default
        :data:`EPOCH_DEPRECIATION_LIFE_YEARS` ≈ 3.10, the life equivalent to Epoch's
        depreciation at 0.14 orders of magnitude per year (Epoch considers 3–5 years).
    power_fraction_of_tdp : float or array-like, optional
        Average draw ÷ TDP, :math:`f`, in (0, 1] [-]; default 0.75 (Epoch).
    pue : float or array-like, optional
        Power usage effectiveness ≥ 1 [-]; default 1.25 (Epoch, non-hyperscaler).
    server_power_factor : float or array-like, optional
        Server power ÷ GPU power, :math:`s_P` ≥ 1 [-]; default 1 (GPUs only).

    Returns
    -------
    float or ndarray or Series
        Amortised ownership cost :math:`C` [USD].

    Notes
    -----
    Epoch AI's "amortised hardware capex + energy" method [1]_: the share of the cluster's
    value (GPUs × server overhead, plus cluster interconnect) used up during the run, linear
    in time over the life :math:`L` (8766 h/yr), plus the run's electricity
    (:func:`energy_cost`). Since cluster size × duration = GPU-hours, only GPU-hours enter.
    Excludes: research and ablation runs, idle time between runs, staff, buildings, financing
    and any resale value. Epoch applies the depreciation to the hardware's value at the start
    of training and adjusts to 2023 USD, so its published rows (e.g. $5.39M for DeepSeek-V3,
    $51.0M for Llama-3.1-405B) are not reproducible from the inputs here alone.

    Examples
    --------
    DeepSeek-V3's 2.788M H800-hours [2]_ at $33,800 per H800 and $0.0806/kWh (aicosts
    assumptions), with Epoch's constants: ≈ $6.7M, against $5.576M rented and Epoch's
    own $5.39M:

    >>> amortized_ownership_cost(2.788e6, 33_800, 700, 0.0806)
    6735981.1...

    References
    ----------
    .. [1] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024, and the method constants of its code (``cottier2024``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    """
    h = check_positive("gpu_hours", gpu_hours)
    p = check_positive("usd_per_gpu", usd_per_gpu)
    w = check_positive("tdp_watts", tdp_watts)
    e = check_positive("usd_per_kwh", usd_per_kwh)
    o = _check_at_least("server_overhead", server_overhead, 1.0)
    s = _check_share("interconnect_share", interconnect_share)
    life = check_positive("life_years", life_years)
    f = check_fraction("power_fraction_of_tdp", power_fraction_of_tdp)
    u = _check_at_least("pue", pue, 1.0)
    sp = _check_at_least("server_power_factor", server_power_factor, 1.0)
    h, p, w, e, o, s, life, f, u, sp = broadcast(
        gpu_hours=h,
        usd_per_gpu=p,
        tdp_watts=w,
        usd_per_kwh=e,
        server_overhead=o,
        interconnect_share=s,
        life_years=life,
        power_fraction_of_tdp=f,
        pue=u,
        server_power_factor=sp,
    )
    hardware = h * p * o / ((1.0 - s) * life * HOURS_PER_YEAR)
    energy = np.asarray(
        energy_cost(h, w, e, power_fraction_of_tdp=f, pue=u, server_power_factor=sp)
    )
    return wrap(
        hardware + energy,
        gpu_hours,
        usd_per_gpu,
        tdp_watts,
        usd_per_kwh,
        server_overhead,
        interconnect_share,
        life_years,
        power_fraction_of_tdp,
        pue,
        server_power_factor,
    )


def development_cost(
    final_run_cost: ArrayLike,
    *,
    research_multiplier: ArrayLike,
    staff_headcount: ArrayLike,
    usd_per_staff_year: ArrayLike,
    years: ArrayLike,
) -> FloatOrArray:
    r"""Cost of developing a model: all its compute, not just the final run, plus staff.

    .. math:: C_D = m \, C_\mathrm{final} + n \, w \, T

    Parameters
    ----------
    final_run_cost : float or array-like
        Cost of the final training run, :math:`C_\mathrm{final}` [USD], by whichever method
        (rental or amortised ownership).
    research_multiplier : float or array-like
        Total compute cost of the project ÷ final-run cost, :math:`m` ≥ 1 [-]: research,
        ablations, failed runs. Unknown for every lab; no default.
    staff_headcount : int or array-like
        People working on the model, :math:`n` ≥ 0 [person]; no default.
    usd_per_staff_year : float or array-like
        Fully loaded cost of one person for a year, :math:`w` [USD/(person·yr)]; no default.
    years : float or array-like
        Duration of the project, :math:`T` [yr]; no default.

    Returns
    -------
    float or ndarray or Series
        Development cost :math:`C_D` [USD].

    Notes
    -----
    Epoch AI's third method ("full development cost") [1]_: for GPT-4 and Gemini Ultra they
    find hardware 47–67% of development cost, R&D staff 29–49%, energy 2–6%. Every input is
    an explicit parameter because no lab publishes them; the DeepSeek-V3 report explicitly
    excludes "prior research and ablation experiments" from its $5.576M [2]_. Excludes the
    fleet's idle capacity and non-model business costs.

    Examples
    --------
    DeepSeek-V3's $5.576M [2]_ with, purely for illustration, research compute equal to
    three final runs and 150 people for a year at the "more than $1.3 million" reported
    for DeepSeek's researchers [3]_:

    >>> development_cost(5.576e6, research_multiplier=4, staff_headcount=150,
    ...                  usd_per_staff_year=1.3e6, years=1)
    217304000.0

    References
    ----------
    .. [1] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024 (``cottier2024``).
    .. [2] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, §1 p.5
       (``deepseekv3``).
    .. [3] D. Patel et al., "DeepSeek Debates", SemiAnalysis, 31 Jan 2025, as reported in
       the press (``semianalysis2025``).
    """
    c = check_positive("final_run_cost", final_run_cost)
    m = _check_at_least("research_multiplier", research_multiplier, 1.0)
    n = check_integer("staff_headcount", staff_headcount, minimum=0)
    w = check_positive("usd_per_staff_year", usd_per_staff_year)
    t = check_positive("years", years)
    c, m, n, w, t = broadcast(
        final_run_cost=c,
        research_multiplier=m,
        staff_headcount=n,
        usd_per_staff_year=w,
        years=t,
    )
    return wrap(
        c * m + n * w * t,
        final_run_cost,
        research_multiplier,
        staff_headcount,
        usd_per_staff_year,
        years,
    )


def hosting_cost(it_kw: ArrayLike, years: ArrayLike, usd_per_kw_month: ArrayLike) -> FloatOrArray:
    r"""Data-centre hosting (colocation) billed per provisioned kW and month.

    .. math:: C_H = P_\mathrm{IT} \cdot 12 \, T \cdot h

    Parameters
    ----------
    it_kw : float or array-like
        Provisioned IT power, :math:`P_\mathrm{IT}` [kW].
    years : float or array-like
        Period, :math:`T` [yr].
    usd_per_kw_month : float or array-like
        Hosting price, :math:`h` ≥ 0 [USD/(kW·month)]; zero means not modelled.

    Returns
    -------
    float or ndarray or Series
        Hosting cost :math:`C_H` [USD].

    Notes
    -----
    Space, power delivery and cooling capacity as a landlord bills them; the electricity
    itself is :func:`energy_cost`. No hosting price is in ``sources.md`` [1]_, so every
    caller must supply one.

    Examples
    --------
    A hypothetical 1 MW for one year at $100/(kW·month):

    >>> hosting_cost(1000, 1, 100)
    1200000.0

    References
    ----------
    .. [1] aicosts ``sources.md`` (no hosting price is sourced; the caller supplies it).
    """
    p = check_positive("it_kw", it_kw)
    t = check_positive("years", years)
    h = check_positive("usd_per_kw_month", usd_per_kw_month, allow_zero=True)
    p, t, h = broadcast(it_kw=p, years=t, usd_per_kw_month=h)
    return wrap(p * _MONTHS_PER_YEAR * t * h, it_kw, years, usd_per_kw_month)


def staff_cost(
    staff_headcount: ArrayLike, usd_per_staff_year: ArrayLike, years: ArrayLike
) -> FloatOrArray:
    r"""Cost of a team over a period.

    .. math:: C_S = n \, w \, T

    Parameters
    ----------
    staff_headcount : int or array-like
        People, :math:`n` ≥ 0 [person].
    usd_per_staff_year : float or array-like
        Cost of one person for a year, :math:`w` [USD/(person·yr)].
    years : float or array-like
        Period, :math:`T` [yr].

    Returns
    -------
    float or ndarray or Series
        Staff cost :math:`C_S` [USD].

    Notes
    -----
    Salary as given; whether it is "fully loaded" (taxes, benefits, equity) depends on the
    source. SemiAnalysis reports DeepSeek's AI researchers "pulling in more than $1.3
    million annually" [1]_, a figure for researchers, not every employee.

    Examples
    --------
    One researcher-year at the reported $1.3M [1]_:

    >>> staff_cost(1, 1.3e6, 1)
    1300000.0

    References
    ----------
    .. [1] D. Patel et al., "DeepSeek Debates", SemiAnalysis, 31 Jan 2025, as reported in
       the press (``semianalysis2025``).
    """
    n = check_integer("staff_headcount", staff_headcount, minimum=0)
    w = check_positive("usd_per_staff_year", usd_per_staff_year)
    t = check_positive("years", years)
    n, w, t = broadcast(staff_headcount=n, usd_per_staff_year=w, years=t)
    return wrap(n * w * t, staff_headcount, usd_per_staff_year, years)


def years_to_reach(total_usd: ArrayLike, usd_per_year: ArrayLike) -> FloatOrArray:
    r"""Years for a steady annual cost to add up to a total.

    .. math:: T = \frac{C}{c}

    Parameters
    ----------
    total_usd : float or array-like
        The total, :math:`C` [USD].
    usd_per_year : float or array-like
        The annual cost, :math:`c` [USD/yr].

    Returns
    -------
    float or ndarray or Series
        Period :math:`T` [yr].

    Notes
    -----
    Used to ask over which period a reported total (SemiAnalysis's ~$944M operating cost,
    whose period no report states [1]_) is plausible.

    Examples
    --------
    $944M at $236M a year is the 4-year reading:

    >>> years_to_reach(944e6, 236e6)
    4.0

    References
    ----------
    .. [1] D. Patel et al., "DeepSeek Debates", SemiAnalysis, 31 Jan 2025, as reported in
       the press (``semianalysis2025``).
    """
    c = check_positive("total_usd", total_usd)
    a = check_positive("usd_per_year", usd_per_year)
    c, a = broadcast(total_usd=c, usd_per_year=a)
    return wrap(c / a, total_usd, usd_per_year)


# --- composition ------------------------------------------------------------------------------


def _resolve_prices(
    counts: Mapping[str, int],
    price: str,
    usd_per_gpu: Mapping[str, float] | None,
) -> tuple[list[GPU], list[float], list[float]]:
    """Resolve GPU names, counts and unit prices for :func:`fleet_tco`."""
    if not isinstance(counts, Mapping) or not counts:
        raise TypeError(
            f"gpu_counts must be a non-empty mapping of GPU name to count, got {counts!r}"
        )
    which = check_choice("price", price, ["low", "central", "high"])
    overrides: dict[str, float] = {}
    for name, value in (usd_per_gpu or {}).items():
        overrides[get_gpu(name).name] = _scalar(
            f"usd_per_gpu[{name!r}]", check_positive(f"usd_per_gpu[{name!r}]", value)
        )
    gpus: list[GPU] = []
    n: list[float] = []
    p: list[float] = []
    for name, count in counts.items():
        gpu = get_gpu(name)
        if gpu in gpus:
            raise ValueError(f"gpu_counts names {gpu.name!r} twice (as {name!r})")
        gpus.append(gpu)
        n.append(_scalar(f"gpu_counts[{name!r}]", check_integer(f"gpu_counts[{name!r}]", count)))
        default = {"low": gpu.usd_price_low, "central": gpu.usd_price, "high": gpu.usd_price_high}
        p.append(overrides.get(gpu.name, default[which]))
    unused = set(overrides) - {g.name for g in gpus}
    if unused:
        raise ValueError(f"usd_per_gpu prices GPUs not in gpu_counts: {sorted(unused)!r}")
    return gpus, n, p


def fleet_tco(
    gpu_counts: Mapping[str, int],
    *,
    years: float,
    usd_per_kwh: float,
    hosting_usd_per_kw_month: float,
    staff_headcount: int,
    usd_per_staff_year: float,
    price: str = "central",
    usd_per_gpu: Mapping[str, float] | None = None,
    server_overhead: float = EPOCH_SERVER_OVERHEAD_LOW,
    interconnect_share: float = EPOCH_INTERCONNECT_SHARE,
    power_fraction_of_tdp: float = EPOCH_POWER_FRACTION_OF_TDP,
    pue: float = EPOCH_PUE_OTHER,
    server_power_factor: float = 1.0,
) -> pd.DataFrame:
    r"""Total cost of owning and running a GPU fleet for a number of years, itemised.

    .. math::

        \mathrm{TCO} = \underbrace{\textstyle\sum_g n_g p_g \cdot o / (1 - s)}_{\text{capex}}
          + \underbrace{E \, e + P_\mathrm{IT} \cdot 12\,T\,h + n_S \, w \, T}_{\text{opex}},
        \quad E = \textstyle\sum_g n_g \frac{W_g}{1000} f \, s_P \, \mathrm{PUE} \cdot 8766\,T

    Parameters
    ----------
    gpu_counts : Mapping[str, int]
        GPU name (any spelling :func:`~aicosts.hardware.get_gpu` accepts) → count [GPU].
    years : float
        Period, :math:`T` [yr]; capex is counted once, opex for every year.
    usd_per_kwh : float
        Electricity price, :math:`e` [USD/kWh]; no default.
    hosting_usd_per_kw_month : float
        Hosting price on provisioned IT power, :math:`h` ≥ 0 [USD/(kW·month)]; no default
        (pass 0 to leave hosting out, and say so).
    staff_headcount : int
        People, :math:`n_S` ≥ 0 [person]; no default.
    usd_per_staff_year : float
        Cost per person-year, :math:`w` [USD/(person·yr)]; no default.
    price : {"low", "central", "high"}, optional
        Which catalogue price to use for each GPU [-]; default ``"central"``.
    usd_per_gpu : Mapping[str, float], optional
        Per-GPU price overrides, name → price [USD/GPU].
    server_overhead : float, optional
        Server cost ÷ GPU cost, :math:`o` ≥ 1 [-]; default 1.54 (Epoch: 1.54–1.69).
    interconnect_share : float, optional
        Networking share of cluster cost, :math:`s`, in [0, 1) [-]; default 0.19 (Epoch).
    power_fraction_of_tdp : float, optional
        Average draw ÷ TDP, :math:`f` [-]; default 0.75 (Epoch).
    pue : float, optional
        Power usage effectiveness ≥ 1 [-]; default 1.25 (Epoch, non-hyperscaler).
    server_power_factor : float, optional
        Server power ÷ GPU power, :math:`s_P` ≥ 1 [-]; default 1 (GPUs only).

    Returns
    -------
    DataFrame
        Indexed by ``item``: one row per GPU type (``"GPUs: <name>"``), ``"servers (non-GPU
        parts)"``, ``"cluster networking"``, ``"power"``, ``"hosting"``, ``"staff"`` and
        ``"total"``. Columns: ``category`` (``"capex"``, ``"opex"`` or ``"total"``),
        ``quantity`` and ``unit`` (GPU; USD of GPUs; USD of servers; kWh; kW·month;
        person·yr), ``usd_per_unit`` [USD per unit] and ``usd`` [USD].

    Notes
    -----
    Includes purchase of GPUs, servers and networking (once, not depreciated: this is cash
    over the period), electricity at average draw, hosting on provisioned power (TDP ×
    server power factor) and staff. Excludes buildings bought outright, financing, software,
    data, and resale value. Inputs are scalars: this builds a table; use the per-item
    formulas (:func:`acquisition_cost`, :func:`energy_cost`, :func:`hosting_cost`,
    :func:`staff_cost`) to sweep parameters. Constants are Epoch AI's [1]_.

    Examples
    --------
    SemiAnalysis's fleet [2]_ (H20 count unverified) at catalogue prices: the GPUs and
    servers come to ≈ $1.59B, the ~$1.6B reported "server capex":

    >>> tco = fleet_tco({"H800": 10_000, "H100": 10_000, "H20": 30_000}, years=4,
    ...                 usd_per_kwh=0.0806, hosting_usd_per_kw_month=0,
    ...                 staff_headcount=150, usd_per_staff_year=1.3e6)
    >>> float(tco.loc[tco.index.str.startswith(("GPUs", "servers")), "usd"].sum())
    1594670000.0

    References
    ----------
    .. [1] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024, method constants (``cottier2024``).
    .. [2] D. Patel et al., "DeepSeek Debates", SemiAnalysis, 31 Jan 2025, as reported in
       the press (``semianalysis2025``).
    """
    t = _scalar("years", check_positive("years", years))
    e = _scalar("usd_per_kwh", check_positive("usd_per_kwh", usd_per_kwh))
    h = _scalar(
        "hosting_usd_per_kw_month",
        check_positive("hosting_usd_per_kw_month", hosting_usd_per_kw_month, allow_zero=True),
    )
    n_staff = _scalar(
        "staff_headcount", check_integer("staff_headcount", staff_headcount, minimum=0)
    )
    w = _scalar("usd_per_staff_year", check_positive("usd_per_staff_year", usd_per_staff_year))
    o = _scalar("server_overhead", _check_at_least("server_overhead", server_overhead, 1.0))
    s = _scalar("interconnect_share", _check_share("interconnect_share", interconnect_share))
    f = _scalar(
        "power_fraction_of_tdp", check_fraction("power_fraction_of_tdp", power_fraction_of_tdp)
    )
    u = _scalar("pue", _check_at_least("pue", pue, 1.0))
    sp = _scalar(
        "server_power_factor", _check_at_least("server_power_factor", server_power_factor, 1.0)
    )
    gpus, counts, prices = _resolve_prices(gpu_counts, price, usd_per_gpu)

    n = np.array(counts)
    p = np.array(prices)
    tdp = np.array([g.tdp_watts for g in gpus])
    gpu_usd = n * p
    gpu_total = float(gpu_usd.sum())
    servers = gpu_total * (o - 1.0)
    server_capex = gpu_total + servers
    networking = server_capex * s / (1.0 - s)
    kwh = float((n * tdp / _WATTS_PER_KW).sum()) * f * sp * u * HOURS_PER_YEAR * t
    it_kw = float((n * tdp / _WATTS_PER_KW).sum()) * sp
    kw_months = it_kw * _MONTHS_PER_YEAR * t
    person_years = n_staff * t

    rows: list[tuple[str, str, float, str, float, float]] = [
        (f"GPUs: {g.name}", "capex", c, "GPU", pr, c * pr)
        for g, c, pr in zip(gpus, counts, prices, strict=True)
    ]
    rows += [
        ("servers (non-GPU parts)", "capex", gpu_total, "USD of GPUs", o - 1.0, servers),
        ("cluster networking", "capex", server_capex, "USD of servers", s / (1.0 - s), networking),
        ("power", "opex", kwh, "kWh", e, kwh * e),
        ("hosting", "opex", kw_months, "kW·month", h, kw_months * h),
        ("staff", "opex", person_years, "person·yr", w, person_years * w),
    ]
    total = sum(r[5] for r in rows)
    rows.append(("total", "total", np.nan, "", np.nan, total))
    frame = pd.DataFrame(
        rows, columns=["item", "category", "quantity", "unit", "usd_per_unit", "usd"]
    )
    return frame.set_index("item")


_METHOD_TEXT: dict[str, tuple[str, str]] = {
    "final-run rental": (
        "GPU-hours of the final run × rental price",
        "research and ablation runs, staff, ownership, data",
    ),
    "amortised ownership": (
        "share of GPU + server + network value used during the final run, and its energy",
        "research and ablation runs, idle fleet time, staff, buildings, financing",
    ),
    "development": (
        "final-run rental × research multiplier, plus staff × salary × years",
        "fleet capacity not used for this model, non-model business costs",
    ),
    "fleet capex": (
        "purchase of all fleet GPUs, servers and networking",
        "opex; the share of the fleet used by other work (trading, inference, research)",
    ),
    "fleet opex": (
        "fleet power, hosting and staff over the period",
        "capex; how the fleet's time is split between projects",
    ),
}


def cost_by_method(
    gpu_hours: float,
    usd_per_gpu_hour: float,
    *,
    gpu: str | GPU,
    usd_per_kwh: float,
    research_multiplier: float,
    staff_headcount: int,
    usd_per_staff_year: float,
    staff_years: float,
    fleet: pd.DataFrame | None = None,
    server_overhead: float = EPOCH_SERVER_OVERHEAD_LOW,
    interconnect_share: float = EPOCH_INTERCONNECT_SHARE,
    life_years: float = EPOCH_DEPRECIATION_LIFE_YEARS,
    power_fraction_of_tdp: float = EPOCH_POWER_FRACTION_OF_TDP,
    pue: float = EPOCH_PUE_OTHER,
) -> pd.DataFrame:
    r"""Cost of the same model under each accounting method, side by side.

    .. math:: C_\mathrm{rental} = H p, \quad C_\mathrm{own}, \quad
              C_D = m \, C_\mathrm{rental} + n \, w \, T, \quad
              C_\mathrm{capex}, \quad C_\mathrm{opex}

    Parameters
    ----------
    gpu_hours : float
        GPU-hours of the final run, :math:`H` [GPU·h].
    usd_per_gpu_hour : float
        Rental price, :math:`p` [USD/(GPU·h)].
    gpu : str or GPU
        Accelerator, for its price and TDP (central catalogue price) [-].
    usd_per_kwh : float
        Electricity price [USD/kWh].
    research_multiplier : float
        Total compute ÷ final-run compute, :math:`m` ≥ 1 [-].
    staff_headcount : int
        People, :math:`n` [person].
    usd_per_staff_year : float
        Cost per person-year, :math:`w` [USD/(person·yr)].
    staff_years : float
        Project duration, :math:`T` [yr].
    fleet : DataFrame, optional
        A :func:`fleet_tco` breakdown [USD]; adds the ``"fleet capex"`` and ``"fleet opex"``
        rows.
    server_overhead : float, optional
        Server cost ÷ GPU cost ≥ 1 [-]; default 1.54 (Epoch).
    interconnect_share : float, optional
        Networking share of cluster cost, in [0, 1) [-]; default 0.19 (Epoch).
    life_years : float, optional
        Write-off period [yr]; default ≈ 3.10 (Epoch's depreciation rate).
    power_fraction_of_tdp : float, optional
        Average draw ÷ TDP [-]; default 0.75 (Epoch).
    pue : float, optional
        Power usage effectiveness ≥ 1 [-]; default 1.25 (Epoch, non-hyperscaler).

    Returns
    -------
    DataFrame
        One row per method: ``method`` [-], ``usd`` [USD], ``includes`` [-], ``excludes``
        [-]. Rows: final-run rental, amortised ownership, development, and (with ``fleet``)
        fleet capex and fleet opex.

    Notes
    -----
    A thin layer over :func:`rental_cost`, :func:`amortized_ownership_cost`,
    :func:`development_cost` and :func:`fleet_tco`; the development row is built on the
    rental figure. The five numbers answer five different questions and must not be
    compared as if they measured the same thing [1]_ [2]_.

    Examples
    --------
    DeepSeek-V3's final run [1]_, first row = the headline $5.576M:

    >>> t = cost_by_method(2.788e6, 2.0, gpu="H800", usd_per_kwh=0.0806,
    ...                    research_multiplier=4, staff_headcount=150,
    ...                    usd_per_staff_year=1.3e6, staff_years=1)
    >>> float(t.loc[0, "usd"])
    5576000.0

    References
    ----------
    .. [1] DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv:2412.19437, 2024, Table 1
       (``deepseekv3``).
    .. [2] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024 (``cottier2024``).
    """
    for name, value in (
        ("gpu_hours", gpu_hours),
        ("usd_per_gpu_hour", usd_per_gpu_hour),
        ("usd_per_kwh", usd_per_kwh),
        ("research_multiplier", research_multiplier),
        ("staff_headcount", staff_headcount),
        ("usd_per_staff_year", usd_per_staff_year),
        ("staff_years", staff_years),
        ("server_overhead", server_overhead),
        ("interconnect_share", interconnect_share),
        ("life_years", life_years),
        ("power_fraction_of_tdp", power_fraction_of_tdp),
        ("pue", pue),
    ):
        _scalar(name, as_float_array(name, value))
    g = gpu if isinstance(gpu, GPU) else get_gpu(gpu)
    rental = as_float(rental_cost(gpu_hours, usd_per_gpu_hour))
    owned = as_float(
        amortized_ownership_cost(
            gpu_hours,
            g.usd_price,
            g.tdp_watts,
            usd_per_kwh,
            server_overhead=server_overhead,
            interconnect_share=interconnect_share,
            life_years=life_years,
            power_fraction_of_tdp=power_fraction_of_tdp,
            pue=pue,
        )
    )
    dev = as_float(
        development_cost(
            rental,
            research_multiplier=research_multiplier,
            staff_headcount=staff_headcount,
            usd_per_staff_year=usd_per_staff_year,
            years=staff_years,
        )
    )
    values: dict[str, float] = {
        "final-run rental": rental,
        "amortised ownership": owned,
        "development": dev,
    }
    if fleet is not None:
        if not isinstance(fleet, pd.DataFrame) or not {"category", "usd"} <= set(fleet.columns):
            raise TypeError("fleet must be a DataFrame returned by fleet_tco")
        values["fleet capex"] = float(fleet.loc[fleet["category"] == "capex", "usd"].sum())
        values["fleet opex"] = float(fleet.loc[fleet["category"] == "opex", "usd"].sum())
    return pd.DataFrame(
        [
            {
                "method": m,
                "usd": v,
                "includes": _METHOD_TEXT[m][0],
                "excludes": _METHOD_TEXT[m][1],
            }
            for m, v in values.items()
        ]
    )


@dataclass(frozen=True)
class FleetScenario:
    r"""Inputs and results of :func:`semianalysis_fleet_scenario`.

    Attributes
    ----------
    inputs : DataFrame
        One row per assumption: ``value``, ``unit``, ``grade`` (A/B/C) and ``source``.
    breakdown : DataFrame
        The :func:`fleet_tco` table over ``years``.
    server_capex_usd : float
        GPUs + servers, comparable to the reported ~$1.6B "server capex" [USD].
    reported_capex_usd : float
        SemiAnalysis's ~$1.6B (grade B) [USD].
    annual_opex : Series
        ``power``, ``hosting``, ``staff`` and ``total`` per year [USD/yr].
    reported_opex_usd : float
        SemiAnalysis's ~$944M (grade B) [USD].
    years_to_reported_opex : float
        Years of ``annual_opex["total"]`` that add up to the $944M [yr].
    years_of_power_to_reported_opex : float
        The same with power alone [yr].
    implied_staff_headcount : float
        Headcount at the given salary that makes power + hosting + staff over ``years``
        equal $944M [person].
    """

    inputs: pd.DataFrame
    breakdown: pd.DataFrame
    server_capex_usd: float
    reported_capex_usd: float
    annual_opex: pd.Series
    reported_opex_usd: float
    years_to_reported_opex: float
    years_of_power_to_reported_opex: float
    implied_staff_headcount: float


def semianalysis_fleet_scenario(
    *,
    h20_count: int = SCENARIO_H20_COUNT,
    years: float = SCENARIO_YEARS,
    staff_headcount: int = SCENARIO_STAFF_HEADCOUNT,
    usd_per_staff_year: float | None = None,
    usd_per_kwh: float = EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
    hosting_usd_per_kw_month: float = SCENARIO_HOSTING_USD_PER_KW_MONTH,
    server_overhead: float = EPOCH_SERVER_OVERHEAD_LOW,
    interconnect_share: float = EPOCH_INTERCONNECT_SHARE,
    pue: float = EPOCH_PUE_OTHER,
    power_fraction_of_tdp: float = EPOCH_POWER_FRACTION_OF_TDP,
) -> FleetScenario:
    r"""Which assumptions reproduce SemiAnalysis's ~$1.6B capex and ~$944M operating cost.

    .. math::

        \text{capex} = o \sum_g n_g p_g, \qquad
        T_{944} = \frac{\$944\mathrm{M}}{E\,e + P_\mathrm{IT}\,12\,h + n_S\,w}

    Parameters
    ----------
    h20_count : int, optional
        H20s in the fleet [GPU]; default 30,000 = 50,000 − 10,000 − 10,000 (C, unverified).
    years : float, optional
        Period for the breakdown and the implied headcount [yr]; default 4 (one
        commentator's reading of the chart as a 4-year TCO; unverified).
    staff_headcount : int, optional
        People [person]; default 150 (aicosts assumption, C, for illustration).
    usd_per_staff_year : float, optional
        Cost per person-year [USD/(person·yr)]; default the reported "more than $1.3
        million" for AI researchers (B), read from the published-figures table.
    usd_per_kwh : float, optional
        Electricity [USD/kWh]; default $0.0806, the 2023 US industrial average (EIA, as used
        by Epoch AI); applying it to China is an aicosts assumption (C).
    hosting_usd_per_kw_month : float, optional
        Hosting [USD/(kW·month)]; default 0 (not modelled: no sourced price; C).
    server_overhead : float, optional
        Server cost ÷ GPU cost [-]; default Epoch's low end, 1.54 (B).
    interconnect_share : float, optional
        Networking share of cluster cost [-]; default Epoch's 0.19 (B).
    pue : float, optional
        Power usage effectiveness [-]; default Epoch's 1.25 for non-hyperscalers (B).
    power_fraction_of_tdp : float, optional
        Average draw ÷ TDP [-]; default Epoch's 0.75 (B).

    Returns
    -------
    FleetScenario
        Inputs with grades, the fleet breakdown, and the comparisons with the reported
        figures.

    Notes
    -----
    **Capex.** 10,000 H800 × $33,800 + 10,000 H100 × $33,750 + 30,000 H20 × $12,000 =
    $1.0355B of GPUs; × Epoch's low server overhead 1.54 = $1.595B ≈ the reported ~$1.6B
    [1]_ [2]_. The reported figure is "server capex", so it matches *without* the cluster
    network: adding Epoch's 19% interconnect share would give ≈ $1.97B, and the high
    overhead 1.69 alone ≈ $1.75B. The match therefore supports reading $1.6B as GPUs plus
    servers at list prices with the unverified 30,000 H20s.

    **Operating cost.** The fleet's 26 MW of TDP at 75% draw and PUE 1.25 uses ≈ 214 GWh a
    year, ≈ $17M at $0.0806/kWh: power alone would take ≈ 55 years to reach $944M, so the
    figure cannot be a year of power, or of power and any plausible hosting. It needs staff:
    at the reported $1.3M per person-year, 150 people add $195M a year and the $944M is
    reached in ≈ 4.4 years; for exactly 4 years (the commentator's reading) ≈ 168 people
    at $1.3M are needed. So $944M is plausible as a multi-year (≈ 4-year) total that
    includes a researcher payroll of ~$200M a year, and implausible as annual opex. All of
    this rests on grade-C assumptions (H20 count, electricity price, headcount, no hosting)
    listed in ``inputs``.

    Examples
    --------
    >>> sc = semianalysis_fleet_scenario()
    >>> round(sc.server_capex_usd / 1e9, 2), sc.reported_capex_usd / 1e9
    (1.59, 1.6)
    >>> round(sc.years_to_reported_opex, 1), round(sc.implied_staff_headcount)
    (4.4, 168)

    References
    ----------
    .. [1] D. Patel et al., "DeepSeek Debates: Chinese Leadership On Cost, True Training Cost,
       Closed Model Margin Impacts", SemiAnalysis, 31 Jan 2025, as reported by CNBC, Tom's
       Hardware and others (``semianalysis2025``).
    .. [2] B. Cottier et al., "The rising costs of training frontier AI models",
       arXiv:2405.21015, 2024, method constants (``cottier2024``).
    """
    salary = (
        published_figure("semianalysis_researcher_usd_per_year")
        if usd_per_staff_year is None
        else usd_per_staff_year
    )
    counts = {
        "H800": int(published_figure("semianalysis_h800_gpus")),
        "H100": int(published_figure("semianalysis_h100_gpus")),
        "H20": h20_count,
    }
    breakdown = fleet_tco(
        counts,
        years=years,
        usd_per_kwh=usd_per_kwh,
        hosting_usd_per_kw_month=hosting_usd_per_kw_month,
        staff_headcount=staff_headcount,
        usd_per_staff_year=salary,
        server_overhead=server_overhead,
        interconnect_share=interconnect_share,
        pue=pue,
        power_fraction_of_tdp=power_fraction_of_tdp,
    )
    usd = breakdown["usd"]
    server_capex = float(usd[usd.index.str.startswith(("GPUs: ", "servers"))].sum())
    annual = pd.Series(
        {
            "power": float(usd["power"]) / years,
            "hosting": float(usd["hosting"]) / years,
            "staff": float(usd["staff"]) / years,
        },
        name="usd_per_year",
    )
    annual["total"] = float(annual.sum())
    reported_capex = published_figure("semianalysis_server_capex_usd")
    reported_opex = published_figure("semianalysis_operating_cost_usd")
    non_staff = float(annual["power"] + annual["hosting"])
    implied = (reported_opex / years - non_staff) / salary
    if implied < 0:
        raise ValueError(
            f"years={years!r} is too long: power and hosting alone exceed the reported "
            f"${reported_opex:,.0f} over that period, so no headcount reproduces it"
        )

    gpus = {g: get_gpu(g) for g in counts}
    inputs = pd.DataFrame(
        [
            ("H800 GPUs", counts["H800"], "GPU", "B", "semianalysis2025 (press reports)"),
            ("H100 GPUs", counts["H100"], "GPU", "B", "semianalysis2025 (press reports)"),
            (
                "H20 GPUs",
                h20_count,
                "GPU",
                "C",
                "50,000 − 10,000 − 10,000; one reading of the chart, unverified",
            ),
            *[
                (f"{g.name} price", g.usd_price, "USD/GPU", "B", g.sources["usd_price"])
                for g in gpus.values()
            ],
            ("server overhead", server_overhead, "-", "B", "cottier2024, Epoch constants"),
            ("interconnect share", interconnect_share, "-", "B", "cottier2024, Epoch constants"),
            ("PUE", pue, "-", "B", "cottier2024, Epoch constants (non-hyperscaler)"),
            ("power fraction of TDP", power_fraction_of_tdp, "-", "B", "cottier2024"),
            (
                "electricity price",
                usd_per_kwh,
                "USD/kWh",
                "C",
                "2023 US industrial average (EIA via Epoch AI code) applied to China",
            ),
            (
                "hosting price",
                hosting_usd_per_kw_month,
                "USD/(kW·month)",
                "C",
                "not modelled: no sourced price",
            ),
            (
                "staff headcount",
                staff_headcount,
                "person",
                "C",
                "aicosts assumption for illustration",
            ),
            (
                "cost per person-year",
                salary,
                "USD/(person·yr)",
                "B",
                "semianalysis2025: researchers 'more than $1.3 million annually'",
            ),
            ("period", years, "yr", "C", "one commentator's 4-year TCO reading, unverified"),
        ],
        columns=["parameter", "value", "unit", "grade", "source"],
    ).set_index("parameter")
    return FleetScenario(
        inputs=inputs,
        breakdown=breakdown,
        server_capex_usd=server_capex,
        reported_capex_usd=reported_capex,
        annual_opex=annual,
        reported_opex_usd=reported_opex,
        years_to_reported_opex=as_float(years_to_reach(reported_opex, float(annual["total"]))),
        years_of_power_to_reported_opex=as_float(
            years_to_reach(reported_opex, float(annual["power"]))
        ),
        implied_staff_headcount=implied,
    )
