"""Timelines for the `sawt:timeline` shortcode: the whole archive, or one case."""

from __future__ import annotations

from typing import Callable, Sequence

from sawt.data.model import Archive, Case, Lang
from sawt.render.markup import render_block
from sawt.render.timeline import ARCHIVE_TIMELINE_CASE_EVENTS, TimelineEntry, case_timeline, recent_timeline


def timeline_entries(case: Case) -> tuple[TimelineEntry, ...]:
    """One case's events as timeline entries."""
    return tuple(
        TimelineEntry(date=event.date, text=event.text, source=event.source, case=case, event=event)
        for event in case_timeline(case)
    )


def timeline_html(entries: Sequence[TimelineEntry], lang: Lang, *, case_url: Callable[[str], str], single_case: bool = False,
                  left_out: int = 0, cases_root: str = "") -> str:
    """An <ol class="sawt-timeline">. With `single_case` the case name is left out of each line;
    with `left_out`, a note before it says how many earlier events are only on their case pages."""
    return render_block("timeline.html.j2", lang, entries=entries, case_url=case_url, single_case=single_case,
                        left_out=left_out, shown=sum(not entry.is_context for entry in entries), cases_root=cases_root)


def archive_timeline_html(archive: Archive, lang: Lang, *, case_url: Callable[[str], str], cases_root: str = "",
                          case_events: int = ARCHIVE_TIMELINE_CASE_EVENTS) -> str:
    """Every context event and the latest `case_events` events of published cases, in date order."""
    entries, left_out = recent_timeline(archive, case_events)
    return timeline_html(entries, lang, case_url=case_url, left_out=left_out, cases_root=cases_root)


def case_timeline_html(case: Case, lang: Lang, *, case_url: Callable[[str], str]) -> str:
    return timeline_html(timeline_entries(case), lang, case_url=case_url, single_case=True)
