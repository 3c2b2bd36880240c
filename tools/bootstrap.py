"""Run nox from a virtual environment of its own, so one command works on any Python ≥ 3.11.

    python3 tools/bootstrap.py -s docs    # build the site into docs/_build/html
    python3 tools/bootstrap.py            # run every check (the sessions a bare `nox` runs)

Every argument is passed on to nox (``python3 tools/bootstrap.py -l`` lists the sessions). On
first use the script makes a virtual environment in ``.nox/_bootstrap`` under the checkout,
installs nox into it from PyPI and then runs ``python -m nox`` there; later runs reuse it, and
make it again when the Python that runs this script or nox's required version (read from
``nox.needs_version`` in noxfile.py) changes. Delete ``.nox/_bootstrap`` to start afresh.

Nothing is installed outside the checkout, so this works on a system Python that refuses
``pip install`` (PEP 668: Debian, Ubuntu, Fedora, Homebrew) as well as on pyenv, conda and
python.org Pythons. It uses the standard library only, and runs far enough on old Pythons
(3.6 on) to say which version is needed.
"""

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".nox" / "_bootstrap"
STAMP = VENV / "aicosts-bootstrap.json"

VENV_MISSING = """\
{what}, so this script cannot make the virtual environment it runs nox from.
On Debian or Ubuntu install the package that provides it, then run the same command again:

    sudo apt install python3-venv

Elsewhere, use a Python that includes venv and ensurepip (python.org, pyenv, conda, Homebrew).
"""


def fail(message: str) -> NoReturn:
    """Print ``message`` as the reason this script stops, and exit with status 1."""
    sys.stderr.write(f"\ntools/bootstrap.py: {message.rstrip()}\n")
    raise SystemExit(1)


def required_python() -> "tuple[int, int]":
    """Return the lowest Python version pyproject.toml's ``requires-python`` allows."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^requires-python\s*=\s*">=\s*(\d+)\.(\d+)', text, re.M)
    if match is None:
        fail('pyproject.toml has no requires-python = ">=X.Y" line')
    return int(match[1]), int(match[2])


def nox_requirement() -> str:
    """Return ``nox`` with the version noxfile.py asks for in ``nox.needs_version``."""
    text = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    match = re.search(r'^nox\.needs_version\s*=\s*"([^"]+)"', text, re.M)
    return f"nox{match[1]}" if match else "nox"


def venv_python() -> Path:
    """Return the interpreter of the bootstrap environment (POSIX and Windows layouts)."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def wanted_stamp() -> "dict[str, str]":
    """Describe what the environment is made from: if any of it changes, it is made again."""
    base = getattr(sys, "_base_executable", sys.executable)
    return {
        "python": os.path.realpath(base),
        "version": sys.version.split()[0],
        "requirement": nox_requirement(),
    }


def is_current() -> bool:
    """Tell whether the bootstrap environment exists for this Python and nox requirement."""
    try:
        stamp = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp == wanted_stamp() and venv_python().is_file()


def make_environment() -> None:
    """Make ``.nox/_bootstrap`` with pip, install nox into it, and write the stamp."""
    for module in ("venv", "ensurepip"):
        if importlib.util.find_spec(module) is None:
            fail(VENV_MISSING.format(what=f"This Python ({sys.executable}) has no {module} module"))
    shutil.rmtree(VENV, ignore_errors=True)
    VENV.parent.mkdir(parents=True, exist_ok=True)
    print(f"tools/bootstrap.py: making {VENV.relative_to(ROOT)} with {sys.executable}", flush=True)
    made = subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=False)
    if made.returncode != 0 or not venv_python().is_file():
        shutil.rmtree(VENV, ignore_errors=True)
        fail(VENV_MISSING.format(what=f"`{sys.executable} -m venv` failed"))
    requirement = wanted_stamp()["requirement"]
    print(f"tools/bootstrap.py: installing {requirement} from PyPI", flush=True)
    pip = [str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    if subprocess.run([*pip, requirement], check=False).returncode != 0:
        shutil.rmtree(VENV, ignore_errors=True)
        fail(
            f"pip could not install {requirement} into {VENV.relative_to(ROOT)}: "
            "is PyPI reachable (or a package index configured for pip)?"
        )
    STAMP.write_text(json.dumps(wanted_stamp(), indent=2) + "\n", encoding="utf-8")


def main(argv: "list[str]") -> int:
    """Make the environment if needed, then run nox with ``argv`` from the repository root."""
    lowest = required_python()
    if sys.version_info < lowest:
        fail(
            f"aicosts needs Python {lowest[0]}.{lowest[1]} or newer; this is "
            f"{sys.version.split()[0]} ({sys.executable}). Run the command with a newer python3."
        )
    if not is_current():
        make_environment()
    try:
        return subprocess.run([str(venv_python()), "-m", "nox", *argv], cwd=ROOT).returncode
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
