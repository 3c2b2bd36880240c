"""Packaging: version bounds that are tested."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def group_requirements(name: str) -> list[str]:
    """The requirements of one dependency group, with ``include-group`` entries expanded."""
    out: list[str] = []
    for item in PYPROJECT["dependency-groups"][name]:
        out += group_requirements(item["include-group"]) if isinstance(item, dict) else [item]
    return out


def test_constraints_pin_every_requirement_within_its_bounds() -> None:
    lines = (ROOT / "constraints" / "ci.txt").read_text(encoding="utf-8").splitlines()
    pins = {}
    for line in lines:
        if line.strip() and not line.startswith("#"):
            req = Requirement(line)
            (spec,) = req.specifier
            assert spec.operator == "==", line
            pins[canonicalize_name(req.name)] = spec.version
    assert "aicosts" not in pins, "the constraints pin aicosts itself"
    wanted = list(PYPROJECT["project"]["dependencies"])
    for group in PYPROJECT["dependency-groups"]:
        wanted += group_requirements(group)
    for text in wanted:
        req = Requirement(text)
        name = canonicalize_name(req.name)
        assert name in pins, f"{text}: not pinned in constraints/ci.txt (run `nox -s constraints`)"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"{text}: constraints/ci.txt pins {pins[name]} (run `nox -s constraints`)"
        )


def test_runtime_dependencies_have_one_lower_bound() -> None:
    # `nox -s minimum` installs exactly these lower bounds.
    for text in PYPROJECT["project"]["dependencies"]:
        req = Requirement(text)
        assert [s.operator for s in req.specifier] == [">="], text
