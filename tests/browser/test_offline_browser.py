"""The offline copy in Chromium, unzipped and opened from file://: the first page,
navigation, the language switcher, search, the case index's filters; no console
error and no request that is not a file. And online: no sitemap.xml fetch."""

from __future__ import annotations

import re

import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from sawt.outputs.offline import SITE_FOLDER, make_copy
from tests.build.test_archive import PUBLISHED
from tests.conftest import screenshot

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_copy(site_dir: Path, tmp_path_factory) -> Path:
    """The session's build, made into the offline copy and zipped as `make offline`
    does (no second build), then unzipped: the folder a reader opens."""
    work = tmp_path_factory.mktemp("offline")
    shutil.copytree(site_dir, work / "copy" / SITE_FOLDER)
    make_copy(work / "copy", work / "sawt-offline.zip", built=date(2026, 12, 3))
    with zipfile.ZipFile(work / "sawt-offline.zip") as archive:
        archive.extractall(work / "unzipped")
    return work / "unzipped" / "sawt-offline"


@pytest.fixture()
def watched(browser):
    """A page whose console errors, page errors and requests are all recorded."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.problems = []
    page.requests = []
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    # A file that is missing or refused; not one whose loading a click to another page cut short.
    page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url} {r.failure}")
            if r.failure != "net::ERR_ABORTED" else None)
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


def _search_box(page, query: str):
    page.locator("[data-sawt-search] button").first.click()
    box = page.locator("pagefind-modal pagefind-input input")
    box.fill(query)
    return page.locator("pagefind-modal pagefind-results a.pf-result-link")


def test_a_reader_goes_from_the_first_page_to_a_case_switches_language_and_searches(watched, offline_copy):
    page = watched
    page.goto((offline_copy / "index.html").as_uri())
    assert "2026" in page.inner_text('section[lang="ar"]') and "3 December 2026" in page.inner_text('section[lang="en"]')
    screenshot(page, "offline-landing-390")
    page.click('a[href="site/ar/index.html"]')
    assert page.url.endswith(f"/{SITE_FOLDER}/ar/index.html")

    page.click('a[href="cases/osama/index.html"] >> nth=0')
    assert page.url.endswith("/ar/cases/osama/index.html")
    expect(page.locator("h1")).to_contain_text("أسامة")

    page.click("[data-sawt-switch=en]")
    assert page.url.endswith(f"/{SITE_FOLDER}/cases/osama/index.html"), page.url  # the same case, in English
    expect(page.locator("h1")).to_contain_text("Osama")

    # The search box, in English: a name typed in Latin letters.
    results = _search_box(page, "Saleh")
    expect(results.first).to_be_visible(timeout=15_000)
    # The first results shown may be an earlier query's (the index loads while the box fills):
    # wait for the whole word's; a wrong final result still fails here, after the timeout.
    expect(results.first).to_have_attribute("href", re.compile(r"/cases/saleh-al-samar/index\.html$"), timeout=15_000)
    assert results.first.get_attribute("href").endswith("/cases/saleh-al-samar/index.html")
    results.first.click()
    assert page.url.endswith(f"/{SITE_FOLDER}/cases/saleh-al-samar/index.html")

    # In Arabic, without the hamza the page writes (أسامة): the same folding as online.
    page.click("[data-sawt-switch=ar]")
    assert page.url.endswith(f"/{SITE_FOLDER}/ar/cases/saleh-al-samar/index.html")
    page.wait_for_function("() => typeof window.sawtSearch === 'function'")
    found = page.evaluate("window.sawtSearch('اسامه', 5)")
    assert found and found[0]["url"].endswith("/ar/cases/osama/index.html"), found
    results = _search_box(page, "اسامه")
    expect(results.first).to_be_visible(timeout=15_000)
    assert "/ar/cases/osama/index.html" in results.first.get_attribute("href")
    screenshot(page, "offline-search-ar-390")

    assert page.problems == []
    assert [url for url in page.requests if not url.startswith("file://")] == []


def test_the_case_index_filters_and_the_figures_show_offline(watched, offline_copy):
    page = watched
    page.goto((offline_copy / SITE_FOLDER / "cases" / "index.html").as_uri())
    page.select_option("form.sawt-filters select[name=status]", "died-in-custody")
    expected = sorted(s for s, c in PUBLISHED.items() if c["status"] == "died-in-custody")
    shown = page.eval_on_selector_all(
        "table.sawt-cases tbody tr:not([hidden]) a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert sorted(shown) == [f"{slug}/index.html" for slug in expected]
    for figures in ("figures/index.html", "ar/figures/index.html"):  # charts drawn from the data, both languages
        page.goto((offline_copy / SITE_FOLDER / figures).as_uri())
        assert page.locator("article svg, article .sawt-figure").count() > 0, figures
    assert page.problems == []
    assert [url for url in page.requests if not url.startswith("file://")] == []


def test_online_no_page_fetches_the_sitemap_and_the_switcher_keeps_the_page(page, base_url):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base_url + "/cases/saleh-al-samar/", wait_until="networkidle")
    page.click("[data-sawt-switch=ar]")
    page.wait_for_load_state("networkidle")
    assert page.url == base_url + "/ar/cases/saleh-al-samar/"
    assert [url for url in requested if "sitemap" in url] == []


@pytest.mark.parametrize("width", [390, 1280])
def test_the_first_page_passes_axe_and_reads_at_both_widths(browser, offline_copy, width):
    from tests.browser.test_axe import serious_violations

    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        assert serious_violations(page, (offline_copy / "index.html").as_uri()) == []
        screenshot(page, f"offline-landing-{width}")
    finally:
        context.close()


COMPARED_QUERIES = {"en": ["Saleh", "detained", "2023", "Lebanon deportation"], "ar": ["اسامه", "السمر", "معتقل", "والترحيل", "٢٠٢٣"]}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_offline_search_ranks_and_quotes_as_online(browser, base_url, offline_copy, lang):
    """The same Pagefind over the same index: the same pages in the same order, the same excerpts."""
    context = browser.new_context()
    try:
        online, offline = context.new_page(), context.new_page()
        prefix = "/ar/" if lang == "ar" else "/"
        online.goto(base_url + prefix)
        offline.goto((offline_copy / SITE_FOLDER / prefix.lstrip("/") / "index.html").as_uri())
        site_path = (offline_copy / SITE_FOLDER).as_uri().removeprefix("file://")
        for page in (online, offline):
            page.wait_for_function("() => typeof window.sawtSearch === 'function'")
        for query in COMPARED_QUERIES[lang]:
            want = online.evaluate("(q) => window.sawtSearch(q, 20)", query)
            got = offline.evaluate("(q) => window.sawtSearch(q, 20)", query)
            assert want, query
            for result in got:
                result["url"] = "/" + result["url"].removeprefix(site_path).lstrip("/").removesuffix("index.html")
            assert got == want, query
    finally:
        context.close()


@pytest.mark.parametrize("lang_path", ["cases/saleh-al-samar", "ar/cases/saleh-al-samar"])
def test_a_case_prints_on_one_a4_page_from_the_offline_copy(watched, offline_copy, tmp_path, lang_path):
    """Printing works from the folder as it does online: one A4 page, with the essentials."""
    import subprocess

    page = watched
    page.goto((offline_copy / "site" / lang_path / "index.html").as_uri())
    page.evaluate("document.fonts.ready")
    page.emulate_media(media="print")
    for essential in ("h1", ".sawt-status", ".sawt-ask", ".sawt-facts"):
        assert page.is_visible(essential), essential
    assert not page.is_visible(".md-header")
    out = tmp_path / "case.pdf"
    out.write_bytes(page.pdf(format="A4", print_background=True, prefer_css_page_size=True))
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1\n" in info and "(A4)" in info
    assert page.problems == [] and all(url.startswith("file://") for url in page.requests), (page.problems, page.requests)
