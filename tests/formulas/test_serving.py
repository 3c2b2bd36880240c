"""Tests for aicosts.serving: the decode roofline, HBM capacity and $/M tokens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicosts import (
    compute_bound_tokens_per_s,
    decode_tokens_per_s_per_gpu,
    kv_cache_bytes_per_token,
    load_config,
    max_concurrent_sequences,
    memory_bound_tokens_per_s,
    param_count,
    serving_comparison,
    serving_cost_per_million_tokens,
)

V3 = load_config("DeepSeek-V3")
# H800 (sources.md hardware table, B): 80 GB HBM, 3.35 TB/s, 1979 TFLOP/s dense FP8;
# $2/GPU-hour (deepseekv3 Table 1, A); decode unit 40 nodes / 320 GPUs (deepseekv3 §3.4, A).
H800: dict[str, Any] = {
    "num_gpus": 320,
    "hbm_bytes_per_gpu": 80e9,
    "hbm_bytes_per_s": 3.35e12,
    "peak_flop_per_s": 1979e12,
    "usd_per_gpu_hour": 2.0,
}


def test_cost_at_deepseek_rental_price() -> None:
    # $2/GPU-hour: one GPU-hour of tokens at r tokens/s costs 2 / (3600 r) per token.
    assert serving_cost_per_million_tokens(1.0, 2.0, 1.0) == pytest.approx(2e6 / 3600)
    assert serving_cost_per_million_tokens(1000, 2.0, 0.5) == pytest.approx(2 * 2e6 / 3600 / 1000)


def test_memory_bound() -> None:
    assert memory_bound_tokens_per_s(1, 37e9, 0, 3.35e12) == pytest.approx(3.35e12 / 37e9)
    # cache dominates at large batch: rate -> bandwidth / kv bytes
    big = memory_bound_tokens_per_s(10**9, 37e9, 1e6, 3.35e12)
    assert big == pytest.approx(3.35e12 / 1e6, rel=1e-3)


def test_compute_bound() -> None:
    assert compute_bound_tokens_per_s(37e9, 1979e12, 0.5) == pytest.approx(0.5 * 1979e12 / 74e9)


def test_roofline_is_min() -> None:
    mem = memory_bound_tokens_per_s(64, 37e9, 1e8, 3.35e12)
    comp = compute_bound_tokens_per_s(37e9, 1979e12, 0.4)
    r = decode_tokens_per_s_per_gpu(64, 37e9, 1e8, 3.35e12, 37e9, 1979e12, 0.4)
    assert r == min(mem, comp)


def test_max_concurrent_sequences() -> None:
    assert max_concurrent_sequences(100.0, 40.0, 7.0) == 8.0
    assert max_concurrent_sequences(100.0, 140.0, 7.0) == 0.0
    kv = kv_cache_bytes_per_token(V3) * 4096
    n = max_concurrent_sequences(320 * 80e9, 671e9, kv)
    assert n == np.floor((320 * 80e9 - 671e9) / (70_272 * 4096))


def test_serving_comparison_shows_mla_and_moe() -> None:
    t = serving_comparison(V3, context_tokens=4096, mfu=0.4, busy_fraction=0.5, **H800)
    assert list(t.index) == [
        "as built",
        "MHA instead of MLA",
        "dense instead of MoE",
        "MHA and dense",
    ]
    n = param_count(V3)
    assert (t["weight_bytes"] == n.total).all()  # FP8: one byte per parameter
    # MLA: 56.9x smaller cache per sequence -> ~57x more sequences fit
    assert t.loc["MHA instead of MLA", "kv_bytes_per_sequence"] / t.loc[
        "as built", "kv_bytes_per_sequence"
    ] == pytest.approx(1_998_848 / 35_136)
    assert t.loc["as built", "sequences"] > 50 * t.loc["MHA instead of MLA", "sequences"]
    # MoE: far cheaper per token than a dense model of the same size
    assert (
        t.loc["as built", "usd_per_million_tokens"]
        < t.loc["dense instead of MoE", "usd_per_million_tokens"] / 10
    )
    assert set(t["bound"]) <= {"memory", "compute"}
    assert t.loc["as built", "bound"] == "compute"
    assert t.loc["MHA instead of MLA", "bound"] == "memory"


def test_serving_comparison_options() -> None:
    small = serving_comparison(V3, context_tokens=4096, mfu=0.4, busy_fraction=0.5, batch=8, **H800)
    assert (small["sequences"] == 8).all()
    all_w = serving_comparison(
        V3,
        context_tokens=4096,
        mfu=0.4,
        busy_fraction=0.5,
        batch=8,
        weights_read="all",
        **H800,
    )
    assert (all_w["weight_bytes_per_step"] == all_w["weight_bytes"]).all()
    assert (
        all_w.loc["as built", "tokens_per_s_per_gpu"]
        < small.loc["as built", "tokens_per_s_per_gpu"]
    )
    # weights that do not fit: zero sequences, infinite cost
    tiny = serving_comparison(
        V3,
        context_tokens=4096,
        mfu=0.4,
        busy_fraction=0.5,
        **{**H800, "num_gpus": 1},
    )
    assert (tiny["sequences"] == 0).all() and np.isinf(tiny["usd_per_million_tokens"]).all()
    llama = serving_comparison(
        load_config("Llama-3.1-405B"),
        context_tokens=4096,
        mfu=0.4,
        busy_fraction=0.5,
        **H800,
    )
    assert list(llama.index) == ["as built"]


def test_series_in_series_out() -> None:
    r = pd.Series([500.0, 1000.0], index=["slow", "fast"])
    out = serving_cost_per_million_tokens(r, 2.0, 0.6)
    assert isinstance(out, pd.Series) and list(out.index) == ["slow", "fast"]
    b = pd.Series([1, 64, 512], index=["a", "b", "c"])
    out2 = decode_tokens_per_s_per_gpu(b, 37e9, 1e8, 3.35e12, 37e9, 1979e12, 0.4)
    assert isinstance(out2, pd.Series) and list(out2.index) == ["a", "b", "c"]
    assert isinstance(serving_cost_per_million_tokens(1.0, 2.0, 1.0), float)


def test_vectorised_equals_loop() -> None:
    batch = np.array([1, 16, 256, 4096])
    kv = np.array([1e6, 1e7, 1e8, 1e9])
    vec = decode_tokens_per_s_per_gpu(batch, 37e9, kv, 3.35e12, 37e9, 1979e12, 0.4)
    loop = [
        decode_tokens_per_s_per_gpu(batch[i], 37e9, kv[i], 3.35e12, 37e9, 1979e12, 0.4)
        for i in range(4)
    ]
    np.testing.assert_allclose(vec, loop)
    hbm = np.array([80e9, 160e9])
    np.testing.assert_array_equal(
        max_concurrent_sequences(hbm, 37e9, 1e9),
        [max_concurrent_sequences(h, 37e9, 1e9) for h in hbm],
    )


def _cmp(**kw: Any) -> Callable[[], object]:
    base: dict[str, Any] = {
        "context_tokens": 4096,
        "mfu": 0.4,
        "busy_fraction": 0.5,
        **H800,
    }
    return lambda: serving_comparison(V3, **{**base, **kw})


@pytest.mark.parametrize(
    ("call", "exc", "message"),
    [
        (
            lambda: memory_bound_tokens_per_s(0, 1e9, 1e6, 1e12),
            ValueError,
            "batch must be at least 1",
        ),
        (
            lambda: memory_bound_tokens_per_s(2.5, 1e9, 1e6, 1e12),
            ValueError,
            "batch must be a whole",
        ),
        (
            lambda: memory_bound_tokens_per_s(1, -1e9, 1e6, 1e12),
            ValueError,
            "weight_bytes_per_step must be non-negative",
        ),
        (
            lambda: memory_bound_tokens_per_s(1, 1e9, -1, 1e12),
            ValueError,
            "kv_bytes_per_sequence must be non-negative",
        ),
        (
            lambda: memory_bound_tokens_per_s(1, 1e9, 1e6, 0),
            ValueError,
            "hbm_bytes_per_s must be positive",
        ),
        (lambda: memory_bound_tokens_per_s(1, 0, 0, 1e12), ValueError, "cannot both be 0"),
        (
            lambda: memory_bound_tokens_per_s([1, 2], 1e9, [1, 2, 3], 1e12),
            ValueError,
            "cannot be broadcast",
        ),
        (
            lambda: compute_bound_tokens_per_s(0, 1e15, 0.5),
            ValueError,
            "active_params must be positive",
        ),
        (
            lambda: compute_bound_tokens_per_s(1e9, np.nan, 0.5),
            ValueError,
            "peak_flop_per_s must be a finite",
        ),
        (
            lambda: compute_bound_tokens_per_s(1e9, 1e15, 1.5),
            ValueError,
            r"mfu must be in \(0, 1\]",
        ),
        (
            lambda: compute_bound_tokens_per_s(1e9, 1e15, 0),
            ValueError,
            "mfu must be in",
        ),
        (
            lambda: decode_tokens_per_s_per_gpu(1, 1e9, 1e6, 1e12, 1e9, "1e15", 0.5),
            TypeError,
            "peak_flop_per_s must be a number",
        ),
        (
            lambda: max_concurrent_sequences(0, 1e9, 1e6),
            ValueError,
            "hbm_bytes_total must be positive",
        ),
        (
            lambda: max_concurrent_sequences(1e10, -1, 1e6),
            ValueError,
            "weight_bytes must be non-negative",
        ),
        (
            lambda: max_concurrent_sequences(1e10, 1e9, 0),
            ValueError,
            "kv_bytes_per_sequence must be positive",
        ),
        (
            lambda: serving_cost_per_million_tokens(0, 2.0, 0.5),
            ValueError,
            "tokens_per_s must be positive",
        ),
        (
            lambda: serving_cost_per_million_tokens(1e3, -2.0, 0.5),
            ValueError,
            "usd_per_gpu_hour must be positive",
        ),
        (
            lambda: serving_cost_per_million_tokens(1e3, 2.0, 0),
            ValueError,
            "busy_fraction must be in",
        ),
        (
            lambda: serving_cost_per_million_tokens(1e3, 2.0, 1.1),
            ValueError,
            "busy_fraction must be in",
        ),
        (
            lambda: serving_cost_per_million_tokens(1e3, np.inf, 0.5),
            ValueError,
            "usd_per_gpu_hour must be a finite",
        ),
        (
            lambda: serving_comparison(
                "V3",  # type: ignore[arg-type]
                context_tokens=1,
                mfu=0.5,
                busy_fraction=0.5,
                **H800,
            ),
            TypeError,
            "config must be a ModelConfig",
        ),
        (_cmp(num_gpus=0), ValueError, "num_gpus must be at least 1"),
        (_cmp(num_gpus=1.5), ValueError, "num_gpus must be a whole"),
        (_cmp(context_tokens=-1), ValueError, "context_tokens must be at least 1"),
        (_cmp(busy_fraction=0), ValueError, "busy_fraction must be in"),
        (_cmp(mfu=2), ValueError, "mfu must be in"),
        (_cmp(batch=0), ValueError, "batch must be at least 1"),
        (_cmp(weights_read="some"), ValueError, "weights_read must be one of"),
        (_cmp(bytes_per_param=0), ValueError, "bytes_per_param must be positive"),
        (_cmp(kv_bytes_per_element=-1), ValueError, "kv_bytes_per_element must be positive"),
        (_cmp(hbm_bytes_per_gpu=np.nan), ValueError, "hbm_bytes_per_gpu must be a finite"),
    ],
)
def test_bad_input(call: Callable[[], object], exc: type[Exception], message: str) -> None:
    with pytest.raises(exc, match=message):
        call()


@given(
    batch=st.integers(1, 10**5),
    kv=st.floats(1e3, 1e10),
    util=st.floats(0.01, 1.0),
)
def test_roofline_bounded_by_both(batch: int, kv: float, util: float) -> None:
    r = decode_tokens_per_s_per_gpu(batch, 37e9, kv, 3.35e12, 37e9, 1979e12, util)
    assert r <= memory_bound_tokens_per_s(batch, 37e9, kv, 3.35e12)
    assert r <= compute_bound_tokens_per_s(37e9, 1979e12, util)


@given(price=st.floats(0.1, 20.0), r=st.floats(1.0, 1e5), u=st.floats(0.01, 1.0))
def test_cost_grows_with_price_and_falls_with_rate(price: float, r: float, u: float) -> None:
    c = serving_cost_per_million_tokens(r, price, u)
    assert serving_cost_per_million_tokens(r, 2 * price, u) == pytest.approx(2 * c)
    assert serving_cost_per_million_tokens(2 * r, price, u) == pytest.approx(c / 2)
