"""No case name on a listing runs into a neighbouring word (issue 9, defect 1).

"Osama" followed by an inline "Arrested" reads as "OsamaArrested"; in Arabic the letters even
join. What counts is the text a reader gets: block boundaries separate, inline boundaries don't.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from sawt.dates import archive_today
from sawt.data.load import load_archive
from tests.build.site_html import html_pages, page_language, soup, url_path
from tests.conftest import ROOT

pytestmark = pytest.mark.build

# Elements that flow inside a line: their edges add no space. Everything else (p, li, td, div,
# svg text, br...) is taken as a line break, so only real glue within one line is caught.
INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins", "kbd",
    "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
}
SKIPPED = {"script", "style", "template", "head"}


def reader_text(node: Tag) -> str:
    parts: list[str] = []

    def walk(element: Tag) -> None:
        for child in element.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(str(child))
            elif isinstance(child, Tag) and child.name not in SKIPPED:
                inline = child.name in INLINE
                if not inline:
                    parts.append("\n")
                walk(child)
                if not inline:
                    parts.append("\n")

    walk(node)
    return "".join(parts)


def listing_pages(site_dir: Path) -> list[Path]:
    """Home, case index (every page), figures, and every page with a timeline, in both languages."""
    listings = {"/", "/cases/", "/figures/"}
    pages = []
    for path in html_pages(site_dir):
        url = url_path(site_dir, path).removeprefix("/ar")
        doc: BeautifulSoup = soup(path)
        if url in listings or url.startswith("/cases/page/") or doc.select_one(".sawt-timeline"):
            pages.append(path)
    return pages


def glued(text: str, name: str) -> list[str]:
    found, start = [], text.find(name)
    while start != -1:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if before.isalpha() or after.isalpha():
            found.append(text[max(0, start - 15): end + 15].replace("\n", " "))
        start = text.find(name, end)
    return found


def test_no_case_name_is_glued_to_a_letter_on_any_listing(site_dir: Path):
    cases = load_archive(ROOT / "data", today=archive_today()).cases
    pages = listing_pages(site_dir)
    languages = {page_language(site_dir, page) for page in pages}
    assert languages == {"en", "ar"} and any(soup(p).select_one(".sawt-timeline__case") for p in pages)
    problems = []
    for page in pages:
        text = reader_text(soup(page).body)
        for case in cases:
            for name in {case.name.en, case.name.ar}:
                problems += [f"{url_path(site_dir, page)}: {snippet!r}" for snippet in glued(text, name)]
    assert problems == [], "case names glued to a neighbouring letter:\n" + "\n".join(problems)
