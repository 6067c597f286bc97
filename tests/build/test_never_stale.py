"""Rebuilds reuse what the cache holds (.cache/: pages with their QR codes, cards, search documents and
the last Pagefind bundle, keyed by the documents it indexed),
and yet no output is ever stale: an edited case changes everything derived from it in both
languages, and a deleted case leaves nothing behind."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sawt.machinery.cached_files import COMPRESSED_SUFFIX
from tests.build.projects import build, copy_project, output_files, readable_bytes

pytestmark = pytest.mark.build

EN_MARK, AR_MARK = "ZZRENAMED", "زززتعديل"


SEARCH_LOG = re.compile(r"search index: .*\((?:(\d+) bundles, )?(\d+) indexed\)")
LINKED_LOG = re.compile(r"generated pages linked unchanged: (\d+)")


@pytest.fixture(scope="module", params=["one search bundle", "case shards"])
def rebuilt(request, tmp_path_factory):
    """The sample built, then rebuilt after one case was edited and another deleted; also
    with the search index in case shards (as a large archive's is: one case a shard here)."""
    project = copy_project(tmp_path_factory.mktemp("stale"))
    if request.param == "case shards":
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "search_case_pages_per_shard: 1000" in text
        config.write_text(text.replace("search_case_pages_per_shard: 1000", "search_case_pages_per_shard: 1"), encoding="utf-8")
    first = build(project)
    assert first.returncode == 0, first.stderr[-3000:]
    site = project / "site"
    before = {path: (site / path).read_bytes() for path in ("assets/cards/en/osama.png", "assets/cards/ar/osama.png")}
    shards_before = json.loads((site / "pagefind/sawt-shards.json").read_text(encoding="utf-8"))["merge"]
    assert (project / ".cache").is_dir()
    case = project / "data/cases/osama.yml"
    case.write_text(case.read_text(encoding="utf-8").replace(
        'name: {en: "Osama", ar: "أسامة"}', f'name: {{en: "Osama {EN_MARK}", ar: "أسامة {AR_MARK}"}}'), encoding="utf-8")
    (project / "data/cases/muhammad-abdulatif.yml").unlink()
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return site, before, (request.param, shards_before, SEARCH_LOG.search(result.stderr)), result.stderr


def _files_with(site: Path, text: str) -> set[str]:
    needle = text.encode()
    return {p.relative_to(site).as_posix() for p in output_files(site) if needle in readable_bytes(p)}


@pytest.mark.parametrize(("lang", "mark"), [("en", EN_MARK), ("ar", AR_MARK)])
def test_an_edited_name_reaches_every_output_in_its_language(rebuilt, lang: str, mark: str):
    site, *_ = rebuilt
    prefix = "" if lang == "en" else "ar/"
    found = _files_with(site, mark)
    for expected in (f"{prefix}cases/osama/index.html", f"{prefix}cases/index.html", f"{prefix}data/cases.json",
                     f"{prefix}data/cases.csv", f"feed-{lang}.xml"):
        assert expected in found, expected
    assert any(path.startswith("pagefind/") for path in found), "the search index still has the old name"
    # The case page's own search record (a Pagefind fragment, in whichever bundle or shard holds it).
    page_url = f'"url":"/{prefix}cases/osama/"'.encode()
    records = [p for p in output_files(site / "pagefind") if "fragment" in p.parts and page_url in readable_bytes(p)]
    assert records and all(mark.encode() in readable_bytes(p) for p in records), records
    exported = json.loads((site / prefix / "data/cases.json").read_text(encoding="utf-8"))
    assert any(mark in case[f"name_{lang}"] for case in exported["cases"] if case["slug"] == "osama")


def test_an_edited_case_gets_new_share_cards(rebuilt):
    site, before, *_ = rebuilt
    for path, old in before.items():
        assert (site / path).read_bytes() != old, path


def test_a_deleted_case_leaves_nothing_behind(rebuilt):
    site, *_ = rebuilt
    assert not list(site.rglob("*muhammad-abdulatif*"))
    for text in ("muhammad-abdulatif", "Muhammad Abdulatif", "محمد عبد اللطيف"):
        assert _files_with(site, text) == set(), text


def test_an_edit_reindexes_only_the_shards_it_touched(rebuilt):
    site, _, (layout, shards_before, logged), _ = rebuilt
    assert logged is not None, "no search summary in the build log"
    bundles, indexed = logged.groups()
    shards = json.loads((site / "pagefind/sawt-shards.json").read_text(encoding="utf-8"))["merge"]
    if layout == "one search bundle":
        assert shards == [] == shards_before and bundles is None and indexed == "1"
        return
    # Six cases spread over shards; the deleted case's shard went if it held nothing else.
    assert len(shards_before) >= 3 and set(shards) <= set(shards_before) and int(bundles) == 1 + len(shards)
    # Pagefind ran again on the main bundle (the index pages changed) and on the edited
    # case's shard, and on the deleted case's if any page is left in it: the rest came from the cache.
    assert int(indexed) <= 3 < 1 + len(shards)
    for shard in shards:  # a shard is an index only: the main bundle's code searches it
        files = {p.name for p in (site / "pagefind" / shard).iterdir()}
        assert "pagefind-entry.json" in files and not [name for name in files if name.endswith((".js", ".css"))]
        assert not [name for name in files if name.startswith("wasm.")]


def _linked(log: str) -> int:
    found = LINKED_LOG.search(log)
    assert found is not None, "no count of linked case pages in the build log"
    return int(found.group(1))


def test_only_the_unchanged_case_pages_are_linked_from_the_published_site(rebuilt, tmp_path):
    """The rebuild took the four untouched cases' pages (both languages) from the published site
    by hard link, and those pages are exactly what a build with no cache and no earlier site writes."""
    site, _, (layout, *_), log = rebuilt
    assert _linked(log) == 4 * 2
    if layout != "one search bundle":
        return  # the pages do not depend on the search layout: one fresh build is proof enough
    project = site.parent
    fresh = copy_project(tmp_path / "fresh")
    for name in ("osama.yml", "muhammad-abdulatif.yml"):
        (fresh / "data/cases" / name).unlink(missing_ok=True)
        if (project / "data/cases" / name).exists():
            (fresh / "data/cases" / name).write_bytes((project / "data/cases" / name).read_bytes())
    result = build(fresh)
    assert result.returncode == 0, result.stderr[-3000:]
    assert _linked(result.stderr) == 0
    pages = sorted(p.relative_to(site) for p in site.rglob("cases/*/*.html") if "page" not in p.parts)
    assert len(pages) == 5 * 2 * 2  # five cases, two languages, the page and its text-only version
    for page in pages:
        assert (fresh / "site" / page).read_bytes() == (site / page).read_bytes(), page


def test_a_changed_frame_rewrites_every_case_page(tmp_path):
    """A change to what surrounds every case page (here the menu) links none of them: each is
    written again around the new frame."""
    project = copy_project(tmp_path / "frame")
    assert build(project).returncode == 0
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Home: index.md", "  - ZZStart: index.md", 1), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert _linked(result.stderr) == 0
    for page in (project / "site").rglob("cases/*/index.html"):
        if "page" not in page.parts:
            assert b"ZZStart" in page.read_bytes(), page


def test_unchanged_index_pages_are_linked_and_equal_a_fresh_build(tmp_path):
    """256 cases: the case index has a generated page 2 in each language. Editing a case on
    page 1 in both languages (Test Person 0001) links both pages 2 and every other case's
    pages from the published site, and the result is byte for byte a fresh build's."""
    import shutil

    from sawt.data.synthetic import write_synthetic_archive

    def project_with_cases(folder):
        project = copy_project(folder)
        scratch = folder.with_name(folder.name + "-cases")
        write_synthetic_archive(scratch, 250)
        for case in (scratch / "cases").glob("*.yml"):
            shutil.move(str(case), project / "data" / "cases" / case.name)
        with (project / "data" / "sources.yml").open("a", encoding="utf-8") as sources:
            sources.write("\n" + (scratch / "sources.yml").read_text(encoding="utf-8"))
        return project

    def edit(project):
        case = project / "data/cases/test-person-0001.yml"
        case.write_text(case.read_text(encoding="utf-8").replace('  en: "', '  en: "ZZEDITED ', 1), encoding="utf-8")

    project = project_with_cases(tmp_path / "linked")
    assert build(project).returncode == 0
    edit(project)
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    published = sum(1 for folder in (project / "site/cases").iterdir() if folder.name != "page" and (folder / "index.html").is_file())
    assert _linked(result.stderr) == 2 * (published - 1) + 2  # all but the edited case's pages, and both pages 2
    fresh = project_with_cases(tmp_path / "fresh")
    edit(fresh)
    assert build(fresh).returncode == 0
    generated = sorted(p.relative_to(project / "site") for p in (project / "site").rglob("cases/**/*.html"))
    assert any(p.parts[-3:-1] == ("page", "2") for p in generated)
    for page in generated:
        assert (fresh / "site" / page).read_bytes() == (project / "site" / page).read_bytes(), page
    # Their share cards too (drawn by worker processes at this size), one per case and language.
    cards = sorted(p.relative_to(project / "site") for p in (project / "site/assets/cards").rglob("*.png"))
    assert len(cards) == 2 * (published + 1)  # every case's, and the site's own card, in each language
    for card in cards:
        assert (fresh / "site" / card).read_bytes() == (project / "site" / card).read_bytes(), card


def test_a_published_page_changed_since_it_was_written_is_written_again(tmp_path):
    """The published site is where unchanged pages are linked from, so a page anything
    changed there since (a hand edit, an offline conversion run on the wrong folder) must not
    be: its stamp no longer matches, and the rebuild writes it again from the archive."""
    from sawt.machinery.cached_files import write_atomically

    project = copy_project(tmp_path / "tampered")
    first = build(project)
    assert first.returncode == 0
    total = _linked(build(project).stderr)  # every generated page, linked
    page = project / "site/ar/cases/osama/index.html"
    write_atomically(page, page.read_bytes().replace(b"</h1>", b"</h1><p>ZZTAMPERED</p>", 1))
    assert b"ZZTAMPERED" in page.read_bytes()
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert _linked(result.stderr) == total - 1
    assert b"ZZTAMPERED" not in page.read_bytes()


def test_unchanged_exports_are_linked_and_any_change_writes_them_again(tmp_path):
    """The open data is as large as the archive (1 GB at 112,414 cases): a rebuild whose cases
    did not change links the published files; an edited case, or a published file changed
    by hand since, writes them again."""
    from sawt.machinery.cached_files import write_atomically

    project = copy_project(tmp_path / "exports")
    site = project / "site"
    files = [f"{prefix}data/{name}" for prefix in ("", "ar/") for name in ("cases.json", "cases.json.gz", "cases.csv", "cases.csv.gz")]
    assert build(project).returncode == 0
    first = {name: ((site / name).stat().st_ino, (site / name).read_bytes()) for name in files}

    assert build(project).returncode == 0  # nothing changed: the very same files
    assert {name: ((site / name).stat().st_ino, (site / name).read_bytes()) for name in files} == first

    exported = site / "ar/data/cases.json"
    write_atomically(exported, exported.read_bytes().replace(b'"cases": [', b'"ZZTAMPERED": 1, "cases": [', 1))
    assert build(project).returncode == 0
    assert exported.read_bytes() == first["ar/data/cases.json"][1]

    case = project / "data/cases/osama.yml"
    case.write_text(case.read_text(encoding="utf-8").replace('name: {en: "Osama"', f'name: {{en: "Osama {EN_MARK}"'), encoding="utf-8")
    assert build(project).returncode == 0
    for name in files:
        assert (site / name).stat().st_ino != first[name][0], name
    assert EN_MARK in (site / "data/cases.json").read_text(encoding="utf-8")
    assert EN_MARK in (site / "ar/data/cases.csv").read_text(encoding="utf-8-sig")  # the Arabic file names it too (name_en)


def test_the_pages_cache_is_compressed_and_a_damaged_entry_is_made_again(tmp_path):
    """Each case page's article is kept in .cache/pages compressed (2.8 GB of JSON at 112,414
    cases before); an entry that cannot be read (a torn copy, a damaged cache restored by CI)
    is rendered again, never published damaged."""
    import shutil

    project = copy_project(tmp_path / "pages-cache")
    assert build(project).returncode == 0
    cache = project / ".cache/pages"
    entries = sorted(cache.glob(f"g-*/*/*{COMPRESSED_SUFFIX}"))
    assert entries and not [path for path in cache.glob("g-*/*/*.json") if path.parent.name != "published"]
    pages = {path: path.read_bytes() for path in (project / "site").rglob("cases/*/index.html")}
    for entry in entries:
        entry.write_bytes(b"damaged")
    shutil.rmtree(project / "site")  # nothing to link from: every page is filled from the cache
    assert build(project).returncode == 0
    assert {path: path.read_bytes() for path in pages} == pages
    assert all(entry.read_bytes() != b"damaged" for entry in entries)


def _entries(cache: Path) -> dict[str, bytes]:
    return {path.relative_to(cache).as_posix(): path.read_bytes() for path in sorted(cache.rglob("*")) if path.is_file()}


def test_a_fresh_clone_elsewhere_with_the_cache_restored_makes_nothing_again(tmp_path):
    """The publish workflow builds in a fresh clone (another folder, every file's time new) with
    .cache/ restored by actions/cache. Nothing in the cache may depend on a path or a file time:
    the clone finds every parsed data file, page article, card and search document there (the
    cache gains no entry and none is rewritten) and publishes the same site."""
    import shutil

    first = copy_project(tmp_path / "first")
    assert build(first).returncode == 0
    clone = tmp_path / "elsewhere" / "clone"
    clone.mkdir(parents=True)
    for folder in ("hooks", "overrides", "docs", "data", "archive", ".cache"):
        shutil.copytree(first / folder, clone / folder, copy_function=shutil.copyfile)  # new times
    shutil.copyfile(first / "mkdocs.yml", clone / "mkdocs.yml")
    (clone / "sawt").symlink_to((first / "sawt").resolve())
    restored = _entries(clone / ".cache")
    result = build(clone)
    assert result.returncode == 0, result.stderr[-3000:]
    # (.cache/pages/*/published/ describes what a site folder holds, by its inodes: a record of
    # the new site/, not a cache entry made again)
    after = {name: data for name, data in _entries(clone / ".cache").items() if "/published/" not in name}
    assert sorted(after.keys() - restored.keys()) == []
    assert [name for name in restored if "/published/" not in name and after.get(name) != restored[name]] == []
    published = {path.relative_to(first / "site"): path.read_bytes() for path in output_files(first / "site")}
    assert {path.relative_to(clone / "site"): path.read_bytes() for path in output_files(clone / "site")} == published
