"""Sessions that build, serve, test and lint aicosts. `nox -l` lists them; a bare `nox` runs
every check a contribution must pass (lint, tests, doctests, the -W build, the browser check,
two cold builds compared byte for byte). `nox -s bench` (build and formula timings) and
`nox -s serve` run on request."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.needs_version = ">=2025.5.1"  # dependency_groups and download_python
nox.options.download_python = "never"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["lint", "tests", "doctests", "docs", "browser", "reproducible"]

ROOT = Path(__file__).resolve().parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
HTML = BUILD / "html"
PYPROJECT = nox.project.load_toml("pyproject.toml")


def _install(session: nox.Session, *groups: str) -> None:
    """Install aicosts from the checkout plus the named dependency groups of pyproject.toml."""
    deps: list[str] = []
    for group in groups:
        deps += nox.project.dependency_groups(PYPROJECT, group)
    session.install("-e", ".", *deps)


def _build_html(session: nox.Session, *extra: str) -> Path:
    """Build the site with warnings as errors; return the path of index.html."""
    session.run(
        "sphinx-build",
        "-W",
        "-n",
        "--keep-going",
        "-b",
        "html",
        *extra,
        str(DOCS),
        str(HTML),
        env={"SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1767225600")},
    )
    return HTML / "index.html"


@nox.session
def docs(session: nox.Session) -> None:
    """Build the HTML site with warnings as errors into docs/_build/html (-- --clean: cold)."""
    _install(session, "docs")
    extra = [arg for arg in session.posargs if arg != "--clean"]
    if "--clean" in session.posargs:
        shutil.rmtree(BUILD, ignore_errors=True)
    index = _build_html(session, *extra)
    session.log(f"The site is built: open {index}")


@nox.session
def serve(session: nox.Session) -> None:
    """Live preview at http://127.0.0.1:8000 that rebuilds when docs/ or src/ change."""
    _install(session, "serve")
    session.run(
        "sphinx-autobuild",
        str(DOCS),
        str(HTML),
        "--host",
        "127.0.0.1",
        "--port",
        "8000",
        "--watch",
        "src/aicosts",
        "--ignore",
        "*/_build/*",
        "--ignore",
        "*/jupyter_execute/*",
        "--ignore",
        "*/.ipynb_checkpoints/*",
        "--ignore",
        "*/.jupyter_cache/*",
        "--ignore",
        "*/__pycache__/*",
        *session.posargs,
    )


@nox.session
def tests(session: nox.Session) -> None:
    """Unit and property tests, module doctests, and every script in examples/ executed."""
    _install(session, "test")
    session.run("pytest", "tests", "src", *session.posargs)


@nox.session
def doctests(session: nox.Session) -> None:
    """The doctests of the module and of the pages, as a reader runs them locally."""
    _install(session, "test")
    session.run("pytest", "src", "docs", "README.md", *session.posargs)


@nox.session
def browser(session: nox.Session) -> None:
    """Open every built page in Chromium: no errors, charts drawn, axe-core clean, links, weight."""
    _install(session, "docs", "test", "browser")
    axe = Path(session.cache_dir) / "axe-core"
    axe_js = axe / "node_modules" / "axe-core" / "axe.min.js"
    if not axe_js.is_file() and shutil.which("npm") is None:
        message = "npm not found: the accessibility checks need it to install axe-core"
        if os.environ.get("CI"):
            session.error(message)
        session.warn(f"{message}; they will be skipped (install Node.js and npm to run them)")
    elif not axe_js.is_file():
        session.run(
            "npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(axe),
            "axe-core@4", external=True,
        )  # fmt: skip
    _build_html(session)
    # `nox -s browser -- tests/browser/test_reader.py` runs that module only.
    targets = session.posargs or ["tests/browser"]
    session.run("pytest", "-m", "browser", *targets, env={"AICOSTS_AXE": str(axe_js)})
    session.run("python", "tools/sitecheck.py", str(HTML))


@nox.session
def reproducible(session: nox.Session) -> None:
    """Build the site twice from cold and check both builds are byte-identical."""
    _install(session, "docs")
    session.run("python", "tools/reproducible.py", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Time a cold build, a no-op rebuild, the vectorised formulas and the chart pages' first
    visit (bytes, time until every chart is drawn); write benchmarks/results/."""
    _install(session, "docs", "browser")
    results = ROOT / "benchmarks" / "results"
    session.run("python", "benchmarks/bench_build.py")
    _build_html(session)
    session.run("python", "benchmarks/bench_charts.py", str(HTML))
    output = session.run(
        "python",
        "benchmarks/bench_formulas.py",
        "--csv",
        str(results / "formulas.csv"),
        silent=True,
    )
    build = (results / "build.md").read_text()
    charts = (results / "charts.md").read_text()
    report = f"{build}\n## Formulas (benchmarks/bench_formulas.py)\n\n```text\n{output}```\n"
    report += f"\n{charts}"
    (results / "report.md").write_text(report)
    print(report)
    session.log(f"Wrote {results / 'report.md'}, build.csv and formulas.csv")


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff lint and format check on everything, mypy --strict on src/."""
    _install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy", "--strict", "src")
