"""The sitemaps: every page in both languages, with hreflang alternates and x-default.

The pages are listed in `sitemap-pages-1.xml`, `sitemap-pages-2.xml`, ..., each under the
protocol's limits (sitemaps.org: at most 50,000 URLs and 50 MB uncompressed a file), and
/sitemap.xml is a small sitemap index naming them; robots.txt names them too. A page and
its translation are always in the same file, next to each other.

Why several files: with 100,000 cases one file held 201,038 URLs in 78 MB, which crawlers
refuse. At 112,414 cases (`bench/sitemap_bench.py`) it is five files of at most 50,000 URLs,
about 19 MB each, so plain XML is under the byte limit with room to spare and no file is
gzipped (hosts compress them on the wire like any XML). The byte limit is still checked
file by file, for a long site address or long page paths.

Why an index at /sitemap.xml rather than the list itself: Material's script downloaded
/sitemap.xml on every page view (7.6 MB at 20,000 pages, measured); an index stays a few
hundred bytes.

The text is written line by line rather than through ElementTree: at 112,414 cases the tree
of one file list would hold about a million elements at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from sawt.languages import LANGUAGES, default_language, url_in_language

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"

#: The sitemap index, at the site's root.
INDEX_SITEMAP = "sitemap.xml"
#: The lists of pages: PAGES_SITEMAP.format(n=1), n=2, ...
PAGES_SITEMAP = "sitemap-pages-{n}.xml"
#: The protocol's limits for one sitemap file (https://www.sitemaps.org/protocol.html).
MAX_URLS_PER_FILE = 50_000
MAX_BYTES_PER_FILE = 50 * 1024 * 1024

_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_URLSET_OPEN = f'{_DECLARATION}<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">\n'
_URLSET_CLOSE = "</urlset>\n"


@dataclass(frozen=True)
class Sitemap:
    """One file of pages: its name at the site's root, its text and how many URLs it lists."""

    name: str
    text: str
    url_count: int


def _address(base: str, site_path: str) -> str:
    # Percent-encode what a URL may not carry as it is (a non-ASCII file name); an ASCII
    # path is unchanged. The XML escaping of "&" and quotes is done where it is written.
    return base + quote(site_path, safe="/:@!$&'()*+,;=-._~%")


def _page_entries(path: str, base: str) -> str:
    """A page's <url> in each language, each naming every language's version and x-default."""
    alternates = "".join(
        f'<xhtml:link rel="alternate" hreflang="{alternate}" '
        f'href={quoteattr(_address(base, url_in_language(path, default_language() if alternate == "x-default" else alternate)))}/>'
        for alternate in [*LANGUAGES, "x-default"]
    )
    return "".join(
        f"<url><loc>{escape(_address(base, url_in_language(path, lang)))}</loc>{alternates}</url>\n"
        for lang in LANGUAGES
    )


def page_sitemaps(neutral_paths: Iterable[str], site_url: str, *, max_urls: int = MAX_URLS_PER_FILE,
                  max_bytes: int = MAX_BYTES_PER_FILE) -> Iterator[Sitemap]:
    """The pages' sitemap files, in order, one at a time (the caller writes each and lets it go).

    `neutral_paths` are language-neutral page paths ("", "about/", "cases/x/"). A file is
    closed before a page's entries would take it past `max_urls` URLs or `max_bytes` bytes
    of UTF-8."""
    base = site_url.rstrip("/") + "/"
    urls_per_page = len(LANGUAGES)
    if max_urls < urls_per_page:
        raise ValueError(f"a sitemap file must hold at least one page's {urls_per_page} URLs")
    overhead = len(_URLSET_OPEN.encode()) + len(_URLSET_CLOSE.encode())
    parts: list[str] = []
    url_count = size = 0
    number = 1
    for path in sorted(set(neutral_paths)):
        entries = _page_entries(path, base)
        entries_size = len(entries.encode())
        if overhead + entries_size > max_bytes:
            raise ValueError(f"the sitemap entries of page {path!r} alone are over {max_bytes} bytes")
        if parts and (url_count + urls_per_page > max_urls or overhead + size + entries_size > max_bytes):
            yield Sitemap(PAGES_SITEMAP.format(n=number), _URLSET_OPEN + "".join(parts) + _URLSET_CLOSE, url_count)
            number += 1
            parts, url_count, size = [], 0, 0
        parts.append(entries)
        url_count += urls_per_page
        size += entries_size
    # An empty site still gets one (empty) list, so the index and robots.txt always name a file.
    yield Sitemap(PAGES_SITEMAP.format(n=number), _URLSET_OPEN + "".join(parts) + _URLSET_CLOSE, url_count)


def sitemap_address(site_url: str, name: str) -> str:
    return site_url.rstrip("/") + "/" + name


def sitemap_index_xml(site_url: str, names: Iterable[str]) -> str:
    """/sitemap.xml: the index naming each pages sitemap by its absolute address."""
    entries = "".join(f"<sitemap><loc>{escape(sitemap_address(site_url, name))}</loc></sitemap>\n" for name in names)
    return f'{_DECLARATION}<sitemapindex xmlns="{SITEMAP_NS}">\n{entries}</sitemapindex>\n'


def robots_txt(site_url: str, names: Iterable[str]) -> str:
    """Every crawler may read everything; each pages sitemap is named by its absolute address."""
    lines = ["User-agent: *", "Allow: /", *(f"Sitemap: {sitemap_address(site_url, name)}" for name in names)]
    return "\n".join(lines) + "\n"
