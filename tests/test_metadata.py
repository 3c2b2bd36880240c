"""Packaging: the version typed once, version bounds that are tested, the README's links as a
package index shows them, and the check of the built distributions."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import aicosts

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def load_tool(name: str) -> ModuleType:
    """Import ``tools/<name>.py`` (the tools are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def group_requirements(name: str) -> list[str]:
    """The requirements of one dependency group, with ``include-group`` entries expanded."""
    out: list[str] = []
    for item in PYPROJECT["dependency-groups"][name]:
        out += group_requirements(item["include-group"]) if isinstance(item, dict) else [item]
    return out


def test_version_is_typed_once() -> None:
    assert "version" not in PYPROJECT["project"], "pyproject.toml types the version again"
    assert "version" in PYPROJECT["project"]["dynamic"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "src/aicosts/__init__.py"
    assert importlib.metadata.version("aicosts") == aicosts.__version__


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


def test_readme_links_are_absolute() -> None:
    checkdist = load_tool("checkdist")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert checkdist.relative_links(readme) == []


def test_relative_links_are_found() -> None:
    checkdist = load_tool("checkdist")
    text = "[a](docs/x.md) [b](https://example.org/) ![i](img.png) [c](#top)\n[d]: LICENSE\n"
    assert checkdist.relative_links(text) == ["docs/x.md", "img.png", "LICENSE"]


def test_checkdist_refuses_a_tag_that_is_not_the_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    checkdist = load_tool("checkdist")
    assert checkdist.main([str(tmp_path), "--tag", f"v{aicosts.__version__}.post9"]) == 1
    assert "does not match the package version" in capsys.readouterr().err


def test_changelog_is_on_the_site() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(r"^## \[Unreleased\]$", changelog, re.M)
    page = (ROOT / "docs" / "changelog.md").read_text(encoding="utf-8")
    assert "```{include} ../CHANGELOG.md" in page
    toctrees = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("index.md"))
    assert re.search(r"^/changelog$", toctrees, re.M), "docs/changelog.md is in no toctree"
