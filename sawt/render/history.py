"""A case page's "History of this record": the days its public fields changed, newest first
(sawt/data/history.py decides what is shown), with the correction note of that day, if any."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from sawt.data.history import UNAVAILABLE, CaseHistory, HistoryEntry
from sawt.data.model import Case, Lang, PartialDate
from sawt.render import strings
from sawt.render.markup import render_block

#: The section's fixed id: /cases/x/#history in both languages.
ANCHOR = "history"


@dataclass(frozen=True)
class _Item:
    entry: HistoryEntry
    day: PartialDate
    changes: Markup  # the changes' names in the page's language, joined
    notes: tuple[str, ...]  # the correction notes dated that day


def history_html(case: Case, history: CaseHistory, lang: Lang) -> str:
    """The section's body (its heading is the page's). Without entries (the history cannot be read
    in this build, or the case file was never committed as published) it says the history is not
    available: never a shorter history than the real one."""
    if not history.entries:
        history = UNAVAILABLE
    separator = strings.text("list_separator", lang)
    items = []
    for entry in history.entries:
        day = PartialDate(entry.day.year, entry.day.month, entry.day.day)
        notes = tuple(correction.text[lang] for correction in case.corrections
                      if correction.date.precision == "day" and correction.date == day)
        items.append(_Item(entry=entry, day=day, notes=notes,
                           changes=Markup(escape(separator)).join(strings.text(f"history:{change}", lang)
                                                                  for change in entry.changes)))
    return render_block("case_history.html.j2", lang, history=history, items=items)
