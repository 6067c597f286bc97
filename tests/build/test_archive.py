"""Case pages, the case index and data-driven numbers, read from the built sample site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.build.projects import build, copy_project
from tests.build.site_html import soup
from tests.conftest import ROOT

pytestmark = pytest.mark.build

CASE_FILES = sorted((ROOT / "data" / "cases").glob("*.yml"))
PUBLISHED = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in CASE_FILES}
PUBLISHED = {slug: case for slug, case in PUBLISHED.items() if case.get("publish", True) is not False}


@pytest.mark.parametrize("slug", sorted(PUBLISHED))
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_published_case_has_a_page_in_both_languages(site_dir: Path, slug: str, lang: str):
    case = PUBLISHED[slug]
    page = site_dir / ("ar/" if lang == "ar" else "") / "cases" / slug / "index.html"
    doc = soup(page)
    other = "en" if lang == "ar" else "ar"
    assert doc.html["lang"] == lang
    assert doc.select_one("article h1").get_text(strip=True).rstrip("#") == case["name"][lang]
    assert doc.select_one(".sawt-case__other-name").get_text(strip=True) == case["name"][other]
    assert doc.select_one(f".sawt-status--{case['status']}") is not None
    assert (doc.select_one(".sawt-pseudonym") is not None) == bool(case.get("pseudonym"))
    times = doc.select(".sawt-case-timeline time")
    assert len(times) == len(case.get("events", []))
    if lang == "ar":  # Levantine month names, ASCII digits
        text = " ".join(t.get_text() for t in times)
        assert not re.search(r"[A-Za-z\u0660-\u0669]", text), text


def test_sample_arabic_dates_read_as_readers_write_them(site_dir: Path):
    doc = soup(site_dir / "ar" / "cases" / "saleh-al-samar" / "index.html")
    assert "19 نيسان 2023" in [t.get_text() for t in doc.select("time")]


def test_pseudonyms_are_marked_in_both_languages(site_dir: Path):
    for lang, words in (("en", "pseudonym"), ("ar", "مستعار")):
        page = site_dir / ("ar/" if lang == "ar" else "") / "cases" / "youssef-al-hamad" / "index.html"
        notice = soup(page).select_one(".sawt-pseudonym")
        assert notice is not None and words in notice.get_text()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_case_index_lists_every_published_case_and_links_to_it(site_dir: Path, lang: str):
    index = site_dir / ("ar/" if lang == "ar" else "") / "cases" / "index.html"
    rows = soup(index).select("table.sawt-cases tbody tr")
    assert len(rows) == len(PUBLISHED)
    links = {row.find("a")["href"] for row in rows}
    for href in links:
        assert (index.parent / href / "index.html").resolve().exists(), href
    assert {row["data-status"] for row in rows} == {c["status"] for c in PUBLISHED.values()}


def test_case_pages_stay_out_of_the_menu(site_dir: Path):
    nav = soup(site_dir / "index.html").select("nav.md-nav--primary a")
    assert not [a["href"] for a in nav if re.search(r"cases/[a-z0-9-]+/$", a["href"])]


@pytest.mark.parametrize("lang", ["", "ar/"])
def test_a_case_pages_menu_names_each_other_section_once_without_its_list(site_dir: Path, lang: str):
    """Issue 28: a section the reader is not in is one link to its page, so a case page's
    menu (repeated in some 225,000 pages at full size) does not grow with every appeal,
    report and news item; the section's own page still lists them."""
    case_menu = soup(site_dir / lang / "cases" / "osama" / "index.html").select_one("nav.md-nav--primary")
    assert case_menu.select("nav[data-md-level]") == []  # no section's list inside another page's menu
    links = {a["href"] for a in case_menu.select("a.md-nav__link")}
    assert {"../../appeals/", "../../reports/", "../../news/"} <= links
    for section, item in (("appeals", "saleh-al-samar/"), ("news", "2025-11-extradition-talks/")):
        own_menu = soup(site_dir / lang / section / "index.html").select_one("nav.md-nav--primary")
        assert item in {a["href"] for a in own_menu.select("a.md-nav__link")}, section


def test_numbers_on_the_site_come_from_the_data(site_dir: Path):
    total = str(len(PUBLISHED))
    for home in (site_dir / "index.html", site_dir / "ar" / "index.html"):
        assert [c.get_text(strip=True) for c in soup(home).select(".sawt-count")][:1] == [total]
    figures = soup(site_dir / "figures" / "index.html")
    status_table = figures.select(".sawt-chart--status table tbody tr") or figures.select(".sawt-chart__table tbody tr")
    counted = sum(int(td.get_text(strip=True)) for tr in status_table[: len(status_table)] for td in tr.select("td")[-1:])
    assert counted >= len(PUBLISHED)
    assert figures.select_one("svg[role=img]") is not None


def test_reported_figures_carry_their_source(site_dir: Path):
    figures = soup(site_dir / "figures" / "index.html").select(".sawt-figure")
    assert figures
    values = [f.select_one(".sawt-figure__value").get_text(strip=True) for f in figures]
    assert "874" in values
    for figure in figures:
        assert figure.select_one(".sawt-figure__source") is not None


# -- bad input: a clear error, a non-zero exit, nothing published ---------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda p: (p / "data/cases/osama.yml").write_text(
                (p / "data/cases/osama.yml").read_text(encoding="utf-8").replace("status: disappeared", "status: disapeared"),
                encoding="utf-8",
            ),
            re.compile(r'data/cases/osama\.yml:\d+: status "disapeared" is not one of at-risk, detained'),
        ),
        (
            lambda p: (p / "docs/en/about.md").write_text(
                (p / "docs/en/about.md").read_text(encoding="utf-8") + "\n<!-- sawt:cont -->\n", encoding="utf-8"
            ),
            re.compile(r"docs/en/about\.md:\d+: .*sawt:cont"),
        ),
        (
            lambda p: (p / "docs/ar/index.md").write_text(
                (p / "docs/ar/index.md").read_text(encoding="utf-8") + "\n<!-- sawt:count status=deportd -->\n",
                encoding="utf-8",
            ),
            re.compile(r"docs/ar/index\.md:\d+: .*deportd"),
        ),
    ],
    ids=["bad-status", "unknown-shortcode", "bad-filter"],
)
def test_bad_input_stops_the_build_with_a_message_naming_the_place(tmp_path, change, expected):
    project = copy_project(tmp_path)
    change(project)
    result = build(project)
    assert result.returncode != 0
    assert expected.search(result.stderr), result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert not list((project / "site").glob("**/*.html")), "a half-built site was left behind"


def test_one_new_yaml_file_makes_a_page_in_both_languages_and_counts(tmp_path):
    project = copy_project(tmp_path)
    (project / "data/cases/test-person-one.yml").write_text(
        'name: {en: "Test Person One", ar: "شخص تجريبي أول"}\n'
        "status: deported\n"
        'summary: {en: "A fictional case made by a test.", ar: "حالة خيالية أنشأها اختبار."}\n'
        "events:\n  - date: 2024-05\n    type: deported\n"
        '    text: {en: "Returned to Syria (fictional).", ar: "أعيد إلى سوريا (خيالي)."}\n',
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    site = project / "site"
    for prefix in ("", "ar/"):
        assert (site / prefix / "cases/test-person-one/index.html").exists()
        rows = soup(site / prefix / "cases/index.html").select("table.sawt-cases tbody tr")
        assert "test-person-one" in " ".join(r.find("a")["href"] for r in rows)
        assert soup(site / prefix / "index.html").select_one(".sawt-count").get_text(strip=True) == str(len(PUBLISHED) + 1)


def test_hand_written_narrative_sits_under_the_generated_header(tmp_path):
    project = copy_project(tmp_path)
    (project / "docs/en/cases/osama.md").write_text(
        "---\ntitle: ignored\n---\n\nA paragraph written by a volunteer, ZZNARRATIVE.\n", encoding="utf-8"
    )
    result = build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    doc = soup(project / "site/cases/osama/index.html")
    assert doc.select_one("article h1").get_text(strip=True).rstrip("#") == "Osama"
    paragraph = next(p for p in doc.select("article p") if "ZZNARRATIVE" in p.get_text())
    assert doc.select_one(".sawt-case") in paragraph.find_all_previous("div")
    assert len(list((project / "site").rglob("osama/index.html"))) == 2  # one page per language, no duplicate


def test_a_story_keeps_its_shortcodes_links_and_language(tmp_path):
    project = copy_project(tmp_path)
    (project / "docs/en/cases/osama.md").write_text(
        "# Osama\n\n## In his family's words\n\nThe archive holds <!-- sawt:count --> cases; "
        "see also [Saleh](saleh-al-samar.md).\n", encoding="utf-8")
    (project / "docs/ar/cases/saleh-al-samar.md").write_text("قصة كتبها متطوع ZZARABICSTORY.\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    site = project / "site"
    doc = soup(site / "cases/osama/index.html")
    assert [h.get_text(strip=True).rstrip("#") for h in doc.select("article h2")][:3] == [
        "Share this page", "In his family's words", "Timeline"]  # sharing follows the case header
    story = doc.find("h2", id="in-his-familys-words").find_next("p")
    assert story.select_one(".sawt-count").get_text(strip=True) == str(len(PUBLISHED))
    assert story.find("a")["href"] == "../saleh-al-samar/"
    assert "ZZARABICSTORY" in (site / "ar/cases/saleh-al-samar/index.html").read_text(encoding="utf-8")
    assert "ZZARABICSTORY" not in (site / "cases/saleh-al-samar/index.html").read_text(encoding="utf-8")
