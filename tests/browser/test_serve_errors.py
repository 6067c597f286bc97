"""`make serve` in Chromium: a failed rebuild lists its problems over the page being read,
in that page's language, and the page comes back by itself once the file is fixed."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.build.projects import copy_project
from tests.conftest import local_server, screenshot

pytestmark = pytest.mark.browser

CASE = "data/cases/muhammad-abdulatif.yml"
OVERLAY = "#sawt-build-errors"


@pytest.fixture(scope="module")
def dev_server(tmp_path_factory):
    """A real `mkdocs serve --livereload` (what `make serve` runs) on a copy of the project."""
    project = copy_project(tmp_path_factory.mktemp("serve") / "project")
    command = lambda port: [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # The first build bounds the start: a bound, not a measurement.
    with local_server(command, project, ready_path="/__sawt__/build-status", name="mkdocs serve",
                      start_timeout=600, env=env) as url:
        yield project, url


def _overlay(page) -> dict:
    """The list laid over `page`, once it shows. A rebuild that ends meanwhile reloads the page
    (the server's live reload), which can destroy the page's context under the read: read again."""
    deadline = time.monotonic() + 120
    while True:
        page.wait_for_selector(f"{OVERLAY} li", timeout=120_000)
        try:
            return _read_overlay(page)
        except PlaywrightError as error:
            if "context was destroyed" not in str(error) or time.monotonic() > deadline:
                raise


def _read_overlay(page) -> dict:
    return page.evaluate(
        """(sel) => { const o = document.querySelector(sel);
                      return {lang: o.lang, dir: o.dir, direction: getComputedStyle(o).direction,
                              fontStyle: getComputedStyle(o.querySelector('h2')).fontStyle,
                              title: o.querySelector('h2').textContent, text: o.innerText,
                              items: [...o.querySelectorAll('li')].map(li => li.innerText)}; }""",
        OVERLAY,
    )


def _idle(url: str, log: Path) -> int:
    """Wait until the server has no rebuild under way or coming (its log is still for 2 s
    after its status says ok); the log's length then."""
    deadline = time.monotonic() + 300
    while True:
        assert time.monotonic() < deadline, "the server never settled"
        status = json.loads(urllib.request.urlopen(url + "/__sawt__/build-status", timeout=30).read())
        size = log.stat().st_size
        time.sleep(2)
        if status["state"] == "ok" and log.stat().st_size == size:
            return len(log.read_text())


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_bad_case_file_is_listed_over_the_page_in_its_language_and_the_page_recovers(dev_server, browser):
    project, url = dev_server
    case = project / CASE
    good = case.read_text(encoding="utf-8")
    _idle(url, project / "serve.log")
    pages = {}
    for lang, path, width in (("en", "/cases/muhammad-abdulatif/", 1280), ("ar", "/ar/cases/muhammad-abdulatif/", 390)):
        context = browser.new_context(viewport={"width": width, "height": 844})
        pages[lang] = context.new_page()
        pages[lang].goto(url + path)
        assert pages[lang].locator(OVERLAY).count() == 0  # the site builds: nothing to show
    try:
        _edit(case, "status: disappeared", "status: disapeared")

        english = _overlay(pages["en"])
        assert (english["lang"], english["dir"], english["direction"]) == ("en", "ltr", "ltr")
        assert english["title"] == "Your last change stopped the site from building"
        assert len(english["items"]) == 1, english["items"]  # the heading "1 problem in 1 file" is not an item
        assert CASE in english["items"][0] and "line 9" in english["items"][0]
        assert 'status "disapeared" is not one of' in english["items"][0]
        screenshot(pages["en"], "serve-error-en-1280")

        arabic = _overlay(pages["ar"])
        assert (arabic["lang"], arabic["dir"], arabic["direction"]) == ("ar", "rtl", "rtl")
        assert arabic["title"] == "آخر تعديل أوقف بناء الموقع"
        assert arabic["fontStyle"] == "normal"
        assert CASE in arabic["items"][0] and "السطر 9" in arabic["items"][0]
        screenshot(pages["ar"], "serve-error-ar-390")

        # The last good page is still served (the server no longer holds requests after a failure),
        # and a page opened now shows the list too.
        pages["ar"].reload()
        assert pages["ar"].locator("h1").count() >= 1
        assert CASE in _overlay(pages["ar"])["text"]

        # Fixed: the next build passes and the server's live reload brings the pages back (twice:
        # with the fixed case's pages as soon as the file passes the checks, then with the
        # rebuilt site), and the list is gone.
        with pages["en"].expect_event("load", timeout=300_000), pages["ar"].expect_event("load", timeout=300_000):
            case.write_text(good, encoding="utf-8")
        _idle(url, project / "serve.log")
        for page in pages.values():
            page.wait_for_load_state()
            page.wait_for_selector("h1", timeout=60_000)
            assert page.locator(OVERLAY).count() == 0
    finally:
        case.write_text(good, encoding="utf-8")
        for page in pages.values():
            page.context.close()


def test_a_saved_edit_to_a_case_shows_in_its_page_before_the_rebuild_then_everywhere(dev_server, browser):
    """The edited case's pages are rewritten and reloaded first (sawt/engine/preview.py); the
    rebuild then brings every other output up to date: the export lists the edit too."""
    project, url = dev_server
    case = project / CASE
    good = case.read_text(encoding="utf-8")
    log = project / "serve.log"
    logged = _idle(url, log)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(url + "/cases/muhammad-abdulatif/")
    try:
        with page.expect_event("load", timeout=300_000):
            _edit(case, "A man from the Quneitra countryside;", "A man (edited in the preview test) from the Quneitra countryside;")
        page.wait_for_load_state()
        assert "edited in the preview test" in page.locator("article").inner_text()
        assert "Showing 2 edited page(s) while the site rebuilds" in log.read_text()[logged:]
        export = lambda: urllib.request.urlopen(url + "/data/cases.json", timeout=30).read().decode()
        deadline = time.monotonic() + 300
        while "edited in the preview test" not in export():
            assert time.monotonic() < deadline, "the rebuild never brought the export up to date"
            time.sleep(0.5)
    finally:
        case.write_text(good, encoding="utf-8")
        context.close()


def test_a_broken_link_in_an_arabic_page_names_the_file_and_line(dev_server, browser):
    """A strict-mode warning from MkDocs' own link check (not a Sawt data error) is listed too."""
    project, url = dev_server
    about = project / "docs" / "ar" / "about.md"
    good = about.read_text(encoding="utf-8")
    _idle(url, project / "serve.log")  # the last test's restored case is rebuilt first: its reload would cut in
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url + "/ar/about/")
    try:
        about.write_text(good + "\n[رابط مكسور](no-such-page.md)\n", encoding="utf-8")
        line = len((good + "\n[").splitlines())
        items = _overlay(page)["items"]
        assert any("docs/ar/about.md" in item and f"السطر {line}" in item and "no-such-page.md" in item for item in items), items
        screenshot(page, "serve-error-link-ar-1280")
    finally:
        about.write_text(good, encoding="utf-8")
        context.close()
    shutil.rmtree(project / "site", ignore_errors=True)
