"""The ZIM writer's parts (sawt/outputs/zim.py), without a build: pages as the ZIM holds them,
their index text, the metadata and the illustration."""

from __future__ import annotations

import base64
import hashlib
import io
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image

from sawt.outputs.portable import CopyFacts, carried_files
from sawt.outputs.search.text import reader_spellings
from sawt.outputs.zim import (
    DESCRIPTION_MAX,
    KIWIX_TOOLBAR_HANDLER,
    SEARCH_SCRIPT,
    ZIM_STYLE,
    TITLE_MAX,
    ZIM_LEFT_OUT,
    ZIM_LEFT_OUT_WITH_CARDS,
    illustration_png,
    index_text,
    page_title,
    zim_metadata,
    zim_page,
)

POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='; style-src 'self' 'unsafe-inline'"
PAGE = f"""<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{POLICY}"><meta name="referrer" content="no-referrer">
<title>أسامة - صوت</title><meta property="og:site_name" content="صوت">
<link rel="stylesheet" href="../../../assets/css/sawt.css"></head><body>
<header><div class="sawt-search" data-sawt-search data-sawt-placeholder="ابحث في الأرشيف" data-sawt-grade-filter="الدرجة"></div>
<a href="../../../cases/osama/" data-sawt-switch="en">English</a><a href="../..">home</a></header>
<article class="md-content__inner md-typeset"><header data-sawt-case data-sawt-aliases="أبو محمد"><h1>أسامة</h1>
<p class="sawt-case__other-name">Osama</p></header><p>اعتُقل أسامة في ريف إدلب.</p>
<div class="sawt-share"><h2>شارك هذه الصفحة</h2></div></article>
<script src="../../../assets/js/sawt-search.js" defer></script></body></html>"""


def test_a_page_title_drops_the_site_name():
    assert page_title(PAGE) == "أسامة"
    assert page_title('<title>Osama · Sawt</title><meta property="og:site_name" content="Sawt">') == "Osama"
    assert page_title('<title>Sawt</title><meta property="og:site_name" content="Sawt">') == "Sawt"


def test_a_page_in_the_zim_links_files_and_searches_with_kiwix():
    doc = BeautifulSoup(zim_page(PAGE, "ar/cases/osama/index.html", book="sawt"), "html.parser")
    assert doc.select_one("[data-sawt-switch=en]")["href"] == "../../../cases/osama/index.html"
    assert doc.select_one('a[href="../../index.html"]')  # "../.." is a folder too
    assert doc.select("[data-sawt-search]") == []  # no Pagefind slot: its index is not in the ZIM
    form = doc.select_one("form[data-sawt-kiwix-search]")
    assert form["action"] == "../../../../search" and form["data-sawt-zim-root"] == "../../../"
    assert form.select_one("input[name=content]")["value"] == "sawt"
    box = form.select_one("input[name=pattern]")
    assert box["placeholder"] == box["aria-label"] == "ابحث في الأرشيف"
    scripts = [s["src"] for s in doc.select("script[src]")]
    assert scripts[0] == f"../../../{SEARCH_SCRIPT}"
    assert doc.select_one(f'link[href="../../../{ZIM_STYLE}"]')


def test_the_zim_pages_policy_allows_only_kiwix_serves_toolbar_handler():
    page = zim_page(PAGE, "ar/cases/osama/index.html", book="sawt")
    policy = BeautifulSoup(page, "html.parser").select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    handler_hash = base64.b64encode(hashlib.sha256(KIWIX_TOOLBAR_HANDLER.encode()).digest()).decode()
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert script_src == f"script-src 'self' 'wasm-unsafe-eval' 'sha256-abc=' 'unsafe-hashes' 'sha256-{handler_hash}'"
    assert "'unsafe-inline'" not in script_src


def test_a_case_page_is_indexed_with_the_spellings_readers_type():
    text = index_text(PAGE)
    assert text is not None
    assert "اعتُقل أسامة في ريف إدلب" in text.content
    assert "شارك هذه الصفحة" not in text.content  # furniture, as in the site's own index
    for typed in ("اسامة", "اسامه", "أسامه", "Osama", "ادلب"):
        assert typed in text.keywords, typed
    assert "أبو" in text.keywords  # an alias


def test_reader_spellings_cover_each_fold_alone_and_together():
    assert reader_spellings("أسامة") == {"أسامة", "اسامة", "أسامه", "اسامه"}
    assert reader_spellings("والمعتقلين") == {"والمعتقلين", "معتقلين"}
    assert reader_spellings("Saleh") == {"saleh"}


def test_a_page_the_site_search_leaves_out_is_not_indexed():
    assert index_text(PAGE.replace("<head>", '<head><meta name="robots" content="noindex">')) is None


def _facts(**overrides) -> CopyFacts:
    facts = dict(site_name_en="Sawt", site_name_ar="صوت", address="https://sawt.example.org/", cases=6,
                 last_verified=date(2025, 11, 3), built=date(2026, 12, 3))
    facts.update(overrides)
    return CopyFacts(**facts)


def test_the_metadata_follows_the_openzim_rules(tmp_path: Path):
    (tmp_path / "index.html").write_text(
        '<meta name="description" content="An archive of Syrian detainees, defectors and refugees at risk of '
        'forced return from Lebanon, and a good deal more words than eighty characters.">', encoding="utf-8")
    metadata = dict(zim_metadata(tmp_path, _facts()).items())
    for required in ("Name", "Title", "Description", "LongDescription", "Language", "Creator", "Publisher",
                     "Date", "Flavour"):
        assert metadata[required], required
    assert metadata["Language"] == "ara,eng"
    assert metadata["Date"] == "2026-12-03"
    assert len(metadata["Title"]) <= TITLE_MAX and len(metadata["Description"]) <= DESCRIPTION_MAX
    assert len(metadata["LongDescription"]) > len(metadata["Description"])
    assert "6 published cases" in metadata["LongDescription"] and "صوت" in metadata["LongDescription"]
    assert metadata["Source"] == "https://sawt.example.org/"


def test_the_illustration_is_a_48_pixel_square_of_the_sites_colours():
    with Image.open(io.BytesIO(illustration_png())) as image:
        assert image.format == "PNG" and image.size == (48, 48)
        rgba = image.convert("RGBA")
        assert rgba.getpixel((6, 40))[:3] == (0x7A, 0x1F, 0x1F)  # the dark red square
        assert rgba.getpixel((17, 24))[:3] == (255, 255, 255)  # the loudspeaker


def test_the_zim_carries_no_cards_nor_the_pagefind_bundle_nor_host_files(tmp_path: Path):
    for name in ("index.html", "404.html", "_headers", "pagefind/pagefind.js", "assets/cards/en/x.png",
                 "assets/javascripts/lunr/min/lunr.ar.min.js", "assets/x.js.map"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    carried = [relative for relative, _file in carried_files(tmp_path, also_left_out=ZIM_LEFT_OUT)]
    assert carried == ["index.html"]
    with_cards = [relative for relative, _file in carried_files(tmp_path, also_left_out=ZIM_LEFT_OUT_WITH_CARDS)]
    assert with_cards == ["assets/cards/en/x.png", "index.html"]
