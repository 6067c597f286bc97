"""The tests of tests/unit/test_annotations.py that start processes (moved here so that unit tests stay pure Python)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from tests.unit.test_load_fixtures import TODAY, write_archive

from tests.unit.test_annotations import ANNOTATIONS, BAD_CASES, ROOT  # noqa: F401


def test_github_actions_run_through_make_check_style_subprocess(tmp_path: Path) -> None:
    """As the workflow runs it: a real process, GitHub's variables, exit status 1."""
    data = write_archive(tmp_path, cases={"typo": BAD_CASES["typo"]})
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [sys.executable, "-m", "sawt", "check", "--data", str(data), "--today", TODAY.isoformat()],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={"PATH": "/usr/bin:/bin", "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == ANNOTATIONS[-1]
    assert "data/cases/typo.yml" in summary.read_text(encoding="utf-8")
