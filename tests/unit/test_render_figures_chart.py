"""The archive-in-numbers charts: inline SVG bars with the same numbers as tables."""

from __future__ import annotations

from sawt.data.model import STATUSES, Event, PartialDate, Text
from sawt.render.figures_chart import MAX_BAR_PERCENT, figures_chart_html
from tests.unit.test_render_case_page import make_archive, make_case, render_markdown, soup_of


def arrested(year: int) -> tuple[Event, ...]:
    return (Event(PartialDate(year, 3), "arrested", Text("x", "x")),)


def sample_archive():
    cases = [make_case(f"d{i}", status="detained", events=arrested(2021)) for i in range(3)]
    cases.append(make_case("dep", status="deported", events=arrested(2023)))
    cases += [make_case(f"r{i}", status="released", events=()) for i in range(2)]
    return make_archive(*cases)


def chart(soup, kind: str):
    return soup.select_one(f"figure.sawt-chart--{kind}")


def bars(figure) -> dict[str, tuple[int, str, str]]:
    """key -> (value, bar width, number shown after the bar)."""
    result = {}
    for row in figure.select("g.sawt-chart__row"):
        key = [c for c in row["class"] if c.startswith("sawt-chart__row--")][0].removeprefix("sawt-chart__row--")
        rect = row.select_one("rect.sawt-chart__bar")
        result[key] = (int(row["data-value"]), rect["width"], row.select_one("text.sawt-chart__value").get_text())
    return result


def test_one_bar_per_status_with_the_right_numbers() -> None:
    soup = soup_of(figures_chart_html(sample_archive(), "en"))
    figure = chart(soup, "status")
    assert list(bars(figure)) == list(STATUSES)
    assert bars(figure) == {
        "at-risk": (0, "0%", "0"),
        "detained": (3, f"{MAX_BAR_PERCENT:g}%", "3"),
        "disappeared": (0, "0%", "0"),
        "deported": (1, "27.33%", "1"),
        "released": (2, "54.67%", "2"),
        "died-in-custody": (0, "0%", "0"),
    }
    labels = [t.get_text() for t in figure.select("text.sawt-chart__label")]
    assert labels[:2] == ["At risk of deportation", "Detained"]


def test_svg_is_an_accessible_image() -> None:
    soup = soup_of(figures_chart_html(sample_archive(), "en"))
    svg = chart(soup, "status").svg
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert soup.find(id=title_id).name == "title" and soup.find(id=title_id).get_text() == "Cases by status"
    assert soup.find(id=desc_id).get_text() == (
        "At risk of deportation: 0, Detained: 3, Forcibly disappeared: 0, Deported: 1, Released: 2, "
        "Died in custody: 0. Total: 6."
    )
    assert chart(soup, "status").figcaption.get_text() == "Cases by status"


def test_the_same_numbers_as_a_table() -> None:
    soup = soup_of(figures_chart_html(sample_archive(), "ar"))
    table = chart(soup, "status").select_one("table.sawt-chart__table")
    rows = [(tr.th.get_text(), tr.td.get_text()) for tr in table.select("tbody tr")]
    assert rows[1] == ("محتجز", "3") and rows[3] == ("مُرحَّل", "1")
    assert [th.get_text() for th in table.select("thead th")] == ["الوضع", "عدد الحالات"]
    assert table.tfoot.get_text(" ", strip=True) == "المجموع 6"


def test_years_with_gaps_and_unknown_years() -> None:
    soup = soup_of(figures_chart_html(sample_archive(), "ar"))
    figure = chart(soup, "year")
    assert {key: value for key, (value, _, _) in bars(figure).items()} == {"2021": 3, "2022": 0, "2023": 1, "unknown": 2}
    assert figure.select("text.sawt-chart__label")[-1].get_text() == "سنة غير معروفة"
    assert figure.figcaption.get_text() == "الحالات بحسب سنة الاعتقال"


def test_bars_start_at_the_right_for_arabic() -> None:
    english = chart(soup_of(figures_chart_html(sample_archive(), "en")), "status")
    arabic = chart(soup_of(figures_chart_html(sample_archive(), "ar")), "status")
    en_bar = english.select_one("g.sawt-chart__row--released rect")
    ar_bar = arabic.select_one("g.sawt-chart__row--released rect")
    assert (en_bar["x"], en_bar["width"]) == ("0", "54.67%")
    assert (ar_bar["x"], ar_bar["width"]) == ("45.33%", "54.67%")  # ends at the right edge
    assert arabic.select_one("text.sawt-chart__label")["text-anchor"] == "end"
    assert arabic.select_one("text.sawt-chart__label")["x"] == "100%"
    assert english.select_one("text.sawt-chart__label")["text-anchor"] == "start"
    # Physical layout: the page's direction must not flip the anchors.
    assert arabic.svg["direction"] == "ltr"


def test_large_numbers_are_grouped_with_ascii_digits() -> None:
    archive = make_archive(*(make_case(f"c{i:05d}", status="deported", events=arrested(2020)) for i in range(1234)))
    soup = soup_of(figures_chart_html(archive, "ar"))
    assert bars(chart(soup, "status"))["deported"] == (1234, f"{MAX_BAR_PERCENT:g}%", "1,234")
    assert chart(soup, "status").tfoot.td.get_text() == "1,234"


def test_empty_archive() -> None:
    soup = soup_of(figures_chart_html(make_archive(), "en"))
    assert len(chart(soup, "status").select("rect")) == len(STATUSES)
    assert chart(soup, "year").select("rect") == []


def test_charts_survive_markdown() -> None:
    html = figures_chart_html(sample_archive(), "en")
    soup = soup_of(render_markdown(f"## Numbers\n\n{html}\n\nAfter."))
    assert len(soup.select("svg")) == 2 and len(soup.select("table.sawt-chart__table")) == 2
    assert soup.select("p svg, p table") == []
