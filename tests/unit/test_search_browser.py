"""Search in Chromium on the fixture site: the table's pairs, names across scripts,
ranking, status, per-language indexes, the header UI, and the offline copy.

Everything goes through window.sawtSearch, the same path the header UI uses.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from sawt.outputs.search.index import CASE_PAGES_PER_SHARD, build_search_index
from sawt.outputs.search.text import normalise_query
from tests.conftest import ARTIFACTS, serve
from tests.search_fixture.fixture_site import (
    CASE_URL,
    MENTION_URL,
    NOT_FOUND_WORD,
    OTHER_CASE_URL,
    pair_pages,
    write_fixture_site,
)

pytestmark = pytest.mark.browser

PAIR_PAGES = pair_pages()


@pytest.fixture(scope="module", params=["one bundle", "case shards"])
def search_site(request, tmp_path_factory) -> Path:
    """The fixture site indexed as one bundle, and with every case in a shard of its own
    that the browser merges in (as a large archive is): every test runs on both."""
    site = write_fixture_site(tmp_path_factory.mktemp("search-browser") / "site")
    report = build_search_index(site, case_pages_per_shard=1 if request.param == "case shards" else CASE_PAGES_PER_SHARD)
    assert report.shards == (2 if request.param == "case shards" else 0)
    return site


@pytest.fixture(scope="module")
def search_base(search_site):
    server, url = serve(search_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def pages(browser, search_base):
    """One loaded page per language, with its console errors collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = {}
    for lang, path in (("en", "/"), ("ar", "/ar/")):
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda error, page=page: page.errors.append(str(error)))
        page.on("console", lambda message, page=page: page.errors.append(message.text) if message.type == "error" else None)
        page.goto(search_base + path)
        page.wait_for_function("() => typeof window.sawtSearch === 'function'")
        opened[lang] = page
    yield opened
    context.close()


def search(page, query: str, limit: int = 20) -> list[dict]:
    return page.evaluate("([q, n]) => window.sawtSearch(q, n)", [query, limit])


@pytest.mark.parametrize("pair", PAIR_PAGES, ids=[f"{p.rule}: {p.query} -> {p.text}" for p in PAIR_PAGES])
def test_each_query_of_the_table_finds_its_text_and_quotes_it(pages, pair):
    results = search(pages[pair.lang], pair.query)
    found = [r for r in results if r["url"] == pair.url]
    assert found, f"{pair.query!r} did not find the page saying {pair.text!r}: {[r['url'] for r in results]}"
    excerpt = found[0]["excerpt"]
    # The excerpt quotes the page as written, with the match marked.
    assert f"<mark>{html.escape(pair.text, quote=False)}</mark>" in excerpt, excerpt
    normalised = normalise_query(pair.text)
    if normalised != pair.text:
        assert normalised not in excerpt.replace(pair.text, ""), excerpt


def test_an_arabic_page_searches_arabic_pages_only(pages):
    for query in ("Saleh", "2023", "السمر"):
        urls = [r["url"] for r in search(pages["ar"], query)]
        assert urls and all(url.startswith("/ar/") for url in urls), (query, urls)


def test_an_english_page_searches_english_pages_only(pages):
    for query in ("Saleh", "2023", "السمر"):
        urls = [r["url"] for r in search(pages["en"], query)]
        assert urls and not [url for url in urls if url.startswith("/ar/")], (query, urls)


@pytest.mark.parametrize(
    ("lang", "query"),
    [
        ("ar", "al-Samar"),
        ("ar", "Saleh al-Samar"),
        ("ar", "صالح السمر"),
        ("ar", "والسمر"),
        ("en", "صالح السمر"),
        ("en", "صالح نمر السمر"),
        ("en", "al-Samar"),
        ("en", "Saleh Nemer al-Samar"),
    ],
)
def test_a_case_is_found_by_its_name_in_either_script_and_ranks_first(pages, lang, query):
    results = search(pages[lang], query)
    assert results, query
    assert results[0]["url"] == CASE_URL[lang], [r["url"] for r in results]
    assert results[0]["status"] == ("محتجز" if lang == "ar" else "Detained")


@pytest.mark.parametrize(("lang", "query"), [("en", "Saleh Nemer al-Samar"), ("ar", "صالح نمر السمر")])
def test_the_case_page_ranks_above_a_page_that_mentions_the_name(pages, lang, query):
    urls = [r["url"] for r in search(pages[lang], query)]
    assert MENTION_URL[lang] in urls, urls
    assert urls.index(CASE_URL[lang]) < urls.index(MENTION_URL[lang])


def test_results_of_other_pages_have_no_status(pages):
    results = {r["url"]: r for r in search(pages["en"], "Saleh Nemer al-Samar")}
    assert results[MENTION_URL["en"]]["status"] is None
    assert search(pages["ar"], "مريم حداد")[0] == {
        "url": OTHER_CASE_URL["ar"],
        "title": "مريم حداد",
        "status": "أُفرج عنها",
        "grade": [],  # the fixture's pages carry no grade (sawt-search.js: the grade filter's values)
        "excerpt": search(pages["ar"], "مريم حداد")[0]["excerpt"],
    }


def test_titles_are_the_page_headings_without_permalink_signs(pages):
    titles = {r["title"] for r in search(pages["en"], "al-Samar")}
    assert "Saleh Nemer al-Samar" in titles and not [t for t in titles if "#" in t or "¶" in t]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_404_pages_and_page_chrome_are_not_indexed(pages, lang):
    assert search(pages[lang], NOT_FOUND_WORD[lang]) == []
    assert search(pages[lang], "footer" if lang == "en" else "الحاشية") == []


def test_no_script_errors_under_the_sites_content_security_policy(pages):
    search(pages["ar"], "السمر")
    for lang, page in pages.items():
        errors = [e for e in page.errors if "favicon" not in e and "404" not in e]
        assert errors == [], (lang, errors)


def test_the_header_ui_searches_through_the_same_path_in_arabic(browser, search_base):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(search_base + "/ar/")
    trigger = page.locator("[data-sawt-search] button").first
    trigger.wait_for()
    assert "ابحث في الأرشيف" in trigger.inner_text()
    trigger.click()
    field = page.locator("pagefind-modal pagefind-input input")
    field.wait_for()
    assert field.get_attribute("placeholder") == "ابحث في الأرشيف"
    field.fill("al-Samar")
    first = page.locator("pagefind-modal pagefind-results .pf-result").first
    first.wait_for(timeout=10_000)
    assert first.locator(".pf-result-link").inner_text() == "صالح نمر السمر"
    assert first.locator(".pf-result-link").get_attribute("href") == CASE_URL["ar"]
    assert first.locator(".sawt-search-status").inner_text() == "محتجز"
    assert page.locator("pagefind-modal dialog").get_attribute("dir") == "rtl" or page.evaluate(
        "getComputedStyle(document.querySelector('pagefind-modal pagefind-input input')).direction"
    ) == "rtl"
    field.fill("والمعتقلين")
    page.wait_for_function(
        "() => [...document.querySelectorAll('pagefind-modal .pf-result-excerpt mark')].some(m => m.textContent.includes('المعتقلين'))",
        timeout=10_000,
    )
    shot = ARTIFACTS / "screenshots" / "search-ar-modal.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot))
    context.close()


def test_the_header_ui_in_english_shows_status_and_highlight(browser, search_base):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(search_base + "/")
    page.locator("[data-sawt-search] button").first.click()
    field = page.locator("pagefind-modal pagefind-input input")
    field.fill("Saleh al-Samar")
    first = page.locator("pagefind-modal pagefind-results .pf-result").first
    first.wait_for(timeout=10_000)
    assert first.locator(".pf-result-link").inner_text() == "Saleh Nemer al-Samar"
    assert first.locator(".sawt-search-status").inner_text() == "Detained"
    assert first.locator(".pf-result-excerpt mark").count() >= 1
    shot = ARTIFACTS / "screenshots" / "search-en-modal.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shot))
    context.close()


@pytest.mark.parametrize(
    ("lang", "path", "message"),
    [
        ("en", "index.html", "Search needs the site to be served"),
        ("ar", "ar/index.html", "يحتاج البحث إلى تشغيل الموقع"),
    ],
)
def test_an_offline_copy_explains_instead_of_spinning(browser, search_site, lang, path, message):
    context = browser.new_context()
    page = context.new_page()
    page.goto((search_site / path).as_uri())
    page.wait_for_function("() => document.documentElement.getAttribute('data-sawt-search-state') === 'offline'")
    assert page.locator("pagefind-modal, pagefind-modal-trigger").count() == 0
    button = page.locator("[data-sawt-search] .sawt-search-offline")
    button.click()
    dialog = page.locator("[data-sawt-search] dialog.sawt-search-message")
    assert dialog.is_visible()
    assert message in dialog.inner_text()
    error = page.evaluate("window.sawtSearch('x').then(() => 'resolved', e => e.message)")
    assert message in error and "make serve" in error
    context.close()


def test_the_ui_reports_a_missing_search_bundle_in_the_page_language(browser, search_base):
    context = browser.new_context()
    page = context.new_page()
    page.route("**/pagefind/pagefind.js", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(search_base + "/ar/")
    page.locator("[data-sawt-search] button").first.click()
    page.locator("pagefind-modal pagefind-input input").fill("السمر")
    results = page.locator("pagefind-modal pagefind-results")
    page.wait_for_function(
        "() => (document.querySelector('pagefind-modal pagefind-results') || {}).textContent.includes('تعذّر تحميل البحث')",
        timeout=10_000,
    )
    assert page.locator("pagefind-modal .pf-skeleton").count() == 0
    assert "تعذّر تحميل البحث" in results.inner_text()
    error = page.evaluate("window.sawtSearch('x').then(() => 'resolved', e => 'rejected')")
    assert error == "rejected"
    context.close()


PARITY_SAMPLES = sorted(
    {p.query for p in PAIR_PAGES}
    | {p.text for p in PAIR_PAGES}
    | {
        'والمعتقلين "صالح  السمر" al-Samar ٢٠٢٣-٠٤-١٩',
        "ﻻجئ ﷲ",  # presentation forms (NFKC)
        "Ṣāliḥ AL-SAMAR İstanbul",
        "للّاجئين بالمـُعتقل كالأسد فالآن",
        "x_y ١٢٣abc ۴۵۶",
    }
)


def test_the_page_script_normalises_exactly_like_the_python_side(pages):
    from sawt.outputs.search.text import search_variants

    in_browser = pages["ar"].evaluate(
        "samples => samples.map(s => [window.sawtEngine.normaliseQuery(s), window.sawtEngine.searchVariants(s).sort()])",
        PARITY_SAMPLES,
    )
    for sample, (query, variants) in zip(PARITY_SAMPLES, in_browser):
        assert query == normalise_query(sample), sample
        if " " not in sample:
            assert variants == sorted(search_variants(sample)), sample
