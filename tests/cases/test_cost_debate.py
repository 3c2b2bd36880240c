"""The cost-debate case study: every number of the page against its formula or published figure."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aicosts
from aicosts.cases import cost_debate, cost_debate_bands, deepseek_fleet
from aicosts.formulas.costs import HOURS_PER_YEAR

fig = aicosts.published_figure
H800, H100, H20, A100 = (aicosts.get_gpu(g) for g in ("H800", "H100", "H20", "A100"))


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    return dict(cost_debate.headline_figures())


@pytest.fixture(scope="module")
def bands() -> pd.DataFrame:
    return cost_debate_bands.uncertainty_bands().set_index(["model", "method"])


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
    # Epoch's overhead and server power for a bare H800 price (epochcode2025, A), not the
    # P100's 1.54 (issue 11, error 2).
    assert value["server overhead"] == aicosts.epoch_server_overhead(H800) == 1.64
    assert value["server power / TDP"] == aicosts.epoch_server_power_factor(H800) == 1.8
    assert value["cost per person-year"] == fig("semianalysis_researcher_usd_per_year")
    assert value["research multiplier"] == cost_debate.ILLUSTRATIVE_RESEARCH_MULTIPLIER
    assert set(table["grade"]) <= {"A", "B", "derived", "assumed"}
    assert table.loc[["research multiplier", "staff headcount"], "grade"].eq("assumed").all()


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
    readings = cost_debate.fleet_capex_readings()
    low, high = aicosts.EPOCH_SERVER_OVERHEAD_LOW, aicosts.EPOCH_SERVER_OVERHEAD_HIGH
    n800, n100 = fig("semianalysis_h800_gpus"), fig("semianalysis_h100_gpus")
    n20, n_a100 = fig("semianalysis_h20_gpus_reading"), fig("high_flyer_a100_2021")
    bare = n800 * H800.usd_price + n20 * H20.usd_price  # bare GPU prices
    share = n100 * H100.usd_price  # DGX H100 "$270,000" / 8: no overhead again (issue 11, 1)
    scenario = deepseek_fleet.semianalysis_fleet_scenario(interconnect_share=0.0)
    first, second, third, fourth = readings["server_capex_usd"].to_numpy()
    assert first == pytest.approx(1.64 * bare + share) == pytest.approx(scenario.server_capex_usd)
    assert second == pytest.approx(low * bare + share)
    assert third == pytest.approx(high * bare + share)
    assert fourth == pytest.approx(first + 1.66 * n_a100 * A100.usd_price)
    # Four distinct questions, four distinct labels and answers.
    assert readings["reading"].is_unique and readings["server_capex_usd"].is_unique


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
    # Epoch's server power (≈ 1.8 × TDP): ≈ $31.1M a year, not the bare-TDP $17.2M.
    assert round(figures["fleet_power_usd_per_year"] / 1e6, 1) == 31.1
    assert figures["fleet_capex_modelled_under_reported_percent"] == pytest.approx(
        100 * (1 - fleet.server_capex_usd / fig("semianalysis_server_capex_usd"))
    )
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
    # Epoch's server power per GPU (epochcode2025 energy.py, A): H100 10.2 kW / 8, others 1.8.
    assert figures["fleet_server_kw"] == pytest.approx(
        10_000 * fig("epoch_server_power_factor_h100") * H100.tdp_watts / 1e3
        + 1.8 * (10_000 * H800.tdp_watts + 30_000 * H20.tdp_watts) / 1e3
    )
    assert figures["fleet_power_usd_per_year"] == pytest.approx(
        figures["fleet_server_kw"] * 0.75 * 1.25 * HOURS_PER_YEAR * 0.0806
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
