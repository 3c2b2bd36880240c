"""Tests for aicosts.mtp: speculative decoding (leviathan2023) and DeepSeek-V3's MTP module."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicosts import (
    load_config,
    mtp_flop_share,
    mtp_parameter_share,
    mtp_training_flop_share,
    param_count,
    speculative_speedup,
    speculative_tokens_per_step,
)

V3 = load_config("DeepSeek-V3")


def test_deepseek_v3_acceptance_85_to_90_percent() -> None:
    # deepseekv3 §5.4.3 (A): acceptance 85-90% -> 1 + alpha = 1.85-1.90 tokens per step (C),
    # beside the reported 1.8x TPS.
    np.testing.assert_allclose(speculative_tokens_per_step([0.85, 0.90]), [1.85, 1.90])
    assert speculative_tokens_per_step(0.85) >= 1.8


def test_leviathan_closed_form() -> None:
    # leviathan2023 eq. (1): E = (1 - a^(g+1)) / (1 - a)
    assert speculative_tokens_per_step(0.5, 3) == pytest.approx(1 + 0.5 + 0.25 + 0.125)
    assert speculative_tokens_per_step(0.0, 5) == 1.0
    assert speculative_tokens_per_step(0.7, 0) == 1.0
    assert speculative_speedup(0.5, 3, 0.0) == speculative_tokens_per_step(0.5, 3)
    assert speculative_speedup(0.5, 3, 0.1) == pytest.approx(1.875 / 1.3)


def test_mtp_shares() -> None:
    n = param_count(V3)
    assert mtp_parameter_share(V3) == n.mtp_module / (n.total + n.mtp_module)
    assert round(mtp_parameter_share(V3), 3) == 0.017
    share = mtp_training_flop_share(V3)
    assert share == pytest.approx(
        (n.mtp_active + n.output_head) / (n.active + n.mtp_active + n.output_head)
    )
    assert mtp_parameter_share(load_config("DeepSeek-V2")) == 0.0
    assert mtp_training_flop_share(load_config("DeepSeek-V2")) == 0.0
    # README_WEIGHTS figures (sources.md, A): 36.6B main vs 1.5B MTP including the head
    assert mtp_flop_share(36.6e9, 1.5e9) == pytest.approx(1.5 / 38.1)


def test_series_and_arrays() -> None:
    a = pd.Series([0.85, 0.9], index=["low", "high"])
    out = speculative_tokens_per_step(a)
    assert isinstance(out, pd.Series) and list(out.index) == ["low", "high"]
    # A grid is built explicitly; an accidental outer product is refused.
    alpha, gamma = np.meshgrid([0.5, 0.9], [1, 2, 3], indexing="ij")
    grid = speculative_tokens_per_step(alpha, gamma)
    assert isinstance(grid, np.ndarray) and grid.shape == (2, 3)
    with pytest.raises(ValueError, match=r"would broadcast to \(2, 3\), an outer product"):
        speculative_tokens_per_step(np.array([[0.5], [0.9]]), np.array([1, 2, 3]))
    assert isinstance(speculative_tokens_per_step(0.5), float)


def test_vectorised_equals_loop() -> None:
    a = np.array([0.0, 0.3, 0.85, 0.99])
    g = np.array([1, 2, 4, 8])
    c = np.array([0.0, 0.05, 0.1, 1.0])
    np.testing.assert_allclose(
        speculative_speedup(a, g, c), [speculative_speedup(a[i], g[i], c[i]) for i in range(4)]
    )
    np.testing.assert_allclose(
        speculative_tokens_per_step(a, g),
        [speculative_tokens_per_step(a[i], g[i]) for i in range(4)],
    )
    m = np.array([1e9, 2e9])
    t = np.array([0.0, 1e8])
    np.testing.assert_allclose(mtp_flop_share(m, t), [mtp_flop_share(m[i], t[i]) for i in range(2)])


@pytest.mark.parametrize(
    ("call", "exc", "message"),
    [
        (
            lambda: speculative_tokens_per_step(1.0),
            ValueError,
            r"acceptance_rate must be in \[0, 1\), got 1.0",
        ),
        (lambda: speculative_tokens_per_step(-0.1), ValueError, "acceptance_rate must be in"),
        (
            lambda: speculative_tokens_per_step([0.5, 1.2]),
            ValueError,
            r"acceptance_rate\[1\] must be in",
        ),
        (
            lambda: speculative_tokens_per_step(np.nan),
            ValueError,
            "acceptance_rate must be a finite",
        ),
        (lambda: speculative_tokens_per_step("0.9"), TypeError, "acceptance_rate must be a number"),
        (
            lambda: speculative_tokens_per_step(0.5, -1),
            ValueError,
            "draft_tokens must be at least 0",
        ),
        (lambda: speculative_tokens_per_step(0.5, 1.5), ValueError, "draft_tokens must be a whole"),
        (
            lambda: speculative_tokens_per_step([0.5, 0.6], [1, 2, 3]),
            ValueError,
            "cannot be broadcast",
        ),
        (lambda: speculative_speedup(1.0, 1, 0.1), ValueError, "acceptance_rate must be in"),
        (lambda: speculative_speedup(0.5, 1, -0.1), ValueError, "cost_ratio must be non-negative"),
        (lambda: speculative_speedup(0.5, 1, np.inf), ValueError, "cost_ratio must be a finite"),
        (lambda: speculative_speedup(0.5, 2.5, 0.1), ValueError, "draft_tokens must be a whole"),
        (lambda: mtp_flop_share(0, 1e9), ValueError, "main_active_params must be positive"),
        (lambda: mtp_flop_share(1e9, -1), ValueError, "mtp_active_params must be non-negative"),
        (lambda: mtp_parameter_share("V3"), TypeError, "config must be a ModelConfig"),  # type: ignore[arg-type]
        (lambda: mtp_training_flop_share(None), TypeError, "config must be a ModelConfig"),  # type: ignore[arg-type]
    ],
)
def test_bad_input(call: Callable[[], object], exc: type[Exception], message: str) -> None:
    with pytest.raises(exc, match=message):
        call()


alphas = st.floats(0.0, 0.999, allow_nan=False)
gammas = st.integers(0, 16)


@given(alpha=alphas, gamma=gammas)
def test_tokens_per_step_within_bounds(alpha: float, gamma: int) -> None:
    e = speculative_tokens_per_step(alpha, gamma)
    assert 1.0 - 1e-12 <= e <= gamma + 1 + 1e-12


@given(a=alphas, b=alphas, gamma=gammas)
def test_tokens_per_step_increasing_in_alpha(a: float, b: float, gamma: int) -> None:
    lo, hi = sorted((a, b))
    assert speculative_tokens_per_step(lo, gamma) <= speculative_tokens_per_step(hi, gamma) + 1e-12


@given(alpha=alphas, gamma=gammas)
def test_tokens_per_step_increasing_in_gamma(alpha: float, gamma: int) -> None:
    assert (
        speculative_tokens_per_step(alpha, gamma)
        <= speculative_tokens_per_step(alpha, gamma + 1) + 1e-12
    )


@given(alpha=alphas, gamma=gammas, c=st.floats(0.0, 10.0))
def test_speedup_never_above_tokens_per_step(alpha: float, gamma: int, c: float) -> None:
    assert speculative_speedup(alpha, gamma, c) <= speculative_tokens_per_step(alpha, gamma) + 1e-12
