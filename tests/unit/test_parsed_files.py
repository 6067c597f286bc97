"""Data files are parsed once per content: a rebuild reads unchanged files from the cache,
and yet loads the same archive, reports the same problems, and sees every edit."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from sawt.data import load
from sawt.data.errors import DataError
from sawt.data.load import check_archive
from sawt.data.yamldoc import ParsedFiles, read_yaml
from sawt.dates import archive_today
from sawt.engine.archive import ArchiveLoader
from sawt.errors import SawtError
from sawt.machinery.cached_files import COMPRESSED_SUFFIX
from sawt.machinery.fingerprint import fingerprint

from tests.calls import record_calls

from .test_load_fixtures import TODAY, write_archive

ROOT = Path(__file__).resolve().parents[2]


def test_an_unchanged_file_comes_back_the_same_without_being_parsed(tmp_path, monkeypatch):
    case = ROOT / "data" / "cases" / "saleh-al-samar.yml"
    fresh = read_yaml(case, "data/cases/saleh-al-samar.yml", [])
    read_yaml(case, "data/cases/saleh-al-samar.yml", [], parsed=ParsedFiles(tmp_path))
    monkeypatch.setattr(yaml, "compose", lambda *a, **k: pytest.fail("parsed again"))
    for parsed in (ParsedFiles(tmp_path), ParsedFiles(tmp_path)):  # from disk, then from memory too
        again = read_yaml(case, "data/cases/saleh-al-samar.yml", [], parsed=parsed)
        again_in_memory = read_yaml(case, "data/cases/saleh-al-samar.yml", [], parsed=parsed)
        for doc in (again, again_in_memory):
            assert (doc.file, doc.value, doc.lines, doc.raw, doc.is_list_file) == (
                fresh.file, fresh.value, fresh.lines, fresh.raw, fresh.is_list_file)
        assert again.value is not again_in_memory.value  # each read gets its own values to change


def test_the_whole_sample_loads_the_same_from_the_cache(tmp_path, monkeypatch):
    today = archive_today()
    plain = check_archive(ROOT / "data", today=today)
    check_archive(ROOT / "data", today=today, parsed=ParsedFiles(tmp_path))
    monkeypatch.setattr(yaml, "compose", lambda *a, **k: pytest.fail("parsed again"))
    cached = check_archive(ROOT / "data", today=today, parsed=ParsedFiles(tmp_path))
    assert cached.archive == plain.archive and cached.withheld_slugs == plain.withheld_slugs


def test_an_edited_file_is_parsed_again(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("name: {en: One}\n", encoding="utf-8")
    parsed = ParsedFiles(tmp_path / "cache")
    assert read_yaml(path, "data/cases/x.yml", [], parsed=parsed).value == {"name": {"en": "One"}}
    path.write_text("name: {en: Two}\n", encoding="utf-8")
    assert read_yaml(path, "data/cases/x.yml", [], parsed=parsed).value == {"name": {"en": "Two"}}


def test_a_file_with_a_problem_reports_it_every_time(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("name: [unclosed\n", encoding="utf-8")
    parsed = ParsedFiles(tmp_path / "cache")
    for _ in range(2):
        problems: list = []
        assert read_yaml(path, "data/cases/x.yml", problems, parsed=parsed) is None
        assert len(problems) == 1 and problems[0].line is not None
    assert not list((tmp_path / "cache").rglob(f"*{COMPRESSED_SUFFIX}"))


def test_a_damaged_cache_file_is_read_past(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("name: {en: One}\n", encoding="utf-8")
    read_yaml(path, "data/cases/x.yml", [], parsed=ParsedFiles(tmp_path / "cache"))
    [cached] = (tmp_path / "cache").rglob(f"*{COMPRESSED_SUFFIX}")
    cached.write_bytes(cached.read_bytes()[:-5])  # torn, as by a killed build
    assert read_yaml(path, "data/cases/x.yml", [], parsed=ParsedFiles(tmp_path / "cache")).value == {"name": {"en": "One"}}


def test_a_problem_in_a_cached_file_is_still_found_by_the_checks(tmp_path):
    """The cache holds what a file says, never a verdict on it: a case that was fine until
    the source it cites was removed fails the next load although its own file is unchanged."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    today = archive_today()
    parsed = ParsedFiles(tmp_path / "cache")
    check_archive(data, today=today, parsed=parsed)
    sources = data / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("id: snhr-2023-al-samar\n", "id: zz-renamed\n", 1), encoding="utf-8")
    assert "zz-renamed" in sources.read_text(encoding="utf-8")
    with pytest.raises(DataError) as raised:
        check_archive(data, today=today, parsed=parsed)
    assert "data/cases/saleh-al-samar.yml" in str(raised.value)


def test_a_file_that_passed_its_checks_is_not_checked_again_and_one_that_failed_always_is(tmp_path, monkeypatch):
    import shutil

    import sawt.data.load as load

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    bad = data / "cases" / "osama.yml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("status:", "stauts:", 1), encoding="utf-8")
    today = archive_today()
    real = load.schema_problems
    for attempt in range(2):
        checked: list[str] = []
        monkeypatch.setattr(load, "schema_problems", lambda doc, name: checked.append(doc.file) or real(doc, name))
        with pytest.raises(DataError) as raised:
            check_archive(data, today=today, parsed=ParsedFiles(tmp_path / "cache"))
        assert "data/cases/osama.yml" in str(raised.value) and "stauts" in str(raised.value)
        cases_checked = sorted(name for name in checked if name.startswith("data/cases/"))
        if attempt == 0:
            assert len(cases_checked) == len(list((data / "cases").glob("*.yml")))
        else:  # only the file that failed is checked again
            assert cases_checked == ["data/cases/osama.yml"]


def test_the_cache_holds_a_case_compressed_and_reads_it_back_exactly(tmp_path):
    """A parsed case is kept compressed on disk and in memory (a development server holds every
    file it read), about a quarter of its JSON for Arabic and English prose."""
    case = ROOT / "data" / "cases" / "saleh-al-samar.yml"
    parsed = ParsedFiles(tmp_path / "cache")
    first = read_yaml(case, "data/cases/saleh-al-samar.yml", [], parsed=parsed)
    [cached] = (tmp_path / "cache").rglob(f"*{COMPRESSED_SUFFIX}")
    assert cached.stat().st_size < 0.5 * len(case.read_bytes())
    again = read_yaml(case, "data/cases/saleh-al-samar.yml", [], parsed=ParsedFiles(tmp_path / "cache"))
    assert (again.value, again.lines, again.raw) == (first.value, first.lines, first.raw)


# --- a development server: a saved case is the only one checked and built again ------------


def _dev_loader(tmp_path: Path) -> tuple[Path, ArchiveLoader]:
    data = write_archive(tmp_path)
    return data, ArchiveLoader(data, remember_cases=True)


def _load(loader: ArchiveLoader, data: Path, tmp_path: Path):
    return loader.load(fingerprint(data), today=TODAY, strict=True, cache_dir=tmp_path / ".cache" / "data")


def _count_checks(monkeypatch) -> list[str]:
    """The slugs of the case files checked from now on, in order."""
    return record_calls(monkeypatch, load, "_check_case", lambda case_doc: case_doc.slug)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_under_a_development_server_a_saved_case_is_the_only_one_checked_again(tmp_path, monkeypatch):
    data, loader = _dev_loader(tmp_path)
    first = _load(loader, data, tmp_path)
    checked = _count_checks(monkeypatch)
    _edit(data / "cases" / "ali-test.yml", "A fictional person", "Saved again. A fictional person")
    again = _load(loader, data, tmp_path)
    assert checked == ["ali-test"]
    edited = again.case("ali-test")
    assert edited.summary["en"].startswith("Saved again. ")
    # every other case as before, and the whole archive as a build from nothing loads it
    assert again == dataclasses.replace(first, cases=tuple(edited if c.slug == "ali-test" else c for c in first.cases))
    assert again == check_archive(data, today=TODAY, strict=True).archive


def test_under_a_development_server_a_saved_mistake_is_still_reported(tmp_path):
    data, loader = _dev_loader(tmp_path)
    _load(loader, data, tmp_path)
    _edit(data / "cases" / "ali-test.yml", "status: detained", "status: detaind")
    with pytest.raises(SawtError, match="ali-test.yml.*detaind"):
        _load(loader, data, tmp_path)


def test_under_a_development_server_unchanged_cases_are_checked_against_a_changed_source_list(tmp_path, monkeypatch):
    data, loader = _dev_loader(tmp_path)
    _load(loader, data, tmp_path)
    checked = _count_checks(monkeypatch)
    _edit(data / "sources.yml", "id: report-one", "id: report-1")
    _edit(data / "figures.yml", "source: report-one", "source: report-1")
    with pytest.raises(SawtError, match='ali-test.yml.*"report-one"'):  # it did not change, and is wrong now
        _load(loader, data, tmp_path)
    assert len(checked) == len(list((data / "cases").glob("*.yml")))


def test_under_a_development_server_a_removed_photo_is_reported_though_its_case_is_unchanged(tmp_path):
    data, loader = _dev_loader(tmp_path)
    _load(loader, data, tmp_path)
    (data / "photos" / "ali-test.jpg").unlink()
    with pytest.raises(SawtError, match="ali-test.jpg"):
        _load(loader, data, tmp_path)
