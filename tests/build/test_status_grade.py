"""A case page's status shows the grade of the event it rests on (Case.status_event), linked to
that grade's definition on the Methodology page, in both languages; read from the built site."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.build.site_html import soup, url_path

pytestmark = pytest.mark.build

# (case, language, what the reader sees beside the status, the anchor it leads to)
EXPECTED = [
    # Arrested 19 April 2023 (single-source: SNHR's statement is the one copy held), still detained.
    ("saleh-al-samar", "en", "Grade: Single source", "grade-single-source"),
    ("saleh-al-samar", "ar", "الدرجة: مصدر واحد", "grade-single-source"),
    # Disappeared with no disappearance event of its own: the status rests on the graded arrest.
    ("osama", "en", "Grade: Single source", "grade-single-source"),
    # Its disappearance is not graded.
    ("youssef-al-hamad", "en", "Not graded", "grade-none"),
    ("youssef-al-hamad", "ar", "غير مُقيَّم", "grade-none"),
]


@pytest.mark.parametrize("slug, lang, label, anchor", EXPECTED, ids=[f"{e[0]}-{e[1]}" for e in EXPECTED])
def test_the_status_shows_its_grade_linked_to_the_definition(site_dir: Path, slug, lang, label, anchor):
    prefix = "ar/" if lang == "ar" else ""
    page = site_dir / prefix / "cases" / slug / "index.html"
    status = soup(page).select_one(".sawt-case__status")
    assert status is not None, page
    links = status.select("a.sawt-grade")
    assert len(links) == 1, status
    link = links[0]
    assert link.get_text(" ", strip=True) == label
    # The link leads to the definition itself, on the Methodology page in the same language.
    target = urljoin(url_path(site_dir, page), link["href"])
    path, _, fragment = target.partition("#")
    assert path == f"/{prefix}methodology/" and fragment == anchor, target
    methodology = soup(site_dir / prefix / "methodology" / "index.html")
    definition = methodology.find(id=anchor)
    assert definition is not None and definition.name == "dt", f"no definition #{anchor} on {path}"
    shown = label.split(": ", 1)[-1]
    assert definition.get_text(" ", strip=True).startswith(shown)
    # The same grade is what the search index files the case under.
    assert status.find_parent(attrs={"data-sawt-case": slug})["data-sawt-grade-label"] == shown
