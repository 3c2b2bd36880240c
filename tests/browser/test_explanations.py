"""Drive the what-if controls of the MoE, MLA and MTP pages and check them against aicosts.

Each control re-implements an aicosts formula as a Vega expression that runs in the reader's
browser. These tests move the control to a few values, read the number the chart then shows,
and compare it with the Python function at the same inputs.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest

import aicosts

pytestmark = pytest.mark.browser

NUMBER = r"([\d,]+(?:\.\d+)?)"


def _chart_with(page: Any, control: str) -> Any:
    """The chart container that holds the bound input named ``control``."""
    chart = page.locator(".aicosts-chart").filter(has=page.locator(f"[name='{control}']"))
    assert chart.count() == 1, f"expected one chart with a control named {control!r}"
    return chart


def _set(page: Any, chart: Any, control: str, value: float | int) -> None:
    """Move a range or select control and wait until Vega has re-rendered."""
    field = chart.locator(f"[name='{control}']").first
    if field.evaluate("el => el.tagName") == "SELECT":
        field.select_option(str(value))
    else:
        field.fill(str(value))
        field.dispatch_event("change")
    page.evaluate(
        "async id => { await window.aicostsViews[id].runAsync(); return true; }",
        chart.get_attribute("id"),
    )


def _texts(chart: Any) -> list[str]:
    """Every text the chart's SVG shows."""
    return [t for t in chart.locator("svg text").all_text_contents() if t.strip()]


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _readout(chart: Any, pattern: str) -> re.Match[str]:
    matches = [m for t in _texts(chart) if (m := re.search(pattern, t))]
    assert len(matches) == 1, f"expected one text matching {pattern!r}, got {_texts(chart)}"
    return matches[0]


@pytest.mark.parametrize(("experts", "topk"), [(256, 8), (64, 2), (512, 16), (16, 1)])
def test_moe_what_if_matches_param_count(open_page: Any, experts: int, topk: int) -> None:
    page, problems = open_page("explanations/moe.html")
    chart = _chart_with(page, "experts")
    _set(page, chart, "experts", experts)
    _set(page, chart, "topk", topk)
    total = _readout(chart, rf"^Total: {NUMBER}B parameters$")[1]
    active = _readout(chart, rf"^Active per token: {NUMBER}B parameters$")[1]
    share = _readout(chart, rf"^Active share: {NUMBER}%$")[1]
    forward = _readout(chart, rf"^Forward: {NUMBER} GFLOP per token$")[1]
    config = replace(
        aicosts.load_config("DeepSeek-V3"),
        num_routed_experts=experts,
        num_experts_per_token=topk,
    )
    n = aicosts.param_count(config)
    assert _number(total) == pytest.approx(n.total / 1e9, abs=0.05)
    assert _number(active) == pytest.approx(n.active / 1e9, abs=0.005)
    assert _number(share) == pytest.approx(100 * n.active / n.total, abs=0.05)
    assert _number(forward) == pytest.approx(
        float(aicosts.forward_flop_per_token(n.active)) / 1e9, abs=0.05
    )
    assert problems.errors == []


@pytest.mark.parametrize("context", [1024, 4096, 32768, 131072, 163840])
def test_mla_what_if_matches_kv_cache(open_page: Any, context: int) -> None:
    page, problems = open_page("explanations/mla.html")
    chart = _chart_with(page, "ctx")
    _set(page, chart, "ctx", context)
    v3 = aicosts.load_config("DeepSeek-V3")
    h800 = aicosts.get_gpu("H800")
    gpus = 40 * 8  # DeepSeek-V3's decode unit, as on the page
    weights = float(aicosts.weight_memory_bytes(aicosts.param_count(v3).total, 1))
    for label, attention in [("MLA (latent)", "MLA"), ("MQA", "MQA"), ("MHA", "MHA")]:
        size = _readout(chart, rf"^{re.escape(label)}: {NUMBER} GB per sequence$")[1]
        per = _readout(chart, rf"^{re.escape(label)}: {NUMBER} sequences per GPU$")[1]
        per_seq = float(aicosts.kv_cache_bytes(v3, context, attention=attention))
        fits = float(aicosts.max_concurrent_sequences(gpus * h800.hbm_bytes, weights, per_seq))
        assert _number(size) == pytest.approx(per_seq / 1e9, abs=0.0005), label
        assert _number(per) == pytest.approx(fits / gpus, abs=0.005), label
    gqa = aicosts.kv_cache_comparison(v3, context_tokens=context, num_kv_heads=8)
    m = _readout(chart, rf"^GQA \(8 KV heads\): {NUMBER} GB per sequence$")
    assert _number(m[1]) == pytest.approx(gqa.loc["GQA", "bytes_per_sequence"] / 1e9, abs=0.0005)
    assert problems.errors == []


@pytest.mark.parametrize(
    ("alpha", "gamma", "cost"),
    [(0.85, 1, 0.03), (0.9, 1, 0.0), (0.5, 3, 0.1), (0.99, 4, 0.5), (0.0, 2, 0.2)],
)
def test_mtp_what_if_matches_speculative_decoding(
    open_page: Any, alpha: float, gamma: int, cost: float
) -> None:
    page, problems = open_page("explanations/mtp.html")
    chart = _chart_with(page, "alpha")
    _set(page, chart, "alpha", alpha)
    _set(page, chart, "gamma", gamma)
    _set(page, chart, "cost", cost)
    tokens = _readout(chart, rf"^E = {NUMBER} tokens per step$")[1]
    speedup = _readout(chart, rf"^S = {NUMBER}× for one request$")[1]
    expected_tokens = float(aicosts.speculative_tokens_per_step(alpha, gamma))
    expected_speedup = float(aicosts.speculative_speedup(alpha, gamma, cost))
    assert _number(tokens) == pytest.approx(expected_tokens, abs=0.0005)
    assert _number(speedup) == pytest.approx(expected_speedup, abs=0.0005)
    assert problems.errors == []


def test_controls_have_visible_labels(open_page: Any) -> None:
    for path, controls in [
        ("explanations/moe.html", ["experts", "topk"]),
        ("explanations/mla.html", ["ctx"]),
        ("explanations/mtp.html", ["alpha", "gamma", "cost"]),
    ]:
        page, problems = open_page(path)
        for control in controls:
            label = page.locator(".vega-bindings label").filter(
                has=page.locator(f"[name='{control}']")
            )
            assert label.count() == 1, f"{path}: control {control!r} has no <label>"
            assert label.locator(".vega-bind-name").inner_text().strip(), f"{path}: {control}"
        assert problems.errors == [], f"{path}: " + "\n".join(problems.errors)
