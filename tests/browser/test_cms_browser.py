"""`make cms` in Chromium: a volunteer creates a case through the form, and the file it writes
passes the check; the editing UI loads nothing from outside the local server."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml
from playwright.sync_api import expect

from tests.build.projects import copy_project
from tests.conftest import ROOT, local_server, screenshot

pytestmark = pytest.mark.browser

SLUG = "fictional-test-person"  # a made-up person: the test's own, plainly fictional


@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    """`python -m sawt cms` (what `make cms` runs) on a copy of the project."""
    if not (ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").is_file():
        pytest.fail("Decap CMS is not installed: run npm ci (make test does it)")
    project = copy_project(tmp_path_factory.mktemp("cms") / "project")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    command = lambda port: [sys.executable, "-m", "sawt", "cms", "--port", str(port), "--root", str(project)]
    with local_server(command, project, ready_path="/admin/", name="make cms", start_timeout=120) as url:
        yield project, url


def _open_new_case(page, url):
    page.goto(url + "/admin/")
    page.get_by_role("button", name="Login").click()
    page.goto(url + "/admin/#/collections/cases/new")
    page.wait_for_selector("[data-sawt-language=ar]")


def test_admin_loads_with_no_request_outside_the_local_server(cms, browser):
    project, url = cms
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested, failed, errors = [], [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url + "/admin/")
    page.get_by_role("button", name="Login").click()
    page.goto(url + "/admin/#/collections/pages/entries/about")
    page.wait_for_selector("[data-sawt-language=ar]")
    page.wait_for_load_state("networkidle")
    outside = [u for u in requested if not (u.startswith(url + "/") or u.startswith(("data:", "blob:")))]
    assert len(requested) > 5 and outside == []
    assert failed == [] and errors == []
    # The twin pages side by side: the Arabic pane edits docs/ar/about.md, right to left.
    arabic_title = page.locator("input[data-sawt-language=ar]").first
    expect(arabic_title).to_have_value("عن صوت")
    assert arabic_title.evaluate("e => getComputedStyle(e).direction") == "rtl"
    screenshot(page, "cms-page-about-1280")
    context.close()


def test_a_case_made_in_the_form_lands_in_data_cases_and_passes_the_check(cms, browser):
    project, url = cms
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        _open_new_case(page, url)
        name_en, name_ar = page.locator("[id^=name-field]").nth(0), page.locator("[id^=name-field]").nth(1)
        assert (name_en.get_attribute("dir"), name_en.get_attribute("lang")) == ("ltr", "en")
        assert (name_ar.get_attribute("dir"), name_ar.get_attribute("lang")) == ("rtl", "ar")
        assert name_ar.evaluate("e => getComputedStyle(e).direction") == "rtl"
        name_en.fill("Fictional Test Person")
        name_ar.fill("شخص تجريبي خيالي")
        page.locator("[id^=summary-field]").nth(0).fill("A person made up for a test of the editing form.")
        page.locator("[id^=summary-field]").nth(1).fill("شخص مختلَق لاختبار نموذج التحرير.")
        page.locator("[id^=status-field]").click()
        page.get_by_text("Detained · محتجز (detained)").click()
        en_box, ar_box = name_en.bounding_box(), name_ar.bounding_box()
        if width == 1280:  # side by side, English first (Decap's own layout is left to right)
            assert ar_box["x"] > en_box["x"] + en_box["width"] and abs(ar_box["y"] - en_box["y"]) < 2
        screenshot(page, f"cms-new-case-{width}")
        if width == 1280:
            page.get_by_role("button", name="Publish").first.click()
            page.get_by_text("Publish now").click()
            page.wait_for_url(f"**/collections/cases/entries/{SLUG}", timeout=30_000)
        context.close()

    written = project / "data" / "cases" / f"{SLUG}.yml"
    assert written.is_file()
    case = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert case["name"] == {"en": "Fictional Test Person", "ar": "شخص تجريبي خيالي"}
    assert case["status"] == "detained" and case["publish"] is False
    check = subprocess.run([sys.executable, "-m", "sawt", "check"], cwd=project, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "1 unpublished" in check.stdout


def test_pages_in_a_section_are_edited_in_their_language_and_saved_in_place(cms, browser):
    """docs/<language>/news/: the Arabic page opens right to left; a new English item lands
    in docs/en/news/, named from its title, and the build's check accepts it."""
    project, url = cms
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url + "/admin/")
    page.get_by_role("button", name="Login").click()
    page.goto(url + "/admin/#/collections/news-ar/entries/2025-11-extradition-talks")
    arabic_title = page.locator("input[data-sawt-language=ar]").first
    expect(arabic_title).not_to_have_value("")
    assert arabic_title.evaluate("e => getComputedStyle(e).direction") == "rtl"
    screenshot(page, "cms-news-ar-1280")

    page.goto(url + "/admin/#/collections/news-en/new")
    title = page.locator("input[data-sawt-language=en]").first
    title.fill("Fictional test notice")
    page.locator("textarea[data-sawt-language=en]").first.fill("A made-up notice for a test of the editing form.")
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()
    page.wait_for_url("**/collections/news-en/entries/fictional-test-notice", timeout=30_000)
    context.close()
    written = project / "docs" / "en" / "news" / "fictional-test-notice.md"
    assert written.is_file()
    front, body = written.read_text(encoding="utf-8").split("---\n")[1:3]
    assert yaml.safe_load(front)["title"] == "Fictional test notice"
    assert "made-up notice" in body
