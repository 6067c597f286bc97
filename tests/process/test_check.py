"""The tests of tests/unit/test_check.py that start processes (moved here so that unit tests stay pure Python)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from tests.unit.test_load_fixtures import MINIMAL_CASE, write_archive

from tests.unit.test_check import ROOT  # noqa: F401


def test_python_dash_m_sawt(tmp_path: Path) -> None:
    data = write_archive(tmp_path, cases={"x": MINIMAL_CASE.replace("detained", "deportd")})
    result = subprocess.run(
        [sys.executable, "-m", "sawt", "check", "--data", str(data), "--today", "2025-01-15"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout.startswith('data/cases/x.yml:2: status "deportd" is not one of')
    assert result.stderr == ""
