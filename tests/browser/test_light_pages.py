"""A first view stays light: each page downloads only the small font files for the letters
it shows (sawt/fonts.py), and no file twice."""

from __future__ import annotations

from collections import Counter

import pytest

from sawt.outputs.offline import FONT_PRELOAD

pytestmark = pytest.mark.browser

PAGES = ["/", "/ar/", "/cases/saleh-al-samar/", "/ar/cases/saleh-al-samar/"]


def _first_view(browser, url: str) -> list[str]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    context.close()
    return requested


@pytest.mark.parametrize("path", PAGES)
def test_pages_fetch_only_the_core_font_subsets(browser, base_url, path):
    fonts = sorted(u.rsplit("/", 1)[-1] for u in _first_view(browser, base_url + path) if u.endswith(".woff2"))
    # The full Noto files (49 KB an Arabic weight) are for rare letters; these pages have none.
    assert fonts and all(name.startswith("sawt-") for name in fonts), fonts
    if not path.startswith("/ar/"):
        assert "sawt-arabic-700.woff2" in fonts  # the language switcher, العربية, is drawn in the site's font


PRELOAD_PAGES = [*PAGES, "/about/", "/ar/about/", "/cases/", "/ar/cases/", "/ar/figures/", "/appeals/be-their-voice/",
                 "/ar/appeals/be-their-voice/"]


def _fonts_fetched(browser, url: str, *, without_preloads: bool = False) -> tuple[list[str], list[str]]:
    """The font files a page fetched (one entry a request), and the ones its <head> preloads."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    if without_preloads:  # what the page's text alone asks for
        def strip(route):
            response = route.fetch()
            body = response.text()
            if "text/html" in response.headers.get("content-type", ""):
                body = FONT_PRELOAD.sub("", body)
            route.fulfill(response=response, body=body)
        page.route("**/*", strip)
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if request.resource_type == "font" else None)
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    preloaded = page.eval_on_selector_all('link[rel="preload"][as="font"]', "links => links.map(l => l.href)")
    context.close()
    return fetched, preloaded


@pytest.mark.parametrize("path", PRELOAD_PAGES)
def test_a_page_preloads_only_fonts_its_text_uses_and_fetches_each_once(browser, base_url, path):
    fetched, preloaded = _fonts_fetched(browser, base_url + path)
    assert preloaded, "no font is preloaded: the text waits for the stylesheets before its fonts are asked for"
    twice = [url for url, count in Counter(fetched).items() if count > 1]
    assert not twice, f"fetched twice (a preload that does not match the stylesheet's request): {twice}"
    used, none = _fonts_fetched(browser, base_url + path, without_preloads=True)
    assert none == []
    unused = sorted(set(preloaded) - set(used))
    assert not unused, f"preloaded but not used by the page's text: {unused}"
