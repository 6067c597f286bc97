"""Timelines for the `sawt:timeline` shortcode: the whole archive, or one case."""

from __future__ import annotations

from typing import Callable, Sequence

from sawt.data.model import Archive, Case, Lang
from sawt.render.markup import render_block
from sawt.render.timeline import TimelineEntry, case_timeline, global_timeline


def timeline_entries(case: Case) -> tuple[TimelineEntry, ...]:
    """One case's events as timeline entries."""
    return tuple(
        TimelineEntry(date=event.date, text=event.text, source=event.source, case=case, event=event)
        for event in case_timeline(case)
    )


def timeline_html(entries: Sequence[TimelineEntry], lang: Lang, *, case_url: Callable[[str], str], single_case: bool = False) -> str:
    """An <ol class="sawt-timeline">. With `single_case` the case name is left out of each line."""
    return render_block("timeline.html.j2", lang, entries=entries, case_url=case_url, single_case=single_case)


def archive_timeline_html(archive: Archive, lang: Lang, *, case_url: Callable[[str], str]) -> str:
    """Every published case's events and every context event, in date order."""
    return timeline_html(global_timeline(archive), lang, case_url=case_url)


def case_timeline_html(case: Case, lang: Lang, *, case_url: Callable[[str], str]) -> str:
    return timeline_html(timeline_entries(case), lang, case_url=case_url, single_case=True)
