"""The proof that the languages live in one place: the sample with French added (LTR), its own
catalog and a docs/fr/ folder, built strictly with no change to Sawt's code.

Sawt stays an Arabic and English site by default; this test proves the structure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.build.projects import build, copy_project
from tests.build.site_html import soup

pytestmark = pytest.mark.build

FRENCH = """        - locale: fr
          name: Français
          build: true
          site_name: Sawt
          nav_translations:
            Home: Accueil
            Cases: Cas
            About: À propos

hooks:"""

#: A few strings in French; every other string shows in English (gettext's rule).
CATALOG = r'''msgid ""
msgstr ""
"Language: fr\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"
"Content-Type: text/plain; charset=utf-8\n"

msgctxt "key_facts"
msgid "Key facts"
msgstr "Faits essentiels"

msgctxt "act_share"
msgid "Share this case"
msgstr "Partager ce cas"

msgctxt "status:disappeared"
msgid "Forcibly disappeared"
msgstr "Disparu de force"

msgctxt "untranslated_notice"
msgid "This page has not been translated into English yet. It is shown in its original language."
msgstr "Cette page n’est pas encore traduite en français ; elle est affichée dans sa langue d’origine."
'''

HOME = """---
title: Accueil
description: Une archive de détenus syriens, fictive pour ce test.
---

# Accueil

Texte d'accueil en français pour le test.
"""


@pytest.fixture(scope="module")
def french(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("french"))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\nhooks:" in text
    config.write_text(text.replace("\nhooks:", "\n" + FRENCH, 1), encoding="utf-8")
    catalog = project / "locale" / "fr" / "LC_MESSAGES" / "sawt.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(CATALOG, encoding="utf-8")
    (project / "docs" / "fr").mkdir()
    (project / "docs" / "fr" / "index.md").write_text(HOME, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    warnings = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert warnings == []
    return project / "site"


def test_french_pages_exist_left_to_right(french: Path):
    home = soup(french / "fr" / "index.html")
    assert (home.html["lang"], home.html["dir"]) == ("fr", "ltr")
    assert "Texte d'accueil en français" in home.get_text()
    assert soup(french / "index.html").html["lang"] == "en" and soup(french / "ar" / "index.html").html["dir"] == "rtl"


def test_a_page_without_french_shows_the_english_with_the_notice(french: Path):
    about = soup(french / "fr" / "about" / "index.html")
    notice = about.select_one(".sawt-untranslated")
    assert notice is not None and notice["lang"] == "fr"
    assert "pas encore traduite en français" in notice.get_text()
    assert about.select_one('article div[lang="en"][dir="ltr"]') is not None


def test_a_case_page_in_french_uses_the_catalog_and_falls_back_to_english(french: Path):
    page = soup(french / "fr" / "cases" / "osama" / "index.html")
    text = " ".join(page.get_text().split())
    assert page.select_one("dl.sawt-facts")["aria-label"] == "Faits essentiels"  # from the French catalog
    assert "Disparu de force" in text and "Partager ce cas" in text
    assert "Last verified" in text  # not in it: English
    assert page.select_one(".sawt-untranslated") is not None  # the case's texts are English
    summary = page.select_one('article [lang="en"]')
    assert summary is not None


def test_search_feeds_sitemap_and_switcher_include_french(french: Path):
    entry = json.loads((french / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == {"en", "ar", "fr"}
    feed = (french / "feed-fr.xml").read_text(encoding="utf-8")
    assert 'xml:lang="fr"' in feed and "/fr/cases/osama/" in feed
    sitemap = "".join(path.read_text(encoding="utf-8") for path in french.glob("sitemap*.xml"))
    assert 'hreflang="fr" href="https://' in sitemap and "/fr/cases/osama/" in sitemap
    switch = soup(french / "cases" / "osama" / "index.html").select('a[hreflang="fr"]')
    assert switch, "the English page's language switcher offers French"
    alternates = {link["hreflang"] for link in soup(french / "about" / "index.html").select('link[rel="alternate"][hreflang]')}
    assert alternates == {"en", "ar", "fr", "x-default"}


def test_texts_are_still_required_in_english_and_arabic_only(french: Path):
    # The sample's cases have no French text at all, and the strict build passed; a case without
    # Arabic still fails the check whatever languages the site is built in.
    from datetime import date

    from sawt.data.errors import DataError
    from sawt.data.load import check_archive

    data = french.parent / "data"
    case = data / "cases" / "osama.yml"
    text = case.read_text(encoding="utf-8")
    assert "\n  ar:" in text or "ar:" in text
    check_archive(data, today=date(2026, 12, 1))  # valid as it is
    case.write_text(text.replace("ar:", "fr:", 1), encoding="utf-8")
    try:
        with pytest.raises(DataError):
            check_archive(data, today=date(2026, 12, 1))
    finally:
        case.write_text(text, encoding="utf-8")
