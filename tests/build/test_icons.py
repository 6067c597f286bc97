"""Icons are drawn once, by the stylesheets every page loads, not inlined in every case page
(issue 28: bytes per case). A reader would notice a regression as a share link or a header
without its icon, or as pages that grow again: both are checked here on the built site."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

from sawt.outputs.share import SHARE_ICON_KEYS
from tests.build.site_html import soup
from tests.conftest import ROOT

PREFIX = {"en": "", "ar": "ar/"}
PAGES = ["cases/saleh-al-samar/", "appeals/be-their-voice/"]


def _rules(css: str, selector: str) -> list[str]:
    """The declarations of every rule whose selector is exactly `selector`."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [body for head, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css) if head.strip() == selector]


def _data_svg(declarations: str) -> ET.Element:
    """The SVG of the one data: URL in `declarations`, parsed (it must be well formed to draw)."""
    urls = re.findall(r'url\("data:image/svg\+xml;charset=utf-8,([^"]*)"\)', declarations)
    assert len(urls) == 1, declarations
    return ET.fromstring(unquote(urls[0]))


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("page", PAGES)
def test_share_icons_are_drawn_by_the_shipped_stylesheet(site_dir: Path, page: str, lang: str) -> None:
    doc = soup(site_dir / PREFIX[lang] / page / "index.html")
    links = doc.select("aside.sawt-share a.sawt-share__link")
    assert len(links) == len(SHARE_ICON_KEYS)
    # Every stylesheet the page links, as shipped: each icon's mask must be in one of them.
    css = "".join((site_dir / PREFIX[lang] / page / link["href"]).resolve().read_text(encoding="utf-8")
                  for link in doc.select('link[rel="stylesheet"]'))
    for link in links:
        icon = link.select_one("span.sawt-share__icon")
        assert icon is not None and icon.get("aria-hidden") == "true" and not icon.get_text()
        assert link.get_text(strip=True), "the link keeps its visible label"
        key = next(c.removeprefix("sawt-share__icon--") for c in icon["class"] if c.startswith("sawt-share__icon--"))
        rules = _rules(css, f".sawt-share__icon--{key}")
        assert len(rules) == 1, f"no single rule draws the {key} icon"
        drawing = _data_svg(rules[0])
        assert drawing.get("viewBox") == "0 0 24 24" and list(drawing), f"the {key} icon draws nothing"
    base = " ".join(_rules(css, ".sawt-share__icon"))
    assert "mask: var(--sawt-icon)" in base and "background-color: currentColor" in base


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_case_page_inlines_no_icon_but_its_qr_code(site_dir: Path, lang: str) -> None:
    page = site_dir / PREFIX[lang] / "cases" / "saleh-al-samar" / "index.html"
    doc = soup(page)
    # In the case's own article, the QR code is the one drawing (it is the page's own address).
    assert [svg.get("class") for svg in doc.select("article svg")] == [["sawt-qr"]]
    # The logo (header and drawer menu) is the stylesheet's: two empty spans, no inline drawing.
    logos = doc.select("a.md-logo")
    assert len(logos) == 2 and all(a.select_one("span.sawt-logo") and not a.find("svg") for a in logos)
    assert all(a.get("aria-label") for a in logos), "the logo's link is named by the site's name"
    # The frame carries no template indentation (a run of whitespace with a line break is one line break).
    frame = re.sub(r"<(script|pre|textarea|article)\b.*?</\1>", "<kept/>", page.read_text(encoding="utf-8"), flags=re.S)
    assert not re.search(r"\n[ \t]|[ \t]\n|\n\n", frame)


def test_the_logo_in_the_stylesheet_is_the_site_icon(site_dir: Path) -> None:
    css = (site_dir / "assets" / "css" / "sawt.css").read_text(encoding="utf-8")
    drawn = _data_svg(" ".join(_rules(css, ".md-logo .sawt-logo")))
    icon = ET.fromstring((ROOT / "overrides" / "assets" / "images" / "favicon.svg").read_text(encoding="utf-8"))
    assert ET.tostring(drawn) == ET.tostring(icon), "the logo in sawt.css differs from favicon.svg"
