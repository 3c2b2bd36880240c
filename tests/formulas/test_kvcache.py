"""Tests for aicosts.kvcache: DeepSeek-V2 Table 1 and the worked numbers in sources.md."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicosts import (
    kv_cache_bytes,
    kv_cache_bytes_per_token,
    kv_cache_comparison,
    kv_cache_elements_per_token,
    kv_elements_per_token_gqa,
    kv_elements_per_token_mha,
    kv_elements_per_token_mla,
    kv_elements_per_token_mqa,
    load_config,
)
from aicosts import published_figure as aicosts_fig

V3 = load_config("DeepSeek-V3")
LLAMA = load_config("Llama-3.1-405B")


# --------------------------------------------------- published / derived figures (sources.md)
def test_v3_mla_35136_elements_70272_bytes() -> None:
    # "KV cache worked numbers" (C, from deepseekv2 Table 1): (512 + 64) x 61.
    assert kv_cache_elements_per_token(V3) == 35_136
    assert kv_cache_bytes_per_token(V3) == 70_272
    assert kv_elements_per_token_mla(512, 64, 61) == 35_136


def test_llama_405b_516096_bytes() -> None:
    # 2 x 8 x 128 x 126 = 258,048 elements = 516,096 bytes BF16 (C); 516 KB reported (B).
    assert kv_cache_elements_per_token(LLAMA) == 258_048
    assert kv_cache_bytes_per_token(LLAMA) == 516_096
    assert kv_elements_per_token_gqa(8, 128, 126) == 258_048


def test_v3_as_mha_is_56_9_times_mla() -> None:
    # 2 x 128 x 128 x 61 = 1,998,848 elements = 56.9x MLA (C).
    mha = kv_cache_elements_per_token(V3, attention="mha")
    assert mha == 1_998_848 == kv_elements_per_token_mha(128, 128, 61)
    assert round(mha / kv_cache_elements_per_token(V3), 1) == 56.9


def test_mla_equals_gqa_with_2_25_groups() -> None:
    # deepseekv2 §2.1.4: "equal to GQA with only 2.25 groups" (A).
    table = kv_cache_comparison(V3)
    assert table.loc["MLA (latent)", "equivalent_gqa_groups"] == 2.25
    assert kv_elements_per_token_mla(512, 64, 61) == kv_elements_per_token_gqa(1, 128, 61) * 2.25


def test_mla_decompressed_storage() -> None:
    # per layer n_h (d_h + d_R) keys and n_h d_v values: 128 x (192 + 128) x 61
    assert kv_cache_elements_per_token(V3, mla_storage="decompressed") == 128 * 320 * 61
    assert kv_cache_elements_per_token(V3, attention="MLA", mla_storage="Latent") == 35_136


def test_overrides_on_gqa_model() -> None:
    assert kv_cache_elements_per_token(LLAMA, attention="MHA") == 2 * 128 * 128 * 126
    assert kv_cache_elements_per_token(LLAMA, attention="MQA") == 2 * 128 * 126


def test_kv_cache_bytes_sequence_and_batch() -> None:
    one = kv_cache_bytes(V3, 4096)
    assert one == 70_272 * 4096
    assert kv_cache_bytes(V3, 4096, batch=8, bytes_per_element=1) == 35_136 * 4096 * 8


def test_comparison_table() -> None:
    t = kv_cache_comparison(LLAMA, context_tokens=1000)
    assert list(t.index) == ["MHA", "GQA", "MQA"]
    assert t.loc["GQA", "ratio_to_model"] == 1.0
    assert t.loc["GQA", "bytes_per_sequence"] == 516_096_000
    t2 = kv_cache_comparison(V3, num_kv_heads=8)
    assert list(t2.index) == ["MHA", "GQA", "MQA", "MLA (latent)", "MLA (decompressed)"]
    assert t2.loc["GQA", "equivalent_gqa_groups"] == 8
    assert (t2.dtypes == np.float64).all()


# ------------------------------------------------------------------------ broadcasting
def test_broadcasting_and_series() -> None:
    ctx = pd.Series([1024, 4096], index=["short", "long"])
    out = kv_cache_bytes(V3, ctx)
    assert isinstance(out, pd.Series) and list(out.index) == ["short", "long"]
    assert out["long"] == 70_272 * 4096
    ctx_grid, batch_grid = np.meshgrid([1, 2, 3], [1, 2])
    arr = kv_cache_bytes(V3, ctx_grid, batch=batch_grid)
    assert isinstance(arr, np.ndarray) and arr.shape == (2, 3)
    with pytest.raises(ValueError, match="an outer product"):
        kv_cache_bytes(V3, np.array([1, 2, 3]), batch=np.array([[1], [2]]))
    b = kv_cache_bytes_per_token(V3, [1, 2])
    assert isinstance(b, np.ndarray) and list(b) == [35_136, 70_272]
    s = kv_elements_per_token_mha(pd.Series([8, 16], index=["a", "b"]), 128, 2)
    assert isinstance(s, pd.Series) and s["b"] == 2 * 16 * 128 * 2


def test_vectorised_equals_loop() -> None:
    heads = np.array([1, 4, 32, 128])
    dims = np.array([64, 128, 96, 128])
    layers = np.array([2, 30, 61, 126])
    fns: list[tuple[Callable[..., Any], tuple[np.ndarray, ...]]] = [
        (kv_elements_per_token_mha, (heads, dims, layers)),
        (kv_elements_per_token_gqa, (heads, dims, layers)),
        (kv_elements_per_token_mqa, (dims, layers)),
        (kv_elements_per_token_mla, (dims * 4, dims // 2, layers)),
    ]
    for fn, args in fns:
        vec = fn(*args)
        loop = [fn(*(a[i] for a in args)) for i in range(4)]
        np.testing.assert_array_equal(vec, loop)
    ctx = np.array([1, 10, 100])
    np.testing.assert_array_equal(kv_cache_bytes(V3, ctx), [kv_cache_bytes(V3, c) for c in ctx])


def test_scalar_returns_float() -> None:
    assert isinstance(kv_elements_per_token_mqa(128, 61), float)
    assert isinstance(kv_cache_bytes(V3, 10), float)


# ------------------------------------------------------------------------ bad input
@pytest.mark.parametrize(
    ("call", "exc", "message"),
    [
        (
            lambda: kv_elements_per_token_mha(-1, 128, 61),
            ValueError,
            "num_heads must be at least 1",
        ),
        (lambda: kv_elements_per_token_mha(2.5, 128, 61), ValueError, "num_heads must be a whole"),
        (lambda: kv_elements_per_token_mha(2, "128", 61), TypeError, "head_dim must be a number"),
        (
            lambda: kv_elements_per_token_mha(2, 128, np.nan),
            ValueError,
            "num_layers must be a finite",
        ),
        (
            lambda: kv_elements_per_token_gqa(0, 128, 61),
            ValueError,
            "num_kv_heads must be at least 1",
        ),
        (lambda: kv_elements_per_token_gqa(8, np.inf, 61), ValueError, "head_dim must be a finite"),
        (lambda: kv_elements_per_token_mqa(128, -61), ValueError, "num_layers must be at least 1"),
        (lambda: kv_elements_per_token_mqa(12.5, 61), ValueError, "head_dim must be a whole"),
        (
            lambda: kv_elements_per_token_mla(0, 64, 61),
            ValueError,
            "kv_lora_rank must be at least 1",
        ),
        (
            lambda: kv_elements_per_token_mla(512, -1, 61),
            ValueError,
            "qk_rope_head_dim must be at least 0",
        ),
        (
            lambda: kv_elements_per_token_mla(512, 64, [1, 2.5]),
            ValueError,
            r"num_layers\[1\] must be a whole",
        ),
        (
            lambda: kv_elements_per_token_mha([1, 2], 128, [1, 2, 3]),
            ValueError,
            "num_heads .shape .2,.. and num_layers .shape .3,.. cannot be broadcast",
        ),
        (
            lambda: kv_cache_elements_per_token(V3, attention="flash"),
            ValueError,
            "attention must be one of",
        ),
        (
            lambda: kv_cache_elements_per_token(V3, mla_storage="zip"),
            ValueError,
            "mla_storage must be one of",
        ),
        (
            lambda: kv_cache_elements_per_token(LLAMA, attention="MLA"),
            ValueError,
            "needs an MLA config",
        ),
        (lambda: kv_cache_elements_per_token("V3"), TypeError, "config must be a ModelConfig"),  # type: ignore[arg-type]
        (
            lambda: kv_cache_bytes_per_token(V3, 0),
            ValueError,
            "bytes_per_element must be positive, got 0",
        ),
        (
            lambda: kv_cache_bytes_per_token(V3, -2),
            ValueError,
            "bytes_per_element must be positive",
        ),
        (
            lambda: kv_cache_bytes_per_token(V3, "2"),
            TypeError,
            "bytes_per_element must be a number",
        ),
        (lambda: kv_cache_bytes(V3, -1), ValueError, "context_tokens must be at least 1"),
        (lambda: kv_cache_bytes(V3, 10.5), ValueError, "context_tokens must be a whole"),
        (lambda: kv_cache_bytes(V3, 10, batch=0), ValueError, "batch must be at least 1, got 0"),
        (
            lambda: kv_cache_bytes(V3, 10, bytes_per_element=np.nan),
            ValueError,
            "bytes_per_element must be a finite",
        ),
        (lambda: kv_cache_bytes(V3, [1, 2], batch=[1, 2, 3]), ValueError, "cannot be broadcast"),
        (
            lambda: kv_cache_comparison(V3, num_kv_heads=3),
            ValueError,
            "num_kv_heads must divide num_heads",
        ),
        (
            lambda: kv_cache_comparison(V3, num_kv_heads=0),
            ValueError,
            "num_kv_heads must be at least 1",
        ),
        (
            lambda: kv_cache_comparison(V3, context_tokens=-5),
            ValueError,
            "context_tokens must be at least 1",
        ),
        (
            lambda: kv_cache_comparison(V3, bytes_per_element=0),
            ValueError,
            "bytes_per_element must be positive",
        ),
    ],
)
def test_bad_input(call: Callable[[], object], exc: type[Exception], message: str) -> None:
    with pytest.raises(exc, match=message):
        call()


# ------------------------------------------------------------------------ properties
@given(
    num_heads=st.integers(1, 256),
    head_dim=st.integers(1, 256),
    num_layers=st.integers(1, 128),
    d_c=st.integers(1, 2048),
    d_r=st.integers(0, 256),
)
def test_mla_not_above_mha_for_same_shape(
    num_heads: int, head_dim: int, num_layers: int, d_c: int, d_r: int
) -> None:
    mla = kv_elements_per_token_mla(d_c, d_r, num_layers)
    mha = kv_elements_per_token_mha(num_heads, head_dim, num_layers)
    if d_c + d_r <= 2 * num_heads * head_dim:
        assert mla <= mha
    else:
        assert mla > mha


@given(
    num_kv_heads=st.integers(1, 64),
    ratio=st.integers(1, 16),
    head_dim=st.integers(1, 256),
    num_layers=st.integers(1, 128),
)
def test_gqa_between_mqa_and_mha(
    num_kv_heads: int, ratio: int, head_dim: int, num_layers: int
) -> None:
    num_heads = num_kv_heads * ratio
    mqa = kv_elements_per_token_mqa(head_dim, num_layers)
    gqa = kv_elements_per_token_gqa(num_kv_heads, head_dim, num_layers)
    mha = kv_elements_per_token_mha(num_heads, head_dim, num_layers)
    assert mqa <= gqa <= mha
    assert kv_elements_per_token_gqa(1, head_dim, num_layers) == mqa
    assert kv_elements_per_token_gqa(num_heads, head_dim, num_layers) == mha


@given(ctx=st.integers(1, 10**6), batch=st.integers(1, 1024), b=st.sampled_from([0.5, 1, 2, 4]))
def test_bytes_scale_linearly(ctx: int, batch: int, b: float) -> None:
    per_token = kv_cache_bytes_per_token(V3, b)
    assert kv_cache_bytes(V3, ctx, batch, b) == pytest.approx(per_token * ctx * batch)


@pytest.mark.parametrize(
    ("model", "key"),
    [
        ("DeepSeek-V3", "deepseek_v3_isca_kv_bytes_per_token"),
        ("Llama-3.1-405B", "llama31_405b_isca_kv_bytes_per_token"),
    ],
)
def test_kv_bytes_per_token_equal_deepseeks_isca_table_1(model: str, key: str) -> None:
    # deepseekisca2025 Table 1 (A): 70.272 KB (V3, MLA) and 516.096 KB (Llama-3.1 405B, GQA), BF16.
    assert kv_cache_bytes_per_token(load_config(model), 2) == aicosts_fig(key)
