"""The site in Debian's Chromium: direction, fonts, switching, and no third-party requests."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from tests.conftest import screenshot

pytestmark = pytest.mark.browser


def test_arabic_home_is_right_to_left_in_the_self_hosted_arabic_font(page, base_url):
    page.goto(f"{base_url}/ar/")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl"
    loaded = page.evaluate(
        """() => [...document.fonts].filter(f => f.status === 'loaded')
                  .map(f => f.family.replaceAll('"', '') + ' ' + f.weight + ' ' + f.unicodeRange)"""
    )
    assert any(f.startswith("Sawt Sans") and "U+621-66D" in f for f in loaded), loaded  # the Arabic letters (sawt/fonts.py)
    assert page.evaluate("""document.fonts.check('16px "Sawt Sans"', 'صوت')""")
    screenshot(page, "home-ar")


def test_english_home_is_left_to_right(page, base_url):
    page.goto(f"{base_url}/")
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "ltr"
    screenshot(page, "home-en")


@pytest.mark.parametrize("start", ["/about/", "/ar/about/", "/", "/ar/"])
def test_switching_language_round_trips_to_the_same_page(page, base_url, start):
    page.goto(base_url + start)
    page.click("a[data-sawt-switch]")
    page.wait_for_load_state()
    other = urlparse(page.url).path
    assert other != start
    assert other.startswith("/ar/") != start.startswith("/ar/")
    assert other.removeprefix("/ar") == start.removeprefix("/ar")
    page.click("a[data-sawt-switch]")
    page.wait_for_load_state()
    assert urlparse(page.url).path == start


@pytest.mark.parametrize(
    "path", ["/", "/ar/", "/about/", "/ar/about/", "/no-such-page/", "/ar/no-such-page/"]
)
def test_pages_make_no_request_outside_the_local_server(phone_page, base_url, path):
    requested: list[str] = []
    failed: list[str] = []
    phone_page.on("request", lambda request: requested.append(request.url))
    phone_page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.url != base_url + path else None)
    phone_page.goto(base_url + path, wait_until="networkidle")
    phone_page.evaluate("document.fonts.ready")
    outside = [u for u in requested if not (u.startswith(base_url + "/") or u.startswith("data:"))]
    assert requested and outside == []
    assert failed == [], "a page view asked for files that do not exist"
    screenshot(phone_page, "phone" + path.replace("/", "_").rstrip("_"))
