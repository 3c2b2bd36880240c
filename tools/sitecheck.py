"""Static checks of the built site: links, anchors, sitemap, canonical URLs, structure, weight.

Run ``python tools/sitecheck.py [SITE]`` (default ``docs/_build/html``) to print the page-weight
report and every problem found; it exits with status 1 when there is a problem. The browser tests
(``tests/browser/test_links.py``, ``test_weight.py``) call the same functions, so ``nox -s browser``
enforces them on every build.

What is checked, reading the HTML files only (no browser, no network):

* every internal ``<a href>`` points to a file of the site and, when it has a ``#fragment``, to an
  element with that ``id`` (or ``<a name>``) in that file; every script, stylesheet, icon and image
  a page references exists;
* ``sitemap.xml`` lists every content page (all pages but :data:`NOT_IN_SITEMAP`) under one
  ``https://`` base URL, and each of those pages has ``<link rel="canonical">`` to its sitemap URL;
* each page's article has exactly one ``<h1>``, first, and never skips a heading level going down;
  every ``<img>`` has an ``alt`` attribute;
* page weight: the size of each page's HTML and of everything it loads (scripts, stylesheets,
  images, and the images those stylesheets reference; web fonts, fetched only when used, are not
  counted). The Vega bundle, shared by every page and
  cached by the browser after the first, is reported on its own.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SITE = ROOT / "docs" / "_build" / "html"
#: Pages that are not content and stay out of the sitemap (``sitemap_excludes`` in conf.py).
NOT_IN_SITEMAP = frozenset({"404.html", "search.html", "genindex.html", "py-modindex.html"})
#: The largest HTML file a page may have.
MAX_HTML_BYTES = 250 * 1024
VEGA_BUNDLE = re.compile(r"_static/vega-bundle-[0-9a-f]{10}\.js$")
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


@dataclass
class Page:
    """What one HTML file contains that the checks need."""

    path: str
    size: int
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    canonical: str | None = None
    headings: list[int] = field(default_factory=list)
    images_without_alt: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.page.ids.add(a["name"])
        if tag == "article":
            self.in_article += 1
        elif tag == "a" and "href" in a:
            self.page.links.append(a["href"])
        elif tag == "link" and "href" in a:
            rel = set(a.get("rel", "").lower().split())
            if "canonical" in rel:
                self.page.canonical = a["href"]
            elif rel & {"stylesheet", "icon", "preload", "modulepreload"}:
                self.page.resources.append(a["href"])
        elif tag in {"script", "img", "source", "video", "audio", "iframe"} and a.get("src"):
            self.page.resources.append(a["src"])
            if tag == "img" and "alt" not in a:
                self.page.images_without_alt.append(a["src"])
        if self.in_article and re.fullmatch(r"h[1-6]", tag):
            self.page.headings.append(int(tag[1]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.in_article:
            self.in_article -= 1


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, relative to its root, sorted."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not {"_static", "_sources", ".doctrees"} & set(p.relative_to(site).parts)
    )


def parse_site(site: Path) -> dict[str, Page]:
    """Parse every page of the site."""
    pages = {}
    for rel in site_pages(site):
        data = (site / rel).read_bytes()
        page = Page(path=rel, size=len(data))
        _Parser(page).feed(data.decode("utf-8"))
        pages[rel] = page
    return pages


def _is_internal(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and bool(parts.path or parts.fragment)


def resolve(site: Path, page: str, url: str) -> tuple[str, str]:
    """Return the site-relative file a URL on ``page`` points to, and its fragment."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path:
        target = page
    elif path.startswith("/"):
        target = path.lstrip("/")
    else:
        base = PurePosixPath(page).parent
        stack: list[str] = []
        for part in (base / path).parts:
            if part == "..":
                if stack:
                    stack.pop()
            elif part != ".":
                stack.append(part)
        target = "/".join(stack)
    if not target or target.endswith("/") or (site / target).is_dir():
        target = (target.rstrip("/") + "/index.html").lstrip("/")
    return target, unquote(parts.fragment)


def broken_links(site: Path, pages: dict[str, Page] | None = None) -> list[str]:
    """Every internal link or resource whose file or ``#anchor`` does not exist."""
    pages = pages if pages is not None else parse_site(site)
    problems = []
    ids_of: dict[str, set[str]] = {}
    for page in pages.values():
        for url in page.links + page.resources:
            if not _is_internal(url):
                continue
            target, fragment = resolve(site, page.path, url)
            if not (site / target).is_file():
                problems.append(f"{page.path}: {url} -> no file {target}")
                continue
            if fragment and target.endswith(".html"):
                if target not in ids_of:
                    ids_of[target] = (
                        pages[target].ids if target in pages else parse_site_page(site, target).ids
                    )
                if fragment not in ids_of[target]:
                    problems.append(f"{page.path}: {url} -> no id {fragment!r} in {target}")
    return problems


def parse_site_page(site: Path, rel: str) -> Page:
    """Parse one page (for targets outside the usual page set)."""
    data = (site / rel).read_bytes()
    page = Page(path=rel, size=len(data))
    _Parser(page).feed(data.decode("utf-8"))
    return page


def sitemap_problems(site: Path, pages: dict[str, Page] | None = None) -> list[str]:
    """Differences between ``sitemap.xml``, the site's content pages and their canonical links."""
    pages = pages if pages is not None else parse_site(site)
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return ["no sitemap.xml in the site"]
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [el.text or "" for el in ET.parse(sitemap).getroot().findall("s:url/s:loc", ns)]
    problems = []
    indexes = sorted((loc for loc in locs if loc.endswith("/index.html")), key=len)
    base = indexes[0][: -len("index.html")] if indexes else None
    if base is None or not base.startswith("https://"):
        return [f"sitemap.xml has no https:// URL of index.html (found {locs[:3]}...)"]
    listed = set()
    for loc in locs:
        if not loc.startswith(base):
            problems.append(f"sitemap.xml: {loc} is not under {base}")
        else:
            listed.add(loc[len(base) :])
    expected = set(pages) - NOT_IN_SITEMAP
    problems += [f"sitemap.xml does not list {p}" for p in sorted(expected - listed)]
    problems += [
        f"sitemap.xml lists {p}, which is not a content page" for p in sorted(listed - expected)
    ]
    if len(locs) != len(set(locs)):
        problems.append("sitemap.xml lists a page more than once")
    for rel in sorted(expected):
        canonical = pages[rel].canonical
        if canonical != base + rel:
            problems.append(f"{rel}: canonical link is {canonical!r}, expected {base + rel!r}")
    return problems


def structure_problems(pages: dict[str, Page]) -> list[str]:
    """Headings out of order in a page's article, and images without alt text."""
    problems = []
    for rel, page in pages.items():
        levels = page.headings
        if rel != "search.html" and levels.count(1) != 1:
            problems.append(f"{rel}: {levels.count(1)} <h1> headings in the article (want 1)")
        if levels and levels[0] != 1:
            problems.append(f"{rel}: the article starts with <h{levels[0]}>, not <h1>")
        for before, after in itertools.pairwise(levels):
            if after > before + 1:
                problems.append(f"{rel}: heading <h{after}> follows <h{before}> (skips a level)")
        problems += [f"{rel}: <img src={src!r}> has no alt" for src in page.images_without_alt]
    return problems


@dataclass
class Weight:
    """Bytes one page loads on a first visit."""

    path: str
    html: int
    assets: int
    shared_vega: int
    files: list[str]

    @property
    def total(self) -> int:
        """HTML plus everything it loads, the Vega bundle included."""
        return self.html + self.assets + self.shared_vega


def _css_refs(site: Path, css: str) -> list[str]:
    text = (site / css).read_text(encoding="utf-8", errors="replace")
    refs = []
    for url in _CSS_URL.findall(text):
        # Fonts are fetched only when a glyph of theirs is drawn: not counted.
        if _is_internal(url) and not url.split("?")[0].endswith(
            (".woff2", ".woff", ".ttf", ".eot")
        ):
            target, _ = resolve(site, css, url)
            if (site / target).is_file():
                refs.append(target)
    return refs


def page_weights(site: Path, pages: dict[str, Page] | None = None) -> list[Weight]:
    """Return the weight of every page, heaviest first."""
    pages = pages if pages is not None else parse_site(site)
    weights = []
    for rel, page in pages.items():
        files: set[str] = set()
        for url in page.resources:
            if not _is_internal(url):
                continue
            target, _ = resolve(site, rel, url)
            if (site / target).is_file():
                files.add(target)
                if target.endswith(".css"):
                    files.update(_css_refs(site, target))
        vega = sum((site / f).stat().st_size for f in files if VEGA_BUNDLE.search(f))
        assets = sum((site / f).stat().st_size for f in files if not VEGA_BUNDLE.search(f))
        weights.append(Weight(rel, page.size, assets, vega, sorted(files)))
    return sorted(weights, key=lambda w: (-w.total, w.path))


def weight_report(weights: list[Weight], top: int = 10) -> str:
    """Return a Markdown table of the heaviest pages."""
    kb = 1024
    lines = [
        f"Page weight ({len(weights)} pages; HTML limit {MAX_HTML_BYTES // kb} KB). The Vega "
        "bundle is one shared file, cached after the first page that loads it.",
        "",
        "| page | HTML KB | scripts, CSS, images KB | Vega bundle KB (shared) | first visit KB |",
        "|---|---:|---:|---:|---:|",
    ]
    for w in weights[:top]:
        lines.append(
            f"| {w.path} | {w.html / kb:.1f} | {w.assets / kb:.1f} | {w.shared_vega / kb:.1f} "
            f"| {w.total / kb:.1f} |"
        )
    heaviest = max(weights, key=lambda w: w.html)
    lines += ["", f"Largest HTML: {heaviest.path}, {heaviest.html / kb:.1f} KB."]
    return "\n".join(lines)


def weight_problems(site: Path, weights: list[Weight]) -> list[str]:
    """Pages over the HTML limit; more than one Vega bundle, or one not content-hashed."""
    problems = [
        f"{w.path}: HTML is {w.html / 1024:.1f} KB (limit {MAX_HTML_BYTES // 1024} KB)"
        for w in weights
        if w.html > MAX_HTML_BYTES
    ]
    bundles = sorted(p.name for p in (site / "_static").glob("vega-bundle-*.js"))
    if len(bundles) != 1:
        problems.append(f"want exactly one content-hashed Vega bundle in _static, found {bundles}")
    used = {f for w in weights for f in w.files if VEGA_BUNDLE.search(f)}
    if len(used) > 1:
        problems.append(f"pages load different Vega bundles: {sorted(used)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Print the page-weight report and every problem; return 1 if there is one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=DEFAULT_SITE)
    parser.add_argument("--top", type=int, default=10, help="rows of the weight table")
    args = parser.parse_args(argv)
    site: Path = args.site
    if not (site / "index.html").is_file():
        print(f"no built site at {site}: build it first with `nox -s docs`", file=sys.stderr)
        return 2
    pages = parse_site(site)
    weights = page_weights(site, pages)
    print(weight_report(weights, args.top))
    problems = (
        broken_links(site, pages)
        + sitemap_problems(site, pages)
        + structure_problems(pages)
        + weight_problems(site, weights)
    )
    print()
    if problems:
        print(f"{len(problems)} problem(s):")
        print("\n".join(f"  {p}" for p in problems))
        return 1
    print(f"{len(pages)} pages: links, anchors, sitemap, canonical URLs, headings, alt text OK.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
