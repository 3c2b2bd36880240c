"""The package as a whole: version, typing marker, exports, and docstrings that match signatures."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import aicosts

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(
    m.name for m in pkgutil.iter_modules(aicosts.__path__) if not m.name.startswith("_")
)


def public_functions() -> list[tuple[str, str]]:
    out = []
    for mod_name in MODULES:
        module = importlib.import_module(f"aicosts.{mod_name}")
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if inspect.isfunction(obj):
                out.append((mod_name, name))
    return out


def test_package_is_typed() -> None:
    assert (Path(aicosts.__file__).parent / "py.typed").is_file()


@pytest.mark.parametrize("mod_name", MODULES)
def test_module_exports_are_reexported(mod_name: str) -> None:
    module = importlib.import_module(f"aicosts.{mod_name}")
    assert module.__doc__, f"aicosts.{mod_name} has no module docstring"
    exported = getattr(module, "__all__", None)
    assert exported, f"aicosts.{mod_name} defines no __all__"
    for name in exported:
        assert getattr(aicosts, name) is getattr(module, name), f"aicosts.{name} not re-exported"


@pytest.mark.parametrize(("mod_name", "func_name"), public_functions())
def test_docstring_matches_signature(mod_name: str, func_name: str) -> None:
    func = getattr(importlib.import_module(f"aicosts.{mod_name}"), func_name)
    doc = inspect.getdoc(func) or ""
    for section in ("Parameters", "Returns", "Examples", "References"):
        if section == "Parameters" and not inspect.signature(func).parameters:
            continue
        assert re.search(rf"^{section}\n-+$", doc, re.M), f"{func_name}: no {section} section"
    assert ">>>" in doc, f"{func_name}: no doctest example"
    params = doc.split("Parameters\n")[1].split("\nReturns")[0] if "Parameters\n" in doc else ""
    params = re.sub(r"^-+\n", "", params)
    documented = re.findall(r"^(\*{0,2}\w+)\s*:", params, re.M)
    expected = []
    for p in inspect.signature(func).parameters.values():
        prefix = "**" if p.kind is p.VAR_KEYWORD else "*" if p.kind is p.VAR_POSITIONAL else ""
        expected.append(prefix + p.name)
    assert documented == expected, f"{func_name}: documents {documented}, signature has {expected}"
    for block in re.split(r"^(?=\*{0,2}\w+\s*:)", params, flags=re.M):
        if block.strip():
            assert re.search(r"\[[^\]]*\]", block), f"{func_name}: no [unit] in {block.split()[0]}"
