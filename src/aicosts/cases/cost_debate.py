r"""Case study: the cost debate, DeepSeek-V3's $5.576M against SemiAnalysis's ~$1.6B.

Every number the page ``docs/explanations/cost-debate.md`` shows, as tested functions:

- :func:`deepseek_v3_inputs`, :func:`deepseek_v3_methods` -- the per-run inputs (graded) and
  DeepSeek-V3 under every accounting method, the reported fleet included.
- :func:`cost_steps` -- the steps from the final-run rental to the fleet, one question each.
- :func:`fleet_capex_readings` -- the fleet's server capex under alternative readings.
- :func:`opex_usd_per_gpu_hour` -- an operating cost as a rate per GPU-hour of the fleet.
- :func:`development_from_rental`, :func:`fleet_server_capex` -- the formulas two bands sample.
- :func:`amortized_ownership_band`, :func:`acquisition_band`, :func:`uncertainty_bands` -- Monte
  Carlo percentiles, one band or every band of the page by model and method.
- :func:`reported_figures` -- the published figures the bands are compared with.
- :func:`headline_figures` -- every number the prose computes, by a readable name.

Sourced numbers are read from the published-figures table; inputs no source gives are the
``ILLUSTRATIVE_*`` and ``*_RANGE`` constants, aicosts assumptions (grade C). Money is USD.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from aicosts._contract import (
    COUNT,
    NONNEGATIVE,
    NONNEGATIVE_COUNT,
    POSITIVE,
    ArrayLike,
    FloatOrArray,
    as_float,
    at_least,
    checked,
    formula,
    frozen_mapping,
    scalar,
)
from aicosts.accounting.methods import cost_by_method
from aicosts.accounting.uncertainty import Range, monte_carlo
from aicosts.cases.deepseek_fleet import SCENARIO_YEARS, semianalysis_fleet_scenario
from aicosts.catalogues.epoch import (
    EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
    EPOCH_DEPRECIATION_LIFE_YEARS,
    EPOCH_INTERCONNECT_SHARE,
    EPOCH_POWER_FRACTION_OF_TDP,
    EPOCH_PUE_HYPERSCALER,
    EPOCH_PUE_OTHER,
    EPOCH_SERVER_OVERHEAD_HIGH,
    EPOCH_SERVER_OVERHEAD_LOW,
)
from aicosts.catalogues.hardware import GPU, get_gpu
from aicosts.catalogues.published import published_figure
from aicosts.formulas.costs import (
    HOURS_PER_YEAR,
    acquisition_cost,
    amortized_ownership_cost,
    development_cost,
    rental_cost,
)

__all__ = [
    "H800_PRICE_RANGE",
    "ILLUSTRATIVE_RESEARCH_MULTIPLIER",
    "ILLUSTRATIVE_STAFF_HEADCOUNT",
    "ILLUSTRATIVE_STAFF_YEARS",
    "LIFE_YEARS_RANGE",
    "NUM_SAMPLES",
    "PUE_RANGE",
    "RENTAL_RANGE",
    "RESEARCH_MULTIPLIER_RANGE",
    "SEED",
    "SERVER_OVERHEAD_RANGE",
    "STAFF_HEADCOUNT_RANGE",
    "acquisition_band",
    "amortized_ownership_band",
    "cost_steps",
    "deepseek_v3_inputs",
    "deepseek_v3_methods",
    "development_from_rental",
    "fleet_capex_readings",
    "fleet_server_capex",
    "headline_figures",
    "opex_usd_per_gpu_hour",
    "reported_figures",
    "uncertainty_bands",
]

_fig = published_figure

# --- assumptions of the page (grade C: no source gives them) ---------------------------------

#: Total compute ÷ final-run compute, for illustration; unknown for every lab (C) [-].
ILLUSTRATIVE_RESEARCH_MULTIPLIER = 4.0
#: People paid at the reported researcher salary, for illustration (C) [person].
ILLUSTRATIVE_STAFF_HEADCOUNT = 150
#: Duration of the project the staff work on, for illustration (C) [yr].
ILLUSTRATIVE_STAFF_YEARS = 1.0
#: Research multiplier of the development band: 1 (no research) to 10, mode 4 (C) [-].
RESEARCH_MULTIPLIER_RANGE = Range(1.0, ILLUSTRATIVE_RESEARCH_MULTIPLIER, 10.0)
#: Headcount of the development band, 50 to 300, mode 150 (C) [person].
STAFF_HEADCOUNT_RANGE = Range(50.0, float(ILLUSTRATIVE_STAFF_HEADCOUNT), 300.0)
#: Monte Carlo draws of every band [-].
NUM_SAMPLES = 20_000
#: Seed of every band: the same seed, the same percentiles [-].
SEED = 0
#: Rental price: the small-cloud H100 quotes of Epoch AI's price table (B), mode DeepSeek's
#: assumed $2 (A) [USD/(GPU·h)].
RENTAL_RANGE = Range(
    _fig("h100_rental_usd_per_gpu_hour_low"),
    _fig("deepseek_v3_usd_per_gpu_hour"),
    _fig("h100_rental_usd_per_gpu_hour_high"),
)
#: Hardware life: Epoch AI's 3–5 years (B), mode the life of its depreciation rate [yr].
LIFE_YEARS_RANGE = Range(
    _fig("epoch_life_years_low"), EPOCH_DEPRECIATION_LIFE_YEARS, _fig("epoch_life_years_high")
)
#: Server overhead: Epoch AI's low and high ends as recorded (B), mode the low end [-].
SERVER_OVERHEAD_RANGE = Range(
    EPOCH_SERVER_OVERHEAD_LOW, EPOCH_SERVER_OVERHEAD_LOW, EPOCH_SERVER_OVERHEAD_HIGH
)
#: PUE: Epoch AI's hyperscaler 1.1 to non-hyperscaler 1.25 (B), mode 1.25 [-].
PUE_RANGE = Range(EPOCH_PUE_HYPERSCALER, EPOCH_PUE_OTHER, EPOCH_PUE_OTHER)
#: H800 price: the H100's reported range around the H800's one price (C) [USD/GPU].
H800_PRICE_RANGE = Range(
    get_gpu("H100").usd_price_low, get_gpu("H800").usd_price, get_gpu("H100").usd_price_high
)


def _price_range(gpu: GPU) -> Range:
    """Return the catalogue's low/central/high price of a GPU [USD/GPU]."""
    return Range(gpu.usd_price_low, gpu.usd_price, gpu.usd_price_high)


def _fleet_counts() -> dict[str, int]:
    """GPUs of the reported fleet: H800 and H100 as reported (B), H20 one reading (C) [GPU]."""
    return {
        "H800": int(_fig("semianalysis_h800_gpus")),
        "H100": int(_fig("semianalysis_h100_gpus")),
        "H20": int(_fig("semianalysis_h20_gpus_reading")),
    }


# --- the per-run table --------------------------------------------------------------------------


def deepseek_v3_inputs() -> pd.DataFrame:
    r"""List the inputs of DeepSeek-V3's per-run methods, each with its unit, grade and source.

    Returns
    -------
    DataFrame
        Columns ``input``, ``value`` [unit of the row], ``unit``, ``grade`` (A read in the
        primary, B secondary report, C aicosts assumption) and ``source``.

    Examples
    --------
    >>> table = deepseek_v3_inputs().set_index("input")
    >>> float(table.loc["final-run GPU-hours", "value"]), table.loc["final-run GPU-hours", "grade"]
    (2788000.0, 'A')
    """
    h800 = get_gpu("H800")
    rows = [
        ("final-run GPU-hours", _fig("deepseek_v3_total_gpu_hours"), "GPU·h", "A",
         "DeepSeek-V3 report, Table 1"),
        ("rental price", _fig("deepseek_v3_usd_per_gpu_hour"), "USD/(GPU·h)", "A",
         "DeepSeek-V3 report, Table 1 caption"),
        ("H800 price", h800.usd_price, "USD/GPU", "B", "Epoch AI price table (2025)"),
        ("H800 TDP", h800.tdp_watts, "W", "B", "vendor datasheet"),
        ("server overhead", EPOCH_SERVER_OVERHEAD_LOW, "-", "B", "Epoch AI"),
        ("network share", EPOCH_INTERCONNECT_SHARE, "-", "B", "Epoch AI"),
        ("life", EPOCH_DEPRECIATION_LIFE_YEARS, "yr", "C", "from Epoch AI's 0.14 OOM/yr"),
        ("average draw / TDP", EPOCH_POWER_FRACTION_OF_TDP, "-", "B", "Epoch AI"),
        ("PUE", EPOCH_PUE_OTHER, "-", "B", "Epoch AI (non-hyperscaler)"),
        ("electricity price", EIA_US_INDUSTRIAL_USD_PER_KWH_2023, "USD/kWh", "C",
         "EIA 2023 US industrial, applied to China"),
        ("research multiplier", ILLUSTRATIVE_RESEARCH_MULTIPLIER, "-", "C",
         "unknown; illustrative"),
        ("staff headcount", float(ILLUSTRATIVE_STAFF_HEADCOUNT), "person", "C",
         "unknown; illustrative"),
        ("cost per person-year", _fig("semianalysis_researcher_usd_per_year"),
         "USD/(person·yr)", "B", "SemiAnalysis, as reported ('more than')"),
        ("project duration", ILLUSTRATIVE_STAFF_YEARS, "yr", "C", "unknown; illustrative"),
    ]  # fmt: skip
    table = pd.DataFrame(rows, columns=["input", "value", "unit", "grade", "source"])
    return table.astype({"value": float})


@checked(
    research_multiplier=scalar(at_least(1.0)),
    staff_headcount=scalar(NONNEGATIVE_COUNT),
    staff_years=scalar(POSITIVE),
    years=scalar(POSITIVE, optional=True),
)
def deepseek_v3_methods(
    *,
    research_multiplier: float = ILLUSTRATIVE_RESEARCH_MULTIPLIER,
    staff_headcount: int = ILLUSTRATIVE_STAFF_HEADCOUNT,
    staff_years: float = ILLUSTRATIVE_STAFF_YEARS,
    years: float | None = None,
) -> pd.DataFrame:
    r"""Cost DeepSeek-V3 under every accounting method, with the reported fleet beside it.

    Parameters
    ----------
    research_multiplier : float, optional
        Total compute ÷ final-run compute, :math:`m` ≥ 1 [-]; default 4 (illustrative, C).
    staff_headcount : int, optional
        People, :math:`n` [person]; default 150 (illustrative, C). Also the fleet's staff.
    staff_years : float, optional
        Project duration, :math:`T` [yr]; default 1 (illustrative, C).
    years : float, optional
        Period of the fleet's opex [yr]; default the fleet scenario's 4 years (one
        commentator's reading, unverified).

    Returns
    -------
    DataFrame
        :func:`~aicosts.cost_by_method` of the final run's 2.788M H800-hours at $2, the H800's
        catalogue price and TDP, the 2023 US industrial electricity price and the reported
        fleet without its network (the reported figure is *server* capex): ``method``,
        ``usd`` [USD], ``includes``, ``excludes``.

    Examples
    --------
    >>> t = deepseek_v3_methods().set_index("method")["usd"]
    >>> float(t["final-run rental"]), round(float(t["fleet capex"]) / 1e9, 3)
    (5576000.0, 1.595)
    """
    salary = _fig("semianalysis_researcher_usd_per_year")
    period = SCENARIO_YEARS if years is None else years
    fleet = semianalysis_fleet_scenario(
        interconnect_share=0.0, staff_headcount=int(staff_headcount), years=period
    )
    return cost_by_method(
        _fig("deepseek_v3_total_gpu_hours"), _fig("deepseek_v3_usd_per_gpu_hour"),
        gpu=get_gpu("H800"), usd_per_kwh=EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
        research_multiplier=research_multiplier, staff_headcount=int(staff_headcount),
        usd_per_staff_year=salary, staff_years=staff_years, fleet=fleet.breakdown,
    )  # fmt: skip


def cost_steps() -> pd.DataFrame:
    r"""Trace the steps from DeepSeek's final-run rental to the fleet, each a new question.

    Returns
    -------
    DataFrame
        Columns ``step``, ``usd`` [USD] (the total after the step) and ``adds`` (what the step
        changes, in words). Steps: (a) final-run rental, (b) amortized ownership, (c1) the
        research runs rented, (c) development, (d1) fleet capex, (d2) fleet capex + opex.

    Examples
    --------
    >>> steps = cost_steps()
    >>> float(steps["usd"].iloc[0]), steps["step"].iloc[-1]
    (5576000.0, '(d2) fleet capex + opex')
    """
    usd = deepseek_v3_methods().set_index("method")["usd"].astype(float)
    fleet = semianalysis_fleet_scenario(interconnect_share=0.0)
    salary = _fig("semianalysis_researcher_usd_per_year")
    research = as_float(
        development_cost(
            usd["final-run rental"],
            research_multiplier=ILLUSTRATIVE_RESEARCH_MULTIPLIER,
            staff_headcount=0,
            usd_per_staff_year=salary,
            years=ILLUSTRATIVE_STAFF_YEARS,
        )
    )
    inputs = fleet.inputs["value"].astype(float)
    period, staff = inputs["period"], inputs["staff headcount"]
    rows = [
        ("(a) final-run rental", usd["final-run rental"], "GPU-hours × $2 (DeepSeek's figure)"),
        ("(b) amortized ownership", usd["amortized ownership"],
         "own, don't rent: depreciation + power"),
        ("(c1) + research runs", research,
         f"research and ablations: {ILLUSTRATIVE_RESEARCH_MULTIPLIER - 1:.0f} more final runs "
         "(rented)"),
        ("(c) development", usd["development"],
         f"+ {ILLUSTRATIVE_STAFF_HEADCOUNT} staff (assumed) × {ILLUSTRATIVE_STAFF_YEARS:g} yr "
         f"at ${salary / 1e6:.1f}M"),
        ("(d1) fleet capex", usd["fleet capex"],
         "buy all ~50,000 GPUs + servers, not one run's share"),
        ("(d2) fleet capex + opex", usd["fleet capex"] + usd["fleet opex"],
         f"+ {period:g} years of power and {staff:g} staff (assumed; aicosts's opex)"),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["step", "usd", "adds"])


# --- the fleet ----------------------------------------------------------------------------------


def fleet_capex_readings() -> pd.DataFrame:
    r"""Compute the fleet's server capex under alternative readings of what was counted.

    .. math:: C_\mathrm{capex} = \sum_g n_g \, p_g \, o_g

    Returns
    -------
    DataFrame
        One row per reading: ``reading`` (in words), ``H800``, ``H100``, ``H20``, ``A100``
        [GPU], ``assumed`` (what the reading adds to the reports) and ``server_capex_usd``
        [USD], all at the catalogue's central prices and without the cluster network.

    Notes
    -----
    Reports give only 10,000 H800 and 10,000 H100 of ~50,000 GPUs (SemiAnalysis, B). Readings:
    (1) the rest 30,000 H20, Epoch AI's low overhead on every price; (2) no overhead on the
    H100, whose price ($33,750 = DGX H100 "$270,000" / 8) already is a server share; (3) the
    high overhead; (4) the only public reading of the chart, 60,000 GPUs incl. 10,000 A100s.
    All rest on grade-C assumptions: a match with ~$1.6B is "consistent with", not a
    reproduction.

    Examples
    --------
    >>> readings = fleet_capex_readings()
    >>> [round(v / 1e9, 2) for v in readings["server_capex_usd"]]
    [1.59, 1.41, 1.75, 1.83]
    """
    counts = _fleet_counts()
    a100 = int(_fig("high_flyer_a100_2021"))
    low, high = EPOCH_SERVER_OVERHEAD_LOW, EPOCH_SERVER_OVERHEAD_HIGH
    readings: list[tuple[str, int, dict[str, float], str]] = [
        ("H20 = the rest of ~50,000 (aicosts scenario)", 0,
         {"H800": low, "H100": low, "H20": low}, "30,000 H20; overhead 1.54 on every price"),
        ("H100 price already a server share", 0, {"H800": low, "H100": 1.0, "H20": low},
         "30,000 H20; no overhead on the H100's DGX share"),
        ("Epoch AI's high server overhead", 0, {"H800": high, "H100": high, "H20": high},
         "30,000 H20; overhead 1.69 on every price"),
        ("chart transcription: 60,000 GPUs incl. 10,000 A100", a100,
         {"H800": low, "H100": low, "H20": low, "A100": low},
         "30,000 H20 and 10,000 A100; overhead 1.54"),
    ]  # fmt: skip
    rows = []
    for reading, num_a100, overhead, assumed in readings:
        fleet = {**counts, "A100": num_a100}
        capex = sum(
            as_float(
                acquisition_cost(
                    n, get_gpu(g).usd_price, server_overhead=overhead[g], interconnect_share=0.0
                )
            )
            for g, n in fleet.items()
            if n > 0
        )
        rows.append((reading, *fleet.values(), assumed, capex))
    return pd.DataFrame(
        rows, columns=["reading", "H800", "H100", "H20", "A100", "assumed", "server_capex_usd"]
    )


@formula(num_gpus=POSITIVE, years=POSITIVE, total_usd=POSITIVE)
def opex_usd_per_gpu_hour(
    num_gpus: ArrayLike, years: ArrayLike, total_usd: ArrayLike
) -> FloatOrArray:
    r"""Express a fleet's operating cost over a period as a rate per GPU-hour.

    .. math:: r = \frac{C}{T \cdot 8766 \cdot n}

    Parameters
    ----------
    num_gpus : float or array-like
        GPUs in the fleet, :math:`n` [GPU].
    years : float or array-like
        Period the cost covers, :math:`T` [yr].
    total_usd : float or array-like
        Operating cost over the period, :math:`C` [USD].

    Returns
    -------
    float or ndarray or Series
        Cost per GPU-hour of the fleet, :math:`r` [USD/(GPU·h)].

    Notes
    -----
    Every GPU for every hour of the period (8,766 h a year). SemiAnalysis's ~$944M over 4
    years on 50,000–60,000 GPUs is ≈ $0.45–0.54 per GPU-hour, a hosting-plus-power rate.

    Examples
    --------
    >>> [round(float(opex_usd_per_gpu_hour(n, 4, 944e6)), 2) for n in (50_000, 60_000)]
    [0.54, 0.45]
    """
    rate: FloatOrArray = total_usd / (years * HOURS_PER_YEAR * num_gpus)
    return rate


# --- the formulas the bands sample --------------------------------------------------------------


@formula(
    gpu_hours=POSITIVE,
    usd_per_gpu_hour=POSITIVE,
    research_multiplier=at_least(1.0),
    staff_headcount=NONNEGATIVE,
    usd_per_staff_year=POSITIVE,
    staff_years=POSITIVE,
)
def development_from_rental(
    gpu_hours: ArrayLike,
    usd_per_gpu_hour: ArrayLike,
    *,
    research_multiplier: ArrayLike,
    staff_headcount: ArrayLike,
    usd_per_staff_year: ArrayLike,
    staff_years: ArrayLike,
) -> FloatOrArray:
    r"""Compute a development cost built on a rented final run, with whole people.

    .. math:: C_D = m \, H p + \mathrm{round}(n) \, w \, T

    Parameters
    ----------
    gpu_hours : float or array-like
        GPU-hours of the final run, :math:`H` [GPU·h].
    usd_per_gpu_hour : float or array-like
        Rental price, :math:`p` [USD/(GPU·h)].
    research_multiplier : float or array-like
        Total compute ÷ final-run compute, :math:`m` ≥ 1 [-].
    staff_headcount : float or array-like
        People, :math:`n` ≥ 0, rounded to whole people [person].
    usd_per_staff_year : float or array-like
        Cost per person-year, :math:`w` [USD/(person·yr)].
    staff_years : float or array-like
        Project duration, :math:`T` [yr].

    Returns
    -------
    float or ndarray or Series
        Development cost :math:`C_D` [USD].

    Examples
    --------
    >>> development_from_rental(2.788e6, 2.0, research_multiplier=4, staff_headcount=150,
    ...                         usd_per_staff_year=1.3e6, staff_years=1)
    217304000.0
    """
    return development_cost(
        rental_cost(gpu_hours, usd_per_gpu_hour),
        research_multiplier=research_multiplier,
        staff_headcount=np.round(staff_headcount),
        usd_per_staff_year=usd_per_staff_year,
        years=staff_years,
    )


@formula(
    usd_per_h800=POSITIVE,
    usd_per_h100=POSITIVE,
    usd_per_h20=POSITIVE,
    server_overhead=at_least(1.0),
)
def fleet_server_capex(
    usd_per_h800: ArrayLike,
    usd_per_h100: ArrayLike,
    usd_per_h20: ArrayLike,
    *,
    server_overhead: ArrayLike,
) -> FloatOrArray:
    r"""Compute the server capex of the reported fleet (10,000 H800, 10,000 H100, 30,000 H20).

    .. math:: C = o \, (n_{800} p_{800} + n_{100} p_{100} + n_{20} p_{20})

    Parameters
    ----------
    usd_per_h800 : float or array-like
        Price of one H800, :math:`p_{800}` [USD/GPU].
    usd_per_h100 : float or array-like
        Price of one H100, :math:`p_{100}` [USD/GPU].
    usd_per_h20 : float or array-like
        Price of one H20, :math:`p_{20}` [USD/GPU].
    server_overhead : float or array-like
        Server cost ÷ GPU cost, :math:`o` ≥ 1, on every price [-].

    Returns
    -------
    float or ndarray or Series
        GPUs and servers, without the cluster network, :math:`C` [USD].

    Notes
    -----
    H800 and H100 counts as reported (B); the 30,000 H20 one reading of the chart (C).

    Examples
    --------
    >>> fleet_server_capex(33_800, 33_750, 12_000, server_overhead=1.54)
    1594670000.0
    """
    counts = _fleet_counts()
    prices = {"H800": usd_per_h800, "H100": usd_per_h100, "H20": usd_per_h20}
    return np.asarray(sum(
        acquisition_cost(counts[g], prices[g], server_overhead=server_overhead,
                         interconnect_share=0.0)
        for g in counts
    ), dtype=np.float64)  # fmt: skip


# --- Monte Carlo bands --------------------------------------------------------------------------


@checked(gpu_hours=scalar(POSITIVE), gpu=(str, GPU), usd_per_gpu=(Range, float, int))
def amortized_ownership_band(
    gpu_hours: float,
    gpu: str | GPU,
    usd_per_gpu: Range | float,
    *,
    num_samples: int = NUM_SAMPLES,
    seed: int = SEED,
) -> pd.Series:
    r"""Draw percentiles of one run's amortized ownership cost over the contested inputs.

    Parameters
    ----------
    gpu_hours : float
        GPU-hours of the run, :math:`H` [GPU·h].
    gpu : str or GPU
        The accelerator, for its TDP :math:`W` [-].
    usd_per_gpu : Range or float
        Price of one GPU, :math:`p` [USD/GPU].
    num_samples : int, optional
        Monte Carlo draws [-]; default 20,000.
    seed : int, optional
        Seed [-]; default 0.

    Returns
    -------
    Series
        5th, 50th and 95th percentiles [USD], indexed by percentile [%].

    Notes
    -----
    Draws :data:`SERVER_OVERHEAD_RANGE`, :data:`LIFE_YEARS_RANGE`, :data:`PUE_RANGE`; Epoch's
    network share and draw, GPU power only, the 2023 US industrial electricity price.

    Examples
    --------
    >>> q = amortized_ownership_band(2.788e6, "H800", H800_PRICE_RANGE)
    >>> bool(q.iloc[0] < q.iloc[1] < q.iloc[2])
    True
    """
    g = gpu if isinstance(gpu, GPU) else get_gpu(gpu)
    return monte_carlo(
        amortized_ownership_cost, num_samples=num_samples, seed=seed, gpu_hours=gpu_hours,
        usd_per_gpu=usd_per_gpu, tdp_watts=g.tdp_watts,
        usd_per_kwh=EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
        server_overhead=SERVER_OVERHEAD_RANGE, life_years=LIFE_YEARS_RANGE, pue=PUE_RANGE,
        interconnect_share=EPOCH_INTERCONNECT_SHARE,
        power_fraction_of_tdp=EPOCH_POWER_FRACTION_OF_TDP, server_power_factor=1.0,
    )  # fmt: skip


@checked(num_gpus=scalar(COUNT), usd_per_gpu=(Range, float, int))
def acquisition_band(
    num_gpus: int,
    usd_per_gpu: Range | float,
    *,
    num_samples: int = NUM_SAMPLES,
    seed: int = SEED,
) -> pd.Series:
    r"""Draw percentiles of the cost of buying a run's cluster over the contested inputs.

    Parameters
    ----------
    num_gpus : int
        GPUs in the cluster, :math:`n` [GPU].
    usd_per_gpu : Range or float
        Price of one GPU, :math:`p` [USD/GPU].
    num_samples : int, optional
        Monte Carlo draws [-]; default 20,000.
    seed : int, optional
        Seed [-]; default 0.

    Returns
    -------
    Series
        5th, 50th and 95th percentiles [USD], indexed by percentile [%].

    Examples
    --------
    >>> q = acquisition_band(2048, H800_PRICE_RANGE)
    >>> bool(100e6 < q.iloc[1] < 200e6)
    True
    """
    return monte_carlo(
        acquisition_cost, num_samples=num_samples, seed=seed, num_gpus=int(num_gpus),
        usd_per_gpu=usd_per_gpu, server_overhead=SERVER_OVERHEAD_RANGE,
        interconnect_share=EPOCH_INTERCONNECT_SHARE,
    )  # fmt: skip


def uncertainty_bands(*, num_samples: int = NUM_SAMPLES, seed: int = SEED) -> pd.DataFrame:
    r"""Monte Carlo percentiles of every method the page compares, by model.

    Parameters
    ----------
    num_samples : int, optional
        Monte Carlo draws per band [-]; default 20,000.
    seed : int, optional
        Seed of every band [-]; default 0.

    Returns
    -------
    DataFrame
        Columns ``model``, ``method`` (``"final-run rental"``, ``"amortized ownership"``,
        ``"acquisition"``, ``"development"``, ``"fleet capex"``), ``p5``, ``p50``, ``p95``
        [USD].

    Notes
    -----
    DeepSeek-V3: 2.788M H800-hours and 2,048 GPUs (A); GPT-4: Epoch AI's 57M A100-hours on
    25,000 A100s (B), at the one A100 price; Llama-3.1-405B: 30.84M H100-hours (A) on 16,384
    H100s (B). No A100 rental price is sourced, so GPT-4 has no rental band.

    Examples
    --------
    >>> bands = uncertainty_bands(num_samples=2_000)
    >>> bands.groupby("model").size().to_dict()
    {'DeepSeek-V3': 5, 'GPT-4': 2, 'Llama-3.1-405B': 3}
    """
    mc = {"num_samples": num_samples, "seed": seed}

    def sample(func: Callable[..., FloatOrArray], **inputs: Any) -> pd.Series:
        return monte_carlo(func, num_samples=num_samples, seed=seed, **inputs)

    h800, h100, h20, a100 = (get_gpu(g) for g in ("H800", "H100", "H20", "A100"))
    v3_hours = _fig("deepseek_v3_total_gpu_hours")
    gpt4_hours, llama_hours = _fig("epoch_gpt4_chip_hours"), _fig("llama31_405b_gpu_hours")
    salary = _fig("semianalysis_researcher_usd_per_year")
    bands = {
        ("DeepSeek-V3", "final-run rental"): sample(
            rental_cost, gpu_hours=v3_hours, usd_per_gpu_hour=RENTAL_RANGE
        ),
        ("DeepSeek-V3", "amortized ownership"): amortized_ownership_band(
            v3_hours, h800, H800_PRICE_RANGE, **mc
        ),
        ("DeepSeek-V3", "acquisition"): acquisition_band(
            int(_fig("deepseek_v3_cluster_gpus")), H800_PRICE_RANGE, **mc
        ),
        ("DeepSeek-V3", "development"): sample(
            development_from_rental, gpu_hours=v3_hours, usd_per_gpu_hour=RENTAL_RANGE,
            research_multiplier=RESEARCH_MULTIPLIER_RANGE, staff_headcount=STAFF_HEADCOUNT_RANGE,
            usd_per_staff_year=salary, staff_years=ILLUSTRATIVE_STAFF_YEARS,
        ),
        ("DeepSeek-V3", "fleet capex"): sample(
            fleet_server_capex, usd_per_h800=H800_PRICE_RANGE,
            usd_per_h100=_price_range(h100), usd_per_h20=_price_range(h20),
            server_overhead=SERVER_OVERHEAD_RANGE,
        ),
        ("GPT-4", "amortized ownership"): amortized_ownership_band(
            gpt4_hours, a100, _price_range(a100), **mc
        ),
        ("GPT-4", "acquisition"): acquisition_band(
            int(_fig("epoch_gpt4_gpus")), _price_range(a100), **mc
        ),
        ("Llama-3.1-405B", "final-run rental"): sample(
            rental_cost, gpu_hours=llama_hours, usd_per_gpu_hour=RENTAL_RANGE
        ),
        ("Llama-3.1-405B", "amortized ownership"): amortized_ownership_band(
            llama_hours, h100, _price_range(h100), **mc
        ),
        ("Llama-3.1-405B", "acquisition"): acquisition_band(
            int(_fig("llama31_405b_gpus")), _price_range(h100), **mc
        ),
    }  # fmt: skip
    return pd.DataFrame(
        [(model, method, *q.astype(float)) for (model, method), q in bands.items()],
        columns=["model", "method", "p5", "p50", "p95"],
    )


def reported_figures() -> pd.DataFrame:
    r"""Collect the published figures the page sets beside its bands, by model and method.

    Returns
    -------
    DataFrame
        Columns ``model``, ``method`` (as in :func:`uncertainty_bands`, plus ``"unstated"``
        for a figure that does not say what it counts), ``usd`` [USD] and ``source`` (who
        reports it, with its grade).

    Examples
    --------
    >>> reported = reported_figures()
    >>> float(reported.loc[0, "usd"]), reported.loc[0, "source"]
    (5576000.0, 'DeepSeek (A)')
    """
    rows = [
        ("DeepSeek-V3", "final-run rental", "deepseek_v3_total_usd", "DeepSeek (A)"),
        ("DeepSeek-V3", "amortized ownership", "deepseek_v3_epoch_usd", "Epoch AI (B)"),
        ("GPT-4", "final-run rental", "epoch_gpt4_cloud_usd", "Epoch AI (B)"),
        ("GPT-4", "amortized ownership", "epoch_gpt4_amortized_usd", "Epoch AI (B)"),
        ("GPT-4", "acquisition", "epoch_gpt4_acquisition_usd", "Epoch AI (B)"),
        ("GPT-4", "unstated", "gpt4_training_usd_lower_bound", "Wired: 'over' (B)"),
        ("Llama-3.1-405B", "final-run rental", "epoch_llama31_405b_cloud_usd", "Epoch AI (B)"),
        ("Llama-3.1-405B", "amortized ownership", "epoch_llama31_405b_amortized_usd",
         "Epoch AI (B)"),
        ("Llama-3.1-405B", "acquisition", "epoch_llama31_405b_acquisition_usd", "Epoch AI (B)"),
        ("DeepSeek-V3", "fleet capex", "semianalysis_server_capex_usd", "SemiAnalysis (B)"),
    ]  # fmt: skip
    return pd.DataFrame(
        [(model, method, _fig(key), source) for model, method, key, source in rows],
        columns=["model", "method", "usd", "source"],
    )


# --- the prose and the calculator ---------------------------------------------------------------


def headline_figures() -> Mapping[str, float]:
    r"""Compute every number of the page's prose, by a name that says what it is.

    Returns
    -------
    Mapping[str, float]
        Read-only. Names end in their unit (``_usd`` [USD], ``_usd_per_year`` [USD/yr],
        ``_usd_per_gpu_hour`` [USD/(GPU·h)], ``_gpu_hours`` [GPU·h], ``_years`` [yr],
        ``_percent`` [%], ``_kw`` [kW]); ``num_`` and ``_headcount`` are counts; ``_over_`` is a
        ratio [-].
        ``v3_*``: DeepSeek-V3's methods and their parts; ``fleet_*``: the fleet scenario and
        its readings; ``opex_usd_per_gpu_hour_*``: the reported ~$944M per GPU-hour of the
        fleet; ``*_over_v3_*``: the comparison with GPT-4 and Llama-3.1-405B; the
        illustrative inputs by their parameter names. Figures read as they are from the
        published-figures table are not repeated here.

    Examples
    --------
    >>> f = headline_figures()
    >>> f["v3_rental_usd"], round(f["opex_usd_per_gpu_hour_50k_gpus"], 2)
    (5576000.0, 0.54)
    """
    methods = deepseek_v3_methods().set_index("method")["usd"].astype(float)
    fleet = semianalysis_fleet_scenario(interconnect_share=0.0)
    median = uncertainty_bands().set_index(["model", "method"])["p50"]
    readings = fleet_capex_readings()["server_capex_usd"]
    rental, owned = float(methods["final-run rental"]), float(methods["amortized ownership"])
    v3_hours = _fig("deepseek_v3_total_gpu_hours")
    epoch_llama_hours = _fig("epoch_llama31_405b_gpus") * _fig("epoch_llama31_405b_training_hours")
    inputs = fleet.inputs["value"].astype(float)
    years = inputs["period"]
    reported_gpus = _fig("semianalysis_fleet_gpus")
    chart_gpus = reported_gpus + _fig("high_flyer_a100_2021")  # 60,000 incl. 10,000 A100s
    opex = _fig("semianalysis_operating_cost_usd")
    power = float(fleet.annual_opex["power"])
    v3_owned_median = median["DeepSeek-V3", "amortized ownership"]
    staff = development_cost(
        rental,
        research_multiplier=1.0,
        staff_headcount=ILLUSTRATIVE_STAFF_HEADCOUNT,
        usd_per_staff_year=_fig("semianalysis_researcher_usd_per_year"),
        years=ILLUSTRATIVE_STAFF_YEARS,
    )
    # fmt: off
    figures = {
        "research_multiplier": ILLUSTRATIVE_RESEARCH_MULTIPLIER,
        "staff_headcount": ILLUSTRATIVE_STAFF_HEADCOUNT,
        "staff_years": ILLUSTRATIVE_STAFF_YEARS,
        "num_samples": NUM_SAMPLES,
        "v3_rental_usd": rental,
        "v3_amortized_ownership_usd": owned,
        "v3_amortized_ownership_over_rental": owned / rental,
        "v3_development_usd": methods["development"],
        "v3_research_runs_usd": (ILLUSTRATIVE_RESEARCH_MULTIPLIER - 1.0) * rental,
        "v3_staff_usd": as_float(staff) - rental,
        "v3_amortized_ownership_over_epoch_database_percent":
            100.0 * (owned / _fig("deepseek_v3_epoch_usd") - 1.0),
        "fleet_num_gpus_chart_reading": chart_gpus,
        "fleet_capex_modelled_usd": methods["fleet capex"],
        "fleet_opex_modelled_usd": methods["fleet opex"],
        "fleet_capex_readings_low_usd": readings.min(),
        "fleet_capex_readings_high_usd": readings.max(),
        "fleet_server_overhead": inputs["server overhead"],
        "fleet_years": years,
        "fleet_staff_headcount": inputs["staff headcount"],
        "fleet_power_usd_per_year": power,
        "fleet_power_over_period_usd": power * years,
        "fleet_years_of_power_to_reported_opex": fleet.years_of_power_to_reported_opex,
        "fleet_power_usd_per_gpu_hour": opex_usd_per_gpu_hour(reported_gpus, 1.0, power),
        "fleet_capex_over_v3_rental": methods["fleet capex"] / rental,
        "fleet_tdp_kw": sum(n * get_gpu(g).tdp_watts / 1e3 for g, n in _fleet_counts().items()),
        "opex_usd_per_gpu_hour_50k_gpus": opex_usd_per_gpu_hour(reported_gpus, years, opex),
        "opex_usd_per_gpu_hour_60k_gpus": opex_usd_per_gpu_hour(chart_gpus, years, opex),
        "opex_usd_per_gpu_hour_one_year_50k_gpus": opex_usd_per_gpu_hour(reported_gpus, 1.0, opex),
        "epoch_llama_gpu_hours": epoch_llama_hours,
        "epoch_llama_implied_usd_per_gpu_hour":
            _fig("epoch_llama31_405b_cloud_usd") / epoch_llama_hours,
        "epoch_gpt4_cloud_over_v3_rental": _fig("epoch_gpt4_cloud_usd") / rental,
        "llama_over_v3_gpu_hours": _fig("llama31_405b_gpu_hours") / v3_hours,
        "gpt4_over_v3_gpu_hours": _fig("epoch_gpt4_chip_hours") / v3_hours,
        "llama_over_v3_amortized_median":
            median["Llama-3.1-405B", "amortized ownership"] / v3_owned_median,
        "gpt4_over_v3_amortized_median": median["GPT-4", "amortized ownership"] / v3_owned_median,
    }
    # fmt: on
    return frozen_mapping({k: float(v) for k, v in figures.items()})
