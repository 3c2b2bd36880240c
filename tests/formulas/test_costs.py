"""Tests for aicosts.costs: each accounting method, the fleet scenario and validation."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aicosts as k
from aicosts import get_gpu
from aicosts import published_figure as fig
from aicosts.cases import deepseek_fleet
from aicosts.catalogues.published import GRADES
from aicosts.formulas.costs import HOURS_PER_YEAR

#: Epoch AI's ownership assumptions for the H800 (a bare GPU price: overhead 1.64, server power
#: 1.8 × TDP), and the energy ones among them.
_OWN = dict(k.epoch_ownership(get_gpu("H800")))
_ENERGY = {key: _OWN[key] for key in ("power_fraction_of_tdp", "pue", "server_power_factor")}

# --- published figures ----------------------------------------------------------------------


@pytest.mark.parametrize("stage", ["pretraining", "context_extension", "post_training", "total"])
def test_v3_table1_rental(stage: str) -> None:
    # deepseekv3 Table 1: each stage's GPU-hours at $2/GPU-hour is its USD column, exactly.
    got = k.rental_cost(fig(f"deepseek_v3_{stage}_gpu_hours"), fig("deepseek_v3_usd_per_gpu_hour"))
    assert got == fig(f"deepseek_v3_{stage}_usd")


def test_r1_cost_and_v3_plus_r1() -> None:
    # deepseekr1 Nature supplement (B): about $294,000; reconstruction $294,672 (C).
    r1 = k.rental_cost(
        fig("deepseek_r1_reconstructed_gpu_hours"), fig("deepseek_r1_usd_per_gpu_hour")
    )
    assert r1 == fig("deepseek_r1_reconstructed_usd")
    assert abs(r1 - fig("deepseek_r1_usd")) < 1_000  # "about $294K"
    # V3 + R1 ≈ $5.87M (C).
    # R1 starts from V3-Base: pre-training + context extension, not V3's own post-training.
    v3_base = fig("deepseek_v3_pretraining_usd") + fig("deepseek_v3_context_extension_usd")
    assert v3_base + r1 == fig("deepseek_v3_plus_r1_usd")
    assert fig("deepseek_v3_plus_r1_usd") < fig("deepseek_v3_total_usd") + r1


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("EPOCH_SERVER_OVERHEAD_LOW", "epoch_server_overhead_low"),
        ("EPOCH_SERVER_OVERHEAD_HIGH", "epoch_server_overhead_high"),
        ("EPOCH_INTERCONNECT_SHARE", "epoch_interconnect_share"),
        ("EPOCH_PUE_HYPERSCALER", "epoch_pue_hyperscaler"),
        ("EPOCH_PUE_OTHER", "epoch_pue_other"),
        ("EPOCH_POWER_FRACTION_OF_TDP", "epoch_power_fraction_of_tdp"),
        ("EPOCH_LIFE_YEARS_LOW", "epoch_life_years_low"),
        ("EPOCH_LIFE_YEARS_HIGH", "epoch_life_years_high"),
        ("EPOCH_PRICE_PERFORMANCE_OOM_PER_YEAR", "epoch_price_performance_oom_per_year"),
        ("EPOCH_DEFAULT_MFU", "epoch_default_mfu"),
        ("EIA_US_INDUSTRIAL_USD_PER_KWH_2023", "eia_us_industrial_usd_per_kwh_2023"),
    ],
)
def test_epoch_constants_match_table(name: str, key: str) -> None:
    assert getattr(k, name) == fig(key)


def test_epoch_depreciation_life_within_epoch_range() -> None:
    assert k.EPOCH_LIFE_YEARS_LOW < k.EPOCH_DEPRECIATION_LIFE_YEARS < k.EPOCH_LIFE_YEARS_HIGH
    assert k.EPOCH_DEPRECIATION_LIFE_YEARS == pytest.approx(3.102, abs=1e-3)


# --- SemiAnalysis fleet: which assumptions give $1.6B and $944M -----------------------------


def test_fleet_gpu_capex_hint() -> None:
    # 10k × $33.8K + 10k × $33.75K + 30k × $12K = $1.0355B of GPUs (C).
    sc = deepseek_fleet.semianalysis_fleet_scenario()
    gpu_rows = sc.breakdown.index.str.startswith("GPUs: ")
    assert sc.breakdown.loc[gpu_rows, "usd"].sum() == 1_035_500_000.0
    assert int(sc.breakdown.loc[gpu_rows, "quantity"].sum()) == fig("semianalysis_fleet_gpus")


def test_fleet_server_capex_is_consistent_with_reported() -> None:
    # Epoch's method: × 1.64 on the bare H800 and H20 prices, nothing on the H100's DGX share
    # ($270,000 / 8): 338M × 1.64 + 337.5M + 360M × 1.64 = $1.4822B, ~7% under "~$1.6B"
    # server capex (semianalysis2025, B): consistent with it, under these assumptions.
    sc = deepseek_fleet.semianalysis_fleet_scenario()
    assert sc.reported_capex_usd == fig("semianalysis_server_capex_usd")
    assert sc.server_capex_usd == pytest.approx(
        fig("semianalysis_h800_gpus") * get_gpu("H800").usd_price * 1.64
        + fig("semianalysis_h100_gpus") * get_gpu("H100").usd_price
        + fig("semianalysis_h20_gpus_reading") * get_gpu("H20").usd_price * 1.64
    )
    assert sc.server_capex_usd == pytest.approx(1_482_220_000.0)
    assert sc.server_capex_usd == pytest.approx(fig("semianalysis_server_capex_usd"), rel=0.1)
    # An override by GPU name still works: Epoch's V100 overhead on the H800 and H20.
    high = deepseek_fleet.semianalysis_fleet_scenario(
        server_overhead={"H800": k.EPOCH_SERVER_OVERHEAD_HIGH, "H20": k.EPOCH_SERVER_OVERHEAD_HIGH}
    )
    assert high.server_capex_usd == pytest.approx(1_517_120_000.0)
    with_network = sc.breakdown.loc[sc.breakdown["category"] == "capex", "usd"].sum()
    assert with_network > 1.1 * fig("semianalysis_server_capex_usd")  # + 19% network: too high
    # Consistent with "well higher than $500M" of hardware over the company's history.
    assert sc.server_capex_usd > fig("semianalysis_hardware_spend_lower_bound_usd")


def test_fleet_counts_no_server_on_a_server_share_price() -> None:
    # Issue 11 error 1: the H100's $33,750 is DGX H100 "$270,000" / 8, a server share.
    tco = k.fleet_tco({"H100": 10_000}, years=1, usd_per_kwh=0.08, usd_per_kw_month=0,
                      staff_headcount=0, usd_per_staff_year=1.0)  # fmt: skip
    assert tco.loc["servers (non-GPU parts)", "usd"] == 0.0
    bare = k.fleet_tco({"H800": 10_000}, years=1, usd_per_kwh=0.08, usd_per_kw_month=0,
                       staff_headcount=0, usd_per_staff_year=1.0)  # fmt: skip
    assert bare.loc["servers (non-GPU parts)", "usd"] == pytest.approx(10_000 * 33_800 * 0.64)
    forced = k.fleet_tco({"H100": 10}, years=1, usd_per_kwh=0.08, usd_per_kw_month=0,
                         staff_headcount=0, usd_per_staff_year=1.0,
                         server_overhead={"H100": 1.5})  # fmt: skip
    assert forced.loc["servers (non-GPU parts)", "usd"] == pytest.approx(10 * 33_750 * 0.5)
    with pytest.raises(ValueError, match="not in gpu_counts"):
        k.fleet_tco({"H100": 10}, years=1, usd_per_kwh=0.08, usd_per_kw_month=0,
                    staff_headcount=0, usd_per_staff_year=1.0,
                    server_overhead={"H800": 1.5})  # fmt: skip


def test_fleet_power_uses_epochs_server_power_factor() -> None:
    # Issue 11 error 2: Epoch's energy is TDP × chip-to-server factor × 0.75 × PUE × price;
    # H100 (10.2 kW / 8) / 0.7 kW ≈ 1.82, H800 and H20 1.8 (epochcode2025 energy.py, A).
    sc = deepseek_fleet.semianalysis_fleet_scenario()
    it_kw = sum(
        fig(f"semianalysis_{g.lower()}_gpus{suffix}") * get_gpu(g).tdp_watts / 1e3 * factor
        for g, suffix, factor in [
            ("H800", "", fig("epoch_server_power_factor_other_gpu")),
            ("H100", "", fig("epoch_server_power_factor_h100")),
            ("H20", "_reading", fig("epoch_server_power_factor_other_gpu")),
        ]
    )
    assert sc.annual_opex["power"] == pytest.approx(it_kw * 0.75 * 1.25 * 8766 * 0.0806)
    # About 80% more than bare TDP would give ($17.2M), ≈ $31.1M a year.
    assert sc.annual_opex["power"] == pytest.approx(31.1e6, rel=0.01)
    bare = deepseek_fleet.semianalysis_fleet_scenario(
        server_power_factor={"H800": 1.0, "H100": 1.0, "H20": 1.0}
    )
    assert bare.annual_opex["power"] == pytest.approx(26_000 * 0.75 * 1.25 * 8766 * 0.0806)


def test_fleet_operating_cost_period() -> None:
    sc = deepseek_fleet.semianalysis_fleet_scenario()
    assert sc.reported_opex_usd == fig("semianalysis_operating_cost_usd")
    # Power alone would need ~30 years: $944M is not a year (or a decade) of power.
    assert round(sc.years_of_power_to_reported_opex) == 30
    # Over 4 years on 50,000 GPUs the $944M is ≈ $0.54 per GPU-hour: a hosting-plus-power
    # rate, with no payroll needed (issue 11 error 8).
    assert sc.reported_opex_usd_per_gpu_hour == pytest.approx(944e6 / (4 * 8766 * 50_000))
    assert not hasattr(sc, "implied_staff_headcount")


def test_fleet_scenario_inputs_are_graded() -> None:
    sc = deepseek_fleet.semianalysis_fleet_scenario()
    assert set(sc.inputs["grade"]) <= set(GRADES)
    assert sc.inputs.loc["H20 GPUs", "grade"] == "assumed"
    assert sc.inputs.loc["staff headcount", "grade"] == "assumed"
    assert sc.inputs.loc["electricity price", "grade"] == "assumed"
    assert sc.inputs.loc["cost per person-year", "value"] == fig(
        "semianalysis_researcher_usd_per_year"
    )


# --- method relations ---------------------------------------------------------------------


def test_owning_for_the_whole_life_costs_the_acquisition() -> None:
    n, life = 2048, 4.0
    hours = n * life * HOURS_PER_YEAR
    owned = k.amortized_ownership_cost(hours, 33_800, 700, 0.08, **{**_OWN, "life_years": life})
    energy = k.energy_cost(hours, 700, 0.08, **_ENERGY)
    assert owned - energy == pytest.approx(
        k.acquisition_cost(n, 33_800, server_overhead=1.64, interconnect_share=0.19)
    )


def test_acquisition_without_network_is_server_capex() -> None:
    assert k.acquisition_cost(
        10, 1000, server_overhead=1.54, interconnect_share=0
    ) == pytest.approx(10 * 1000 * 1.54)
    assert k.acquisition_cost(10, 1000, server_overhead=1, interconnect_share=0.19) == (
        pytest.approx(10_000 / 0.81)
    )


def test_development_reduces_to_final_run() -> None:
    got = k.development_cost(
        5.576e6, research_multiplier=1, staff_headcount=0, usd_per_staff_year=1.3e6, years=1
    )
    assert got == 5.576e6


def test_energy_is_small_share_of_v3_rental() -> None:
    # Epoch: energy is 2–6% of development cost (cottier2024, A); for V3's final run, with
    # Epoch's server power (1.8 × TDP), ≈ 4.8% of the rental figure.
    energy = k.energy_cost(fig("deepseek_v3_total_gpu_hours"), 700, 0.0806, **_ENERGY)
    assert 0.04 < energy / fig("deepseek_v3_total_usd") < 0.06


def test_hosting_and_staff_and_years() -> None:
    assert k.hosting_cost(1000, 2, 100) == 2_400_000
    assert k.hosting_cost(1000, 2, 0) == 0
    assert k.staff_cost(10, 1.3e6, 2) == 26e6
    assert k.staff_cost(0, 1.3e6, 2) == 0
    assert k.years_to_reach(944e6, 236e6) == 4.0


# --- fleet_tco and cost_by_method ---------------------------------------------------------

FLEET = {"H800": 10_000, "H100": 10_000, "H20": 30_000}
FLEET_KW: dict[str, Any] = {
    "years": 4,
    "usd_per_kwh": 0.0806,
    "usd_per_kw_month": 100,
    "staff_headcount": 150,
    "usd_per_staff_year": 1.3e6,
}


def test_fleet_tco_table_shape() -> None:
    t = k.fleet_tco(FLEET, **FLEET_KW)
    assert list(t.columns) == ["category", "quantity", "unit", "usd_per_unit", "usd"]
    assert t.index.name == "item"
    assert list(t.index[-1:]) == ["total"]
    assert set(t["category"]) == {"capex", "opex", "total"}
    body = t.drop(index="total")
    assert t.loc["total", "usd"] == pytest.approx(body["usd"].sum())
    np.testing.assert_allclose(body["quantity"] * body["usd_per_unit"], body["usd"])
    # Networking is 19% of the whole cluster (servers + networking).
    capex = body.loc[body["category"] == "capex", "usd"].sum()
    assert t.loc["cluster networking", "usd"] == pytest.approx(0.19 * capex)
    # Hosting on provisioned power: 26 MW of GPU TDP × Epoch's server power factor (H100
    # (10.2 / 8) / 0.7, the others 1.8; epochcode2025 energy.py, A) × 12 × 4 months × $100.
    it_kw = (7_000 + 12_000) * 1.8 + 7_000 * fig("epoch_server_power_factor_h100")
    assert t.loc["hosting", "usd"] == pytest.approx(it_kw * 12 * 4 * 100)


def test_fleet_tco_prices() -> None:
    low = k.fleet_tco(FLEET, price="low", **FLEET_KW)
    high = k.fleet_tco(FLEET, price="HIGH", **FLEET_KW)
    assert low.loc["total", "usd"] < high.loc["total", "usd"]
    over = k.fleet_tco(FLEET, usd_per_gpu={"h20": 10_000}, **FLEET_KW)
    assert over.loc["GPUs: H20", "usd_per_unit"] == 10_000


@pytest.mark.parametrize(
    ("counts", "extra", "exc", "msg"),
    [
        ({"B200": 1}, {}, ValueError, "unknown GPU 'B200'"),
        ({"H100": 1, "h100 sxm": 2}, {}, ValueError, "names 'H100 SXM' twice"),
        ({"H100": 1.5}, {}, ValueError, "gpu_counts['H100'] must be a whole number, got 1.5"),
        ({"H100": 0}, {}, ValueError, "gpu_counts['H100'] must be at least 1, got 0"),
        ({}, {}, TypeError, "gpu_counts must be a non-empty mapping"),
        ({"H100": 1}, {"price": "median"}, ValueError, "price must be one of"),
        ({"H100": 1}, {"usd_per_gpu": {"H20": 1.0}}, ValueError, "not in gpu_counts"),
        ({"H100": 1}, {"usd_per_gpu": {"H100": -1.0}}, ValueError, "must be positive"),
        ({"H100": 1}, {"years": [1, 2]}, TypeError, "years must be a single number"),
        ({"H100": 1}, {"pue": 0.9}, ValueError, "pue must be at least 1.0, got 0.9"),
        ({"H100": 1}, {"interconnect_share": 1.0}, ValueError, "must be in [0, 1), got 1.0"),
        ({"H100": 1}, {"staff_headcount": -1}, ValueError, "at least 0, got -1"),
        ({"H100": 1}, {"usd_per_kw_month": -5}, ValueError, "must be non-negative"),
        ({"H100": 1}, {"usd_per_kwh": math.nan}, ValueError, "usd_per_kwh must be a finite"),
    ],
)
def test_fleet_tco_validation(
    counts: dict[str, Any], extra: dict[str, Any], exc: type[Exception], msg: str
) -> None:
    with pytest.raises(exc) as info:
        k.fleet_tco(counts, **{**FLEET_KW, **extra})
    assert msg in str(info.value)


def test_cost_by_method() -> None:
    fleet = k.fleet_tco(FLEET, **FLEET_KW)
    t = k.cost_by_method(
        fig("deepseek_v3_total_gpu_hours"),
        fig("deepseek_v3_usd_per_gpu_hour"),
        gpu="H800",
        usd_per_kwh=0.0806,
        research_multiplier=4,
        staff_headcount=150,
        usd_per_staff_year=1.3e6,
        staff_years=1,
        fleet=fleet,
    )
    assert list(t.columns) == ["method", "usd", "includes", "excludes"]
    assert list(t["method"]) == [
        "final-run rental",
        "amortized ownership",
        "development",
        "fleet capex",
        "fleet opex",
    ]
    usd = t.set_index("method")["usd"]
    assert usd["final-run rental"] == fig("deepseek_v3_total_usd")
    h800 = get_gpu("H800")
    assert usd["amortized ownership"] == k.amortized_ownership_cost(
        fig("deepseek_v3_total_gpu_hours"),
        h800.usd_price,
        h800.tdp_watts,
        0.0806,
        **_OWN,
    )
    assert usd["development"] == 4 * fig("deepseek_v3_total_usd") + 150 * 1.3e6
    assert usd["fleet capex"] + usd["fleet opex"] == pytest.approx(fleet.loc["total", "usd"])
    assert t["includes"].str.len().min() > 0 and t["excludes"].str.len().min() > 0
    without = k.cost_by_method(
        1e6,
        2.0,
        gpu=h800,
        usd_per_kwh=0.08,
        research_multiplier=1,
        staff_headcount=0,
        usd_per_staff_year=1.0,
        staff_years=1,
    )
    assert len(without) == 3
    with pytest.raises(TypeError, match="fleet must be a DataFrame returned by fleet_tco"):
        k.cost_by_method(
            1e6,
            2.0,
            gpu="H800",
            usd_per_kwh=0.08,
            research_multiplier=1,
            staff_headcount=0,
            usd_per_staff_year=1.0,
            staff_years=1,
            fleet=pd.DataFrame({"x": [1]}),
        )
    with pytest.raises(TypeError, match="gpu_hours must be a single number"):
        k.cost_by_method(
            [1e6, 2e6],  # type: ignore[arg-type]
            2.0,
            gpu="H800",
            usd_per_kwh=0.08,
            research_multiplier=1,
            staff_headcount=0,
            usd_per_staff_year=1.0,
            staff_years=1,
        )


# --- properties ---------------------------------------------------------------------------

pos = st.floats(min_value=1e-2, max_value=1e9, allow_nan=False, allow_infinity=False)


@given(a=pos, b=pos, p=pos)
def test_rental_monotone(a: float, b: float, p: float) -> None:
    lo, hi = sorted((a, b))
    assert k.rental_cost(lo, p) <= k.rental_cost(hi, p)
    assert k.rental_cost(p, lo) <= k.rental_cost(p, hi)


@given(a=pos, b=pos, p=pos, e=st.floats(min_value=0.01, max_value=1.0))
def test_amortized_monotone(a: float, b: float, p: float, e: float) -> None:
    lo, hi = sorted((a, b))
    assert k.amortized_ownership_cost(lo, p, 700, e, **_OWN) <= k.amortized_ownership_cost(
        hi, p, 700, e, **_OWN
    )
    assert k.amortized_ownership_cost(p, lo, 700, e, **_OWN) <= k.amortized_ownership_cost(
        p, hi, 700, e, **_OWN
    )
    assert k.amortized_ownership_cost(p, 1e4, 700, e, **{**_OWN, "life_years": 3}) >= (
        k.amortized_ownership_cost(p, 1e4, 700, e, **{**_OWN, "life_years": 5})
    )


@given(st.lists(st.tuples(pos, pos), min_size=1, max_size=20))
def test_vectorised_equals_loop(rows: list[tuple[float, float]]) -> None:
    h, p = (np.array(x) for x in zip(*rows, strict=True))
    np.testing.assert_allclose(k.rental_cost(h, p), [k.rental_cost(*r) for r in rows], rtol=1e-15)
    np.testing.assert_allclose(
        k.amortized_ownership_cost(h, p, 700, 0.08, **_OWN),
        [k.amortized_ownership_cost(a, b, 700, 0.08, **_OWN) for a, b in rows],
        rtol=1e-12,
    )
    np.testing.assert_allclose(
        k.energy_cost(h, 700, p, **_ENERGY),
        [k.energy_cost(a, 700, b, **_ENERGY) for a, b in rows],
        rtol=1e-15,
    )


# --- Series in → Series out, and validation of every vectorised function ------------------

CASES: dict[str, tuple[Any, dict[str, Any]]] = {
    "rental_cost": (k.rental_cost, {"gpu_hours": 2.788e6, "usd_per_gpu_hour": 2.0}),
    "energy_cost": (
        k.energy_cost,
        {
            "gpu_hours": 1e6,
            "tdp_watts": 700.0,
            "usd_per_kwh": 0.08,
            "power_fraction_of_tdp": 0.75,
            "pue": 1.25,
            "server_power_factor": 1.0,
        },
    ),
    "acquisition_cost": (
        k.acquisition_cost,
        {
            "num_gpus": 2048,
            "usd_per_gpu": 33_800.0,
            "server_overhead": 1.54,
            "interconnect_share": 0.19,
        },
    ),
    "amortized_ownership_cost": (
        k.amortized_ownership_cost,
        {
            "gpu_hours": 1e6,
            "usd_per_gpu": 33_800.0,
            "tdp_watts": 700.0,
            "usd_per_kwh": 0.08,
            "server_overhead": 1.54,
            "interconnect_share": 0.19,
            "life_years": 4.0,
            "power_fraction_of_tdp": 0.75,
            "pue": 1.25,
            "server_power_factor": 1.0,
        },
    ),
    "development_cost": (
        k.development_cost,
        {
            "final_run_cost": 5.576e6,
            "research_multiplier": 4.0,
            "staff_headcount": 150,
            "usd_per_staff_year": 1.3e6,
            "years": 1.0,
        },
    ),
    "hosting_cost": (k.hosting_cost, {"it_kw": 1000.0, "years": 1.0, "usd_per_kw_month": 100.0}),
    "staff_cost": (
        k.staff_cost,
        {"staff_headcount": 10, "usd_per_staff_year": 1.3e6, "years": 1.0},
    ),
    "years_to_reach": (k.years_to_reach, {"total_usd": 944e6, "usd_per_year": 236e6}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_series_in_series_out(name: str) -> None:
    func, kwargs = CASES[name]
    idx = pd.Index([10, 20, 30], name="case")
    for param in kwargs:
        out = func(**{**kwargs, param: pd.Series([kwargs[param]] * 3, index=idx)})
        assert isinstance(out, pd.Series) and out.index.equals(idx)
        assert out.iloc[1] == pytest.approx(func(**kwargs))
    assert isinstance(func(**kwargs), float)


KINDS = {
    "gpu_hours": "positive",
    "usd_per_gpu_hour": "positive",
    "tdp_watts": "positive",
    "usd_per_kwh": "positive",
    "power_fraction_of_tdp": "fraction",
    "pue": "at_least_1",
    "server_power_factor": "at_least_1",
    "num_gpus": "count",
    "usd_per_gpu": "positive",
    "server_overhead": "at_least_1",
    "interconnect_share": "share",
    "life_years": "positive",
    "final_run_cost": "positive",
    "research_multiplier": "at_least_1",
    "staff_headcount": "count0",
    "usd_per_staff_year": "positive",
    "years": "positive",
    "it_kw": "positive",
    "usd_per_kw_month": "nonneg",
    "total_usd": "positive",
    "usd_per_year": "positive",
}
COMMON: list[tuple[Any, type[Exception], str]] = [
    (math.nan, ValueError, "must be a finite number, got nan"),
    (math.inf, ValueError, "must be a finite number, got inf"),
    ("2.0", TypeError, "must be a number"),
]
BAD: dict[str, list[tuple[Any, type[Exception], str]]] = {
    "positive": [
        (-3.0, ValueError, "must be positive, got -3.0"),
        (0.0, ValueError, "must be positive, got 0.0"),
    ],
    "nonneg": [(-3.0, ValueError, "must be non-negative, got -3.0")],
    "fraction": [
        (1.5, ValueError, "must be in (0, 1], got 1.5"),
        (0.0, ValueError, "must be in (0, 1], got 0.0"),
    ],
    "share": [
        (1.0, ValueError, "must be in [0, 1), got 1.0"),
        (-0.1, ValueError, "must be in [0, 1), got -0.1"),
    ],
    "at_least_1": [(0.5, ValueError, "must be at least 1.0, got 0.5")],
    "count": [
        (2.5, ValueError, "must be a whole number, got 2.5"),
        (0, ValueError, "must be at least 1, got 0"),
    ],
    "count0": [
        (2.5, ValueError, "must be a whole number, got 2.5"),
        (-1, ValueError, "must be at least 0, got -1"),
    ],
}
VALIDATION = [
    (name, param, bad, exc, msg)
    for name, (_, kwargs) in CASES.items()
    for param in kwargs
    for bad, exc, msg in BAD[KINDS[param]] + COMMON
]


@pytest.mark.parametrize(("name", "param", "bad", "exc", "msg"), VALIDATION)
def test_bad_input_names_parameter_and_value(
    name: str, param: str, bad: Any, exc: type[Exception], msg: str
) -> None:
    func, kwargs = CASES[name]
    with pytest.raises(exc, match=rf"^{param}\b") as info:
        func(**{**kwargs, param: bad})
    assert msg in str(info.value)


@pytest.mark.parametrize("name", sorted(CASES))
def test_mismatched_shapes(name: str) -> None:
    func, kwargs = CASES[name]
    p1, p2 = list(kwargs)[:2]
    with pytest.raises(ValueError, match=rf"{p1} \(shape \(3,\)\) and {p2} \(shape \(2,\)\)"):
        func(**{**kwargs, p1: [kwargs[p1]] * 3, p2: [kwargs[p2]] * 2})


def test_bad_element_is_located() -> None:
    with pytest.raises(ValueError, match=r"pue\[1\] must be at least 1.0, got 0.9"):
        k.energy_cost(
            1e6, 700, 0.08, power_fraction_of_tdp=0.75, server_power_factor=1.0, pue=[1.1, 0.9]
        )
