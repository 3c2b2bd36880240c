"""Kernel-side chart setup for the aicosts site: one theme and one offline renderer for Altair.

Every executed page runs this module before its first cell (the Sphinx extension
``aicosts_sphinx`` installs an IPython startup file that imports it), so page code stays plain
Altair that a reader can copy into any notebook.

What it does:

* registers and enables the ``aicosts`` theme: system fonts (nothing fetched), a colour-blind
  safe palette (Okabe & Ito), readable sizes, a light background. In the browser
  ``_static/aicosts-charts.js`` fits each chart to its column (width, wrapped titles, legends
  below on narrow screens) and swaps in dark colours in dark mode, so a page's ``width=`` is the
  width of the chart in a notebook only;
* registers and enables the ``aicosts`` renderer, which emits ``text/html`` (the MIME type
  myst-nb renders) holding the Vega-Lite spec and one call to ``aicostsEmbed``. That function
  lives in ``_static/aicosts-charts.js`` and draws with the Vega libraries the extension bundles
  into the site: no CDN, no require.js;
* makes chart ids deterministic (a hash of the spec plus a per-page counter), so two builds of
  the same commit produce identical HTML;
* refuses a chart without a ``title`` or a ``description`` (the screen-reader label): the build
  fails instead of shipping an unlabelled chart.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import altair as alt

#: Okabe & Ito (2008) colour-blind safe palette, black dropped (used for text).
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
]
FONT = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", '
    '"Liberation Sans", Arial, sans-serif'
)

_counter = {"n": 0}


def theme() -> dict[str, Any]:
    """The site-wide Altair theme."""
    return {
        "config": {
            "background": "#ffffff",
            "font": FONT,
            "padding": 8,
            "view": {"continuousWidth": 560, "continuousHeight": 300, "stroke": "transparent"},
            # Sizes stated, not left to Vega's defaults: aicosts-charts.js wraps titles and
            # subtitles at the width these fonts measure. "bounds": the title starts at the
            # chart's left edge (axis labels included), so the wrapped lines fit its width.
            "title": {
                "fontSize": 15,
                "fontWeight": 600,
                "anchor": "start",
                "frame": "bounds",
                "color": "#1a1a1a",
                "subtitleFontSize": 13,
                "subtitleColor": "#444444",
            },
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "titleFontWeight": 600,
                "labelColor": "#333333",
                "titleColor": "#1a1a1a",
                "gridColor": "#e6e6e6",
                "domainColor": "#888888",
                "tickColor": "#888888",
            },
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "titleFontWeight": 600,
                "labelColor": "#333333",
                "titleColor": "#1a1a1a",
            },
            "range": {"category": PALETTE},
            "mark": {"color": PALETTE[0]},
            "bar": {"color": PALETTE[0]},
            "line": {"strokeWidth": 2.5},
            "text": {"fontSize": 12, "color": "#1a1a1a"},
        }
    }


def _require_labels(spec: dict[str, Any]) -> None:
    title = spec.get("title")
    if not title:
        raise ValueError("every chart on the site needs a title (alt.Chart(..., title=...))")
    if not spec.get("description"):
        shown = title if isinstance(title, str) else json.dumps(title)
        raise ValueError(
            f"chart {shown!r} has no description: pass alt.Chart(..., description=...) "
            "so screen readers can announce it"
        )


def render(spec: dict[str, Any], **_: Any) -> dict[str, str]:
    """Turn a Vega-Lite spec into the ``text/html`` bundle the site embeds offline."""
    _require_labels(spec)
    spec_json = json.dumps(spec, sort_keys=True, separators=(",", ":"))
    _counter["n"] += 1
    digest = hashlib.sha256(f"{_counter['n']}:{spec_json}".encode()).hexdigest()[:12]
    div_id = f"aicosts-chart-{digest}"
    safe = spec_json.replace("</", "<\\/")
    html = (
        f'<div id="{div_id}" class="aicosts-chart"></div>\n'
        f'<script type="text/javascript">aicostsEmbed("{div_id}", {safe});</script>'
    )
    return {"text/html": html}


def enable() -> None:
    """Register and enable the site theme and renderer in this kernel."""
    alt.theme.register("aicosts", enable=True)(theme)
    alt.renderers.register("aicosts", render)
    alt.renderers.enable("aicosts")
