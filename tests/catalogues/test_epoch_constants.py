"""Epoch AI's constants as the catalogue gives them, and the rule that a server is counted once."""

from __future__ import annotations

import pytest

import aicosts
from aicosts import GPUS, published_figure


@pytest.mark.parametrize("name", list(GPUS))
def test_no_price_is_multiplied_by_a_server_overhead_unless_it_is_a_bare_gpu_price(
    name: str,
) -> None:
    # Epoch's code applies the overhead to single-unit prices only (prices.py); a DGX/HGX share
    # already contains the server (issue 11, error 1: the H100 share was multiplied by 1.54).
    gpu = GPUS[name]
    overhead = aicosts.epoch_server_overhead(gpu)
    if gpu.usd_price_kind == "server share":
        assert overhead == 1.0
    else:
        assert overhead > 1.0
    assert aicosts.epoch_ownership(gpu)["server_overhead"] == overhead


def test_hopper_overhead_is_epochs_average_not_the_p100_value() -> None:
    # hardware.py: A100 1.66, V100 1.69, P100 1.54, everything else 1.64 (issue 11, error 2).
    assert aicosts.epoch_server_overhead(aicosts.get_gpu("H800")) == published_figure(
        "epoch_server_overhead_other"
    )
    assert aicosts.epoch_server_overhead(aicosts.get_gpu("H800")) != published_figure(
        "epoch_server_overhead_p100"
    )
    assert aicosts.epoch_server_overhead(aicosts.get_gpu("A100")) == published_figure(
        "epoch_server_overhead_a100"
    )


def test_energy_counts_the_server_not_the_bare_tdp() -> None:
    # energy.py: TDP x chip-to-server factor (H100 (10.2 kW / 8) / 0.7 kW; 1.8 for others).
    h100, h800 = aicosts.get_gpu("H100"), aicosts.get_gpu("H800")
    assert aicosts.epoch_server_power_factor(h100) == pytest.approx((10.2 / 8) / 0.7)
    assert aicosts.epoch_server_power_factor(h800) == published_figure(
        "epoch_server_power_factor_other_gpu"
    )
    bare = aicosts.energy_cost(1e6, 700, 0.08, power_fraction_of_tdp=0.75, pue=1.25,
                               server_power_factor=1.0)  # fmt: skip
    epoch = aicosts.energy_cost(
        1e6, 700, 0.08, **{k: v for k, v in aicosts.epoch_ownership(h100).items()
                           if k in ("power_fraction_of_tdp", "pue", "server_power_factor")}
    )  # fmt: skip
    assert epoch / bare == pytest.approx((10.2 / 8) / 0.7)
