"""The home page's people: a bounded set of case cards, the urgent first.

With 10,000 cases the home page still shows a handful of faces; the case index
does the rest. "Urgent" means the person is still held or missing (held_for has
an answer); within each group the most recently verified come first.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Callable

from sawt.data.model import LANGS, Archive, Case, Lang
from sawt.data.photos import published_photo_path
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
    return (held_for(case, LANGS[0]) is not None, verified, case.slug)  # held somewhere known, in any language


def home_people(archive: Archive, lang: Lang, *, case_url: Callable[[str], str], site_root: str = "",
                limit: int = HOME_CARDS) -> list[PersonCard]:
    """The `limit` cards to show: still held or missing first, then the most recently verified.
    heapq keeps this one pass over the archive, not a sort of all of it. `site_root` is the
    site's root relative to the page (photos are published there, see sawt.data.photos)."""
    chosen = heapq.nlargest(limit, archive.cases, key=_priority)
    return [
        PersonCard(case=case, url=case_url(case.slug), held=held_for(case, lang),
                   portrait=portrait_html(case, lang, size="small",
                                          photo_url=site_root + published_photo_path(case.slug, case.photo) if case.photo else None))
        for case in chosen
    ]


def home_people_html(archive: Archive, lang: Lang, *, case_url: Callable[[str], str], cases_root: str, limit: int = HOME_CARDS) -> str:
    site_root = cases_root.removesuffix("cases/")  # cases_root is "<root>cases/" by contract (shortcodes.cases_root_from)
    cards = home_people(archive, lang, case_url=case_url, site_root=site_root, limit=limit)
    return render_block("home_people.html.j2", lang, cards=cards, total=len(archive.cases), cases_root=cases_root)
