"""`<!-- sawt:... -->` shortcodes: output, code blocks left alone, and every error."""

from __future__ import annotations

import pytest

from sawt.data.errors import ShortcodeError
from sawt.data.model import ContextEvent, Figure, PartialDate, Text
from sawt.render.shortcodes import SHORTCODES, cases_root_from, expand_shortcodes
from tests.unit.test_render_case_page import SNHR, make_archive, make_case, render_markdown, soup_of

FIGURE = Figure(
    id="lebanon-returns-2023",
    value=874,
    what=Text("Syrian refugees forcibly returned from Lebanon", "لاجئاً سورياً أُعيدوا قسراً من لبنان"),
    period=Text("April to June 2023", "من نيسان إلى حزيران 2023"),
    source=SNHR,
)
CONTEXT = ContextEvent(PartialDate(2023, 4), Text("A campaign of arrests begins.", "تبدأ حملة اعتقالات."), SNHR)
ARCHIVE = make_archive(
    make_case(),
    make_case("omar", name=Text("Omar", "عمر"), status="deported", events=(), pseudonym=True),
    make_case("layla", name=Text("Layla", "ليلى"), status="deported", events=()),
    figures={FIGURE.id: FIGURE, "daraa-conscripts-killed-2020": FIGURE},
    context=(CONTEXT,),
)


def expand(markdown: str, lang: str = "en", **options: object) -> str:
    options.setdefault("case_url", lambda slug: f"../cases/{slug}/")
    return expand_shortcodes(markdown, archive=ARCHIVE, lang=lang, file="docs/en/x.md", **options)  # type: ignore[arg-type]


def test_the_dispatch_table() -> None:
    assert sorted(SHORTCODES) == ["appeal", "appeal-fields", "cases", "contact", "count", "field-reference", "figure", "figures-chart", "grades", "open-data", "people", "timeline"]


# -- count -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shortcode", "count"),
    [
        ("<!-- sawt:count -->", "3"),
        ("<!--sawt:count-->", "3"),
        ("<!-- sawt:count status=deported -->", "2"),
        ("<!-- sawt:count status=deported pseudonym=true -->", "1"),
        ("<!-- sawt:count pseudonym=false -->", "2"),
        ("<!-- sawt:count year=2023 -->", "1"),
        ("<!-- sawt:count year=2023 status=deported -->", "0"),
    ],
)
def test_count(shortcode: str, count: str) -> None:
    assert expand(f"We document {shortcode} people.") == f'We document <bdi class="sawt-count">{count}</bdi> people.'


def test_count_is_inline_and_localized() -> None:
    archive = make_archive(*(make_case(f"c{i:04d}") for i in range(1500)))
    out = expand_shortcodes(
        "يوثّق الأرشيف <!-- sawt:count --> شخصاً.", archive=archive, lang="ar", file="x.md", case_url=lambda s: s + "/"
    )
    assert out == 'يوثّق الأرشيف <bdi class="sawt-count">1,500</bdi> شخصاً.'


# -- errors ---------------------------------------------------------------------------------

STATUS_LIST = "at-risk, detained, disappeared, deported, released, died-in-custody"
NAMES = "appeal, appeal-fields, cases, contact, count, field-reference, figure, figures-chart, grades, open-data, people, timeline"
FIGURES = "daraa-conscripts-killed-2020, lebanon-returns-2023"


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("<!-- sawt:cout -->", f'unknown shortcode "sawt:cout" (did you mean "count"?); valid shortcodes are: {NAMES}'),
        ("<!-- sawt:frobnicate -->", f'unknown shortcode "sawt:frobnicate"; valid shortcodes are: {NAMES}'),
        ("<!-- sawt: count -->", f'"sawt:" must be followed by a shortcode name, with no space; valid shortcodes are: {NAMES}'),
        ("<!-- sawt:count state=deported -->", 'sawt:count: unknown filter "state" (did you mean "status"?); valid filters are: status, year, pseudonym, min_grade'),
        ("<!-- sawt:count country=lb -->", "sawt:count: unknown filter \"country\"; valid filters are: status, year, pseudonym, min_grade"),
        ("<!-- sawt:count deported -->", 'sawt:count: "deported" is not written as name=value, e.g. status=deported; valid filters are: status, year, pseudonym, min_grade'),
        ("<!-- sawt:count status=deportd -->", f'sawt:count: status "deportd" is not one of {STATUS_LIST} (did you mean "deported"?)'),
        ("<!-- sawt:count status= -->", f'sawt:count: status "" is not one of {STATUS_LIST}'),
        ("<!-- sawt:count status=deported status=released -->", 'sawt:count: filter "status" is given twice'),
        ("<!-- sawt:count year=23 -->", 'sawt:count: year "23" is not a four-digit year such as 2023'),
        ("<!-- sawt:count year=٢٠٢٣ -->", 'sawt:count: year "٢٠٢٣" is not a four-digit year such as 2023'),
        ("<!-- sawt:count pseudonym=yes -->", 'sawt:count: pseudonym "yes" is not one of true, false'),
        ("<!-- sawt:timeline case=nobody -->", 'sawt:timeline: no published case "nobody"; a case is named by its file name in data/cases/ without .yml'),
        ("<!-- sawt:timeline case=saleh-al-samr -->", 'sawt:timeline: no published case "saleh-al-samr" (did you mean "saleh-al-samar"?); a case is named by its file name in data/cases/ without .yml'),
        ("<!-- sawt:timeline slug=omar -->", 'sawt:timeline: unknown argument "slug"; valid arguments are: case'),
        ("<!-- sawt:figure -->", f"sawt:figure: needs exactly one figure id; valid figure ids are: {FIGURES}"),
        ("<!-- sawt:figure a b -->", f'sawt:figure: needs exactly one figure id, got "a b"; valid figure ids are: {FIGURES}'),
        ("<!-- sawt:figure lebanon-return-2023 -->", f'sawt:figure: unknown figure "lebanon-return-2023" (did you mean "lebanon-returns-2023"?); valid figure ids are: {FIGURES}'),
        ("<!-- sawt:cases all -->", 'sawt:cases: takes no arguments, got "all"'),
        ("<!-- sawt:figures-chart big -->", 'sawt:figures-chart: takes no arguments, got "big"'),
        ("<!-- sawt:field-reference -->", "sawt:field-reference: no field reference was given to expand_shortcodes for this page"),
        ("See <!-- sawt:figure lebanon-returns-2023 -->", "sawt:figure must stand on a line of its own (it becomes a block of the page), e.g. <!-- sawt:figure lebanon-returns-2023 -->"),
        ("<!-- sawt:cases --> and more", "sawt:cases must stand on a line of its own (it becomes a block of the page), e.g. <!-- sawt:cases -->"),
    ],
)
def test_errors_name_the_file_the_line_and_what_is_valid(markdown: str, message: str) -> None:
    page = f"# Title\n\nSome text.\n\n{markdown}\n"
    with pytest.raises(ShortcodeError) as caught:
        expand(page)
    assert (caught.value.file, caught.value.line, caught.value.message) == ("docs/en/x.md", 5, message)
    assert str(caught.value) == f"docs/en/x.md:5: {message}"


def test_an_unknown_figure_in_an_archive_without_figures() -> None:
    with pytest.raises(ShortcodeError) as caught:
        expand_shortcodes("<!-- sawt:figure x -->", archive=make_archive(), lang="en", file="f.md", case_url=lambda s: s + "/")
    assert caught.value.message == 'sawt:figure: unknown figure "x"; data/figures.yml has no figures'


def test_line_offset_counts_the_front_matter() -> None:
    with pytest.raises(ShortcodeError) as caught:
        expand("a\nb\n<!-- sawt:nope -->", line_offset=4)
    assert caught.value.line == 7


def test_the_first_error_on_the_page_is_reported() -> None:
    with pytest.raises(ShortcodeError) as caught:
        expand("<!-- sawt:count -->\n<!-- sawt:count x=1 -->\n<!-- sawt:nope -->")
    assert caught.value.line == 2


# -- code is left alone ------------------------------------------------------------------------


def test_shortcodes_in_fenced_code_are_shown_literally() -> None:
    page = "\n".join(
        [
            "Count: <!-- sawt:count -->",
            "",
            "```markdown",
            "<!-- sawt:count status=deportd -->",
            "<!-- sawt:nonsense -->",
            "```",
            "",
            "~~~~",
            "<!-- sawt:figure nope -->",
            "```",
            "<!-- sawt:cases extra -->",
            "~~~~",
            "",
            "1. In a list:",
            "",
            "    ```",
            "    <!-- sawt:timeline case=nobody -->",
            "    ```",
            "",
            "Inline: `<!-- sawt:count year=1 -->` and ``<!-- sawt:x -->``.",
            "After: <!-- sawt:count status=deported -->",
        ]
    )
    out = expand(page)
    assert out.splitlines()[0] == 'Count: <bdi class="sawt-count">3</bdi>'
    assert out.splitlines()[-1] == 'After: <bdi class="sawt-count">2</bdi>'
    assert out.splitlines()[1:-1] == page.splitlines()[1:-1]
    # And Markdown then shows them as code.
    codes = [code.get_text() for code in soup_of(render_markdown(out)).find_all("code")]
    assert "<!-- sawt:count status=deportd -->\n<!-- sawt:nonsense -->\n" in codes
    assert "<!-- sawt:count year=1 -->" in codes


def test_an_unclosed_fence_runs_to_the_end() -> None:
    page = "```\n<!-- sawt:nonsense -->\n"
    assert expand(page) == page


def test_a_fence_opener_with_backticks_in_its_info_is_not_a_fence() -> None:
    with pytest.raises(ShortcodeError):
        expand("``` a`b\n<!-- sawt:nonsense -->\n```\n")


def test_other_comments_are_untouched() -> None:
    page = "<!-- a note about sawt:count -->\n<!-- TODO -->\n"
    assert expand(page) == page


# -- block shortcodes ----------------------------------------------------------------------------


def test_figure_with_its_citation() -> None:
    soup = soup_of(render_markdown(expand("Intro.\n<!-- sawt:figure lebanon-returns-2023 -->\nAfter.", "ar")))
    figure = soup.select_one("figure.sawt-figure#sawt-figure-lebanon-returns-2023")
    assert figure.select_one(".sawt-figure__statement").get_text() == "874 لاجئاً سورياً أُعيدوا قسراً من لبنان"
    assert figure.select_one(".sawt-figure__period").get_text() == "من نيسان إلى حزيران 2023"
    caption = figure.figcaption
    assert caption.get_text().startswith("المصدر: ")
    assert caption.select_one("cite a")["href"] == SNHR.url
    assert caption.select_one("a.sawt-source__archived")["href"] == SNHR.archived_url
    assert [p.get_text() for p in soup.find_all("p", recursive=False) if not p.get("class")] == []
    assert soup.find(string="Intro.") and soup.find(string="After.")


def test_global_timeline_marks_context_events() -> None:
    soup = soup_of(render_markdown(expand("<!-- sawt:timeline -->")))
    items = soup.select("ol.sawt-timeline > li")
    assert [li.time["datetime"] for li in items] == ["2013", "2023-04", "2023-04-19", "2024-01-05"]
    context = items[1]
    assert "sawt-timeline__item--context" in context["class"]
    assert context.select_one(".sawt-timeline__context").get_text() == "Context"
    assert context.select_one(".sawt-timeline__text").get_text() == "A campaign of arrests begins."
    assert context.select(".sawt-timeline__case") == []
    arrest = items[2]
    assert "sawt-timeline__item--case" in arrest["class"]
    link = arrest.select_one("a.sawt-timeline__case")
    assert (link["href"], link.get_text()) == ("../cases/saleh-al-samar/", "Saleh Nemer al-Samar")
    assert arrest.select_one(".sawt-timeline__type").get_text() == "Arrested"
    assert arrest.select_one(".sawt-timeline__source a")["href"] == SNHR.url
    soup = soup_of(render_markdown(expand("<!-- sawt:timeline -->", "ar")))
    assert soup.select_one(".sawt-timeline__context").get_text() == "سياق عام"
    assert soup.select_one("time[datetime='2023-04']").get_text() == "نيسان 2023"


def test_one_case_timeline() -> None:
    soup = soup_of(render_markdown(expand("<!-- sawt:timeline case=saleh-al-samar -->")))
    timeline = soup.select_one("ol.sawt-timeline.sawt-timeline--case")
    assert len(timeline.find_all("li")) == 3
    assert timeline.select(".sawt-timeline__case, .sawt-timeline__item--context") == []


def test_block_output_keeps_the_indentation_of_its_container() -> None:
    out = expand("!!! note\n\n    <!-- sawt:timeline case=saleh-al-samar -->\n\nAfter.")
    soup = soup_of(render_markdown(out))
    assert soup.select_one("div.admonition ol.sawt-timeline") is not None
    assert soup.find("p", string="After.").find_parent("div") is None


def test_cases_shows_page_one_with_links_from_this_page() -> None:
    out = expand("# Cases\n\n<!-- sawt:cases -->\n", case_url=lambda slug: f"{slug}/")
    soup = soup_of(render_markdown(out))
    assert [a["href"] for a in soup.select("table.sawt-cases tbody a")] == ["layla/", "omar/", "saleh-al-samar/"]
    out = expand("<!-- sawt:cases -->", case_url=lambda slug: f"../cases/{slug}/")
    assert soup_of(out).select_one("table.sawt-cases tbody a")["href"] == "../cases/layla/"


def test_cases_root_follows_case_url() -> None:
    assert cases_root_from(lambda slug: f"{slug}/") == ""
    assert cases_root_from(lambda slug: f"../../cases/{slug}/") == "../../cases/"
    with pytest.raises(ValueError):
        cases_root_from(lambda slug: f"/cases/{slug}.html")


def test_figures_chart() -> None:
    soup = soup_of(render_markdown(expand("<!-- sawt:figures-chart -->")))
    assert len(soup.select("figure.sawt-chart svg[role=img]")) == 2


def test_field_reference_is_inserted_as_markdown() -> None:
    reference = "| Field | Type |\n|---|---|\n| `name` | text |\n"
    out = expand("## Fields\n\n<!-- sawt:field-reference -->\n\nEnd.", field_reference=reference)
    soup = soup_of(render_markdown(out))
    assert [td.get_text() for td in soup.select("table td")] == ["name", "text"]
