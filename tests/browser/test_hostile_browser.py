"""Every hostile page of the corpus (tests/build/hostile_pages.py), as a non-strict build
publishes it, opened in Chromium: no injected script may run.

Each payload sets `window.__pwned` and changes `document.title` to PWNED, or opens an
alert. After load, every element of the content is hovered, focused and (links
excepted, which would leave the page) clicked, so that handlers would fire. A
script that the Content-Security-Policy had to block also counts as a failure: it
means the sanitiser let it through. A control page with the payloads proves that
the probe sees them.
"""

from __future__ import annotations

import pytest

from tests.build.hostile_pages import NARRATIVE_CASE, PAGES, RUN, hostile_builds
from tests.conftest import serve

pytestmark = pytest.mark.browser

PROVOKE = """() => {
  for (const el of document.querySelectorAll('article *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'load', 'error'])
      el.dispatchEvent(new Event(type));
    if (!el.closest('a') && !el.closest('.sawt-share')) el.click();
  }
}"""

CONTROL = f"""<!doctype html><html><head><title>Control</title></head><body><article>
<script>{RUN}</script><img src="missing.png" onerror="{RUN}"></article></body></html>"""


@pytest.fixture(scope="module")
def hostile_site():
    site = hostile_builds().site
    control = site / "zz-browser-control" / "index.html"
    control.parent.mkdir(exist_ok=True)
    control.write_text(CONTROL, encoding="utf-8")
    server, url = serve(site)
    yield url
    server.shutdown()
    # The build is shared with the built-HTML tests, which read every page it wrote.
    control.unlink()
    control.parent.rmdir()


def watch(page) -> list[str]:
    """What ran, or tried to run, in `page` (cleared by the caller between pages)."""
    seen: list[str] = []
    page.on("dialog", lambda dialog: (seen.append(f"dialog {dialog.message}"), dialog.dismiss()))
    page.on("console", lambda message: seen.append(f"console {message.text}")
            if "Content Security Policy" in message.text or "PWNED" in message.text else None)
    return seen


def probe(page, url: str, seen: list[str]) -> list[str]:
    """Open `url` (a new document: a new window object) and poke it."""
    seen.clear()
    page.goto(url, wait_until="load")
    page.evaluate(PROVOKE)
    page.wait_for_timeout(50)
    if page.evaluate("window.__pwned !== undefined"):
        seen.append("window.__pwned was set")
    if page.evaluate("document.title") == "PWNED":
        seen.append("document.title was changed")
    return list(seen)


def test_the_probe_sees_a_payload_run(browser, hostile_site):
    context = browser.new_context()
    try:
        page = context.new_page()
        seen = probe(page, f"{hostile_site}/zz-browser-control/", watch(page))
    finally:
        context.close()
    assert "window.__pwned was set" in seen and "document.title was changed" in seen


def test_no_hostile_page_runs_its_payload(browser, hostile_site):
    paths = [f"/hostile/{page.name}/" for page in PAGES] + ["/ar/hostile/script-tag/", "/ar/hostile/attr-list-onclick/",
             f"/cases/{NARRATIVE_CASE}/", "/evil.js", "/page.html", "/image.svg"]
    ran = {}
    context = browser.new_context()
    try:
        page = context.new_page()
        seen = watch(page)
        for path in paths:
            if found := probe(page, hostile_site + path, seen):
                ran[path] = found
    finally:
        context.close()
    assert ran == {}
