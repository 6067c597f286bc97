"""Events in date order, for one case or for the whole archive.

Partial dates sort by (year, month or 0, day or 0): an event known only to the
year comes before the dated events of that year, a month before its days. Ties
keep the order they were written in (the sort is stable), so two events on the
same day stay in the file's order.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    the case events happen against), then case events by case slug.
    """
    entries: list[tuple[tuple[int, int, int], int, str, TimelineEntry]] = []
    for order, context in enumerate(archive.context_events):
        entry = TimelineEntry(date=context.date, text=context.text, source=context.source, context=context)
        entries.append((context.date.sort_key(), 0, f"{order:09d}", entry))
    for case in archive.cases:
        for event in case_timeline(case):
            entry = TimelineEntry(date=event.date, text=event.text, source=event.source, case=case, event=event)
            entries.append((event.date.sort_key(), 1, case.slug, entry))
    entries.sort(key=lambda item: item[:3])
    return tuple(item[3] for item in entries)


#: The archive-wide timeline shows at most this many case events, the latest ones: at
#: 100,000 cases the whole of it would be a page of 300,000 events, unreadable on a
#: phone and seconds of build time. Each case's own page keeps all of its events.
ARCHIVE_TIMELINE_CASE_EVENTS = 500


def recent_timeline(archive: Archive, case_events: int = ARCHIVE_TIMELINE_CASE_EVENTS) -> tuple[tuple[TimelineEntry, ...], int]:
    """`global_timeline` with only its latest `case_events` case events (every context
    event stays), and how many case events were left out."""
    everything = global_timeline(archive)
    positions = [i for i, entry in enumerate(everything) if not entry.is_context]
    if len(positions) <= case_events:
        return everything, 0
    kept = set(positions[-case_events:])  # in date order: the last are the latest
    return tuple(e for i, e in enumerate(everything) if e.is_context or i in kept), len(positions) - case_events
