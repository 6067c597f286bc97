"""The ZIM file in a Kiwix reader: Debian's kiwix-serve (kiwix-tools 3.3.0), with its default
toolbar injected into every page, on a loopback port, read in Chromium. A reader opens both
homes, a case, switches language, and finds cases with Kiwix's own search from the page's
search box and from kiwix-serve's toolbar; no console error, no request outside the server."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.conftest import local_server, screenshot

pytestmark = pytest.mark.browser

BOOK = "sawt"  # kiwix-serve names a book after its file: sample_zim is sawt.zim


@pytest.fixture(scope="module")
def kiwix_url(sample_zim: Path, tmp_path_factory):
    if shutil.which("kiwix-serve") is None:
        pytest.fail("kiwix-serve is missing: install Debian's kiwix-tools (make test does it as root)")
    assert sample_zim.stem == BOOK
    work = tmp_path_factory.mktemp("kiwix")
    with local_server(lambda port: ["kiwix-serve", "--address", "127.0.0.1", "--port", str(port), str(sample_zim)],
                      work, ready_path=f"/{BOOK}/index.html", name="kiwix-serve", start_timeout=30) as url:
        yield url


def _kiwix_own_favicon(message) -> bool:
    """kiwix-serve's search results page (its own page, not the ZIM's) names no icon, so
    Chromium asks the server for /favicon.ico, which kiwix-serve 3.3 answers 404: a console
    error outside the ZIM, and the one this test lets pass."""
    return message.location.get("url", "").endswith("/favicon.ico") and "/search?" in message.page.url


def _watched(browser, width: int):
    """A page whose console errors, page errors, failed or refused requests and every
    requested address are recorded."""
    mobile = width < 600
    context = browser.new_context(viewport={"width": width, "height": 844 if mobile else 900},
                                  is_mobile=mobile, has_touch=mobile)
    page = context.new_page()
    page.problems, page.requests = [], []
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text} ({m.location.get('url')})")
            if m.type == "error" and not _kiwix_own_favicon(m) else None)
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: page.problems.append(f"failed: {r.url} {r.failure}")
            if r.failure != "net::ERR_ABORTED" else None)
    page.on("response", lambda r: page.problems.append(f"{r.status}: {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: page.requests.append(r.url))
    return context, page


@pytest.fixture(params=[390, 1280], ids=["phone", "desktop"])
def reader(browser, request):
    context, page = _watched(browser, request.param)
    page.width = request.param
    yield page
    context.close()


def _search_results(page) -> list[str]:
    """The pages kiwix-serve's search results page links to, as ZIM paths."""
    page.wait_for_url("**/search?**")
    links = page.eval_on_selector_all(f'a[href^="/{BOOK}/"]', "links => links.map(a => a.getAttribute('href'))")
    return [link.removeprefix(f"/{BOOK}/") for link in links]


def test_a_reader_opens_both_homes_a_case_and_switches_language(reader, kiwix_url):
    page = reader
    page.goto(f"{kiwix_url}/{BOOK}/index.html")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.locator("#kiwixtoolbar").count() == 1  # kiwix-serve's default toolbar is on the page
    page.click("[data-sawt-switch=ar]")
    page.wait_for_url(f"{kiwix_url}/{BOOK}/ar/index.html")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    page.locator('a[href="cases/osama/index.html"]').first.click()
    page.wait_for_url(f"{kiwix_url}/{BOOK}/ar/cases/osama/index.html")
    expect(page.locator("article h1")).to_contain_text("أسامة")
    toolbar, header = page.locator("#kiwixtoolbar").bounding_box(), page.locator(".md-header").bounding_box()
    assert header["y"] >= toolbar["y"] + toolbar["height"] - 0.5, "the site's header is under kiwix-serve's toolbar"
    page.evaluate("document.fonts.ready")
    assert page.evaluate("[...document.fonts].some(f => f.status === 'loaded')"), "no web font loaded from the ZIM"
    screenshot(page, f"zim-kiwix-case-ar-{page.width}")

    page.click("[data-sawt-switch=en]")
    page.wait_for_url(f"{kiwix_url}/{BOOK}/cases/osama/index.html")
    expect(page.locator("article h1")).to_contain_text("Osama")

    assert page.problems == []
    assert [url for url in page.requests if not url.startswith(kiwix_url + "/")] == []


@pytest.mark.parametrize(("query", "expected"), [
    ("أسامة", "ar/cases/osama/index.html"),
    ("اسامة", "ar/cases/osama/index.html"),
    ("اسامه", "ar/cases/osama/index.html"),
    ("Saleh", "cases/saleh-al-samar/index.html"),
    ("السمر", "ar/cases/saleh-al-samar/index.html"),
])
def test_the_page_search_box_asks_kiwix_and_finds_the_case(browser, kiwix_url, query, expected):
    context, page = _watched(browser, 1280)
    try:
        start = "ar/index.html" if expected.startswith("ar/") else "index.html"
        page.goto(f"{kiwix_url}/{BOOK}/{start}")
        box = page.locator("form[data-sawt-kiwix-search] input[name=pattern]")
        box.fill(query)
        box.press("Enter")
        found = _search_results(page)
        assert expected in found, found
        page.locator(f'a[href="/{BOOK}/{expected}"]').first.click()
        page.wait_for_url(f"{kiwix_url}/{BOOK}/{expected}")
        assert page.problems == []
        assert [url for url in page.requests if not url.startswith(kiwix_url + "/")] == []
    finally:
        context.close()


def test_kiwix_serves_toolbar_search_finds_the_arabic_case(reader, kiwix_url):
    page = reader
    page.goto(f"{kiwix_url}/{BOOK}/ar/cases/saleh-al-samar/index.html")
    page.fill("#kiwixsearchbox", "اسامه")
    page.press("#kiwixsearchbox", "Enter")
    assert "ar/cases/osama/index.html" in _search_results(page)
    screenshot(page, f"zim-kiwix-search-ar-{page.width}")
    assert page.problems == []
    assert [url for url in page.requests if not url.startswith(kiwix_url + "/")] == []


def test_a_search_address_for_a_renamed_file_is_read_from_where_the_page_is_served(browser, kiwix_url):
    """The form's fallback names the file it was written as; its script reads the book from the address."""
    context, page = _watched(browser, 1280)
    try:
        page.goto(f"{kiwix_url}/{BOOK}/ar/cases/osama/index.html")
        form = page.locator("form[data-sawt-kiwix-search]")
        expect(form).to_have_attribute("action", f"{kiwix_url}/search")
        assert form.locator("input[name=content]").input_value() == BOOK
    finally:
        context.close()
