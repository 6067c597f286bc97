"""One build of the whole bilingual site, independent of the site engine.

The MkDocs hooks (hooks/sawt_hooks.py) translate engine events into calls on a
`BuildState`; everything they decide lives here so that a move to another
engine keeps it.
"""

from __future__ import annotations

import gzip
import html as html_lib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sawt.languages import DEFAULT_LANGUAGE, LANGUAGES, direction, neutral_path
from sawt.sitemap import sitemap_xml


class SawtError(Exception):
    """A problem the person running the build can fix; its text says how."""


@dataclass(frozen=True)
class SourcePage:
    """A Markdown page that exists in one language's folder."""

    path: Path
    neutral_src: str  # "about.md", "appeals/index.md"

    @property
    def dest_uri(self) -> str:
        stem = self.neutral_src[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")] + "index.html"
        return stem + "/index.html"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # language-neutral, e.g. "cases/x.md"
    neutral_url: str  # "cases/x/"
    markdown: str


MISSING_SITE_URL = (
    "The site's public address is not set. Share previews, feeds and the sitemap need absolute "
    "URLs: build with SAWT_SITE_URL=https://your.domain/ make build (make serve sets it itself)."
)

UNTRANSLATED_NOTICE = {
    "en": "This page has not been translated into English yet. It is shown in its original language.",
    "ar": "لم تُترجم هذه الصفحة إلى العربية بعد، وهي معروضة بلغتها الأصلية.",
}
ORIGINAL_LINK = {"en": "Read the original page", "ar": "اقرأ الصفحة الأصلية"}


def untranslated_body(html: str, *, page_lang: str, content_lang: str, original_url: str) -> str:
    """Wrap a body written in another language: a notice in the reader's language,
    and the body marked with its own language and direction."""
    notice = (
        f'<div class="admonition note sawt-untranslated" lang="{page_lang}" dir="{direction(page_lang)}">'
        f"<p>{html_lib.escape(UNTRANSLATED_NOTICE[page_lang])} "
        f'<a href="{html_lib.escape(original_url)}" hreflang="{content_lang}">{ORIGINAL_LINK[page_lang]}</a></p></div>'
    )
    return f'{notice}<div lang="{content_lang}" dir="{direction(content_lang)}">{html}</div>'


@dataclass
class BuildState:
    root: Path = Path(".")
    site_url: str = ""
    languages_order: tuple[str, ...] = tuple(LANGUAGES)
    built_paths: set[str] = field(default_factory=set)
    finished: bool = False
    today: date = field(default_factory=date.today)

    def start(self, *, root: Path, site_url: str) -> None:
        """A new build of all languages begins (every `mkdocs serve` rebuild too)."""
        self.root = root
        self.site_url = site_url
        self.built_paths = set()
        self.finished = False

    def ensure_archive(self) -> None:
        """Load and validate data/ (once per process, again only when it changed)."""

    # -- pages ---------------------------------------------------------------

    def untranslated_sources(self, docs_dir: Path, lang: str, present: set[str]) -> list[SourcePage]:
        """Pages that exist in another language's folder but not in `lang`'s and
        are not already in this build (mkdocs-static-i18n only falls back to the
        default language; this covers the other direction)."""
        found = []
        for other in LANGUAGES:
            if other == lang:
                continue
            folder = docs_dir / other
            for path in sorted(folder.rglob("*.md")):
                source = SourcePage(path, path.relative_to(folder).as_posix())
                if (docs_dir / lang / source.neutral_src).exists():
                    continue
                if neutral_path(_url_of(source.dest_uri)) in present:
                    continue
                found.append(source)
        return found

    def generated_pages(self, docs_dir: Path, lang: str) -> list[GeneratedPage]:
        return []

    def content_language(self, source_name: str, page_lang: str) -> str:
        """The language a page's body is written in: the folder it was read from
        (a page borrowed from the other language keeps its own folder)."""
        parts = Path(source_name).parts
        if len(parts) > 2 and parts[0] == "docs" and parts[1] in LANGUAGES:
            return parts[1]
        return page_lang

    def expand_shortcodes(self, markdown: str, *, lang: str, file: str) -> str:
        return markdown

    def page_built(self, url: str) -> None:
        self.built_paths.add(neutral_path(url))

    # -- site-wide outputs, once all languages are built -----------------------

    def finish(self, site_dir: Path) -> None:
        if self.finished:
            return
        self.finished = True
        xml = sitemap_xml(sorted(self.built_paths), self.site_url)
        for lang in LANGUAGES.values():
            if lang.url_prefix:  # one sitemap for the whole site, at the root
                for name in ("sitemap.xml", "sitemap.xml.gz"):
                    (site_dir / lang.url_prefix / name).unlink(missing_ok=True)
        (site_dir / "sitemap.xml").write_text(xml, encoding="utf-8")
        (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))


def _url_of(dest_uri: str) -> str:
    return dest_uri[: -len("index.html")] if dest_uri.endswith("index.html") else dest_uri
