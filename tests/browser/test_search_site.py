"""Search on the sample site, in Chromium: the way people really type, in both languages.

Every query goes through window.sawtSearch, the same path as the search box; a
few go through the box itself (type, wait, read the results).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# (page the reader is on, what they type, the page that must be in the top 3)
QUERIES = [
    # Arabic site: names, with and without hamza, ال, tashkeel, prefixes
    ("/ar/", "صالح نمر السمر", "/ar/cases/saleh-al-samar/"),
    ("/ar/", "السمر", "/ar/cases/saleh-al-samar/"),
    ("/ar/", "سمر", "/ar/cases/saleh-al-samar/"),
    ("/ar/", "والسمر", "/ar/cases/saleh-al-samar/"),
    ("/ar/", "صالِح", "/ar/cases/saleh-al-samar/"),
    ("/ar/", "اسامه", "/ar/cases/osama/"),
    ("/ar/", "أسامة", "/ar/cases/osama/"),
    ("/ar/", "يوسف الحمد", "/ar/cases/youssef-al-hamad/"),
    ("/ar/", "احمد", "/ar/cases/muhannad-muhammad-al-ahmad/"),
    ("/ar/", "الاحمد", "/ar/cases/muhannad-muhammad-al-ahmad/"),
    ("/ar/", "مهند", "/ar/cases/muhannad-muhammad-al-ahmad/"),
    ("/ar/", "معاذ الصمادي", "/ar/cases/moath-ata-al-smadi/"),
    ("/ar/", "عبد اللطيف", "/ar/cases/muhammad-abdulatif/"),
    # Latin spellings on the Arabic site (names and aliases across scripts)
    ("/ar/", "al-Samar", "/ar/cases/saleh-al-samar/"),
    ("/ar/", "Saleh", "/ar/cases/saleh-al-samar/"),
    ("/ar/", "Osama", "/ar/cases/osama/"),
    # places and institutions, with prefixes
    ("/ar/", "اللبوة", "/ar/cases/saleh-al-samar/"),
    ("/ar/", "لبوة", "/ar/cases/saleh-al-samar/"),
    ("/ar/", "باللبوة", "/ar/cases/saleh-al-samar/"),
    ("/ar/", "الفرقة الرابعة", "/ar/cases/osama/"),
    ("/ar/", "كونوا صوتهم", "/ar/appeals/be-their-voice/"),
    ("/ar/", "المعتقلين السياسيين", "/ar/appeals/be-their-voice/"),
    # digits in both scripts
    ("/ar/", "٢٠٢٣", "/ar/cases/saleh-al-samar/"),
    ("/ar/", "2023", "/ar/cases/saleh-al-samar/"),
    ("/ar/", "٨٧٤", "/ar/figures/"),
    # English site
    ("/", "Saleh al-Samar", "/cases/saleh-al-samar/"),
    ("/", "Samar", "/cases/saleh-al-samar/"),
    ("/", "Labweh", "/cases/saleh-al-samar/"),
    ("/", "Youssef", "/cases/youssef-al-hamad/"),
    ("/", "Abdulatif", "/cases/muhammad-abdulatif/"),
    ("/", "Muhannad", "/cases/muhannad-muhammad-al-ahmad/"),
    ("/", "Fourth Division", "/cases/osama/"),
    ("/", "BeTheirVoice", "/appeals/be-their-voice/"),
    ("/", "hand over officers", "/news/2025-11-extradition-talks/"),
    ("/", "guillotine", "/reports/defectors-under-the-guillotine/"),
    ("/", "874", "/figures/"),
    ("/", "صالح", "/cases/saleh-al-samar/"),  # the Arabic spelling on the English site
]


@pytest.fixture()
def search(page, base_url):
    """sawtSearch on a page, loaded once per language for the whole table."""
    loaded: dict[str, object] = {}

    def run(start: str, query: str) -> list[str]:
        if loaded.get("start") != start:
            page.goto(base_url + start)
            loaded["start"] = start
        results = page.evaluate("q => window.sawtSearch(q)", query)
        return [r["url"] for r in results]

    return run


def test_the_search_ui_is_not_downloaded_until_the_reader_heads_for_it(page, base_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + "/ar/", wait_until="networkidle")
    assert not [u for u in requested if "/pagefind/" in u]
    page.keyboard.press("Control+k")
    expect(page.locator("pagefind-modal pagefind-input input")).to_be_visible(timeout=5000)
    assert [u for u in requested if "pagefind-component-ui.js" in u]


def test_query_table(search):
    misses = []
    for start, query, expected in QUERIES:
        urls = search(start, query)
        if expected not in urls[:3]:
            misses.append(f"{start} {query!r}: expected {expected} in top 3, got {urls[:3]}")
        lang_prefix = start.startswith("/ar/")
        assert all(u.startswith("/ar/") == lang_prefix for u in urls), (query, urls)  # own language only
    assert misses == [], "\n".join(misses)
    assert len(QUERIES) >= 30


def test_case_page_ranks_above_pages_that_mention_the_name(search):
    for start, query, case in (("/ar/", "السمر", "/ar/cases/saleh-al-samar/"), ("/", "Samar", "/cases/saleh-al-samar/")):
        assert search(start, query)[0] == case


@pytest.mark.parametrize(
    ("start", "typed", "expected", "status"),
    [("/ar/cases/", "اسامه", "/ar/cases/osama/", "مختفٍ قسرياً"), ("/about/", "Samar", "/cases/saleh-al-samar/", "Detained")],
)
def test_the_search_box_shows_results_with_status_and_the_original_text(page, base_url, start, typed, expected, status):
    page.goto(base_url + start)
    page.click("[data-sawt-search] button")  # loads the search UI and opens it
    expect(page.locator("pagefind-modal pagefind-input input")).to_be_focused(timeout=5000)
    page.keyboard.type(typed)
    first = page.locator("pagefind-results a").first
    expect(first).to_be_visible(timeout=5000)
    # Results appear as the reader types: those for "S", "Sa" ... come first. Wait for the
    # whole word's (a wrong final result still fails here, after the timeout).
    expect(first).to_have_attribute("href", re.compile(re.escape(expected) + "$"), timeout=5000)
    assert first.get_attribute("href").endswith(expected)
    results = page.locator("pagefind-results").inner_text()
    assert status in results
    marks = page.locator("pagefind-results mark").all_inner_texts()
    assert marks, "the match is highlighted"


# The grade filter: each case page is filed under the grade of the event its status rests on
# (Case.status_event), named in the page's language. In the sample, Saleh al-Samar's arrest and
# Osama's (his disappearance rests on it) are single-source; the other cases' are not graded.
SINGLE_SOURCE = {"en": "Single source", "ar": "مصدر واحد"}
NOT_GRADED = {"en": "Not graded", "ar": "غير مُقيَّم"}
GRADED_CASES = {"saleh-al-samar", "osama"}
UNGRADED_CASES = {"youssef-al-hamad", "muhannad-muhammad-al-ahmad", "muhammad-abdulatif", "moath-ata-al-smadi"}


def _filtered(page, query, grade: str) -> list[dict]:
    return page.evaluate("([q, g]) => window.sawtSearch(q, 50, {filters: {grade: g}})", [query, grade])


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_search_filtered_by_grade_finds_only_cases_of_that_grade(page, base_url, lang):
    prefix = "/ar/" if lang == "ar" else "/"
    page.goto(base_url + prefix)
    case_url = (prefix + "cases/{}/").format
    # Every page of that grade, and only those (null: no query, the filter alone).
    graded = _filtered(page, None, SINGLE_SOURCE[lang])
    assert {r["url"] for r in graded} == {case_url(slug) for slug in GRADED_CASES}
    assert all(r["grade"] == [SINGLE_SOURCE[lang]] for r in graded)
    ungraded = _filtered(page, None, NOT_GRADED[lang])
    assert {r["url"] for r in ungraded} == {case_url(slug) for slug in UNGRADED_CASES}
    # With a query: "2020" is on both kinds of case (Osama's arrest, the bodies returned in 2020),
    # and the filter keeps those of its grade.
    unfiltered = {r["url"] for r in page.evaluate("q => window.sawtSearch(q, 50)", "2020")}
    assert case_url("osama") in unfiltered and case_url("youssef-al-hamad") in unfiltered
    assert {r["url"] for r in _filtered(page, "2020", SINGLE_SOURCE[lang])} == {case_url("osama")}
    assert case_url("osama") not in {r["url"] for r in _filtered(page, "2020", NOT_GRADED[lang])}


@pytest.mark.parametrize(("start", "label", "grade"), [("/cases/", "Grade", "Single source"), ("/ar/", "الدرجة", "مصدر واحد")])
def test_the_search_box_lets_the_reader_choose_a_grade(page, base_url, start, label, grade):
    page.goto(base_url + start)
    page.click("[data-sawt-search] button")
    expect(page.locator("pagefind-modal pagefind-input input")).to_be_focused(timeout=5000)
    page.keyboard.type("2020")
    results = page.locator("pagefind-results .pf-result-link")
    expect(results.first).to_be_visible(timeout=5000)
    # Results appear as the reader types: wait for the whole word's, which include an ungraded case.
    expect(page.locator("pagefind-results .pf-result-link[href$='cases/youssef-al-hamad/']")).to_have_count(1, timeout=5000)
    dropdown = page.locator("pagefind-filter-dropdown[filter='grade'] .pf-dropdown-trigger")
    expect(dropdown).to_have_text(re.compile(label))
    dropdown.click()
    option = page.locator("pagefind-filter-dropdown[filter='grade'] .pf-dropdown-option", has_text=grade)
    expect(option).to_be_visible()
    option.click()
    # Only the single-source case "2020" finds remains: Osama, in the page's language.
    expected = ("/ar/" if start.startswith("/ar/") else "/") + "cases/osama/"
    expect(results).to_have_count(1, timeout=5000)
    expect(results.first).to_have_attribute("href", re.compile(re.escape(expected) + "$"))
