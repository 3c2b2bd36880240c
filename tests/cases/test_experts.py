"""The MoE page's numbers: each computed from its inputs and checked against the formulas."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aicosts
from aicosts.cases.experts import (
    COMPARED_MODELS,
    ExpertNumbers,
    deepseek_v3_experts,
    expert_count_line,
    illustrative_routing,
    model_comparison,
)


@pytest.fixture(scope="module")
def numbers() -> ExpertNumbers:
    return deepseek_v3_experts()


@pytest.fixture(scope="module")
def v3() -> aicosts.ModelConfig:
    return aicosts.load_config("DeepSeek-V3")


def test_numbers_are_plain_finite_numbers(numbers: ExpertNumbers) -> None:
    for f in fields(numbers):
        value = getattr(numbers, f.name)
        assert isinstance(value, int | float), f.name
        assert value == value and abs(value) != float("inf"), f.name


def test_counts_are_param_count(numbers: ExpertNumbers, v3: aicosts.ModelConfig) -> None:
    n = aicosts.param_count(v3)
    assert numbers.total_params == n.total
    assert numbers.active_params == n.active
    assert numbers.active_params_including_embedding == n.active_including_embedding
    assert numbers.active_fraction == n.active / n.total
    assert numbers.routed_experts_share == n.routed_experts / n.total
    # Property: active ≤ total.
    assert numbers.active_params <= numbers.active_params_including_embedding <= n.total


def test_configuration_is_the_config(numbers: ExpertNumbers, v3: aicosts.ModelConfig) -> None:
    for name in (
        "num_layers",
        "num_dense_layers",
        "num_moe_layers",
        "intermediate_size",
        "moe_intermediate_size",
        "num_shared_experts",
        "num_routed_experts",
        "num_experts_per_token",
        "num_expert_groups",
        "topk_groups",
    ):
        assert getattr(numbers, name) == getattr(v3, name), name
    assert numbers.num_dense_layers + numbers.num_moe_layers == numbers.num_layers
    assert numbers.num_routed_expert_ffns == v3.num_moe_layers * v3.num_routed_experts


def test_reported_figures_are_the_table(numbers: ExpertNumbers) -> None:
    # DeepSeek-V3 §4.2 (deepseekv3): 671B total, 37B activated; DeepSeek-V2 abstract and
    # §3.2.3 (deepseekv2): 21B activated, 172.8K vs 300.6K GPU-hours per trillion tokens.
    fig = aicosts.published_figure
    assert numbers.reported_total_params == fig("deepseek_v3_total_params")
    assert numbers.reported_active_params == fig("deepseek_v3_active_params")
    assert numbers.v2_reported_active_params == fig("deepseek_v2_active_params")
    v2 = fig("deepseek_v2_gpu_hours_per_trillion_tokens")
    dense = fig("deepseek_67b_gpu_hours_per_trillion_tokens")
    assert numbers.v2_gpu_hours_per_trillion_tokens == v2
    assert numbers.dense_67b_gpu_hours_per_trillion_tokens == dense
    assert numbers.dense_67b_over_v2_gpu_hours == dense / v2
    # The config count agrees with the report's rounded figures.
    assert numbers.total_params == pytest.approx(numbers.reported_total_params, rel=0.01)
    assert numbers.active_params == pytest.approx(numbers.reported_active_params, rel=0.02)


def test_compute_and_memory_follow_the_formulas(
    numbers: ExpertNumbers, v3: aicosts.ModelConfig
) -> None:
    n = aicosts.param_count(v3)
    llama = aicosts.param_count(aicosts.load_config("Llama-3.1-405B"))
    assert numbers.forward_flop_per_token == float(aicosts.forward_flop_per_token(n.active))
    assert numbers.llama_forward_flop_per_token == float(
        aicosts.forward_flop_per_token(llama.active)
    )
    assert numbers.llama_over_v3_flop == pytest.approx(llama.active / n.active)
    assert numbers.weight_bytes_bf16 == float(aicosts.weight_memory_bytes(n.total, 2))
    assert numbers.weight_bytes_fp8 == float(aicosts.weight_memory_bytes(n.total, 1))
    assert numbers.v3_over_llama_weight_bytes == pytest.approx(n.total / llama.total)
    assert numbers.dense_over_active_flop == pytest.approx((n.total - n.embedding) / n.active)
    assert numbers.all_to_all_bytes_per_token == float(aicosts.moe_all_to_all_bytes_per_token(v3))


def test_comparison_is_moe_summary_per_model(numbers: ExpertNumbers) -> None:
    table = model_comparison()
    assert table.index.tolist() == list(COMPARED_MODELS)
    for model in COMPARED_MODELS:
        row = aicosts.moe_summary(aicosts.load_config(model), bytes_per_param=2).iloc[0]
        assert table.loc[model].tolist() == row.tolist(), model
    assert numbers.qwen_active_fraction == table.loc["Qwen3-235B-A22B", "active_fraction"]
    assert numbers.mixtral_active_fraction == table.loc["Mixtral-8x7B", "active_fraction"]
    assert numbers.v2_active_fraction == table.loc["DeepSeek-V2", "active_fraction"]
    # The dense model uses (almost) all of its parameters; every MoE model far fewer.
    fractions = table["active_fraction"]
    assert fractions["Llama-3.1-405B"] > 0.99
    assert (fractions.drop("Llama-3.1-405B") < 0.3).all()


@settings(max_examples=15, deadline=None)
@given(
    experts=st.sampled_from([16, 32, 64, 128, 256, 512]),
    topk=st.integers(min_value=1, max_value=16),
)
def test_count_line_reproduces_param_count(experts: int, topk: int) -> None:
    """The what-if control's linear counts equal param_count at every setting it offers."""
    topk = min(topk, experts)
    line = expert_count_line()
    config = replace(
        aicosts.load_config("DeepSeek-V3"), num_routed_experts=experts, num_experts_per_token=topk
    )
    n = aicosts.param_count(config)
    assert line.fixed_total + experts * line.total_per_expert == n.total
    assert (
        line.fixed_active + experts * line.active_per_expert + topk * line.active_per_topk
        == n.active
    )


@pytest.mark.parametrize("seed", [0, 3, 11])
def test_illustrative_routing_obeys_node_limited_routing(
    v3: aicosts.ModelConfig, seed: int
) -> None:
    grid = illustrative_routing(seed=seed)
    assert len(grid) == v3.num_routed_experts
    chosen = grid[grid["state"] == "chosen by the router (runs)"]
    reachable = grid[grid["state"] != "in a group this token skips (idle)"]
    assert len(chosen) == v3.num_experts_per_token
    assert reachable["group"].nunique() == v3.topk_groups
    assert set(chosen["group"]) <= set(reachable["group"])
    assert grid.groupby("group").size().eq(v3.num_routed_experts // v3.num_expert_groups).all()
