"""Events in date order, for one case or for the whole archive.

Partial dates sort by (year, month or 0, day or 0): an event known only to the
year comes before the dated events of that year, a month before its days. Ties
keep the order they were written in (the sort is stable), so two events on the
same day stay in the file's order.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Iterator

from sawt.data.model import Archive, Case, ContextEvent, Event, PartialDate, Source, Text


@dataclass(frozen=True)
class TimelineEntry:
    """One line of the global timeline: a case's event, or a context event."""

    date: PartialDate
    text: Text
    source: Source | None
    case: Case | None = None  # set for a case's event
    event: Event | None = None  # the case event itself (type, place, by)
    context: ContextEvent | None = None  # set for a context event

    @property
    def is_context(self) -> bool:
        return self.case is None


def case_timeline(case: Case) -> tuple[Event, ...]:
    """A case's events in date order."""
    return tuple(sorted(case.events, key=lambda e: e.date.sort_key()))


def global_timeline(archive: Archive) -> tuple[TimelineEntry, ...]:
    """Every published case's events and every context event, in date order.

    On the same date a context event comes first (it is usually the background
    the case events happen against), then case events by case slug, then in their
    case's order.
    """
    return _in_order(archive, list(_keyed_case_events(archive)))


def _keyed_case_events(archive: Archive) -> Iterator[tuple[tuple[int, int, int], str, int, Case, Event]]:
    """Each case event with its place in the timeline: (date, case slug, place in the archive)."""
    events = ((case, event) for case in archive.cases for event in case.events)
    return ((event.date.sort_key(), case.slug, order, case, event) for order, (case, event) in enumerate(events))


def _in_order(archive: Archive, case_events: list[tuple[tuple[int, int, int], str, int, Case, Event]]) -> tuple[TimelineEntry, ...]:
    """Every context event and the given keyed case events, as timeline entries in date order."""
    entries: list[tuple[tuple[int, int, int], int, str, int, TimelineEntry]] = [
        (context.date.sort_key(), 0, "", order, TimelineEntry(date=context.date, text=context.text, source=context.source, context=context))
        for order, context in enumerate(archive.context_events)
    ]
    entries += [(key, 1, slug, order, TimelineEntry(date=event.date, text=event.text, source=event.source, case=case, event=event))
                for key, slug, order, case, event in case_events]
    entries.sort(key=lambda item: item[:4])
    return tuple(item[4] for item in entries)


#: The archive-wide timeline shows at most this many case events, the latest ones: at
#: 100,000 cases the whole of it would be a page of 300,000 events, unreadable on a
#: phone and seconds of build time. Each case's own page keeps all of its events.
ARCHIVE_TIMELINE_CASE_EVENTS = 500


def recent_timeline(archive: Archive, case_events: int = ARCHIVE_TIMELINE_CASE_EVENTS) -> tuple[tuple[TimelineEntry, ...], int]:
    """`global_timeline` with only its latest `case_events` case events (every context
    event stays), and how many case events were left out.

    The latest are picked before any entry is made or the whole is sorted (at 10,000 cases
    that was 30,000 entries sorted twice a build to keep 500): the largest timeline keys
    are the last in its order."""
    total = sum(len(case.events) for case in archive.cases)
    if total <= case_events:
        return global_timeline(archive), 0
    latest = heapq.nlargest(case_events, _keyed_case_events(archive), key=lambda item: item[:3])
    return _in_order(archive, latest), total - len(latest)
