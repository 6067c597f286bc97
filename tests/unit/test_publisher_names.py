"""Arabic pages name a source's publisher by its own Arabic name, or show the original marked
with its language (never an Arabic page that claims an English name is Arabic)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

from sawt.data.load import load_archive
from sawt.data.model import Source
from sawt.render.markup import publisher_html

ROOT = Path(__file__).resolve().parents[2]


def _tag(html: str):
    return BeautifulSoup(str(html), "lxml").bdi


def test_the_sample_snhr_source_has_its_arabic_name_on_arabic_pages_only():
    snhr = load_archive(ROOT / "data", today=date(2026, 12, 1)).sources["snhr-2023-al-samar"]
    ar, en = _tag(publisher_html(snhr, "ar")), _tag(publisher_html(snhr, "en"))
    assert (ar.text, ar["lang"], ar["dir"]) == ("الشبكة السورية لحقوق الإنسان", "ar", "rtl")
    assert (en.text, en["lang"], en["dir"]) == ("Syrian Network for Human Rights (SNHR)", "en", "ltr")


def test_without_an_arabic_name_the_original_is_marked_with_its_own_language():
    petition = Source(id="p", title="أنقذوا", publisher="Avaaz community petition", date=None, language="ar")
    assert _tag(publisher_html(petition, "ar"))["lang"] == "en"  # an Arabic document, an English name
    french = Source(id="f", title="t", publisher="L'Orient-Le Jour", date=None, language="fr")
    assert _tag(publisher_html(french, "ar"))["lang"] == "fr"
    arabic = Source(id="a", title="t", publisher="عنب بلدي", date=None, language="ar")
    assert _tag(publisher_html(arabic, "en"))["lang"] == "ar"
