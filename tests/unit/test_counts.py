"""Counting cases (shortcode filters, chart data) and ordering timelines."""

from __future__ import annotations

import pytest

from sawt.render.counts import (
    count_cases,
    count_without_arrest_year,
    counts_by_status,
    counts_by_year,
    filter_cases,
)
from sawt.data.model import Archive, Case, ContextEvent, Event, PartialDate, Text
from sawt.render.timeline import case_timeline, global_timeline, recent_timeline

T = Text(en="x", ar="س")


def event(d: PartialDate, type_: str = "other", label: str = "") -> Event:
    return Event(date=d, type=type_, text=Text(en=label or type_, ar="ح"))


def case(slug: str, status: str = "detained", pseudonym: bool = False, events: tuple[Event, ...] = ()) -> Case:
    return Case(slug=slug, name=T, status=status, summary=T, pseudonym=pseudonym, events=events)


ARCHIVE = Archive(
    cases=(
        case("a", "detained", events=(event(PartialDate(2023, 4, 19), "arrested"),)),
        case("b", "deported", pseudonym=True, events=(event(PartialDate(2023), "arrested"), event(PartialDate(2024, 1), "deported"))),
        case("c", "deported", events=(event(PartialDate(2021, 6), "disappeared"),)),
        case("d", "released", pseudonym=True, events=(event(PartialDate(2020), "defected"),)),  # no arrest
        case("e", "detained", events=(event(PartialDate(2019, 3), "detained"),)),
    ),
    context_events=(
        ContextEvent(date=PartialDate(2023), text=Text(en="context 2023", ar="س")),
        ContextEvent(date=PartialDate(2021, 6), text=Text(en="context 2021-06", ar="س")),
    ),
)


def test_count_all() -> None:
    assert count_cases(ARCHIVE) == 5


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"status": "deported"}, 2),
        ({"status": "died-in-custody"}, 0),
        ({"year": 2023}, 2),
        ({"year": "2023"}, 2),  # as a shortcode gives it
        ({"year": 2021}, 1),  # a disappearance counts as the arrest
        ({"year": 2020}, 0),  # defection is not an arrest
        ({"pseudonym": True}, 2),
        ({"pseudonym": "false"}, 3),
        ({"status": "deported", "pseudonym": "true"}, 1),
        ({"status": "deported", "year": 2021, "pseudonym": False}, 1),
    ],
)
def test_count_with_filters(filters: dict, expected: int) -> None:
    assert count_cases(ARCHIVE, **filters) == expected


def test_filter_cases_returns_the_cases() -> None:
    assert [c.slug for c in filter_cases(ARCHIVE, status="detained")] == ["a", "e"]


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"colour": "red"}, "unknown filter colour; valid filters are status, year, pseudonym, min_grade"),
        ({"a": 1, "b": 2}, "unknown filters a, b; valid filters are status, year, pseudonym, min_grade"),
        ({"status": "jailed"}, 'status "jailed" is not one of at-risk, detained, disappeared, deported, released, died-in-custody'),
        ({"year": "twenty"}, 'year "twenty" must be a four-digit year such as 2023'),
        ({"year": 23}, 'year "23" must be a four-digit year such as 2023'),
        ({"pseudonym": "yes"}, 'pseudonym "yes" must be true or false'),
    ],
)
def test_bad_filters(filters: dict, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        count_cases(ARCHIVE, **filters)
    assert str(caught.value) == message


def test_counts_by_status_in_vocabulary_order_with_zeros() -> None:
    assert list(counts_by_status(ARCHIVE).items()) == [
        ("at-risk", 0),
        ("detained", 2),
        ("disappeared", 0),
        ("deported", 2),
        ("released", 1),
        ("died-in-custody", 0),
    ]


def test_counts_by_year_oldest_first_with_gaps_filled() -> None:
    assert list(counts_by_year(ARCHIVE).items()) == [(2019, 1), (2020, 0), (2021, 1), (2022, 0), (2023, 2)]
    assert count_without_arrest_year(ARCHIVE) == 1
    assert sum(counts_by_year(ARCHIVE).values()) + count_without_arrest_year(ARCHIVE) == count_cases(ARCHIVE)


def test_empty_archive() -> None:
    empty = Archive(cases=())
    assert count_cases(empty) == 0
    assert counts_by_year(empty) == {}
    assert set(counts_by_status(empty).values()) == {0}


# --- timeline -------------------------------------------------------------------


def test_case_timeline_sorts_partial_dates_sensibly() -> None:
    events = (
        event(PartialDate(2023, 5, 2), label="day in May"),
        event(PartialDate(2023), label="year"),
        event(PartialDate(2022, 12, 31), label="last year"),
        event(PartialDate(2023, 5), label="May"),
        event(PartialDate(2023, 1, 1), label="new year"),
        event(PartialDate(2023, 5), label="May, second in file"),
    )
    ordered = [e.text.en for e in case_timeline(case("x", events=events))]
    assert ordered == ["last year", "year", "new year", "May", "May, second in file", "day in May"]


def test_global_timeline_merges_case_and_context_events() -> None:
    entries = global_timeline(ARCHIVE)
    described = [(e.date.iso(), e.case.slug if e.case else "context") for e in entries]
    assert described == [
        ("2019-03", "e"),
        ("2020", "d"),
        ("2021-06", "context"),  # context first on the same date
        ("2021-06", "c"),
        ("2023", "context"),
        ("2023", "b"),
        ("2023-04-19", "a"),
        ("2024-01", "b"),
    ]
    context = [e for e in entries if e.is_context]
    assert all(e.event is None and e.context is not None for e in context)
    case_entries = [e for e in entries if not e.is_context]
    assert all(e.event is not None and e.text == e.event.text for e in case_entries)


def test_the_archive_timeline_keeps_the_latest_case_events_and_every_context_event() -> None:
    entries, left_out = recent_timeline(ARCHIVE, case_events=3)
    described = [(e.date.iso(), e.case.slug if e.case else "context") for e in entries]
    assert described == [("2021-06", "context"), ("2023", "context"), ("2023", "b"), ("2023-04-19", "a"), ("2024-01", "b")]
    assert left_out == 3
    assert recent_timeline(ARCHIVE, case_events=6) == (global_timeline(ARCHIVE), 0)


@pytest.mark.parametrize("lang, note", [
    ("en", "Shown here: the latest 2 of 6 case events."),
    ("ar", "عدد الأحداث المعروضة هنا: 2 من أصل 6، وهي الأحدث."),
])
def test_a_long_archive_timeline_says_what_it_left_out_and_links_to_the_index(lang: str, note: str) -> None:
    from bs4 import BeautifulSoup

    from sawt.render.timeline_html import archive_timeline_html

    html = archive_timeline_html(ARCHIVE, lang, case_url=lambda slug: f"../cases/{slug}/", cases_root="../cases/",
                                 case_events=2)
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.select("li.sawt-timeline__item--case")) == 2
    assert len(soup.select("li.sawt-timeline__item--context")) == 2
    paragraph = soup.select_one("p.sawt-timeline__note")
    assert paragraph.get_text().startswith(note)
    assert paragraph.a["href"] == "../cases/"
    full = BeautifulSoup(archive_timeline_html(ARCHIVE, lang, case_url=lambda slug: slug, cases_root="../cases/"), "html.parser")
    assert full.select_one("p.sawt-timeline__note") is None and len(full.select("li.sawt-timeline__item--case")) == 6


@pytest.mark.parametrize("kept", [1, 7, 50])
def test_recent_timeline_keeps_exactly_the_last_case_events_of_the_whole_timeline(tmp_path, kept):
    """Picked without sorting the whole archive, and yet the same entries, in the same order,
    as the full timeline's last `kept` case events with every context event: 400 fictional
    cases whose events share dates (ties broken by slug, then by their place in the case)."""
    from sawt.data.load import load_archive
    from sawt.data.synthetic import write_synthetic_archive
    from sawt.dates import archive_today
    from sawt.render.timeline import global_timeline, recent_timeline

    archive = load_archive(write_synthetic_archive(tmp_path / "data", 400), today=archive_today())
    everything = global_timeline(archive)
    case_positions = [i for i, entry in enumerate(everything) if not entry.is_context]
    assert len(case_positions) > kept
    last = set(case_positions[-kept:])
    expected = tuple(entry for i, entry in enumerate(everything) if entry.is_context or i in last)
    assert recent_timeline(archive, kept) == (expected, len(case_positions) - kept)
