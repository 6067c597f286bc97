"""Privacy is enforced by the loader: what must not be published never reaches
the Archive, so nothing downstream can leak it. Checked by scanning the whole
archive's repr for sentinel strings planted in the fixture."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sawt.load import check_archive, load_archive

from .test_load_fixtures import (
    EMBARGOED_NAME,
    HIDDEN_NAME,
    PRIVATE_NOTE,
    SECRET_SOURCE_TITLE,
    TODAY,
    write_archive,
)


@pytest.fixture()
def archive_text(tmp_path: Path) -> str:
    archive = load_archive(write_archive(tmp_path), today=TODAY)
    return repr(archive) + str(archive)


@pytest.mark.parametrize(
    "sentinel",
    [HIDDEN_NAME, EMBARGOED_NAME, PRIVATE_NOTE, SECRET_SOURCE_TITLE],
    ids=["publish-false", "embargoed", "private-mapping", "source-cited-only-by-withheld-cases"],
)
def test_sentinel_never_reaches_the_archive(archive_text: str, sentinel: str) -> None:
    assert sentinel not in archive_text


def test_withheld_slugs_are_absent(tmp_path: Path) -> None:
    archive = load_archive(write_archive(tmp_path), today=TODAY)
    assert archive.case("hidden-test") is None
    assert archive.case("later-test") is None
    assert "hidden-test" not in repr(archive) and "later-test" not in repr(archive)


def test_embargo_lifts_on_its_date(tmp_path: Path) -> None:
    data = write_archive(tmp_path)
    assert load_archive(data, today=date(2025, 1, 15)).case("later-test") is None
    lifted = load_archive(data, today=date(2025, 1, 16))
    assert lifted.case("later-test") is not None
    # ... and with it, the source only it cites becomes public.
    assert "report-secret" in lifted.sources


def test_a_published_case_keeps_its_fields_but_loses_private(tmp_path: Path) -> None:
    archive = load_archive(write_archive(tmp_path), today=TODAY)
    case = archive.case("ali-test")  # has `private: {contact: ...}`
    assert case is not None
    assert not hasattr(case, "private")
    assert PRIVATE_NOTE not in repr(case)


def test_withheld_count_is_reported_without_content(tmp_path: Path) -> None:
    report = check_archive(write_archive(tmp_path), today=TODAY)
    assert report.withheld_cases == 2
    assert HIDDEN_NAME not in repr(report) and EMBARGOED_NAME not in repr(report)


def test_a_source_also_cited_by_a_published_case_stays(tmp_path: Path) -> None:
    from .test_load_fixtures import VALID_CASES

    cases = dict(VALID_CASES)
    cases["ali-test"] = cases["ali-test"].replace("  - report-one\n", "  - report-one\n  - report-secret\n")
    archive = load_archive(write_archive(tmp_path, cases=cases), today=TODAY)
    assert "report-secret" in archive.sources
