"""Atom 1.0 feeds (RFC 4287), one per language.

Entries are: a case (dated by its newest known date: last verified, newest
event or correction), each status change of a case (events of the types in
`STATUS_EVENT_TYPES`), and news items the caller passes in. The XML is built
with lxml, never by string concatenation, so every text is escaped.

Ids are permanent: the entry's absolute URL plus a fragment that names what
the entry is about. Nothing here reads the clock: a feed built twice from the
same data is the same feed.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from typing import Callable, Iterable, Sequence, Union
from urllib.parse import urljoin

from lxml import etree

from sawt import catalogs
from sawt.data.model import Archive, Case, PartialDate, Text
from sawt.dates import event_type_label

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: Event types that change where a person is or whether they are alive or free.
STATUS_EVENT_TYPES: tuple[str, ...] = ("deported", "released", "died", "disappeared", "transferred")
DEFAULT_LIMIT = 50


def feed_path(lang: str) -> str:
    """One Atom feed per language, at the site root ("feed-en.xml"). Their <link>s say
    rel="alternate feed" (overrides/main.html), so the theme's script fetches no sitemap.xml for them."""
    return f"feed-{lang}.xml"


DateLike = Union[PartialDate, date, datetime, str]


@dataclass(frozen=True)
class NewsItem:
    """A news item given by the caller; title and summary in the feed's language or both."""

    title: str | Text
    url: str
    date: DateLike
    summary: str | Text = ""


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    url: str
    updated: datetime  # timezone-aware
    summary: str
    lang: str
    kind: str  # "case", "status" or "news"


# --------------------------------------------------------------------------
# Dates


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def to_datetime(value: DateLike) -> datetime:
    """A timezone-aware datetime; dates (and partial dates, at their earliest day) at 00:00 UTC."""
    if isinstance(value, str):
        partial = _PARTIAL_DATE.match(value)
        value = (
            PartialDate(*(int(part) for part in partial.groups() if part is not None))
            if partial
            else datetime.fromisoformat(value)
        )
    if isinstance(value, PartialDate):
        value = value.earliest()
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
    return datetime.combine(value, time(0, 0), tzinfo=timezone.utc)


def rfc3339(value: DateLike) -> str:
    return to_datetime(value).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------
# Entries


def _in(value: str | Text, lang: str) -> str:
    return value[lang] if isinstance(value, Text) else value


def case_date(case: Case) -> PartialDate | None:
    """The newest date the archive knows for a case (None when it has none)."""
    dates = [event.date for event in case.events] + [c.date for c in case.corrections]
    if case.last_verified is not None:
        dates.append(case.last_verified)
    return max(dates, key=PartialDate.sort_key, default=None)


def case_entries(case: Case, lang: str, url: str, *, undated: DateLike | None = None) -> list[FeedEntry]:
    """The case itself plus one entry per status change, all linking to the case page."""
    name = case.name[lang]
    entries: list[FeedEntry] = []
    newest = case_date(case) or undated
    if newest is not None:
        entries.append(
            FeedEntry(
                id=f"{url}#sawt-case",
                title=catalogs.text("feed:new_case", lang).format(name=name),
                url=url,
                updated=to_datetime(newest),
                summary=case.summary[lang],
                lang=lang,
                kind="case",
            )
        )
    seen: set[str] = set()
    for event in sorted(case.events, key=lambda e: e.date.sort_key()):
        if event.type not in STATUS_EVENT_TYPES:
            continue
        base_id = f"{url}#sawt-event-{event.date.iso()}-{event.type}"
        entry_id, n = base_id, 1
        while entry_id in seen:  # two events of one type on one date
            n += 1
            entry_id = f"{base_id}-{n}"
        seen.add(entry_id)
        entries.append(
            FeedEntry(
                id=entry_id,
                title=catalogs.text("feed:status", lang).format(label=event_type_label(event.type, lang), name=name),
                url=url,
                updated=to_datetime(event.date),
                summary=event.text[lang],
                lang=lang,
                kind="status",
            )
        )
    return entries


def news_entries(news: Iterable[NewsItem | tuple], lang: str) -> list[FeedEntry]:
    """News items as entries; an item repeated with the same URL is listed once."""
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for item in news:
        item = item if isinstance(item, NewsItem) else NewsItem(*item)
        if item.url in seen:
            continue
        seen.add(item.url)
        entries.append(
            FeedEntry(
                id=item.url,
                title=_in(item.title, lang),
                url=item.url,
                updated=to_datetime(item.date),
                summary=_in(item.summary, lang),
                lang=lang,
                kind="news",
            )
        )
    return entries


def feed_entries(
    archive: Archive,
    lang: str,
    case_url: Callable[[str], str],
    news: Iterable[NewsItem | tuple] = (),
    *,
    undated: DateLike | None = None,
    limit: int | None = None,
) -> list[FeedEntry]:
    """All entries of a language's feed (the newest `limit`), newest first.

    `case_url(slug)` gives a case page's URL in `lang` (absolute, or relative
    to the feed's site_url). A case with no date at all is left out unless
    `undated` gives one: inventing "now" would re-announce it on every build.
    """
    entries: list[FeedEntry] = []
    for case in archive.cases:
        entries += case_entries(case, lang, case_url(case.slug), undated=undated)
    entries += news_entries(news, lang)
    return sort_entries(entries, limit)


def sort_entries(entries: Iterable[FeedEntry], limit: int | None = None) -> list[FeedEntry]:
    """Newest first; the id breaks ties so the order never depends on input order. With
    `limit`, only the first `limit`: the entries older than the limit-th newest are dropped
    before sorting (a feed shows 50 of about 340,000 entries at 112,414 cases, and sorting them
    all twice a language took most of the feeds stage's 5-7 s)."""
    entries = list(entries)
    if limit is not None and len(entries) > limit:
        if limit <= 0:
            return []
        oldest_kept = heapq.nlargest(limit, (entry.updated for entry in entries))[-1]
        entries = [entry for entry in entries if entry.updated >= oldest_kept]  # ties at the edge stay
    by_id = sorted(entries, key=lambda e: e.id)
    return sorted(by_id, key=lambda e: e.updated, reverse=True)[:limit]


# --------------------------------------------------------------------------
# XML

# Characters XML 1.0 cannot carry at all (lxml refuses them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _add(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: _clean(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def atom_feed(
    entries: Sequence[FeedEntry],
    *,
    lang: str,
    feed_url: str,
    site_url: str,
    title: str,
    updated: DateLike | None,
    subtitle: str | None = None,
    author: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> str:
    """An Atom 1.0 document. `updated=None` means the newest entry's date
    (or 1970 for an empty feed), which keeps builds reproducible."""
    chosen = sort_entries(entries, limit)
    if updated is None:
        updated = chosen[0].updated if chosen else datetime(1970, 1, 1, tzinfo=timezone.utc)
    feed = etree.Element(f"{{{ATOM_NS}}}feed", nsmap={None: ATOM_NS})
    feed.set(XML_LANG, lang)
    _add(feed, "id", feed_url)
    _add(feed, "title", title, type="text")
    if subtitle:
        _add(feed, "subtitle", subtitle, type="text")
    _add(feed, "updated", rfc3339(updated))
    _add(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _add(feed, "link", rel="alternate", type="text/html", hreflang=lang, href=site_url)
    # RFC 4287 4.1.1: a feed needs an author unless every entry has one.
    _add(_add(feed, "author"), "name", author or title)
    for entry in chosen:
        element = _add(feed, "entry")
        element.set(XML_LANG, entry.lang)
        _add(element, "id", urljoin(site_url, entry.id))
        _add(element, "title", entry.title, type="text")
        _add(element, "link", rel="alternate", type="text/html", href=urljoin(site_url, entry.url))
        _add(element, "updated", rfc3339(entry.updated))
        _add(element, "category", term=entry.kind)
        _add(element, "summary", entry.summary or entry.title, type="text")
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True).decode("utf-8")
