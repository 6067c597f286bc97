"""The caches keep the current generation of each kind and the one used last before it (sawt/machinery/caches.py)."""

from __future__ import annotations

import os
import time

from sawt.machinery.caches import USED_STAMP, Caches


def _generation(caches: Caches, kind: str, fingerprint: str, used_at: float) -> None:
    folder = Caches(caches.root, {kind: fingerprint}).dir(kind)
    (folder / "ab").mkdir(parents=True)
    (folder / "ab" / "ab12.json").write_text("{}")
    (folder / USED_STAMP).touch()
    os.utime(folder / USED_STAMP, (used_at, used_at))


def _gone(path, seconds=20.0) -> bool:
    deadline = time.monotonic() + seconds
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    return not path.exists()


def test_only_the_newest_lists_of_published_pages_are_kept(tmp_path):
    caches = Caches(tmp_path / ".cache", {"pages": "renderer v1"})
    published = caches.dir("pages") / "published"
    published.mkdir(parents=True)
    for number in range(7):  # one per `make serve` run: each builds into a new temporary folder
        path = published / f"site-{number}.json"
        path.write_text("{}")
        os.utime(path, (1_000_000 + number, 1_000_000 + number))
    caches.sweep()
    assert sorted(p.name for p in published.iterdir()) == ["site-3.json", "site-4.json", "site-5.json", "site-6.json"]


def test_a_kind_not_used_yet_is_left_alone(tmp_path):
    caches = Caches(tmp_path / ".cache", {"cards": "layout 1"})
    assert caches.sweep() == []
    assert not (tmp_path / ".cache").exists()


def test_a_case_digest_follows_every_field_by_value():
    """Page, index and card keys use it: equal cases give equal digests, any change a new one."""
    import dataclasses

    from sawt.data.model import Text
    from tests.unit.test_cards import fictional_case

    case = fictional_case()
    assert case.digest == fictional_case().digest  # built apart, equal values
    for changed in (dataclasses.replace(case, summary=Text(case.summary.en + ".", case.summary.ar)),
                    dataclasses.replace(case, status="released"), dataclasses.replace(case, pseudonym=not case.pseudonym),
                    dataclasses.replace(case, events=case.events[:-1]) if case.events else dataclasses.replace(case, aliases=("x",))):
        assert changed.digest != case.digest


def test_a_file_written_whole_is_readable_by_everyone(tmp_path):
    from sawt.machinery.cached_files import write_atomically

    write_atomically(tmp_path / "card.png", b"png")
    assert (tmp_path / "card.png").stat().st_mode & 0o777 == 0o644
