"""The built site's _headers: every folder whose files are named after their hash gets a
year's cache lifetime (if the theme or Pagefind stopped hashing names, the rule would
quietly vanish: this says so)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sawt.outputs.headers import HASHED_FOLDERS, IMMUTABLE

pytestmark = pytest.mark.build


def test_hashed_folders_are_cached_for_a_year(site_dir: Path):
    text = (site_dir / "_headers").read_text(encoding="utf-8")
    present = [f for f in HASHED_FOLDERS if (site_dir / f).is_dir()]
    assert {"assets/stylesheets", "pagefind/fragment", "pagefind/index"} <= set(present)
    for folder in present:
        assert f"/{folder}/*\n  Cache-Control: {IMMUTABLE}\n" in text, folder
