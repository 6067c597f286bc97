"""A case page on a phone and a desktop: who, status, facts, the ask and one action on
the first screen; sharing with icons, 44 px targets and WhatsApp within two screens."""

from __future__ import annotations

import pytest

from tests.conftest import screenshot

pytestmark = pytest.mark.browser

PHONE_HEIGHT = 844
CASES = ["/cases/saleh-al-samar/", "/ar/cases/saleh-al-samar/", "/cases/osama/", "/ar/cases/osama/"]


def _bottom(page, selector: str) -> float:
    return page.evaluate(
        "s => { const r = document.querySelector(s).getBoundingClientRect(); return r.bottom + window.scrollY; }", selector
    )


@pytest.mark.parametrize("path", CASES)
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_case_first_screen_and_share_targets(request, base_url, path, device):
    page = request.getfixturevalue("phone_page" if device == "phone" else "page")
    page.goto(base_url + path)
    page.evaluate("document.fonts.ready")
    screenshot(page, f"case-{device}{path.replace('/', '_').rstrip('_')}")
    height = page.viewport_size["height"]
    # The first screen: name (both scripts), status, portrait, key facts and the ask's action.
    for selector in ("h1", ".sawt-case__other-name", ".sawt-status", ".sawt-portrait", ".sawt-facts", ".sawt-case__act"):
        assert page.is_visible(selector), selector
        assert _bottom(page, selector) <= height, f"{selector} below the first screen ({_bottom(page, selector)} px)"
    # WhatsApp within the first two phone screens, whatever the device.
    assert _bottom(page, ".sawt-share__link--whatsapp") <= 2 * PHONE_HEIGHT
    # Every share target at least 44 x 44 px, each with an icon and a visible label.
    sizes = page.eval_on_selector_all(
        ".sawt-share__link, .sawt-case__act",
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " const i = e.querySelector('.sawt-share__icon'), s = i && getComputedStyle(i), b = i && i.getBoundingClientRect();"
        # The icon is a mask the stylesheet draws (sawt-case.css): there, sized, and filled.
        " const drawn = !!i && b.width >= 16 && b.height >= 16 && (s.maskImage || s.webkitMaskImage).startsWith('url(\"data:image/svg+xml')"
        "   && s.backgroundColor !== 'rgba(0, 0, 0, 0)';"
        " return [e.className, r.width, r.height, drawn || e.classList.contains('sawt-case__act'), e.innerText.trim()]; })",
    )
    assert len(sizes) >= 6
    for name, width, height_px, has_icon, label in sizes:
        assert width >= 44 and height_px >= 44, (name, width, height_px)
        assert has_icon and label, name


@pytest.mark.parametrize("path", ["/ar/cases/saleh-al-samar/", "/ar/figures/"])
def test_arabic_is_never_slanted(page, base_url, path):
    page.goto(base_url + path)
    slanted = page.evaluate(
        "() => [...document.querySelectorAll('.md-content *')].filter(e => e.textContent.trim() &&"
        " getComputedStyle(e).fontStyle !== 'normal').map(e => e.tagName + '.' + e.className)"
    )
    assert slanted == []
