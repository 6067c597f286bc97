"""The home page in Chromium, on a phone and a desktop, in both languages: what is at
stake on the first screen, the people as cards, one action; public-site navigation."""

from __future__ import annotations

import re

import pytest
from tests.build.test_archive import PUBLISHED
from tests.conftest import screenshot

pytestmark = pytest.mark.browser

SIZES = {390: 844, 1280: 900}


@pytest.fixture(params=[(w, p) for w in SIZES for p in ("", "/ar")], ids=lambda v: f"{v[0]}{v[1].replace('/', '-')}")
def home(request, browser, base_url):
    width, prefix = request.param
    context = browser.new_context(viewport={"width": width, "height": SIZES[width]}, is_mobile=width < 400, has_touch=width < 400)
    page = context.new_page()
    page.goto(f"{base_url}{prefix}/")
    yield page, width, prefix
    screenshot(page, f"home{prefix.replace('/', '-')}-{width}")
    context.close()


def in_first_screen(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] + box["height"] <= page.viewport_size["height"]


def test_first_screen_says_what_is_at_stake_and_how_to_act(home):
    page, _, _ = home
    heading = page.locator("h1").first.inner_text()
    assert str(len(PUBLISHED)) in heading, heading  # the count comes from data
    assert in_first_screen(page, ".sawt-hero h1")
    assert in_first_screen(page, ".sawt-hero p")
    assert in_first_screen(page, ".sawt-hero a.md-button--primary[href*='appeals/']")


def test_people_are_cards_with_status_time_held_ask_and_a_link(home):
    page, _, prefix = home
    cards = page.locator("li.sawt-person")
    assert 0 < cards.count() <= 6
    for i in range(cards.count()):
        card = cards.nth(i)
        assert card.locator(".sawt-person__portrait").is_visible()
        assert card.locator(".sawt-status").is_visible()
        href = card.locator(".sawt-person__name a").get_attribute("href")
        assert re.search(r"cases/[a-z0-9-]+/$", href), href
    held = page.locator(".sawt-person__held").all_inner_texts()
    assert held and all(re.search(r"[0-9]", text) for text in held), held
    first = cards.first.bounding_box()
    second = cards.nth(1).bounding_box()
    if page.viewport_size["width"] >= 1000:  # a grid on a desktop
        assert abs(first["y"] - second["y"]) < 2
    else:  # one column on a phone, inside the screen's width
        assert first["x"] >= 0 and first["x"] + first["width"] <= page.viewport_size["width"]


def test_home_has_no_docs_sidebar_and_case_pages_highlight_cases(home):
    page, width, prefix = home
    sidebar = page.locator(".md-sidebar--primary")
    if sidebar.count():  # on a phone it is the closed drawer of the menu button, off the screen
        box = sidebar.first.bounding_box()
        off_screen = box is None or box["x"] + box["width"] <= 0 or box["x"] >= width
        assert not sidebar.first.is_visible() or off_screen, box
    if width >= 1280:
        assert page.locator(".md-tabs__item--active").inner_text().strip() in {"Home", "الرئيسية"}
        slug = next(iter(PUBLISHED))
        page.goto(page.url + f"cases/{slug}/")
        assert page.locator(".md-tabs__item--active").inner_text().strip() in {"Cases", "الحالات"}
        page.goto(page.url.split("cases/")[0] + "appeals/")
        links = page.locator(".md-nav--primary :is(a, label, span).md-nav__link, .md-nav--primary .md-nav__title")
        labels = [links.nth(i).inner_text().strip() for i in range(links.count()) if links.nth(i).is_visible()]
        appeals = [label for label in labels if label in {"Appeals", "المناشدات"}]
        assert len(appeals) <= 1, labels  # a section is its index page, not "Appeals › Appeals"
