"""The tests of tests/unit/test_offline_search.py that start processes (moved here so that unit tests stay pure Python)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from sawt.outputs.offline_search import (
    OFFLINE_SCRIPT,
    make_search_offline,
)


def test_the_real_pagefind_converts_to_valid_javascript(tmp_path: Path):
    """The pinned Pagefind's own pagefind.js, converted, parses as a classic script."""
    from sawt.outputs.search.index import build_search_index

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="en"><body><article class="md-content__inner"><h1>Saleh</h1>'
        "<p>A page to index.</p></article></body></html>",
        encoding="utf-8",
    )
    build_search_index(site)
    make_search_offline(site)
    node = subprocess.run(["node", "--check", str(site / "pagefind" / OFFLINE_SCRIPT)], capture_output=True, text=True)
    assert node.returncode == 0, node.stderr
