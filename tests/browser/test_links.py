"""Links and structure of the built site: internal links and anchors, sitemap, canonical URLs,
headings, alt text (``tools/sitecheck.py``), and the 404 page served for a missing URL."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from .conftest import ROOT, SITE

sys.path.insert(0, str(ROOT / "tools"))
import sitecheck

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pages() -> dict[str, sitecheck.Page]:
    if not (SITE / "index.html").is_file():
        pytest.fail(f"no built site at {SITE}: build it first with `nox -s docs`")
    return sitecheck.parse_site(SITE)


def test_every_internal_link_and_anchor_exists(pages: dict[str, sitecheck.Page]) -> None:
    assert sum(len(p.links) for p in pages.values()) > 100, "the crawl found almost no links"
    problems = sitecheck.broken_links(SITE, pages)
    assert problems == [], f"{len(problems)} broken link(s):\n" + "\n".join(problems)


def test_link_check_catches_a_broken_anchor(tmp_path: Any) -> None:
    (tmp_path / "index.html").write_text(
        '<a href="other.html#there">x</a><a href="missing.html">y</a><a href="#top">z</a>'
    )
    (tmp_path / "other.html").write_text('<h1 id="here">x</h1>')
    problems = sitecheck.broken_links(tmp_path)
    assert len(problems) == 3, problems


def test_sitemap_lists_every_page_with_canonical_urls(pages: dict[str, sitecheck.Page]) -> None:
    problems = sitecheck.sitemap_problems(SITE, pages)
    assert problems == [], "\n".join(problems)


def test_headings_in_order_and_images_have_alt(pages: dict[str, sitecheck.Page]) -> None:
    problems = sitecheck.structure_problems(pages)
    assert problems == [], "\n".join(problems)


def test_missing_url_serves_the_404_page(open_page: Any, site_url: str) -> None:
    page, problems = open_page("no/such/deep/page.html")
    assert page.locator("h1").first.inner_text().startswith("Page not found")
    # The page's own 404 shows as a response and as Chromium's console line; nothing else may.
    own = {
        next(e for e in problems.errors if e.startswith("HTTP 404") and "no/such" in e),
        "console error: Failed to load resource: the server responded with a status of 404 "
        "(Not Found)",
    }
    others = [e for e in problems.errors if e not in own]
    assert problems.errors.count(sorted(own)[0]) == 1, problems.errors
    assert others == [], "the 404 page loads something broken:\n" + "\n".join(others)
    hrefs = page.eval_on_selector_all(
        "article a[href]:not([href^='#'])", "els => els.map(e => e.getAttribute('href'))"
    )
    assert len(hrefs) >= 5, hrefs
    for href in hrefs:
        assert href.startswith("/"), f"the 404 page has a relative link {href!r}"
        response = page.request.get(site_url.rstrip("/") + href.split("#")[0])
        assert response.status == 200, f"the 404 page links to {href}: HTTP {response.status}"
