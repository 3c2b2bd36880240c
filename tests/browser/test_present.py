"""The reader formatters and table helper (docs/_ext/aicosts_present.py), in Python and in JS.

The Python tests run in the ``tests`` session (no browser). ``test_js_formatters_match_python``
is a browser test: it opens a chart page of the built site, where ``_static/aicosts-format.js`` is
loaded, and checks the JavaScript formatters write the same string as the Python ones for every
value of :data:`BATTERY`, and that Vega can call them as expression functions.
"""

from __future__ import annotations

import doctest
import math
import sys
from typing import Any

import pandas as pd
import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "docs" / "_ext"))
import aicosts_present as present
from aicosts_present import Col, count, duration, gpu_hours, money, money_exact, percent, table

#: Values that stress rounding: exact halves in binary, carries into the next power (999.5,
#: 9.995e6), tiny and huge magnitudes, negatives, zero, NaN and infinities.
VALUES = [
    0.0,
    -0.0,
    0.125,
    0.375,
    1.005,
    2.5,
    2.675,
    9.995,
    99.95,
    999.5,
    999.95,
    1000.0,
    1234.5,
    5_576_000.0,
    5_575_000.0,
    5_585_000.0,
    9_995_000.0,
    999_950_000.0,
    1.6e9,
    1.595e9,
    2.788e6,
    2_788_000.0,
    1_998_848.0,
    3.2856e24,
    0.097,
    0.0005,
    3.102103442166084,
    944e6,
    -2.5e6,
    -0.0004,
    123_456_789.123,
    1e15,
    0.055,
    0.372,
    26_280.0,
    1_416.0,
    47.99,
    48.0,
    17_519.0,
    17_520.0,
    math.nan,
    math.inf,
    -math.inf,
]
#: (Python function name, JS function name, extra positional arguments).
CALLS = [
    ("money", "money", ()),
    ("money", "money", (2,)),
    ("money", "money", (4,)),
    ("money", "money", (3, False)),
    ("money_exact", "moneyExact", ()),
    ("money_exact", "moneyExact", (2,)),
    ("count", "count", ()),
    ("count", "count", (3,)),
    ("count", "count", (None, 1)),
    ("gpu_hours", "gpuHours", ()),
    ("gpu_hours", "gpuHours", (3, True)),
    ("duration", "duration", ()),
    ("duration", "duration", (3,)),
    ("percent", "percent", ()),
    ("percent", "percent", (0,)),
    ("percent", "percent", (2, True)),
    ("times", "times", ()),
]
BATTERY = [(py, js, args, v) for py, js, args in CALLS for v in VALUES]


def _python(name: str, args: tuple[Any, ...], value: float) -> str:
    fn = getattr(present, name)
    if name == "money" and len(args) == 2:
        return fn(value, args[0], trim=args[1])
    if name == "count" and len(args) == 2:
        return fn(value, args[0], decimals=args[1])
    if name == "gpu_hours" and len(args) == 2:
        return fn(value, args[0], exact=args[1])
    if name == "percent" and len(args) == 2:
        return fn(value, args[0], trim=args[1])
    return fn(value, *args)


def test_doctests() -> None:
    result = doctest.testmod(present, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 10
    assert result.failed == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5_576_000, "$5.58M"),
        (1.6e9, "$1.6B"),
        (1.595e9, "$1.6B"),
        (999_950_000, "$1B"),  # rounds up into the next suffix
        (999.5, "$1K"),
        (9_995_000, "$10M"),
        (217_304_000, "$217M"),
        (97_000, "$97K"),
        (0.097, "$0.097"),
        (0, "$0"),
        (-2.5e6, "−$2.5M"),
        (-0.0004, "−$0.0004"),
        (math.nan, "—"),
        (3.2856e24, "$3,290,000,000,000T"),
    ],
)
def test_money(value: float, expected: str) -> None:
    assert money(value) == expected


def test_exact_and_counts() -> None:
    assert money_exact(5_576_000) == "$5,576,000"
    assert money_exact(2.675, 2) == "$2.67"  # 2.675 is 2.67499999… in binary
    assert money_exact(0.125, 2) == "$0.13"  # an exact half rounds away from zero
    assert money_exact(-0.0004) == "$0"  # no minus on a value that rounds to zero
    assert count(1998848.0) == "1,998,848"
    assert count(2.664e6, sig=3) == "2.66M"
    assert gpu_hours(2.788e6) == "2.79M GPU-hours"
    assert percent(0.372) == "37.2%"
    assert duration(1.0) == "1 h"
    assert duration(24 * 365 * 2) == "2 years"
    assert duration(48) == "2 days"


def test_numpy_scalars_are_plain_numbers() -> None:
    import numpy as np

    assert money(np.float64(5_576_000)) == "$5.58M"
    assert count(np.int64(2_788_000)) == "2,788,000"


STAGES = pd.DataFrame(
    {
        "stage": ["Pre-training", "Context extension", "Post-training"],
        "gpu_hours": [2_664_000.0, 119_000.0, 5_000.0],
        "note": ["14.8T tokens", "32K then 128K", "SFT & RL <b>"],
    },
    index=[10, 11, 12],
)
COLUMNS = [
    Col("stage", "Stage"),
    Col("gpu_hours", "H800 time", "GPU-hours", count, total=True),
    Col("note", "What it covers"),
]


def test_table_for_readers() -> None:
    html = str(
        table(
            STAGES,
            COLUMNS,
            caption="DeepSeek-V3's training, by stage",
            totals="Total",
            source="Source: DeepSeek-V3 technical report, Table 1.",
        )
    )
    assert "<caption>DeepSeek-V3&#x27;s training, by stage</caption>" in html or (
        "<caption>DeepSeek-V3's training, by stage</caption>" in html
    )
    assert (
        '<th scope="col" class="num">H800 time <span class="unit">[GPU-hours]</span></th>' in html
    )
    assert '<th scope="row">Pre-training</th>' in html
    assert '<td class="num">2,664,000</td>' in html
    assert '<tfoot><tr class="total">' in html and '<td class="num">2,788,000</td>' in html
    assert "SFT &amp; RL &lt;b&gt;" in html  # text is escaped
    assert "10" not in html.split("<tbody>")[1].split("2,664,000")[0]  # no index
    assert 'class="aicosts-table-scroll" role="region" tabindex="0"' in html
    assert '<figcaption class="aicosts-table-source">Source: DeepSeek-V3' in html
    assert "_" not in "".join(html.split("<thead>")[1].split("</thead>")[0].split("class="))


def test_table_is_deterministic_and_displays_as_html() -> None:
    a = table(STAGES, COLUMNS)
    b = table(STAGES, COLUMNS)
    assert a.html == b.html
    assert a._repr_html_() == a.html
    assert "Table" in repr(a)


def test_table_cells_nan_and_alignment() -> None:
    frame = pd.DataFrame({"name": ["a", "b"], "x": [1.5, math.nan]})
    html = str(table(frame, [Col("name", "Name"), Col("x", "Value", fmt=".2f")]))
    assert '<td class="num">1.50</td>' in html
    assert '<td class="num">—</td>' in html
    html = str(table(frame, [Col("name", "Name", align="right"), Col("x", "Value", align="left")]))
    assert '<th scope="row" class="num">a</th>' in html


_JS_BATTERY = """
(battery) => battery.map(([name, args, value]) => {
  const x = value === "nan" ? NaN : value === "inf" ? Infinity : value === "-inf" ? -Infinity
    : value;
  return window.aicostsFormat[name](x, ...args);
})
"""

_VEGA_EXPRESSION = """
async () => {
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    data: { values: [{ usd: 5576000 }] },
    transform: [{ calculate: "aicostsMoney(datum.usd) + ' / ' + aicostsMoneyExact(datum.usd)",
                  as: "label" }],
    mark: "text",
    encoding: { text: { field: "label" } },
  };
  const el = document.createElement("div");
  document.body.appendChild(el);
  const result = await window.vegaEmbed(el, spec, {
    renderer: "svg", actions: false, expressionFunctions: window.aicostsFormat.vegaFunctions,
  });
  return result.view.data("data_0")[0].label;
}
"""


def _js_value(v: float) -> Any:
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


@pytest.mark.browser
def test_js_formatters_match_python(open_page: Any) -> None:
    page, problems = open_page("index.html")
    assert page.evaluate("typeof window.aicostsFormat") == "object", (
        "index.html does not load _static/aicosts-format.js"
    )
    battery = [[js, list(args), _js_value(v)] for _, js, args, v in BATTERY]
    got = page.evaluate(_JS_BATTERY, battery)
    expected = [_python(py, args, v) for py, _, args, v in BATTERY]
    mismatches = [
        f"{py}{(v, *args)}: Python {want!r}, JS {have!r}"
        for (py, _, args, v), want, have in zip(BATTERY, expected, got, strict=True)
        if want != have
    ]
    assert mismatches == [], f"{len(mismatches)} of {len(BATTERY)} differ:\n" + "\n".join(
        mismatches
    )
    assert page.evaluate(_VEGA_EXPRESSION) == "$5.58M / $5,576,000"
    assert problems.errors == [], "\n".join(problems.errors)
