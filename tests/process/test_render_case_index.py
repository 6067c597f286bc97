"""The tests of tests/unit/test_render_case_index.py that start processes (moved here so that unit tests stay pure Python)."""

from __future__ import annotations

import shutil
import subprocess
import pytest

from tests.unit.test_render_case_index import ASSET  # noqa: F401


def test_the_script_is_shipped_and_parses() -> None:
    script = ASSET.read_text(encoding="utf-8")
    for hook in (".sawt-cases-index", "form.sawt-filters", "data-result-template", "aria-sort", "data-sort"):
        assert hook in script
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: syntax not checked")
    subprocess.run([node, "--check", str(ASSET)], check=True)
