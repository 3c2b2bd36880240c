"""Charts follow their column and the theme after the page has loaded (aicosts-charts.js).

A reader turns a phone, resizes a window or switches to dark mode: each chart is drawn again at
its column's new width (debounced), in the theme's colours, with what the reader set on its
controls kept.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import SITE

pytestmark = pytest.mark.browser

_WIDTHS = """
() => {
  const art = document.querySelector("article.bd-article");
  const cs = getComputedStyle(art);
  const column = art.getBoundingClientRect().width - parseFloat(cs.paddingLeft)
    - parseFloat(cs.paddingRight);
  return { column, charts: [...document.querySelectorAll(".aicosts-chart svg.marks")]
    .map((svg) => svg.getBoundingClientRect().width) };
}
"""
_SETTLED = """
() => [...document.querySelectorAll('.aicosts-chart')].every(
  el => el.querySelector('svg.marks') && !el.hasAttribute('data-aicosts-busy'))
"""
_BACKGROUNDS = """
() => Object.values(window.aicostsViews).map((view) => view.background())
"""


def _settle(page: Any) -> None:
    page.wait_for_timeout(400)  # past the resize debounce
    page.wait_for_function(_SETTLED, timeout=15_000)


def _fits(page: Any) -> tuple[float, list[float]]:
    widths = page.evaluate(_WIDTHS)
    return widths["column"], widths["charts"]


@pytest.mark.parametrize("path", ["index.html", "explanations/moe.html"])
def test_charts_refit_when_the_window_resizes(browser: Any, site_url: str, path: str) -> None:
    if not (SITE / path).is_file():
        pytest.skip(f"{path} not in the built site")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + path)
        _settle(page)
        for width in (390, 1280, 700):
            page.set_viewport_size({"width": width, "height": 900})
            _settle(page)
            column, charts = _fits(page)
            assert charts, f"{path}: no chart drawn"
            wide = [round(w) for w in charts if w > column + 1]
            assert wide == [], f"{path} resized to {width} px: charts {wide} px in {column:.0f} px"
    finally:
        context.close()


def test_charts_follow_the_theme_toggle(browser: Any, site_url: str) -> None:
    context = browser.new_context(color_scheme="light")
    try:
        page = context.new_page()
        page.goto(site_url + "index.html")
        _settle(page)
        assert set(page.evaluate(_BACKGROUNDS)) == {"#ffffff"}
        page.evaluate("() => document.documentElement.setAttribute('data-theme', 'dark')")
        _settle(page)
        dark = page.evaluate(
            "() => getComputedStyle(document.documentElement)"
            ".getPropertyValue('--pst-color-background').trim()"
        )
        assert set(page.evaluate(_BACKGROUNDS)) == {dark}
        page.evaluate("() => document.documentElement.setAttribute('data-theme', 'light')")
        _settle(page)
        assert set(page.evaluate(_BACKGROUNDS)) == {"#ffffff"}
    finally:
        context.close()


def test_controls_survive_a_redraw(browser: Any, site_url: str) -> None:
    path = "explanations/cost-debate.html"
    if not (SITE / path).is_file():
        pytest.skip(f"{path} not in the built site")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + path)
        _settle(page)
        chart_id = page.evaluate(
            "() => document.querySelector('.vega-bindings input[type=range]')"
            ".closest('.aicosts-chart').id"
        )
        name, value = page.evaluate(
            """(id) => {
              const input = document.querySelector(`#${id} .vega-bindings input[type=range]`);
              input.value = input.max;
              input.dispatchEvent(new Event("input", { bubbles: true }));
              return [input.name, +input.max];
            }""",
            chart_id,
        )
        page.set_viewport_size({"width": 390, "height": 900})
        _settle(page)
        kept = page.evaluate(f"() => window.aicostsViews['{chart_id}'].signal('{name}')")
        assert kept == value, f"{name} was {value} before the redraw, {kept} after"
    finally:
        context.close()


def test_no_actions_button_over_charts_and_save_buttons_below(open_page: Any) -> None:
    page, problems = open_page("index.html")
    assert page.locator(".aicosts-chart .vega-embed > details").count() == 0
    buttons = page.locator(".aicosts-chart .aicosts-chart-save button")
    assert buttons.all_text_contents()[:2] == ["Save as SVG", "Save as PNG"]
    with page.expect_download() as download:
        buttons.nth(0).click()
    assert download.value.suggested_filename.endswith(".svg")
    assert problems.errors == [], "\n".join(problems.errors)
