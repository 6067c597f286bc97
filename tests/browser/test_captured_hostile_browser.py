"""A captured page is hostile content: captured from the loopback fixture server with `python -m
sawt archive`, published (`publish_copy: true`) and built, a page that carries a script, an
event-handler attribute, a frame, a refresh and a stylesheet runs nothing and fetches nothing in
Chromium, and none of its markup is anywhere in site/ but inside its WACZ, which is a download."""

from __future__ import annotations

import gzip
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.build.projects import build, copy_project, readable_bytes
from tests.build.site_html import soup
from tests.capture_fixture.server import HOSTILE_TEXT, FixtureServer, Handler
from tests.conftest import serve

pytestmark = pytest.mark.browser

SOURCE = "hostile-fixture"
CASE = "saleh-al-samar"
#: What would only be in site/ if captured markup were: the script's body, and the addresses
#: on this server that its frame, refresh, stylesheet, image and script point at.
MARKUP = (b"sawtHostileRan", b"captured alert", b"sawt-hostile-log", b"/tracked/")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(the built site, the fixture server's requests once the capture was made). The fixture
    server keeps running while the tests look, so a request from the browser would reach it."""
    with FixtureServer() as fixture:
        project = copy_project(tmp_path_factory.mktemp("hostile-capture") / "project")
        sources = project / "data" / "sources.yml"
        sources.write_text(sources.read_text(encoding="utf-8") + (
            f"\n- id: {SOURCE}\n"
            '  title: "A page that tries to run in the reader\'s browser"\n'
            '  publisher: "Fixture server"\n'
            "  kind: media\n"
            "  language: en\n"
            f"  url: {fixture.base}/hostile\n"
            "  publish_copy: true\n"), encoding="utf-8")
        case = project / "data" / "cases" / f"{CASE}.yml"
        text = case.read_text(encoding="utf-8")
        assert text.endswith("sources:\n  - snhr-2023-al-samar\n"), "the sample case changed: update this fixture"
        case.write_text(text + f"  - {SOURCE}\n", encoding="utf-8")
        capture = subprocess.run([sys.executable, "-m", "sawt", "archive", SOURCE, "--allow-private"],
                                 cwd=project, capture_output=True, text=True, timeout=120)
        assert capture.returncode == 0, capture.stdout + capture.stderr
        assert "/hostile" in Handler.requests
        assert not [path for path in Handler.requests if path.startswith("/tracked/")]  # the capture renders nothing
        captured = list(Handler.requests)
        result = build(project)
        assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
        assert Handler.requests == captured, "the build fetched from the captured page's server"
        yield project / "site", captured


def _text_view(site: Path, prefix: str) -> Path:
    return site / prefix / "sources" / SOURCE / "text.html"


@pytest.mark.parametrize("prefix", ["", "ar"])
def test_the_text_view_of_a_hostile_capture_runs_nothing_and_fetches_nothing(browser, hostile, prefix):
    site, captured = hostile
    server, base = serve(site)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    dialogs: list[str] = []
    console: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    page.on("request", lambda request: requests.append(request.url))
    try:
        address = f"{base}/{prefix + '/' if prefix else ''}sources/{SOURCE}/text.html"
        page.goto(address, wait_until="networkidle")
        page.wait_for_timeout(1500)  # a 0-second refresh, an image's onerror or a late script would have acted
        assert page.url == address  # the captured refresh did not take the reader away
        assert page.evaluate("() => typeof window.sawtHostileRan") == "undefined"
        assert page.title() != "RAN"
        assert dialogs == [] and console == [], (dialogs, console)
        # The reader sees the captured words as text, and nothing of the captured page's own.
        expect(page.get_by_text(HOSTILE_TEXT)).to_be_visible()
        assert page.locator("iframe, frame, object, embed, img, meta[http-equiv='refresh' i], link[rel='stylesheet'][href*='tracked']").count() == 0
        assert page.evaluate("() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
                             ".filter(a => a.name.startsWith('on')).length") == 0
        assert [url for url in requests if not url.startswith(base + "/")] == []
        assert Handler.requests == captured, "the browser reached the captured page's server"
    finally:
        context.close()
        server.shutdown()


def test_the_text_view_carries_a_policy_that_runs_no_inline_script(hostile):
    site, _ = hostile
    for prefix in ("", "ar"):
        policy = soup(_text_view(site, prefix)).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert policy is not None
        directives = dict((d.split() + [""])[:2] for d in policy["content"].split(";") if d.strip())
        assert directives["default-src"] == "'self'"
        assert "'unsafe-inline'" not in policy["content"].split("script-src", 1)[1].split(";", 1)[0]
    # Hosts that read _headers send the policy for every address, the text views' included.
    headers = (site / "_headers").read_text(encoding="utf-8")
    every_address = headers.split("\n/*\n", 1)[1].split("\n\n", 1)[0]
    assert "Content-Security-Policy: default-src 'self';" in every_address
    assert "X-Content-Type-Options: nosniff" in every_address


def test_no_captured_markup_is_in_the_site_but_inside_the_wacz_download(browser, hostile):
    site, _ = hostile
    waczs = sorted((site / "archive" / SOURCE).glob("*.wacz"))
    assert len(waczs) == 1
    for path in (p for p in site.rglob("*") if p.is_file() and p not in waczs):
        found = [marker for marker in MARKUP if marker in readable_bytes(path)]
        assert found == [], f"{path.relative_to(site)} carries captured markup: {found}"
    # The WACZ does hold the page as captured (so the search above would have seen it elsewhere)...
    with zipfile.ZipFile(waczs[0]) as package:
        records = b"".join(gzip.decompress(package.read(name)) if name.endswith(".gz") else package.read(name)
                           for name in package.namelist())
    assert b"sawtHostileRan" in records
    # ... and the case page offers it as a download, which the browser saves and never opens as a page.
    server, base = serve(site)
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(f"{base}/cases/{CASE}/")
        link = page.locator(f".sawt-capture a[href$='{waczs[0].name}']")
        expect(link).to_have_attribute("download", "")
        with page.expect_download() as download:
            link.click()
        assert download.value.suggested_filename == waczs[0].name
        assert page.url == f"{base}/cases/{CASE}/"
        response = context.request.get(f"{base}/archive/{SOURCE}/{waczs[0].name}")
        assert "html" not in response.headers["content-type"] and response.body()[:2] == b"PK"
    finally:
        context.close()
        server.shutdown()
