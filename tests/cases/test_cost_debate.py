"""The cost-debate case study: every number of the page against its formula or published figure."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aicosts
from aicosts.cases import cost_debate, deepseek_fleet
from aicosts.formulas.costs import HOURS_PER_YEAR

fig = aicosts.published_figure
H800, H100, H20, A100 = (aicosts.get_gpu(g) for g in ("H800", "H100", "H20", "A100"))


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    return dict(cost_debate.headline_figures())


@pytest.fixture(scope="module")
def bands() -> pd.DataFrame:
    return cost_debate.uncertainty_bands().set_index(["model", "method"])


def _methods() -> pd.Series:
    return cost_debate.deepseek_v3_methods().set_index("method")["usd"].astype(float)


# --- the per-run table ---------------------------------------------------------------------------


def test_inputs_are_the_sourced_values() -> None:
    table = cost_debate.deepseek_v3_inputs().set_index("input")
    value = table["value"]
    assert value["final-run GPU-hours"] == fig("deepseek_v3_total_gpu_hours")  # Table 1 (A)
    assert value["rental price"] == fig("deepseek_v3_usd_per_gpu_hour")  # Table 1 caption (A)
    assert value["H800 price"] == H800.usd_price
    assert value["H800 TDP"] == H800.tdp_watts
    assert value["server overhead"] == aicosts.EPOCH_SERVER_OVERHEAD_LOW
    assert value["cost per person-year"] == fig("semianalysis_researcher_usd_per_year")
    assert value["research multiplier"] == cost_debate.ILLUSTRATIVE_RESEARCH_MULTIPLIER
    assert set(table["grade"]) <= {"A", "B", "C"}
    assert table.loc[["research multiplier", "staff headcount"], "grade"].eq("C").all()


def test_methods_are_cost_by_method_of_the_page_inputs() -> None:
    fleet = deepseek_fleet.semianalysis_fleet_scenario(interconnect_share=0.0)
    expected = aicosts.cost_by_method(
        fig("deepseek_v3_total_gpu_hours"),
        fig("deepseek_v3_usd_per_gpu_hour"),
        gpu=H800,
        usd_per_kwh=aicosts.EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
        research_multiplier=cost_debate.ILLUSTRATIVE_RESEARCH_MULTIPLIER,
        staff_headcount=cost_debate.ILLUSTRATIVE_STAFF_HEADCOUNT,
        usd_per_staff_year=fig("semianalysis_researcher_usd_per_year"),
        staff_years=cost_debate.ILLUSTRATIVE_STAFF_YEARS,
        fleet=fleet.breakdown,
    )
    pd.testing.assert_frame_equal(cost_debate.deepseek_v3_methods(), expected)
    # DeepSeek-V3 report, Table 1: the final run's rental is $5.576M.
    assert _methods()["final-run rental"] == fig("deepseek_v3_total_usd")


def test_methods_fleet_period_follows_years() -> None:
    one_year = cost_debate.deepseek_v3_methods(years=1.0).set_index("method")["usd"]
    scenario = deepseek_fleet.semianalysis_fleet_scenario(interconnect_share=0.0, years=1.0)
    assert one_year["fleet opex"] == pytest.approx(scenario.annual_opex["total"], rel=1e-12)


def test_methods_refuse_bad_input() -> None:
    with pytest.raises(ValueError, match="research_multiplier"):
        cost_debate.deepseek_v3_methods(research_multiplier=0.5)
    with pytest.raises(ValueError, match="years"):
        cost_debate.deepseek_v3_methods(years=-1.0)


def test_steps_are_the_methods_and_their_sums() -> None:
    steps = cost_debate.cost_steps().set_index("step")["usd"]
    usd = _methods()
    assert steps["(a) final-run rental"] == usd["final-run rental"]
    assert steps["(b) amortized ownership"] == usd["amortized ownership"]
    assert steps["(c1) + research runs"] == pytest.approx(
        cost_debate.ILLUSTRATIVE_RESEARCH_MULTIPLIER * usd["final-run rental"]
    )
    assert steps["(c) development"] == usd["development"]
    assert steps["(d1) fleet capex"] == usd["fleet capex"]
    assert steps["(d2) fleet capex + opex"] == pytest.approx(usd["fleet capex"] + usd["fleet opex"])


# --- the fleet -----------------------------------------------------------------------------------


def test_fleet_readings_are_acquisition_costs_of_each_reading() -> None:
    readings = cost_debate.fleet_capex_readings().set_index("reading")["server_capex_usd"]
    low, high = aicosts.EPOCH_SERVER_OVERHEAD_LOW, aicosts.EPOCH_SERVER_OVERHEAD_HIGH
    n800, n100 = fig("semianalysis_h800_gpus"), fig("semianalysis_h100_gpus")
    n20, n_a100 = fig("semianalysis_h20_gpus_reading"), fig("high_flyer_a100_2021")
    gpus = n800 * H800.usd_price + n100 * H100.usd_price + n20 * H20.usd_price
    scenario = deepseek_fleet.semianalysis_fleet_scenario(interconnect_share=0.0)
    first, second, third, fourth = readings.to_numpy()
    assert first == pytest.approx(low * gpus) == pytest.approx(scenario.server_capex_usd)
    assert second == pytest.approx(low * gpus - (low - 1.0) * n100 * H100.usd_price)
    assert third == pytest.approx(high * gpus)
    assert fourth == pytest.approx(low * (gpus + n_a100 * A100.usd_price))


def test_fleet_readings_span_the_reported_capex_and_count_60k_gpus() -> None:
    readings = cost_debate.fleet_capex_readings()
    reported = fig("semianalysis_server_capex_usd")  # ~$1.6B (B)
    assert readings["server_capex_usd"].min() < reported < readings["server_capex_usd"].max()
    # The chart transcription: 60,000 GPUs including 10,000 A100s (sources.md, SemiAnalysis).
    last = readings.iloc[-1]
    assert last[["H800", "H100", "H20", "A100"]].sum() == 60_000
    assert last["A100"] == 10_000


def test_opex_per_gpu_hour_is_the_total_over_the_fleet_hours() -> None:
    opex = fig("semianalysis_operating_cost_usd")  # ~$944M (B)
    for num_gpus in (50_000, 60_000):
        rate = cost_debate.opex_usd_per_gpu_hour(num_gpus, 4.0, opex)
        assert rate == pytest.approx(opex / (4.0 * HOURS_PER_YEAR * num_gpus), rel=1e-15)
    # sources.md: "over 4 years on 50–60K GPUs is ≈ $0.45–0.54 per GPU-hour".
    rates = cost_debate.opex_usd_per_gpu_hour(np.array([60_000, 50_000]), 4.0, opex)
    assert np.round(rates, 2).tolist() == [0.45, 0.54]


@given(
    num_gpus=st.floats(1.0, 1e6),
    years=st.floats(0.1, 20.0),
    total_usd=st.floats(1.0, 1e12),
)
def test_opex_rate_times_fleet_hours_is_the_total(
    num_gpus: float, years: float, total_usd: float
) -> None:
    rate = cost_debate.opex_usd_per_gpu_hour(num_gpus, years, total_usd)
    assert rate * years * HOURS_PER_YEAR * num_gpus == pytest.approx(total_usd, rel=1e-12)
    assert cost_debate.opex_usd_per_gpu_hour(2 * num_gpus, years, total_usd) < rate


def test_opex_rate_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="num_gpus"):
        cost_debate.opex_usd_per_gpu_hour(0, 4.0, 944e6)
    with pytest.raises(TypeError, match="years"):
        cost_debate.opex_usd_per_gpu_hour(50_000, "4", 944e6)


# --- the formulas the bands sample ---------------------------------------------------------------


def test_development_from_rental_is_development_of_the_rental_cost() -> None:
    hours, price = fig("deepseek_v3_total_gpu_hours"), fig("deepseek_v3_usd_per_gpu_hour")
    salary = fig("semianalysis_researcher_usd_per_year")
    got = cost_debate.development_from_rental(
        hours, price, research_multiplier=4, staff_headcount=149.6, usd_per_staff_year=salary,
        staff_years=1,
    )  # fmt: skip
    expected = aicosts.development_cost(
        aicosts.rental_cost(hours, price), research_multiplier=4, staff_headcount=150,
        usd_per_staff_year=salary, years=1,
    )  # fmt: skip
    assert got == expected


@settings(max_examples=50)
@given(st.lists(st.floats(0.0, 500.0), min_size=1, max_size=8))
def test_development_vectorised_equals_looped(headcounts: list[float]) -> None:
    kw = {"research_multiplier": 2.0, "usd_per_staff_year": 1.3e6, "staff_years": 1.0}
    vector = cost_debate.development_from_rental(1e6, 2.0, staff_headcount=headcounts, **kw)
    looped = [
        cost_debate.development_from_rental(1e6, 2.0, staff_headcount=h, **kw) for h in headcounts
    ]
    np.testing.assert_allclose(vector, looped, rtol=1e-15)


def test_fleet_server_capex_is_the_scenario_capex_at_catalogue_prices() -> None:
    capex = cost_debate.fleet_server_capex(
        H800.usd_price, H100.usd_price, H20.usd_price,
        server_overhead=aicosts.EPOCH_SERVER_OVERHEAD_LOW,
    )  # fmt: skip
    scenario = deepseek_fleet.semianalysis_fleet_scenario(interconnect_share=0.0)
    assert capex == pytest.approx(scenario.server_capex_usd, rel=1e-12)


@given(
    price=st.floats(1_000.0, 100_000.0),
    overhead=st.floats(1.0, 2.0),
)
def test_fleet_server_capex_grows_with_each_price(price: float, overhead: float) -> None:
    base = cost_debate.fleet_server_capex(price, price, price, server_overhead=overhead)
    assert cost_debate.fleet_server_capex(2 * price, price, price, server_overhead=overhead) > base
    # 50,000 GPUs at one price: the fleet is 50,000 × price × overhead.
    assert base == pytest.approx(fig("semianalysis_fleet_gpus") * price * overhead, rel=1e-12)


# --- Monte Carlo bands ---------------------------------------------------------------------------


def test_bands_are_reproducible_and_ordered(bands: pd.DataFrame) -> None:
    again = cost_debate.uncertainty_bands().set_index(["model", "method"])
    pd.testing.assert_frame_equal(bands, again)
    assert (bands["p5"] <= bands["p50"]).all() and (bands["p50"] <= bands["p95"]).all()


def test_rental_band_lies_between_the_rental_cost_at_the_range_ends(bands: pd.DataFrame) -> None:
    hours, rent = fig("deepseek_v3_total_gpu_hours"), cost_debate.RENTAL_RANGE
    band = bands.loc[("DeepSeek-V3", "final-run rental")]
    assert aicosts.rental_cost(hours, rent.low) <= band["p5"]
    assert band["p95"] <= aicosts.rental_cost(hours, rent.high)


def test_ownership_band_lies_between_the_cost_at_the_range_ends(bands: pd.DataFrame) -> None:
    hours = fig("deepseek_v3_total_gpu_hours")
    common = {
        "tdp_watts": H800.tdp_watts,
        "usd_per_kwh": aicosts.EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
        "interconnect_share": aicosts.EPOCH_INTERCONNECT_SHARE,
        "power_fraction_of_tdp": aicosts.EPOCH_POWER_FRACTION_OF_TDP,
        "server_power_factor": 1.0,
    }
    price, overhead = cost_debate.H800_PRICE_RANGE, cost_debate.SERVER_OVERHEAD_RANGE
    life, pue = cost_debate.LIFE_YEARS_RANGE, cost_debate.PUE_RANGE
    cheapest = aicosts.amortized_ownership_cost(
        hours, price.low, server_overhead=overhead.low, life_years=life.high, pue=pue.low, **common
    )
    dearest = aicosts.amortized_ownership_cost(
        hours, price.high, server_overhead=overhead.high, life_years=life.low, pue=pue.high,
        **common,
    )  # fmt: skip
    band = bands.loc[("DeepSeek-V3", "amortized ownership")]
    assert cheapest < band["p5"] < band["p95"] < dearest
    one = cost_debate.amortized_ownership_band(hours, "H800", cost_debate.H800_PRICE_RANGE)
    assert one.tolist() == band[["p5", "p50", "p95"]].tolist()


def test_acquisition_band_of_a_fixed_price_spans_the_overhead_range() -> None:
    q = cost_debate.acquisition_band(2048, 33_800.0, num_samples=5_000)
    share = aicosts.EPOCH_INTERCONNECT_SHARE
    overhead = cost_debate.SERVER_OVERHEAD_RANGE
    low = aicosts.acquisition_cost(
        2048, 33_800.0, server_overhead=overhead.low, interconnect_share=share
    )
    high = aicosts.acquisition_cost(
        2048, 33_800.0, server_overhead=overhead.high, interconnect_share=share
    )
    assert low <= q.iloc[0] <= q.iloc[2] <= high


def test_reported_figures_are_the_published_rows() -> None:
    reported = cost_debate.reported_figures().set_index(["model", "method"])["usd"]
    assert reported["DeepSeek-V3", "final-run rental"] == fig("deepseek_v3_total_usd")
    assert reported["DeepSeek-V3", "amortized ownership"] == fig("deepseek_v3_epoch_usd")
    assert reported["Llama-3.1-405B", "final-run rental"] == fig("epoch_llama31_405b_cloud_usd")
    assert reported["DeepSeek-V3", "fleet capex"] == fig("semianalysis_server_capex_usd")
    bands = cost_debate.uncertainty_bands(num_samples=100)
    assert set(zip(bands.model, bands.method, strict=True)) - set(reported.index) <= {
        ("DeepSeek-V3", "acquisition"),
        ("DeepSeek-V3", "development"),
    }


# --- the prose -----------------------------------------------------------------------------------


def test_headline_is_read_only(figures: dict[str, float]) -> None:
    with pytest.raises(TypeError):
        cost_debate.headline_figures()["v3_rental_usd"] = 0.0  # type: ignore[index]
    assert all(isinstance(v, float) and np.isfinite(v) for v in figures.values())


def test_headline_per_run_numbers(figures: dict[str, float]) -> None:
    usd = _methods()
    rental = aicosts.rental_cost(fig("deepseek_v3_total_gpu_hours"), 2.0)
    assert figures["v3_rental_usd"] == rental == fig("deepseek_v3_total_usd")  # Table 1 (A)
    assert figures["v3_amortized_ownership_usd"] == usd["amortized ownership"]
    assert figures["v3_amortized_ownership_over_rental"] == pytest.approx(
        usd["amortized ownership"] / rental
    )
    assert figures["v3_research_runs_usd"] == pytest.approx(
        (cost_debate.ILLUSTRATIVE_RESEARCH_MULTIPLIER - 1) * rental
    )
    assert figures["v3_staff_usd"] == pytest.approx(
        aicosts.staff_cost(150, fig("semianalysis_researcher_usd_per_year"), 1.0)
    )
    assert figures["v3_development_usd"] == pytest.approx(
        rental + figures["v3_research_runs_usd"] + figures["v3_staff_usd"]
    )
    assert figures["v3_amortized_ownership_over_epoch_database_percent"] == pytest.approx(
        100 * (usd["amortized ownership"] / fig("deepseek_v3_epoch_usd") - 1)
    )


def test_headline_fleet_numbers(figures: dict[str, float]) -> None:
    fleet = deepseek_fleet.semianalysis_fleet_scenario(interconnect_share=0.0)
    opex = fig("semianalysis_operating_cost_usd")
    assert figures["fleet_capex_modelled_usd"] == pytest.approx(fleet.server_capex_usd)
    assert figures["fleet_power_usd_per_year"] == fleet.annual_opex["power"]
    assert figures["fleet_power_over_period_usd"] == pytest.approx(4 * fleet.annual_opex["power"])
    assert figures["fleet_power_usd_per_gpu_hour"] == pytest.approx(
        fleet.annual_opex["power"] / (HOURS_PER_YEAR * fig("semianalysis_fleet_gpus"))
    )
    assert figures["fleet_num_gpus_chart_reading"] == 60_000
    assert figures["opex_usd_per_gpu_hour_50k_gpus"] == pytest.approx(
        opex / (4 * HOURS_PER_YEAR * 50_000)
    )
    assert figures["opex_usd_per_gpu_hour_60k_gpus"] == pytest.approx(
        opex / (4 * HOURS_PER_YEAR * 60_000)
    )
    assert figures["opex_usd_per_gpu_hour_one_year_50k_gpus"] == pytest.approx(
        opex / (HOURS_PER_YEAR * 50_000)
    )
    assert figures["fleet_tdp_kw"] == pytest.approx(
        (10_000 * H800.tdp_watts + 10_000 * H100.tdp_watts + 30_000 * H20.tdp_watts) / 1e3
    )


def test_headline_comparison_numbers(figures: dict[str, float], bands: pd.DataFrame) -> None:
    # Epoch's code counts Llama-3.1-405B as 16,384 GPUs × 2,142 h = 35,094,528 GPU-hours
    # (All ML Systems row, epoch-research/training-cost-trends@e13599f), so its $169.8M cloud
    # cost implies ≈ $4.84/GPU-hour, not $169.8M / 30.84M = $5.51 (issue 11, item 5).
    assert figures["epoch_llama_gpu_hours"] == 35_094_528
    assert figures["epoch_llama_implied_usd_per_gpu_hour"] == pytest.approx(
        fig("epoch_llama31_405b_cloud_usd") / 35_094_528
    )
    assert round(figures["epoch_llama_implied_usd_per_gpu_hour"], 2) == 4.84
    assert figures["llama_over_v3_gpu_hours"] == pytest.approx(
        fig("llama31_405b_gpu_hours") / fig("deepseek_v3_total_gpu_hours")
    )
    median = bands["p50"]
    assert figures["gpt4_over_v3_amortized_median"] == pytest.approx(
        median["GPT-4", "amortized ownership"] / median["DeepSeek-V3", "amortized ownership"]
    )
