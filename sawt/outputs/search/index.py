"""Build the site's search index once, after every language has been built.

One Pagefind bundle at <site>/pagefind/ holds one index per page language
(Pagefind splits by `<html lang>`), so an Arabic page searches Arabic pages and
an English page English ones, while the site ships one copy of Pagefind's code.

Pages are not indexed as written: each page's article is copied into a small
document in a temporary folder with the same relative path, with

* page furniture removed: heading permalinks (so a "¶" never reaches a title),
  the share block, the "not translated yet" notice (UNINDEXED_CLASSES), and the
  archive-wide lists, timeline and case index (REPEATING_LISTS_XPATH),
* a hidden element whose Pagefind metadata holds the page's extra search forms
  (sawt/search_text.py: folded/article-free Arabic, ASCII digits) — metadata is
  searchable but never part of an excerpt, so results always quote the page;
* on a case page (its header element carries `data-sawt-case`, see
  CASE_MARKER), the case's other names (the other-language name and the
  `data-sawt-aliases` list) as searchable metadata weighted like a title, its
  status label as `status` metadata (shown in results), the grade of the event
  its status rests on as the `grade` filter (its label in the page's language,
  `data-sawt-grade-label`, "Not graded" included), and a higher weight on
  the name heading, so the case ranks above pages that only mention the person.

Then Pagefind's binary indexes that folder and writes the bundle into the
site. The site's own HTML files are never changed.

A large archive's case pages are indexed in shards: past CASE_PAGES_PER_SHARD
case pages, each case (both its languages) goes to one of N case bundles by a
stable hash of its slug, <site>/pagefind/cases-K/, beside the main bundle
(every other page, and Pagefind's code). <site>/pagefind/sawt-shards.json lists
them, and sawt-search.js merges them into the main one in the browser
(Pagefind's mergeIndex). Each bundle is cached by its own documents, so editing
one case re-runs Pagefind on its shard and on the main bundle only; and no
single Pagefind run holds the whole archive in memory.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import html as html_lib
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

import lxml.html
from lxml import etree

from sawt.languages import LANGUAGES
from sawt.machinery.cached_files import COMPRESSED_SUFFIX, VALUES_FORMAT, link_tree, pack_values, unpack_values, write_atomically
from sawt.outputs.search.text import hidden_terms, name_terms

#: What Pagefind indexes inside each page (also enforced in the copied page).
ROOT_SELECTOR = "article.md-content__inner"
#: Page furniture inside the article that is not the page's content: heading
#: permalinks, the share block (its "Share this page" heading and WhatsApp/
#: Telegram links are on every page) and the "not translated yet" notice.
UNINDEXED_CLASSES = ("headerlink", "sawt-share", "sawt-untranslated")
EXCLUDE_SELECTORS = tuple(f".{name}" for name in UNINDEXED_CLASSES)
PAGE_GLOB = "**/index.html"
BUNDLE_SUBDIR = "pagefind"
#: Pagefind's other UIs, which the site does not load (sawt-search.js uses the component UI).
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)

#: The case header a case page carries inside its article (sawt/templates/case_header.html.j2):
#:   <div class="sawt-case ..." data-sawt-case="<slug>" data-sawt-aliases="alias|alias|...">
#:     <p class="sawt-case__other-name">name in the other language</p>
#:     <p class="sawt-case__status"><span class="sawt-status ...">Detained</span></p> ...
#: `data-sawt-status-label` on the same element, if present, overrides the .sawt-status text;
#: `data-sawt-grade-label` is the grade of the event the status rests on (Case.status_event),
#: which becomes the page's `grade` filter.
CASE_MARKER = "data-sawt-case"
GRADE_LABEL_ATTRIBUTE = "data-sawt-grade-label"
#: The Pagefind filter a case page's grade is under (sawt-search.js shows it as a choice).
GRADE_FILTER = "grade"
ALIAS_SEPARATOR = "|"
_STATUS_CLASS = "sawt-status"
_OTHER_NAME_CLASS = "sawt-case__other-name"
#: Lists that repeat what the case pages say, left out of the index so that a
#: name finds its case page rather than a list of thousands of names (and a
#: result never drags a megabyte of list text into the browser): the
#: archive-wide timeline (<!-- sawt:timeline -->; one case's timeline,
#: .sawt-timeline--case, stays) and the case index (<!-- sawt:cases -->).
REPEATING_LISTS_XPATH = (
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' sawt-timeline ')"
    " and not(contains(concat(' ', normalize-space(@class), ' '), ' sawt-timeline--case '))]"
    " | .//*[contains(concat(' ', normalize-space(@class), ' '), ' sawt-cases-index ')]"
)
#: A page with more indexed text than this is reported: when it is a search result,
#: its whole text is fetched (a 10,000-row table would blow the first-query budget).
LARGE_PAGE_CHARS = 100_000
#: Below this many pages, worker processes cost more than they save.
PARALLEL_FROM_PAGES = 2_000
MAX_WORKERS = 4
#: Past this many case pages, case pages are indexed in shards (see the module's doc):
#: an edit re-indexes 1/N of the archive; a search fetches from every shard.
CASE_PAGES_PER_SHARD = 1_000
#: At most this many shards (a power of two): a reader's first search loads two small
#: files a shard, and each query word one index chunk a shard.
MAX_SHARDS = 16
#: In the main bundle: {"merge": ["cases-0/", ...]}, the shards the browser merges in.
SHARDS_FILE = "sawt-shards.json"
SHARD_PREFIX = "cases-"
#: What a merged index loads (its entry, metadata, index and fragment chunks, filters);
#: a shard's copies of Pagefind's code and language modules go.
SHARD_FILES_KEPT = ("pagefind-entry.json", "*.pf_meta", "index", "fragment", "filter")
#: Weight of a case page's name heading (Pagefind's h1 default is 7; ranking is quadratic).
CASE_NAME_WEIGHT = "10"

_UNINDEXED_XPATH = " | ".join(
    f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]" for name in UNINDEXED_CLASSES
)
_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""\b(lang|dir)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_ARTICLE_OPEN = re.compile(r"<article\b[^>]*\bclass\s*=\s*[\"'][^\"']*\bmd-content__inner\b[^>]*>", re.IGNORECASE)
_ARTICLE_TAG = re.compile(r"<(/?)article\b[^>]*>", re.IGNORECASE)
_NOINDEX = re.compile(r"<meta\s+name=[\"']robots[\"']\s+content=[\"'][^\"']*noindex", re.IGNORECASE)


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run did, for the build log and the benchmark."""

    bundle_dir: Path
    pages: dict[str, int]  # indexed pages per language
    case_pages: int
    skipped: tuple[str, ...]  # site-relative paths left out, with the reason
    large_pages: tuple[str, ...]  # pages over LARGE_PAGE_CHARS: mark big lists data-pagefind-ignore
    seconds: float  # wall time of the whole run
    pagefind_seconds: float  # of which the Pagefind binary (index + write)
    bundle_bytes: int  # size of everything written under bundle_dir
    shards: int = 0  # case bundles beside the main one
    pagefind_runs: int = 1  # bundles indexed again (the others came from the cache)

    def summary(self) -> str:
        per_lang = ", ".join(f"{lang}: {n}" for lang, n in sorted(self.pages.items()))
        bundles = f"{1 + self.shards} bundles, {self.pagefind_runs} indexed" if self.shards else f"{self.pagefind_runs} indexed"
        return (
            f"search index: {sum(self.pages.values())} pages ({per_lang}; {self.case_pages} case pages) "
            f"in {self.seconds:.1f}s ({bundles}), bundle {self.bundle_bytes / 1e6:.1f} MB"
        )


@dataclass(frozen=True)
class SearchDocument:
    """One page as Pagefind will see it."""

    lang: str
    html: str
    is_case: bool
    text_chars: int  # length of the indexed text: a huge page makes a huge result fragment


@dataclass
class _Tally:
    pages: dict[str, int] = field(default_factory=dict)
    case_pages: int = 0
    skipped: list[str] = field(default_factory=list)
    large_pages: list[str] = field(default_factory=list)
    digests: dict[str, bytes] = field(default_factory=dict)  # each written document's sha256, by its path
    documents: dict[str, tuple[str, bool]] = field(default_factory=dict)  # site-relative page -> (language, is a case page)


def html_language(page_html: str) -> tuple[str | None, str | None]:
    """The lang and dir of a page's <html> tag (lang lower-cased, primary subtag only)."""
    match = _HTML_TAG.search(page_html)
    if match is None:
        return None, None
    attrs = {name.lower(): value for name, value in _ATTR.findall(match.group(1))}
    lang = attrs.get("lang")
    return (lang.split("-")[0].lower() if lang else None), attrs.get("dir")


def extract_article(page_html: str) -> str | None:
    """The page's `article.md-content__inner` element as HTML, or None."""
    opening = _ARTICLE_OPEN.search(page_html)
    if opening is None:
        return None
    depth = 0
    for tag in _ARTICLE_TAG.finditer(page_html, opening.start()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return page_html[opening.start() : tag.end()]
    return None


def _indexed_text(article: etree._Element) -> str:
    """The text Pagefind will index (ignored elements left out)."""
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "template"):
            return
        if element.get("data-pagefind-ignore") is not None:
            return
        if element.text:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(article)
    return " ".join(parts)


def _with_class(root: etree._Element, name: str) -> etree._Element | None:
    found = root.xpath(f".//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]")
    return found[0] if found else None


def _text_of(element: etree._Element | None) -> str:
    return " ".join(element.text_content().split()) if element is not None else ""


def case_details(marker: etree._Element) -> tuple[list[str], str | None, str | None]:
    """A case header's other names (other-language name, then aliases), status label and the
    label of its status's grade."""
    names = [_text_of(_with_class(marker, _OTHER_NAME_CLASS))]
    names += (marker.get("data-sawt-aliases") or "").split(ALIAS_SEPARATOR)
    status = marker.get("data-sawt-status-label") or _text_of(_with_class(marker, _STATUS_CLASS))
    grade = " ".join((marker.get(GRADE_LABEL_ATTRIBUTE) or "").split())
    return [name.strip() for name in names if name.strip()], status or None, grade or None


def _meta_element(terms: Sequence[str], names: Sequence[str], status_label: str | None,
                  grade_label: str | None = None) -> etree._Element:
    """A hidden element carrying the extra searchable metadata, and the case's grade filter."""
    holder = etree.Element("div", hidden="hidden")
    captures = []
    if terms:
        holder.set("data-sawt-terms", " ".join(terms))
        captures.append("sawt_terms[data-sawt-terms]")
    if names:
        holder.set("data-sawt-names", " ; ".join(names))
        captures.append("sawt_names[data-sawt-names]")
    if status_label:
        holder.set("data-sawt-status-label", status_label)
        captures.append("status[data-sawt-status-label]")
    if captures:
        holder.set("data-pagefind-meta", ", ".join(captures))
    if grade_label:
        holder.set(GRADE_LABEL_ATTRIBUTE, grade_label)
        holder.set("data-pagefind-filter", f"{GRADE_FILTER}[{GRADE_LABEL_ATTRIBUTE}]")
    return holder


def search_document(page_html: str, *, languages: Iterable[str] | None = None) -> SearchDocument | None:
    """The document Pagefind indexes for one built page, or None to leave it out.

    Pure: HTML in, HTML out. Left out: pages without a language in `languages` (by default
    the site's), without the article element, or marked `robots: noindex`.
    """
    if languages is None:
        languages = tuple(LANGUAGES)
    lang, direction = html_language(page_html)
    if lang is None or lang not in tuple(languages):
        return None
    if _NOINDEX.search(page_html):
        return None
    article_html = extract_article(page_html)
    if article_html is None:
        return None
    article = lxml.html.fragment_fromstring(article_html)
    for furniture in article.xpath(_UNINDEXED_XPATH):
        furniture.drop_tree()
    for repeated in article.xpath(REPEATING_LISTS_XPATH):
        repeated.drop_tree()

    # A key fact's term and its value are two words, not one: Pagefind runs <dt> and <dd> text
    # together ("اعتقال2018" in a result's excerpt, and no match for either word alone).
    for term in article.iter("dt"):
        term.tail = " " + (term.tail or "")

    # The page title is the result's title already: no sub-result pointing at it.
    title = next(iter(article.iter("h1")), None)
    if title is not None:
        title.attrib.pop("id", None)

    markers = article.xpath(f".//*[@{CASE_MARKER}]")
    marker = markers[0] if markers else None
    names: list[str] = []
    status_label: str | None = None
    grade_label: str | None = None
    if marker is not None:
        other_names, status_label, grade_label = case_details(marker)
        # The page's own name too, so that every case page gets the same boost
        # for its names, whether or not it has aliases.
        names = name_terms([_text_of(title), *other_names])
    if marker is not None and title is not None and title.get("data-pagefind-weight") is None:
        title.set("data-pagefind-weight", CASE_NAME_WEIGHT)

    text = _indexed_text(article)
    terms = hidden_terms(text)
    if terms or names or status_label or grade_label:
        article.insert(0, _meta_element(terms, names, status_label, grade_label))

    body = lxml.html.tostring(article, encoding="unicode")
    dir_attr = f' dir="{html_lib.escape(direction)}"' if direction else ""
    document = (
        f'<!doctype html><html lang="{lang}"{dir_attr}><head><meta charset="utf-8"></head>'
        f"<body>{body}</body></html>"
    )
    return SearchDocument(lang=lang, html=document, is_case=marker is not None, text_chars=len(text))


def _is_left_out_path(relative: Path, bundle_subdir: str) -> str | None:
    parts = relative.parts
    if bundle_subdir in parts[:2]:
        return "search bundle"
    if "404" in parts or relative.name == "404.html":
        return "404 page"
    return None


def _cached_search_document(read_page: Callable[[], bytes], languages: Sequence[str], cache_dir: Path | None,
                            page_key: str | None = None) -> SearchDocument | None:
    """`search_document` of a page, kept under cache_dir by the page's bytes, or by its
    `page_key` when the build knows one (a generated page's key covers every byte of it,
    sawt/machinery/reuse.py): an unchanged page (most of them, on a rebuild) is not parsed
    again, and a page with a key is not even read."""
    if cache_dir is None:
        return search_document(read_page().decode("utf-8"), languages=languages)
    page = read_page() if page_key is None else None
    key = _document_key(languages, page=page, page_key=page_key)
    cached = cache_dir / key[:2] / f"{key}{COMPRESSED_SUFFIX}"
    try:
        fields = unpack_values(cached.read_bytes())
        return None if fields is None else SearchDocument(**fields)
    except (OSError, ValueError, TypeError):
        pass
    document = search_document((page if page is not None else read_page()).decode("utf-8"), languages=languages)
    write_atomically(cached, pack_values(None if document is None else dataclasses.asdict(document)))
    return document


def _document_key(languages: Sequence[str], *, page: bytes | None = None, page_key: str | None = None) -> str:
    """What a page's search document is made from: its bytes, or the key that covers them."""
    if page_key is not None:
        return hashlib.sha256(_SEARCH_FINGERPRINT + repr(tuple(languages)).encode() + b"page key:" + page_key.encode()).hexdigest()
    return hashlib.sha256(_SEARCH_FINGERPRINT + repr(tuple(languages)).encode() + (page or b"")).hexdigest()


#: Any change to how search documents are made (this module, the search text rules)
#: invalidates the cache.
_SEARCH_FINGERPRINT = hashlib.sha256(
    b"".join(Path(module).read_bytes() for module in (__file__, Path(__file__).with_name("text.py")))
    + VALUES_FORMAT.encode("utf-8")
).digest()
#: The search cache's generation (sawt/machinery/caches.py).
CACHE_GENERATION = _SEARCH_FINGERPRINT.hex()


def case_slug(relative: str, languages: Sequence[str]) -> str | None:
    """The case whose page is at this site-relative path ("ar/cases/x/index.html" -> "x"),
    or None for every other page (the case index and its pages 2+ included)."""
    parts = relative.split("/")
    if parts and parts[0] in languages:
        parts = parts[1:]
    if len(parts) == 3 and parts[0] == "cases" and parts[2] == "index.html" and parts[1] not in ("page", "index"):
        return parts[1]
    return None


def shard_count(case_pages: int, per_shard: int = CASE_PAGES_PER_SHARD) -> int:
    """How many case shards an archive of `case_pages` gets: 0 (one bundle) up to `per_shard`,
    then a power of two, so that the count (and with it every case's shard, which a change
    of count re-deals, re-indexing them all) changes only when the archive doubles."""
    if case_pages <= per_shard:
        return 0
    return min(MAX_SHARDS, 2 ** math.ceil(math.log2(case_pages / per_shard)))


def shard_of(slug: str, shards: int) -> int:
    """A case's shard: stable across builds and machines, the same for both its languages."""
    return int.from_bytes(hashlib.sha256(slug.encode("utf-8")).digest()[:8], "big") % shards


def shard_name(index: int) -> str:
    return f"{SHARD_PREFIX}{index}"


@dataclass(frozen=True)
class Sharding:
    """Where each page's search document goes: the main bundle's folder, or its case shard's."""

    main_dir: Path
    shards_dir: Path | None = None  # holds one folder per shard
    shards: int = 0
    languages: tuple[str, ...] = ()

    def folder(self, relative: str) -> Path:
        slug = case_slug(relative, self.languages) if self.shards and self.shards_dir is not None else None
        if slug is None:
            return self.main_dir
        return self.shards_dir / shard_name(shard_of(slug, self.shards))  # type: ignore[operator]


def _write_documents(site_dir: Path, work_dir: Path, relatives: Sequence[str], languages: Sequence[str], bundle_subdir: str,
                     cache_dir: Path | None = None, sharding: Sharding | None = None,
                     page_keys: Mapping[str, str] | None = None) -> _Tally:
    """Write the search documents of some pages (site-relative paths) into work_dir, or
    where `sharding` puts them. `page_keys`: the keys of the pages that have one, by path."""
    sharding = sharding or Sharding(work_dir)
    tally = _Tally()
    made_dirs: set[Path] = set()
    for relative_name in relatives:
        relative = Path(relative_name)
        reason = _is_left_out_path(relative, bundle_subdir)
        document = None
        if reason is None:
            document = _cached_search_document((site_dir / relative).read_bytes, languages, cache_dir,
                                               (page_keys or {}).get(relative_name))
            if document is None:
                reason = "no indexable article, or a language not searched"
        if document is None:
            tally.skipped.append(f"{relative.as_posix()}: {reason}")
            continue
        target = sharding.folder(relative.as_posix()) / relative
        if target.parent not in made_dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            made_dirs.add(target.parent)
        data = document.html.encode("utf-8")
        target.write_bytes(data)
        tally.digests[str(target)] = hashlib.sha256(data).digest()
        tally.pages[document.lang] = tally.pages.get(document.lang, 0) + 1
        tally.case_pages += document.is_case
        tally.documents[relative.as_posix()] = (document.lang, document.is_case)
        if document.text_chars > LARGE_PAGE_CHARS:
            tally.large_pages.append(relative.as_posix())
    return tally


def _merge(tallies: Iterable[_Tally]) -> _Tally:
    total = _Tally()
    for tally in tallies:
        for lang, count in tally.pages.items():
            total.pages[lang] = total.pages.get(lang, 0) + count
        total.case_pages += tally.case_pages
        total.skipped += tally.skipped
        total.large_pages += tally.large_pages
        total.digests.update(tally.digests)
        total.documents.update(tally.documents)
    return total


def _page_paths(site_dir: Path, bundle_subdir: str) -> list[str]:
    """Site-relative paths of every index.html (PAGE_GLOB), without walking into
    the search bundle or the theme's assets (tens of thousands of files)."""
    found = []
    for folder, subfolders, files in os.walk(site_dir):
        if folder == str(site_dir):
            subfolders[:] = [name for name in subfolders if name not in (bundle_subdir, "assets")]
        if "index.html" in files:
            found.append(Path(folder, "index.html").relative_to(site_dir).as_posix())
    return sorted(found)


def can_spawn_workers() -> bool:
    """A spawned worker re-runs the main program's file as a module: that needs a
    real file (mkdocs, pytest and `python -m` have one; `python -` or `-c` do not)."""
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    return bool(main_file) and Path(main_file).is_file()


def _write_search_documents(site_dir: Path, work_dir: Path, languages: Sequence[str], bundle_subdir: str,
                            cache_dir: Path | None, sharding: Sharding | None = None,
                            relatives: Sequence[str] | None = None, page_keys: Mapping[str, str] | None = None) -> _Tally:
    """Write every page's search document; on a big site, in worker processes
    (the work is per page and CPU-bound, and Pagefind waits for all of it)."""
    if relatives is None:
        relatives = _page_paths(site_dir, bundle_subdir)
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(relatives) < PARALLEL_FROM_PAGES or workers < 2 or not can_spawn_workers():
        return _write_documents(site_dir, work_dir, relatives, languages, bundle_subdir, cache_dir, sharding, page_keys)
    chunks = [relatives[i::workers] for i in range(workers)]
    try:
        # "spawn": forking a process that runs threads (a dev server, a browser driver) can deadlock.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            futures = [
                pool.submit(_write_documents, site_dir, work_dir, chunk, tuple(languages), bundle_subdir, cache_dir, sharding,
                            {relative: page_keys[relative] for relative in chunk if relative in page_keys} if page_keys else None)
                for chunk in chunks
            ]
            return _merge(future.result() for future in futures)
    except (OSError, BrokenProcessPool):  # no processes to be had here: do it in this one
        return _write_documents(site_dir, work_dir, relatives, languages, bundle_subdir, cache_dir, sharding, page_keys)


def _run_pagefind(source_dir: Path, bundle_dir: Path) -> None:
    """Index source_dir with the Pagefind binary that pagefind[bin] installs.

    The binary rather than the Python API: the same indexer, one process, and
    measurably faster on 20,000 pages (the API's service writes the bundle more
    slowly). It runs in the scratch folder with PAGEFIND_* variables removed, so
    no stray pagefind.yml or environment setting changes what is indexed.
    """
    # Imported here so that importing sawt.outputs.search.index never needs the binary.
    from pagefind.service import get_executable

    executable = get_executable()
    if executable is None:
        raise RuntimeError("search index: the Pagefind binary is missing (pip install 'pagefind[bin]==1.5.2')")
    command = [
        str(executable),
        "--site", str(source_dir),
        "--glob", PAGE_GLOB,
        "--root-selector", ROOT_SELECTOR,
        "--exclude-selectors", ", ".join(EXCLUDE_SELECTORS),
        "--output-path", str(bundle_dir),
        "--quiet",
    ]
    env = {name: value for name, value in os.environ.items() if not name.startswith("PAGEFIND_")}
    result = subprocess.run(command, cwd=source_dir, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()[-2000:]
        raise RuntimeError(f"search index: Pagefind failed ({result.returncode}): {output}")


def _documents_key(work_dir: Path, digests: Mapping[str, bytes] | None = None) -> str:
    """A hash of every search document (path and bytes), of this module and of the
    Pagefind binary's command: what Pagefind's output depends on. `digests`: the documents'
    sha256 as they were written, so they need not be read back."""
    digest = hashlib.sha256(_SEARCH_FINGERPRINT)
    from pagefind.service import get_executable  # as in _run_pagefind

    digest.update(str(get_executable()).encode())
    for folder, subfolders, files in os.walk(work_dir):
        subfolders.sort()
        for name in sorted(files):
            path = Path(folder, name)
            digest.update(path.relative_to(work_dir).as_posix().encode() + b"\0")
            known = digests.get(str(path)) if digests else None
            digest.update(known if known is not None else hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _indexed_bundle(work_dir: Path, bundle_dir: Path, cache_dir: Path | None, *, cache_name: str = "",
                    tidy: Callable[[Path], None] = lambda bundle: None, digests: Mapping[str, bytes] | None = None) -> bool:
    """Run Pagefind on the documents in work_dir, writing bundle_dir, then `tidy` it; with
    cache_dir, keep the last bundle there (BUNDLE_CACHE + cache_name) by the documents'
    hash, so that a rebuild whose documents are all unchanged copies it instead of
    re-indexing (Pagefind is most of the search stage). True if Pagefind ran."""
    if cache_dir is None:
        _run_pagefind(work_dir, bundle_dir)
        tidy(bundle_dir)
        return True
    key = _documents_key(work_dir, digests)
    cached = cache_dir / (BUNDLE_CACHE + cache_name)
    try:
        if (cached / BUNDLE_KEY_FILE).read_text(encoding="ascii") == key:
            link_tree(cached / "bundle", bundle_dir)
            return False
    except OSError:
        pass
    if bundle_dir.exists():  # a half-copied bundle
        shutil.rmtree(bundle_dir)
    _run_pagefind(work_dir, bundle_dir)
    tidy(bundle_dir)
    # Replace the cached bundle; the key is written last, so a half-written cache never matches.
    shutil.rmtree(cached, ignore_errors=True)
    try:
        link_tree(bundle_dir, cached / "bundle")
        (cached / BUNDLE_KEY_FILE).write_text(key, encoding="ascii")
    except OSError:
        shutil.rmtree(cached, ignore_errors=True)  # a cache that cannot be written is only slower
    return True


#: Under the search cache: the last Pagefind bundle and the hash of the documents it indexed.
BUNDLE_CACHE = "last-bundle"
BUNDLE_KEY_FILE = "documents.sha256"
#: Beside it: the hash of the pages it was made from (`_inputs_key`), and its counts.
INPUTS_KEY_FILE = "inputs.sha256"
INPUTS_TALLY_FILE = "tally.json"


def _bundle_groups(relatives: Sequence[str], sharding: Sharding, shards: int) -> dict[str, list[str]]:
    """The pages of each bundle: "" (the main one) first, then each shard's, by name."""
    groups: dict[str, list[str]] = {"": []} | {shard_name(k): [] for k in range(shards)}
    for relative in relatives:
        folder = sharding.folder(relative)
        groups["" if folder == sharding.main_dir else folder.name].append(relative)
    return groups


def _inputs_key(site_dir: Path, group: Sequence[str], languages: Sequence[str], bundle_subdir: str,
                page_keys: Mapping[str, str] | None) -> str:
    """A hash of what a bundle is made from without making it: each page's path and the key
    its search document is cached by (its page key, or its bytes), the languages, this
    module and the Pagefind binary. Equal inputs make equal documents, so an equal bundle."""
    from pagefind.service import get_executable  # as in _run_pagefind

    digest = hashlib.sha256(_SEARCH_FINGERPRINT + repr(tuple(languages)).encode() + str(get_executable()).encode())
    for relative in sorted(group):
        if _is_left_out_path(Path(relative), bundle_subdir) is not None:
            key = "left out"
        elif page_keys and relative in page_keys:
            key = _document_key(languages, page_key=page_keys[relative])
        else:
            key = _document_key(languages, page=(site_dir / relative).read_bytes())
        digest.update(f"{relative}\0{key}\0".encode("utf-8"))
    return digest.hexdigest()


def _bundle_cache(cache_dir: Path, name: str) -> Path:
    return cache_dir / (BUNDLE_CACHE + ("-" + name if name else ""))


def _reusable_bundle(cache_dir: Path | None, name: str, inputs: str | None) -> _Tally | None:
    """The counts of the cached bundle `name` if it was made from exactly `inputs`, else None."""
    if cache_dir is None or inputs is None:
        return None
    cached = _bundle_cache(cache_dir, name)
    try:
        if (cached / INPUTS_KEY_FILE).read_text(encoding="ascii") != inputs:
            return None
        fields = json.loads((cached / INPUTS_TALLY_FILE).read_text(encoding="utf-8"))
        tally = _Tally(pages=dict(fields["pages"]), case_pages=int(fields["case_pages"]),
                       skipped=list(fields["skipped"]), large_pages=list(fields["large_pages"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return tally if not tally.pages or (cached / "bundle").is_dir() else None


def _remember_inputs(cache_dir: Path | None, name: str, inputs: str | None, tally: _Tally) -> None:
    """Beside the bundle just cached: its inputs' key (written last: a half-written entry never matches) and counts."""
    if cache_dir is None or inputs is None:
        return
    cached = _bundle_cache(cache_dir, name)
    try:
        (cached / INPUTS_KEY_FILE).unlink(missing_ok=True)
        write_atomically(cached / INPUTS_TALLY_FILE, json.dumps(
            {"pages": tally.pages, "case_pages": tally.case_pages, "skipped": tally.skipped,
             "large_pages": tally.large_pages}, ensure_ascii=False).encode("utf-8"))
        write_atomically(cached / INPUTS_KEY_FILE, inputs.encode("ascii"))
    except OSError:
        pass  # a cache that cannot be written is only slower


def _group_tally(tally: _Tally, group: Sequence[str]) -> _Tally:
    """The part of this run's counts that belongs to one bundle's pages."""
    pages = set(group)
    mine = _Tally(skipped=[line for line in tally.skipped if line.split(": ", 1)[0] in pages],
                  large_pages=[relative for relative in tally.large_pages if relative in pages])
    for relative in group:
        if relative in tally.documents:
            lang, is_case = tally.documents[relative]
            mine.pages[lang] = mine.pages.get(lang, 0) + 1
            mine.case_pages += is_case
    return mine


def _scratch_dir() -> str | None:
    """Memory-backed scratch space when the system has it: the search documents
    are tens of thousands of small files, written once and read once."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def _tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _tidy_main_bundle(bundle_dir: Path) -> None:
    for unused in UNUSED_BUNDLE_FILES:
        (bundle_dir / unused).unlink(missing_ok=True)


def _tidy_shard(bundle_dir: Path) -> None:
    """A merged index uses the main bundle's code and language modules: its own copies go."""
    kept = {path for pattern in SHARD_FILES_KEPT for path in bundle_dir.glob(pattern)}
    for path in bundle_dir.iterdir():
        if path not in kept:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def _forget_other_shards(cache_dir: Path | None, names: Iterable[str]) -> None:
    """Cached bundles of shards this build does not have (the archive shrank, or grew past a step)."""
    if cache_dir is None or not cache_dir.is_dir():
        return
    current = {BUNDLE_CACHE + "-" + name for name in names}
    for cached in cache_dir.glob(f"{BUNDLE_CACHE}-{SHARD_PREFIX}*"):
        if cached.name not in current:
            shutil.rmtree(cached, ignore_errors=True)


def build_search_index(
    site_dir: Path,
    *,
    languages: Sequence[str] | None = None,
    bundle_subdir: str = BUNDLE_SUBDIR,
    cache_dir: Path | None = None,
    case_pages_per_shard: int = CASE_PAGES_PER_SHARD,
    page_keys: Mapping[str, str] | None = None,
) -> IndexReport:
    """Index the built site at `site_dir` and write the bundle to `site_dir/bundle_subdir`
    (with its case shards, if the archive has more than `case_pages_per_shard` case pages).

    Call once, after all languages are built (e.g. the last on_post_build). With
    `cache_dir`, each page's search document is kept there by the page's content, and
    each bundle by its documents. `page_keys` are the keys of the generated pages
    (site-relative path of the file -> key), which stand for their content unread.
    Raises RuntimeError if Pagefind fails or finds no page. `languages`: the site's by default.
    """
    started = time.perf_counter()
    languages = tuple(LANGUAGES) if languages is None else tuple(languages)
    site_dir = Path(site_dir).resolve()
    bundle_dir = site_dir / bundle_subdir
    relatives = _page_paths(site_dir, bundle_subdir)
    case_pages = sum(case_slug(relative, languages) is not None for relative in relatives)
    shards = shard_count(case_pages, case_pages_per_shard) if case_pages < len(relatives) else 0
    with tempfile.TemporaryDirectory(prefix="sawt-search-", dir=_scratch_dir()) as work:
        work_dir = Path(work)
        sharding = Sharding(work_dir / "main", work_dir / "shards", shards, tuple(languages))
        # Each bundle (the main one, each shard) is known by its inputs before any document is
        # made: a bundle whose pages are all unchanged is linked from the cache with its counts,
        # and only the others' documents are written and indexed.
        groups = _bundle_groups(relatives, sharding, shards)
        inputs = {name: _inputs_key(site_dir, group, languages, bundle_subdir, page_keys) if cache_dir is not None else None
                  for name, group in groups.items()}
        reused = {name: _reusable_bundle(cache_dir, name, inputs[name]) for name in groups}
        missing = [relative for name, group in groups.items() if reused[name] is None for relative in group]
        tally = _write_search_documents(site_dir, work_dir, languages, bundle_subdir, cache_dir, sharding, missing, page_keys)
        tally = _merge([tally, *(hit for hit in reused.values() if hit is not None)])
        if not tally.pages:
            raise RuntimeError(f"search index: no page to index under {site_dir} (looked for {PAGE_GLOB})")
        if bundle_dir.exists():
            shutil.rmtree(bundle_dir)
        pagefind_started = time.perf_counter()
        runs = 0
        names = []
        # One Pagefind run at a time: each is multi-threaded, and memory peaks once per run.
        for name in groups:
            target = bundle_dir / name if name else bundle_dir
            if reused[name] is not None:
                if reused[name].pages:
                    link_tree(_bundle_cache(cache_dir, name) / "bundle", target)  # type: ignore[arg-type]
                    names += [name] if name else []
                continue
            source = sharding.shards_dir / name if name else sharding.main_dir
            if not source.is_dir():  # no document to index in this shard
                _remember_inputs(cache_dir, name, inputs[name], _Tally())
                continue
            runs += _indexed_bundle(source, target, cache_dir, cache_name="-" + name if name else "",
                                    tidy=_tidy_shard if name else _tidy_main_bundle, digests=tally.digests)
            _remember_inputs(cache_dir, name, inputs[name], _group_tally(tally, groups[name]))
            names += [name] if name else []
        pagefind_seconds = time.perf_counter() - pagefind_started
    _forget_other_shards(cache_dir, names)
    if not (bundle_dir / "pagefind.js").exists():
        raise RuntimeError(f"search index: Pagefind wrote no bundle to {bundle_dir}")
    (bundle_dir / SHARDS_FILE).write_text(json.dumps({"merge": [f"{name}/" for name in names]}), encoding="utf-8")
    return IndexReport(
        bundle_dir=bundle_dir,
        pages=dict(sorted(tally.pages.items())),
        case_pages=tally.case_pages,
        skipped=tuple(tally.skipped),
        large_pages=tuple(tally.large_pages),
        seconds=time.perf_counter() - started,
        pagefind_seconds=pagefind_seconds,
        bundle_bytes=_tree_bytes(bundle_dir),
        shards=len(names),
        pagefind_runs=runs,
    )
