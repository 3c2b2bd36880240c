"""Check the built sdist and wheel hold the whole package and the metadata an index shows.

Run ``python tools/checkdist.py DIST [--tag vX.Y.Z]`` after ``python -m build --outdir DIST``
(the nox session ``dist`` does; the release workflow passes the pushed tag). ``twine check
--strict`` checks that the metadata renders; this checks what twine does not:

- DIST holds exactly one wheel and one sdist, both of the version in ``src/aicosts/__init__.py``
  (and equal to ``--tag`` without its leading ``v``, when given);
- the wheel holds every module of ``src/aicosts``, every file under ``src/aicosts/data`` and
  ``py.typed``; the sdist holds the same plus pyproject.toml, README.md, LICENSE, CHANGELOG.md;
- the metadata has the project URLs (Repository, Documentation, Changelog, Issues), classifiers,
  keywords, the licence, and a Markdown description whose links are all absolute, so they work
  on the package index as well as in the repository.

Exit status 1 with one line per problem otherwise.
"""

from __future__ import annotations

import argparse
import re
import sys
import tarfile
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "aicosts"
URLS = ("Repository", "Documentation", "Changelog", "Issues")
SDIST_EXTRA = ("pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md")
# Markdown links and images, [text](target) and ![alt](target), and link definitions [x]: target.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)")
DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)


def package_version() -> str:
    """Return the ``__version__`` of src/aicosts/__init__.py, the single source of the version."""
    text = (PACKAGE / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.M)
    if match is None:
        raise SystemExit('src/aicosts/__init__.py has no __version__ = "..." line')
    return match[1]


def package_files() -> list[str]:
    """List the paths, relative to src/, of the files a wheel must contain."""
    files = sorted(PACKAGE.glob("*.py")) + sorted(
        p for p in (PACKAGE / "data").rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    if (PACKAGE / "py.typed").is_file():
        files.append(PACKAGE / "py.typed")
    return [p.relative_to(PACKAGE.parent).as_posix() for p in files]


def relative_links(markdown: str) -> list[str]:
    """List the link targets in ``markdown`` that are neither absolute URLs nor anchors."""
    targets = LINK.findall(markdown) + DEFINITION.findall(markdown)
    return [t for t in targets if not re.match(r"^(https?://|mailto:|#)", t)]


def check_metadata(meta: Message, version: str, where: str) -> list[str]:
    """List the problems with the core metadata ``meta`` of the distribution ``where``."""
    problems = []
    if meta["Version"] != version:
        problems.append(f"{where}: version {meta['Version']}, but __init__.py says {version}")
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    problems += [f"{where}: no Project-URL {name}" for name in URLS if name not in urls]
    problems += [
        f"{where}: Project-URL {name} is not https: {url}"
        for name, url in urls.items()
        if not url.startswith("https://")
    ]
    classifiers = meta.get_all("Classifier") or []
    for prefix in ("License ::", "Programming Language :: Python :: 3.", "Typing :: Typed"):
        if not any(c.startswith(prefix) for c in classifiers):
            problems.append(f"{where}: no classifier starting {prefix!r}")
    if not meta["Keywords"]:
        problems.append(f"{where}: no keywords")
    if not meta["License-Expression"]:
        problems.append(f"{where}: no License-Expression")
    if meta["Description-Content-Type"] != "text/markdown":
        problems.append(f"{where}: description is {meta['Description-Content-Type']!r}")
    description = meta.get_payload()
    assert isinstance(description, str)
    if "## Quickstart" not in description:
        problems.append(f"{where}: the description is not the README")
    problems += [
        f"{where}: relative link in the description: {t}" for t in relative_links(description)
    ]
    return problems


def check_wheel(path: Path, version: str) -> list[str]:
    """List the problems with the wheel at ``path``."""
    with zipfile.ZipFile(path) as whl:
        names = set(whl.namelist())
        meta_name = f"aicosts-{version}.dist-info/METADATA"
        if meta_name not in names:
            return [f"{path.name}: no {meta_name}"]
        meta = Parser().parsestr(whl.read(meta_name).decode("utf-8"))
    problems = [f"{path.name}: missing {f}" for f in package_files() if f not in names]
    return problems + check_metadata(meta, version, path.name)


def check_sdist(path: Path, version: str) -> list[str]:
    """List the problems with the sdist at ``path``."""
    top = f"aicosts-{version}"
    with tarfile.open(path) as sdist:
        names = set(sdist.getnames())
        member = sdist.extractfile(f"{top}/PKG-INFO") if f"{top}/PKG-INFO" in names else None
        if member is None:
            return [f"{path.name}: no {top}/PKG-INFO"]
        meta = Parser().parsestr(member.read().decode("utf-8"))
    wanted = [f"{top}/src/{f}" for f in package_files()] + [f"{top}/{f}" for f in SDIST_EXTRA]
    problems = [
        f"{path.name}: missing {f.removeprefix(top + '/')}" for f in wanted if f not in names
    ]
    return problems + check_metadata(meta, version, path.name)


def main(argv: list[str] | None = None) -> int:
    """Check the distributions in the folder given on the command line; 0 if all is well."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dist", type=Path, help="folder that python -m build wrote")
    parser.add_argument("--tag", help="the release tag (vX.Y.Z) the version must equal")
    args = parser.parse_args(argv)
    version = package_version()
    problems = []
    if args.tag is not None and args.tag != f"v{version}":
        problems.append(f"tag {args.tag} does not match the package version {version}")
    wheels = sorted(args.dist.glob("*.whl"))
    sdists = sorted(args.dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        found = [p.name for p in wheels + sdists]
        problems.append(f"{args.dist}: want one wheel and one sdist, found {found}")
    for wheel in wheels:
        problems += check_wheel(wheel, version)
    for sdist in sdists:
        problems += check_sdist(sdist, version)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        names = ", ".join(p.name for p in wheels + sdists)
        count = len(package_files())
        print(f"{names}: version {version}, {count} package files, metadata complete")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
