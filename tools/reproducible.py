"""Build the site twice from a cold start and compare the outputs byte for byte.

Run ``python tools/reproducible.py [--keep DIR]`` (the nox session ``reproducible`` does). Each
build goes into its own folder with its own, empty execution cache (the cache lives next to the
output folder, see ``docs/_ext/aicosts_sphinx.py``), with the same ``SOURCE_DATE_EPOCH``. Every
file of the two sites (HTML, JS, CSS, data; not Sphinx's ``.doctrees`` pickles) must be identical;
otherwise the differing files are listed with their first differing line, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EPOCH = os.environ.get("SOURCE_DATE_EPOCH", "1767225600")


def build(out: Path, strict: bool = True) -> float:
    """Build the site into ``out`` (cold); return the seconds it took."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    cmd = [sys.executable, "-m", "sphinx", *(["-W"] if strict else []), "-n", "--keep-going", "-q"]
    cmd += ["-b", "html"]
    start = time.perf_counter()
    subprocess.run([*cmd, str(DOCS), str(out)], check=True, env=env)
    return time.perf_counter() - start


def site_files(site: Path) -> set[str]:
    """Every file of a built site, relative to it, without Sphinx's doctree pickles."""
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and ".doctrees" not in p.relative_to(site).parts
    }


def first_difference(a: bytes, b: bytes) -> str:
    """Describe the first line where two files differ."""
    la, lb = a.splitlines(), b.splitlines()
    for n, (x, y) in enumerate(zip(la, lb, strict=False), 1):
        if x != y:
            i = next(k for k in range(min(len(x), len(y)) + 1) if x[k : k + 1] != y[k : k + 1])
            lo = max(0, i - 60)
            return f"line {n}, column {i + 1}:\n    - {x[lo : i + 80]!r}\n    + {y[lo : i + 80]!r}"
    return f"one file has {abs(len(la) - len(lb))} more line(s) at line {min(len(la), len(lb)) + 1}"


def compare(a: Path, b: Path) -> list[str]:
    """Every difference between two built sites."""
    fa, fb = site_files(a), site_files(b)
    problems = [f"only in the first build: {f}" for f in sorted(fa - fb)]
    problems += [f"only in the second build: {f}" for f in sorted(fb - fa)]
    for rel in sorted(fa & fb):
        x, y = (a / rel).read_bytes(), (b / rel).read_bytes()
        if x != y:
            problems.append(f"{rel} differs at {first_difference(x, y)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Build twice, compare, print the result; return 1 if the builds differ."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build into this folder and keep the builds")
    parser.add_argument(
        "--allow-warnings", action="store_true", help="do not fail the builds on Sphinx warnings"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="aicosts-repro-") as tmp:
        base = args.keep or Path(tmp)
        sites = [base / "first" / "html", base / "second" / "html"]
        for site in sites:
            if site.parent.exists():
                raise SystemExit(f"{site.parent} exists: give --keep an empty folder")
        times = [build(site, not args.allow_warnings) for site in sites]
        problems = compare(*sites)
        n = len(site_files(sites[0]))
    print(f"Two cold builds: {times[0]:.0f} s and {times[1]:.0f} s, {n} files each.")
    if problems:
        print(f"NOT reproducible: {len(problems)} difference(s):")
        print("\n".join(f"  {p}" for p in problems))
        return 1
    print("Reproducible: every file of the two builds is byte-identical.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
