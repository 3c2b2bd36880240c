"""The package as a whole: its layers, exports, size limits, docstrings that match signatures."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import statistics
from pathlib import Path

import pytest

import aicosts

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(aicosts.__file__).parent
LAYERS = ("formulas", "catalogues", "accounting", "cases")


def _modules(layer: str) -> list[str]:
    pkg = importlib.import_module(f"aicosts.{layer}")
    return sorted(
        f"aicosts.{layer}.{m.name}"
        for m in pkgutil.iter_modules(pkg.__path__)
        if not m.name.startswith("_")
    )


MODULES = [m for layer in LAYERS for m in _modules(layer)]


def public_functions() -> list[tuple[str, str]]:
    out = []
    for mod_name in MODULES:
        module = importlib.import_module(mod_name)
        for name in getattr(module, "__all__", []):
            if inspect.isfunction(getattr(module, name)):
                out.append((mod_name, name))
    return out


def test_package_is_typed() -> None:
    assert (PACKAGE / "py.typed").is_file()


def test_layers_are_visible() -> None:
    """`ls src/aicosts` shows the four layers and the data, and nothing else public."""
    entries = {p.name for p in PACKAGE.iterdir() if not p.name.startswith(("_", "."))}
    assert entries - {"py.typed"} == {*LAYERS, "data"}


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_no_module_over_800_lines(path: Path) -> None:
    assert len(path.read_text().splitlines()) <= 800


def _imported_layers(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "aicosts" and len(parts) > 1 and parts[1] in LAYERS:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_each_layer_imports_only_the_layers_before_it(layer: str) -> None:
    allowed = set(LAYERS[: LAYERS.index(layer) + 1])
    for path in sorted((PACKAGE / layer).glob("*.py")):
        wrong = _imported_layers(path) - allowed
        assert not wrong, f"{path.name} ({layer}) imports {sorted(wrong)}"


def test_top_level_exports_formulas_catalogues_and_accounting_only() -> None:
    for name in aicosts.__all__:
        obj = getattr(aicosts, name)
        module = getattr(obj, "__module__", None)
        if module is not None and inspect.isfunction(obj):
            assert not module.startswith("aicosts.cases"), f"{name} comes from a case study"
    for generic in ("COLUMNS", "GRADES", "RECIPES", "VERDICTS", "CLAIM_COLUMNS", "DISTRIBUTIONS"):
        assert not hasattr(aicosts, generic), f"aicosts.{generic} is too generic a top-level name"
    # Every public function of the three exported layers is reachable from the top level.
    for mod_name, func_name in public_functions():
        if not mod_name.startswith("aicosts.cases"):
            assert getattr(aicosts, func_name) is getattr(
                importlib.import_module(mod_name), func_name
            ), f"aicosts.{func_name} is not {mod_name}.{func_name}"


def _body_lines(func: object) -> int:
    source = inspect.getsource(inspect.unwrap(func))  # type: ignore[arg-type]
    node = ast.parse(inspect.cleandoc(source) if source.startswith(" ") else source).body[0]
    assert isinstance(node, ast.FunctionDef)
    body = node.body[1:] if ast.get_docstring(node) else node.body
    return sum(stmt.end_lineno - stmt.lineno + 1 for stmt in body)  # type: ignore[operator]


def test_formula_bodies_are_their_equations() -> None:
    """The contract holds the checks: a formula's body is its equation (median ≤ 3 lines)."""
    formulas = [getattr(aicosts, name) for name in aicosts.FORMULAS]
    declared = [f for f in formulas if hasattr(f, "__aicosts_declarations__")]
    assert len(declared) == len(formulas), "every formula declares its parameters"
    assert statistics.median(_body_lines(f) for f in declared) <= 3


def test_no_ad_hoc_validators_outside_the_contract() -> None:
    pattern = re.compile(r"^def (_check\w*|_scalar|_finite|_validate\w*)\(", re.M)
    for path in PACKAGE.rglob("*.py"):
        if path.name != "_contract.py":
            assert not pattern.search(path.read_text()), f"{path} defines its own validator"


@pytest.mark.parametrize(("mod_name", "func_name"), public_functions())
def test_docstring_matches_signature(mod_name: str, func_name: str) -> None:
    func = getattr(importlib.import_module(mod_name), func_name)
    doc = inspect.getdoc(func) or ""
    for section in ("Parameters", "Returns", "Examples", "References"):
        if section == "Parameters" and not inspect.signature(func).parameters:
            continue
        if section == "References" and not mod_name.startswith("aicosts.formulas"):
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


def _public_parameter_names() -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for mod_name in MODULES:
        module = importlib.import_module(mod_name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            try:
                params = inspect.signature(obj).parameters
            except (TypeError, ValueError):  # pragma: no cover - builtins without signatures
                continue
            for param in params:
                names.setdefault(param, set()).add(f"{mod_name}.{name}")
    return names


def test_every_parameter_name_is_in_the_nomenclature() -> None:
    page = (ROOT / "docs" / "reference" / "nomenclature.md").read_text()
    listed = set()
    for row in re.findall(r"^\| (`[^|]+`) \|", page, re.M):
        listed.update(re.findall(r"`(\w+)`", row))
    missing = {
        n: sorted(users) for n, users in _public_parameter_names().items() if n not in listed
    }
    assert not missing, f"parameters missing from docs/reference/nomenclature.md: {missing}"
