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
