"""Appeals in Chromium at 390 and 1280 px, in both languages: the send link carries the
right letter, "copy the letter" copies it (or selects it where the clipboard is closed),
the case page's first screen sends the letter, and the footer's links lead somewhere."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import pytest
import yaml

from tests.conftest import APPEAL_TEST_EMAIL, ROOT, SITE_URL, screenshot

pytestmark = pytest.mark.browser

APPEAL = next(a for a in yaml.safe_load((ROOT / "data" / "appeals.yml").read_text(encoding="utf-8"))
              if a["id"] == "saleh-al-samar")
PREFIX = {"en": "", "ar": "/ar"}
VIEWPORTS = {
    390: dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True),
    1280: dict(viewport={"width": 1280, "height": 900}),
}
LANGS = ["en", "ar"]


def _words(text: str) -> str:
    return " ".join(text.split())


def _decoded(href: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(href)
    assert parts.scheme == "mailto", href
    return unquote(parts.path), {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}


@pytest.fixture()
def open_page(browser):
    contexts = []

    def open_(url: str, width: int, *, clipboard: bool = True):
        context = browser.new_context(**VIEWPORTS[width])
        if clipboard:
            origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin)
        else:  # a browser that offers no clipboard to the page
            context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});")
        contexts.append(context)
        page = context.new_page()
        blocked = []
        page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(url)
        page.evaluate("document.fonts.ready")
        return page, blocked

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.parametrize("width", sorted(VIEWPORTS))
@pytest.mark.parametrize("lang", LANGS)
def test_send_and_copy_the_letter(open_page, appeal_email_url, lang, width):
    page, blocked = open_page(f"{appeal_email_url}{PREFIX[lang]}/appeals/saleh-al-samar/", width)
    screenshot(page, f"appeal-{lang}-{width}")
    send = page.locator("a.sawt-appeal__send")
    send.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot(page, f"appeal-{lang}-{width}").with_name(f"appeal-actions-{lang}-{width}.png")))
    assert send.is_visible()
    box = send.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44, box
    to, query = _decoded(send.get_attribute("href"))
    assert to == APPEAL_TEST_EMAIL and query["subject"] == APPEAL["subject"][lang]
    assert query["body"] == APPEAL["letter"][lang].strip().replace("\n", "\r\n")  # one tap, in either language

    copy = page.locator("button.sawt-letter__copy")
    assert copy.is_visible()  # the script (no inline script: the CSP would block it) revealed it
    copy.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert _words(copied) == _words(APPEAL["letter"][lang])
    assert _words(copy.inner_text()) == {"en": "Letter copied", "ar": "نُسخت الرسالة"}[lang]
    assert blocked == []


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_clipboard_copy_selects_the_letter(open_page, appeal_email_url, lang):
    page, _ = open_page(f"{appeal_email_url}{PREFIX[lang]}/appeals/saleh-al-samar/", 390, clipboard=False)
    page.locator("button.sawt-letter__copy").click()
    assert _words(page.evaluate("window.getSelection().toString()")) == _words(APPEAL["letter"][lang])
    assert page.locator("button.sawt-letter__copy").inner_text().startswith({"en": "Letter selected", "ar": "حُدِّدت"}[lang])


@pytest.mark.parametrize("width", sorted(VIEWPORTS))
@pytest.mark.parametrize("lang", LANGS)
def test_case_first_screen_sends_the_letter(open_page, appeal_email_url, lang, width):
    page, _ = open_page(f"{appeal_email_url}{PREFIX[lang]}/cases/saleh-al-samar/", width)
    screenshot(page, f"case-send-{lang}-{width}")
    action = page.locator(".sawt-case__act")
    box = action.bounding_box()
    assert box["y"] + box["height"] <= page.viewport_size["height"], box
    assert _words(action.inner_text()) == {"en": "Send the letter", "ar": "أرسل الرسالة"}[lang]
    to, query = _decoded(action.get_attribute("href"))
    assert to == APPEAL_TEST_EMAIL and query["subject"] == APPEAL["subject"][lang]
    # The appeal itself is one tap away.
    appeal = page.locator(".sawt-case__appeal")
    assert appeal.is_visible()
    assert urljoin(page.url, appeal.get_attribute("href")).endswith(f"{PREFIX[lang]}/appeals/saleh-al-samar/")


@pytest.mark.parametrize("width", sorted(VIEWPORTS))
@pytest.mark.parametrize("path", ["/", "/ar/", "/cases/saleh-al-samar/", "/ar/cases/saleh-al-samar/"])
def test_footer_links_and_mission(open_page, base_url, path, width):
    page, _ = open_page(base_url + path, width)
    lang = "ar" if path.startswith("/ar/") else "en"
    mission = page.locator(".sawt-mission")
    assert mission.is_visible() and mission.bounding_box()["y"] < 200  # under the name, on the first screen
    links = page.locator(".sawt-footer__links a")
    labels = [_words(t) for t in links.all_inner_texts()]
    assert labels == {"en": ["About", "Safety policy", "Contribute", "Open data", "Licence"],
                      "ar": ["من نحن", "سياسة السلامة", "المساهمة", "البيانات المفتوحة", "الترخيص"]}[lang]
    if path in ("/", "/ar/"):
        page.locator(".sawt-footer").scroll_into_view_if_needed()
        page.screenshot(path=str(screenshot(page, f"footer-page-{lang}-{width}").with_name(f"footer-{lang}-{width}.png")))
    for href in links.evaluate_all("els => els.map(e => e.href)"):
        target, _, anchor = href.partition("#")
        response = page.request.get(target)
        assert response.status == 200, href
        assert target.startswith(base_url + PREFIX[lang] + "/"), href  # stays in the page's language
        if anchor:
            html = response.text()
            assert f'id="{unquote(anchor)}"' in html, href
