"""The MLA page's numbers: each computed from its inputs and checked against the formulas."""

from __future__ import annotations

from dataclasses import fields

import pytest

import aicosts
from aicosts.cases.attention import (
    COMPARED_ATTENTION,
    COMPARISON_KV_HEADS,
    ILLUSTRATIVE_BUSY_FRACTION,
    ILLUSTRATIVE_MFU,
    AttentionNumbers,
    decode_costs,
    deepseek_v3_attention,
    sequences_per_gpu,
)


@pytest.fixture(scope="module")
def numbers() -> AttentionNumbers:
    return deepseek_v3_attention()


@pytest.fixture(scope="module")
def v3() -> aicosts.ModelConfig:
    return aicosts.load_config("DeepSeek-V3")


def _v3() -> aicosts.ModelConfig:
    return aicosts.load_config("DeepSeek-V3")


def _unit() -> tuple[float, float, float]:
    """GPUs of the V3 report's decode unit, HBM per H800, FP8 weights of DeepSeek-V3."""
    gpus = aicosts.published_figure("deepseek_v3_decode_unit_gpus")
    weights = float(aicosts.weight_memory_bytes(aicosts.param_count(_v3()).total, 1))
    return gpus, aicosts.get_gpu("H800").hbm_bytes, weights


def test_numbers_are_plain_finite_numbers(numbers: AttentionNumbers) -> None:
    """Glued into prose: every field is a Python number, never an array."""
    for f in fields(numbers):
        value = getattr(numbers, f.name)
        assert isinstance(value, int | float), f.name
        assert value == value and abs(value) != float("inf"), f.name


def test_shape_is_the_config(numbers: AttentionNumbers, v3: aicosts.ModelConfig) -> None:
    assert (numbers.kv_lora_rank, numbers.qk_rope_head_dim, numbers.q_lora_rank) == (
        v3.kv_lora_rank,
        v3.qk_rope_head_dim,
        v3.q_lora_rank,
    )
    assert (numbers.num_heads, numbers.head_dim, numbers.num_layers) == (
        v3.num_heads,
        v3.head_dim,
        v3.num_layers,
    )


def test_per_layer_elements_are_table_1_of_deepseek_v2(
    numbers: AttentionNumbers, v3: aicosts.ModelConfig
) -> None:
    # DeepSeek-V2 Table 1 (deepseekv2): per token and layer, MLA caches d_c + d_h^R, MHA 2 n_h d_h.
    layers = v3.num_layers
    assert numbers.mla_elements_per_layer * layers == numbers.mla_elements_per_token
    assert numbers.mla_elements_per_token == aicosts.kv_cache_elements_per_token(v3)
    mha = aicosts.kv_cache_elements_per_token(v3, "MHA")
    mqa = aicosts.kv_cache_elements_per_token(v3, "MQA")
    assert numbers.mha_elements_per_layer * layers == mha
    assert numbers.mqa_elements_per_layer * layers == mqa


def test_bytes_and_ratios_follow_the_kv_formulas(
    numbers: AttentionNumbers, v3: aicosts.ModelConfig
) -> None:
    mla = float(aicosts.kv_cache_bytes_per_token(v3))
    mha = float(aicosts.kv_cache_bytes_per_token(v3, attention="MHA"))
    mqa = float(aicosts.kv_cache_bytes_per_token(v3, attention="MQA"))
    gqa = 2 * float(
        aicosts.kv_elements_per_token_gqa(COMPARISON_KV_HEADS, v3.head_dim, v3.num_layers)
    )
    assert numbers.mla_bytes_per_token == mla
    assert numbers.mha_bytes_per_token == mha
    assert numbers.mha_over_mla == pytest.approx(mha / mla)
    assert numbers.gqa_over_mla == pytest.approx(gqa / mla)
    assert numbers.mqa_over_mla == pytest.approx(mqa / mla)
    assert numbers.num_kv_heads == COMPARISON_KV_HEADS
    # GQA with the equivalent group count caches what MLA does (DeepSeek-V2 §2.1.4: 2.25).
    assert numbers.equivalent_gqa_groups * numbers.mqa_elements_per_layer == pytest.approx(
        numbers.mla_elements_per_layer
    )
    llama = float(aicosts.kv_cache_bytes_per_token(aicosts.load_config("Llama-3.1-405B")))
    assert numbers.llama_bytes_per_token == llama
    assert numbers.llama_over_mla == pytest.approx(llama / mla)
    assert numbers.mla_bytes_per_sequence_32k == float(aicosts.kv_cache_bytes(v3, 32768))
    assert numbers.mha_bytes_per_sequence_32k == float(
        aicosts.kv_cache_bytes(v3, 32768, attention="MHA")
    )


def test_mla_never_caches_more_than_mha_or_gqa(numbers: AttentionNumbers) -> None:
    assert numbers.mqa_over_mla < 1 < numbers.gqa_over_mla < numbers.mha_over_mla


def test_decode_unit_is_the_reports(numbers: AttentionNumbers) -> None:
    # DeepSeek-V3 §3.4: the minimum decode unit is 40 nodes of 8 H800 (deepseekv3).
    gpus, hbm, weights = _unit()
    assert numbers.decode_unit_gpus == gpus
    assert numbers.hbm_bytes_per_gpu == hbm
    assert numbers.weight_bytes == weights
    assert numbers.kv_budget_bytes == gpus * hbm - weights
    assert numbers.usd_per_gpu_hour == aicosts.published_figure("deepseek_v3_usd_per_gpu_hour")


@pytest.mark.parametrize("context", [4096, 131072])
@pytest.mark.parametrize("attention", ["MLA", "MHA"])
def test_sequences_per_gpu_follow_max_concurrent_sequences(
    numbers: AttentionNumbers, context: int, attention: str
) -> None:
    gpus, hbm, weights = _unit()
    per_sequence = float(aicosts.kv_cache_bytes(_v3(), context, attention=attention))
    expected = float(aicosts.max_concurrent_sequences(gpus * hbm, weights, per_sequence)) / gpus
    field = f"{attention.lower()}_sequences_per_gpu_{context // 1024}k"
    assert getattr(numbers, field) == expected


def test_sequence_table_shape_and_order() -> None:
    table = sequences_per_gpu([1024, 8192, 65536])
    assert list(table.columns) == ["context_tokens", "attention", "sequences_per_gpu"]
    assert table["attention"].unique().tolist() == list(COMPARED_ATTENTION)
    wide = table.pivot(index="context_tokens", columns="attention", values="sequences_per_gpu")
    # Property: longer contexts never fit more sequences; MLA ≥ GQA ≥ MHA at every length.
    assert wide.index.is_monotonic_increasing
    for attention in COMPARED_ATTENTION:
        assert wide[attention].is_monotonic_decreasing
    assert (wide["MLA (latent)"] >= wide["GQA"]).all()
    assert (wide["GQA"] >= wide["MHA"]).all()


def test_decode_costs_are_the_serving_comparison(numbers: AttentionNumbers) -> None:
    v3, h800 = _v3(), aicosts.get_gpu("H800")
    table = aicosts.serving_comparison(
        v3,
        num_gpus=int(aicosts.published_figure("deepseek_v3_decode_unit_gpus")),
        hbm_bytes_per_gpu=h800.hbm_bytes,
        hbm_bytes_per_s=h800.hbm_bytes_per_s,
        peak_flop_per_s=h800.peak_flop_per_s("fp8"),
        usd_per_gpu_hour=aicosts.published_figure("deepseek_v3_usd_per_gpu_hour"),
        context_tokens=32768,
        mfu=ILLUSTRATIVE_MFU,
        busy_fraction=ILLUSTRATIVE_BUSY_FRACTION,
    )["usd_per_million_tokens"]
    assert numbers.mla_usd_per_million_tokens_32k == table["as built"]
    assert numbers.mha_usd_per_million_tokens_32k == table["MHA instead of MLA"]
    assert numbers.mha_over_mla_cost_32k == pytest.approx(
        table["MHA instead of MLA"] / table["as built"]
    )
    costs = decode_costs([4096, 32768, 131072])
    assert costs["scenario"].tolist() == ["as built", "MHA instead of MLA"] * 3
    by = costs.set_index(["context_tokens", "scenario"])["usd_per_million_tokens"]
    assert numbers.mla_usd_per_million_tokens_4k == by[(4096, "as built")]
    # Property: at every context an MHA cache costs at least as much per token as MLA.
    for context in (4096, 32768, 131072):
        assert by[(context, "MHA instead of MLA")] >= by[(context, "as built")]
