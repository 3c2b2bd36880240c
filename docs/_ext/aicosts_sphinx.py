"""Sphinx extension for the aicosts site: offline charts, MathML, a fresh execution cache.

All the glue between the executed pages and the built site lives here, so no page carries any:

Offline charts
    At ``builder-inited`` the Vega, Vega-Lite and vega-embed libraries are generated with
    ``vl_convert.javascript_bundle`` for the Vega-Lite version Altair uses, wrapped in a function
    scope (the bundle declares a top-level ``const _`` that would collide with Sphinx's
    ``doctools.js``) and written once to ``_static/`` under a content-hashed name, so browsers
    cache one file for the whole site. It is loaded as a plain synchronous ``<script>`` in
    ``<head>``, followed by ``_static/aicosts-format.js`` (the number formatters of
    ``aicosts_present``, also as Vega expression functions) and ``_static/aicosts-charts.js``
    (``aicostsEmbed``), so the inline chart scripts find them while the page parses. They are
    added only to pages that draw a chart, so the API and reference pages do not download the
    bundle. Nothing is fetched from another origin.

Kernel set-up
    Every executed page gets the site theme and renderer of ``aicosts_charts`` through an IPython
    startup file written into a build-local ``IPYTHONDIR``. Page code stays plain Altair. The
    startup file also imports ``aicosts_present`` (number formatters and the table helper), so a
    page can ``from aicosts_present import money, table``.

A fresh execution cache
    myst-nb's jupyter-cache keys notebooks on their code only, so a change to ``src/aicosts``
    (or to this folder) would be served stale. The cache therefore lives at
    ``_build/.jupyter_cache/<hash>``, where ``<hash>`` digests the package sources and data, the
    files of ``docs/_ext``, and the versions of Python and of the libraries whose upgrade changes
    outputs (``OUTPUT_PACKAGES``); caches of other hashes are removed. When the hash changes, every
    page is also marked outdated so Sphinx reads (and re-executes) it again.

Reproducible output
    myst-nb copies its stylesheet into ``_static`` only when the build finishes, and Sphinx adds a
    ``?v=<checksum>`` to a stylesheet link only when the file already exists: a rebuild into the
    same folder would then differ from a clean build. The stylesheet is therefore written at
    ``builder-inited``, before any page, so every build links it the same way.

The 404 page
    ``docs/404.md`` is rendered by sphinx-notfound-page, which makes the theme's links absolute
    (``notfound_urls_prefix``) but not the links in the page's own text. They are made absolute
    here too, so they work from any missing URL, however deep.

Accessible HTML
    The browser check runs axe-core on every page. Markup that Sphinx, myst-nb and the theme
    produce and axe reports as serious is corrected here, when each page is written: a
    scrollable formula is keyboard-focusable (``tabindex="0"``); a citation list is not
    ``role="list"`` (its children are bibliography entries, not list items); myst-nb's
    "Show code cell source" toggle keeps its visible text as its name; the sidebar's icon-only
    expand/collapse toggles get a name.

Math as MathML
    ``html_math_renderer = "mathml"`` converts each LaTeX formula to MathML at build time with
    ``latex2mathml``. Browsers render MathML natively: no MathJax, no fonts, no script, no CDN, and
    the formulas are readable by screen readers and copyable. A formula it cannot convert fails the
    build.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
DOCS = HERE.parent
ROOT = DOCS.parent
PACKAGE = ROOT / "src" / "aicosts"

STARTUP = """\
# Written by docs/_ext/aicosts_sphinx.py: give every executed page the site's Altair set-up.
import sys
sys.path.insert(0, {ext!r})
import aicosts_charts
import aicosts_present  # stays importable by name: `from aicosts_present import money, table`
aicosts_charts.enable()
del sys.path[0]
"""


# --------------------------------------------------------------------------- execution cache
def source_hash() -> str:
    """Digest of everything an executed page's output depends on besides its own code."""
    digest = hashlib.sha256()
    files = [p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    files += [p for p in HERE.glob("*.py")]
    for path in sorted(files):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    # Outputs also depend on the libraries the pages run (an upgraded Altair writes other specs).
    versions = [sys.version] + [_version(name) for name in OUTPUT_PACKAGES]
    digest.update("\0".join(versions).encode())
    return digest.hexdigest()[:16]


#: Packages whose version changes what an executed page outputs.
OUTPUT_PACKAGES = ("altair", "vl-convert-python", "pandas", "numpy", "myst-nb", "ipykernel")


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{name}=={version(name)}"
    except PackageNotFoundError:
        return f"{name} missing"


def _config_inited(app: Sphinx, config: Config) -> None:
    key = source_hash()
    base = Path(app.outdir).parent / ".jupyter_cache"
    cache = base / key
    if base.is_dir():
        for old in base.iterdir():
            if old.is_dir() and old.name != key:
                shutil.rmtree(old, ignore_errors=True)
    config.nb_execution_cache_path = str(cache)
    app.aicosts_source_hash = key  # type: ignore[attr-defined]

    ipython_dir = Path(app.outdir).parent / ".ipython"
    startup = ipython_dir / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    (startup / "00-aicosts-charts.py").write_text(STARTUP.format(ext=str(HERE)))
    os.environ["IPYTHONDIR"] = str(ipython_dir)  # inherited by the kernels myst-nb starts


def _env_get_outdated(
    app: Sphinx,
    env: BuildEnvironment,
    added: set[str],
    changed: set[str],
    removed: set[str],
) -> list[str]:
    key = app.aicosts_source_hash  # type: ignore[attr-defined]
    if getattr(env, "aicosts_source_hash", None) == key:
        return []
    previous = getattr(env, "aicosts_source_hash", None)
    env.aicosts_source_hash = key  # type: ignore[attr-defined]
    if previous is None:
        return []  # a fresh environment reads every page anyway
    logger.info("aicosts: package or chart sources changed; re-executing every page")
    return sorted(env.found_docs)


# --------------------------------------------------------------------------- Vega bundle
def vega_bundle(cache_dir: Path) -> tuple[str, str]:
    """The Vega libraries as one function-scoped script, and a content-hashed file name.

    Generating the bundle takes seconds, so it is kept in ``cache_dir`` under a name that holds
    the vl-convert and Vega-Lite versions: a no-op rebuild reads it instead.
    """
    import altair as alt
    import vl_convert as vlc

    major, minor = alt.SCHEMA_VERSION.lstrip("v").split(".")[:2]
    cached = cache_dir / f"vega-bundle-vlc{vlc.__version__}-vl{major}_{minor}.js"
    if cached.is_file():
        script = cached.read_text()
    else:
        code = vlc.javascript_bundle(vl_version=f"{major}_{minor}")
        script = (
            f"/* Vega {alt.VEGA_VERSION}, Vega-Lite {alt.VEGALITE_VERSION}, vega-embed "
            f"{alt.VEGAEMBED_VERSION}: bundled by vl-convert at build time (docs/_ext). */\n"
            f"(function(){{\n{code}\n}})();\n"
        )
        cache_dir.mkdir(parents=True, exist_ok=True)
        cached.write_text(script)
    name = f"vega-bundle-{hashlib.sha256(script.encode()).hexdigest()[:10]}.js"
    return name, script


def _builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    name, script = vega_bundle(Path(app.outdir).parent / ".vega")
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    for old in static.glob("vega-bundle-*.js"):
        if old.name != name:
            old.unlink()
    target = static / name
    if not target.exists() or target.read_text() != script:
        target.write_text(script)
    app.aicosts_vega_bundle = name  # type: ignore[attr-defined]
    _write_mystnb_css(static)


def _write_mystnb_css(static: Path) -> None:
    """Copy myst-nb's content-hashed stylesheet before any page is written (see the docstring)."""
    from importlib import resources

    source = resources.files("myst_nb.static").joinpath("mystnb.css").read_bytes()
    digest = hashlib.sha256(source).hexdigest()
    target = static / f"mystnb.{digest}.css"
    if not target.exists() or target.read_bytes() != source:
        target.write_bytes(source)


def _chart_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Load the Vega bundle and ``aicostsEmbed`` on the pages that draw a chart, and only there."""
    if 'class="aicosts-chart"' in context.get("body", ""):
        app.add_js_file(app.aicosts_vega_bundle, priority=300)  # type: ignore[attr-defined]
        # The number formatters of aicosts_present, also as Vega expression functions: after
        # the bundle (it registers them with window.vega), before the charts are drawn.
        app.add_js_file("aicosts-format.js", priority=301)
        app.add_js_file("aicosts-charts.js", priority=302)


# --------------------------------------------------------------------------- 404 page
_RELATIVE_HREF = re.compile(r'href="(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)([^"]*)"')


# --------------------------------------------------------------------------- accessibility
_BODY_FIXES = (
    # Sphinx's HTML5 writer: <div role="list"> around role="doc-biblioentry" children.
    ('<div role="list" class="citation-list">', '<div class="citation-list">'),
    # myst-nb: the visible "Show code cell source" must be part of the toggle's name.
    ('<summary aria-label="Toggle hidden content">', "<summary>"),
)
_NAV_TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'
_NAV_TOGGLE_NAMED = (
    '<summary aria-label="Show or hide the pages in this section">'
    '<span class="toctree-toggle" role="presentation">'
)


def _accessible_html(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if "body" in context:
        body = context["body"]
        for old, new in _BODY_FIXES:
            body = body.replace(old, new)
        context["body"] = body
    toctree = context.get("generate_toctree_html")
    if callable(toctree):

        def named_toggles(*args: Any, **kwargs: Any) -> Any:
            html = toctree(*args, **kwargs)
            if isinstance(html, str):  # str or markupsafe.Markup (kept unescaped)
                return type(html)(str(html).replace(_NAV_TOGGLE, _NAV_TOGGLE_NAMED))
            for summary in html.select("summary"):  # a BeautifulSoup tree
                if not summary.get_text(strip=True) and not summary.get("aria-label"):
                    summary["aria-label"] = "Show or hide the pages in this section"
            return html

        context["generate_toctree_html"] = named_toggles


def _absolute_404_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if pagename != app.config.notfound_pagename or "body" not in context:
        return
    prefix = app.config.notfound_urls_prefix or "/"
    context["body"] = _RELATIVE_HREF.sub(lambda m: f'href="{prefix}{m.group(1)}"', context["body"])


# --------------------------------------------------------------------------- MathML
def to_mathml(latex: str, display: str) -> str:
    """Convert LaTeX to MathML, failing loudly on what the converter cannot read."""
    from latex2mathml.converter import convert

    try:
        return str(convert(latex.strip(), display=display))
    except Exception as exc:  # latex2mathml raises assorted exception types
        raise ValueError(f"cannot convert formula to MathML: {latex!r} ({exc})") from exc


def _visit_math(self: Any, node: nodes.math) -> None:
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate"))
    self.body.append(to_mathml(node.astext(), "inline"))
    self.body.append("</span>")
    raise nodes.SkipNode


def _visit_displaymath(self: Any, node: nodes.math_block) -> None:
    from sphinx.util.math import get_node_equation_number

    # Focusable: a formula wider than the column scrolls, and keyboard users must reach it.
    self.body.append(self.starttag(node, "div", CLASS="math notranslate", tabindex="0"))
    if node["number"]:
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({number})')
        self.add_permalink_ref(node, "Link to this equation")
        self.body.append("</span>")
    for part in (p for p in node.astext().split("\n\n") if p.strip()):
        self.body.append(to_mathml(part, "block"))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the extension."""
    app.connect("config-inited", _config_inited)
    app.connect("env-get-outdated", _env_get_outdated)
    app.connect("builder-inited", _builder_inited)
    app.connect("html-page-context", _chart_scripts)
    app.connect("html-page-context", _absolute_404_links)
    app.connect("html-page-context", _accessible_html, priority=900)
    app.add_html_math_renderer("mathml", (_visit_math, None), (_visit_displaymath, None))
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
