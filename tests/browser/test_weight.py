"""Page weight: no page's HTML over 250 KB; one shared, content-hashed Vega bundle."""

from __future__ import annotations

import sys

import pytest

from .conftest import ROOT, SITE

sys.path.insert(0, str(ROOT / "tools"))
import sitecheck

pytestmark = pytest.mark.browser


def test_page_weight_within_limits() -> None:
    if not (SITE / "index.html").is_file():
        pytest.fail(f"no built site at {SITE}: build it first with `nox -s docs`")
    weights = sitecheck.page_weights(SITE)
    print(sitecheck.weight_report(weights))
    problems = sitecheck.weight_problems(SITE, weights)
    assert problems == [], "\n".join(problems)
    chart_pages = [w for w in weights if w.shared_vega]
    assert chart_pages, "no page loads the Vega bundle"
    assert all(w.shared_vega == chart_pages[0].shared_vega for w in chart_pages)
