"""Tests for aicosts.compute: published figures, properties and input validation."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aicosts
from aicosts import published_figure as fig
from aicosts.formulas import compute as c

TFLOPS = 1e12

# --- published figures (expected values read from data/published_figures.csv) --------------


def test_v3_pretraining_from_rate_per_trillion_tokens() -> None:
    # deepseekv3 §1 p.5: 180K GPU-h per trillion tokens × 14.8T = 2,664K (Table 1), exact.
    got = c.gpu_hours_for_tokens(
        fig("deepseek_v3_gpu_hours_per_trillion_tokens"), fig("deepseek_v3_training_tokens")
    )
    assert got == fig("deepseek_v3_pretraining_gpu_hours")


def test_v3_stages_sum_to_total() -> None:
    # deepseekv3 Table 1: 2,664K + 119K + 5K = 2,788K.
    stages = [
        fig("deepseek_v3_pretraining_gpu_hours"),
        fig("deepseek_v3_context_extension_gpu_hours"),
        fig("deepseek_v3_post_training_gpu_hours"),
    ]
    assert sum(stages) == fig("deepseek_v3_total_gpu_hours")


def test_v3_days_per_trillion_tokens() -> None:
    # deepseekv3 §1 p.5: "3.7 days on our cluster with 2048 H800 GPUs" (3.66 unrounded).
    days = c.wall_clock_days(
        fig("deepseek_v3_gpu_hours_per_trillion_tokens"), int(fig("deepseek_v3_cluster_gpus"))
    )
    assert round(days, 1) == fig("deepseek_v3_days_per_trillion_tokens")


def test_v3_pretraining_days() -> None:
    # 2,664K / 2048 / 24 = 54.2 days (C); "less than two months" (A).
    days = c.wall_clock_days(
        fig("deepseek_v3_pretraining_gpu_hours"), int(fig("deepseek_v3_cluster_gpus"))
    )
    assert days == pytest.approx(fig("deepseek_v3_pretraining_days"), rel=1e-12)
    assert round(days, 1) == 54.2  # as sources.md writes it
    assert days < 59  # shorter than the shortest two calendar months (Feb + Mar = 59 days)


def test_v3_6nd() -> None:
    # 6 × 37B × 14.8T = 3.2856e24 (sources.md, C).
    got = c.training_flop(fig("deepseek_v3_active_params"), fig("deepseek_v3_training_tokens"))
    assert got == pytest.approx(fig("deepseek_v3_pretraining_6nd_flop"), rel=1e-12)
    assert got < fig("deepseek_v3_epoch_flop")  # Epoch's 3.4078e24 adds post-training


@pytest.mark.parametrize(
    ("peak_tflops", "key"),
    [(1979, "deepseek_v3_mfu_fp8_1979"), (989, "deepseek_v3_mfu_bf16_989")],
)
def test_v3_implied_mfu(peak_tflops: float, key: str) -> None:
    # sources.md: 17.3% of the dense FP8 peak, 34.6% of the dense BF16 peak (C).
    mfu = c.model_flop_utilization(
        fig("deepseek_v3_pretraining_6nd_flop"),
        fig("deepseek_v3_pretraining_gpu_hours"),
        peak_tflops * TFLOPS,
    )
    assert mfu == pytest.approx(fig(key), rel=1e-12)


def test_v3_mfu_at_1513_matches_scaling_book_only_over_total_hours() -> None:
    # The scaling book's ≈21.7% (B) at 1513 TFLOP/s: reproduced (21.6%) over the total
    # 2,788K GPU-h; over the 2,664K pre-training GPU-h the same arithmetic gives 22.6%.
    flop = fig("deepseek_v3_pretraining_6nd_flop")
    total = c.model_flop_utilization(flop, fig("deepseek_v3_total_gpu_hours"), 1513 * TFLOPS)
    pre = c.model_flop_utilization(flop, fig("deepseek_v3_pretraining_gpu_hours"), 1513 * TFLOPS)
    assert total == pytest.approx(fig("deepseek_v3_mfu_fp8_1513_scaling_book"), abs=1e-3)
    assert round(pre, 3) == 0.226


def test_llama_405b_implied_mfu() -> None:
    # llama3: 3.8e25 FLOP (B) in 30.84M H100-h (A) at 989.4 TFLOP/s BF16 → 34.6%, below the
    # reported 38–43% MFU (B): the cumulative GPU-hours include more than steady training.
    mfu = c.model_flop_utilization(
        fig("llama31_405b_flop"), fig("llama31_405b_gpu_hours"), 989.4 * TFLOPS
    )
    assert round(mfu, 3) == 0.346
    assert mfu < fig("llama31_405b_mfu_low")


def test_llama_405b_6nd() -> None:
    # 6 × 405B × 15.6T = 3.79e25 (C), close to the reported 3.8e25 (B).
    got = c.training_flop(fig("llama31_405b_params"), fig("llama31_405b_tokens"))
    assert got == pytest.approx(fig("llama31_405b_6nd_flop"), rel=1e-3)
    assert got == pytest.approx(fig("llama31_405b_flop"), rel=0.01)


def test_v2_saving() -> None:
    # deepseekv2 abstract: −42.5% training cost; §3.2.3: 172.8K vs 300.6K GPU-h per T tokens.
    saving = c.fractional_saving(
        fig("deepseek_v2_gpu_hours_per_trillion_tokens"),
        fig("deepseek_67b_gpu_hours_per_trillion_tokens"),
    )
    assert round(saving, 3) == fig("deepseek_v2_training_saving")


def test_r1_gpu_hours_reconstruction() -> None:
    # deepseekr1 Nature supplement (B): 198 h × 512 + 5,000 + 80 h × 512 = 147,336 (C).
    n = int(fig("deepseek_r1_gpus"))
    total = (
        c.gpu_hours_for_wall_clock(fig("deepseek_r1_zero_wall_clock_hours"), n)
        + fig("deepseek_r1_sft_data_gpu_hours")
        + c.gpu_hours_for_wall_clock(fig("deepseek_r1_wall_clock_hours"), n)
    )
    assert total == fig("deepseek_r1_reconstructed_gpu_hours")


def test_gpt4_epoch_row_is_consistent_within_a_few_percent() -> None:
    # Epoch's GPT-4 row (B): 2.1e25 FLOP, 57M A100-hours, MFU 0.34 at 312 TFLOP/s. Not exact
    # arithmetic in the source: 2.1e25 / (57M h × 3600 × 312e12) = 0.328.
    mfu = c.model_flop_utilization(fig("epoch_gpt4_flop"), fig("epoch_gpt4_chip_hours"), 312e12)
    assert mfu == pytest.approx(fig("epoch_gpt4_mfu"), rel=0.05)


def test_forward_flops() -> None:
    assert c.forward_flop_per_token(fig("deepseek_v3_active_params")) == 74e9


# --- properties ---------------------------------------------------------------------------

pos = st.floats(min_value=1e-3, max_value=1e15, allow_nan=False, allow_infinity=False)
frac = st.floats(min_value=1e-3, max_value=1.0, allow_nan=False)
counts = st.integers(min_value=1, max_value=100_000)


@given(flop=pos, peak=pos, mfu=frac)
def test_gpu_hours_inverts_mfu(flop: float, peak: float, mfu: float) -> None:
    h = c.gpu_hours_for_flop(flop, peak, mfu)
    assert c.model_flop_utilization(flop, h, peak) == pytest.approx(mfu, rel=1e-9)


@given(n=pos, d=pos)
def test_training_is_three_forward_passes(n: float, d: float) -> None:
    assert c.training_flop(n, d) == pytest.approx(3 * c.forward_flop_per_token(n) * d)


@given(h=pos, n=counts)
def test_wall_clock_round_trip(h: float, n: int) -> None:
    days = c.wall_clock_days(h, n)
    assert c.gpu_hours_for_wall_clock(days * 24, n) == pytest.approx(h, rel=1e-12)


@given(st.lists(st.tuples(pos, pos, frac), min_size=1, max_size=20))
def test_vectorised_equals_loop(rows: list[tuple[float, float, float]]) -> None:
    a, b, u = (np.array(x) for x in zip(*rows, strict=True))
    np.testing.assert_allclose(
        c.gpu_hours_for_flop(a, b, u), [c.gpu_hours_for_flop(*r) for r in rows], rtol=1e-15
    )
    np.testing.assert_allclose(
        c.training_flop(a, b), [c.training_flop(x, y) for x, y, _ in rows], rtol=1e-15
    )
    np.testing.assert_allclose(
        c.model_flop_utilization(a, b, a),
        [c.model_flop_utilization(x, y, x) for x, y, _ in rows],
        rtol=1e-15,
    )


@given(h=st.lists(pos, min_size=2, max_size=10, unique=True))
def test_gpu_hours_for_tokens_monotone(h: list[float]) -> None:
    out = c.gpu_hours_for_tokens(180e3, np.sort(h))
    assert np.all(np.diff(out) > 0)


ALL_CASES: dict[str, tuple[Any, dict[str, Any]]] = {
    "training_flop": (c.training_flop, {"active_params": 37e9, "tokens": 14.8e12}),
    "forward_flop_per_token": (c.forward_flop_per_token, {"active_params": 37e9}),
    "gpu_hours_for_flop": (
        c.gpu_hours_for_flop,
        {"flop": 1e24, "peak_flop_per_s": 989e12, "mfu": 0.4},
    ),
    "model_flop_utilization": (
        c.model_flop_utilization,
        {"flop": 1e24, "gpu_hours": 1e6, "peak_flop_per_s": 989e12},
    ),
    "wall_clock_days": (c.wall_clock_days, {"gpu_hours": 1e6, "num_gpus": 2048}),
    "gpu_hours_for_wall_clock": (
        c.gpu_hours_for_wall_clock,
        {"wall_clock_hours": 198.0, "num_gpus": 512},
    ),
    "gpu_hours_for_tokens": (
        c.gpu_hours_for_tokens,
        {"gpu_hours_per_trillion_tokens": 180e3, "tokens": 14.8e12},
    ),
    "fractional_saving": (
        c.fractional_saving,
        {"gpu_hours": 172.8e3, "baseline_gpu_hours": 300.6e3},
    ),
}


@pytest.mark.parametrize("name", sorted(ALL_CASES))
def test_series_in_series_out(name: str) -> None:
    func, kwargs = ALL_CASES[name]
    first = next(iter(kwargs))
    idx = pd.Index(["a", "b", "c"], name="case")
    series = pd.Series([kwargs[first]] * 3, index=idx)
    out = func(**{**kwargs, first: series})
    assert isinstance(out, pd.Series)
    assert out.index.equals(idx)
    assert out.iloc[0] == func(**kwargs)
    assert isinstance(func(**kwargs), float)
    arr = func(**{**kwargs, first: np.array([kwargs[first]] * 2)})
    assert isinstance(arr, np.ndarray) and arr.shape == (2,)


# --- input validation ---------------------------------------------------------------------

KINDS = {
    "active_params": "positive",
    "tokens": "positive",
    "flop": "positive",
    "peak_flop_per_s": "positive",
    "mfu": "fraction",
    "gpu_hours": "positive",
    "num_gpus": "count",
    "wall_clock_hours": "positive",
    "gpu_hours_per_trillion_tokens": "positive",
    "baseline_gpu_hours": "positive",
}
BAD: dict[str, list[tuple[Any, type[Exception], str]]] = {
    "positive": [
        (-3.0, ValueError, "must be positive, got -3.0"),
        (0.0, ValueError, "must be positive, got 0.0"),
        (math.nan, ValueError, "must be a finite number, got nan"),
        (math.inf, ValueError, "must be a finite number, got inf"),
        ("14.8T", TypeError, "must be a number"),
        (None, TypeError, "must be a number"),
    ],
    "fraction": [
        (1.5, ValueError, "must be in (0, 1], got 1.5"),
        (0.0, ValueError, "must be in (0, 1], got 0.0"),
        (-math.inf, ValueError, "must be a finite number, got -inf"),
        ("high", TypeError, "must be a number"),
    ],
    "count": [
        (2.5, ValueError, "must be a whole number, got 2.5"),
        (0, ValueError, "must be at least 1, got 0"),
        (math.nan, ValueError, "must be a finite number, got nan"),
        ("2048", TypeError, "must be a number"),
    ],
}
VALIDATION_CASES = [
    (name, param, bad, exc, msg)
    for name, (_, kwargs) in ALL_CASES.items()
    for param in kwargs
    for bad, exc, msg in BAD[KINDS[param]]
]


@pytest.mark.parametrize(("name", "param", "bad", "exc", "msg"), VALIDATION_CASES)
def test_bad_input_names_parameter_and_value(
    name: str, param: str, bad: Any, exc: type[Exception], msg: str
) -> None:
    func, kwargs = ALL_CASES[name]
    with pytest.raises(exc, match=rf"^{param}\b") as info:
        func(**{**kwargs, param: bad})
    assert msg in str(info.value)


def test_bad_element_is_located() -> None:
    with pytest.raises(ValueError, match=r"mfu\[2\] must be in \(0, 1\], got 1.5"):
        c.gpu_hours_for_flop(1e24, 989e12, [0.3, 0.4, 1.5])


@pytest.mark.parametrize("name", [n for n in sorted(ALL_CASES) if len(ALL_CASES[n][1]) > 1])
def test_mismatched_shapes_name_both_parameters(name: str) -> None:
    func, kwargs = ALL_CASES[name]
    p1, p2 = list(kwargs)[:2]
    with pytest.raises(ValueError, match=rf"{p1} \(shape \(3,\)\) and {p2} \(shape \(2,\)\)"):
        func(**{**kwargs, p1: [kwargs[p1]] * 3, p2: [kwargs[p2]] * 2})


# --- training compute with the attention term (PaLM App. B; DeepSeek's ISCA 2025 paper) -------


def test_v3_flop_per_token_with_attention_is_consistent_with_isca_table_2() -> None:
    # deepseekisca2025 Table 2 (A): 250 GFLOP per token at sequence length 4,096.
    v3 = aicosts.load_config("DeepSeek-V3")
    ours = aicosts.model_training_flop_per_token(v3, 4096)
    assert ours == pytest.approx(fig("deepseek_v3_isca_training_flop_per_token"), rel=0.01)
    # 6·N alone misses the attention term by about 12%.
    six_n = 6 * aicosts.param_count(v3).active
    assert 0.10 < ours / six_n - 1 < 0.15


@pytest.mark.parametrize(
    ("mask", "key"),
    [("causal", "deepseek_v3_isca_mfu_causal"), ("full", "deepseek_v3_isca_mfu_noncausal")],
)
def test_v3_isca_mfu_reproduced_within_half_a_point(mask: str, key: str) -> None:
    # deepseekisca2025 Table 4 (A): 272.80B tokens/day on 2,048 H800, MFU against the BF16 peak.
    v3 = aicosts.load_config("DeepSeek-V3")
    per_token = aicosts.model_training_flop_per_token(v3, 4096, mask)
    tokens_per_s = fig("deepseek_v3_isca_tokens_per_day") / (24 * 3600)
    gpus = fig("deepseek_v3_cluster_gpus")
    mfu = tokens_per_s * per_token / (gpus * aicosts.get_gpu("H800").peak_flop_per_s("bf16"))
    assert abs(mfu - fig(key)) < 0.005


def test_tutorial_6nd_mfu_plus_attention_gives_deepseeks_mfu() -> None:
    # The tutorial's 34.6% (6ND over the BF16 peak) scaled by (6N + attention) / 6N.
    v3 = aicosts.load_config("DeepSeek-V3")
    six_nd = c.model_flop_utilization(
        fig("deepseek_v3_pretraining_6nd_flop"),
        fig("deepseek_v3_pretraining_gpu_hours"),
        aicosts.get_gpu("H800").peak_flop_per_s("bf16"),
    )
    scale = aicosts.model_training_flop_per_token(v3, 4096) / (6 * fig("deepseek_v3_active_params"))
    assert abs(six_nd * scale - fig("deepseek_v3_isca_mfu_causal")) < 0.005


@given(
    n=st.floats(1e6, 1e12),
    layers=st.integers(1, 200),
    heads=st.integers(1, 256),
    d=st.integers(1, 512),
    t=st.integers(1, 1_000_000),
)
def test_attention_term_is_non_negative_and_full_is_twice_causal(
    n: float, layers: int, heads: int, d: int, t: int
) -> None:
    causal = c.training_flop_per_token(n, layers, heads, d, d, t)
    full = c.training_flop_per_token(n, layers, heads, d, d, t, "full")
    assert causal >= 6 * n
    assert full - 6 * n == pytest.approx(2 * (causal - 6 * n), rel=1e-12)
