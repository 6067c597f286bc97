"""The menu of a public site: top tabs on a desktop, no section repeated inside itself, and a
case page lit under Cases (issue 9, defect 7)."""

from __future__ import annotations

import pytest

from tests.conftest import screenshot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("path", "cases"), [("/cases/osama/", "Cases"), ("/ar/cases/osama/", "الحالات")])
def test_a_case_page_lights_cases_in_the_top_menu(page, base_url, path, cases):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + path)
    assert page.locator(".md-tabs").is_visible()
    lit = page.locator(".md-tabs__item--active")
    assert lit.count() == 1 and lit.inner_text().strip() == cases
    # The reader sees which it is: underlined, unlike every other tab (not just a lighter white).
    decorations = page.eval_on_selector_all(
        ".md-tabs__link", "links => links.map(a => [a.closest('.md-tabs__item--active') !== null, getComputedStyle(a).textDecorationLine])")
    assert {underline for active, underline in decorations if active} == {"underline"}
    assert all(underline == "none" for active, underline in decorations if not active)
    screenshot(page, "case-menu-" + ("ar" if path.startswith("/ar/") else "en") + "-1280")


@pytest.mark.parametrize("path", ["/", "/ar/", "/appeals/", "/ar/reports/"])
def test_no_menu_section_repeats_its_own_name_as_its_first_entry(phone_page, base_url, path):
    phone_page.goto(base_url + path)
    repeats = phone_page.evaluate(
        """() => [...document.querySelectorAll('.md-nav--primary .md-nav__item--nested')].flatMap(item => {
             const own = item.querySelector(':scope > label, :scope > .md-nav__container, :scope > a');
             const first = item.querySelector(':scope > nav > ul > li > a');
             const name = own ? own.textContent.trim() : '';
             return first && name && first.textContent.trim() === name ? [name] : [];
           })"""
    )
    assert repeats == []


@pytest.mark.parametrize("path", ["/", "/ar/"])
def test_the_home_page_has_no_documentation_sidebar(page, base_url, path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + path)
    assert not page.locator(".md-sidebar--primary").is_visible()
    screenshot(page, "home-" + ("ar" if path == "/ar/" else "en") + "-1280")
