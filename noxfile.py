"""Sessions that build, serve, test and lint aicosts. `nox -l` lists them; a bare `nox` runs
every check a contribution must pass (lint, tests, the tests at the lowest supported numpy and
pandas, doctests, the built distributions, the -W build, the browser check, two cold builds
compared byte for byte). `nox -s bench` (build and formula timings), `nox -s serve` and
`nox -s constraints` (re-resolve constraints/ci.txt) run on request.

The sessions install the versions pinned in constraints/ci.txt: what CI ran. Without nox,
`python3 tools/bootstrap.py ARGS` makes a virtual environment with nox and runs `nox ARGS`."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import nox
from nox.command import CommandFailed

nox.needs_version = ">=2025.5.1"  # dependency_groups and download_python
nox.options.download_python = "never"
nox.options.reuse_venv = "yes"
nox.options.sessions = [
    "lint",
    "tests",
    "minimum",
    "doctests",
    "dist",
    "docs",
    "browser",
    "reproducible",
]

ROOT = Path(__file__).resolve().parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
HTML = BUILD / "html"
PYPROJECT = nox.project.load_toml("pyproject.toml")
#: The versions CI ran, written by `nox -s constraints`; every installing session uses them.
CONSTRAINTS = ROOT / "constraints" / "ci.txt"
#: Every dependency group, resolved together into CONSTRAINTS.
GROUPS = tuple(PYPROJECT["dependency-groups"])


def _groups(*groups: str) -> list[str]:
    """The requirements of the named dependency groups of pyproject.toml."""
    deps: list[str] = []
    for group in groups:
        deps += nox.project.dependency_groups(PYPROJECT, group)
    return deps


def _install(session: nox.Session, *groups: str) -> None:
    """Install aicosts from the checkout plus the named dependency groups, at the CI versions."""
    session.install("-c", str(CONSTRAINTS), "-e", ".", *_groups(*groups))


def _lowest(requirements: list[str]) -> dict[str, str]:
    """``{name: "name==X"}`` for requirements of the form ``name>=X``: the lowest they allow."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    pins = {}
    for text in requirements:
        req = Requirement(text)
        lower = [s.version for s in req.specifier if s.operator == ">="]
        if len(lower) != 1 or req.marker or req.extras:
            raise ValueError(f"{text!r}: a runtime dependency needs exactly one '>=' lower bound")
        pins[canonicalize_name(req.name)] = f"{req.name}=={lower[0]}"
    return pins


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
def minimum(session: nox.Session) -> None:
    """Tests and module doctests with numpy and pandas at the lowest versions pyproject allows."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
    from packaging.version import Version

    lowest = _lowest(PYPROJECT["project"]["dependencies"])
    # The test tools and every other package at the CI versions; the runtime dependencies at
    # their lower bounds (a constraint per name: the CI pins of numpy and pandas are dropped).
    kept = [
        line
        for line in CONSTRAINTS.read_text().splitlines()
        if line.strip()
        and not line.startswith("#")
        and canonicalize_name(Requirement(line).name) not in lowest
    ]
    constraints = Path(session.create_tmp()) / "minimum.txt"
    constraints.write_text("\n".join([*kept, *lowest.values()]) + "\n")
    names = [pin.split("==")[0] for pin in lowest.values()]
    try:
        # Wheels only: on a Python newer than the lowest versions (numpy 1.26 has none for
        # 3.13) pip would otherwise try to compile them from source.
        session.install(
            "--only-binary", ",".join(names), "-c", str(constraints),
            "-e", ".", *_groups("test"), *lowest.values(),
        )  # fmt: skip
    except CommandFailed:
        message = (
            f"could not install {', '.join(lowest.values())} as wheels for this Python (or "
            "reach the index); CI tests the lowest versions on Python 3.11"
        )
        if os.environ.get("CI"):
            session.error(message)
        session.skip(message)
    found = session.run(
        "python",
        "-c",
        "import json, sys; from importlib.metadata import version; "
        "print(json.dumps({name: version(name) for name in sys.argv[1:]}))",
        *names,
        silent=True,
    )
    assert isinstance(found, str)
    installed = {canonicalize_name(n): v for n, v in json.loads(found.splitlines()[-1]).items()}
    wrong = [
        f"{pin} (installed {installed[name]})"
        for name, pin in lowest.items()
        if Version(installed[name]) != Version(pin.split("==")[1])
    ]
    if wrong:
        session.error(f"not the lowest versions: {', '.join(wrong)}")
    session.log(f"Testing with {', '.join(f'{n}=={v}' for n, v in installed.items())}")
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
def dist(session: nox.Session) -> None:
    """Build the sdist and wheel into dist/, run twine check --strict, check what they contain."""
    session.install("-c", str(CONSTRAINTS), *_groups("dist"))
    out = ROOT / "dist"
    shutil.rmtree(out, ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", str(out), str(ROOT))
    built = sorted(str(p) for p in out.iterdir())
    session.run("twine", "check", "--strict", *built)
    session.run("python", "tools/checkdist.py", str(out), *session.posargs)


@nox.session(reuse_venv=False)
def constraints(session: nox.Session) -> None:
    """Resolve every dependency group afresh and write the versions to constraints/ci.txt.

    Run it with the oldest Python CI uses, Debian 12's (`/usr/bin/python3 tools/bootstrap.py -s
    constraints`): a resolution on a later 3.11.x can pick versions an earlier one cannot install
    (soupsieve 3.0.2 and later need 3.11.5). The session refuses pins whose Requires-Python
    excludes the lowest Python pyproject.toml allows.
    """
    from packaging.specifiers import SpecifierSet

    session.install("-e", ".", *_groups(*GROUPS))
    found = session.run(
        "python",
        "-c",
        "import json; from importlib.metadata import distributions; print(json.dumps({d.name: "
        "[d.version, d.metadata.get('Requires-Python') or ''] for d in distributions()}))",
        silent=True,
    )
    assert isinstance(found, str)
    (floor,) = (s.version for s in SpecifierSet(PYPROJECT["project"]["requires-python"]))
    floor += ".0" * (2 - floor.count("."))
    too_new = [
        f"{name} {version} (Requires-Python {needs})"
        for name, (version, needs) in json.loads(found.splitlines()[-1]).items()
        if name != "aicosts" and needs and not SpecifierSet(needs).contains(floor)
    ]
    if too_new:
        session.error(f"not installable on Python {floor}: {', '.join(too_new)}")
    frozen = session.run(
        "python", "-m", "pip", "freeze", "--exclude-editable", "--exclude", "aicosts", silent=True
    )
    assert isinstance(frozen, str)
    pin = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*==\S+$")
    pins = sorted((line for line in frozen.splitlines() if pin.match(line)), key=str.lower)
    version = session.run(
        "python", "-c", "import platform; print(platform.python_version())", silent=True
    )
    assert isinstance(version, str)
    header = [
        "# The versions CI runs: every dependency group of pyproject.toml resolved together",
        f"# on Python {version.strip()} by `nox -s constraints`. Change the bounds in",
        "# pyproject.toml and run that session again rather than editing this file.",
    ]
    CONSTRAINTS.parent.mkdir(exist_ok=True)
    CONSTRAINTS.write_text("\n".join([*header, *pins]) + "\n")
    session.log(f"Wrote {len(pins)} pins to {CONSTRAINTS.relative_to(ROOT)}")


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff lint and format check on everything, mypy --strict on src/."""
    _install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy", "--strict", "src")
