r"""Case study: a fleet model beside SemiAnalysis's DeepSeek figures, under stated assumptions.

SemiAnalysis reported ~$1.6B server capex and ~$944M operating cost for DeepSeek/High-Flyer's
GPU fleet.

- :func:`semianalysis_fleet_scenario` -- the fleet TCO under stated assumptions, the reported
  totals beside it, and what the reported opex amounts to (years of modelled opex, a rate per
  GPU-hour).
- :class:`FleetScenario` -- its inputs (each with a grade) and results.

The reported figures are grade B (press reports of a paywalled analysis); the H20 count, the
period and the headcount are aicosts assumptions (``SCENARIO_*``). A match is "consistent with,
under these assumptions", never a reproduction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from aicosts._contract import (
    COUNT,
    FRACTION,
    NONNEGATIVE,
    NONNEGATIVE_COUNT,
    POSITIVE,
    SHARE,
    as_float,
    at_least,
    checked,
    scalar,
)
from aicosts.accounting.fleet import fleet_tco
from aicosts.catalogues.epoch import (
    EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
    EPOCH_INTERCONNECT_SHARE,
    EPOCH_POWER_FRACTION_OF_TDP,
    EPOCH_PUE_OTHER,
    epoch_server_overhead,
    epoch_server_power_factor,
)
from aicosts.catalogues.hardware import GPU, get_gpu
from aicosts.catalogues.published import published_figure
from aicosts.formulas.compute import gpu_hours_for_wall_clock
from aicosts.formulas.costs import HOURS_PER_YEAR, average_usd_per_gpu_hour, years_to_reach

__all__ = [
    "SCENARIO_H20_COUNT",
    "SCENARIO_HOSTING_USD_PER_KW_MONTH",
    "SCENARIO_STAFF_HEADCOUNT",
    "SCENARIO_YEARS",
    "FleetScenario",
    "semianalysis_fleet_scenario",
]

# aicosts assumptions for the scenario (graded "assumed" unless stated).

#: H20 GPUs in the ~50,000-GPU fleet: 50,000 − 10,000 H800 − 10,000 H100. One reading of
#: SemiAnalysis's chart; no report states it (graded "assumed", unverified) [GPU].
SCENARIO_H20_COUNT = 30_000
#: Period over which the ~$944M operating cost is read: one commentator reads the chart as a
#: 4-year total cost of ownership (unverified; graded "assumed") [yr].
SCENARIO_YEARS = 4.0
#: Staff paid at the reported researcher salary. aicosts assumption (C): a round number chosen
#: for illustration, not sourced. No report says the ~$944M includes a payroll; it needs none
#: (``FleetScenario.reported_opex_usd_per_gpu_hour``) [person].
SCENARIO_STAFF_HEADCOUNT = 150
#: Colocation/hosting price. No source in sources.md gives one, so the scenario does not model
#: hosting (0); PUE already charges cooling energy. aicosts assumption (C) [USD/(kW·month)].
SCENARIO_HOSTING_USD_PER_KW_MONTH = 0.0


def _value(gpu: GPU, overrides: Mapping[str, float] | None, epoch: Callable[[GPU], float]) -> float:
    """Return the override for this GPU if given, else Epoch's value for it [-]."""
    given = {get_gpu(name).name: float(v) for name, v in (overrides or {}).items()}
    return given.get(gpu.name, epoch(gpu))


@dataclass(frozen=True)
class FleetScenario:
    r"""Inputs and results of :func:`semianalysis_fleet_scenario`.

    Attributes
    ----------
    inputs : DataFrame
        One row per assumption: ``value``, ``unit``, ``grade`` (A, B, derived or assumed) and
        ``source``.
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
    reported_opex_usd_per_gpu_hour : float
        The $944M spread over ``years`` and every GPU of the fleet, every hour
        [USD/(GPU·h)].
    """

    inputs: pd.DataFrame
    breakdown: pd.DataFrame
    server_capex_usd: float
    reported_capex_usd: float
    annual_opex: pd.Series
    reported_opex_usd: float
    years_to_reported_opex: float
    years_of_power_to_reported_opex: float
    reported_opex_usd_per_gpu_hour: float


@checked(
    h20_count=scalar(COUNT),
    years=scalar(POSITIVE),
    staff_headcount=scalar(NONNEGATIVE_COUNT),
    usd_per_staff_year=scalar(POSITIVE, optional=True),
    usd_per_kwh=scalar(POSITIVE),
    usd_per_kw_month=scalar(NONNEGATIVE),
    interconnect_share=scalar(SHARE),
    pue=scalar(at_least(1.0)),
    power_fraction_of_tdp=scalar(FRACTION),
)
def semianalysis_fleet_scenario(
    *,
    h20_count: int = SCENARIO_H20_COUNT,
    years: float = SCENARIO_YEARS,
    staff_headcount: int = SCENARIO_STAFF_HEADCOUNT,
    usd_per_staff_year: float | None = None,
    usd_per_kwh: float = EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
    usd_per_kw_month: float = SCENARIO_HOSTING_USD_PER_KW_MONTH,
    server_overhead: Mapping[str, float] | None = None,
    interconnect_share: float = EPOCH_INTERCONNECT_SHARE,
    pue: float = EPOCH_PUE_OTHER,
    power_fraction_of_tdp: float = EPOCH_POWER_FRACTION_OF_TDP,
    server_power_factor: Mapping[str, float] | None = None,
) -> FleetScenario:
    r"""Model the fleet beside SemiAnalysis's ~$1.6B capex and ~$944M operating cost.

    .. math::

        \text{capex} = \sum_g o_g \, n_g p_g, \qquad
        T_{944} = \frac{\$944\mathrm{M}}{E\,e + P_\mathrm{IT}\,12\,h + n_S\,w}

    Parameters
    ----------
    h20_count : int, optional
        H20s in the fleet [GPU]; default 30,000 = 50,000 − 10,000 − 10,000 (C, unverified).
    years : float, optional
        Period for the breakdown and the opex rate [yr]; default 4 (one
        commentator's reading of the chart as a 4-year TCO; unverified).
    staff_headcount : int, optional
        People [person]; default 150 (aicosts assumption, C, for illustration).
    usd_per_staff_year : float, optional
        Cost per person-year [USD/(person·yr)]; default the reported "more than $1.3
        million" for AI researchers (B), read from the published-figures table.
    usd_per_kwh : float, optional
        Electricity [USD/kWh]; default $0.0806, the 2023 US industrial average (EIA, as used
        by Epoch AI); applying it to China is an aicosts assumption (C).
    usd_per_kw_month : float, optional
        Hosting [USD/(kW·month)]; default 0 (not modelled: no sourced price; C).
    server_overhead : Mapping[str, float], optional
        Server cost ÷ GPU cost by GPU name [-]; a GPU not named takes Epoch's value for its
        catalogue price (:func:`~aicosts.epoch_server_overhead`): 1 for the H100, whose price
        is a DGX share, 1.64 for the bare H800 and H20 prices (A).
    interconnect_share : float, optional
        Networking share of cluster cost [-]; default Epoch's 0.19 (B).
    pue : float, optional
        Power usage effectiveness [-]; default Epoch's 1.25 for non-hyperscalers (B).
    power_fraction_of_tdp : float, optional
        Average draw ÷ TDP [-]; default Epoch's 0.75 (B).
    server_power_factor : Mapping[str, float], optional
        Server power per GPU ÷ GPU TDP by GPU name [-]; a GPU not named takes Epoch's value
        (:func:`~aicosts.epoch_server_power_factor`: H100 ≈ 1.82, H800 and H20 1.8; A).

    Returns
    -------
    FleetScenario
        Inputs with grades, the fleet breakdown, and the comparisons with the reported
        figures.

    Notes
    -----
    **Capex.** 10,000 H800 × $33,800 + 10,000 H100 × $33,750 + 30,000 H20 × $12,000 =
    $1.0355B of GPUs. Epoch's method adds servers only to bare GPU prices: × 1.64 on the H800
    and H20, nothing on the H100, whose price (DGX H100 "$270,000" / 8) already is a server
    share [2]_. That gives ≈ $1.48B, about 7% below the reported ~$1.6B [1]_: consistent
    with it, under these assumptions, never a reproduction. It rests on the unverified
    30,000 H20s and on list prices; the reported figure is "server capex", so the cluster
    network (Epoch's 19% share, ≈ +$0.35B) is left out when comparing.

    **Operating cost.** The fleet's 26 MW of GPU TDP × Epoch's server power factor (≈ 1.8) at
    75% draw and PUE 1.25 uses ≈ 386 GWh a year, ≈ $31M at $0.0806/kWh: power alone would
    take ≈ 30 years to reach $944M, so the figure is not a year of power. Over 4 years on the
    ~50,000 GPUs (the commentator's reading) the $944M is ≈ $0.54 per GPU-hour
    (``reported_opex_usd_per_gpu_hour``), the order of a hosting-plus-power rate; it needs no
    payroll, and no report says whether it includes one. The staff row is the
    ``staff_headcount`` assumption, for illustration. All of this rests on the
    assumptions (H20 count, electricity price, headcount, period, no hosting) listed in
    ``inputs``.

    Examples
    --------
    >>> sc = semianalysis_fleet_scenario()
    >>> round(sc.server_capex_usd / 1e9, 2), sc.reported_capex_usd / 1e9
    (1.48, 1.6)
    >>> round(float(sc.annual_opex["power"]) / 1e6, 1), round(sc.reported_opex_usd_per_gpu_hour, 2)
    (31.1, 0.54)

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
        "H20": int(h20_count),
    }
    breakdown = fleet_tco(
        counts,
        years=years,
        usd_per_kwh=usd_per_kwh,
        usd_per_kw_month=usd_per_kw_month,
        staff_headcount=staff_headcount,
        usd_per_staff_year=salary,
        server_overhead=server_overhead,
        interconnect_share=interconnect_share,
        pue=pue,
        power_fraction_of_tdp=power_fraction_of_tdp,
        server_power_factor=server_power_factor,
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
    fleet_gpu_hours = gpu_hours_for_wall_clock(years * HOURS_PER_YEAR, sum(counts.values()))
    opex_rate = as_float(average_usd_per_gpu_hour(reported_opex, fleet_gpu_hours))

    gpus = {g: get_gpu(g) for g in counts}
    inputs = pd.DataFrame(
        [
            ("H800 GPUs", counts["H800"], "GPU", "B", "semianalysis2025 (press reports)"),
            ("H100 GPUs", counts["H100"], "GPU", "B", "semianalysis2025 (press reports)"),
            (
                "H20 GPUs",
                h20_count,
                "GPU",
                "assumed",
                "50,000 − 10,000 − 10,000; one reading of the chart, unverified",
            ),
            *[
                (f"{g.name} price", g.usd_price, "USD/GPU", "B", g.sources["usd_price"])
                for g in gpus.values()
            ],
            *[
                (
                    f"{g.name} server overhead",
                    _value(g, server_overhead, epoch_server_overhead),
                    "-",
                    "A",
                    f"epochcode2025 (the price is a {g.usd_price_kind})",
                )
                for g in gpus.values()
            ],
            *[
                (
                    f"{g.name} server power factor",
                    _value(g, server_power_factor, epoch_server_power_factor),
                    "-",
                    "A",
                    "epochcode2025, energy.py",
                )
                for g in gpus.values()
            ],
            ("interconnect share", interconnect_share, "-", "B", "cottier2024, Epoch constants"),
            ("PUE", pue, "-", "B", "cottier2024, Epoch constants (non-hyperscaler)"),
            ("power fraction of TDP", power_fraction_of_tdp, "-", "B", "cottier2024"),
            (
                "electricity price",
                usd_per_kwh,
                "USD/kWh",
                "assumed",
                "2023 US industrial average (EIA via Epoch AI code) applied to China",
            ),
            (
                "hosting price",
                usd_per_kw_month,
                "USD/(kW·month)",
                "assumed",
                "not modelled: no sourced price",
            ),
            (
                "staff headcount",
                staff_headcount,
                "person",
                "assumed",
                "aicosts assumption for illustration",
            ),
            (
                "cost per person-year",
                salary,
                "USD/(person·yr)",
                "B",
                "semianalysis2025: researchers 'more than $1.3 million annually'",
            ),
            ("period", years, "yr", "assumed", "one commentator's 4-year TCO reading, unverified"),
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
            years_to_reach(reported_opex, as_float(annual["power"]))
        ),
        reported_opex_usd_per_gpu_hour=opex_rate,
    )
