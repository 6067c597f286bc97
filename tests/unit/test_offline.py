import zipfile

import pytest

from sawt.outputs.offline import offline_href, offline_html, write_zip


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("cases/saleh-al-samar/", "cases/saleh-al-samar/index.html"),
        ("../", "../index.html"),
        (".", "./index.html"),
        ("../ar/#top", "../ar/index.html#top"),
        ("../..", "../../index.html"),
        ("assets/css/sawt.css", "assets/css/sawt.css"),
        ("#main", "#main"),
        ("https://example.org/x/", "https://example.org/x/"),
        ("mailto:a@example.org", "mailto:a@example.org"),
        ("/abs/", "/abs/"),
    ],
)
def test_folder_links_name_their_index(href, expected):
    assert offline_href(href) == expected


def test_pages_rewrite_every_href():
    html = '<a href="cases/x/">x</a><link rel="alternate" href="../ar/" hreflang="ar">'
    assert offline_html(html) == '<a href="cases/x/index.html">x</a><link rel="alternate" href="../ar/index.html" hreflang="ar">'


def test_the_copy_drops_font_preloads_which_chromium_refuses_from_file_urls():
    html = ('<link rel="stylesheet" href="../assets/css/sawt.css">\n'
            '  <link rel="preload" href="../assets/fonts/sawt-latin-400.woff2" as="font" type="font/woff2" crossorigin>\n'
            '<link rel="preload" href="../x.js" as="script">')
    assert offline_html(html) == ('<link rel="stylesheet" href="../assets/css/sawt.css">\n'
                                  '  <link rel="preload" href="../x.js" as="script">')


def test_zip_is_the_same_bytes_for_the_same_site(tmp_path):
    site = tmp_path / "site"
    (site / "ar").mkdir(parents=True)
    (site / "index.html").write_text("en")
    (site / "ar" / "index.html").write_text("ar")
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    write_zip(site, tmp_path / "one" / "copy.zip")
    (site / "index.html").touch()
    write_zip(site, tmp_path / "two" / "copy.zip")
    assert (tmp_path / "one" / "copy.zip").read_bytes() == (tmp_path / "two" / "copy.zip").read_bytes()
    assert zipfile.ZipFile(tmp_path / "one" / "copy.zip").namelist() == ["copy/ar/index.html", "copy/index.html"]


# ---- the landing page ---------------------------------------------------------------

from datetime import date  # noqa: E402

from bs4 import BeautifulSoup  # noqa: E402

from sawt.outputs.offline import CopyFacts, build_date, landing_page  # noqa: E402


def _landing(**overrides) -> BeautifulSoup:
    facts = dict(site_name_en="Sawt", site_name_ar="صوت", address="https://sawt.example.org/", cases=1234,
                 last_verified=date(2026, 11, 30), built=date(2026, 12, 3))
    facts.update(overrides)
    return BeautifulSoup(landing_page(CopyFacts(**facts)), "html.parser")


def test_the_landing_page_says_what_the_copy_is_and_when_it_was_made_in_both_languages():
    doc = _landing()
    english, arabic = doc.select_one('section[lang="en"]'), doc.select_one('section[lang="ar"]')
    assert arabic["dir"] == "rtl" and english["dir"] == "ltr"
    assert "3 December 2026" in english.get_text() and "1,234" in english.get_text()
    assert "30 November 2026" in english.get_text() and "https://sawt.example.org/" in english.get_text()
    assert "2026" in arabic.get_text() and "نسخة" in arabic.get_text()
    assert not any("\u0660" <= ch <= "\u0669" for ch in arabic.get_text())  # ASCII digits on Arabic pages
    assert [a["href"] for a in doc.select("a")] == ["site/ar/index.html", "site/index.html"]
    assert doc.select("time")[0]["datetime"] == "2026-12-03"
    assert doc.select("script, link[rel=stylesheet], img") == []  # loads nothing


def test_a_placeholder_address_is_not_offered_to_readers():
    text = _landing(address=None).get_text()
    assert "http" not in text


def test_the_build_date_is_the_reproducible_builds_epoch_when_given():
    assert build_date({"SOURCE_DATE_EPOCH": "1764720000"}) == date(2025, 12, 3)
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        build_date({"SOURCE_DATE_EPOCH": "yesterday"})


def test_what_a_reader_never_loads_is_left_out(tmp_path):
    from sawt.outputs.offline import prune

    for name in ("assets/cards/en/x.png", "assets/javascripts/lunr/min/lunr.ar.min.js",
                 "assets/javascripts/bundle.1234abcd.min.js", "assets/javascripts/bundle.1234abcd.min.js.map",
                 "index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert prune(tmp_path) == 3
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert left == ["assets/javascripts/bundle.1234abcd.min.js", "index.html"]
