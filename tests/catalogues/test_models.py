"""Tests for aicosts.config: reading Hugging Face configs and the shipped data files."""

from __future__ import annotations

import dataclasses
import json
from importlib import resources
from typing import Any

import pytest

from aicosts import list_configs, load_config, read_hf_config, supported_model_types

SHIPPED = [
    "DeepSeek-V2",
    "DeepSeek-V2-Lite",
    "DeepSeek-V3",
    "Llama-3.1-405B",
    "Mixtral-8x7B",
    "Qwen3-235B-A22B",
]

LLAMA_8B: dict[str, Any] = {
    # meta-llama/Llama-3.1-8B config.json; shape also in oumi-ai/oumi
    # configs/recipes/llama3_1/README.md.
    "model_type": "llama",
    "vocab_size": 128256,
    "hidden_size": 4096,
    "intermediate_size": 14336,
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "tie_word_embeddings": False,
}


def _v3_mapping() -> dict[str, Any]:
    text = (resources.files("aicosts") / "data" / "configs" / "DeepSeek-V3.json").read_text()
    return dict(json.loads(text))


def test_list_configs() -> None:
    assert list_configs() == SHIPPED


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_config_loads_and_cites_a_source(name: str) -> None:
    cfg = load_config(name)
    assert cfg.name == name
    text = (resources.files("aicosts") / "data" / "configs" / f"{name}.json").read_text()
    mapping = json.loads(text)
    assert len(mapping["_source"]) > 40
    assert mapping["model_type"] in supported_model_types()


@pytest.mark.parametrize("spelling", ["deepseek-v3", "DEEPSEEK-V3", "  DeepSeek-V3 "])
def test_load_config_is_case_insensitive(spelling: str) -> None:
    assert load_config(spelling) == load_config("DeepSeek-V3")


def test_unknown_name_lists_known_ones() -> None:
    with pytest.raises(ValueError, match=r"name must be one of 'DeepSeek-V2'.*got 'gpt-4'"):
        load_config("gpt-4")


def test_name_must_be_string() -> None:
    with pytest.raises(TypeError, match="name must be a string, got 3"):
        load_config(3)  # type: ignore[arg-type]


# deepseekv3 §4.2 and config_671B.json keys as listed in shared/sources.md (A).
V3_EXPECTED = {
    "vocab_size": 129280,
    "hidden_size": 7168,
    "intermediate_size": 18432,
    "moe_intermediate_size": 2048,
    "num_layers": 61,
    "num_dense_layers": 3,
    "num_heads": 128,
    "num_routed_experts": 256,
    "num_shared_experts": 1,
    "num_experts_per_token": 8,
    "num_expert_groups": 8,
    "topk_groups": 4,
    "q_lora_rank": 1536,
    "kv_lora_rank": 512,
    "head_dim": 128,
    "qk_rope_head_dim": 64,
    "v_head_dim": 128,
    "num_mtp_layers": 1,
    "num_mtp_moe_layers": 1,
    "tie_word_embeddings": False,
    "max_position_embeddings": 163840,
    "attention": "MLA",
    "router_bias": True,
}


@pytest.mark.parametrize(("field", "value"), V3_EXPECTED.items())
def test_deepseek_v3_matches_sources(field: str, value: object) -> None:
    assert getattr(load_config("DeepSeek-V3"), field) == value


def test_deepseek_v2_and_lite_shapes() -> None:
    # deepseekv2 hyper-parameters (sources.md, A): first layer dense, 2 shared experts.
    v2 = load_config("DeepSeek-V2")
    assert (v2.num_layers, v2.num_dense_layers, v2.num_routed_experts) == (60, 1, 160)
    assert (v2.num_shared_experts, v2.num_experts_per_token, v2.q_lora_rank) == (2, 6, 1536)
    lite = load_config("DeepSeek-V2-Lite")
    assert lite.q_lora_rank is None  # no query compression
    assert (lite.num_layers, lite.num_dense_layers, lite.num_heads) == (27, 1, 16)
    assert (lite.num_routed_experts, lite.moe_intermediate_size) == (64, 1408)
    assert not v2.router_bias and v2.num_mtp_layers == 0


def test_gqa_models() -> None:
    llama = load_config("Llama-3.1-405B")
    assert (llama.attention, llama.num_kv_heads, llama.head_dim) == ("GQA", 8, 128)
    mixtral = load_config("Mixtral-8x7B")
    assert (mixtral.num_moe_layers, mixtral.num_routed_experts, mixtral.num_experts_per_token) == (
        32,
        8,
        2,
    )
    qwen = load_config("Qwen3-235B-A22B")
    assert qwen.qk_norm and qwen.num_moe_layers == 94 and qwen.num_kv_heads == 4


def test_attention_kinds() -> None:
    mha = read_hf_config({**LLAMA_8B, "num_key_value_heads": 32})
    mqa = read_hf_config({**LLAMA_8B, "num_key_value_heads": 1})
    assert (mha.attention, mqa.attention) == ("MHA", "MQA")
    default_kv = {k: v for k, v in LLAMA_8B.items() if k != "num_key_value_heads"}
    assert read_hf_config(default_kv).num_kv_heads == 32


def test_explicit_head_dim_wins() -> None:
    cfg = read_hf_config({**LLAMA_8B, "head_dim": 64})
    assert cfg.head_dim == 64


def test_head_dim_must_divide_when_absent() -> None:
    with pytest.raises(ValueError, match=r"hidden_size \(4000\) is not divisible"):
        read_hf_config({**LLAMA_8B, "hidden_size": 4000, "num_attention_heads": 48})


def test_name_defaults() -> None:
    assert read_hf_config(LLAMA_8B).name == "llama"
    assert read_hf_config({**LLAMA_8B, "_name": "x"}).name == "x"
    assert read_hf_config(LLAMA_8B, name="y").name == "y"


def test_qwen2_bias_and_qwen3_norm_flags() -> None:
    base = {**LLAMA_8B, "model_type": "qwen2"}
    q2 = read_hf_config(base)
    assert q2.qkv_bias and not q2.o_bias and not q2.qk_norm
    q3 = read_hf_config({**base, "model_type": "qwen3", "head_dim": 128})
    assert q3.qk_norm and not q3.qkv_bias
    q3b = read_hf_config({**base, "model_type": "qwen3", "attention_bias": True})
    assert q3b.qkv_bias and q3b.o_bias
    llama = read_hf_config({**LLAMA_8B, "mlp_bias": True})
    assert llama.mlp_bias


def test_first_k_dense_and_moe_layer_freq() -> None:
    m = _v3_mapping()
    m.update(first_k_dense_replace=1, moe_layer_freq=2, num_hidden_layers=10)
    cfg = read_hf_config(m)
    # HF modeling_deepseek: MoE iff i >= first_k_dense_replace and i % moe_layer_freq == 0
    assert cfg.num_moe_layers == len([2, 4, 6, 8])
    assert cfg.num_mtp_moe_layers == 1  # MTP layer index 10: 10 % 2 == 0
    m["num_hidden_layers"] = 9
    assert read_hf_config(m).num_mtp_moe_layers == 0  # index 9 is odd


def test_deepseek_dense_when_no_routed_experts() -> None:
    m = _v3_mapping()
    m["n_routed_experts"] = None
    cfg = read_hf_config(m)
    assert not cfg.is_moe and cfg.num_dense_layers == 61


def test_qwen3_moe_sparse_step_and_mlp_only_layers() -> None:
    text = (resources.files("aicosts") / "data" / "configs" / "Qwen3-235B-A22B.json").read_text()
    m = json.loads(text)
    m.update(num_hidden_layers=8, decoder_sparse_step=2, mlp_only_layers=[3])
    cfg = read_hf_config(m)
    # MoE iff i not in mlp_only_layers and (i + 1) % step == 0: i = 1, 5, 7
    assert cfg.num_moe_layers == 3
    with pytest.raises(TypeError, match="mlp_only_layers must be a list"):
        read_hf_config({**m, "mlp_only_layers": 3})


def test_model_config_is_frozen() -> None:
    cfg = load_config("Mixtral-8x7B")
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.hidden_size = 1  # type: ignore[misc]


# ----------------------------------------------------------------------------- bad input
def test_unknown_model_type() -> None:
    with pytest.raises(
        ValueError, match=r"model_type 'gpt2' has no reader; supported: .*register_family"
    ):
        read_hf_config({**LLAMA_8B, "model_type": "gpt2"})


def test_missing_model_type() -> None:
    with pytest.raises(ValueError, match="missing required key 'model_type'"):
        read_hf_config({"hidden_size": 1})


@pytest.mark.parametrize(
    "key",
    ["vocab_size", "hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads"],
)
def test_missing_key_is_named_llama(key: str) -> None:
    m = {k: v for k, v in LLAMA_8B.items() if k != key}
    with pytest.raises(ValueError, match=f"missing required key '{key}'"):
        read_hf_config(m)


@pytest.mark.parametrize(
    "key",
    [
        "kv_lora_rank",
        "q_lora_rank",
        "qk_nope_head_dim",
        "qk_rope_head_dim",
        "v_head_dim",
        "n_routed_experts",
        "moe_intermediate_size",
        "num_experts_per_tok",
    ],
)
def test_missing_key_is_named_deepseek(key: str) -> None:
    m = _v3_mapping()
    del m[key]
    with pytest.raises(ValueError, match=f"missing required key '{key}'"):
        read_hf_config(m)


def test_mistral_requires_kv_heads() -> None:
    m = {**LLAMA_8B, "model_type": "mistral"}
    del m["num_key_value_heads"]
    with pytest.raises(ValueError, match="missing required key 'num_key_value_heads'"):
        read_hf_config(m)


@pytest.mark.parametrize(
    ("value", "exc", "message"),
    [
        (-32, ValueError, "num_attention_heads must be at least 1, got -32"),
        (0, ValueError, "num_attention_heads must be at least 1, got 0"),
        (12.5, ValueError, "num_attention_heads must be a whole number, got 12.5"),
        ("32", TypeError, "num_attention_heads must be a whole number, got '32'"),
        (True, TypeError, "num_attention_heads must be a whole number, got True"),
        (float("nan"), ValueError, "num_attention_heads must be a whole number, got nan"),
    ],
)
def test_bad_head_counts(value: object, exc: type[Exception], message: str) -> None:
    with pytest.raises(exc, match=message):
        read_hf_config({**LLAMA_8B, "num_attention_heads": value})


def test_whole_float_counts_are_accepted() -> None:
    assert read_hf_config({**LLAMA_8B, "num_attention_heads": 32.0}).num_heads == 32


def test_heads_not_divisible_by_kv_heads() -> None:
    with pytest.raises(ValueError, match=r"num_heads \(32\) must be divisible.*num_kv_heads=5"):
        read_hf_config({**LLAMA_8B, "num_key_value_heads": 5})


def test_bad_flag_type() -> None:
    with pytest.raises(TypeError, match="tie_word_embeddings must be true or false, got 'no'"):
        read_hf_config({**LLAMA_8B, "tie_word_embeddings": "no"})


def test_mapping_must_be_a_mapping() -> None:
    with pytest.raises(TypeError, match="mapping must be a dict"):
        read_hf_config([("model_type", "llama")])  # type: ignore[arg-type]


def test_deepseek_attention_bias_unsupported() -> None:
    with pytest.raises(ValueError, match="attention_bias=True is not supported"):
        read_hf_config({**_v3_mapping(), "attention_bias": True})


def test_experts_per_token_cannot_exceed_experts() -> None:
    with pytest.raises(ValueError, match=r"num_experts_per_token must be in \[1, num_routed"):
        read_hf_config({**_v3_mapping(), "num_experts_per_tok": 300})


def test_topk_group_cannot_exceed_groups() -> None:
    with pytest.raises(ValueError, match="topk_groups must be at most num_expert_groups"):
        read_hf_config({**_v3_mapping(), "topk_group": 9})


def test_direct_construction_is_validated() -> None:
    base = read_hf_config(LLAMA_8B)
    with pytest.raises(ValueError, match="num_moe_layers must be at most num_layers"):
        dataclasses.replace(base, num_moe_layers=33, num_routed_experts=8, num_experts_per_token=2)
    with pytest.raises(TypeError, match="model_type must be a string"):
        dataclasses.replace(base, model_type=None)
    with pytest.raises(ValueError, match="needs qk_rope_head_dim and v_head_dim"):
        dataclasses.replace(base, kv_lora_rank=512)
    with pytest.raises(ValueError, match="num_layers must be at least 1, got -1"):
        dataclasses.replace(base, num_layers=-1)
