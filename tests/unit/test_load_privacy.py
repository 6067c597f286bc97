"""Privacy is enforced by the loader: what must not be published never reaches
the Archive, so nothing downstream can leak it. Checked by scanning the whole
archive's repr for sentinel strings planted in the fixture."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sawt.data.load import check_archive, load_archive
from sawt.dates import archive_today

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


# --- the embargo is judged in one documented time zone -------------------------

UTC = timezone.utc


@pytest.mark.parametrize(
    ("instant", "withheld"),
    [
        (datetime(2025, 1, 15, 23, 59, 59, tzinfo=UTC), True),  # the last second before the date, in UTC
        (datetime(2025, 1, 16, 0, 0, 0, tzinfo=UTC), False),  # 00:00 UTC on embargo_until
        # 10:00 on the 16th in Kiritimati (UTC+14) is still the 15th in UTC: still withheld.
        (datetime(2025, 1, 16, 10, 0, tzinfo=ZoneInfo("Pacific/Kiritimati")), True),
    ],
    ids=["last-second-before", "midnight-utc", "kiritimati-morning"],
)
def test_embargo_boundary_is_midnight_utc(tmp_path: Path, instant: datetime, withheld: bool) -> None:
    archive = load_archive(write_archive(tmp_path), today=archive_today(now=instant))  # later-test: embargo_until 2025-01-16
    assert (archive.case("later-test") is None) is withheld


def test_a_configured_time_zone_moves_the_boundary() -> None:
    evening_in_utc = datetime(2025, 1, 15, 22, 30, tzinfo=UTC)
    assert archive_today(now=evening_in_utc) == date(2025, 1, 15)
    assert archive_today("Asia/Beirut", now=evening_in_utc) == date(2025, 1, 16)


def test_a_naive_instant_is_refused() -> None:
    with pytest.raises(ValueError):
        archive_today(now=datetime(2025, 1, 16))
