"""The offline copy in Firefox (Debian's firefox-esr, driven by Mozilla's Marionette client):
from the unzipped folder, the first page, the Arabic home to a case, the language switch
and search for "اسامه" and "Saleh", with every request a file:// one."""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from marionette_driver.by import By

from tests.browser.test_offline_browser import offline_copy  # noqa: F401  (the unzipped copy)

pytestmark = pytest.mark.browser

FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox")

#: Waits for the page's search (its script loads deferred), then searches: the page's own
#: window (sandbox=None), not Marionette's wrapper, sees window.sawtSearch.
SEARCH = """
const [query, done] = [arguments[0], arguments[arguments.length - 1]];
const go = () => typeof window.sawtSearch === "function"
  ? window.sawtSearch(query, 10).then(found => done(found.map(r => r.url)), e => done("error: " + e))
  : setTimeout(go, 50);
go();
"""
REQUESTS = "return performance.getEntriesByType('resource').map(r => r.name).concat([location.href]);"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def firefox(tmp_path_factory):
    if FIREFOX is None:
        pytest.fail("Firefox is not installed: make browser-deps installs Debian's firefox-esr")
    from marionette_driver.marionette import Marionette

    profile, port = tmp_path_factory.mktemp("firefox-profile"), _free_port()
    (profile / "user.js").write_text(f'user_pref("marionette.port", {port});\n', encoding="utf-8")
    process = subprocess.Popen([FIREFOX, "--headless", "--marionette", "--no-remote", "--profile", str(profile)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        client = Marionette(host="127.0.0.1", port=port)
        client.start_session(timeout=120)
        yield client
        client.delete_session()
    finally:
        process.terminate()
        process.wait(timeout=30)


def _search(client, query: str) -> list[str]:
    found = client.execute_async_script(SEARCH, script_args=[query], script_timeout=30_000, sandbox=None)
    assert isinstance(found, list), found
    return found


def test_a_reader_in_firefox_goes_from_the_first_page_to_a_case_switches_language_and_searches(firefox, offline_copy):  # noqa: F811
    client, site = firefox, offline_copy / "site"
    client.navigate((offline_copy / "index.html").as_uri())
    assert "Sawt" in client.title and "صوت" in client.title
    client.navigate((site / "ar" / "index.html").as_uri())
    assert client.execute_script("return [document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    # A WebDriver click, as a reader's: it returns once the page it opens has loaded.
    client.find_element(By.CSS_SELECTOR, 'a[href$="cases/osama/index.html"]').click()
    assert client.get_url().endswith("/site/ar/cases/osama/index.html"), client.get_url()
    assert "أسامة" in client.execute_script("return document.querySelector('h1').textContent")
    client.find_element(By.CSS_SELECTOR, "a[data-sawt-switch]").click()
    assert client.get_url().endswith("/site/cases/osama/index.html"), client.get_url()
    # Search answers in the page's language: English here, then Arabic from an Arabic page.
    assert any(url.endswith("/site/cases/saleh-al-samar/index.html") for url in _search(client, "Saleh"))
    requested = client.execute_script(REQUESTS)
    client.navigate((site / "ar" / "index.html").as_uri())
    assert any(url.endswith("/site/ar/cases/osama/index.html") for url in _search(client, "اسامه"))
    requested += client.execute_script(REQUESTS)
    assert requested and all(url.startswith("file://") for url in requested), requested
