"""The case index in Chromium: filters and sorting by the site's own script, and a
table that is whole without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from tests.build.test_archive import PUBLISHED
from tests.conftest import screenshot

pytestmark = pytest.mark.browser


def visible_slugs(page) -> list[str]:
    return page.eval_on_selector_all(
        "table.sawt-cases tbody tr:not([hidden]) a",
        "links => links.map(a => a.getAttribute('href').replace(/\\/$/, '').split('/').pop())",
    )


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_status_filter_shows_only_matching_cases(page, base_url, prefix):
    page.goto(f"{base_url}{prefix}/cases/")
    assert page.is_visible("form.sawt-filters")
    assert sorted(visible_slugs(page)) == sorted(PUBLISHED)
    page.select_option("form.sawt-filters select[name=status]", "died-in-custody")
    expected = sorted(s for s, c in PUBLISHED.items() if c["status"] == "died-in-custody")
    assert expected, "the sample needs a died-in-custody case for this test"
    assert sorted(visible_slugs(page)) == expected
    assert str(len(expected)) in page.inner_text(".sawt-filters__result")
    screenshot(page, f"case-index-filtered{prefix.replace('/', '-')}")
    page.click(".sawt-filters__reset")
    expect(page.locator("table.sawt-cases tbody tr[hidden]")).to_have_count(0)  # reset applies after the event
    assert sorted(visible_slugs(page)) == sorted(PUBLISHED)


def test_year_filter_and_sorting_by_date(page, base_url):
    page.goto(f"{base_url}/cases/")
    page.select_option("form.sawt-filters select[name=year]", "2020")
    shown = visible_slugs(page)
    assert shown and len(shown) < len(PUBLISHED)
    page.select_option("form.sawt-filters select[name=year]", "")
    # Sort by the date column, then the other way round.
    date_button = page.locator("table.sawt-cases thead th:nth-child(4) button.sawt-sort")
    dates = "rows => rows.map(r => r.querySelector('td:nth-child(4)').dataset.sort).filter(Boolean)"
    date_button.click()
    first_direction = page.get_attribute("table.sawt-cases thead th:nth-child(4)", "aria-sort")
    first = page.eval_on_selector_all("table.sawt-cases tbody tr", dates)
    date_button.click()
    second = page.eval_on_selector_all("table.sawt-cases tbody tr", dates)
    assert first_direction == "ascending"
    assert first == sorted(first) and second == sorted(first, reverse=True)
    assert len(set(first)) > 1


def test_without_javascript_the_whole_table_is_there(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/ar/cases/")
    assert page.locator("table.sawt-cases tbody tr").count() == len(PUBLISHED)
    assert not page.is_visible("form.sawt-filters")  # no controls that cannot work
    context.close()


@pytest.mark.parametrize("prefix", ["", "/ar"])
@pytest.mark.parametrize("width", [390, 1280])
def test_index_is_cards_on_a_phone_and_a_table_on_a_wide_screen_nothing_cut_off(browser, base_url, prefix, width):
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=width < 600)
    page = context.new_page()
    page.goto(f"{base_url}{prefix}/cases/", wait_until="networkidle")
    layout = page.evaluate("getComputedStyle(document.querySelector('table.sawt-cases tbody tr')).display")
    assert layout == ("block" if width == 390 else "table-row")
    # Every cell, the date column included, lies inside the visible area of the list.
    clipped = page.evaluate("""() => {
        const area = document.querySelector('.sawt-cases__scroll').getBoundingClientRect();
        return [...document.querySelectorAll('table.sawt-cases td')].filter(td => {
            const r = td.getBoundingClientRect();
            return r.left < area.left - 1 || r.right > area.right + 1;
        }).map(td => td.innerText);
    }""")
    assert clipped == []
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    screenshot(page, f"case-index-{width}{prefix.replace('/', '-')}")
    context.close()


@pytest.mark.parametrize("prefix", ["", "/ar"])
@pytest.mark.parametrize("width", [390, 1280])
def test_no_two_cells_run_together_in_the_text_a_reader_copies(browser, base_url, prefix, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(f"{base_url}{prefix}/cases/", wait_until="networkidle")
    rows = page.eval_on_selector_all(
        "table.sawt-cases tbody tr",
        "rows => rows.map(r => ({text: r.innerText, cells: [...r.cells].map(c => c.dataset.sort ? c.querySelector('a, .sawt-status') ? c.querySelector('a, .sawt-status').innerText : c.innerText.split(': ').pop() : '')}))",
    )
    assert rows
    for row in rows:
        words = row["text"].split()
        for cell in filter(None, row["cells"]):
            # The cell's words stand as words of the row: nothing glued before or after.
            cell_words = cell.split()
            assert any(words[i : i + len(cell_words)] == cell_words for i in range(len(words))), (cell, row["text"])
    context.close()


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_caption_and_filter_result_always_say_the_same(phone_page, base_url, prefix):
    phone_page.goto(f"{base_url}{prefix}/cases/")
    caption = phone_page.locator("table.sawt-cases caption")
    result = phone_page.locator(".sawt-filters__result")
    everyone = caption.inner_text()
    assert str(len(PUBLISHED)) in everyone and result.inner_text() == ""
    phone_page.select_option("form.sawt-filters select[name=status]", "died-in-custody")
    shown = len([s for s, c in PUBLISHED.items() if c["status"] == "died-in-custody"])
    assert caption.inner_text() == result.text_content()
    assert f"{shown}" in caption.inner_text() and f"{len(PUBLISHED)}" in caption.inner_text()
    screenshot(phone_page, f"case-index-filtered-phone{prefix.replace('/', '-')}")
    phone_page.click(".sawt-filters__reset")
    expect(caption).to_have_text(everyone)
    assert result.text_content() == ""
