"""The cost debate's uncertainty bands: each range, formula and band against its definition."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aicosts
from aicosts.cases import cost_debate_bands as cdb
from aicosts.cases import deepseek_fleet

fig = aicosts.published_figure
H800, H100, H20 = (aicosts.get_gpu(g) for g in ("H800", "H100", "H20"))


@pytest.fixture(scope="module")
def bands() -> pd.DataFrame:
    return cdb.uncertainty_bands().set_index(["model", "method"])


# --- the formulas the bands sample ---------------------------------------------------------------


def test_development_from_rental_is_development_of_the_rental_cost() -> None:
    hours, price = fig("deepseek_v3_total_gpu_hours"), fig("deepseek_v3_usd_per_gpu_hour")
    salary = fig("semianalysis_researcher_usd_per_year")
    got = cdb.development_from_rental(
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
    vector = cdb.development_from_rental(1e6, 2.0, staff_headcount=headcounts, **kw)
    looped = [cdb.development_from_rental(1e6, 2.0, staff_headcount=h, **kw) for h in headcounts]
    np.testing.assert_allclose(vector, looped, rtol=1e-15)


def test_fleet_server_capex_is_the_scenario_capex_at_catalogue_prices() -> None:
    capex = cdb.fleet_server_capex(
        H800.usd_price, H100.usd_price, H20.usd_price,
        server_overhead=aicosts.epoch_server_overhead(H800),
    )  # fmt: skip
    scenario = deepseek_fleet.semianalysis_fleet_scenario(interconnect_share=0.0)
    assert capex == pytest.approx(scenario.server_capex_usd, rel=1e-12)


@given(
    price=st.floats(1_000.0, 100_000.0),
    overhead=st.floats(1.0, 2.0),
)
def test_fleet_server_capex_grows_with_each_price(price: float, overhead: float) -> None:
    base = cdb.fleet_server_capex(price, price, price, server_overhead=overhead)
    assert cdb.fleet_server_capex(2 * price, price, price, server_overhead=overhead) > base
    # 50,000 GPUs at one price: the overhead on the 40,000 bare-priced H800 and H20, none on
    # the 10,000 H100, whose catalogue price already is a server share (issue 11, error 1).
    n100 = fig("semianalysis_h100_gpus")
    bare = fig("semianalysis_fleet_gpus") - n100
    assert base == pytest.approx((bare * overhead + n100) * price, rel=1e-12)
    assert cdb.fleet_server_capex(price, 2 * price, price, server_overhead=overhead) == (
        pytest.approx(base + n100 * price, rel=1e-12)
    )


# --- Monte Carlo bands ---------------------------------------------------------------------------


def test_bands_are_reproducible_and_ordered(bands: pd.DataFrame) -> None:
    again = cdb.uncertainty_bands().set_index(["model", "method"])
    pd.testing.assert_frame_equal(bands, again)
    assert (bands["p5"] <= bands["p50"]).all() and (bands["p50"] <= bands["p95"]).all()


def test_rental_band_lies_between_the_rental_cost_at_the_range_ends(bands: pd.DataFrame) -> None:
    hours, rent = fig("deepseek_v3_total_gpu_hours"), cdb.RENTAL_RANGE
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
        "server_power_factor": aicosts.epoch_server_power_factor(H800),  # 1.8 (issue 11, 2)
    }
    price, overhead = cdb.H800_PRICE_RANGE, cdb.SERVER_OVERHEAD_RANGE
    life, pue = cdb.LIFE_YEARS_RANGE, cdb.PUE_RANGE
    cheapest = aicosts.amortized_ownership_cost(
        hours, price.low, server_overhead=overhead.low, life_years=life.high, pue=pue.low, **common
    )
    dearest = aicosts.amortized_ownership_cost(
        hours, price.high, server_overhead=overhead.high, life_years=life.low, pue=pue.high,
        **common,
    )  # fmt: skip
    band = bands.loc[("DeepSeek-V3", "amortized ownership")]
    assert cheapest < band["p5"] < band["p95"] < dearest
    one = cdb.amortized_ownership_band(hours, "H800", cdb.H800_PRICE_RANGE)
    assert one.tolist() == band[["p5", "p50", "p95"]].tolist()


def test_acquisition_band_of_a_fixed_price_spans_the_overhead_range() -> None:
    q = cdb.acquisition_band(2048, "H800", 33_800.0, num_samples=5_000)
    share = aicosts.EPOCH_INTERCONNECT_SHARE
    overhead = cdb.SERVER_OVERHEAD_RANGE
    low = aicosts.acquisition_cost(
        2048, 33_800.0, server_overhead=overhead.low, interconnect_share=share
    )
    high = aicosts.acquisition_cost(
        2048, 33_800.0, server_overhead=overhead.high, interconnect_share=share
    )
    assert low <= q.iloc[0] <= q.iloc[2] <= high


def test_reported_figures_are_the_published_rows() -> None:
    reported = cdb.reported_figures().set_index(["model", "method"])["usd"]
    assert reported["DeepSeek-V3", "final-run rental"] == fig("deepseek_v3_total_usd")
    assert reported["DeepSeek-V3", "amortized ownership"] == fig("deepseek_v3_epoch_usd")
    assert reported["Llama-3.1-405B", "final-run rental"] == fig("epoch_llama31_405b_cloud_usd")
    assert reported["DeepSeek-V3", "fleet capex"] == fig("semianalysis_server_capex_usd")
    bands = cdb.uncertainty_bands(num_samples=100)
    assert set(zip(bands.model, bands.method, strict=True)) - set(reported.index) <= {
        ("DeepSeek-V3", "acquisition"),
        ("DeepSeek-V3", "development"),
    }


def test_server_overhead_range_is_none_on_a_server_share() -> None:
    # H100 $33,750 = DGX H100 "$270,000" / 8 (issue 11, error 1): no overhead drawn.
    assert cdb.server_overhead_range("H100") == 1.0
    # A bare price: Epoch's lowest (P100) and highest (V100) per-chip values around its own.
    assert cdb.server_overhead_range("H800") == cdb.SERVER_OVERHEAD_RANGE
    assert cdb.SERVER_OVERHEAD_RANGE.central == aicosts.epoch_server_overhead(H800) == 1.64
    a100 = cdb.server_overhead_range("A100")
    assert isinstance(a100, aicosts.Range) and a100.central == 1.66


def test_acquisition_band_of_a_server_share_has_no_overhead() -> None:
    price = aicosts.Range(H100.usd_price_low, H100.usd_price, H100.usd_price_high)
    q = cdb.acquisition_band(16_384, "H100", price, num_samples=1_000)
    share = aicosts.EPOCH_INTERCONNECT_SHARE
    low, high = (
        aicosts.acquisition_cost(16_384, p, server_overhead=1.0, interconnect_share=share)
        for p in (price.low, price.high)
    )
    assert low <= q.iloc[0] < q.iloc[2] <= high


def test_llama_ownership_band_uses_the_h100_server_power(bands: pd.DataFrame) -> None:
    # Llama-3.1-405B on H100s at a DGX share: no overhead, Epoch's H100 power 10.2 kW / 8.
    hours = fig("llama31_405b_gpu_hours")
    common = {
        "tdp_watts": H100.tdp_watts,
        "usd_per_kwh": aicosts.EIA_US_INDUSTRIAL_USD_PER_KWH_2023,
        "interconnect_share": aicosts.EPOCH_INTERCONNECT_SHARE,
        "power_fraction_of_tdp": aicosts.EPOCH_POWER_FRACTION_OF_TDP,
        "server_power_factor": fig("epoch_server_power_factor_h100"),
        "server_overhead": 1.0,
    }
    life, pue = cdb.LIFE_YEARS_RANGE, cdb.PUE_RANGE
    cheapest = aicosts.amortized_ownership_cost(
        hours, H100.usd_price_low, life_years=life.high, pue=pue.low, **common
    )
    dearest = aicosts.amortized_ownership_cost(
        hours, H100.usd_price_high, life_years=life.low, pue=pue.high, **common
    )
    band = bands.loc[("Llama-3.1-405B", "amortized ownership")]
    assert cheapest < band["p5"] < band["p95"] < dearest


def test_rental_range_is_small_clouds_not_lambda_alone() -> None:
    # Issue 11, error 4: Lambda Labs' $1.99 to the highest small-cloud on-demand quote, $4.78.
    rent = cdb.RENTAL_RANGE
    assert rent.low == fig("h100_rental_usd_per_gpu_hour_low")
    assert rent.central == fig("deepseek_v3_usd_per_gpu_hour")
    assert rent.high == fig("h100_rental_small_cloud_usd_per_gpu_hour_high")
