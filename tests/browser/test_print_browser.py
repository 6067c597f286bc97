"""A case or appeal prints as one clean A4 page, in either language."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

PAGES = ["/cases/saleh-al-samar/", "/ar/cases/saleh-al-samar/", "/appeals/be-their-voice/", "/ar/appeals/be-their-voice/"]


@pytest.mark.parametrize("path", PAGES)
def test_prints_on_one_a4_page_with_the_essentials(page, base_url, path):
    page.goto(base_url + path)
    page.evaluate("document.fonts.ready")
    page.emulate_media(media="print")
    # No menus, search or share buttons on paper; the QR code and the address stay.
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", ".sawt-share__links"):
        assert not page.is_visible(hidden), hidden
    assert page.is_visible(".sawt-share__qr svg")
    assert base_url.split("//")[1] not in page.inner_text(".sawt-share__url")  # the public address, not localhost
    if "/cases/" in path:
        for essential in ("h1", ".sawt-status", ".sawt-ask", ".sawt-facts"):
            assert page.is_visible(essential), essential
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    name = "print" + path.replace("/", "_").rstrip("_")
    out = ARTIFACTS / "print" / f"{name}.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1\n" in info
    assert "(A4)" in info
    if "/cases/" in path:
        # Paper keeps the sources, the site's name and the date it was last verified.
        text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
        arabic = path.startswith("/ar/")
        assert ("المصادر" if arabic else "Sources") in text
        assert "snhr.org" in text
        assert ("صوت" if arabic else "Sawt") in text
        assert "2023" in text.split("snhr.org")[-1]  # the print line's date, after the sources
    # An image of the printed page, kept to look at.
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(out), str(out.with_suffix(""))], check=True)
