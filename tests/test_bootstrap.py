"""The quickstart: README's two commands, run by CI with Debian's Python, and tools/bootstrap.py,
which makes them work on any Python >= 3.11 (PEP 668 system Pythons included)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def quickstart_commands() -> list[str]:
    """The commands of the README's Quickstart code block, without their comments."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block, "the README's Quickstart has no bash block"
    return [line.split("#", 1)[0].strip() for line in block[1].splitlines() if line.strip()]


def test_ci_runs_the_readme_quickstart_with_the_system_python() -> None:
    commands = quickstart_commands()
    assert commands == ["python3 tools/bootstrap.py -s docs", "python3 tools/bootstrap.py"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in commands:
        system = command.replace("python3 ", "/usr/bin/python3 ", 1)
        assert system in ci, f".ci/run does not run the README's `{command}` as `{system}`"


def bootstrap_copy(tmp_path: Path) -> Path:
    """A checkout with just what tools/bootstrap.py reads, so a test cannot touch the real one."""
    (tmp_path / "tools").mkdir()
    shutil.copy(ROOT / "tools" / "bootstrap.py", tmp_path / "tools")
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copy(ROOT / "noxfile.py", tmp_path)
    return tmp_path / "tools" / "bootstrap.py"


def run_bootstrap(script: Path, setup: str = "pass") -> subprocess.CompletedProcess[str]:
    code = f"import runpy, sys; {setup}; sys.argv = [{str(script)!r}, '-l']; "
    code += f"runpy.run_path({str(script)!r}, run_name='__main__')"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def test_bootstrap_names_python3_venv_when_ensurepip_is_missing(tmp_path: Path) -> None:
    # Debian and Ubuntu ship ensurepip in python3-venv; without it venv cannot install pip.
    script = bootstrap_copy(tmp_path)
    result = run_bootstrap(script, "sys.modules['ensurepip'] = None")
    assert result.returncode == 1, result
    assert "sudo apt install python3-venv" in result.stderr
    assert "no ensurepip module" in result.stderr
    assert not (tmp_path / ".nox" / "_bootstrap").exists()


def test_bootstrap_refuses_a_python_older_than_requires_python(tmp_path: Path) -> None:
    script = bootstrap_copy(tmp_path)
    pyproject = tmp_path / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(re.sub(r'requires-python = "[^"]+"', 'requires-python = ">=3.99"', text))
    result = run_bootstrap(script)
    assert result.returncode == 1, result
    assert "aicosts needs Python 3.99 or newer" in result.stderr
    assert not (tmp_path / ".nox").exists()
