"""The generated case page: front matter, both scripts, translated labels,
localized dates, sources, escaping, and that it survives the site's Markdown.

The archive builders at the top (`make_*`, `render_markdown`, `soup_of`) are
shared by the other test_render*/test_shortcodes* modules.
"""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup
from pymdownx.slugs import slugify

from sawt.data.model import Archive, Case, ContextEvent, Correction, Event, Figure, PartialDate, Source, Text
from sawt.render.case_page import case_page_content, narrative_body

# -- shared builders ---------------------------------------------------------------

SNHR = Source(
    id="snhr-2023-al-samar",
    title="Lebanon: release Saleh al-Samar",
    publisher="Syrian Network for Human Rights (SNHR)",
    date=PartialDate(2023, 6),
    url="https://snhr.org/blog/2023/06/13/al-samar/",
    archived_url="https://web.archive.org/web/20230614000000/https://snhr.org/blog/2023/06/13/al-samar/",
    language="en",
)
OFFLINE = Source(id="leaflet-2019", title="منشور ورقي", publisher="مكتب توثيق", date=None, language="ar")


def make_case(slug: str = "saleh-al-samar", **changes: object) -> Case:
    fields: dict[str, object] = dict(
        slug=slug,
        name=Text("Saleh Nemer al-Samar", "صالح نمر السمر"),
        status="detained",
        summary=Text("A former major who defected.\n\nHe has five children.", "رائد سابق انشق عن الجيش."),
        ask=Text("Release him and do not return him to Syria.", "الإفراج عنه وعدم إعادته إلى سوريا."),
        events=(
            Event(PartialDate(2013), "defected", Text("Defected from the army.", "انشق عن الجيش."), source=OFFLINE),
            Event(
                PartialDate(2023, 4, 19),
                "arrested",
                Text("Arrested while renewing his papers.", "أوقف أثناء تجديد أوراقه."),
                place=Text("Labweh", "اللبوة"),
                by=Text("General Security", "الأمن العام"),
                source=SNHR,
            ),
            Event(
                PartialDate(2024, 1, 5),
                "transferred",
                Text("Moved to Roumieh.", "نُقل إلى رومية."),
                place=Text("Roumieh prison", "سجن رومية"),
            ),
        ),
        sources=(SNHR,),
        last_verified=PartialDate(2023, 6, 13),
    )
    fields.update(changes)
    return Case(**fields)  # type: ignore[arg-type]


def make_archive(*cases: Case, figures: dict[str, Figure] | None = None, context: tuple[ContextEvent, ...] = ()) -> Archive:
    return Archive(
        cases=tuple(sorted(cases, key=lambda c: c.slug)),
        figures=figures or {},
        context_events=context,
        sources={SNHR.id: SNHR, OFFLINE.id: OFFLINE},
    )


def render_markdown(text: str) -> str:
    """Markdown to HTML with the extensions mkdocs.yml enables."""
    md = markdown.Markdown(
        extensions=["attr_list", "md_in_html", "admonition", "tables", "toc", "pymdownx.superfences", "pymdownx.details"],
        extension_configs={"toc": {"permalink": "#", "slugify": slugify(case="lower")}},
    )
    return md.convert(text)


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def page(case: Case, lang: str = "en", *, narrative: str | None = None, **options: object) -> tuple[dict[str, object], BeautifulSoup]:
    """The page's title and description, and its body parsed; a narrative goes through
    the site's Markdown first, as the build does."""
    options.setdefault("site_name", "Sawt" if lang == "en" else "صوت")
    if narrative is not None:
        options["narrative_html"] = render_markdown(narrative_body(narrative))
    content = case_page_content(case, lang, **options)  # type: ignore[arg-type]
    meta = {"title": content.title, "description": content.description, "sawt_case": case.slug}
    return meta, soup_of(content.body_html)


# -- front matter --------------------------------------------------------------------


def test_front_matter_has_title_description_and_slug() -> None:
    meta, _ = page(make_case(), "en")
    assert meta == {
        "title": "Saleh Nemer al-Samar",
        "description": "Detained. Sawt asks: Release him and do not return him to Syria.",
        "sawt_case": "saleh-al-samar",
    }
    meta, _ = page(make_case(), "ar")
    assert meta["title"] == "صالح نمر السمر"
    assert meta["description"] == "محتجز. مطالب صوت: الإفراج عنه وعدم إعادته إلى سوريا."


def test_description_falls_back_to_the_summary_on_one_line() -> None:
    meta, _ = page(make_case(ask=None), "en")
    assert meta["description"] == "Detained. A former major who defected. He has five children."


# -- names, status, pseudonym ------------------------------------------------------------


def test_name_in_both_scripts() -> None:
    _, soup = page(make_case(), "en")
    assert soup.h1.get_text().rstrip("#") == "Saleh Nemer al-Samar"
    other = soup.select_one(".sawt-case__other-name bdi")
    assert other.get_text() == "صالح نمر السمر"
    assert (other["lang"], other["dir"]) == ("ar", "rtl")

    _, soup = page(make_case(), "ar")
    assert soup.h1.get_text().rstrip("#") == "صالح نمر السمر"
    other = soup.select_one(".sawt-case__other-name bdi")
    assert other.get_text() == "Saleh Nemer al-Samar"
    assert (other["lang"], other["dir"]) == ("en", "ltr")


@pytest.mark.parametrize(
    ("status", "lang", "label"),
    [
        ("detained", "en", "Detained"),
        ("detained", "ar", "محتجز"),
        ("deported", "ar", "مُرحَّل"),
        ("died-in-custody", "en", "Died in custody"),
    ],
)
def test_status_badge_is_translated(status: str, lang: str, label: str) -> None:
    _, soup = page(make_case(status=status), lang)
    badge = soup.select_one(".sawt-case__status .sawt-status")
    assert badge["class"] == ["sawt-status", f"sawt-status--{status}"]
    assert badge.get_text() == label


def test_pseudonym_notice_only_when_set() -> None:
    _, soup = page(make_case(pseudonym=True), "en")
    notice = soup.select_one(".sawt-pseudonym")
    assert notice.get_text() == "This name is a pseudonym, changed to protect the person and their family."
    _, soup = page(make_case(pseudonym=True), "ar")
    assert soup.select_one(".sawt-pseudonym").get_text() == "هذا الاسم مستعار، غُيِّر لحماية الشخص وعائلته."
    for lang in ("en", "ar"):
        _, soup = page(make_case(pseudonym=False), lang)
        assert soup.select(".sawt-pseudonym") == []


# -- facts, ask, dates ----------------------------------------------------------------------


def test_key_facts_arrest_and_last_place_of_detention() -> None:
    _, soup = page(make_case(), "en")
    facts = {dt.get_text(): dd.get_text() for dt, dd in zip(soup.select(".sawt-facts dt"), soup.select(".sawt-facts dd"))}
    assert facts == {
        "Arrested": "19 April 2023 in Labweh by General Security",
        "Last known place of detention": "Roumieh prison (5 January 2024)",
        "Held for": "1 month (as of 13 June 2023)",  # held_for, to last_verified
    }
    _, soup = page(make_case(), "ar")
    facts = {dt.get_text(): dd.get_text() for dt, dd in zip(soup.select(".sawt-facts dt"), soup.select(".sawt-facts dd"))}
    assert facts == {
        "اعتقال": "19 نيسان 2023 في اللبوة على يد الأمن العام",
        "آخر مكان احتجاز معروف": "سجن رومية (5 كانون الثاني 2024)",
        "مدة الاحتجاز": "شهر واحد (حتى 13 حزيران 2023)",
    }


def test_no_facts_list_without_arrest_or_detention() -> None:
    _, soup = page(make_case(events=()), "en")
    assert soup.select(".sawt-facts") == []
    assert soup.select("#timeline") == []


def test_ask_and_last_verified() -> None:
    _, soup = page(make_case(), "en")
    assert soup.select_one(".sawt-ask__label").get_text() == "What we ask"
    assert soup.select_one(".sawt-ask__text").get_text() == "Release him and do not return him to Syria."
    verified = soup.select_one(".sawt-case__verified time")
    assert (verified["datetime"], verified.get_text()) == ("2023-06-13", "13 June 2023")
    _, soup = page(make_case(ask=None, last_verified=None), "en")
    assert soup.select(".sawt-ask") == [] and soup.select(".sawt-case__verified") == []


def test_arabic_dates_use_levantine_months_and_ascii_digits() -> None:
    _, soup = page(make_case(), "ar")
    dates = {t["datetime"]: t.get_text() for t in soup.find_all("time")}
    assert dates["2023-04-19"] == "19 نيسان 2023"
    assert dates["2024-01-05"] == "5 كانون الثاني 2024"
    assert dates["2023-06"] == "حزيران 2023"
    assert dates["2013"] == "2013"
    text = soup.get_text()
    assert not re.search("[٠-٩۰-۹]", text), "Arabic pages use ASCII digits"
    # Every date is isolated from the text around it.
    assert all(t.parent.name == "bdi" for t in soup.find_all("time"))


def test_summary_paragraphs() -> None:
    _, soup = page(make_case(), "en")
    assert [p.get_text() for p in soup.select(".sawt-case__summary")] == [
        "A former major who defected.",
        "He has five children.",
    ]


# -- timeline, sources, corrections -------------------------------------------------------


def test_timeline_lists_events_in_date_order_with_labels() -> None:
    shuffled = make_case()
    case = make_case(events=tuple(reversed(shuffled.events)))
    _, soup = page(case, "en")
    heading = soup.find("h2", id="timeline")
    assert heading.get_text().rstrip("#") == "Timeline"
    items = soup.select("ol.sawt-case-timeline > li")
    assert [li.time["datetime"] for li in items] == ["2013", "2023-04-19", "2024-01-05"]
    assert [li.select_one(".sawt-event__type").get_text() for li in items] == ["Defected", "Arrested", "Transferred"]
    arrest = items[1]
    assert "sawt-event--arrested" in arrest["class"]
    assert arrest.select_one(".sawt-event__place").get_text() == "Labweh"
    assert arrest.select_one(".sawt-event__by").get_text() == "by General Security"
    assert arrest.select_one(".sawt-event__text").get_text() == "Arrested while renewing his papers."
    assert arrest.select_one(".sawt-event__source a")["href"] == SNHR.url
    _, soup = page(case, "ar")
    assert soup.find("h2", id="timeline").get_text().rstrip("#") == "التسلسل الزمني"
    assert soup.select_one("ol.sawt-case-timeline > li .sawt-event__type").get_text() == "انشقاق"


def test_sources_with_archived_copies_and_offline_sources() -> None:
    _, soup = page(make_case(), "ar")
    assert soup.find("h2", id="sources").get_text().rstrip("#") == "المصادر"
    items = soup.select("ol.sawt-sources > li")
    # The case's own source first, then the offline source an event cites.
    assert [li["id"] for li in items] == ["sawt-source-1", "sawt-source-2"]
    online, offline = items
    title = online.select_one("cite a")
    assert title["href"] == SNHR.url
    assert title.bdi["lang"] == "en" and title.get_text() == SNHR.title
    assert online.select_one(".sawt-source__publisher bdi").get_text() == SNHR.publisher
    assert online.select_one(".sawt-source__date time")["datetime"] == "2023-06"
    assert online.select_one(".sawt-source__host bdi").get_text() == "snhr.org"
    archived = online.select_one("a.sawt-source__archived")
    assert (archived["href"], archived.get_text()) == (SNHR.archived_url, "نسخة مؤرشفة")
    assert offline.select("a") == [] and offline.cite.get_text() == "منشور ورقي"
    # An event citing a source with no address links to its entry in the list.
    defected = soup.select_one("li.sawt-event--defected .sawt-event__source a")
    assert defected["href"] == "#sawt-source-2"


def test_archived_copy_label_in_english() -> None:
    _, soup = page(make_case(), "en")
    assert soup.select_one("a.sawt-source__archived").get_text() == "archived copy"


def test_only_http_links_are_linked() -> None:
    bad = Source(id="bad", title="Bad", publisher="X", date=None, url="javascript:alert(1)", archived_url="data:text/html,x")
    _, soup = page(make_case(sources=(bad,), events=()), "en")
    assert soup.select("ol.sawt-sources a") == []
    assert "javascript:" not in str(soup)


def test_corrections_only_when_any() -> None:
    _, soup = page(make_case(), "en")
    assert soup.find("h2", id="corrections") is None
    fixed = make_case(corrections=(Correction(PartialDate(2023, 7, 1), Text("The date of arrest was corrected.", "صُحّح تاريخ الاعتقال.")),))
    _, soup = page(fixed, "ar")
    assert soup.find("h2", id="corrections").get_text().rstrip("#") == "التصحيحات"
    item = soup.select_one("ul.sawt-corrections > li")
    assert item.get_text() == "1 تموز 2023: صُحّح تاريخ الاعتقال."


# -- narrative, photo -------------------------------------------------------------------------


def test_narrative_is_markdown_between_header_and_timeline() -> None:
    _, soup = page(make_case(), "en", narrative="His family *waits*.\n\n## In his words\n\nText.")
    headings = [h.get_text().rstrip("#") for h in soup.find_all("h2")]
    assert headings == ["In his words", "Timeline", "Sources"]
    assert soup.find("em").get_text() == "waits"
    header = soup.select_one("div.sawt-case")
    assert header.find_next("p").get_text() != "His family waits."  # header content comes first
    assert soup.find("h2").find_previous("p").get_text() == "His family waits."


def test_narrative_front_matter_and_title_are_dropped() -> None:
    narrative = "---\ntitle: Saleh\n---\n\n# Saleh Nemer al-Samar\n\nHis story.\n"
    _, soup = page(make_case(), "en", narrative=narrative)
    assert len(soup.find_all("h1")) == 1 and soup.find("hr") is None
    assert soup.find("p", string="His story.") is not None
    _, soup = page(make_case(), "en", narrative="  \n")
    assert [h.get("id") for h in soup.find_all("h2")] == ["timeline", "sources"]


def test_photo_only_with_a_url_and_with_alt_text() -> None:
    case = make_case(photo="photos/x.jpg", photo_alt=Text("Saleh in 2020", "صالح عام 2020"))
    _, soup = page(case, "ar", photo_url="../../assets/photos/x.jpg")
    img = soup.select_one(".sawt-portrait img")
    assert (img["src"], img["alt"]) == ("../../assets/photos/x.jpg", "صالح عام 2020")
    _, soup = page(make_case(photo="photos/x.jpg"), "en", photo_url="x.jpg")
    assert soup.select_one(".sawt-portrait img")["alt"] == "Photo of Saleh Nemer al-Samar"
    # No published photo: the placeholder names the person and shows their initial, no image.
    _, soup = page(case, "en")
    assert soup.select("img") == []
    placeholder = soup.select_one(".sawt-portrait--placeholder")
    assert placeholder["role"] == "img" and "Saleh Nemer al-Samar" in placeholder["aria-label"]
    assert placeholder.get_text() == "S"
    _, soup = page(case, "ar")
    assert soup.select_one(".sawt-portrait__initial").get_text() == case.name["ar"].removeprefix("ال")[0]


# -- escaping and isolation --------------------------------------------------------------------


def test_a_name_with_markup_is_text_everywhere() -> None:
    evil = '<script>alert("x")</script> *bold* [link](http://x) :smile: & co'
    case = make_case(name=Text(evil, evil), summary=Text("<b>not bold</b>", "<i>x</i>"))
    content = case_page_content(case, "en", site_name="Sawt")
    # Title and description are plain text, escaped where the page frame places them.
    assert content.title == evil and content.image_alt == f"{evil}: Detained"
    soup = soup_of(content.body_html)
    assert soup.find("script") is None and soup.find("b") is None and soup.find("strong", string="bold") is None
    assert soup.h1.get_text().rstrip("#") == evil
    assert soup.select_one(".sawt-case__other-name").get_text() == evil
    assert soup.select_one(".sawt-case__summary").get_text() == "<b>not bold</b>"
    assert soup.h1.find("a", href="http://x") is None


def test_latin_text_on_arabic_pages_is_isolated() -> None:
    _, soup = page(make_case(), "ar")
    publisher = soup.select_one(".sawt-event--arrested .sawt-event__source a bdi")
    assert publisher.get_text() == SNHR.publisher
    host = soup.select_one(".sawt-source__host bdi")
    assert host["dir"] == "ltr"


def test_the_page_is_one_header_block_then_sections() -> None:
    _, soup = page(make_case(corrections=(Correction(PartialDate(2024), Text("x", "x")),)), "en")
    top = [(el.name, el.get("id") or " ".join(el.get("class", []))[:12]) for el in soup.body.find_all(recursive=False)]
    assert top == [
        ("div", "sawt-case sa"),  # portrait, h1, other name, status, facts, ask
        ("div", "sawt-case__a"),  # summary (the share block, when given, comes before it)
        ("h2", "timeline"),
        ("ol", "sawt-case-ti"),
        ("h2", "sources"),
        ("ol", "sawt-sources"),
        ("h2", "corrections"),
        ("ul", "sawt-correct"),
        ("p", "sawt-text-on"),  # the link to the text-only version
        ("p", "sawt-print-o"),
    ]
    assert [a["href"] for a in soup.select("h1 > a.headerlink, h2 > a.headerlink")] == [
        "#saleh-al-samar", "#timeline", "#sources", "#corrections"]
