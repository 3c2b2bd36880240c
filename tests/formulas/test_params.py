"""Tests for aicosts.params: totals and active counts against published figures."""

from __future__ import annotations

from math import ceil
from typing import Any

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aicosts import (
    ModelConfig,
    ParamCount,
    attention_params_per_layer,
    load_config,
    param_count,
    read_hf_config,
)

B = 1e9


def published(count: int, figure: float, unit: float) -> bool:
    """Whether ``count`` matches a figure published to precision ``unit``.

    Publishers round ("46.7B") or truncate ("405B" for 405.85B, Qwen's "3.3B" for 3.35B);
    accept either: figure - unit/2 <= count < figure + unit.
    """
    return figure - unit / 2 <= count < figure + unit


# --------------------------------------------------------------- DeepSeek-V3 (deepseekv3)
def test_deepseek_v3_total_671b() -> None:
    # deepseekv3 §4.2: 671B total parameters (A).
    n = param_count(load_config("DeepSeek-V3"))
    assert n.total == 671_026_419_200
    assert published(n.total, 671 * B, 1 * B)


def test_deepseek_v3_active_37b() -> None:
    # deepseekv3 §4.2: 37B activated; README_WEIGHTS (earlier version): 36.6B including the
    # 0.9B output head, i.e. without the input embedding (sources.md, A).
    n = param_count(load_config("DeepSeek-V3"))
    assert published(n.active, 37 * B, 1 * B)
    assert published(n.active, 36.6 * B, 0.1 * B)
    assert published(n.output_head, 0.9 * B, 0.1 * B)
    assert published(n.embedding, 0.9 * B, 0.1 * B)
    # Including the embedding it is 37.55B: the later README's "36.7B incl. 0.9B embedding"
    # is not reproduced by any count of this architecture.
    assert n.active_including_embedding == n.active + n.embedding


def test_deepseek_v3_mtp_module() -> None:
    # README_WEIGHTS (sources.md, A): MTP 11.5B unique (excluding the shared embedding and
    # head); activated 1.5B including the 0.9B head (earlier version) / 2.4B (later version,
    # also including the 0.9B embedding). These equal the module's transformer block alone;
    # the 2d->d projection eh_proj (0.103B) and three norms come on top.
    cfg = load_config("DeepSeek-V3")
    n = param_count(cfg)
    d = cfg.hidden_size
    extra = 2 * d * d + 3 * d
    assert published(n.mtp_module - extra, 11.5 * B, 0.1 * B)
    assert published(n.mtp_active - extra + n.output_head, 1.5 * B, 0.1 * B)
    assert published(n.mtp_active - extra + n.output_head + n.embedding, 2.4 * B, 0.1 * B)
    assert n.mtp_module == 11_610_068_224


def test_deepseek_v3_hugging_face_685b() -> None:
    # Model card: 685B on Hugging Face = 671B main + MTP (sources.md, A). The checkpoint's
    # layer 61 also stores its own copies of the embedding and head, and every FP8 weight
    # carries one float32 scale per 128x128 block (README_WEIGHTS). Reconciliation (C):
    cfg = load_config("DeepSeek-V3")
    n = param_count(cfg)
    stored = n.total_including_mtp + n.embedding + n.output_head

    def scales(out_dim: int, in_dim: int) -> int:
        return ceil(out_dim / 128) * ceil(in_dim / 128)

    attn = (
        scales(1536, 7168)
        + scales(24576, 1536)
        + scales(576, 7168)
        + scales(32768, 512)
        + scales(7168, 16384)
    )

    def mlp(f: int) -> int:
        return 2 * scales(f, 7168) + scales(7168, f)

    fp8_scales = 62 * attn + 3 * mlp(18432) + 59 * 257 * mlp(2048)
    assert round((stored + fp8_scales) / B) == 685
    assert published(n.total_including_mtp, 682.6 * B, 0.1 * B)


# --------------------------------------------------------------- DeepSeek-V2 (deepseekv2)
def test_deepseek_v2_236b_21b() -> None:
    # deepseekv2 abstract: 236B total, 21B activated (A).
    n = param_count(load_config("DeepSeek-V2"))
    assert published(n.total, 236 * B, 1 * B)
    assert published(n.active, 21 * B, 1 * B)


def test_deepseek_v2_lite_15_7b_2_4b() -> None:
    # deepseekv2: DeepSeek-V2-Lite 15.7B total, 2.4B activated (A); ours 2.45B active.
    n = param_count(load_config("DeepSeek-V2-Lite"))
    assert published(n.total, 15.7 * B, 0.1 * B)
    assert published(n.active, 2.4 * B, 0.1 * B)


# ------------------------------------------------------------------------ other families
def test_llama_405b() -> None:
    # llama3 (sources.md): Llama 3.1 405B; the name truncates the count (405.85B).
    n = param_count(load_config("Llama-3.1-405B"))
    assert published(n.total, 405 * B, 1 * B)
    assert n.active_including_embedding == n.total


def test_mixtral_46_7b_12_9b() -> None:
    # Mistral AI via sources.md (B): 46.7B total, 12.9B active; Mistral's 12.9B includes the
    # input embedding (12.75B without).
    n = param_count(load_config("Mixtral-8x7B"))
    assert published(n.total, 46.7 * B, 0.1 * B)
    assert published(n.active_including_embedding, 12.9 * B, 0.1 * B)
    assert not published(n.active, 12.9 * B, 0.1 * B)


def test_qwen3_235b_a22b() -> None:
    # Qwen3-235B-A22B model card: "235B in total and 22B activated", "Non-Embedding: 234B"
    # (sources.md, B).
    n = param_count(load_config("Qwen3-235B-A22B"))
    assert published(n.total, 235 * B, 1 * B)
    assert published(n.active_including_embedding, 22 * B, 1 * B)
    assert published(n.active, 22 * B, 1 * B)
    assert published(n.non_embedding, 234 * B, 1 * B)


LLAMA_31_8B: dict[str, Any] = {
    # huggingface.co/meta-llama/Llama-3.1-8B config.json (shape also in
    # github.com/oumi-ai/oumi configs/recipes/llama3_1/README.md). Model card: 8B.
    "model_type": "llama",
    "vocab_size": 128256,
    "hidden_size": 4096,
    "intermediate_size": 14336,
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "head_dim": 128,
    "tie_word_embeddings": False,
    "attention_bias": False,
    "mlp_bias": False,
}
LLAMA_31_70B = {
    # meta-llama/Llama-3.1-70B config.json (same sources). Model card: 70B (70.55B counted).
    **LLAMA_31_8B,
    "hidden_size": 8192,
    "intermediate_size": 28672,
    "num_hidden_layers": 80,
    "num_attention_heads": 64,
}
QWEN25_7B: dict[str, Any] = {
    # Qwen/Qwen2.5-7B-Instruct config.json: hidden 3584, 28 layers, 28/4 heads, FFN 18944,
    # vocab 152064, untied. Model card: "Number of Parameters: 7.61B", "Non-Embedding: 6.53B";
    # Hugging Face API safetensors count 7,615,616,512.
    "model_type": "qwen2",
    "vocab_size": 152064,
    "hidden_size": 3584,
    "intermediate_size": 18944,
    "num_hidden_layers": 28,
    "num_attention_heads": 28,
    "num_key_value_heads": 4,
    "tie_word_embeddings": False,
}
QWEN3_8B: dict[str, Any] = {
    # Qwen/Qwen3-8B config.json. Model card: "Number of Parameters: 8.2B".
    "model_type": "qwen3",
    "vocab_size": 151936,
    "hidden_size": 4096,
    "intermediate_size": 12288,
    "num_hidden_layers": 36,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "head_dim": 128,
    "attention_bias": False,
    "tie_word_embeddings": False,
}
QWEN3_30B_A3B: dict[str, Any] = {
    # Qwen/Qwen3-30B-A3B config.json: 48 layers, 32/4 heads, 128 experts top-8 of 768.
    # Model card: "30.5B in total and 3.3B activated", "Non-Embedding: 29.9B".
    "model_type": "qwen3_moe",
    "vocab_size": 151936,
    "hidden_size": 2048,
    "intermediate_size": 6144,
    "moe_intermediate_size": 768,
    "num_hidden_layers": 48,
    "num_attention_heads": 32,
    "num_key_value_heads": 4,
    "head_dim": 128,
    "num_experts": 128,
    "num_experts_per_tok": 8,
    "decoder_sparse_step": 1,
    "mlp_only_layers": [],
    "tie_word_embeddings": False,
}


def test_llama_31_8b_and_70b() -> None:
    assert published(param_count(read_hf_config(LLAMA_31_8B)).total, 8 * B, 1 * B)
    assert published(param_count(read_hf_config(LLAMA_31_70B)).total, 70 * B, 1 * B)


def test_qwen25_7b_exact() -> None:
    n = param_count(read_hf_config(QWEN25_7B))
    assert n.total == 7_615_616_512  # exact, q/k/v biases included
    assert published(n.non_embedding, 6.53 * B, 0.01 * B)


def test_qwen3_8b() -> None:
    n = param_count(read_hf_config(QWEN3_8B))
    assert published(n.total, 8.2 * B, 0.1 * B)


def test_qwen3_30b_a3b() -> None:
    n = param_count(read_hf_config(QWEN3_30B_A3B))
    assert published(n.total, 30.5 * B, 0.1 * B)
    assert published(n.non_embedding, 29.9 * B, 0.1 * B)
    assert published(n.active_including_embedding, 3.3 * B, 0.1 * B)


def test_qk_norm_and_bias_counts() -> None:
    base = read_hf_config(QWEN3_8B)
    no_norm = read_hf_config({**QWEN3_8B, "model_type": "llama"})
    assert attention_params_per_layer(base) - attention_params_per_layer(no_norm) == 2 * 128
    biased = read_hf_config({**QWEN3_8B, "attention_bias": True})
    assert attention_params_per_layer(biased) - attention_params_per_layer(base) == (
        32 * 128 + 2 * 8 * 128 + 4096
    )
    mlp_b = read_hf_config({**LLAMA_31_8B, "mlp_bias": True})
    diff = param_count(mlp_b).dense_ffn - param_count(read_hf_config(LLAMA_31_8B)).dense_ffn
    assert diff == 32 * (2 * 14336 + 4096)


def test_tied_embeddings() -> None:
    tied = param_count(read_hf_config({**QWEN25_7B, "tie_word_embeddings": True}))
    untied = param_count(read_hf_config(QWEN25_7B))
    assert tied.output_head == 0
    assert untied.total - tied.total == untied.output_head
    assert tied.active == tied.active_including_embedding  # the shared matrix is the head


def test_v2_lite_without_query_compression() -> None:
    cfg = load_config("DeepSeek-V2-Lite")
    # q_proj d x n_h(d_h + d_R), kv_a d x (d_c + d_R), kv norm d_c, kv_b d_c x n_h(d_h + d_v),
    # o n_h d_v x d
    expected = 2048 * 16 * 192 + 2048 * 576 + 512 + 512 * 16 * 256 + 16 * 128 * 2048
    assert attention_params_per_layer(cfg) == expected


@pytest.mark.parametrize(
    "name",
    [
        "DeepSeek-V2",
        "DeepSeek-V2-Lite",
        "DeepSeek-V3",
        "Llama-3.1-405B",
        "Mixtral-8x7B",
        "Qwen3-235B-A22B",
    ],
)
def test_breakdown_sums_to_total(name: str) -> None:
    n = param_count(load_config(name))
    parts = (
        n.embedding
        + n.output_head
        + n.attention
        + n.dense_ffn
        + n.routed_experts
        + n.shared_experts
        + n.routers
        + n.norms
    )
    assert parts == n.total
    s = n.to_series()
    assert isinstance(s, pd.Series) and s.dtype == "int64"
    assert s["total"] == n.total and s["total_including_mtp"] == n.total_including_mtp
    assert s["non_embedding"] == n.non_embedding


def test_param_count_rejects_non_config() -> None:
    with pytest.raises(TypeError, match="config must be a ModelConfig"):
        param_count({"model_type": "llama"})  # type: ignore[arg-type]


def test_param_count_is_frozen_dataclass() -> None:
    n = param_count(load_config("Mixtral-8x7B"))
    assert isinstance(n, ParamCount)
    with pytest.raises(AttributeError):
        n.total = 0  # type: ignore[misc]


@st.composite
def configs(draw: st.DrawFn) -> ModelConfig:
    kind = draw(st.sampled_from(["llama", "qwen2", "qwen3_moe", "mixtral", "deepseek_v3"]))
    n_kv = draw(st.integers(1, 8))
    num_heads = n_kv * draw(st.integers(1, 8))
    head_dim = draw(st.integers(1, 64))
    m: dict[str, Any] = {
        "model_type": kind,
        "vocab_size": draw(st.integers(1, 5000)),
        "hidden_size": draw(st.integers(1, 512)),
        "intermediate_size": draw(st.integers(1, 1024)),
        "num_hidden_layers": draw(st.integers(1, 6)),
        "num_attention_heads": num_heads,
        "num_key_value_heads": n_kv,
        "head_dim": head_dim,
        "tie_word_embeddings": draw(st.booleans()),
    }
    experts = draw(st.integers(1, 16))
    top_k = draw(st.integers(1, experts))
    if kind == "qwen3_moe":
        m.update(num_experts=experts, num_experts_per_tok=top_k, moe_intermediate_size=8)
    if kind == "mixtral":
        m.update(num_local_experts=experts, num_experts_per_tok=top_k)
    if kind == "deepseek_v3":
        m.update(
            kv_lora_rank=draw(st.integers(1, 64)),
            q_lora_rank=draw(st.one_of(st.none(), st.integers(1, 64))),
            qk_nope_head_dim=head_dim,
            qk_rope_head_dim=draw(st.integers(1, 32)),
            v_head_dim=draw(st.integers(1, 64)),
            n_routed_experts=experts,
            n_shared_experts=draw(st.integers(0, 2)),
            num_experts_per_tok=top_k,
            moe_intermediate_size=draw(st.integers(1, 64)),
            first_k_dense_replace=draw(st.integers(0, 3)),
            num_nextn_predict_layers=draw(st.integers(0, 2)),
        )
    return read_hf_config(m)


@given(configs())
def test_active_never_exceeds_total(cfg: ModelConfig) -> None:
    n = param_count(cfg)
    assert 0 < n.active <= n.active_including_embedding <= n.total
    assert n.mtp_active <= n.mtp_module
    assert n.non_embedding < n.total


@given(configs())
def test_all_experts_active_means_dense(cfg: ModelConfig) -> None:
    import dataclasses

    if not cfg.is_moe:
        return
    full = dataclasses.replace(cfg, num_experts_per_token=cfg.num_routed_experts)
    n = param_count(full)
    assert n.active_including_embedding == n.total
