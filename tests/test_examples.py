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
