"""The home page's people: a bounded set of case cards, the urgent first.

With 10,000 cases the home page still shows a handful of faces; the case index
does the rest. "Urgent" means the person is still held or missing (held_for has
an answer); within each group the most recently verified come first.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Callable

from sawt.data.model import Archive, Case, Lang
from sawt.render.held import HeldFor, held_for
from sawt.render.markup import render_block
from sawt.render.portrait import portrait_html

#: Cards on the home page: one phone screen or two, whatever the archive's size.
HOME_CARDS = 6


@dataclass(frozen=True)
class PersonCard:
    case: Case
    url: str
    held: HeldFor | None
    portrait: str  # the other designer's portrait or placeholder (sawt.render.portrait)


def _priority(case: Case) -> tuple[bool, tuple[int, int, int], str]:
    verified = case.last_verified.sort_key() if case.last_verified else (0, 0, 0)
    return (held_for(case, "en") is not None, verified, case.slug)


def home_people(archive: Archive, lang: Lang, *, case_url: Callable[[str], str], limit: int = HOME_CARDS) -> list[PersonCard]:
    """The `limit` cards to show: still held or missing first, then the most recently verified.
    heapq keeps this one pass over the archive, not a sort of all of it."""
    chosen = heapq.nlargest(limit, archive.cases, key=_priority)
    # photo_url=None: the home page shows the placeholder until photos are published for it.
    return [
        PersonCard(case=case, url=case_url(case.slug), held=held_for(case, lang),
                   portrait=portrait_html(case, lang, photo_url=None, size="small"))
        for case in chosen
    ]


def home_people_html(archive: Archive, lang: Lang, *, case_url: Callable[[str], str], cases_root: str, limit: int = HOME_CARDS) -> str:
    cards = home_people(archive, lang, case_url=case_url, limit=limit)
    return render_block("home_people.html.j2", lang, cards=cards, total=len(archive.cases), cases_root=cases_root)
