"""Run the ``>>>`` examples of the pages and the README (fenced ``python`` blocks) with Sybil.

``nox -s doctests`` collects README.md and every Markdown page under docs/. Executed
``{code-cell}`` blocks are not collected here: the ``-W`` site build runs them. Each page is one
namespace, so a tutorial's steps build on each other in the order a reader follows them.
"""

from __future__ import annotations

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE

from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser, SkipParser

collect_ignore = [
    "docs/conf.py",
    "docs/_ext",
    "docs/_build",
    "noxfile.py",
    "benchmarks",
    "examples",
]

pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=ELLIPSIS | NORMALIZE_WHITESPACE),
        SkipParser(),
    ],
    patterns=["*.md"],
    excludes=["_build/*"],
).pytest()
