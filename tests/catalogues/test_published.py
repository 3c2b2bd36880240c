"""Tests for aicosts.figures: the shipped table of published figures."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from aicosts.catalogues.published import COLUMNS, GRADES, published_figure, published_figures

# Figures the brief requires the table to carry (see sources.md for each).
REQUIRED = [
    "deepseek_v3_pretraining_gpu_hours",
    "deepseek_v3_context_extension_gpu_hours",
    "deepseek_v3_post_training_gpu_hours",
    "deepseek_v3_total_gpu_hours",
    "deepseek_v3_pretraining_usd",
    "deepseek_v3_context_extension_usd",
    "deepseek_v3_post_training_usd",
    "deepseek_v3_total_usd",
    "deepseek_v3_usd_per_gpu_hour",
    "deepseek_v3_gpu_hours_per_trillion_tokens",
    "deepseek_v3_training_tokens",
    "deepseek_v3_cluster_gpus",
    "deepseek_v3_active_params",
    "deepseek_v3_total_params",
    "deepseek_v2_gpu_hours_per_trillion_tokens",
    "deepseek_67b_gpu_hours_per_trillion_tokens",
    "deepseek_v2_training_saving",
    "deepseek_r1_zero_wall_clock_hours",
    "deepseek_r1_sft_data_gpu_hours",
    "deepseek_r1_wall_clock_hours",
    "deepseek_r1_gpus",
    "deepseek_r1_usd",
    "semianalysis_fleet_gpus",
    "semianalysis_h800_gpus",
    "semianalysis_h100_gpus",
    "semianalysis_server_capex_usd",
    "semianalysis_operating_cost_usd",
    "semianalysis_hardware_spend_lower_bound_usd",
    "semianalysis_researcher_usd_per_year",
    "gpt4_training_usd_lower_bound",
    "epoch_gpt4_amortized_usd",
    "epoch_gpt4_cloud_usd",
    "epoch_gpt4_acquisition_usd",
    "epoch_gpt4_flop",
    "epoch_gpt4_chip_hours",
    "epoch_gpt4_mfu",
    "llama31_405b_gpu_hours",
    "llama31_405b_flop",
    "epoch_llama31_405b_cloud_usd",
    "epoch_llama31_405b_acquisition_usd",
    "epoch_llama31_405b_amortized_usd",
    "deepseek_v3_epoch_flop",
    "deepseek_v3_epoch_usd",
    "deepseek_r1_epoch_flop",
    "deepseek_r1_epoch_usd",
]


def test_table_shape() -> None:
    t = published_figures()
    assert t.index.name == "key"
    assert ["key", *t.columns] == list(COLUMNS)
    assert t.index.is_unique
    assert t["value"].dtype == np.float64
    assert np.isfinite(t["value"]).all()
    assert set(t["grade"]) <= set(GRADES)
    for col in ("unit", "includes", "source", "location"):
        assert (t[col].str.len() > 0).all(), col


def test_required_keys_present() -> None:
    missing = set(REQUIRED) - set(published_figures().index)
    assert not missing


def test_derived_rows_show_their_arithmetic() -> None:
    t = published_figures()
    derived = t[t["grade"].isin(["derived", "assumed"])]
    assert len(derived) > 0
    assert (derived["note"].str.len() > 0).all()


def test_secondary_figures_are_graded_b() -> None:
    t = published_figures()
    # Everything reported from SemiAnalysis is B (press reports of a paywalled piece), except
    # the H20 count, which no report states: a reading of ours, graded "assumed".
    sa = t[t["source"] == "semianalysis2025"]
    assert set(sa["grade"]) == {"B", "assumed"}
    assert t.loc["semianalysis_h20_gpus_reading", "grade"] == "assumed"
    assert t.loc["gpt4_training_usd_lower_bound", "grade"] == "B"


def test_grades_say_what_they_mean() -> None:
    # issue 11, deliverable 5: A and B, and today's C split into derived and assumed.
    assert list(GRADES) == ["A", "B", "derived", "assumed"]
    assert "C" not in set(published_figures()["grade"])


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("deepseek_v3_total_gpu_hours", 2_788_000.0),
        ("deepseek_v3_total_usd", 5_576_000.0),
        ("deepseek_v3_epoch_flop", 3.4078e24),
        ("semianalysis_operating_cost_usd", 944e6),
        ("llama31_405b_gpu_hours", 30.84e6),
    ],
)
def test_spot_values_typed_from_sources(key: str, value: float) -> None:
    # Typed a second time from sources.md to catch a mistyped CSV row.
    assert published_figure(key) == value


def test_returns_fresh_copy() -> None:
    t = published_figures()
    t.loc["deepseek_v3_total_usd", "value"] = 0.0
    assert published_figure("deepseek_v3_total_usd") == 5_576_000.0
    assert published_figures().loc["deepseek_v3_total_usd", "value"] == 5_576_000.0


def test_unknown_key_is_named() -> None:
    with pytest.raises(ValueError, match="unknown published figure 'deepseek_v3_totl_usd'") as e:
        published_figure("deepseek_v3_totl_usd")
    assert "'deepseek_v3_total_usd'" in str(e.value)
    with pytest.raises(ValueError, match="close keys: none"):
        published_figure("zzz")


@pytest.mark.parametrize("bad", [None, 1, ["deepseek_v3_total_usd"]])
def test_non_string_key(bad: Any) -> None:
    with pytest.raises(TypeError, match="key must be a string"):
        published_figure(bad)


def test_rental_range_is_labelled_as_lambda_labs_alone() -> None:
    # Epoch AI's price table: $1.99-$3.49 are Lambda Labs rows; other small clouds quote up
    # to $4.78 on demand (NovoNimbus), so the range is not "small clouds".
    for key in ("h100_rental_usd_per_gpu_hour_low", "h100_rental_usd_per_gpu_hour_high"):
        assert "Lambda Labs" in published_figures().loc[key, "includes"]
    assert published_figure("h100_rental_small_cloud_usd_per_gpu_hour_high") > published_figure(
        "h100_rental_usd_per_gpu_hour_high"
    )


def test_decode_units_say_which_document() -> None:
    # V3 report §3.4 (Dec 2024): minimum decode unit 40 nodes; Day 6 (Mar 2025): 18 nodes.
    assert published_figure("deepseek_v3_decode_unit_gpus") == 40 * 8
    assert published_figure("deepseek_v3_decode_unit_nodes_production") == 18
    assert "V3 report" in published_figures().loc["deepseek_v3_decode_unit_gpus", "includes"]


def test_wired_figure_is_wireds_sentence() -> None:
    includes = published_figures().loc["gpt4_training_usd_lower_bound", "includes"]
    assert "Wired's own sentence" in includes and "not a quote" in includes


def test_mtp_loss_weights_are_on_page_23() -> None:
    for key in ("deepseek_v3_mtp_loss_weight_early", "deepseek_v3_mtp_loss_weight_late"):
        assert published_figures().loc[key, "location"].endswith("p.23")


def test_the_scaling_books_mfu_is_said_to_rest_on_the_pcie_peak() -> None:
    # 1513 TFLOP/s is the H800 PCIe card's dense FP8 peak; DeepSeek uses the SXM part
    # (ISCA'25 §4.1).
    includes = published_figures().loc["deepseek_v3_mfu_fp8_1513_scaling_book", "includes"]
    assert "PCIe" in includes


def test_epochs_overhead_range_ends_say_which_chip_they_are() -> None:
    # 1.54 and 1.69 are Epoch's P100 and V100 values, not a "low/high" for Hopper GPUs (1.64).
    t = published_figures()
    assert "P100" in t.loc["epoch_server_overhead_low", "includes"]
    assert "V100" in t.loc["epoch_server_overhead_high", "includes"]
    assert published_figure("epoch_server_overhead_low") == published_figure(
        "epoch_server_overhead_p100"
    )
