"""Grades: make check holds each event's grade to data/grades.yml's rules, with file and line,
and counts leave discounted events out."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from sawt.data.errors import DataError
from sawt.data.load import check_archive

SAMPLE = Path(__file__).resolve().parents[2] / "data"
TODAY = date(2026, 1, 1)

SOURCES = """
- id: ngo-report
  title: "A report"
  publisher: "An NGO"
  kind: ngo
- id: ngo-second
  title: "Another report"
  publisher: "An NGO"
  kind: ngo
- id: news
  title: "An article"
  publisher: "A newspaper"
  kind: media
- id: court-record
  title: "A judgment"
  publisher: "A court"
  kind: court
"""


def _data(tmp_path: Path, event_lines: str) -> Path:
    data = tmp_path / "data"
    (data / "cases").mkdir(parents=True)
    shutil.copy(SAMPLE / "grades.yml", data / "grades.yml")
    (data / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (data / "cases" / "a-person.yml").write_text(
        'name: {en: "A Person", ar: "شخص"}\nstatus: detained\nsummary: {en: "Held.", ar: "محتجز."}\n'
        "events:\n  - date: 2024-01-02\n    type: arrested\n    text: {en: \"Arrested.\", ar: \"اعتُقل.\"}\n"
        + event_lines, encoding="utf-8")
    return data


def _problems(data: Path) -> list[str]:
    try:
        check_archive(data, today=TODAY)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    return []


@pytest.mark.parametrize("lines, says", [
    ("    source: ngo-report\n    grade: corroborated\n", "needs two or more sources from distinct publishers"),
    ("    sources: [ngo-report, ngo-second]\n    grade: corroborated\n", "all from an ngo"),
    ("    sources: [ngo-report, news]\n    grade: confirmed\n", "needs a source of kind official or court"),
    ("    source: news\n    grade: corroborted\n", 'did you mean "corroborated"'),
    ("    source: news\n    sources: [ngo-report]\n    grade: single-source\n", "has both source: and sources:"),
])
def test_a_grade_its_sources_do_not_support_is_refused_at_its_line(tmp_path, lines, says):
    problems = _problems(_data(tmp_path, lines))
    assert len(problems) == 1 and says in problems[0]
    assert problems[0].startswith("data/cases/a-person.yml:8") or problems[0].startswith("data/cases/a-person.yml:9")


@pytest.mark.parametrize("lines", [
    "    sources: [ngo-report, news]\n    grade: corroborated\n",
    "    sources: [court-record]\n    grade: confirmed\n",
    "    source: news\n    grade: single-source\n",
    "    source: news\n",
])
def test_a_grade_its_sources_support_passes(tmp_path, lines):
    assert _problems(_data(tmp_path, lines)) == []


def test_events_carry_their_grade_and_every_source(tmp_path):
    archive = check_archive(_data(tmp_path, "    sources: [ngo-report, news]\n    grade: corroborated\n"), today=TODAY).archive
    event = archive.cases[0].events[0]
    assert event.grade.label.ar == "متقاطع المصادر" and [s.id for s in event.sources] == ["ngo-report", "news"]
    assert archive.meets(event.grade, "corroborated") and not archive.meets(event.grade, "confirmed")
    assert not archive.meets(archive.grade("discounted"), None)


def test_counts_at_a_minimum_grade_rest_on_the_arrest(tmp_path):
    from sawt.render.counts import count_cases

    graded = check_archive(_data(tmp_path, "    sources: [ngo-report, news]\n    grade: corroborated\n"), today=TODAY).archive
    assert count_cases(graded) == 1
    assert count_cases(graded, min_grade="corroborated") == 1 and count_cases(graded, min_grade="single-source") == 1
    assert count_cases(graded, min_grade="confirmed") == 0
    ungraded = check_archive(_data(tmp_path / "2", "    source: news\n"), today=TODAY).archive
    assert count_cases(ungraded, min_grade="single-source") == 0
    with pytest.raises(ValueError, match='min_grade "discounted" is not one of confirmed, corroborated, single-source, contested'):
        count_cases(graded, min_grade="discounted")  # never counted


def test_the_exports_carry_the_arrest_grade_and_each_sources_archived_copy():
    from sawt.data.load import load_archive
    from sawt.outputs.exports import public_record

    archive = load_archive(SAMPLE, today=date(2026, 12, 1))
    record = public_record(archive.case("saleh-al-samar"), "en")
    assert record["arrest_grade"] == "single-source"
    assert len(record["sources_archived"]) == len(record["sources"]) == 1
    assert len(record["sources_archived"][0]) == 64  # the SHA-256 of the imported copy (archive/manifest.json)
    assert public_record(archive.case("youssef-al-hamad"), "ar")["arrest_grade"] is None  # not graded
