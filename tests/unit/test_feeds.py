"""Atom feeds: the entries derived from the archive, and the feed's validity (RFC 4287)."""

from __future__ import annotations

import random
import re
from datetime import date, datetime, timezone

from lxml import etree

from sawt.outputs.feeds import (
    FeedEntry,
    NewsItem,
    STATUS_EVENT_TYPES,
    atom_feed,
    case_date,
    feed_entries,
    rfc3339,
    sort_entries,
)
from sawt.data.model import Archive, Case, Correction, Event, PartialDate, Text

A = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
SITE = "https://sawt.example.org/"


def event(d: PartialDate, kind: str, en: str = "Something happened.", ar: str = "حدث شيء.") -> Event:
    return Event(d, kind, Text(en, ar))


ARCHIVE = Archive(
    cases=(
        Case(
            slug="test-person",
            name=Text("Test Person", "شخص تجريبي"),
            status="deported",
            summary=Text("A fictional person <used> in tests & feeds.", "شخص خيالي للاختبار."),
            events=(
                event(PartialDate(2023, 4, 19), "arrested", "Arrested in Beirut."),
                event(PartialDate(2023, 5), "transferred", "Transferred to another prison."),
                event(PartialDate(2023, 6, 2), "deported", "Deported to Syria.", "رُحّل إلى سوريا."),
                event(PartialDate(2023, 6, 2), "deported", "A second deportation record."),
            ),
            last_verified=PartialDate(2023, 6, 30),
        ),
        Case(
            slug="test-person-two",
            name=Text("Test Person Two", "شخص تجريبي ثان"),
            status="released",
            summary=Text("Another fictional person.", "شخص خيالي آخر."),
            events=(event(PartialDate(2024), "released", "Released."),),
            corrections=(Correction(PartialDate(2024, 3, 1), Text("Corrected.", "صُحّح.")),),
        ),
        Case(
            slug="test-person-undated",
            name=Text("Undated Person", "شخص بلا تاريخ"),
            status="at-risk",
            summary=Text("No dates known.", "لا تواريخ معروفة."),
        ),
    )
)
NEWS = [
    ("Fictional news item", "https://sawt.example.org/news/one/", "2024-02-10", "Something to read."),
    NewsItem(Text("Second item", "خبر ثان"), "news/two/", date(2022, 1, 1), Text("Summary.", "ملخص.")),
    ("Repeated item", "https://sawt.example.org/news/one/", "2024-02-11", "Same URL, listed once."),
]


def case_url(lang: str):
    prefix = "ar/" if lang == "ar" else ""
    return lambda slug: f"{SITE}{prefix}cases/{slug}/"


def build(lang: str = "en", **kwargs: object) -> str:
    entries = feed_entries(ARCHIVE, lang, case_url(lang), NEWS)
    options = dict(lang=lang, feed_url=f"{SITE}feed.xml", site_url=SITE, title="Sawt — صوت", updated=None)
    options.update(kwargs)
    return atom_feed(entries, **options)  # type: ignore[arg-type]


def parse(xml: str) -> etree._Element:
    return etree.fromstring(xml.encode("utf-8"))


def only(parent: etree._Element, tag: str) -> etree._Element:
    found = parent.findall(A + tag)
    assert len(found) == 1, f"{parent.tag} must have exactly one {tag}, has {len(found)}"
    return found[0]


def assert_valid_atom(xml: str) -> etree._Element:
    assert xml.startswith("<?xml version='1.0' encoding='utf-8'?>")
    feed = parse(xml)
    assert feed.tag == A + "feed"
    assert feed.get(XML_LANG) in ("en", "ar")
    assert only(feed, "id").text.startswith("https://")
    assert only(feed, "title").text
    assert RFC3339.match(only(feed, "updated").text)
    rels = {link.get("rel"): link.get("href") for link in feed.findall(A + "link")}
    assert rels.keys() == {"self", "alternate"}
    assert only(only(feed, "author"), "name").text  # required: entries have no author
    ids = []
    for entry in feed.findall(A + "entry"):
        ids.append(only(entry, "id").text)
        assert re.match(r"^https://[^#\s]+(#[^#\s]+)?$", ids[-1])
        assert only(entry, "title").text
        assert RFC3339.match(only(entry, "updated").text)
        alternates = [l for l in entry.findall(A + "link") if l.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1 and alternates[0].get("href").startswith("https://")
        assert only(entry, "summary").text
        assert entry.get(XML_LANG) == feed.get(XML_LANG)
    assert len(ids) == len(set(ids)), "entry ids must be unique"
    return feed


def test_feeds_are_valid_atom_in_both_languages() -> None:
    for lang in ("en", "ar"):
        feed = assert_valid_atom(build(lang))
        assert feed.get(XML_LANG) == lang


def test_entries_cover_cases_status_changes_and_news() -> None:
    feed = parse(build("en"))
    titles = [only(e, "title").text for e in feed.findall(A + "entry")]
    assert titles == [
        "New case: Test Person Two",  # 2024-03-01, its correction
        "Fictional news item",  # 2024-02-10
        "Released: Test Person Two",  # 2024
        "New case: Test Person",  # 2023-06-30, last verified
        "Deported: Test Person",  # 2023-06-02 (two records on one date)
        "Deported: Test Person",
        "Transferred: Test Person",  # 2023-05
        "Second item",  # 2022-01-01
    ]  # "arrested" is not a status change; the undated case and the repeated news URL are left out
    ids = [only(e, "id").text for e in feed.findall(A + "entry")]
    assert f"{SITE}cases/test-person/#sawt-case" in ids
    assert f"{SITE}cases/test-person/#sawt-event-2023-06-02-deported" in ids
    assert f"{SITE}cases/test-person/#sawt-event-2023-06-02-deported-2" in ids
    assert f"{SITE}news/two/" in ids  # a relative news URL is made absolute
    assert only(feed, "updated").text == "2024-03-01T00:00:00Z"  # newest entry, no clock


def test_arabic_feed_speaks_arabic() -> None:
    feed = parse(build("ar"))
    entries = {only(e, "id").text: e for e in feed.findall(A + "entry")}
    deported = entries[f"{SITE}ar/cases/test-person/#sawt-event-2023-06-02-deported"]
    assert only(deported, "title").text == "ترحيل: شخص تجريبي"
    assert only(deported, "summary").text == "رُحّل إلى سوريا."
    assert only(entries[f"{SITE}ar/cases/test-person/#sawt-case"], "title").text == "حالة جديدة: شخص تجريبي"
    assert only(entries[f"{SITE}news/two/"], "title").text == "خبر ثان"


def test_text_is_escaped_not_concatenated() -> None:
    feed = parse(build("en", title='Sawt <"&">'))
    assert only(feed, "title").text == 'Sawt <"&">'
    summaries = [only(e, "summary").text for e in feed.findall(A + "entry")]
    assert "A fictional person <used> in tests & feeds." in summaries


def test_case_date_is_its_newest_known_date() -> None:
    assert case_date(ARCHIVE.cases[0]) == PartialDate(2023, 6, 30)
    assert case_date(ARCHIVE.cases[1]) == PartialDate(2024, 3, 1)
    assert case_date(ARCHIVE.cases[2]) is None


def test_undated_case_needs_an_explicit_date() -> None:
    entries = feed_entries(ARCHIVE, "en", case_url("en"), undated=date(2025, 1, 1))
    undated = [e for e in entries if e.url.endswith("/test-person-undated/")]
    assert [(e.kind, rfc3339(e.updated)) for e in undated] == [("case", "2025-01-01T00:00:00Z")]


def test_status_entries_only_for_status_changing_events() -> None:
    entries = feed_entries(ARCHIVE, "en", case_url("en"))
    assert {e.kind for e in entries} == {"case", "status"}
    assert len([e for e in entries if e.kind == "status"]) == 4
    assert set(STATUS_EVENT_TYPES) == {"deported", "released", "died", "disappeared", "transferred"}


def test_limit_and_explicit_updated() -> None:
    when = datetime(2025, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
    feed = assert_valid_atom(build("en", limit=3, updated=when))
    assert len(feed.findall(A + "entry")) == 3
    assert only(feed, "updated").text == "2025-05-06T07:08:09Z"


def test_empty_feed_is_still_valid() -> None:
    xml = atom_feed([], lang="en", feed_url=f"{SITE}feed.xml", site_url=SITE, title="Sawt", updated=None)
    assert parse(xml).findall(A + "entry") == []
    assert_valid_atom(xml)


def test_feed_is_deterministic() -> None:
    assert build("ar") == build("ar")


def test_rfc3339_of_partial_dates_and_strings() -> None:
    assert rfc3339(PartialDate(2023)) == "2023-01-01T00:00:00Z"
    assert rfc3339(PartialDate(2023, 4)) == "2023-04-01T00:00:00Z"
    assert rfc3339("2023-04-19") == "2023-04-19T00:00:00Z"
    assert rfc3339("2023-04-19T10:00:00+03:00") == "2023-04-19T07:00:00Z"


def test_the_newest_entries_are_the_first_of_the_whole_order_ties_at_the_edge_included():
    """A feed keeps the 50 newest entries; choosing them without sorting every entry must not
    change which ones, even when many share the date at the edge."""
    rng = random.Random(7)
    days = [datetime(2020 + rng.randrange(3), 1 + rng.randrange(12), 1, tzinfo=timezone.utc) for _ in range(600)]
    entries = [FeedEntry(id=f"urn:x:{rng.randrange(10**6):06d}-{i}", title="t", url="u", updated=day, summary="s",
                         lang="en", kind="case") for i, day in enumerate(days)]
    whole = sort_entries(entries)
    for limit in (1, 2, 49, 50, 51, 599, 600, 700):
        assert sort_entries(entries, limit) == whole[:limit]
        assert sort_entries(list(reversed(entries)), limit) == whole[:limit]
    assert sort_entries(entries, 0) == []
