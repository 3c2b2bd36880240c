"""Every script in examples/ runs as a reader would run it, and prints what its page promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

#: Lines each example must print (checked as substrings). A new example must be added here.
EXPECTED: dict[str, list[str]] = {
    # DeepSeek-V3 Technical Report, Table 1 (deepseekv3): each stage and the total at $2/GPU-h.
    "deepseek_v3_rental_cost.py": [
        "pre-training          2,664,000 GPU-h  $   5,328,000",
        "context extension       119,000 GPU-h  $     238,000",
        "post-training             5,000 GPU-h  $      10,000",
        "total                 2,788,000 GPU-h  $   5,576,000",
    ],
    # DeepSeek-V3 Table 1 (2.788M H800-h, deepseekv3) and Llama 3.1 MODEL_CARD.md (30.84M
    # H100-h, llama3), both at DeepSeek's $2/GPU-h; amortised with Epoch's assumptions per GPU
    # (epoch_ownership: 1.64 on the bare H800 price, none on the H100's DGX share; server power).
    "compare_models.py": [
        "DeepSeek-V3         2.788M    $5.58M     $7.28M                $1.70M",
        "Llama-3.1-405B     30.840M   $61.68M    $50.23M                $1.63M",
        "Llama-3.1-405B / DeepSeek-V3: rental 11.1x, amortised 6.9x",
    ],
    # A hypothetical 7B model on 2T tokens on 256 H100s: C = 6ND (kaplan2020), H100 989.4 TFLOP/s,
    # Epoch's default MFU 0.375, H100 rental $1.99 and $3.49 and price $33,750 (cottier2024, B),
    # EIA 2023 US industrial electricity $0.0806/kWh; the range is a seeded Monte Carlo.
    "estimate_training_cost.py": [
        "Training compute (6ND)         8.400e+22 FLOP",
        "GPU-hours at MFU 37.5%         62,889 H100 SXM GPU-h",
        "Wall clock on 256 GPUs         10.2 days",
        "Rental at $1.99/GPU-h          $125,149",
        "Rental at $3.49/GPU-h          $219,482",
        "Amortised ownership + power    $102,421",
        "Rental, 90% range              $138,436 to $217,509 (median $175,224)",
    ],
}


def test_every_example_has_expectations() -> None:
    scripts = {p.name for p in EXAMPLES.glob("*.py")}
    assert scripts, "examples/ holds no scripts"
    assert scripts == set(EXPECTED), f"scripts without expectations: {scripts - set(EXPECTED)}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_runs(name: str) -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=EXAMPLES.parent,
    )
    assert result.returncode == 0, result.stderr
    for line in EXPECTED[name]:
        assert line in result.stdout, f"{name}: {line!r} not in output:\n{result.stdout}"
