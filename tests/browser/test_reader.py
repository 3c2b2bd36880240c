"""What a reader sees, measured on every page at 390 px and 1280 px, in light and dark.

The checks are those of ``tools/readercheck.py`` (its docstring says what each one measures). Each
page is opened once per width and theme; every check is a test of its own, named
``test_reader[<check>-<page>-<width>-<theme>]``, whose failure lists each problem with the element,
its text and the CSS pixels it is off by. A full-page screenshot of every page is saved at 390 px
and 1280 px in light and at 1280 px in dark, into ``docs/_build/screenshots/`` (or
``AICOSTS_SCREENSHOTS``), for a person to look at: a green check is not a reader's verdict.

Run on its own after a build: ``nox -s browser -- tests/browser/test_reader.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT, SITE, site_pages

sys.path.insert(0, str(ROOT / "tools"))
import readercheck

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(os.environ.get("AICOSTS_SCREENSHOTS", ROOT / "docs" / "_build" / "screenshots"))
VIEWS = [
    (path, width, theme)
    for path in site_pages()
    for width in readercheck.WIDTHS
    for theme in readercheck.THEMES
]
#: The calculator check runs on a phone, in light, on the pages with a chart that has controls.
PHONE = (min(readercheck.WIDTHS), "light")
CASES = [
    (check, path, width, theme)
    for check in readercheck.CHECKS
    for path, width, theme in VIEWS
    if check != "calculator" or ((width, theme) == PHONE and readercheck.has_controls(SITE, path))
]
#: Screenshots kept for review: both widths in light, the desktop width in dark.
SHOTS = {(390, "light"), (1280, "light"), (1280, "dark")}


@pytest.fixture(scope="session")
def measured(browser: Any, site_url: str) -> Any:
    """Open a page at a width and theme once, measure it, and keep what was found."""
    cache: dict[tuple[str, int, str], dict[str, list[str]]] = {}

    def measure(path: str, width: int, theme: str) -> dict[str, list[str]]:
        key = (path, width, theme)
        if key not in cache:
            context = browser.new_context(
                viewport={"width": width, "height": readercheck.VIEWPORT_HEIGHT},
                color_scheme=theme,
            )
            try:
                page = context.new_page()
                page.goto(site_url + path, wait_until="load")
                assert page.locator("html").get_attribute("data-theme") == theme
                found = readercheck.check_page(page)
                if (width, theme) in SHOTS:
                    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                    shot = SCREENSHOTS / readercheck.screenshot_name(path, width, theme)
                    page.screenshot(path=str(shot), full_page=True)
                found["calculator"] = (
                    readercheck.check_calculators(page)
                    if (width, theme) == PHONE and readercheck.has_controls(SITE, path)
                    else []
                )
                cache[key] = found
            finally:
                context.close()
        return cache[key]

    return measure


@pytest.mark.parametrize(
    ("check", "path", "width", "theme"), CASES, ids=[f"{c}-{p}-{w}-{t}" for c, p, w, t in CASES]
)
def test_reader(measured: Any, check: str, path: str, width: int, theme: str) -> None:
    problems = measured(path, width, theme)[check]
    where = f"{path} at {width} px, {theme}"
    assert problems == [], f"{where}: {len(problems)} {check} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Hardware life 3.102103442166084", True),
        ("about 3.2856e+24 FLOP", True),
        ("values [1.85 1.9 ]", True),
        ("np.float64(5576000.0)", True),
        ("DOI 10.1145/3695053.3731412", False),
        ("arXiv:2412.19437, $5.576M, 2,788,000 GPU-hours, 37.5%", False),
    ],
)
def test_raw_repr_patterns(text: str, found: bool) -> None:
    problems = readercheck.raw_repr_problems([{"where": "p", "text": text}])
    assert bool(problems) is found, problems
