"""What a reader sees: open built pages in Chromium and measure what sticks out, is cut or is raw.

Run ``python tools/readercheck.py [SITE] [--page PATH ...] [--width 390 --width 1280]
[--theme light --theme dark] [--screenshots DIR]`` to print every problem found on the built site
(default ``docs/_build/html``); it exits with status 1 when there is one. The browser test
``tests/browser/test_reader.py`` calls the same functions on every page at 390 px and 1280 px, in
light and dark, so ``nox -s browser`` enforces them.

Each check measures the laid-out page (``getBoundingClientRect``, ``scrollWidth``), not the CSS:

``column``
    No formula (each ``<math>``), chart, table, code block or calculator (Vega's controls) is wider
    than the article column (``article.bd-article``, its content box) unless it scrolls inside its
    own ``overflow-x: auto|scroll`` box, that box is itself inside the column, and the content is
    reachable: its left edge is not before the box's left edge (a centred or right-aligned child
    overflowing to the left cannot be scrolled back to) and ``scrollWidth`` covers its right edge.
    An ``overflow: hidden`` ancestor that cuts the element is reported as clipping. The page itself
    must not scroll sideways.
``chart``
    Every text of a chart's SVG (title, subtitle, axis labels and titles, legend entries, value
    labels) and every legend lies inside the chart's visible box (the column, cut by every
    ancestor that clips or scrolls); no label is truncated by Vega's ``limit`` ("…"); nothing
    (vega-embed's actions button) covers a chart's text.
``table``
    No snake_case header (``th`` text like ``gpu_hours``) and no pandas index column (body
    header cells 0, 1, 2, …) in a table shown to readers.
``repr``
    No raw float or array repr in what a reader reads (prose, table cells, chart text, control
    readouts; code blocks and formulas excepted): ``3.1021034``, ``3.2856e+24``, ``[1.85 1.9 ]``,
    ``np.float64(``.
``calculator``
    On a phone, after a reader changes a control of an interactive chart (brought into view the
    way a reader scrolls to it), the chart's results are in the viewport, below the sticky header.

Problems are strings that say where (page, width, theme), what (element and its text) and by how
many CSS pixels.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SITE = ROOT / "docs" / "_build" / "html"
WIDTHS = (390, 1280)
THEMES = ("light", "dark")
VIEWPORT_HEIGHT = 900

#: Raw reprs a reader should not meet outside code, with what each one catches.
RAW_REPRS = (
    # Not in a DOI or a path ("10.1145/3695053.3731412"): no "/" or "." before the number.
    (re.compile(r"(?<![\d/.])\d+\.\d{7,}"), "float with 7+ decimals"),
    (re.compile(r"\d[eE][+-]\d\d\b"), "float in e-notation"),
    (re.compile(r"\[\s*-?\d+\.?\d*\s+-?\d"), "numpy array repr"),
    (re.compile(r"\b(?:np\.)?(?:float|int)(?:16|32|64)\("), "numpy scalar repr"),
    (re.compile(r"\barray\(\["), "numpy array repr"),
)
SNAKE_CASE = re.compile(r"^[a-z]+(_[a-z0-9]+)+$")

# --------------------------------------------------------------------------- in-page measurement
#: Runs in the page; returns the problems of the ``column``, ``chart`` and ``table`` checks and
#: the text a reader reads (for the ``repr`` check, done in Python).
MEASURE_JS = r"""
() => {
  const TOL = 1;  // CSS px of rounding tolerated
  const out = { problems: [], texts: [] };
  const add = (check, text) => out.problems.push({ check, text });
  const art = document.querySelector("article.bd-article");
  const root = document.scrollingElement;
  if (root.scrollWidth > window.innerWidth + TOL) {
    add("page", `page scrolls sideways: ${root.scrollWidth} px of content in a ` +
                      `${window.innerWidth} px window`);
  }
  if (!art) return out;
  const acs = getComputedStyle(art);
  const ar = art.getBoundingClientRect();
  const col = { left: ar.left + parseFloat(acs.paddingLeft),
                right: ar.right - parseFloat(acs.paddingRight) };
  const px = (v) => Math.round(v);
  const short = (s, n = 60) => {
    s = (s || "").replace(/\s+/g, " ").trim();
    return s.length > n ? s.slice(0, n - 1) + "…" : s;
  };
  const heading = (el) => {
    const sec = el.closest("section[id]");
    return sec ? "#" + sec.id : "(top)";
  };
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += "#" + el.id;
    const cls = (el.getAttribute("class") || "").trim().split(/\s+/).filter(Boolean);
    if (cls.length) s += "." + cls.slice(0, 2).join(".");
    return s;
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 || r.height > 0;
  };
  /* The ancestors between el and the article that cut or scroll el, innermost first. */
  const clippers = (el) => {
    const list = [];
    for (let a = el.parentElement; a && a !== art.parentElement; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox !== "visible") list.push({ el: a, scrolls: ox === "auto" || ox === "scroll" });
    }
    return list;
  };
  /* The content box of a scroll box, in viewport coordinates, as if scrolled to 0. */
  const inner = (a) => {
    const r = a.getBoundingClientRect();
    const left = r.left + a.clientLeft - a.scrollLeft;
    return { left, right: left + Math.max(a.scrollWidth, a.clientWidth),
             visLeft: r.left + a.clientLeft, visRight: r.left + a.clientLeft + a.clientWidth };
  };

  /* column: el fits the column, or scrolls (all of it reachable) in a box inside the column. */
  const checkColumn = (check, kind, el, label) => {
    if (!visible(el)) return;
    const r = el.getBoundingClientRect();
    const where = `${kind} ${label} (${heading(el)})`;
    const chain = clippers(el);
    for (const c of chain) {
      const box = inner(c.el);
      if (c.scrolls) {
        const br = c.el.getBoundingClientRect();
        const inside = r.left >= box.visLeft - TOL && r.right <= box.visRight + TOL;
        if (inside) continue;  // fits this scroll box as it is: look further out
        if (br.left < col.left - TOL || br.right > col.right + TOL) {
          add(check, `${where}: ${px(r.width)} px wide, scrolls in ${name(c.el)} which ` +
            `itself spans ${px(br.left - col.left)}..${px(br.right - col.left)} px of a ` +
            `${px(col.right - col.left)} px column`);
        }
        if (r.left < box.left - TOL) {
          add(check, `${where}: left ${px(box.left - r.left)} of ${px(r.width)} px ` +
            `unreachable (overflows to the left of its scroll box ${name(c.el)})`);
        }
        if (r.right > box.right + TOL) {
          add(check, `${where}: right ${px(r.right - box.right)} of ${px(r.width)} px ` +
            `unreachable in its scroll box ${name(c.el)}`);
        }
        return;  // scrolls in its own box: the rest of the chain holds the box, not el
      }
      const cr = c.el.getBoundingClientRect();
      const cutL = Math.max(0, cr.left + c.el.clientLeft - r.left);
      const cutR = Math.max(0, r.right - (cr.left + c.el.clientLeft + c.el.clientWidth));
      if (cutL > TOL || cutR > TOL) {
        add(check, `${where}: ${px(r.width)} px wide, cut by ${name(c.el)} ` +
          `(overflow hidden): ${px(cutL)} px lost on the left, ${px(cutR)} px on the right`);
        return;
      }
    }
    const over = Math.max(col.left - r.left, r.right - col.right);
    if (over > TOL) {
      add(check, `${where}: ${px(r.width)} px wide, spans ${px(r.left - col.left)}..` +
        `${px(r.right - col.left)} px of a ${px(col.right - col.left)} px column ` +
        `(${px(over)} px outside, no scroll box)`);
    }
  };

  /* The visible box of el: the column cut by every ancestor that clips or scrolls. */
  const visibleBox = (el) => {
    const box = { left: col.left, right: col.right, top: -Infinity, bottom: Infinity };
    for (const c of clippers(el)) {
      const r = c.el.getBoundingClientRect();
      box.left = Math.max(box.left, r.left + c.el.clientLeft);
      box.right = Math.min(box.right, r.left + c.el.clientLeft + c.el.clientWidth);
      const oy = getComputedStyle(c.el).overflowY;
      if (oy !== "visible") {
        box.top = Math.max(box.top, r.top + c.el.clientTop);
        box.bottom = Math.min(box.bottom, r.top + c.el.clientTop + c.el.clientHeight);
      }
    }
    return box;
  };

  // Formulas: every <math>, display and inline.
  art.querySelectorAll("math").forEach((m) => {
    const display = m.getAttribute("display") === "block" ? "display formula" : "inline formula";
    checkColumn("formula", display, m, `"${short(m.textContent, 40)}"`);
  });
  // Code blocks, tables, calculators' controls.
  art.querySelectorAll("div.highlight pre").forEach((el) =>
    checkColumn("code", "code block", el, `"${short(el.textContent, 40)}"`));
  art.querySelectorAll("table").forEach((el) => {
    const cap = el.querySelector("caption, th");
    checkColumn("table", "table", el, `"${short(cap ? cap.textContent : el.textContent, 40)}"`);
  });
  art.querySelectorAll(".vega-bindings").forEach((el) =>
    checkColumn("controls", "calculator controls", el,
                `in ${el.closest(".aicosts-chart")?.id || "?"}`));

  // Charts.
  art.querySelectorAll(".aicosts-chart").forEach((chart) => {
    const svg = chart.querySelector("svg.marks");
    if (!svg) return;
    const titleEl = svg.querySelector(".role-title-text text");
    const titleText = titleEl ? [...svg.querySelectorAll(".role-title-text text")].map(
      (t) => [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" ") || t.textContent
    ).join(" ") : "";
    const label = `${chart.id} "${short(titleText, 50)}"`;
    checkColumn("chart", "chart", svg, label);
    const box = visibleBox(svg);
    const texts = [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim());
    const said = (t) => {
      const spans = [...t.querySelectorAll("tspan")];
      return spans.length ? spans.map((s) => s.textContent).join(" ") : t.textContent;
    };
    const cut = [];
    for (const t of texts) {
      const r = t.getBoundingClientRect();
      if (r.width === 0) continue;
      const l = box.left - r.left, rr = r.right - box.right;
      if (l > TOL || rr > TOL) {
        cut.push(`"${short(said(t), 40)}" (${l > TOL ? px(l) + " px left" : ""}` +
                 `${l > TOL && rr > TOL ? ", " : ""}${rr > TOL ? px(rr) + " px right" : ""})`);
      }
      if (t.textContent.trim().endsWith("…")) {
        add("chart", `chart ${label}: text truncated by Vega: "${short(said(t))}"`);
      }
      out.texts.push({ where: `chart ${label}`, text: said(t) });
    }
    if (cut.length) {
      add("chart", `chart ${label}: ${cut.length} of ${texts.length} texts outside its ` +
        `visible box (${px(box.right - box.left)} px): ` + cut.slice(0, 6).join("; ") +
        (cut.length > 6 ? `; and ${cut.length - 6} more` : ""));
    }
    svg.querySelectorAll("g.role-legend").forEach((g) => {
      const r = g.getBoundingClientRect();
      if (r.left < box.left - TOL || r.right > box.right + TOL) {
        add("chart", `chart ${label}: legend spans ${px(r.left - box.left)}..` +
          `${px(r.right - box.left)} px of a ${px(box.right - box.left)} px visible box`);
      }
    });
    // Anything drawn over the chart's text by vega-embed (its actions button).
    chart.querySelectorAll(".vega-embed > details, .vega-actions").forEach((a) => {
      if (!visible(a)) return;
      const ar2 = a.getBoundingClientRect();
      const hit = texts.find((t) => {
        const r = t.getBoundingClientRect();
        return r.left < ar2.right && r.right > ar2.left && r.top < ar2.bottom &&
               r.bottom > ar2.top;
      });
      if (hit) {
        add("chart", `chart ${label}: ${name(a)} covers its text "${short(hit.textContent)}"`);
      }
    });
  });

  // Tables for readers: headers in words, no index column.
  art.querySelectorAll("table").forEach((table) => {
    if (table.closest("div.highlight")) return;
    const cap = table.querySelector("caption");
    const label = `table (${heading(table)})${cap ? ` "${short(cap.textContent, 40)}"` : ""}`;
    const snake = [...table.querySelectorAll("th")].map((th) => th.textContent.trim())
      .filter((s) => /^[a-z]+(_[a-z0-9]+)+$/.test(s));
    if (snake.length) {
      add("table", `${label}: snake_case headers ${snake.map((s) => `"${s}"`).join(", ")}`);
    }
    const index = [...table.querySelectorAll("tbody tr")].map((tr) => tr.firstElementChild)
      .filter((c) => c && c.tagName === "TH").map((c) => c.textContent.trim());
    if (index.length >= 2 && index.every((s, i) => s === String(i))) {
      add("table", `${label}: shows the pandas index (0..${index.length - 1})`);
    }
  });

  // The text a reader reads (prose, table cells, control readouts): not code, not formulas.
  const SKIP = "pre, code, math, script, style, svg, .highlight, .cell_input, .headerlink";
  const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (!p || p.closest(SKIP) || !n.textContent.trim()) continue;
    const block = p.closest("p, li, td, th, dd, dt, caption, figcaption, label, " +
                            "h1, h2, h3, h4, .vega-bind, div") || p;
    out.texts.push({ where: `${name(block)} (${heading(p)})`, text: n.textContent });
  }
  return out;
}
"""

#: Waits until every chart has drawn (or shown its error) and stopped re-fitting itself.
SETTLED_JS = """
() => [...document.querySelectorAll('.aicosts-chart')].every(
  el => (el.querySelector('svg.marks') || el.querySelector('.error')) &&
        !el.hasAttribute('data-aicosts-busy'))
"""

#: Brings each control of each interactive chart into view, changes it, and measures where the
#: chart's results are (its value labels, else its plot) against the viewport under the header.
CALCULATOR_JS = r"""
async () => {
  const out = [];
  const header = document.querySelector(".bd-header");
  const top = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  const bottom = window.innerHeight;
  for (const chart of document.querySelectorAll(".aicosts-chart")) {
    const controls = [...chart.querySelectorAll(".vega-bindings input, .vega-bindings select")]
      .filter((c) => c.type !== "hidden" && c.type !== "number");
    const view = (window.aicostsViews || {})[chart.id];
    for (const c of controls) {
      c.scrollIntoView({ block: "center" });
      if (c.tagName === "SELECT") {
        c.selectedIndex = (c.selectedIndex + 1) % c.options.length;
      } else if (c.type === "range") {
        const lo = +c.min, hi = +c.max;
        c.value = String(+c.value > (lo + hi) / 2 ? lo : hi);
      } else if (c.type === "checkbox" || c.type === "radio") {
        c.checked = !c.checked;
      }
      c.dispatchEvent(new Event("input", { bubbles: true }));
      c.dispatchEvent(new Event("change", { bubbles: true }));
      if (view) await view.runAsync();
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const svg = chart.querySelector("svg.marks");
      let results = [...chart.querySelectorAll("g.mark-text.role-mark text")]
        .filter((t) => t.textContent.trim());
      if (!results.length && svg) results = [svg];
      const off = results.filter((t) => {
        const r = t.getBoundingClientRect();
        return r.top < top - 1 || r.bottom > bottom + 1 || r.left < -1 ||
               r.right > window.innerWidth + 1;
      });
      if (off.length) {
        const r = off[0].getBoundingClientRect();
        const label = (c.closest(".vega-bind")?.querySelector(".vega-bind-name")?.textContent ||
          c.name).trim();
        out.push(`calculator ${chart.id}: after changing "${label}", ${off.length} of ` +
          `${results.length} results outside the viewport (first at x ${Math.round(r.left)}..` +
          `${Math.round(r.right)}, y ${Math.round(r.top)}..${Math.round(r.bottom)} px; visible ` +
          `x 0..${window.innerWidth}, y ${Math.round(top)}..${bottom} px)`);
      }
    }
  }
  return out;
}
"""


#: The checks, in the order they are reported.
CHECKS = ("page", "formula", "chart", "table", "code", "controls", "repr", "calculator")


def raw_repr_problems(texts: list[dict[str, str]]) -> list[dict[str, str]]:
    """Run the ``repr`` check on the texts MEASURE_JS collected."""
    problems = []
    for item in texts:
        text = " ".join(item["text"].split())
        for pattern, what in RAW_REPRS:
            for match in pattern.finditer(text):
                lo, hi = max(0, match.start() - 30), min(len(text), match.end() + 30)
                where, snippet = item["where"], text[lo:hi]
                problems.append(
                    {"check": "repr", "text": f'raw repr ({what}) in {where}: "{snippet}"'}
                )
    return problems


def settle(page: Any, timeout_ms: float = 20_000) -> None:
    """Wait for every chart to be drawn and fitted, and for web fonts."""
    page.wait_for_function(SETTLED_JS, timeout=timeout_ms)
    page.evaluate("() => document.fonts.ready.then(() => true)")


def check_page(page: Any) -> dict[str, list[str]]:
    """Measure the open page; return its problems by check (all but ``calculator``)."""
    settle(page)
    result = page.evaluate(MEASURE_JS)
    found: dict[str, list[str]] = {check: [] for check in CHECKS if check != "calculator"}
    for problem in result["problems"] + raw_repr_problems(result["texts"]):
        found[problem["check"]].append(problem["text"])
    return found


def check_calculators(page: Any) -> list[str]:
    """Change each control of the open page; return the ``calculator`` problems."""
    settle(page)
    return list(page.evaluate(CALCULATOR_JS))


def has_controls(site: Path, path: str) -> bool:
    """Whether a built page holds a chart with bound controls (Vega-Lite ``"bind"``)."""
    html = (site / path).read_text(encoding="utf-8")
    return 'class="aicosts-chart"' in html and '"bind":' in html


def screenshot_name(path: str, width: int, theme: str) -> str:
    """``explanations/mla.html`` at 390 px, light → ``explanations-mla-390-light.png``."""
    return f"{path.removesuffix('.html').replace('/', '-')}-{width}-{theme}.png"


def pages(site: Path) -> list[str]:
    """Every HTML page of the built site, relative to its root."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if "_static" not in p.parts and "_sources" not in p.parts
    )


# --------------------------------------------------------------------------- command line
@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 (a free port) while the block runs; yield the base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main(argv: list[str] | None = None) -> int:
    """Check the built site; print the problems; return 1 when there is one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=DEFAULT_SITE)
    parser.add_argument("--page", action="append", help="a page, e.g. explanations/moe.html")
    parser.add_argument("--width", action="append", type=int)
    parser.add_argument("--theme", action="append", choices=THEMES)
    parser.add_argument("--screenshots", type=Path, help="save full-page screenshots here")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    with serve(args.site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        for path in args.page or pages(args.site):
            for width in args.width or WIDTHS:
                for theme in args.theme or THEMES:
                    context = browser.new_context(
                        viewport={"width": width, "height": VIEWPORT_HEIGHT}, color_scheme=theme
                    )
                    page = context.new_page()
                    page.goto(url + path, wait_until="load")
                    label = f"{path} @{width}px {theme}"
                    found = check_page(page)
                    if args.screenshots:
                        args.screenshots.mkdir(parents=True, exist_ok=True)
                        shot = args.screenshots / screenshot_name(path, width, theme)
                        page.screenshot(path=str(shot), full_page=True)
                    if (width, theme) == (min(WIDTHS), "light") and has_controls(args.site, path):
                        found["calculator"] = check_calculators(page)
                    for check, lines in found.items():
                        for line in lines:
                            problems.append(f"{label}: [{check}] {line}")
                            print(problems[-1])
                    context.close()
        browser.close()
    print(f"{len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
