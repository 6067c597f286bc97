"""`python3 -m sawt check` before any set-up: it works, or it says in one line to run make check.

A fresh clone has no .venv/; the system's python3 lacks babel, jsonschema, PyYAML... The
interpreter is run without its site-packages (`-S`) so the packages are surely missing, and
then as Debian's own /usr/bin/python3 with nothing but the repository on its path.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = Path("/usr/bin/python3")


def _assert_works_or_one_line(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    if result.returncode == 0:  # this interpreter happens to have every package
        assert "is valid" in result.stdout
        return
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "make check" in lines[0]
    assert result.stdout == ""


def test_without_site_packages_it_says_run_make_check(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-S", "-m", "sawt", "check"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode != 0
    _assert_works_or_one_line(result)
    assert "is missing" in result.stderr


@pytest.mark.parametrize("arguments", [["translations"], ["new-case", "x"], ["new-page", "x"], ["--help"]])
def test_every_command_is_guarded(tmp_path: Path, arguments: list[str]) -> None:
    result = subprocess.run([sys.executable, "-S", "-m", "sawt", *arguments], cwd=ROOT, capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode != 0
    _assert_works_or_one_line(result)


@pytest.mark.skipif(not SYSTEM_PYTHON.exists(), reason="no system python3 at /usr/bin/python3")
def test_system_python_in_a_fresh_clone(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    shutil.copytree(ROOT / "sawt", clone / "sawt", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", clone / "data")
    result = subprocess.run([str(SYSTEM_PYTHON), "-m", "sawt", "check"], cwd=clone, capture_output=True,
                            text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONNOUSERSITE": "1"})
    _assert_works_or_one_line(result)
