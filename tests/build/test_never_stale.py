"""Rebuilds reuse what the cache holds (.cache/: pages, cards, QR codes, search documents and
the last Pagefind bundle, keyed by the documents it indexed),
and yet no output is ever stale: an edited case changes everything derived from it in both
languages, and a deleted case leaves nothing behind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.build.projects import build, copy_project, output_files, readable_bytes

pytestmark = pytest.mark.build

EN_MARK, AR_MARK = "ZZRENAMED", "زززتعديل"


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("stale"))
    assert build(project).returncode == 0
    site = project / "site"
    before = {path: (site / path).read_bytes() for path in ("assets/cards/en/osama.png", "assets/cards/ar/osama.png")}
    assert (project / ".cache").is_dir()
    case = project / "data/cases/osama.yml"
    case.write_text(case.read_text(encoding="utf-8").replace(
        'name: {en: "Osama", ar: "أسامة"}', f'name: {{en: "Osama {EN_MARK}", ar: "أسامة {AR_MARK}"}}'), encoding="utf-8")
    (project / "data/cases/muhammad-abdulatif.yml").unlink()
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return site, before


def _files_with(site: Path, text: str) -> set[str]:
    needle = text.encode()
    return {p.relative_to(site).as_posix() for p in output_files(site) if needle in readable_bytes(p)}


@pytest.mark.parametrize(("lang", "mark"), [("en", EN_MARK), ("ar", AR_MARK)])
def test_an_edited_name_reaches_every_output_in_its_language(rebuilt, lang: str, mark: str):
    site, _ = rebuilt
    prefix = "" if lang == "en" else "ar/"
    found = _files_with(site, mark)
    for expected in (f"{prefix}cases/osama/index.html", f"{prefix}cases/index.html", f"{prefix}data/cases.json",
                     f"{prefix}data/cases.csv", f"feed-{lang}.xml"):
        assert expected in found, expected
    assert any(path.startswith("pagefind/") for path in found), "the search index still has the old name"
    exported = json.loads((site / prefix / "data/cases.json").read_text(encoding="utf-8"))
    assert any(mark in case[f"name_{lang}"] for case in exported["cases"] if case["slug"] == "osama")


def test_an_edited_case_gets_new_share_cards(rebuilt):
    site, before = rebuilt
    for path, old in before.items():
        assert (site / path).read_bytes() != old, path


def test_a_deleted_case_leaves_nothing_behind(rebuilt):
    site, _ = rebuilt
    assert not list(site.rglob("*muhammad-abdulatif*"))
    for text in ("muhammad-abdulatif", "Muhammad Abdulatif", "محمد عبد اللطيف"):
        assert _files_with(site, text) == set(), text
