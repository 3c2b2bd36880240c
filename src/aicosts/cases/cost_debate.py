r"""Case study: the cost debate, DeepSeek-V3's $5.576M against SemiAnalysis's ~$1.6B.

Every number the page ``docs/explanations/cost-debate.md`` shows, as tested functions (its
uncertainty bands are in :mod:`aicosts.cases.cost_debate_bands`):

- :func:`deepseek_v3_inputs`, :func:`deepseek_v3_methods` -- the per-run inputs (graded) and
  DeepSeek-V3 under every accounting method, the reported fleet included.
- :func:`cost_steps` -- the steps from the final-run rental to the fleet, one question each.
- :func:`fleet_capex_readings` -- the fleet's server capex under alternative readings.
- :func:`opex_usd_per_gpu_hour` -- an operating cost as a rate per GPU-hour of the fleet.
- :func:`headline_figures` -- every number the prose computes, by a readable name.

Sourced numbers are read from the published-figures table; inputs no source gives are the
``ILLUSTRATIVE_*`` constants, aicosts assumptions (graded "assumed"). Server overhead and server
power
follow Epoch AI's method per GPU (:func:`~aicosts.epoch_ownership`): no overhead on a price that
already is a per-GPU share of a server. Money is USD.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from aicosts._contract import (
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
from aicosts.cases.cost_debate_bands import (
    ILLUSTRATIVE_RESEARCH_MULTIPLIER,
    ILLUSTRATIVE_STAFF_HEADCOUNT,
    ILLUSTRATIVE_STAFF_YEARS,
    NUM_SAMPLES,
    RENTAL_RANGE,
    fleet_gpu_counts,
    uncertainty_bands,
)
from aicosts.cases.deepseek_fleet import SCENARIO_YEARS, semianalysis_fleet_scenario
from aicosts.catalogues.epoch import (
    EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
    EPOCH_DEPRECIATION_LIFE_YEARS,
    EPOCH_INTERCONNECT_SHARE,
    EPOCH_POWER_FRACTION_OF_TDP,
    EPOCH_PUE_OTHER,
    EPOCH_SERVER_OVERHEAD_HIGH,
    EPOCH_SERVER_OVERHEAD_LOW,
    epoch_server_overhead,
    epoch_server_power_factor,
)
from aicosts.catalogues.hardware import get_gpu
from aicosts.catalogues.published import published_figure
from aicosts.formulas.costs import (
    HOURS_PER_YEAR,
    acquisition_cost,
    average_usd_per_gpu_hour,
    development_cost,
)

__all__ = [
    "ILLUSTRATIVE_RESEARCH_MULTIPLIER",
    "ILLUSTRATIVE_STAFF_HEADCOUNT",
    "ILLUSTRATIVE_STAFF_YEARS",
    "cost_steps",
    "deepseek_v3_inputs",
    "deepseek_v3_methods",
    "fleet_capex_readings",
    "headline_figures",
    "opex_usd_per_gpu_hour",
]

_fig = published_figure


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
        ("server overhead", epoch_server_overhead(h800), "-", "A",
         "Epoch AI's code, for a bare GPU price"),
        ("server power / TDP", epoch_server_power_factor(h800), "-", "A", "Epoch AI's code"),
        ("network share", EPOCH_INTERCONNECT_SHARE, "-", "B", "Epoch AI"),
        ("life", EPOCH_DEPRECIATION_LIFE_YEARS, "yr", "derived", "from Epoch AI's 0.14 OOM/yr"),
        ("average draw / TDP", EPOCH_POWER_FRACTION_OF_TDP, "-", "B", "Epoch AI"),
        ("PUE", EPOCH_PUE_OTHER, "-", "B", "Epoch AI (non-hyperscaler)"),
        ("electricity price", EIA_US_INDUSTRIAL_USD_PER_KWH_2023, "USD/kWh", "assumed",
         "EIA 2023 US industrial, applied to China"),
        ("research multiplier", ILLUSTRATIVE_RESEARCH_MULTIPLIER, "-", "assumed",
         "unknown; illustrative"),
        ("staff headcount", float(ILLUSTRATIVE_STAFF_HEADCOUNT), "person", "assumed",
         "unknown; illustrative"),
        ("cost per person-year", _fig("semianalysis_researcher_usd_per_year"),
         "USD/(person·yr)", "B", "SemiAnalysis, as reported ('more than')"),
        ("project duration", ILLUSTRATIVE_STAFF_YEARS, "yr", "assumed", "unknown; illustrative"),
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
    (5576000.0, 1.482)
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
        One row per reading: ``reading`` (the question it asks, in words), ``H800``, ``H100``,
        ``H20``, ``A100`` [GPU], ``assumed`` (what the reading adds to the reports) and
        ``server_capex_usd`` [USD], all at the catalogue's central prices and without the
        cluster network.

    Notes
    -----
    Reports give only 10,000 H800 and 10,000 H100 of ~50,000 GPUs (SemiAnalysis, B). Every
    reading applies a server overhead only to bare GPU prices (H800, H20, A100), never to the
    H100's, which ($33,750 = DGX H100 "$270,000" / 8) already is a server share. Readings:
    (1) Epoch AI's method, the rest 30,000 H20; (2) and (3) the same fleet at the lowest and
    highest overheads in Epoch's code (its P100 and V100 values): how much the ratio of
    server to GPU cost moves the total; (4) the only public reading of the chart, 60,000 GPUs
    including 10,000 A100s, with Epoch's overhead for each. All rest on assumptions of ours:
    a match with ~$1.6B is "consistent with", not a reproduction.

    Examples
    --------
    >>> readings = fleet_capex_readings()
    >>> [round(v / 1e9, 2) for v in readings["server_capex_usd"]]
    [1.48, 1.41, 1.52, 1.73]
    """
    counts = fleet_gpu_counts()
    a100 = int(_fig("high_flyer_a100_2021"))
    low, high = EPOCH_SERVER_OVERHEAD_LOW, EPOCH_SERVER_OVERHEAD_HIGH
    epoch = {g: epoch_server_overhead(get_gpu(g)) for g in (*counts, "A100")}
    share = {g: get_gpu(g).usd_price_kind == "server share" for g in epoch}

    def bare(value: float) -> dict[str, float]:
        return {g: 1.0 if share[g] else value for g in epoch}

    n20, fleet_gpus = f"{counts['H20']:,} H20", int(_fig("semianalysis_fleet_gpus"))
    readings: list[tuple[str, int, dict[str, float], str]] = [
        (f"Epoch AI's method, H20 = the rest of ~{fleet_gpus:,}", 0, epoch,
         f"{n20}; overhead {epoch['H800']:g} on bare GPU prices, none on the H100's DGX share"),
        ("How low can the server overhead take it?", 0, bare(low),
         f"{n20}; Epoch's lowest overhead ({low:g}, its P100 value) on bare prices"),
        ("How high can the server overhead take it?", 0, bare(high),
         f"{n20}; Epoch's highest overhead ({high:g}, its V100 value) on bare prices"),
        (f"The chart's transcription: {fleet_gpus + a100:,} GPUs incl. {a100:,} A100", a100, epoch,
         f"{n20} and {a100:,} A100; Epoch's overhead for each (A100 {epoch['A100']:g})"),
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
    return average_usd_per_gpu_hour(total_usd, years * HOURS_PER_YEAR * num_gpus)


# --- the prose and the calculator ---------------------------------------------------------------


def headline_figures() -> Mapping[str, float]:
    r"""Compute every number of the page's prose, by a name that says what it is.

    Returns
    -------
    Mapping[str, float]
        Read-only. Names end in their unit (``_usd`` [USD], ``_usd_per_year`` [USD/yr],
        ``_usd_per_gpu_hour`` [USD/(GPU·h)], ``_gpu_hours`` [GPU·h], ``_years`` [yr],
        ``_percent`` [%], ``_kw`` [kW]: ``fleet_tdp_kw`` the GPUs' TDP, ``fleet_server_kw`` the
        servers' power by Epoch's factor per GPU); ``num_`` and ``_headcount`` are counts;
        ``_over_`` is a ratio [-], and so are ``fleet_server_overhead_bare_gpu`` and
        ``fleet_server_power_factor`` (Epoch's values for the H800).
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
    rent = RENTAL_RANGE  # triangular: the share of draws below its mode, DeepSeek's $2
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
        "fleet_server_overhead_bare_gpu": epoch_server_overhead(get_gpu("H800")),
        "fleet_server_power_factor": epoch_server_power_factor(get_gpu("H800")),
        "fleet_capex_modelled_under_reported_percent":
            100.0 * (1.0 - methods["fleet capex"] / _fig("semianalysis_server_capex_usd")),
        "rental_range_draws_below_v3_percent": 100.0 * (rent.central - rent.low)
            / (rent.high - rent.low),
        "fleet_years": years,
        "fleet_staff_headcount": inputs["staff headcount"],
        "fleet_power_usd_per_year": power,
        "fleet_power_over_period_usd": power * years,
        "fleet_years_of_power_to_reported_opex": fleet.years_of_power_to_reported_opex,
        "fleet_power_usd_per_gpu_hour": opex_usd_per_gpu_hour(reported_gpus, 1.0, power),
        "fleet_capex_over_v3_rental": methods["fleet capex"] / rental,
        "fleet_tdp_kw": sum(n * get_gpu(g).tdp_watts / 1e3 for g, n in fleet_gpu_counts().items()),
        "fleet_server_kw": sum(
            n * get_gpu(g).tdp_watts / 1e3 * epoch_server_power_factor(get_gpu(g))
            for g, n in fleet_gpu_counts().items()
        ),
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
