"""Accessibility: axe-core on every page in light and dark mode; what-if controls by keyboard.

axe-core (npm) is injected into each built page after its charts are drawn; any violation of
impact "serious" or "critical" fails, with the rule, its help text and the offending elements.
Headings in order and alt text are checked on the HTML by ``tools/sitecheck.py``
(``test_links.py``); chart descriptions are enforced when the page is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import SITE, site_pages

pytestmark = pytest.mark.browser

PAGES = site_pages()
FAILING_IMPACTS = ("serious", "critical")
#: Pages whose charts bind a parameter to a control (a slider, a select, radio buttons).
CONTROL_PAGES = [p for p in PAGES if '"bind":' in (SITE / p).read_text(encoding="utf-8")]

RUN_AXE = """async (impacts) => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter((v) => impacts.includes(v.impact))
    .map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      count: v.nodes.length,
    }));
}"""


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['count']} element(s))")
        lines += [f"      {target}" for target in v["nodes"]]
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_axe_violations(
    open_page: Any, axe_script: Path, path: str, scheme: str
) -> None:
    page, _ = open_page(path, color_scheme=scheme)
    assert page.locator("html").get_attribute("data-theme") == scheme
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate(RUN_AXE, list(FAILING_IMPACTS))
    assert violations == [], f"{path} ({scheme} mode), axe-core found:\n" + _describe(violations)


def test_axe_detects_a_violation(open_page: Any, axe_script: Path) -> None:
    """The check itself works: an unlabelled image and a nameless button are reported."""
    page, _ = open_page("index.html")
    page.evaluate(
        """() => {
          const main = document.querySelector("main") || document.body;
          main.insertAdjacentHTML("afterbegin", '<img src="_static/favicon.svg"><button></button>');
        }"""
    )
    page.add_script_tag(path=str(axe_script))
    ids = {v["id"] for v in page.evaluate(RUN_AXE, list(FAILING_IMPACTS))}
    assert {"image-alt", "button-name"} <= ids


MARK_CONTROLS = """() => {
  const controls = [...document.querySelectorAll(
    ".vega-bindings input, .vega-bindings select")];
  const unlabelled = [];
  controls.forEach((el, i) => {
    el.dataset.a11yKey = el.type === "radio" ? "radio:" + el.name : "control:" + i;
    const named = (el.labels && el.labels.length && el.labels[0].textContent.trim())
      || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
    if (!named) unlabelled.push(el.outerHTML.slice(0, 120));
  });
  return {keys: [...new Set(controls.map((el) => el.dataset.a11yKey))], unlabelled};
}"""


def test_site_has_what_if_controls() -> None:
    # The keyboard test below must not pass by finding nothing to test.
    assert CONTROL_PAGES, "no built page binds a Vega parameter: no control would be tested"


@pytest.mark.parametrize("path", CONTROL_PAGES)
def test_what_if_controls_labelled_and_reached_by_tab(open_page: Any, path: str) -> None:
    page, problems = open_page(path)
    found = page.evaluate(MARK_CONTROLS)
    keys = set(found["keys"])
    assert keys, f"{path}: a chart binds a parameter but no .vega-bindings control was drawn"
    assert found["unlabelled"] == [], f"{path}: controls without a label: {found['unlabelled']}"

    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    reached: set[str] = set()
    focusables = page.evaluate(
        "() => document.querySelectorAll('a[href], button, input, select, textarea, "
        "[tabindex]').length"
    )
    for _ in range(focusables + 10):
        page.keyboard.press("Tab")
        key = page.evaluate("() => document.activeElement?.dataset?.a11yKey || null")
        if key:
            reached.add(key)
        if reached >= keys:
            break
    assert reached >= keys, f"{path}: Tab never reaches {sorted(keys - reached)}"

    for i in range(page.locator(".vega-bindings input[type=range]").count()):
        slider = page.locator(".vega-bindings input[type=range]").nth(i)
        slider.focus()
        before = slider.input_value()
        page.keyboard.press("ArrowRight")
        if slider.input_value() == before:  # already at its maximum
            page.keyboard.press("ArrowLeft")
        assert slider.input_value() != before, f"{path}: slider {i} ignores the arrow keys"
    assert problems.errors == [], f"{path}: " + "\n".join(problems.errors)
