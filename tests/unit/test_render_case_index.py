"""The paginated case index: rows, attributes for sorting and filtering, links between pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from sawt.data.model import STATUSES, Case, Event, PartialDate, Text
from sawt.render.case_index import (
    PER_PAGE,
    case_index_first_page,
    case_index_pages,
    index_page_content,
    index_page_path,
)
from tests.unit.test_render_case_page import make_archive, make_case, render_markdown, soup_of

ASSET = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "js" / "sawt-cases.js"


def synthetic_case(n: int) -> Case:
    arrest = ()
    if n % 10:  # every tenth case has no known arrest
        arrest = (
            Event(
                PartialDate(2011 + n % 14, 1 + n % 12, 1 + n % 28),
                "arrested",
                Text("Arrested.", "اعتُقل."),
                place=Text(f"Town {n % 7}", f"بلدة {n % 7}"),
            ),
        )
    return Case(
        slug=f"test-person-{n:05d}",
        name=Text(f"Test Person {n:05d}", f"شخص تجريبي {n:05d}"),
        status=STATUSES[n % len(STATUSES)],
        summary=Text("Fictional.", "شخص خيالي."),
        pseudonym=n % 13 == 0,
        events=arrest,
    )


@pytest.fixture(scope="module")
def thousand():
    return make_archive(*(synthetic_case(n) for n in range(1000)))


def rows_of(html: str):
    return soup_of(html).select("table.sawt-cases > tbody > tr")


def test_the_default_page_size_is_200() -> None:
    assert PER_PAGE == 200


def test_1000_cases_make_five_pages_of_200(thousand) -> None:
    pages = case_index_pages(thousand, "en")
    assert [(p.number, p.total_pages) for p in pages] == [(n, 5) for n in range(1, 6)]
    assert [len(rows_of(p.html)) for p in pages] == [200] * 5
    assert [p.path for p in pages] == ["cases/", "cases/page/2/", "cases/page/3/", "cases/page/4/", "cases/page/5/"]
    assert [index_page_path(n) for n in (1, 2, 50)] == ["cases/", "cases/page/2/", "cases/page/50/"]
    # Every case once, in name order across the pages.
    names = [row.td.a.get_text() for p in pages for row in rows_of(p.html)]
    assert names == sorted(case.name.en for case in thousand.cases)


def test_a_last_page_holds_the_rest(thousand) -> None:
    pages = case_index_pages(thousand, "ar", per_page=300)
    assert [len(rows_of(p.html)) for p in pages] == [300, 300, 300, 100]
    caption = soup_of(pages[3].html).select_one("caption").get_text()
    assert caption == "الحالات من 901 إلى 1,000 من أصل 1,000"
    assert soup_of(pages[0].html).caption.get_text() == "الحالات من 1 إلى 300 من أصل 1,000"


def test_previous_next_and_page_list(thousand) -> None:
    pages = case_index_pages(thousand, "en")

    def nav(page):
        soup = soup_of(page.html).select_one("nav.sawt-pagination")
        previous = soup.select_one("a[rel=prev]")
        following = soup.select_one("a[rel=next]")
        listed = [(a.get_text(), a["href"]) for a in soup.select("ol.sawt-pagination__pages a")]
        current = soup.select_one("a[aria-current=page]").get_text()
        return (previous["href"] if previous else None, following["href"] if following else None, listed, current)

    first = nav(pages[0])
    assert first[:2] == (None, "page/2/")
    assert first[2] == [("1", "./"), ("2", "page/2/"), ("3", "page/3/"), ("4", "page/4/"), ("5", "page/5/")]
    assert first[3] == "1"
    third = nav(pages[2])
    assert third[:2] == ("../2/", "../4/")
    assert third[2] == [("1", "../../"), ("2", "../2/"), ("3", "./"), ("4", "../4/"), ("5", "../5/")]
    assert third[3] == "3"
    second = nav(pages[1])
    assert second[:2] == ("../../", "../3/")
    last = nav(pages[4])
    assert last[:2] == ("../4/", None)
    soup = soup_of(pages[0].html)
    assert soup.select_one("nav.sawt-pagination")["aria-label"] == "Pages of the case index"
    assert soup.select_one("a[rel=next]").get_text() == "Next"
    arabic = soup_of(case_index_pages(thousand, "ar")[1].html)
    assert arabic.select_one("a[rel=prev]").get_text() == "السابقة"
    assert arabic.select_one("a[rel=next]").get_text() == "التالية"


def test_case_links_are_relative_to_each_page(thousand) -> None:
    pages = case_index_pages(thousand, "en")
    assert rows_of(pages[0].html)[0].td.a["href"] == "test-person-00000/"
    assert rows_of(pages[2].html)[0].td.a["href"] == "../../test-person-00400/"


def test_page_one_shown_elsewhere_uses_case_url_and_cases_root(thousand) -> None:
    first = case_index_first_page(thousand, "en", case_url=lambda slug: f"../cases/{slug}/", cases_root="../cases/")
    assert first.number == 1 and first.total_pages == 5
    assert rows_of(first.html)[0].td.a["href"] == "../cases/test-person-00000/"
    soup = soup_of(first.html)
    assert soup.select_one("a[rel=next]")["href"] == "../cases/page/2/"
    assert soup.select_one("a[aria-current=page]")["href"] == "../cases/"
    assert first.html == case_index_pages(thousand, "en", case_url=lambda s: f"../cases/{s}/", cases_root="../cases/")[0].html


def test_rows_carry_filter_and_sort_data() -> None:
    archive = make_archive(make_case(), make_case("x-case", status="released", events=(), pseudonym=True, name=Text("Omar", "عمر")))
    page = case_index_pages(archive, "en")[0]
    by_slug = {row.td.a["href"].strip("/"): row for row in rows_of(page.html)}
    saleh = by_slug["saleh-al-samar"]
    assert (saleh["data-status"], saleh["data-year"]) == ("detained", "2023")
    cells = saleh.find_all("td")
    assert [td["data-sort"] for td in cells] == ["Saleh Nemer al-Samar", "detained", "Labweh", "2023-04-19"]
    assert cells[1].select_one(".sawt-status--detained").get_text() == "Detained"
    assert cells[3].time["datetime"] == "2023-04-19"
    omar = by_slug["x-case"]
    assert (omar["data-status"], omar["data-year"], omar["data-pseudonym"]) == ("released", "", "true")
    assert [td["data-sort"] for td in omar.find_all("td")][2:] == ["", ""]
    assert omar.select_one(".sawt-pseudonym-mark").get_text() == "(pseudonym)"
    assert omar.select(".sawt-unknown")[0].get_text() == "Unknown"
    soup = soup_of(page.html)
    assert [th["data-sort-type"] for th in soup.select("thead th")] == ["text", "status", "text", "date"]
    assert [th.get_text() for th in soup.select("thead th")] == ["Name", "Status", "Place of arrest", "Date of arrest"]
    assert soup.select("nav.sawt-pagination") == []  # one page: no page links
    assert soup.caption.get_text() == "All 2 cases"


def test_filter_form_is_hidden_until_the_script_runs(thousand) -> None:
    soup = soup_of(case_index_pages(thousand, "ar")[0].html)
    form = soup.select_one("form.sawt-filters")
    assert form.has_attr("hidden")
    assert form["data-result-template"] == "المعروض {shown} من أصل {total} في هذه الصفحة"
    statuses = [(o["value"], o.get_text()) for o in form.select("select[name=status] option")]
    assert statuses[0] == ("", "الكل")
    assert [value for value, _ in statuses[1:]] == list(STATUSES)
    assert ("deported", "مُرحَّل") in statuses
    years = [o["value"] for o in form.select("select[name=year] option")]
    assert years == [""] + [str(y) for y in range(2024, 2010, -1)]


def test_arabic_index_orders_by_arabic_name() -> None:
    names = ["إياد", "باسل", "أحمد", "تامر", "آدم"]
    archive = make_archive(*(make_case(f"c{i}", name=Text(f"E{i}", name)) for i, name in enumerate(names)))
    page = case_index_pages(archive, "ar")[0]
    assert [row.td.a.get_text() for row in rows_of(page.html)] == ["أحمد", "آدم", "إياد", "باسل", "تامر"]  # alef forms fold: احمد < ادم < اياد


def test_names_are_escaped() -> None:
    archive = make_archive(make_case(name=Text("<img src=x onerror=alert(1)>", "<script>x</script>")))
    for lang in ("en", "ar"):
        soup = soup_of(case_index_pages(archive, lang)[0].html)
        # The one script is the index's own filters, by address; the names' tags are text.
        assert [str(s) for s in soup.find_all("script")] == [f'<script defer="" src="{"../" * (2 if lang == "ar" else 1)}assets/js/sawt-cases.js"></script>']
        assert soup.find("img") is None


def test_an_empty_archive_has_one_empty_page() -> None:
    pages = case_index_pages(make_archive(), "en")
    assert len(pages) == 1 and rows_of(pages[0].html) == []
    assert soup_of(pages[0].html).caption.get_text() == "All 0 cases"


def test_the_index_survives_markdown_as_one_block(thousand) -> None:
    html = case_index_pages(thousand, "en", per_page=50)[0].html
    assert "\n\n" not in html
    soup = soup_of(render_markdown(f"Intro.\n\n{html}\n\nAfter."))
    assert len(soup.select("table.sawt-cases > tbody > tr")) == 50
    assert soup.select("p > table, p > div") == []


def test_generated_index_page_content(thousand) -> None:
    page = case_index_pages(thousand, "ar")[2]
    content = index_page_content(page, "ar")
    assert content.title == "الحالات، الصفحة 3 من 5"
    assert content.body_html.startswith('<h1 id="page-3">الحالات، الصفحة 3 من 5<a class="headerlink" href="#page-3"')
    assert page.html in content.body_html


def test_every_index_page_loads_the_filters_script_from_the_site_root(tmp_path):
    from datetime import date as _date

    from bs4 import BeautifulSoup as _Soup

    from sawt.data.load import load_archive as _load
    from sawt.data.synthetic import write_synthetic_archive
    from sawt.render.case_index import case_index_pages as _pages

    archive = _load(write_synthetic_archive(tmp_path / "data", 5, 3), today=_date(2026, 12, 1))
    for lang, first, second in (("en", "../assets/js/sawt-cases.js", "../../../assets/js/sawt-cases.js"),
                                ("ar", "../../assets/js/sawt-cases.js", "../../../../assets/js/sawt-cases.js")):
        pages = _pages(archive, lang, per_page=2)
        sources = [_Soup(p.html, "lxml").select_one("script[src]")["src"] for p in pages[:2]]
        assert sources == [first, second]  # from cases/ and cases/page/2/ (under ar/ for Arabic)
