"""A page written in one language only is still built in the other."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.build.site_html import soup
from tests.conftest import ROOT, build_site

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def one_language_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("project")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + "\n"  # no nav: these pages are not the sample's
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder in ("hooks", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    (project / "data" / "cases").mkdir(parents=True)
    for name in ("sources.yml", "figures.yml", "events.yml"):
        (project / "data" / name).write_text("[]\n", encoding="utf-8")
    docs = project / "docs"
    (docs / "en").mkdir(parents=True)
    (docs / "ar").mkdir(parents=True)
    (docs / "en" / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "ar" / "index.md").write_text("# الرئيسية\n", encoding="utf-8")
    (docs / "en" / "english-only.md").write_text("# English only\n\nWritten in English.\n", encoding="utf-8")
    (docs / "ar" / "arabic-only.md").write_text("# بالعربية فقط\n\nمكتوبة بالعربية.\n", encoding="utf-8")
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.parametrize(
    ("page", "reader", "original", "notice", "original_href"),
    [
        ("ar/english-only/index.html", "ar", "en", "لم تُترجم", "../../english-only/"),
        ("arabic-only/index.html", "en", "ar", "not been translated", "../ar/arabic-only/"),
    ],
)
def test_untranslated_page_keeps_the_readers_chrome_and_marks_the_body(
    one_language_site: Path, page: str, reader: str, original: str, notice: str, original_href: str
):
    doc = soup(one_language_site / page)
    assert doc.html["lang"] == reader
    box = doc.select_one(".sawt-untranslated")
    assert box is not None and notice in box.text and box["lang"] == reader
    assert box.find("a")["href"] == original_href
    body = box.find_next_sibling("div")
    assert body["lang"] == original and body["dir"] == ("rtl" if original == "ar" else "ltr")
    assert body.find("h1") is not None


def test_translated_pages_carry_no_notice(one_language_site: Path):
    assert soup(one_language_site / "index.html").select(".sawt-untranslated") == []
    assert soup(one_language_site / "ar" / "index.html").select(".sawt-untranslated") == []
