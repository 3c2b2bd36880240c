"""The MTP page's numbers, checked against the formulas and DeepSeek's own figures.

Also holds the page to issue 11's corrections: the 1.8× is per-request decoding speed, which
DeepSeek says comes while "slightly hurting the throughput" (deepseekisca2025 §2.3.3), so the
page must never divide a serving cost per token by it; DeepSeek claims MTP "may improve data
efficiency" (deepseekv3 §2.2); the two DeepSeek primaries give different acceptance ranges.
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aicosts
from aicosts.cases.multi_token import (
    WHAT_IF_COST_RATIO,
    MultiTokenNumbers,
    deepseek_v3_multi_token,
    depth_overheads,
    tokens_per_step_curves,
)

PAGE = Path(__file__).resolve().parents[2] / "docs" / "explanations" / "mtp.md"


@pytest.fixture(scope="module")
def numbers() -> MultiTokenNumbers:
    return deepseek_v3_multi_token()


def test_numbers_are_plain_finite_numbers(numbers: MultiTokenNumbers) -> None:
    for f in fields(numbers):
        value = getattr(numbers, f.name)
        assert isinstance(value, int | float), f.name
        assert np.isfinite(value), f.name


def test_module_size_and_compute(numbers: MultiTokenNumbers) -> None:
    v3 = aicosts.load_config("DeepSeek-V3")
    n = aicosts.param_count(v3)
    assert numbers.num_mtp_layers == v3.num_mtp_layers
    assert numbers.num_mtp_layers == aicosts.published_figure("deepseek_v3_mtp_depth")
    assert numbers.num_layers == v3.num_layers
    assert numbers.mtp_module_params == n.mtp_module
    assert numbers.total_params == n.total
    assert numbers.mtp_parameter_share == n.mtp_module / (n.total + n.mtp_module)
    assert numbers.mtp_training_flop_share == aicosts.mtp_training_flop_share(v3)


def test_reported_figures_are_the_v3_reports(numbers: MultiTokenNumbers) -> None:
    # DeepSeek-V3 §5.4.3 (deepseekv3): 85–90% acceptance, "1.8 times TPS"; §4.2: λ 0.3 then 0.1.
    fig = aicosts.published_figure
    assert numbers.acceptance_rate_low == fig("deepseek_v3_mtp_acceptance_low")
    assert numbers.acceptance_rate_high == fig("deepseek_v3_mtp_acceptance_high")
    assert numbers.reported_tps_speedup == fig("deepseek_v3_mtp_tps_speedup")
    assert numbers.mtp_loss_weight_early == fig("deepseek_v3_mtp_loss_weight_early")
    assert numbers.mtp_loss_weight_late == fig("deepseek_v3_mtp_loss_weight_late")


def test_tokens_per_step_are_one_plus_alpha(numbers: MultiTokenNumbers) -> None:
    for alpha, tokens in [
        (numbers.acceptance_rate_low, numbers.tokens_per_step_low),
        (numbers.acceptance_rate_high, numbers.tokens_per_step_high),
    ]:
        assert tokens == float(aicosts.speculative_tokens_per_step(alpha, 1))
        assert tokens == pytest.approx(1 + alpha)


def test_implied_cost_ratio_gives_back_the_reported_speedup(numbers: MultiTokenNumbers) -> None:
    for alpha, cost in [
        (numbers.acceptance_rate_low, numbers.implied_cost_ratio_low),
        (numbers.acceptance_rate_high, numbers.implied_cost_ratio_high),
    ]:
        assert cost >= 0
        assert float(aicosts.speculative_speedup(alpha, 1, cost)) == pytest.approx(
            numbers.reported_tps_speedup
        )


def test_what_if_start(numbers: MultiTokenNumbers) -> None:
    assert numbers.what_if_cost_ratio == WHAT_IF_COST_RATIO
    assert numbers.what_if_speedup == float(
        aicosts.speculative_speedup(numbers.acceptance_rate_low, 1, WHAT_IF_COST_RATIO)
    )


@given(st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=3, unique=True))
def test_curves_stay_in_one_to_gamma_plus_one(draft_tokens: list[int]) -> None:
    """Property: tokens per step in [1, γ + 1] and non-decreasing in the acceptance rate."""
    curves = tokens_per_step_curves(draft_tokens)
    assert len(curves) == 100 * len(draft_tokens)
    for gamma in draft_tokens:
        group = curves[curves["draft_tokens"] == gamma]
        values = group["tokens_per_step"].to_numpy()
        assert values.min() >= 1
        assert values.max() <= gamma + 1
        assert (np.diff(values) >= 0).all()
        expected = aicosts.speculative_tokens_per_step(group["acceptance_rate"].to_numpy(), gamma)
        np.testing.assert_array_equal(values, expected)


def test_depth_overheads(numbers: MultiTokenNumbers) -> None:
    v3 = aicosts.load_config("DeepSeek-V3")
    table = depth_overheads(range(5))
    assert table["num_mtp_layers"].tolist() == [0, 1, 2, 3, 4]
    assert table.loc[0, "training_compute_share"] == 0.0
    assert table.loc[1, "training_compute_share"] == numbers.mtp_training_flop_share
    assert table.loc[1, "stored_parameter_share"] == numbers.mtp_parameter_share
    two = replace(v3, num_mtp_layers=2, num_mtp_moe_layers=2)
    assert table.loc[2, "training_compute_share"] == aicosts.mtp_training_flop_share(two)
    assert table["training_compute_share"].is_monotonic_increasing
    assert table["stored_parameter_share"].is_monotonic_increasing


# --- issue 11, "Errors found" 7: the page's readings of DeepSeek's MTP figures ---------------


@pytest.fixture(scope="module")
def page() -> str:
    return re.sub(r"\s+", " ", PAGE.read_text())


def test_page_never_divides_a_cost_per_token_by_the_speedup(page: str) -> None:
    assert "serving cost per token divided by" not in page
    assert "as many tokens per second on the same GPUs" not in page
    assert "slightly hurting the throughput" in page
    assert "significantly improves the end-to-end generation latency" in page
    assert "deepseekisca2025" in page


def test_page_gives_deepseeks_data_efficiency_claim(page: str) -> None:
    assert "MTP does not make training cheaper" not in page
    assert "may improve data efficiency" in page


def test_page_gives_both_acceptance_ranges(page: str) -> None:
    assert "80% to 90%" in page  # ISCA 2025 §2.3.3, "real world practice data"
    assert "real world practice data" in page
    assert "{glue:text}`acceptance_rate_low:.0%`" in page  # 85%, V3 report §5.4.3
