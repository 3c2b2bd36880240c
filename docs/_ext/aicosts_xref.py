"""Sphinx extension: resolve the short names readers and docstrings use for aicosts objects.

Every public object is documented once, under the module that defines it
(``aicosts.formulas.costs.rental_cost``), but the package exports most of them at the top level,
and docstrings refer to their neighbours by bare name. A reference that Sphinx cannot resolve
(``aicosts.rental_cost``, ``fleet_tco`` from another module, ``ModelConfig``) is looked up here:
the name is found in :mod:`aicosts` or in one of its layer modules, and the reference is pointed at
the documented object. A layer package (``aicosts.formulas``) points at its section of the API
index. A name that is in neither stays unresolved, so ``-n -W`` still fails on a typo.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

LAYERS = ("formulas", "catalogues", "accounting", "cases")


def _index() -> dict[str, str]:
    """Map every public name (bare and ``aicosts.``-prefixed) to its documented full name."""
    import aicosts

    names: dict[str, str] = {}
    for layer in LAYERS:
        package = importlib.import_module(f"aicosts.{layer}")
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"aicosts.{layer}.{info.name}")
            for name in getattr(module, "__all__", []):
                names.setdefault(name, f"{module.__name__}.{name}")
    for name in aicosts.__all__:
        if name in names:
            names[f"aicosts.{name}"] = names[name]
    return names


def resolve(app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element) -> Any:
    """Resolve a py reference by its short name, or a layer package to the API index."""
    if node.get("refdomain") != "py":
        return None
    target = str(node.get("reftarget", ""))
    if node.get("reftype") == "mod" and target.removeprefix("aicosts.") in LAYERS:
        layer = target.removeprefix("aicosts.")
        return make_refnode(
            app.builder, node["refdoc"], "reference/api/index", layer, contnode, target
        )
    full = env.app.config._aicosts_names.get(target)  # type: ignore[attr-defined]
    if full is None:
        return None
    domain = env.get_domain("py")
    for objtype in ("function", "class", "data", "attribute", "method", "module"):
        role = domain.role_for_objtype(objtype)
        if role is None:
            continue
        found = domain.resolve_xref(env, node["refdoc"], app.builder, role, full, node, contnode)
        if found is not None:
            return found
    return None


def _build_index(app: Sphinx, config: Any) -> None:
    config._aicosts_names = _index()


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the resolver."""
    app.connect("config-inited", _build_index)
    app.connect("missing-reference", resolve)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
