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


def _event(day: str, kind: str, grade: str | None = None):
    from sawt.data.model import Event, Grade, PartialDate, Text

    year, month, dom = (int(part) for part in day.split("-"))
    return Event(date=PartialDate(year, month, dom), type=kind, text=Text(en=kind, ar="حدث"),
                 grade=Grade(id=grade, label=Text(en=grade, ar="درجة"), definition=Text(en="d", ar="د")) if grade else None)


def _case(status: str, *events):
    from sawt.data.model import Case, Text

    return Case(slug="x", name=Text(en="X", ar="س"), status=status, summary=Text(en="s", ar="ص"), events=tuple(events))


def test_the_status_rests_on_its_latest_own_event_else_on_the_arrest():
    arrest = _event("2020-01-01", "arrested", "corroborated")
    moved = _event("2021-05-01", "transferred", "single-source")
    release = _event("2022-03-01", "released", "confirmed")
    later_report = _event("2023-01-01", "other", "confirmed")
    # Still held: the latest report that he is held, not a later event of another kind.
    assert _case("detained", later_report, moved, arrest).status_event is moved
    assert _case("released", arrest, release, later_report).status_event is release
    # Missing after an arrest, with no disappearance recorded: the arrest.
    assert _case("disappeared", arrest, later_report).status_event is arrest
    assert _case("disappeared", arrest, _event("2020-02-01", "disappeared")).status_event.type == "disappeared"
    assert _case("died-in-custody", arrest, _event("2021-01-01", "body-returned", "confirmed")).status_event.type == "body-returned"
    # A release or a deportation is never said to rest on the arrest.
    assert _case("released", arrest).status_event is None
    assert _case("deported", arrest).status_event is None
    assert _case("at-risk", _event("2024-01-01", "deportation-order", "single-source")).status_event.type == "deportation-order"


def test_the_sample_statuses_rest_on_the_events_their_seeds_report():
    archive = check_archive(SAMPLE, today=TODAY).archive
    rests_on = {case.slug: (case.status_event.type, case.status_event.grade.id if case.status_event.grade else None)
                for case in archive.cases if case.status_event is not None}
    assert rests_on["saleh-al-samar"] == ("arrested", "single-source")
    assert rests_on["osama"] == ("arrested", "single-source")
    assert rests_on["youssef-al-hamad"] == ("disappeared", None)
    assert rests_on["moath-ata-al-smadi"] == ("body-returned", None)
