"""Tests for aicosts.moe: FLOPs from active parameters, memory from total, all-to-all bytes."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicosts import (
    all_to_all_bytes_per_token,
    forward_flop_per_token,
    load_config,
    moe_all_to_all_bytes_per_token,
    moe_summary,
    param_count,
    weight_memory_bytes,
)
from aicosts.formulas.moe import BYTES_PER_PARAM

V3 = load_config("DeepSeek-V3")


def test_6nd_for_deepseek_v3() -> None:
    # sources.md "Formulas": 6 x 37B x 14.8T = 3.2856e24 FLOP (C from deepseekv3 A values).
    assert 3 * forward_flop_per_token(37e9) * 14.8e12 == pytest.approx(3.2856e24)


def test_weight_memory_fp8_and_bf16() -> None:
    # deepseekv3: 671B parameters; FP8 weights (config_671B.json dtype fp8).
    np.testing.assert_array_equal(
        weight_memory_bytes(671e9, [BYTES_PER_PARAM["fp8"], BYTES_PER_PARAM["bf16"]]),
        [671e9, 1342e9],
    )


def test_all_to_all_deepseek_v3() -> None:
    # deepseekv3: hidden 7168, 58 MoE layers, at most 4 nodes, FP8 dispatch + BF16 combine.
    expected = 7168 * 58 * 4 * (1 + 2)
    assert all_to_all_bytes_per_token(7168, 58, 4) == expected
    assert moe_all_to_all_bytes_per_token(V3) == expected
    assert moe_all_to_all_bytes_per_token(V3, nodes_reached=8) == 2 * expected
    # BF16 both ways costs 4/3 as much
    assert all_to_all_bytes_per_token(7168, 58, 4, 2, 2) == expected * 4 / 3


def test_all_to_all_defaults_for_ungrouped_models() -> None:
    mixtral = load_config("Mixtral-8x7B")
    assert moe_all_to_all_bytes_per_token(mixtral) == 4096 * 32 * 1 * 3
    assert moe_all_to_all_bytes_per_token(load_config("Llama-3.1-405B")) == 0.0


def test_moe_summary() -> None:
    row = moe_summary(V3, bytes_per_param=2).iloc[0]
    n = param_count(V3)
    assert row.total_params == n.total and row.active_params == n.active
    assert row.weight_bytes == 2 * n.total
    assert row.forward_flop_per_token == 2 * n.active
    assert row.dense_equivalent_flop_per_token > 18 * row.forward_flop_per_token
    assert moe_summary(V3).index[0] == "DeepSeek-V3"


def test_series_in_series_out() -> None:
    s = pd.Series([37e9, 21e9], index=["V3", "V2"])
    out = forward_flop_per_token(s)
    assert isinstance(out, pd.Series) and list(out.index) == ["V3", "V2"]
    layers = pd.Series([58, 59], index=["V3", "V2"])
    out2 = all_to_all_bytes_per_token(7168, layers, 4)
    assert isinstance(out2, pd.Series) and out2["V2"] == 7168 * 59 * 12


def test_vectorised_equals_loop() -> None:
    h = np.array([2048, 5120, 7168])
    layers = np.array([26, 59, 58])
    nodes = np.array([1, 3, 4])
    vec = all_to_all_bytes_per_token(h, layers, nodes)
    np.testing.assert_array_equal(
        vec, [all_to_all_bytes_per_token(h[i], layers[i], nodes[i]) for i in range(3)]
    )
    n = np.array([1e9, 2e9])
    b = np.array([1.0, 2.0])
    np.testing.assert_array_equal(
        weight_memory_bytes(n, b), [weight_memory_bytes(n[i], b[i]) for i in range(2)]
    )


@pytest.mark.parametrize(
    ("call", "exc", "message"),
    [
        (lambda: forward_flop_per_token(-1), ValueError, "active_params must be positive"),
        (lambda: forward_flop_per_token(0), ValueError, "active_params must be positive"),
        (lambda: forward_flop_per_token("37B"), TypeError, "active_params must be a number"),
        (
            lambda: forward_flop_per_token(np.nan),
            ValueError,
            "active_params must be a finite",
        ),
        (lambda: weight_memory_bytes(-1, 1), ValueError, "total_params must be positive"),
        (lambda: weight_memory_bytes(1e9, 0), ValueError, "bytes_per_param must be positive"),
        (lambda: weight_memory_bytes(1e9, np.inf), ValueError, "bytes_per_param must be a finite"),
        (lambda: weight_memory_bytes([1, 2], [1, 2, 3]), ValueError, "cannot be broadcast"),
        (
            lambda: all_to_all_bytes_per_token(0, 58, 4),
            ValueError,
            "hidden_size must be at least 1",
        ),
        (
            lambda: all_to_all_bytes_per_token(7168.5, 58, 4),
            ValueError,
            "hidden_size must be a whole",
        ),
        (
            lambda: all_to_all_bytes_per_token(7168, -1, 4),
            ValueError,
            "num_moe_layers must be at least 0",
        ),
        (
            lambda: all_to_all_bytes_per_token(7168, 58, 2.5),
            ValueError,
            "nodes_reached must be a whole",
        ),
        (
            lambda: all_to_all_bytes_per_token(7168, 58, 4, 0),
            ValueError,
            "dispatch_bytes_per_element must be positive",
        ),
        (
            lambda: all_to_all_bytes_per_token(7168, 58, 4, 1, -2),
            ValueError,
            "combine_bytes_per_element must be positive",
        ),
        (lambda: moe_all_to_all_bytes_per_token("V3"), TypeError, "config must be a ModelConfig"),  # type: ignore[arg-type]
        (
            lambda: moe_all_to_all_bytes_per_token(V3, nodes_reached=-1),
            ValueError,
            "nodes_reached must be at least 0",
        ),
        (
            lambda: moe_summary(V3, bytes_per_param=0),
            ValueError,
            "bytes_per_param must be positive",
        ),
        (
            lambda: moe_summary(V3, bytes_per_param=np.nan),
            ValueError,
            "bytes_per_param must be a finite",
        ),
    ],
)
def test_bad_input(call: Callable[[], object], exc: type[Exception], message: str) -> None:
    with pytest.raises(exc, match=message):
        call()


@given(
    n=st.floats(1e6, 1e13),
    m=st.integers(1, 64),
)
def test_traffic_and_flops_grow(n: float, m: int) -> None:
    assert forward_flop_per_token(2 * n) == pytest.approx(2 * forward_flop_per_token(n))
    assert all_to_all_bytes_per_token(7168, 58, m + 1) > all_to_all_bytes_per_token(7168, 58, m)
