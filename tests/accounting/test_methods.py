"""Tests for aicosts.accounting.methods: ownership assumptions per GPU, as Epoch AI's code has."""

from __future__ import annotations

import pytest

import aicosts
from aicosts import published_figure as fig

_RUN = {
    "usd_per_kwh": 0.0806,
    "research_multiplier": 1.0,
    "staff_headcount": 0,
    "usd_per_staff_year": 1.3e6,
    "staff_years": 1.0,
}


def _owned(gpu: str, **overrides: float) -> float:
    table = aicosts.cost_by_method(2.788e6, 2.0, gpu=gpu, **_RUN, **overrides)  # type: ignore[arg-type]
    return float(table.set_index("method").loc["amortized ownership", "usd"])


def test_a_server_share_price_gets_no_overhead_and_server_power() -> None:
    # Issue 11, errors 1 and 2: the H100's $33,750 is DGX H100 "$270,000" / 8 (a server share),
    # and Epoch's energy uses the DGX H100's 10.2 kW / 8 per GPU, (10.2 / 8) / 0.7 ≈ 1.82 × TDP.
    h100 = aicosts.get_gpu("H100")
    expected = aicosts.amortized_ownership_cost(
        2.788e6, h100.usd_price, h100.tdp_watts, 0.0806,
        server_overhead=1.0,
        interconnect_share=aicosts.EPOCH_INTERCONNECT_SHARE,
        life_years=aicosts.EPOCH_DEPRECIATION_LIFE_YEARS,
        power_fraction_of_tdp=aicosts.EPOCH_POWER_FRACTION_OF_TDP,
        pue=aicosts.EPOCH_PUE_OTHER,
        server_power_factor=fig("epoch_server_power_factor_h100"),
    )  # fmt: skip
    assert _owned("H100") == expected


def test_a_bare_gpu_price_gets_epochs_overhead_for_the_chip() -> None:
    # The H800's $33,800 is a bare GPU: Epoch's 1.64 for Hopper, not the P100's 1.54; power 1.8.
    h800 = aicosts.get_gpu("H800")
    ownership = aicosts.epoch_ownership(h800)
    assert ownership["server_overhead"] == fig("epoch_server_overhead_other") == 1.64
    assert ownership["server_power_factor"] == fig("epoch_server_power_factor_other_gpu")
    expected = aicosts.amortized_ownership_cost(
        2.788e6, h800.usd_price, h800.tdp_watts, 0.0806, **ownership
    )
    assert _owned("H800") == expected
    # A100: Epoch's 1.66 and 6.5 kW / 8 / 0.4 kW = 2.03125.
    a100 = aicosts.epoch_ownership(aicosts.get_gpu("A100"))
    assert (a100["server_overhead"], a100["server_power_factor"]) == (1.66, 2.03125)


def test_explicit_overrides_still_win() -> None:
    h800 = aicosts.get_gpu("H800")
    expected = aicosts.amortized_ownership_cost(
        2.788e6, h800.usd_price, h800.tdp_watts, 0.0806,
        **{**aicosts.epoch_ownership(h800), "server_overhead": 1.54, "server_power_factor": 1.0},
    )  # fmt: skip
    assert _owned("H800", server_overhead=1.54, server_power_factor=1.0) == expected
    assert _owned("H800", server_overhead=1.54) < _owned("H800")
    with pytest.raises(ValueError, match="server_power_factor"):
        _owned("H800", server_power_factor=0.5)


def test_no_catalogue_server_share_is_multiplied_by_an_overhead() -> None:
    # Walks the catalogue: every server-share price takes overhead 1 in the methods table.
    for gpu in aicosts.GPUS.values():
        overhead = aicosts.epoch_server_overhead(gpu)
        if gpu.usd_price_kind == "server share":
            assert overhead == 1.0, gpu.name
        else:
            assert overhead > 1.0, gpu.name
