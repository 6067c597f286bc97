"""Every case page has a text-only version beside it (cases/x/text.html): the same
facts, no script, no web font, no image, well under 30 KB gzipped, and in no sitemap."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import yaml

from tests.build.site_html import soup
from tests.conftest import ROOT, SITE_URL

PREFIX = {"en": "", "ar": "ar/"}
CASES = sorted(p.stem for p in (ROOT / "data" / "cases").glob("*.yml")
               if yaml.safe_load(p.read_text(encoding="utf-8")).get("publish", True) is not False)


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("slug", CASES)
def test_a_case_reads_as_text_only_in_under_30_kb(site_dir: Path, slug: str, lang: str) -> None:
    folder = site_dir / PREFIX[lang] / "cases" / slug
    text_page, full_page = soup(folder / "text.html"), soup(folder / "index.html")
    other = "ar" if lang == "en" else "en"
    assert (text_page.html["lang"], text_page.html["dir"]) == (lang, {"en": "ltr", "ar": "rtl"}[lang])
    # The same person and facts as the full page: name, status, key facts, the ask, sources.
    assert text_page.h1.get_text(strip=True).rstrip("#") == full_page.h1.get_text(strip=True).rstrip("#")
    for selector in (".sawt-case", "dl", "#sources"):
        if full_page.select_one(selector) is not None:
            assert text_page.select_one(selector) is not None, selector
    assert text_page.select_one("#sources + *") is not None or full_page.select_one("#sources") is None
    # Nothing heavy and nothing that runs: one stylesheet of its own, system fonts.
    assert text_page.find_all(["script", "img", "svg", "picture", "iframe"]) == []
    assert text_page.select(".sawt-share__icon") == []  # icons its stylesheet does not draw: left out
    # Nothing that only the full page can use: a QR code's caption, buttons its script shows.
    assert text_page.select(".sawt-share__qr, button") == []
    assert len(text_page.select("a.sawt-share__link")) == len(full_page.select("a.sawt-share__link")) > 0
    links = [link["href"] for link in text_page.find_all("link", rel="stylesheet")]
    assert len(links) == 1 and (folder / links[0]).resolve().is_file()
    stylesheet = (folder / links[0]).resolve()
    assert "@font-face" not in stylesheet.read_text(encoding="utf-8")
    weight = len(gzip.compress((folder / "text.html").read_bytes())) + len(gzip.compress(stylesheet.read_bytes()))
    assert weight < 30_000, weight
    # The same policy as the full page, the full page as canonical, both ways linked.
    policy = lambda page: page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert policy(text_page) == policy(full_page)
    assert text_page.find("link", rel="canonical")["href"] == f"{SITE_URL}{PREFIX[lang]}cases/{slug}/"
    assert full_page.select_one('a[href="text.html"]') is not None
    switch = text_page.find("a", hreflang=other)["href"]
    assert (folder / switch).resolve() == (site_dir / PREFIX[other] / "cases" / slug / "text.html").resolve()


def test_text_pages_are_in_no_sitemap(site_dir: Path) -> None:
    sitemaps = "".join(p.read_text(encoding="utf-8") for p in site_dir.glob("sitemap*.xml"))
    assert "cases/" in sitemaps and "text.html" not in sitemaps
