"""The tests of tests/unit/test_caches.py that start processes (moved here so that unit tests stay pure Python)."""

from __future__ import annotations

import time
from sawt.machinery.caches import USED_STAMP, Caches

from tests.unit.test_caches import _generation, _gone  # noqa: F401


def test_a_sweep_keeps_the_current_and_the_last_used_generation_and_deletes_the_rest(tmp_path):
    caches = Caches(tmp_path / ".cache", {"pages": "renderer v3"})
    now = time.time()
    _generation(caches, "pages", "renderer v1", now - 3 * 86400)
    _generation(caches, "pages", "renderer v2", now - 86400)
    _generation(caches, "pages", "renderer v3", now - 60)
    (caches.root / "pages" / "03").mkdir()  # an older Sawt's flat layout
    (caches.root / "pages" / "03" / "03ff.json").write_text("{}")
    oldest = Caches(caches.root, {"pages": "renderer v1"}).dir("pages")
    previous = Caches(caches.root, {"pages": "renderer v2"}).dir("pages")

    deleted = caches.sweep()

    assert {path.name for path in deleted} == {oldest.name, "03"}
    assert caches.dir("pages").is_dir() and previous.is_dir()
    assert _gone(oldest) and _gone(caches.root / "pages" / "03")
    assert sorted(p.name for p in (caches.root / "pages").iterdir() if not p.name.startswith(".deleting-")) == sorted(
        [caches.dir("pages").name, previous.name])
    assert (caches.dir("pages") / USED_STAMP).stat().st_mtime >= now  # used by this build
