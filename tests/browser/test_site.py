"""Open every page of the built site in Chromium: no errors, no other origin, every chart drawn."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import site_pages

pytestmark = pytest.mark.browser

PAGES = site_pages()


def test_site_has_pages() -> None:
    assert "index.html" in PAGES, "the built site has no index.html: run `nox -s docs` first"
    assert len(PAGES) >= 5


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly(open_page: Any, path: str) -> None:
    page, problems = open_page(path)
    charts = page.locator(".aicosts-chart")
    for i in range(charts.count()):
        chart = charts.nth(i)
        chart_id = chart.get_attribute("id")
        assert chart.locator(".error").count() == 0, f"{path}: chart {chart_id} shows an error box"
        assert chart.locator("svg.marks").count() == 1, f"{path}: chart {chart_id} drew no marks"
        label = chart.locator("[role='graphics-document']").first.get_attribute("aria-label")
        assert label, f"{path}: chart {chart_id} has no aria-label (alt.Chart(description=...))"
    assert problems.errors == [], f"{path}: " + "\n".join(problems.errors)


@pytest.mark.parametrize("path", [p for p in PAGES if p.startswith("index")][:1])
def test_page_clean_in_dark_mode(open_page: Any, path: str) -> None:
    page, problems = open_page(path, color_scheme="dark")
    assert page.locator("html").get_attribute("data-theme") == "dark"
    assert problems.errors == [], f"{path} (dark): " + "\n".join(problems.errors)
