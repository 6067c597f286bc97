"""The ZIM file of a build (sawt/outputs/zim.py): valid for openZIM's own checker, everything
the site publishes and nothing else, and nothing private, unpublished or embargoed."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher
from libzim.suggestion import SuggestionSearcher

from sawt.outputs.portable import carried_files
from sawt.outputs.zim import ZIM_LEFT_OUT, ZIM_OWN_FILES, write_zim
from tests.build.projects import output_files, readable_bytes
from tests.build.test_archive import PUBLISHED
from tests.build.test_privacy import SENTINELS, planted  # noqa: F401  (the planted project, built once here)

pytestmark = pytest.mark.build


def entry_paths(zim: Path) -> set[str]:
    """The ZIM's content entries (its metadata and indexes are in other namespaces)."""
    listing = subprocess.run(["zimdump", "list", str(zim)], capture_output=True, text=True, check=True)
    return set(listing.stdout.split())


def test_zimcheck_finds_no_error(sample_zim: Path):
    result = subprocess.run(["zimcheck", "-A", str(sample_zim)], capture_output=True, text=True)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "[ERROR]" not in report and "Overall Test Status: Pass" in report, report


def test_the_zim_opens_on_the_home_page_with_its_metadata_and_illustration(sample_zim: Path):
    archive = Archive(sample_zim)
    assert archive.main_entry.get_item().path == "index.html"
    metadata = {key: bytes(archive.get_metadata(key)).decode("utf-8") for key in archive.metadata_keys
                if not key.startswith("Illustration")}
    assert metadata["Language"] == "ara,eng" and metadata["Title"] == "Sawt" and metadata["Date"] == "2026-12-03"
    assert metadata["Flavour"] and metadata["Creator"] and metadata["Publisher"] and metadata["LongDescription"]
    assert archive.get_illustration_sizes() == {48}
    assert archive.has_fulltext_index and archive.has_title_index
    page = archive.get_entry_by_path("ar/cases/osama/index.html")
    assert page.title == "أسامة" and page.get_item().mimetype == "text/html"


def test_every_published_file_is_in_the_zim_and_nothing_else(sample_zim: Path, site_dir: Path):
    carried = {relative for relative, _file in carried_files(site_dir, also_left_out=ZIM_LEFT_OUT)}
    assert entry_paths(sample_zim) == carried | set(ZIM_OWN_FILES)
    for slug in PUBLISHED:  # each case: both pages
        for path in (f"cases/{slug}/index.html", f"ar/cases/{slug}/index.html"):
            assert path in carried, path
    assert {"feed-en.xml", "feed-ar.xml", "data/cases.json", "data/cases.csv"} <= carried
    # No share cards (no page in a ZIM loads one) and no Pagefind bundle (Kiwix searches its own index).
    assert not any(path.startswith(("pagefind/", "assets/cards/")) for path in entry_paths(sample_zim))


def test_files_other_than_pages_are_the_same_bytes_as_published(sample_zim: Path, site_dir: Path):
    """Cards, photos, feeds, exports, fonts: what a reader downloads from the ZIM is what the site serves."""
    archive = Archive(sample_zim)
    checked = 0
    for relative, file in carried_files(site_dir, also_left_out=ZIM_LEFT_OUT):
        if not relative.endswith(".html"):
            assert bytes(archive.get_entry_by_path(relative).get_item().content) == file.read_bytes(), relative
            checked += 1
    assert checked > 20


def _search(archive: Archive, query: str) -> list[str]:
    return list(Searcher(archive).search(Query().set_query(query)).getResults(0, 20))


@pytest.mark.parametrize("query", ["أسامة", "اسامة", "اسامه"])
def test_the_full_text_index_finds_osama_however_the_name_is_typed(sample_zim: Path, query: str):
    assert "ar/cases/osama/index.html" in _search(Archive(sample_zim), query)


@pytest.mark.parametrize("query", ["Saleh", "السمر"])
def test_the_full_text_index_finds_al_samar(sample_zim: Path, query: str):
    found = _search(Archive(sample_zim), query)
    assert {"cases/saleh-al-samar/index.html", "ar/cases/saleh-al-samar/index.html"} & set(found), found


@pytest.fixture(scope="module")
def planted_zim(planted: Path, tmp_path_factory) -> tuple[Path, Path]:  # noqa: F811
    """The privacy test's planted project, written as a ZIM, and its entries dumped back to files by zimdump."""
    work = tmp_path_factory.mktemp("planted-zim")
    zim = work / "planted.zim"
    write_zim(planted, zim, built=date(2026, 12, 3))
    dump = work / "dump"
    subprocess.run(["zimdump", "dump", f"--dir={dump}", str(zim)], capture_output=True, check=True)
    return zim, dump


def test_the_planted_public_case_is_in_the_zim(planted_zim):
    zim, dump = planted_zim
    assert "ar/cases/zz-public-person/index.html" in entry_paths(zim)
    assert len(output_files(dump)) > 50


@pytest.mark.parametrize("kind", sorted(SENTINELS))
def test_no_zim_entry_contains_a_sentinel(planted_zim, kind: str):
    zim, dump = planted_zim
    sentinel = SENTINELS[kind].encode()
    leaks = [p.relative_to(dump).as_posix() for p in output_files(dump) if sentinel.lower() in readable_bytes(p).lower()]
    assert leaks == []
    archive = Archive(zim)
    metadata = b" ".join(bytes(archive.get_metadata(key)) for key in archive.metadata_keys)
    assert sentinel.lower() not in metadata.lower()
    # zimdump 3.1.3 cannot dump the indexes (its --ns fails on new-scheme ZIMs): ask them instead.
    assert _search(archive, SENTINELS[kind]) == []
    assert list(SuggestionSearcher(archive).suggest(SENTINELS[kind]).getResults(0, 10)) == []


@pytest.mark.parametrize("slug", ["zz-unpublished-person", "zz-embargoed-person", "zz-hidden"])
def test_withheld_cases_leave_no_entry_in_the_zim(planted_zim, slug: str):
    zim, dump = planted_zim
    assert [path for path in entry_paths(zim) if slug in path] == []
    assert [p.name for p in output_files(dump) if slug.encode() in readable_bytes(p)] == []
