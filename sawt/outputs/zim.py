"""The archive as a Kiwix ZIM file (`make zim`, `python -m sawt zim`).

A ZIM file is one compressed file holding a website's files as entries found by
path, with its own full-text and title indexes; every Kiwix reader (the Android
app, kiwix-serve, Internet-in-a-Box hotspots) opens it. It is written from a
fresh build with openZIM's own writer, libzim's Python binding:

* the files are the offline copy's (sawt/outputs/portable.py: the build, less what
  no reader loads), the share cards and the Pagefind bundle left out (ZIM_LEFT_OUT;
  `--with-cards` keeps the cards); folder links name their index.html, as in the offline copy,
  because a ZIM entry is a file: `../about/` has no entry, `../about/index.html` has;
* each page's search box becomes a form that asks the Kiwix reader's own search
  (sawt/outputs/zim_search.js), since Pagefind's index is not in the ZIM;
* each page's index text is what the site's own search indexes
  (sawt/outputs/search/index.py: the article, less page furniture), plus the
  case's other names and Sawt's Arabic search forms as keywords
  (sawt/outputs/search/text.py), so Kiwix's search, which applies none of Sawt's
  folding to a query, still finds أسامة from اسامة or اسامه (see `index_keywords`);
* the metadata the openZIM rules require (https://wiki.openzim.org/wiki/Metadata).
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import mimetypes
import re
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import lxml.html
from libzim.writer import Creator, Hint, IndexData, Item, StringProvider

from sawt.outputs.htmlpost import PRIVACY_META
from sawt.outputs.portable import SHARE_CARDS_FOLDER, CopyFacts, build_date, carried_files, copy_facts, file_links
from sawt.outputs.search.index import search_document
from sawt.outputs.search.text import reader_spellings

#: What the ZIM leaves out of the build, beside what no reader loads: the Pagefind bundle
#: (Kiwix's own index replaces it, and the search box asks Kiwix); `_headers`, a web host's
#: configuration; and 404.html, the page a web host shows for a missing address, whose links
#: start at the host's root ("/ar/") because it is shown at any address (a Kiwix reader
#: shows its own page for a missing entry).
ZIM_LEFT_OUT = ("pagefind", "_headers", "404.html", SHARE_CARDS_FOLDER)
#: The share cards are left out as in the offline copy: a page names its card only in its preview
#: meta, by the published address (a link shared from a ZIM points at the site), so no reader of
#: the ZIM ever loads one. They are 1,200 x 630 PNGs that do not compress: at 10,000 cases, 368 MB
#: of a 397 MB ZIM, which without them is about 29 MB (the offline zip of the same build: 221 MB).
ZIM_LEFT_OUT_WITH_CARDS = tuple(name for name in ZIM_LEFT_OUT if name != SHARE_CARDS_FOLDER)
MAIN_PAGE = "index.html"

_MIME_TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "application/javascript",
    ".json": "application/json",
    ".xml": "application/xml",
    ".csv": "text/csv",
    ".txt": "text/plain",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ico": "image/x-icon",
}


def mime_type(relative: str) -> str:
    suffix = Path(relative).suffix.lower()
    return _MIME_TYPES.get(suffix) or mimetypes.guess_type(relative)[0] or "application/octet-stream"


# ---- pages --------------------------------------------------------------------------

_TITLE = re.compile(r"<title>([^<]*)</title>")
_SITE_NAME = re.compile(r'<meta property="og:site_name" content="([^"]*)"')
#: The header's search slot, filled by sawt-search.js with Pagefind's search on the site.
#: Its grade filter (data-sawt-grade-filter) is Pagefind's, which the ZIM has not: the form drops it.
_SEARCH_SLOT = re.compile(r'<div class="sawt-search" data-sawt-search(?: data-sawt-placeholder="([^"]*)")?'
                          r'(?: data-sawt-grade-filter="[^"]*")?></div>')
#: The ZIM's own files, beside the build's: the search form's script, and the style of the form and of the room kept for kiwix-serve's toolbar.
SEARCH_SCRIPT = "assets/js/sawt-zim-search.js"
ZIM_STYLE = "assets/css/sawt-zim.css"
ZIM_OWN_FILES = {
    SEARCH_SCRIPT: (Path(__file__).with_name("zim_search.js"), "application/javascript"),
    ZIM_STYLE: (Path(__file__).with_name("zim.css"), "text/css"),
}
_FIRST_SCRIPT = re.compile(r"<script\b")
_HEAD_END = re.compile(r"</head>")
_SCRIPT_SRC = re.compile(r"(script-src [^;\"]*)")
#: kiwix-serve up to 3.3 (Debian 12's kiwix-tools) injects its toolbar into every page it
#: serves, with jQuery 1.10.2, which tests which events bubble by setting onsubmit, onchange
#: and onfocusin="t" on a detached element: three Content-Security-Policy errors on the
#: console of every page. The ZIM's pages allow that one handler body by its hash
#: ('unsafe-hashes' 'sha256-…' of "t", which evaluates the name t and does nothing); every
#: other inline handler, and every inline script not hashed by the build, stays blocked.
#: Measured in Chromium against kiwix-serve 3.3.0: 3 console errors a page without it, 0
#: with it. (`kiwix-serve --nosearchbar` injects nothing, and kiwix-serve 3.4 and later show
#: pages in a frame under their toolbar, injecting nothing into them.)
KIWIX_TOOLBAR_HANDLER = "t"
_TOOLBAR_HANDLER_SOURCE = (
    "'unsafe-hashes' 'sha256-"
    + base64.b64encode(hashlib.sha256(KIWIX_TOOLBAR_HANDLER.encode()).digest()).decode() + "'"
)


def page_title(page_html: str) -> str:
    """The page's <title> without the site's name after it ("Osama - Sawt" is "Osama")."""
    found = _TITLE.search(page_html)
    title = html.unescape(found.group(1)).strip() if found else ""
    name = _SITE_NAME.search(page_html)
    if name:
        site_name = html.unescape(name.group(1))
        for separator in (" - ", " · ", " – "):
            if title.endswith(separator + site_name) and len(title) > len(separator + site_name):
                return title[: -len(separator + site_name)]
    return title


def _root_of(relative: str) -> str:
    """The relative link from a page to the ZIM's top ("" at the top, "../../" two folders down)."""
    return "../" * relative.count("/")


def zim_page(page_html: str, relative: str, *, book: str) -> str:
    """A built page as the ZIM holds it: folder links made file links; the search slot a
    form that asks the Kiwix reader's search (kiwix-serve's /search for `book`, the ZIM's
    file name, corrected where the page is served by zim_search.js, loaded before the
    page's own scripts); its Content-Security-Policy allowing kiwix-serve's toolbar
    (KIWIX_TOOLBAR_HANDLER)."""
    root = _root_of(relative)

    def search_form(match: re.Match[str]) -> str:
        placeholder = match.group(1) or ""
        return (
            f'<form class="sawt-search sawt-kiwix-search" role="search" method="get" action="{root}../search" '
            f'data-sawt-kiwix-search data-sawt-zim-root="{root}">'
            f'<input type="hidden" name="content" value="{html.escape(book)}">'
            f'<input type="search" name="pattern" class="sawt-kiwix-search__input" required '
            f'placeholder="{placeholder}" aria-label="{placeholder}"></form>'
        )

    page_html, slots = _SEARCH_SLOT.subn(search_form, page_html)
    if slots:
        page_html = _FIRST_SCRIPT.sub(f'<script src="{root}{SEARCH_SCRIPT}" defer></script>\n<script', page_html, count=1)
        page_html = _HEAD_END.sub(f'<link rel="stylesheet" href="{root}{ZIM_STYLE}">\n</head>', page_html, count=1)
    policy = PRIVACY_META.search(page_html)
    if policy:
        allowed = _SCRIPT_SRC.sub(lambda m: m.group(1) + " " + _TOOLBAR_HANDLER_SOURCE, policy.group(1), count=1)
        page_html = page_html[: policy.start(1)] + allowed + page_html[policy.end(1):]
    return file_links(page_html)


class PageIndex(IndexData):
    """A page's entry in the ZIM's full-text index: its title, its article's text, and
    keywords (the case's other names, and the spellings a reader may type; see index_keywords)."""

    def __init__(self, title: str, content: str, keywords: str) -> None:
        super().__init__()
        self.title, self.content, self.keywords = title, content, keywords

    def has_indexdata(self) -> bool:
        return True

    def get_title(self) -> str:
        return self.title

    def get_content(self) -> str:
        return self.content

    def get_keywords(self) -> str:
        return self.keywords

    def get_wordcount(self) -> int:
        return len(self.content.split())

    def get_geoposition(self):
        return None


class NotIndexed(IndexData):
    """A page kept out of the full-text index (the 404 page, text-only twins of case pages)."""

    def has_indexdata(self) -> bool:
        return False


@dataclass(frozen=True)
class IndexText:
    content: str
    keywords: list[str]


def index_text(page_html: str) -> IndexText | None:
    """What the full-text index holds for a page, or None for a page the site's search leaves
    out too (no article, `robots: noindex`: the 404 page, the text-only pages).

    The content is the document the site's Pagefind index is made from, as text; its hidden
    search forms and the case's other names become keywords, with every spelling a reader
    may type of each Arabic word (`reader_spellings`): Kiwix folds no query, so the page must
    hold اسامة and اسامه, not only the page's أسامة and the search key اسامه."""
    document = search_document(page_html)
    if document is None:
        return None
    tree = lxml.html.document_fromstring(document.html)
    keywords: list[str] = []
    for hidden in tree.xpath("//*[@data-pagefind-meta]"):
        for attribute in ("data-sawt-names", "data-sawt-terms"):
            keywords += [term for term in re.split(r"[\s;]+", hidden.get(attribute) or "") if term]
        hidden.drop_tree()
    content = " ".join(tree.text_content().split())
    words = set(re.findall(r"\w+", content)) | set(keywords)
    spellings = sorted({spelling for word in words for spelling in reader_spellings(word)} - words - set(keywords))
    return IndexText(content=content, keywords=_unique(keywords + spellings))


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


class SiteEntry(Item):
    """One file of the build as a ZIM entry."""

    def __init__(self, path: str, title: str, mimetype: str, content: bytes, *, front: bool,
                 index: IndexData | None = None) -> None:
        super().__init__()
        self.path, self.title, self.mimetype, self.content = path, title, mimetype, content
        self.front, self.index = front, index

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.title

    def get_mimetype(self) -> str:
        return self.mimetype

    def get_contentprovider(self):
        return StringProvider(self.content)

    def get_hints(self):
        return {Hint.FRONT_ARTICLE: self.front, Hint.COMPRESS: not self.mimetype.startswith(("image/", "font/"))}

    def get_indexdata(self):
        return self.index


# ---- metadata -----------------------------------------------------------------------

#: openZIM's limits (https://wiki.openzim.org/wiki/Metadata), checked by zimcheck.
TITLE_MAX = 30
DESCRIPTION_MAX = 80
LONG_DESCRIPTION_MAX = 4000
ILLUSTRATION_SIZE = 48


@dataclass(frozen=True)
class ZimMetadata:
    name: str
    title: str
    description: str
    long_description: str
    language: str
    creator: str
    publisher: str
    date: str
    flavour: str
    tags: str
    source: str | None

    def items(self) -> list[tuple[str, str]]:
        fields = [("Name", self.name), ("Title", self.title), ("Description", self.description),
                  ("LongDescription", self.long_description), ("Language", self.language),
                  ("Creator", self.creator), ("Publisher", self.publisher), ("Date", self.date),
                  ("Flavour", self.flavour), ("Tags", self.tags), ("Scraper", "sawt")]
        if self.source:
            fields.append(("Source", self.source))
        return fields


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


def zim_metadata(site_dir: Path, facts: CopyFacts) -> ZimMetadata:
    """The ZIM's metadata, in the site's default language (English: the site's root), from the
    built home page and the copy's facts."""
    home = (site_dir / MAIN_PAGE).read_text(encoding="utf-8")
    found = _DESCRIPTION.search(home)
    description = html.unescape(found.group(1)) if found else facts.site_name_en
    counted = f"{facts.cases:,} published case{'' if facts.cases == 1 else 's'}" if facts.cases is not None else "its cases"
    verified = f", last verified {facts.last_verified.isoformat()}" if facts.last_verified else ""
    long_description = (
        f"{description} This is the whole archive, in English and Arabic ({facts.site_name_ar}): "
        f"{counted}{verified}, each with its page, share card and photo where published; the appeals, "
        f"reports, news, figures, feeds and open-data exports. Made {facts.built.isoformat()}"
        + (f" from {facts.address}" if facts.address else "") + "."
    )
    return ZimMetadata(
        name=f"{_slug(facts.site_name_en)}_mul_all",
        title=_shorten(facts.site_name_en, TITLE_MAX),
        description=_shorten(description, DESCRIPTION_MAX),
        long_description=_shorten(long_description, LONG_DESCRIPTION_MAX),
        language="ara,eng",
        creator=facts.site_name_en,
        publisher=facts.site_name_en,
        date=facts.built.isoformat(),
        flavour="maxi",
        tags="_category:other;_pictures:yes;_videos:no;_details:yes;_ftindex:yes;human-rights;syria",
        source=facts.address,
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "sawt"


def illustration_png(size: int = ILLUSTRATION_SIZE) -> bytes:
    """The site's icon (overrides/assets/images/favicon.svg: a white loudspeaker with two sound
    waves on a dark red rounded square, drawn on a 64-unit grid) as the ZIM's square PNG
    illustration. Drawn with Pillow from the same shapes, four times larger then reduced, as
    no SVG renderer is among the dependencies."""
    from PIL import Image, ImageDraw

    scale = size * 4 / 64
    image = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def at(x: float, y: float) -> tuple[float, float]:
        return x * scale, y * scale

    draw.rounded_rectangle((0, 0, size * 4 - 1, size * 4 - 1), radius=12 * scale, fill="#7a1f1f")
    draw.polygon([at(18, 26), at(18, 38), at(26, 38), at(36, 46), at(36, 18), at(26, 26)], fill="white")
    # The two waves: arcs through (42,24)-(42,40), radius 10, and (46,19)-(46,45), radius 16.
    for centre_x, radius, half_angle in ((36.0, 10, 53.13), (36.67, 16, 54.3)):
        box = (*at(centre_x - radius, 32 - radius), *at(centre_x + radius, 32 + radius))
        draw.arc(box, -half_angle, half_angle, fill="white", width=round(3 * scale))
    image = image.resize((size, size), Image.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


# ---- writing ------------------------------------------------------------------------

#: The full-text index's language: one per ZIM in libzim (its stemmer). English, the site's
#: default language; Arabic pages get Sawt's Arabic forms as keywords instead (index_text).
INDEX_LANGUAGE = "eng"


@dataclass(frozen=True)
class ZimReport:
    path: Path
    entries: int
    pages: int
    indexed_pages: int
    bytes: int
    seconds: float

    def summary(self) -> str:
        return (f"{self.path}: {self.entries} entries ({self.pages} pages, {self.indexed_pages} in the "
                f"full-text index), {self.bytes} bytes, in {self.seconds:.1f} s")


def write_zim(site_dir: Path, zim_path: Path, *, built: date, with_cards: bool = False) -> ZimReport:
    """Write the ZIM of the build in site_dir to zim_path. Written beside it and renamed when
    complete, so a failed run never leaves half a ZIM to pass on."""
    started = time.monotonic()
    facts = copy_facts(site_dir, built)
    metadata = zim_metadata(site_dir, facts)
    partial = zim_path.with_name(zim_path.name + ".partial")
    partial.unlink(missing_ok=True)
    entries = pages = indexed = 0
    try:
        with Creator(str(partial)).config_indexing(True, INDEX_LANGUAGE) as creator:
            creator.set_mainpath(MAIN_PAGE)
            creator.add_illustration(ILLUSTRATION_SIZE, illustration_png())
            for name, value in metadata.items():
                creator.add_metadata(name, value)
            for relative, (source, mimetype) in ZIM_OWN_FILES.items():
                creator.add_item(SiteEntry(relative, "", mimetype, source.read_bytes(), front=False))
                entries += 1
            left_out = ZIM_LEFT_OUT_WITH_CARDS if with_cards else ZIM_LEFT_OUT
            for relative, file in carried_files(site_dir, also_left_out=left_out):
                mimetype = mime_type(relative)
                if mimetype != "text/html":
                    creator.add_item(SiteEntry(relative, "", mimetype, file.read_bytes(), front=False))
                    entries += 1
                    continue
                page_html = file.read_text(encoding="utf-8")
                title = page_title(page_html)
                text = index_text(page_html)
                index: IndexData = NotIndexed()
                if text is not None:
                    index = PageIndex(title, text.content, " ".join(text.keywords))
                    indexed += 1
                creator.add_item(SiteEntry(relative, title, mimetype, zim_page(page_html, relative, book=zim_path.stem).encode("utf-8"),
                                           front=text is not None, index=index))
                entries += 1
                pages += 1
        partial.replace(zim_path)
    finally:
        partial.unlink(missing_ok=True)
    return ZimReport(path=zim_path, entries=entries, pages=pages, indexed_pages=indexed,
                     bytes=zim_path.stat().st_size, seconds=time.monotonic() - started)


def main(site_dir: Path, zim_path: Path, *, with_cards: bool = False) -> int:
    if not (site_dir / MAIN_PAGE).is_file():
        print(f"{site_dir}: no built site here (no {MAIN_PAGE}); build it first "
              f"(mkdocs build --site-dir {site_dir})", file=sys.stderr)
        return 1
    try:
        report = write_zim(site_dir, zim_path, built=build_date(), with_cards=with_cards)
    except ValueError as error:
        print(f"zim: {error}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0
