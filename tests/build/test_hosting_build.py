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


def test_every_published_file_is_readable_by_a_web_server_of_another_user(site_dir: Path):
    """Cards, cached pages and export copies reach the site by hard link from .cache/: written with
    mkstemp's 0600, a web server running as another user (or `rsync -a` to one) refused them."""
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    assert any(p.suffix == ".png" for p in files) and any(p.name.endswith(".json.gz") for p in files)
    unreadable = [p.relative_to(site_dir).as_posix() for p in files if not p.stat().st_mode & 0o004]
    assert unreadable == []
