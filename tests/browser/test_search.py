"""Search works offline: the built-in search page finds pages from the local search index."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import SITE

pytestmark = pytest.mark.browser


def _results(open_page: Any, query: str) -> tuple[list[str], list[str]]:
    page, problems = open_page(f"search.html?q={query}")
    page.wait_for_function(
        "() => /Search finished|did not match/.test("
        "document.querySelector('.search-summary')?.innerText || '')",
        timeout=15_000,
    )
    hrefs = page.eval_on_selector_all("#search-results li a", "els => els.map(e => e.href)")
    return hrefs, problems.errors


def test_search_finds_the_mla_page(open_page: Any) -> None:
    hrefs, errors = _results(open_page, "MLA")
    assert errors == [], "\n".join(errors)
    built = (SITE / "explanations" / "mla.html").is_file()
    assert any("explanations/mla" in h for h in hrefs), (
        "search.html?q=MLA does not list explanations/mla.html "
        + (
            "(the page is built: is it indexed?)"
            if built
            else "(docs/explanations/mla.md is not built yet)"
        )
        + f"; results: {hrefs[:8]}"
    )


def test_search_finds_a_reference_page(open_page: Any) -> None:
    hrefs, errors = _results(open_page, "rental_cost")
    assert errors == [], "\n".join(errors)
    assert any("reference/api/formulas-costs" in h for h in hrefs), f"results: {hrefs[:8]}"


def test_search_for_nonsense_finds_nothing(open_page: Any) -> None:
    hrefs, errors = _results(open_page, "zqxjkvwplm")
    assert errors == [], "\n".join(errors)
    assert hrefs == []
