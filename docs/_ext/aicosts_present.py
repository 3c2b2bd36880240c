"""Numbers and tables for readers: one way to write each figure, in prose, tables and charts.

Executed pages import it like ``aicosts_charts`` (``docs/_ext`` is on ``sys.path`` in every
kernel, see ``aicosts_sphinx``)::

    from aicosts_present import Col, money, money_exact, count, percent, table

Formatters (each takes a float, an int or a NumPy scalar and returns a ``str``):

=====================  ========================================  ==============================
function               what it writes                            example
=====================  ========================================  ==============================
:func:`money`          USD in prose: 3 significant digits, K/M/  ``money(5_576_000)`` → $5.58M
                       B/T, trailing zeros dropped
:func:`money_exact`    USD in tables and tooltips: every digit,  ``money_exact(5_576_000)`` →
                       thousands separators                      $5,576,000
:func:`count`          a count: exact with separators, or        ``count(2_788_000)`` →
                       compact with ``sig=``                     2,788,000
:func:`gpu_hours`      GPU-hours, compact (or exact)             ``gpu_hours(2.788e6)`` → 2.79M
                                                                 GPU-hours
:func:`duration`       a duration given in hours, in h, days or  ``duration(1_416)`` → 59 days
                       years
:func:`percent`        a fraction as a percentage                ``percent(0.372)`` → 37.2%
:func:`times`          a ratio                                   ``times(10.94)`` → 10.9×
=====================  ========================================  ==============================

Rounding is half away from zero on the exact binary value of the float, the rule of
JavaScript's ``toExponential`` and ``toFixed``, so ``_static/aicosts-format.js`` (the same
functions for calculator readouts and tooltips, also as Vega expression functions) writes the
same string for the same number; ``tests/browser/test_present.py`` checks both on a battery of
values. Negative numbers take a minus sign (U+2212); NaN is written "—" and infinity "∞".

The table helper: :func:`table` takes a DataFrame and a list of :class:`Col` (the column, its
header in words, its unit, its formatter, its alignment, whether it is summed in a totals row) and
returns a :class:`Table` that notebooks and myst-nb display as HTML: no index, headers in words
with units, numbers right-aligned with thousands separators, an optional totals row, a caption, a
source note, and a box that scrolls sideways when the table is wider than the column.

Why plain HTML rather than great_tables or itables
    *Weight*: a great_tables table carries a ~10 KB ``<style>`` block of its own per table;
    itables needs its JavaScript bundle (DataTables, ~100 KB+) on the page. This helper writes
    only the table, styled once for the whole site by ``_static/aicosts.css``. *Offline*: no
    script and no font, so nothing to fetch or bundle; the table reads the same with scripts off.
    *Determinism*: no generated ids (great_tables makes a random id unless given one), so two
    builds write identical bytes. *Accessibility*: a real ``<caption>``, ``<th scope="col">``
    headers and ``<th scope="row">`` row labels, a focusable, labelled scroll region when wide,
    and colours from the theme's variables, so the table follows dark mode (great_tables fixes
    its colours in its own CSS). *Dependencies*: none beyond pandas, which the pages use anyway.
    The price is fewer features: no sorting or searching (for a long table a page can still use
    itables) and formatting only through the formatters above, which is the point: one way to
    write each figure across the site.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any, Literal

__all__ = [
    "Col",
    "Table",
    "count",
    "duration",
    "gpu_hours",
    "money",
    "money_exact",
    "percent",
    "table",
    "times",
]

MINUS = "\u2212"
NAN = "—"
#: Suffixes of compact numbers: thousand, million, billion, trillion.
SUFFIXES = ((12, "T"), (9, "B"), (6, "M"), (3, "K"))
HOURS_PER_DAY = 24
#: A year of 365 days, the year of aicosts.HOURS_PER_YEAR.
HOURS_PER_YEAR = 8760


# --------------------------------------------------------------------------- rounding
def _exact(x: float) -> Decimal:
    return Decimal(float(x))


def _sig_digits(x: float, sig: int) -> tuple[str, int]:
    """``x >= 0`` rounded to ``sig`` significant digits: (digits, exponent of the first one).

    ``_sig_digits(5576000, 3)`` is ``("558", 6)``: 5.58e6. Like JavaScript's
    ``x.toExponential(sig - 1)``.
    """
    if x == 0:
        return "0" * sig, 0
    with localcontext() as ctx:
        ctx.prec = 1100  # enough for the exact value of any double
        d = _exact(x)
        e = d.adjusted()
        mantissa = d.scaleb(-e).quantize(Decimal(1).scaleb(-(sig - 1)), rounding=ROUND_HALF_UP)
        if mantissa >= 10:  # 9.995 -> 10.0: one more digit before the point
            e += 1
            mantissa = (mantissa / 10).quantize(
                Decimal(1).scaleb(-(sig - 1)), rounding=ROUND_HALF_UP
            )
    digits = str(mantissa).replace(".", "")
    return digits[:sig].ljust(sig, "0"), e


def _fixed(x: float, decimals: int) -> str:
    """``x >= 0`` with ``decimals`` digits after the point, like JavaScript's ``toFixed``."""
    with localcontext() as ctx:
        ctx.prec = 1100
        q = _exact(x).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{q:f}"


def _group(number: str) -> str:
    """Thousands separators in the integer part of a plain decimal string."""
    whole, _, frac = number.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ",".join(groups) + (f".{frac}" if frac else "")


def _trim(number: str) -> str:
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    return number


def _place(digits: str, point: int) -> str:
    """Digits with the decimal point after ``point`` of them (``point`` may exceed or be < 1)."""
    if point <= 0:
        return "0." + "0" * (-point) + digits
    if point >= len(digits):
        return digits + "0" * (point - len(digits))
    return digits[:point] + "." + digits[point:]


def _special(x: float) -> str | None:
    if math.isnan(x):
        return NAN
    if math.isinf(x):
        return ("" if x > 0 else MINUS) + "∞"
    return None


def _compact(x: float, sig: int, trim: bool) -> str:
    """``abs(x)`` in ``sig`` significant digits with a K/M/B/T suffix, no sign."""
    digits, e = _sig_digits(abs(x), sig)
    suffix, shift = "", 0
    for power, letter in SUFFIXES:
        if e >= power:
            suffix, shift = letter, power
            break
    text = _place(digits, e - shift + 1)
    if trim:
        text = _trim(text)
    return _group(text) + suffix


def _signed(x: float, body: str) -> str:
    """A minus before ``body`` when ``x`` is negative and did not round to zero."""
    return (MINUS if x < 0 and any(ch in "123456789" for ch in body) else "") + body


# --------------------------------------------------------------------------- formatters
def money(usd: float, sig: int = 3, *, trim: bool = True) -> str:
    """USD for prose: ``sig`` significant digits with a K, M, B or T suffix.

    >>> money(5_576_000), money(1.6e9), money(944e6), money(97_000), money(2.0)
    ('$5.58M', '$1.6B', '$944M', '$97K', '$2')
    >>> money(5_576_000, 4), money(1.6e9, trim=False), money(-2.5e6)
    ('$5.576M', '$1.60B', '−$2.5M')
    """
    x = float(usd)
    special = _special(x)
    if special is not None:
        return special
    return _signed(x, "$" + _compact(x, sig, trim))


def money_exact(usd: float, decimals: int = 0) -> str:
    """USD for tables and tooltips: every digit, thousands separators.

    >>> money_exact(5_576_000), money_exact(2, decimals=2), money_exact(-1234.5)
    ('$5,576,000', '$2.00', '−$1,235')
    """
    x = float(usd)
    special = _special(x)
    if special is not None:
        return special
    return _signed(x, "$" + _group(_fixed(abs(x), decimals)))


def count(n: float, sig: int | None = None, *, decimals: int = 0) -> str:
    """A count: exact with thousands separators, or compact (K/M/B/T) with ``sig`` digits.

    >>> count(2_788_000), count(1998848.0), count(2.664e6, sig=3), count(37.5, decimals=1)
    ('2,788,000', '1,998,848', '2.66M', '37.5')
    """
    x = float(n)
    special = _special(x)
    if special is not None:
        return special
    body = _compact(x, sig, True) if sig else _group(_fixed(abs(x), decimals))
    return _signed(x, body)


def gpu_hours(hours: float, sig: int = 3, *, exact: bool = False) -> str:
    """Accelerator time: ``2.79M GPU-hours`` (or every digit with ``exact=True``).

    >>> gpu_hours(2.788e6), gpu_hours(2.788e6, 4), gpu_hours(2_788_000, exact=True)
    ('2.79M GPU-hours', '2.788M GPU-hours', '2,788,000 GPU-hours')
    """
    return (count(hours) if exact else count(hours, sig=sig)) + " GPU-hours"


def duration(hours: float, sig: int = 2) -> str:
    """A duration given in hours, written in hours (< 48 h), days (< 2 years) or years.

    A day is 24 h, a year 365 days (8,760 h, as ``aicosts.HOURS_PER_YEAR``).

    >>> duration(3.25), duration(1_416), duration(2.788e6 / 2048), duration(26_280)
    ('3.3 h', '59 days', '57 days', '3 years')
    """
    x = float(hours)
    special = _special(x)
    if special is not None:
        return special
    a = abs(x)
    if a < 48:
        value, unit, one = a, "h", "h"
    elif a < 2 * HOURS_PER_YEAR:
        value, unit, one = a / HOURS_PER_DAY, "days", "day"
    else:
        value, unit, one = a / HOURS_PER_YEAR, "years", "year"
    digits, e = _sig_digits(value, sig)
    text = _trim(_place(digits, e + 1))
    return _signed(x, f"{_group(text)} {one if text == '1' else unit}")


def percent(fraction: float, decimals: int = 1, *, trim: bool = False) -> str:
    """A fraction written as a percentage with ``decimals`` decimals.

    >>> percent(0.372), percent(0.05, 0), percent(0.055), percent(0.5, trim=True)
    ('37.2%', '5%', '5.5%', '50%')
    """
    x = float(fraction)
    special = _special(x)
    if special is not None:
        return special
    text = _fixed(abs(x * 100), decimals)
    if trim:
        text = _trim(text)
    return _signed(x, _group(text) + "%")


def times(ratio: float, sig: int = 3) -> str:
    """A ratio: ``10.9×``.

    >>> times(10.94), times(57.03), times(1.0)
    ('10.9×', '57×', '1×')
    """
    x = float(ratio)
    special = _special(x)
    if special is not None:
        return special
    return _signed(x, _compact(x, sig, True) + "×")


# --------------------------------------------------------------------------- tables
Formatter = Callable[[Any], str]


@dataclass(frozen=True)
class Col:
    """One column of a reader's table.

    Parameters
    ----------
    key
        The DataFrame column it shows.
    header
        Its header in words (``"Cost"``, not ``"usd"``).
    unit
        Shown after the header in brackets (``"USD"`` → "Cost [USD]"); ``None`` for none.
    fmt
        A formatter (:func:`money_exact`, ``lambda v: count(v, sig=3)``, …) or a format
        specification (``",.2f"``); ``None`` writes text as it is and numbers with
        :func:`count`.
    align
        ``"left"``, ``"right"`` or ``None``: numbers right, text left.
    total
        Sum this column in the totals row.
    """

    key: str
    header: str
    unit: str | None = None
    fmt: Formatter | str | None = None
    align: Literal["left", "right"] | None = None
    total: bool = False


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return not isinstance(value, str)


def _cell(col: Col, value: Any) -> str:
    if value is None or (_is_number(value) and math.isnan(float(value))):
        return NAN
    if callable(col.fmt):
        return str(col.fmt(value))
    if isinstance(col.fmt, str):
        return format(value, col.fmt)
    if _is_number(value):
        return count(value, decimals=0 if float(value).is_integer() else 2)
    return str(value)


def _text(value: Any) -> str:
    """Escape text, except markup that says it is HTML (``__html__``, as markupsafe.Markup)."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return html.escape(str(value), quote=False)


@dataclass(frozen=True)
class Table:
    """A table for readers, as HTML: displayed by notebooks and myst-nb (``_repr_html_``)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return "<aicosts_present.Table: display it in a notebook, or str() for its HTML>"


def table(
    frame: Any,
    columns: Sequence[Col],
    *,
    caption: str | None = None,
    source: str | None = None,
    totals: str | None = None,
    row_headers: bool = True,
) -> Table:
    """A DataFrame as a table for readers.

    Parameters
    ----------
    frame
        A pandas DataFrame (its index is not shown: reset it first if it holds data).
    columns
        The columns to show, in order, as :class:`Col`.
    caption
        The table's title (its ``<caption>``, and the name of its scroll region).
    source
        A source note under the table ("Source: …" is not added: write it).
    totals
        The label of a totals row that sums the columns marked ``total=True``.
    row_headers
        The first column labels its row (``<th scope="row">``).

    Examples
    --------
    >>> import pandas as pd
    >>> stages = pd.DataFrame({"stage": ["Pre-training", "Context extension", "Post-training"],
    ...                        "gpu_hours": [2_664_000, 119_000, 5_000]})
    >>> stages["usd"] = stages.gpu_hours * 2.0
    >>> t = table(stages, [Col("stage", "Stage"),
    ...                    Col("gpu_hours", "H800 time", "GPU-hours", count, total=True),
    ...                    Col("usd", "Cost at $2 per GPU-hour", "USD", money_exact, total=True)],
    ...           caption="DeepSeek-V3's training, by stage", totals="Total",
    ...           source="Source: DeepSeek-V3 technical report, Table 1.")
    >>> "<td class=\\"num\\">$5,576,000</td>" in str(t), "2,788,000" in str(t)
    (True, True)
    """
    rows: Iterable[Any] = frame.itertuples(index=False, name=None)
    keys = list(frame.columns)
    index = [keys.index(c.key) for c in columns]
    records = [[row[i] for i in index] for row in rows]

    def aligned(col: Col, j: int) -> str:
        if col.align:
            return col.align
        values = [r[j] for r in records if r[j] is not None]
        return "right" if values and all(_is_number(v) for v in values) else "left"

    align = [aligned(c, j) for j, c in enumerate(columns)]
    cls = [' class="num"' if a == "right" else "" for a in align]

    out = ['<figure class="aicosts-table">']
    label = f' aria-label="{html.escape(caption)}"' if caption else ' aria-label="Table"'
    out.append(f'<div class="aicosts-table-scroll" role="region" tabindex="0"{label}>')
    out.append("<table>")
    if caption:
        out.append(f"<caption>{_text(caption)}</caption>")
    out.append("<thead><tr>")
    for col, c in zip(columns, cls, strict=True):
        unit = f' <span class="unit">[{_text(col.unit)}]</span>' if col.unit else ""
        out.append(f'<th scope="col"{c}>{_text(col.header)}{unit}</th>')
    out.append("</tr></thead>")
    out.append("<tbody>")
    for record in records:
        out.append("<tr>")
        for j, (col, c) in enumerate(zip(columns, cls, strict=True)):
            tag = "th" if row_headers and j == 0 else "td"
            scope = ' scope="row"' if tag == "th" else ""
            out.append(f"<{tag}{scope}{c}>{_text(_cell(col, record[j]))}</{tag}>")
        out.append("</tr>")
    out.append("</tbody>")
    if totals is not None:
        out.append('<tfoot><tr class="total">')
        for j, (col, c) in enumerate(zip(columns, cls, strict=True)):
            if j == 0:
                out.append(f'<th scope="row"{c}>{_text(totals)}</th>')
            elif col.total:
                total = math.fsum(float(r[j]) for r in records if _is_number(r[j]))
                out.append(f"<td{c}>{_text(_cell(col, total))}</td>")
            else:
                out.append(f"<td{c}></td>")
        out.append("</tr></tfoot>")
    out.append("</table></div>")
    if source:
        out.append(f'<figcaption class="aicosts-table-source">{_text(source)}</figcaption>')
    out.append("</figure>")
    return Table("\n".join(out))
