"""An archive bigger than one index page: pages 2 and on are whole pages of the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from sawt.render.case_index import PER_PAGE
from tests.build.projects import build, copy_project
from tests.build.site_html import soup

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Path:
    from bench.build_bench import add_synthetic_cases

    project = copy_project(tmp_path_factory.mktemp("index-pages"))
    add_synthetic_cases(project / "data", project / "scratch", PER_PAGE + 20)
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_page_two_is_a_whole_page_in_both_languages(big_site: Path, prefix: str):
    doc = soup(big_site / prefix / "cases/page/2/index.html")
    lang = "ar" if prefix else "en"
    assert doc.html["lang"] == lang
    title = doc.select_one("article h1").get_text().rstrip("#")
    assert title == ("الحالات، الصفحة 2 من 2" if lang == "ar" else "Cases, page 2 of 2")
    assert doc.title.get_text().startswith(title)
    rows = doc.select("table.sawt-cases tbody tr")
    assert 0 < len(rows) <= PER_PAGE
    # Every case link leads to a built case page; the switcher to the same page in the other language.
    for row in rows[:5]:
        href = row.find("a")["href"]
        assert (big_site / prefix / "cases/page/2" / href / "index.html").resolve().exists(), href
    other = doc.select_one(f'.sawt-language a[hreflang="{"en" if lang == "ar" else "ar"}"]')["href"]
    assert (big_site / prefix / "cases/page/2" / other / "index.html").resolve() == (
        big_site / ("" if prefix else "ar/") / "cases/page/2/index.html").resolve()
    assert doc.select_one('link[rel="canonical"]')["href"].endswith(f"/{prefix}cases/page/2/")
    assert "sawt--frame" not in (big_site / prefix / "cases/page/2/index.html").read_text(encoding="utf-8")


def test_frames_are_not_published(big_site: Path):
    assert not list(big_site.rglob("*sawt--frame*"))
    sitemap = "".join(p.read_text(encoding="utf-8") for p in big_site.glob("sitemap-pages-*.xml"))
    assert "sawt--frame" not in sitemap and "/cases/page/2/" in sitemap
