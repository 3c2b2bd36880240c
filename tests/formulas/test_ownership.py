"""Tests for aicosts.formulas.ownership: value decay, depreciation, interconnect, price index."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aicosts as k
from aicosts import published_figure as fig
from aicosts.formulas.costs import HOURS_PER_YEAR
from aicosts.formulas.ownership import DAYS_PER_YEAR

RATE = fig("epoch_price_performance_oom_per_year")
SHARE = fig("epoch_interconnect_share")

# --- published figures ----------------------------------------------------------------------


def test_gpt4_cloud_in_december_2024_dollars() -> None:
    # epochcode2025 model_costs.csv line 25: 57M A100-hours × Azure's $1.36, Mar-2023 → Dec-2024.
    nominal = k.rental_cost(
        fig("epoch_gpt4_chip_hours"), fig("epoch_a100_azure_3yr_usd_per_gpu_hour")
    )
    got = k.inflation_adjusted_cost(
        nominal, fig("ppi_pcu518210518210_2023_03"), fig("ppi_pcu518210518210_2024_12")
    )
    assert got == pytest.approx(fig("epoch_gpt4_cloud_usd_dec2024"), rel=1e-15)


def test_gpt4_acquisition_is_servers_plus_interconnect() -> None:
    # epochcode2025 model_costs.csv line 25: 25,000 × the DGX A100 share, plus 19% network.
    servers = fig("epoch_gpt4_gpus") * fig("epoch_dgx_a100_usd_per_gpu")
    nominal = servers + k.interconnect_cost(servers, SHARE)
    got = k.inflation_adjusted_cost(
        nominal, fig("ppi_pcu518210518210_2023_03"), fig("ppi_pcu518210518210_2024_12")
    )
    assert got == pytest.approx(fig("epoch_gpt4_acquisition_usd_dec2024"), rel=1e-12)


# --- identities -------------------------------------------------------------------------------


def test_no_time_no_depreciation() -> None:
    assert k.depreciated_value(44_750.0, 0.0, RATE) == 44_750.0
    assert k.depreciated_value(44_750.0, 3.0, 0.0) == 44_750.0


def test_one_year_is_0_14_orders_of_magnitude() -> None:
    assert math.log10(k.depreciated_value(1e4, 1.0, RATE)) == pytest.approx(4 - RATE)


def test_depreciation_is_linear_write_off_over_the_equivalent_life() -> None:
    # amortized_ownership_cost's hardware term with L = 1/(r ln 10), no overhead, no network.
    hours, value, tdp, kwh = 35_094_528.0, 30_386.17, 700.0, 0.0771
    energy = k.energy_cost(
        hours, tdp, kwh, power_fraction_of_tdp=0.75, pue=1.1, server_power_factor=1.0
    )
    owned = k.amortized_ownership_cost(
        hours,
        value,
        tdp,
        kwh,
        server_overhead=1.0,
        interconnect_share=0.0,
        life_years=k.EPOCH_DEPRECIATION_LIFE_YEARS,
        power_fraction_of_tdp=0.75,
        pue=1.1,
        server_power_factor=1.0,
    )
    assert k.depreciation_cost(hours, value, RATE) == pytest.approx(owned - energy, rel=1e-12)


def test_charge_is_the_instantaneous_loss_of_value() -> None:
    # d/dt of p·10^(−r t) at t = 0, per hour, for one GPU-hour.
    dt_years = 1e-6
    loss = (1e4 - k.depreciated_value(1e4, dt_years, RATE)) / (dt_years * HOURS_PER_YEAR)
    assert k.depreciation_cost(1.0, 1e4, RATE) == pytest.approx(loss, rel=1e-5)


def test_servers_plus_network_is_the_acquisition_gross_up() -> None:
    servers = 1e6
    assert servers + k.interconnect_cost(servers, SHARE) == pytest.approx(
        k.acquisition_cost(1, servers, server_overhead=1.0, interconnect_share=SHARE)
    )
    assert k.interconnect_cost(servers, 0.0) == 0.0


def test_days_per_year_is_hours_per_year_over_24() -> None:
    assert DAYS_PER_YEAR * 24 == HOURS_PER_YEAR


# --- properties -------------------------------------------------------------------------------


@given(
    st.floats(1.0, 1e6),
    st.floats(0.0, 10.0),
    st.floats(0.0, 10.0),
    st.floats(0.01, 1.0),
)
def test_depreciation_composes_and_falls(price: float, t1: float, t2: float, rate: float) -> None:
    once = k.depreciated_value(price, t1 + t2, rate)
    twice = k.depreciated_value(k.depreciated_value(price, t1, rate), t2, rate)
    assert once == pytest.approx(twice, rel=1e-12)
    assert once <= k.depreciated_value(price, t1, rate) <= price


@given(st.floats(1.0, 1e9), st.floats(1.0, 1e3), st.floats(1.0, 1e3))
def test_price_index_round_trip(usd: float, a: float, b: float) -> None:
    there = k.inflation_adjusted_cost(usd, a, b)
    assert k.inflation_adjusted_cost(there, b, a) == pytest.approx(usd, rel=1e-12)


@given(st.lists(st.floats(1.0, 1e8), min_size=1, max_size=5))
def test_depreciation_cost_grows_with_gpu_hours(hours: list[float]) -> None:
    got = k.depreciation_cost(np.sort(hours), 2e4, RATE)
    assert np.all(np.diff(got) >= 0)
