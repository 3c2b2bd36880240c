"""Fixtures for the browser check: serve the built site on 127.0.0.1, drive Debian's Chromium.

Run through ``nox -s browser``, which builds the site first. The site folder is
``docs/_build/html`` unless ``AICOSTS_SITE`` names another. Chromium is ``/usr/bin/chromium``
unless ``AICOSTS_CHROMIUM`` names another; when it is missing the tests fail under CI (``CI`` set)
and are skipped locally with a message saying how to install it.

The local server answers a missing path the way the hosts do (Read the Docs, GitHub Pages): status
404 with the site's ``404.html``. axe-core (``axe_script``) is installed from npm by the nox
session into ``.nox/.cache/axe-core`` unless ``AICOSTS_AXE`` names an ``axe.min.js``.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("AICOSTS_SITE", ROOT / "docs" / "_build" / "html"))
CHROMIUM = os.environ.get("AICOSTS_CHROMIUM", "/usr/bin/chromium")
AXE = Path(
    os.environ.get(
        "AICOSTS_AXE",
        ROOT / ".nox" / ".cache" / "axe-core" / "node_modules" / "axe-core" / "axe.min.js",
    )
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def site_pages() -> list[str]:
    """Every HTML page of the built site, as paths relative to its root."""
    if not (SITE / "index.html").is_file():
        return []
    return sorted(
        p.relative_to(SITE).as_posix()
        for p in SITE.rglob("*.html")
        if "_static" not in p.parts and "_sources" not in p.parts
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    if not (SITE / "index.html").is_file():
        pytest.fail(f"no built site at {SITE}: build it first with `nox -s docs`")
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if shutil.which(CHROMIUM) is None and not Path(CHROMIUM).is_file():
        message = (
            f"Chromium not found at {CHROMIUM}; install it with `sudo apt-get install -y chromium` "
            "(Debian/Ubuntu) or set AICOSTS_CHROMIUM to a Chromium/Chrome binary"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """The path of ``axe.min.js`` (axe-core from npm), to inject with ``page.add_script_tag``."""
    if not AXE.is_file():
        message = (
            f"axe-core not found at {AXE}: run the check through `nox -s browser` (it installs "
            "axe-core from npm), or `npm install --no-save --prefix .nox/.cache/axe-core "
            "axe-core@4`"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE


@dataclass
class PageProblems:
    """What went wrong while a page loaded: the browser test asserts this stays empty."""

    origin: str
    errors: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))
        page.on(
            "console",
            lambda msg: (
                self.errors.append(f"console {msg.type}: {msg.text}")
                if msg.type in {"error", "warning"}
                else None
            ),
        )
        page.on(
            "requestfailed",
            lambda req: self.errors.append(f"failed request: {req.url} ({req.failure})"),
        )
        page.on("request", self._check_origin)
        page.on(
            "response",
            lambda resp: (
                self.errors.append(f"HTTP {resp.status}: {resp.url}")
                if resp.status >= 400
                else None
            ),
        )

    def _check_origin(self, request: Any) -> None:
        url: str = request.url
        if url.startswith(self.origin) or url.startswith(("data:", "blob:", "about:")):
            return
        self.errors.append(f"request to another origin: {url}")


@pytest.fixture
def open_page(browser: Any, site_url: str) -> Iterator[Any]:
    """Open a page of the site in a fresh context; yields ``(page, problems)`` via a callable."""
    contexts: list[Any] = []

    def _open(path: str, color_scheme: str = "light") -> tuple[Any, PageProblems]:
        context = browser.new_context(color_scheme=color_scheme)
        contexts.append(context)
        page = context.new_page()
        problems = PageProblems(origin=site_url.rstrip("/"))
        problems.attach(page)
        page.goto(site_url + path, wait_until="load")
        wait_for_charts(page)
        return page, problems

    yield _open
    for context in contexts:
        context.close()


def wait_for_charts(page: Any, timeout_ms: float = 15_000) -> None:
    """Wait until every chart container has either drawn its marks or shown an error."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('.aicosts-chart')].every(
               el => el.querySelector('svg.marks') || el.querySelector('.error'))""",
        timeout=timeout_ms,
    )
