"""The search index builder: what each page becomes for Pagefind, and one real indexing run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest

from sawt.outputs.search.index import (
    LARGE_PAGE_CHARS,
    build_search_index,
    extract_article,
    html_language,
    search_document,
)
from tests.search_fixture.fixture_site import CASE_URL, write_fixture_site


def page(body: str, *, lang: str = "ar", head: str = "") -> str:
    direction = "rtl" if lang == "ar" else "ltr"
    return (
        f'<!doctype html><html lang="{lang}" dir="{direction}" class="no-js"><head><meta charset="utf-8">{head}</head>'
        '<body><header class="md-header">صفحة الرأس</header><nav class="md-nav">التنقل</nav>'
        f'<div class="md-content"><article class="md-content__inner md-typeset">{body}</article></div>'
        '<footer>الحاشية</footer></body></html>'
    )


CASE_BODY = (
    '<h1 id="saleh">صالح نمر السمر<a class="headerlink" href="#saleh">#</a></h1>'
    '<div class="sawt-case sawt-case--detained" data-sawt-case="saleh-al-samar" '
    'data-sawt-aliases="Saleh al-Samar|صالح السمر">'
    '<p class="sawt-case__other-name"><bdi lang="en" dir="ltr">Saleh Nemer al-Samar</bdi></p>'
    '<p class="sawt-case__status"><span class="sawt-status sawt-status--detained">محتجز</span></p>'
    "<p>اعتُقل عند المعبر الحدودي والمعتقل في ٢٠٢٣.</p></div>"
)


def meta_of(document_html: str) -> dict[str, str]:
    """The data-pagefind-meta captures of the injected element, resolved."""
    match = re.search(r'<div hidden[^>]*data-pagefind-meta="([^"]*)"[^>]*>', document_html)
    assert match, document_html
    element = match.group(0)
    meta = {}
    for capture in match.group(1).split(", "):
        key, attribute = re.fullmatch(r"(\w+)\[([\w-]+)\]", capture).groups()
        meta[key] = re.search(rf'{attribute}="([^"]*)"', element).group(1)
    return meta


def test_html_language_reads_lang_and_dir():
    assert html_language('<html lang="ar" dir="rtl" class="no-js">') == ("ar", "rtl")
    assert html_language("<html class='x' lang='en-GB'>") == ("en", None)
    assert html_language("<p>no html tag</p>") == (None, None)


def test_extract_article_takes_the_whole_material_article_only():
    html = page("<p>أ</p><article><p>داخلي</p></article><p>ب</p>")
    article = extract_article(html)
    assert article.startswith('<article class="md-content__inner') and article.endswith("</article>")
    assert "داخلي" in article and "<p>ب</p>" in article and "الحاشية" not in article


def test_pages_without_article_language_or_with_noindex_are_left_out():
    assert search_document("<html lang='ar'><body><p>لا مقال</p></body></html>") is None
    assert search_document(page("<h1>x</h1>", lang="fr")) is None
    assert search_document(page("<h1>x</h1>"), languages=("en",)) is None
    assert search_document(page("<h1>x</h1>", head='<meta name="robots" content="noindex">')) is None


def test_the_indexed_document_keeps_the_article_and_language_only():
    document = search_document(page("<h1 id='t'>عنوان<a class='headerlink' href='#t'>#</a></h1><p>والمعتقل</p>"))
    assert document.lang == "ar" and not document.is_case
    assert '<html lang="ar" dir="rtl">' in document.html
    assert "headerlink" not in document.html and "صفحة الرأس" not in document.html and "الحاشية" not in document.html
    assert 'id="t"' not in document.html  # the title is no sub-result of itself
    assert meta_of(document.html) == {"sawt_terms": "معتقل"}


def test_a_page_that_needs_no_extra_forms_gets_no_hidden_element():
    document = search_document(page("<h1>Sawt</h1><p>An archive 2023</p>", lang="en"))
    assert "data-pagefind-meta" not in document.html


def test_a_case_page_gets_names_status_and_a_heavier_name_heading():
    document = search_document(page(CASE_BODY))
    assert document.is_case
    meta = meta_of(document.html)
    assert meta["status"] == "محتجز"
    names = meta["sawt_names"].split(" ; ")
    assert names[:4] == ["صالح نمر السمر", "Saleh Nemer al-Samar", "Saleh al-Samar", "صالح السمر"]
    assert "سمر" in names
    assert "معتقل" in meta["sawt_terms"].split() and "2023" in meta["sawt_terms"].split()
    assert re.search(r'<h1 data-pagefind-weight="10">صالح نمر السمر</h1>', document.html)


def test_status_label_attribute_overrides_the_visible_label():
    body = CASE_BODY.replace('data-sawt-case="saleh-al-samar"', 'data-sawt-case="x" data-sawt-status-label="Detained"')
    assert meta_of(search_document(page(body)).html)["status"] == "Detained"


def test_a_case_page_is_filed_under_the_grade_its_status_rests_on():
    body = CASE_BODY.replace('data-sawt-case="saleh-al-samar"', 'data-sawt-case="x" data-sawt-grade-label="مصدر واحد"')
    document = search_document(page(body)).html
    holder = re.search(r"<div hidden[^>]*>", document).group(0)
    assert 'data-pagefind-filter="grade[data-sawt-grade-label]"' in holder and 'data-sawt-grade-label="مصدر واحد"' in holder
    # A page with no grade label (every page but a case's) is filed under no grade.
    assert "data-pagefind-filter" not in search_document(page(CASE_BODY)).html


def test_elements_pagefind_ignores_add_no_hidden_terms():
    document = search_document(page('<h1>عنوان</h1><div data-pagefind-ignore><p>والمعتقل</p></div>'))
    assert "data-sawt-terms" not in document.html


def test_text_size_is_measured_for_the_large_page_report():
    document = search_document(page("<h1>عنوان</h1><table>" + "<tr><td>اسم</td></tr>" * 10 + "</table>"))
    assert 0 < document.text_chars < LARGE_PAGE_CHARS


@pytest.fixture(scope="module")
def indexed_site(tmp_path_factory) -> tuple[Path, object]:
    site = write_fixture_site(tmp_path_factory.mktemp("search") / "site")
    return site, build_search_index(site)


def test_build_search_index_writes_one_bundle_with_an_index_per_language(indexed_site):
    site, report = indexed_site
    bundle = site / "pagefind"
    assert report.bundle_dir == bundle
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"en", "ar"}
    assert (bundle / "pagefind.js").exists() and (bundle / "pagefind-component-ui.js").exists()
    assert not (bundle / "pagefind-ui.js").exists()  # the unused default UI is dropped
    assert report.pages["en"] >= 4 and report.pages["ar"] >= 4
    assert report.pages == {lang: entry["languages"][lang]["page_count"] for lang in ("ar", "en")}
    assert report.case_pages == 4
    assert report.bundle_bytes > 0 and report.seconds > 0
    assert "search index:" in report.summary()


def test_build_search_index_never_changes_the_site_pages(indexed_site):
    site, _report = indexed_site
    case_page = (site / CASE_URL["ar"].strip("/") / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind" not in case_page and 'class="headerlink"' in case_page


def test_build_search_index_refuses_an_empty_site(tmp_path):
    (tmp_path / "index.html").write_text("<html lang='en'><body>no article</body></html>")
    with pytest.raises(RuntimeError, match="no page to index"):
        build_search_index(tmp_path)


def test_worker_processes_write_the_same_documents_as_one_process(tmp_path, monkeypatch):
    import sawt.outputs.search.index as search_index

    site = write_fixture_site(tmp_path / "site")
    one = search_index._write_search_documents(site, tmp_path / "one", ("en", "ar"), "pagefind", None)
    monkeypatch.setattr(search_index, "PARALLEL_FROM_PAGES", 1)
    monkeypatch.setattr(search_index.os, "cpu_count", lambda: 2)
    many = search_index._write_search_documents(site, tmp_path / "many", ("en", "ar"), "pagefind", None)
    assert (many.pages, many.case_pages, sorted(many.skipped)) == (one.pages, one.case_pages, sorted(one.skipped))
    written = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("index.html"))
    assert written == sorted(p.relative_to(tmp_path / "many") for p in (tmp_path / "many").rglob("index.html"))
    for relative in written:
        assert (tmp_path / "one" / relative).read_text() == (tmp_path / "many" / relative).read_text()


def test_archive_wide_lists_are_left_out_but_a_case_timeline_stays():
    body = (
        "<h1>الأرقام</h1><p>مقدمة</p>"
        '<ol class="sawt-timeline"><li class="sawt-timeline__item">شخص تجريبي اعتُقل</li></ol>'
        '<div class="sawt-cases-index"><table class="sawt-cases"><tr><td>صالح السمر</td></tr></table></div>'
        '<ol class="sawt-timeline sawt-timeline--case"><li class="sawt-timeline__item">والمعتقل</li></ol>'
    )
    document = search_document(page(body))
    assert "شخص تجريبي" not in document.html and "صالح السمر" not in document.html
    assert "sawt-timeline--case" in document.html and "معتقل" in meta_of(document.html)["sawt_terms"]


def test_page_furniture_is_not_indexed():
    body = (
        "<h1>عنوان</h1><p>نص الصفحة</p>"
        '<aside class="sawt-share"><h2 id="s">Share this page</h2><a href="#">WhatsApp</a></aside>'
        '<div class="admonition note sawt-untranslated"><p>لم تُترجم هذه الصفحة</p></div>'
    )
    document = search_document(page(body))
    assert "WhatsApp" not in document.html and "Share this page" not in document.html
    assert "لم تُترجم" not in document.html and "نص الصفحة" in document.html


def test_cached_search_documents_are_reused_only_for_unchanged_pages(tmp_path, monkeypatch):
    import sawt.outputs.search.index as search_index

    site = write_fixture_site(tmp_path / "site")
    cache = tmp_path / "cache"
    cold = search_index._write_search_documents(site, tmp_path / "cold", ("en", "ar"), "pagefind", cache)
    parsed: list[str] = []
    real = search_index.search_document
    monkeypatch.setattr(search_index, "search_document", lambda html, **kw: parsed.append(html) or real(html, **kw))
    warm = search_index._write_search_documents(site, tmp_path / "warm", ("en", "ar"), "pagefind", cache)
    assert parsed == [] and (warm.pages, warm.case_pages, sorted(warm.skipped)) == (cold.pages, cold.case_pages, sorted(cold.skipped))
    for document in (tmp_path / "cold").rglob("index.html"):
        assert document.read_text() == (tmp_path / "warm" / document.relative_to(tmp_path / "cold")).read_text()
    # An edited page is read again, and its new text is what gets indexed.
    edited = site / CASE_URL["en"].strip("/") / "index.html"
    edited.write_text(edited.read_text(encoding="utf-8").replace("</h1>", "</h1><p>ZZEDITED</p>", 1), encoding="utf-8")
    search_index._write_search_documents(site, tmp_path / "edited", ("en", "ar"), "pagefind", cache)
    assert len(parsed) == 1
    assert "ZZEDITED" in (tmp_path / "edited" / CASE_URL["en"].strip("/") / "index.html").read_text(encoding="utf-8")


def test_case_pages_are_dealt_to_shards_by_slug_in_both_languages():
    from sawt.outputs.search.index import case_slug, shard_count, shard_of

    assert case_slug("cases/osama/index.html", ("en", "ar")) == "osama"
    assert case_slug("ar/cases/osama/index.html", ("en", "ar")) == "osama"
    for other in ("cases/index.html", "ar/cases/page/2/index.html", "news/cases/index.html", "index.html"):
        assert case_slug(other, ("en", "ar")) is None, other
    # One bundle up to the limit, then powers of two: the count moves only when the archive doubles.
    assert [shard_count(n, 1000) for n in (12, 1000, 1001, 2000, 2001, 3999, 4001, 20_000, 200_000)] == [
        0, 0, 2, 2, 4, 4, 8, 16, 16]
    assert shard_of("osama", 16) == shard_of("osama", 16) and {shard_of(f"p{i}", 4) for i in range(40)} == {0, 1, 2, 3}


def test_a_page_known_by_its_key_is_not_read_again_and_a_new_key_is(tmp_path):
    """A generated page's key covers every byte of it: while the key is unchanged, its search
    document comes from the cache without the page being read; a new key reads it again."""
    import sawt.outputs.search.index as search_index

    site = write_fixture_site(tmp_path / "site")
    cache = tmp_path / "cache"
    relative = CASE_URL["en"].strip("/") + "/index.html"
    first = search_index._write_search_documents(site, tmp_path / "one", ("en", "ar"), "pagefind", cache,
                                                 page_keys={relative: "key-1"})
    page = site / relative
    text = page.read_text(encoding="utf-8")
    page.unlink()  # cannot be read: only the key can stand for it
    again = search_index._write_search_documents(site, tmp_path / "two", ("en", "ar"), "pagefind", cache,
                                                 page_keys={relative: "key-1"}, relatives=[relative])
    assert again.case_pages == 1 and (tmp_path / "two" / relative).read_text() == (tmp_path / "one" / relative).read_text()
    assert first.case_pages >= 1
    page.write_text(text.replace("</h1>", "</h1><p>ZZEDITED</p>", 1), encoding="utf-8")
    search_index._write_search_documents(site, tmp_path / "three", ("en", "ar"), "pagefind", cache,
                                         page_keys={relative: "key-2"}, relatives=[relative])
    assert "ZZEDITED" in (tmp_path / "three" / relative).read_text(encoding="utf-8")


def test_a_bundle_key_from_the_digests_taken_while_writing_equals_one_read_back(tmp_path):
    """The digests each document gets as it is written stand for reading it back: they cover
    every document, and give the same key."""
    import sawt.outputs.search.index as search_index

    site = write_fixture_site(tmp_path / "site")
    work = tmp_path / "work"
    tally = search_index._write_search_documents(site, work, ("en", "ar"), "pagefind", None)
    files = [p for p in work.rglob("*") if p.is_file()]
    assert files and {str(p) for p in files} == set(tally.digests)
    assert search_index._documents_key(work, tally.digests) == search_index._documents_key(work)


def test_a_key_fact_and_its_value_stay_two_words():
    document = search_document(page('<h1>x</h1><dl><dt>اعتقال</dt><dd>2018 في دمشق</dd></dl>'))
    text = " ".join(lxml.html.fromstring(document.html).text_content().split())
    assert "اعتقال 2018 في دمشق" in text

