"""What a campaigner shares: preview meta, cards, share links, feeds and open data."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from lxml import etree
from PIL import Image

from sawt.languages import url_in_language
from sawt.outputs.exports import PUBLIC_FIELDS
from tests.build.site_html import canonical_path, html_pages, page_language, soup, url_path
from tests.build.test_archive import PUBLISHED
from tests.conftest import SITE_URL

pytestmark = pytest.mark.build
ATOM = "{http://www.w3.org/2005/Atom}"


def meta(doc, key: str) -> str | None:
    tag = doc.find("meta", attrs={"property": key}) or doc.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def test_every_page_has_preview_meta_with_absolute_urls(site_dir: Path):
    for path in html_pages(site_dir):
        if path.name == "404.html":
            continue
        doc = soup(path)
        lang = page_language(site_dir, path)
        for key in ("og:title", "og:description", "og:url", "og:image", "og:image:alt", "og:image:width",
                    "og:image:height", "twitter:card", "description"):
            assert meta(doc, key), f"{path}: {key}"
        assert meta(doc, "og:url") == SITE_URL.rstrip("/") + canonical_path(site_dir, path)
        assert doc.find("link", rel="canonical")["href"] == meta(doc, "og:url")
        assert meta(doc, "og:locale") == {"en": "en_US", "ar": "ar_AR"}[lang]
        assert meta(doc, "og:locale:alternate") == {"en": "ar_AR", "ar": "en_US"}[lang]
        assert meta(doc, "twitter:card") == "summary_large_image"
        # said once, in og: (which X reads too): 225,000 case pages at full size
        assert [meta(doc, key) for key in ("twitter:title", "twitter:description", "twitter:image")] == [None] * 3
        image = meta(doc, "og:image")
        assert image.startswith(SITE_URL)
        assert (site_dir / image.removeprefix(SITE_URL)).exists(), image


@pytest.mark.parametrize("slug", sorted(PUBLISHED))
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_case_preview_shows_the_person_and_the_ask(site_dir: Path, slug: str, lang: str):
    case = PUBLISHED[slug]
    doc = soup(site_dir / url_in_language(f"cases/{slug}/", lang) / "index.html")
    assert meta(doc, "og:title") == case["name"][lang]
    if case.get("ask"):
        assert case["ask"][lang].split()[0] in meta(doc, "og:description")
    card = site_dir / meta(doc, "og:image").removeprefix(SITE_URL)
    assert card.name == f"{slug}.png" and f"/{lang}/" in card.as_posix()
    with Image.open(card) as image:
        assert image.size == (1200, 630)
        assert not {k for k in image.info if k not in ("transparency",)}, image.info  # no text chunks


@pytest.mark.parametrize("page", ["cases/saleh-al-samar/", "appeals/be-their-voice/"])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_share_block_links_and_qr(site_dir: Path, page: str, lang: str):
    doc = soup(site_dir / url_in_language(page, lang) / "index.html")
    block = doc.select_one("aside.sawt-share")
    assert block is not None
    page_url = SITE_URL + url_in_language(page, lang)
    assert block["data-url"] == page_url
    hosts = {urlparse(a["href"]).netloc or urlparse(a["href"]).scheme: a["href"] for a in block.select("a.sawt-share__link")}
    assert set(hosts) == {"wa.me", "t.me", "x.com", "www.facebook.com", "mailto"}
    assert page_url in parse_qs(urlparse(hosts["wa.me"]).query)["text"][0]
    assert parse_qs(urlparse(hosts["t.me"]).query)["url"] == [page_url]
    assert parse_qs(urlparse(hosts["www.facebook.com"]).query)["u"] == [page_url]
    if lang == "ar":  # the share text is in the page's language
        assert any("\u0600" <= ch <= "\u06ff" for ch in parse_qs(urlparse(hosts["t.me"]).query)["text"][0])
    svg = block.select_one(".sawt-share__qr svg")
    assert svg is not None and svg.get("role") == "img"
    assert not doc.find("iframe") and not doc.select("script[src^=http]")


def test_feeds_are_valid_atom_and_linked_from_every_page(site_dir: Path):
    for lang, name in (("en", "feed-en.xml"), ("ar", "feed-ar.xml")):
        feed = etree.parse(str(site_dir / name)).getroot()
        assert feed.tag == f"{ATOM}feed"
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        for required in ("id", "title", "updated"):
            assert feed.find(f"{ATOM}{required}") is not None
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) >= len(PUBLISHED) + 1  # every case, and the news item
        for entry in entries:
            for required in ("id", "title", "updated"):
                assert (entry.findtext(f"{ATOM}{required}") or "").strip()
            link = entry.find(f"{ATOM}link[@rel='alternate']")
            target = link.get("href").removeprefix(SITE_URL)
            assert (site_dir / target / "index.html").exists(), target
    for path in [p for p in html_pages(site_dir) if p.name != "404.html"]:
        feeds = soup(path).select('link[rel~=alternate][type="application/atom+xml"]')
        assert {f["hreflang"] for f in feeds} == {"en", "ar"}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_open_data_exports_hold_public_fields_only(site_dir: Path, lang: str):
    folder = site_dir / url_in_language("data/", lang)
    document = json.loads((folder / "cases.json").read_text(encoding="utf-8"))
    assert document["license"]
    assert {c["slug"] for c in document["cases"]} == set(PUBLISHED)
    for record in document["cases"]:
        assert set(record) == {field.name for field in PUBLIC_FIELDS}
    raw = (folder / "cases.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads Arabic right only with the BOM
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == len(PUBLISHED) + 1


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_open_data_page_links_the_files_and_documents_every_field(site_dir: Path, lang: str):
    page = site_dir / url_in_language("data/", lang) / "index.html"
    doc = soup(page)
    for name in ("cases.json", "cases.csv"):
        link = doc.find("a", string=name)
        assert (page.parent / link["href"]).resolve().exists()
        # ... and its gzip copy, the same bytes, for a reader on a slow or costly connection
        packed = doc.find("a", string=name + ".gz")
        assert gzip.decompress((page.parent / packed["href"]).resolve().read_bytes()) == (
            page.parent / link["href"]).resolve().read_bytes()
    assert "gzip" in doc.select_one("article").get_text()
    text = doc.select_one("article").get_text()
    for field in PUBLIC_FIELDS:
        assert field.name in text
    assert "CC-BY-4.0" in text
