"""A first view stays light: each page downloads only the small font files for the letters
it shows (sawt/fonts.py), and no file twice."""

from __future__ import annotations

from collections import Counter

import pytest

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
