"""Sphinx configuration for the aicosts site.

Build with ``nox -s docs`` (warnings are errors). Glue specific to this site lives in
``_ext/aicosts_sphinx.py`` (offline charts, MathML, execution cache) and ``_ext/aicosts_charts.py``
(the Altair theme and renderer every executed page gets).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_ext"))

import aicosts  # noqa: E402

# -- Project -----------------------------------------------------------------------------
project = "aicosts"
author = "aicosts developers"
copyright = "2026, aicosts developers"  # fixed, so builds do not depend on the clock
release = aicosts.__version__
version = release

# -- Extensions --------------------------------------------------------------------------
extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "numpydoc",
    "sphinx_design",
    "sphinx_copybutton",
    "sphinxcontrib.bibtex",
    "sphinx_sitemap",
    "notfound.extension",
    "aicosts_sphinx",
    "aicosts_xref",
]

source_suffix = {".md": "myst-nb", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
templates_path = ["_templates"]
nitpicky = True
# Everything the site needs is in the site: no intersphinx inventories are downloaded.

# -- MyST and myst-nb ----------------------------------------------------------------------
# No "dollarmath": this is a site about dollars. Math is written {math}`...` or in
# ```{math}``` blocks.
myst_enable_extensions = ["colon_fence", "deflist", "substitution", "attrs_inline"]
myst_heading_anchors = 3
nb_execution_mode = "cache"
# nb_execution_cache_path is set by aicosts_sphinx at config time to
# _build/.jupyter_cache/<hash of src/aicosts and docs/_ext>, so a change to the package re-executes
# every page instead of serving stale outputs (jupyter-cache alone keys on cell code only).
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 300
nb_merge_streams = True
# A warning printed by a cell (stderr) is a Sphinx warning, so -W fails the build on it.
nb_output_stderr = "warn"
nb_kernel_rgx_aliases = {".*": "python3"}

# -- API reference -------------------------------------------------------------------------
autodoc_typehints = "none"  # numpydoc sections carry the types and units
# Signatures show a default as written (EPOCH_DEPRECIATION_LIFE_YEARS), not its float repr.
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "show-inheritance": False}
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False

# -- Math: MathML generated at build time (see _ext/aicosts_sphinx.py) ---------------------
# No MathJax or KaTeX: nothing to download or serve, formulas render natively in browsers.
html_math_renderer = "mathml"

# -- Bibliography --------------------------------------------------------------------------
bibtex_bibfiles = ["references.bib"]
bibtex_default_style = "plain"
bibtex_reference_style = "author_year"

# -- HTML ----------------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = "aicosts"
html_static_path = ["_static"]
html_css_files = ["aicosts.css"]
html_favicon = "_static/favicon.svg"
html_logo = "_static/favicon.svg"
# Canonical URL (sitemap, <link rel="canonical">): Read the Docs sets its own; GitHub Pages sets
# AICOSTS_BASEURL in its workflow.
html_baseurl = os.environ.get(
    "READTHEDOCS_CANONICAL_URL",
    os.environ.get("AICOSTS_BASEURL", "https://aicosts.readthedocs.io/en/latest/"),
)
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_context = {"default_mode": "auto"}
html_theme_options = {
    "navbar_align": "left",
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "footer_start": ["copyright"],
    "footer_end": ["sphinx-version"],
    "secondary_sidebar_items": ["page-toc"],
    "icon_links": [],
}
html_sidebars = {"index": []}
sitemap_url_scheme = "{link}"
# The sitemap lists the content pages; the 404, search and index pages are not for search engines.
sitemap_excludes = ["404.html", "search.html", "genindex.html", "py-modindex.html"]
# The 404 page (docs/404.md) uses absolute links: "/" for a local server, the hosted path prefix
# elsewhere (aicosts_sphinx also makes the links in its body absolute).
notfound_urls_prefix = os.environ.get(
    "AICOSTS_URL_PREFIX", "/en/latest/" if os.environ.get("READTHEDOCS") else "/"
)

# -- Copy buttons: strip prompts, no button on outputs ----------------------------------------
copybutton_prompt_text = r">>> |\.\.\. "
copybutton_prompt_is_regexp = True
copybutton_selector = "div:not(.output) > div.highlight pre"
