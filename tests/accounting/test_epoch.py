"""Tests for aicosts.accounting.epoch: Epoch AI's three methods reproduce Epoch's published rows.

Every expected value is a row of the figures table: Epoch's outputs are ``model_costs.csv`` at
commit e13599f of epoch-research/training-cost-trends (``epochcode2025``), lines 25 (GPT-4),
30 (Gemini 1.0 Ultra) and 46 (Llama 3.1-405B), in December-2024 USD.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pandas as pd
import pytest

import aicosts as k
from aicosts import published_figure as fig
from aicosts.accounting.epoch import (
    EPOCH_DOLLARS_DEC_2024,
    EPOCH_RUNS,
    EpochTrainingRun,
    PriceIndexMonth,
    epoch_cost_table,
    epoch_costs,
)

AMORTIZED, ACQUISITION, CLOUD = (
    "amortized hardware + energy",
    "hardware acquisition",
    "cloud rental",
)
DEEPSEEK = "DeepSeek-V3 (assumed H800 alias)"

#: (run, method, figure key of Epoch's published value).
PUBLISHED = [
    ("GPT-4", CLOUD, "epoch_gpt4_cloud_usd_dec2024"),
    ("GPT-4", ACQUISITION, "epoch_gpt4_acquisition_usd_dec2024"),
    ("GPT-4", AMORTIZED, "epoch_gpt4_amortized_usd_dec2024"),
    ("Llama 3.1-405B", CLOUD, "epoch_llama31_405b_cloud_usd_dec2024"),
    ("Llama 3.1-405B", ACQUISITION, "epoch_llama31_405b_acquisition_usd_dec2024"),
    ("Llama 3.1-405B", AMORTIZED, "epoch_llama31_405b_amortized_usd_dec2024"),
    ("Gemini 1.0 Ultra", CLOUD, "epoch_gemini_ultra_cloud_usd_dec2024"),
    ("Gemini 1.0 Ultra", ACQUISITION, "epoch_gemini_ultra_acquisition_usd_dec2024"),
    ("Gemini 1.0 Ultra", AMORTIZED, "epoch_gemini_ultra_amortized_usd_dec2024"),
]


def _table(name: str) -> pd.DataFrame:
    return epoch_cost_table(EPOCH_RUNS[name], EPOCH_DOLLARS_DEC_2024)


def _value(table: pd.DataFrame, method: str, quantity: str) -> float:
    rows = table[(table["method"] == method) & (table["quantity"] == quantity)]
    assert len(rows) == 1, (method, quantity)
    return float(rows["value"].iloc[0])


def _basis(table: pd.DataFrame, method: str, quantity: str) -> str:
    rows = table[(table["method"] == method) & (table["quantity"] == quantity)]
    return str(rows["basis"].iloc[0])


# --- Epoch's published rows ----------------------------------------------------------------------


@pytest.mark.parametrize(("name", "method", "key"), PUBLISHED)
def test_reproduces_epochs_published_row(name: str, method: str, key: str) -> None:
    # epochcode2025 model_costs.csv (e13599f): the issue asks for 2%; the method is Epoch's own,
    # so the only differences are the order of float operations.
    got = epoch_costs(EPOCH_RUNS[name], EPOCH_DOLLARS_DEC_2024)[method]
    assert got == pytest.approx(fig(key), rel=0.02)
    assert got == pytest.approx(fig(key), rel=1e-12)


def test_the_rounded_rows_are_the_exact_ones() -> None:
    # The older rounded rows (B) are the exact model_costs.csv values (A), to their precision.
    for rounded, exact, digits in [
        ("epoch_gpt4_cloud_usd", "epoch_gpt4_cloud_usd_dec2024", -5),
        ("epoch_gpt4_acquisition_usd", "epoch_gpt4_acquisition_usd_dec2024", -6),
        ("epoch_gpt4_amortized_usd_2025", "epoch_gpt4_amortized_usd_dec2024", -5),
        ("epoch_llama31_405b_cloud_usd", "epoch_llama31_405b_cloud_usd_dec2024", -5),
        ("epoch_llama31_405b_acquisition_usd", "epoch_llama31_405b_acquisition_usd_dec2024", -6),
        ("epoch_llama31_405b_amortized_usd", "epoch_llama31_405b_amortized_usd_dec2024", -5),
    ]:
        assert round(fig(exact), digits) == fig(rounded), rounded


def test_every_method_ends_in_nominal_times_the_price_index_ratio() -> None:
    t = _table("GPT-4")
    factor = fig("ppi_pcu518210518210_2024_12") / fig("ppi_pcu518210518210_2023_03")
    for method in (AMORTIZED, ACQUISITION, CLOUD):
        assert _value(t, method, "inflation factor") == factor
        nominal = _value(t, method, "cost, nominal")
        assert _value(t, method, "cost, 2024-12 USD") == pytest.approx(nominal * factor, rel=1e-15)


def test_amortized_equals_the_existing_ownership_formula() -> None:
    # Epoch's depreciation at rate r·ln10 is linear write-off over 1/(r ln10) years; with the
    # value at the training start and no overhead, amortized_ownership_cost gives the same cost.
    for name, run in EPOCH_RUNS.items():
        t = epoch_cost_table(run, EPOCH_DOLLARS_DEC_2024)
        same = k.amortized_ownership_cost(
            _value(t, AMORTIZED, "GPU-hours"),
            _value(t, AMORTIZED, "value at training start"),
            run.tdp_watts,
            _value(t, AMORTIZED, "electricity price"),
            server_overhead=1.0,
            interconnect_share=k.EPOCH_INTERCONNECT_SHARE,
            life_years=k.EPOCH_DEPRECIATION_LIFE_YEARS,
            power_fraction_of_tdp=_value(t, AMORTIZED, "power fraction of TDP"),
            pue=_value(t, AMORTIZED, "PUE"),
            server_power_factor=_value(t, AMORTIZED, "server power factor"),
        )
        assert _value(t, AMORTIZED, "cost, nominal") == pytest.approx(same, rel=1e-12), name


# --- the conventions that decide the digits ------------------------------------------------------


def test_gpt4_dates_and_constants() -> None:
    # Acquired at release + 90 d (the DGX A100 price is dated before that); training starts
    # 2280 h before 2022-08-15; 638 whole days apart. OpenAI is not a hyperscaler: PUE 1.25.
    t = _table("GPT-4")
    assert _value(t, AMORTIZED, "depreciation years") == 638 / 365.25
    assert "from acquisition 2020-08-12" in _basis(t, AMORTIZED, "depreciation years")
    assert "training start 2022-05-12 00:00" in _basis(t, AMORTIZED, "depreciation years")
    assert _value(t, AMORTIZED, "PUE") == fig("epoch_pue_other")
    assert _value(t, AMORTIZED, "server power factor") == fig("epoch_server_power_factor_a100")
    assert _value(t, AMORTIZED, "electricity price") == fig("eia_us_industrial_usd_per_kwh_2023")
    assert _value(t, AMORTIZED, "GPU-hours") == fig("epoch_gpt4_chip_hours")


def test_llama_uses_chips_times_hours_not_metas_gpu_hours() -> None:
    # Epoch's row has no chip-hours field: 16,384 × 2,142 = 35,094,528, not Meta's 30.84M; the
    # implied cloud rate is Google's $4.86 3-year price, and Meta gets PUE 1.1 and 2024 power.
    t = _table("Llama 3.1-405B")
    hours = fig("epoch_llama31_405b_gpus") * fig("epoch_llama31_405b_training_hours")
    assert _value(t, AMORTIZED, "GPU-hours") == hours == _value(t, CLOUD, "GPU-hours")
    assert hours != fig("llama31_405b_gpu_hours")
    nominal = _value(t, CLOUD, "cost, nominal")
    assert nominal / hours == pytest.approx(fig("h100_rental_google_3yr_usd_per_gpu_hour"))
    assert _value(t, AMORTIZED, "PUE") == fig("epoch_pue_hyperscaler")
    assert _value(t, AMORTIZED, "electricity price") == fig("epoch_usd_per_kwh_2024")
    assert "training start 2024-02-24 18:00" in _basis(t, AMORTIZED, "depreciation years")


def test_gemini_cloud_ignores_the_chip_hours_field_and_tpus_get_the_overhead() -> None:
    t = _table("Gemini 1.0 Ultra")
    assert _value(t, AMORTIZED, "GPU-hours") == fig("epoch_gemini_ultra_chip_hours")
    assert _value(t, CLOUD, "GPU-hours") == fig("epoch_gemini_ultra_gpus") * fig(
        "epoch_gemini_ultra_training_hours"
    )
    assert _value(t, "inputs", "server overhead applied") == fig("epoch_server_overhead_other")
    assert _value(t, AMORTIZED, "power fraction of TDP") == fig("epoch_power_fraction_of_tdp_tpu")


# --- servers counted twice (issue 11, error 1) ---------------------------------------------------


def test_a_per_gpu_share_of_a_server_is_not_multiplied_by_the_server_overhead() -> None:
    # Every DGX price in Epoch's runs is used as it is; only single-unit prices get the overhead.
    for name, run in EPOCH_RUNS.items():
        t = epoch_cost_table(run, EPOCH_DOLLARS_DEC_2024)
        overhead = _value(t, "inputs", "server overhead applied")
        if run.price_kind == "server share":
            assert overhead == 1.0, name
            assert _value(t, "inputs", "price used") == run.usd_per_gpu, name


def test_counting_the_server_twice_misses_epochs_figure_by_the_overhead() -> None:
    # The same GPT-4 run with its DGX share relabelled "single-unit" (what aicosts used to do
    # with per-GPU server shares) is 66% above Epoch's published acquisition cost.
    gpt4 = EPOCH_RUNS["GPT-4"]
    twice = dataclasses.replace(gpt4, price_kind="single-unit")
    right = epoch_costs(gpt4, EPOCH_DOLLARS_DEC_2024)[ACQUISITION]
    wrong = epoch_costs(twice, EPOCH_DOLLARS_DEC_2024)[ACQUISITION]
    published = fig("epoch_gpt4_acquisition_usd_dec2024")
    assert right == pytest.approx(published, rel=1e-12)
    assert wrong == pytest.approx(published * fig("epoch_server_overhead_a100"), rel=1e-12)
    assert wrong != pytest.approx(published, rel=0.02)


@pytest.mark.parametrize("kind", ["server share", "unlabelled"])
def test_only_single_unit_and_tpu_prices_get_the_overhead(kind: str) -> None:
    run = dataclasses.replace(EPOCH_RUNS["Llama 3.1-405B"], price_kind=kind)
    t = epoch_cost_table(run, EPOCH_DOLLARS_DEC_2024)
    assert _value(t, "inputs", "server overhead applied") == 1.0
    single = dataclasses.replace(run, price_kind="single-unit")
    t = epoch_cost_table(single, EPOCH_DOLLARS_DEC_2024)
    assert _value(t, "inputs", "server overhead applied") == fig("epoch_server_overhead_other")


# --- DeepSeek-V3 under the same method -----------------------------------------------------------


def test_deepseek_v3_with_an_assumed_h800_alias() -> None:
    # Assumption (aicosts): Epoch's picker had an 'H800' alias, so it would take the earliest
    # DGX H800 row ($44,750 per GPU, 2025-02-21). That date is after the training start the code
    # derives (no training hours: its 33.0625-day median), so the start moves to the acquisition
    # date and nothing depreciates. The code computes no cloud cost without training hours.
    run = EPOCH_RUNS[DEEPSEEK]
    t = epoch_cost_table(run, EPOCH_DOLLARS_DEC_2024)
    costs = epoch_costs(run, EPOCH_DOLLARS_DEC_2024)
    assert CLOUD not in costs.index
    assert _value(t, AMORTIZED, "depreciation years") == 0.0
    assert "moved to the acquisition date" in _basis(t, AMORTIZED, "depreciation years")
    assert _value(t, AMORTIZED, "value at training start") == fig("epoch_dgx_h800_usd_per_gpu")
    assert _value(t, AMORTIZED, "server power factor") == fig("epoch_server_power_factor_other_gpu")
    assert _value(t, AMORTIZED, "PUE") == fig("epoch_pue_other")
    assert _value(t, AMORTIZED, "inflation factor") == 1.0
    assert costs[AMORTIZED] == pytest.approx(
        fig("epoch_method_deepseek_v3_amortized_usd_h800_alias"), rel=1e-12
    )
    assert costs[ACQUISITION] == pytest.approx(
        fig("epoch_method_deepseek_v3_acquisition_usd_h800_alias"), rel=1e-12
    )
    # Neither Epoch's database field ($5.39M) nor DeepSeek's $5.576M is this number.
    assert costs[AMORTIZED] > fig("deepseek_v3_total_usd") > fig("deepseek_v3_epoch_usd")


# --- the inputs ----------------------------------------------------------------------------------


def _gpt4(**changes: Any) -> EpochTrainingRun:
    return dataclasses.replace(EPOCH_RUNS["GPT-4"], **changes)


def test_flop_fallback_for_gpu_hours() -> None:
    # No chip-hours and no training hours: FLOP ÷ (peak × 0.375) ÷ 3600 (cost.py lines 14-35).
    run = _gpt4(
        gpu_hours=None,
        wall_clock_hours=None,
        training_end=None,
        usd_per_gpu_hour=None,
        flop=fig("epoch_gpt4_flop"),
        peak_flop_per_s=312e12,
    )
    t = epoch_cost_table(run, EPOCH_DOLLARS_DEC_2024)
    expected = k.gpu_hours_for_flop(fig("epoch_gpt4_flop"), 312e12, fig("epoch_default_mfu"))
    assert _value(t, AMORTIZED, "GPU-hours") == expected
    assert CLOUD not in set(t["method"])
    with pytest.raises(ValueError, match="no chip-hours"):
        epoch_cost_table(dataclasses.replace(run, flop=None), EPOCH_DOLLARS_DEC_2024)


@pytest.mark.parametrize(
    ("changes", "exc", "match"),
    [
        ({"price_kind": "bare"}, ValueError, "price_kind must be one of"),
        ({"price_date": None}, ValueError, "price_date is None exactly when"),
        ({"hardware": "Google TPU v4"}, ValueError, "exactly when hardware is a TPU"),
        ({"tdp_watts": -1.0}, ValueError, "tdp_watts must be positive"),
        ({"num_gpus": 2.5}, ValueError, "num_gpus must be a whole number"),
        ({"mfu": 1.5}, ValueError, r"mfu must be in \(0, 1\]"),
        ({"publication_date": "2023-03-15"}, TypeError, "publication_date must be a datetime"),
        ({"organization": ""}, TypeError, "organization must be a non-empty string"),
        ({"usd_per_gpu_hour": float("nan")}, ValueError, "usd_per_gpu_hour"),
    ],
)
def test_bad_inputs_are_refused_naming_the_field(
    changes: dict[str, Any], exc: type[Exception], match: str
) -> None:
    with pytest.raises(exc, match=match):
        _gpt4(**changes)


def test_price_index_month_and_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="month must read 'YYYY-MM'"):
        PriceIndexMonth("Dec 2024", 119.349)
    with pytest.raises(ValueError, match="price_index must be positive"):
        PriceIndexMonth("2024-12", 0.0)
    with pytest.raises(TypeError, match="run must be an EpochTrainingRun"):
        epoch_cost_table("GPT-4", EPOCH_DOLLARS_DEC_2024)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="dollars must be a PriceIndexMonth"):
        epoch_costs(EPOCH_RUNS["GPT-4"], 119.349)  # type: ignore[arg-type]


def test_a_year_without_an_electricity_price_is_refused() -> None:
    with pytest.raises(ValueError, match="electricity price for 2019"):
        epoch_cost_table(_gpt4(publication_date=dt.date(2019, 3, 15)), EPOCH_DOLLARS_DEC_2024)


def test_dates_are_read_from_the_figures_table() -> None:
    assert EPOCH_RUNS["GPT-4"].publication_date == dt.date(2023, 3, 15)
    assert EPOCH_RUNS["Llama 3.1-405B"].price_date == dt.date(2022, 9, 29)
    assert EPOCH_RUNS["Gemini 1.0 Ultra"].training_start == dt.date(2023, 5, 10)


def test_the_table_has_a_unit_and_a_basis_on_every_row() -> None:
    for run in EPOCH_RUNS.values():
        t = epoch_cost_table(run, EPOCH_DOLLARS_DEC_2024)
        assert list(t.columns) == ["method", "quantity", "value", "unit", "basis"]
        assert (t["unit"].str.len() > 0).all()
        assert (t["basis"].str.len() > 0).all()
        assert t["value"].map(lambda v: isinstance(v, float | int)).all()
