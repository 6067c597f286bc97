"""The Nu Html Checker (vnu-jar from npm, run on Debian's Java) finds no error in any built page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_built_html_file_is_valid_html(site_dir: Path):
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `npm ci` at the repository root (make test does it)")
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: install Debian's default-jre-headless (make test does it as root)")
    files = sorted(site_dir.rglob("*.html"))
    assert len(files) > 20, f"only {len(files)} HTML files were built"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True, text=True, timeout=300,
    )
    # vnu writes its JSON report to stderr, and exits 1 when it found errors.
    report = json.loads(result.stderr)
    errors = [m for m in report["messages"] if m["type"] in {"error", "non-document-error"}]
    lines = [
        f"{Path(m.get('url', '').removeprefix('file:')).relative_to(site_dir)}:{m.get('lastLine', '?')}: {m['message']}"
        if m.get("url", "").startswith("file:") else f"{m.get('url', '?')}: {m['message']}"
        for m in errors
    ]
    assert lines == [], f"the Nu Html Checker found {len(lines)} errors:\n" + "\n".join(lines[:200])
    assert result.returncode == 0, result.stderr[-2000:]
