"""The tests of tests/unit/test_search_index.py that start processes (moved here so that unit tests stay pure Python)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from sawt.outputs.search.index import (
    build_search_index,
)
from tests.search_fixture.fixture_site import CASE_URL, write_fixture_site


def test_an_edited_case_reindexes_its_shard_and_nothing_else(tmp_path, monkeypatch):
    import sawt.outputs.search.index as search_index

    site = write_fixture_site(tmp_path / "site")
    cache = tmp_path / "cache"
    runs: list[str] = []
    real = search_index._run_pagefind
    monkeypatch.setattr(search_index, "_run_pagefind", lambda source, bundle: runs.append(source.name) or real(source, bundle))
    first = build_search_index(site, cache_dir=cache, case_pages_per_shard=1)
    listed = json.loads((site / "pagefind" / search_index.SHARDS_FILE).read_text())["merge"]
    assert first.shards == len(listed) == 2 and len(runs) == 3  # the main bundle and one shard a case
    edited_shard = search_index.shard_name(search_index.shard_of(CASE_URL["en"].strip("/").split("/")[-1], 4))
    assert f"{edited_shard}/" in listed
    untouched = {shard: {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "pagefind" / shard).rglob("*")
                         if p.is_file()} for shard in listed if shard != f"{edited_shard}/"}
    edited = site / CASE_URL["en"].strip("/") / "index.html"
    edited.write_text(edited.read_text(encoding="utf-8").replace("</h1>", "</h1><p>ZZEDITED</p>", 1), encoding="utf-8")
    runs.clear()
    second = build_search_index(site, cache_dir=cache, case_pages_per_shard=1)
    assert runs == [edited_shard] and second.pagefind_runs == 1
    for shard, files in untouched.items():
        assert {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "pagefind" / shard).rglob("*") if p.is_file()} == files
    fragments = [p for p in (site / "pagefind" / edited_shard / "fragment").iterdir()]
    assert any(b"ZZEDITED" in gzip.decompress(p.read_bytes()) for p in fragments)


def test_bundles_whose_pages_are_unchanged_are_linked_with_their_counts_and_their_documents_not_made(tmp_path, monkeypatch):
    """An edit makes the documents of its own bundle only; the counts of the others come from
    the cache and add up to what a build from nothing reports."""
    import sawt.outputs.search.index as search_index

    site = write_fixture_site(tmp_path / "site")
    cache = tmp_path / "cache"
    first = build_search_index(site, cache_dir=cache, case_pages_per_shard=1)
    written: list[str] = []
    real = search_index._write_documents
    monkeypatch.setattr(search_index, "_write_documents",
                        lambda site_dir, work_dir, relatives, *rest: written.extend(relatives) or real(site_dir, work_dir, relatives, *rest))
    again = build_search_index(site, cache_dir=cache, case_pages_per_shard=1)
    assert written == [] and again.pagefind_runs == 0
    assert (again.pages, again.case_pages, sorted(again.skipped), again.shards) == (
        first.pages, first.case_pages, sorted(first.skipped), first.shards)
    edited_relative = CASE_URL["en"].strip("/") + "/index.html"
    slug = edited_relative.split("/")[-2]
    edited = site / edited_relative
    edited.write_text(edited.read_text(encoding="utf-8").replace("</h1>", "</h1><p>ZZEDITED</p>", 1), encoding="utf-8")
    third = build_search_index(site, cache_dir=cache, case_pages_per_shard=1)
    shard = search_index.shard_of(slug, first.shards)
    assert written and {search_index.shard_of(search_index.case_slug(r, ("en", "ar")), first.shards) for r in written} == {shard}
    assert third.pagefind_runs == 1 and (third.pages, third.case_pages) == (first.pages, first.case_pages)
    fresh = build_search_index(write_fixture_site(tmp_path / "fresh"), cache_dir=None, case_pages_per_shard=1)
    assert (fresh.pages, fresh.case_pages, fresh.shards) == (first.pages, first.case_pages, first.shards)


def test_the_last_bundle_is_reused_only_while_every_document_is_unchanged(tmp_path, monkeypatch):
    import sawt.outputs.search.index as search_index

    site = write_fixture_site(tmp_path / "site")
    cache = tmp_path / "cache"
    runs: list[Path] = []
    real = search_index._run_pagefind
    monkeypatch.setattr(search_index, "_run_pagefind", lambda source, bundle: runs.append(source) or real(source, bundle))

    def bundle_files() -> dict[str, bytes]:
        bundle = site / "pagefind"
        return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}

    build_search_index(site, cache_dir=cache)
    first = bundle_files()
    build_search_index(site, cache_dir=cache)
    assert len(runs) == 1 and bundle_files() == first
    # The reused bundle is linked from the cache, not copied; making the site an offline copy
    # (which rewrites its pages and its bundle) leaves the cache as it was.
    module = site / "pagefind" / "pagefind.js"
    assert any(module.samefile(p) for p in cache.rglob("pagefind.js"))
    cached = {p: p.read_bytes() for p in cache.rglob("*") if p.is_file()}
    from sawt.outputs.offline import make_offline
    from sawt.outputs.offline_search import make_search_offline
    make_offline(site)
    make_search_offline(site)
    assert {p: p.read_bytes() for p in cache.rglob("*") if p.is_file()} == cached
    site = write_fixture_site(tmp_path / "site-again")
    build_search_index(site, cache_dir=cache)
    assert len(runs) == 1 and bundle_files() == first
    edited = site / CASE_URL["en"].strip("/") / "index.html"
    edited.write_text(edited.read_text(encoding="utf-8").replace("</h1>", "</h1><p>ZZEDITED</p>", 1), encoding="utf-8")
    build_search_index(site, cache_dir=cache)
    assert len(runs) == 2 and bundle_files() != first
