"""Loading a valid fictional archive into the model."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sawt.data.errors import DataError, Problem, ShortcodeError
from sawt.data.load import check_archive, load_archive
from sawt.data.model import PartialDate, Text

from .test_load_fixtures import MINIMAL_CASE, TODAY, write_archive


@pytest.fixture()
def archive(tmp_path: Path):
    return load_archive(write_archive(tmp_path), today=TODAY)


def test_published_cases_sorted_by_slug(archive) -> None:
    assert [c.slug for c in archive.cases] == ["ali-test", "basma-test", "past-embargo"]


def test_case_fields(archive) -> None:
    case = archive.case("ali-test")
    assert case is not None
    assert case.name == Text(en="Ali Test", ar="علي تجريبي")
    assert case.aliases == ("A. Test", "علي")
    assert case.status == "detained"
    assert case.pseudonym is False
    assert case.summary.en == "A fictional person, written for the loader's tests."
    assert case.ask == Text(en="Fictional ask.", ar="مطلب خيالي.")
    assert case.last_verified == PartialDate(2023, 6, 30)
    assert case.photo == "photos/ali-test.jpg"
    assert case.photo_alt == Text(en="A grey square.", ar="مربع رمادي.")
    assert case.source_file == "data/cases/ali-test.yml"
    assert [(c.date, c.text.en) for c in case.corrections] == [(PartialDate(2023, 7, 1), "Fixed a date.")]


def test_defaults(archive) -> None:
    case = archive.case("past-embargo")
    assert case is not None
    assert (case.ask, case.aliases, case.pseudonym, case.sources, case.photo) == (None, (), False, (), None)


def test_dates_of_every_yaml_shape_become_partial_dates(archive) -> None:
    case = archive.case("ali-test")
    # "2023" (string), 2023-04-19 (a YAML timestamp), 2023-05 (a string)
    assert [e.date for e in case.events] == [PartialDate(2023), PartialDate(2023, 4, 19), PartialDate(2023, 5)]
    basma = archive.case("basma-test")
    assert [e.date for e in basma.events] == [PartialDate(2022), PartialDate(2022, 8, 3)]  # int year 2022
    assert archive.case("past-embargo").events[0].date == PartialDate(2020, 2, 29)  # a real leap day


def test_events_are_chronological_so_arrest_is_the_first_one(archive) -> None:
    basma = archive.case("basma-test")
    assert [e.type for e in basma.events] == ["arrested", "deported"]
    assert basma.arrest is not None and basma.arrest.date == PartialDate(2022)


def test_event_sources_resolve_by_id_and_by_inline_url(archive) -> None:
    case = archive.case("ali-test")
    by_type = {e.type: e for e in case.events}
    assert by_type["arrested"].source is not None and by_type["arrested"].source.id == "report-one"
    inline = by_type["transferred"].source
    assert inline is not None
    assert (inline.id, inline.url, inline.title, inline.date) == (
        "ali-test-source-1", "https://example.net/inline", "An inline fictional article", PartialDate(2023, 5, 2)
    )
    assert by_type["other"].source is None
    assert [s.id for s in case.sources] == ["report-one", "ali-test-source-1"]


def test_sources_cited_only_by_events_join_the_case_sources(archive) -> None:
    basma = archive.case("basma-test")
    assert [s.id for s in basma.sources] == ["report-two"]


def test_sources_figures_and_context_events(archive) -> None:
    one = archive.sources["report-one"]
    assert (one.title, one.publisher, one.date, one.language, one.url) == (
        "A fictional report", "Fictional Rights Group", PartialDate(2023, 6), "en", "https://example.org/report-one"
    )
    assert archive.sources["report-two"].date == PartialDate(2024)
    figure = archive.figures["fictional-returns"]
    assert (figure.value, figure.what.en, figure.period.ar, figure.source.id) == (
        1234, "Fictional people counted for a test", "2023", "report-one"
    )
    assert [(e.date, e.source.id if e.source else None) for e in archive.context_events] == [
        (PartialDate(2019), None),
        (PartialDate(2023, 4), "report-two"),
    ]


def test_missing_list_files_are_empty(tmp_path: Path) -> None:
    data = write_archive(tmp_path, cases={"x": MINIMAL_CASE}, sources=None, figures=None, events=None, photos=())
    archive = load_archive(data, today=TODAY)
    assert (len(archive.cases), dict(archive.sources), dict(archive.figures), archive.context_events) == (1, {}, {}, ())


def test_yaml_extension_and_bom_are_accepted(tmp_path: Path) -> None:
    data = write_archive(tmp_path, cases={"x.yaml": b"\xef\xbb\xbf" + MINIMAL_CASE.encode()}, photos=())
    assert [c.slug for c in load_archive(data, today=TODAY).cases] == ["x"]


def test_today_decides_future_events(tmp_path: Path) -> None:
    data = write_archive(tmp_path, cases={"x": MINIMAL_CASE + "last_verified: 2025-01-15\n"}, photos=())
    load_archive(data, today=date(2025, 1, 15))  # today itself is not the future
    with pytest.raises(DataError, match="is in the future"):
        load_archive(data, today=date(2025, 1, 14))


def test_check_archive_counts_withheld_cases(tmp_path: Path) -> None:
    report = check_archive(write_archive(tmp_path), today=TODAY)
    assert report.withheld_cases == 2
    assert len(report.archive.cases) == 3


def test_sample_data_in_the_repository_is_valid() -> None:
    data = Path(__file__).resolve().parents[2] / "data"
    if not (data / "cases").is_dir():
        pytest.skip("no sample data yet")
    load_archive(data, today=date.today())


# --- errors.py ---------------------------------------------------------------


def test_problem_str_with_and_without_line() -> None:
    assert str(Problem("data/cases/x.yml", 3, "status", 'status "x" is wrong')) == 'data/cases/x.yml:3: status "x" is wrong'
    assert str(Problem("data/cases/x.yml", None, "", "the file is empty")) == "data/cases/x.yml: the file is empty"


def test_data_error_sorts_by_file_then_line_and_summarises() -> None:
    error = DataError([
        Problem("data/sources.yml", 2, "id", "b"),
        Problem("data/cases/x.yml", 10, "a", "late"),
        Problem("data/cases/x.yml", 3, "a", "early"),
        Problem("data/cases/x.yml", None, "", "whole file"),
    ])
    assert str(error).splitlines() == [
        "data/cases/x.yml: whole file",
        "data/cases/x.yml:3: early",
        "data/cases/x.yml:10: late",
        "data/sources.yml:2: b",
    ]
    assert error.summary() == "4 problems in 2 files"
    assert DataError([Problem("f", 1, "", "m")]).summary() == "1 problem in 1 file"


def test_shortcode_error() -> None:
    error = ShortcodeError("docs/en/index.md", 12, 'unknown shortcode "sawt:cont"')
    assert (error.file, error.line) == ("docs/en/index.md", 12)
    assert str(error) == 'docs/en/index.md:12: unknown shortcode "sawt:cont"'
