"""One build of the whole bilingual site, independent of the site engine.

The MkDocs hooks (hooks/sawt_hooks.py) translate engine events into calls on a
`BuildState`; everything they decide lives here so that a move to another
engine keeps it.
"""

from __future__ import annotations

import gc
import html as html_lib
import resource
import shutil
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Sequence

from sawt import render
from sawt.build import frame, preview, staging
from sawt.build.caches import Caches
from sawt.build.case_pages import PAGE_FILES, CasePagesJob, case_url, renderer_fingerprint, write_case_pages, write_index_pages
from sawt.build.forked import in_workers
from sawt.build.reuse import PublishedPages
from sawt.config import SiteConfig
from sawt.data import yamldoc
from sawt.data.errors import DataError, ShortcodeError
from sawt.data.load import check_archive
from sawt.data.model import Archive
from sawt.data.photos import PHOTO_DIR, PhotoError, publish_photo, published_photo_name
from sawt.data.yamldoc import ParsedFiles
from sawt.dates import archive_today, status_label
from sawt.languages import DEFAULT_LANGUAGE, LANGUAGES, direction, neutral_path, relative_url, url_in_language
from sawt.outputs import cards, exports, feeds, share, theme_css, theme_script
from sawt.outputs.cards_ahead import CardsAhead
from sawt.outputs.headers import page_policy, write_headers_file
from sawt.outputs.htmlpost import finish_html
from sawt.outputs.qr import qr_svg
from sawt.outputs.search import index as search_index
from sawt.outputs.search.index import CASE_PAGES_PER_SHARD, IndexReport, build_search_index
from sawt.outputs.sitemap import PAGES_SITEMAP, robots_txt, sitemap_index_xml, sitemap_xml
from sawt.render import strings
from sawt.render.fieldref import field_reference_markdown
from sawt.render.front_matter import front_matter_lines, front_matter_yaml  # noqa: F401 (front_matter_lines: for the hooks)
from sawt.render.sanitise import TrustedFragments


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
    #: Known to the engine only so that links to it resolve and are checked: the page
    #: itself is written by Sawt (a case page, filled into the frame by `finish`).
    link_only: bool = False


MISSING_SITE_URL = (
    "The site's public address is not set. Share previews, feeds and the sitemap need absolute "
    "URLs: build with SAWT_SITE_URL=https://your.domain/ make build (make serve sets it itself)."
)

def untranslated_body(html: str, *, page_lang: str, content_lang: str, original_url: str) -> str:
    """Wrap a body written in another language: a notice in the reader's language,
    and the body marked with its own language and direction."""
    notice = (
        f'<div class="admonition note sawt-untranslated" lang="{page_lang}" dir="{direction(page_lang)}">'
        f"<p>{html_lib.escape(strings.text('untranslated_notice', page_lang))} "
        f'<a href="{html_lib.escape(original_url)}" hreflang="{content_lang}">{html_lib.escape(strings.text("read_original", page_lang))}</a></p></div>'
    )
    return f'{notice}<div lang="{content_lang}" dir="{direction(content_lang)}">{html}</div>'


@dataclass(frozen=True)
class ServedSite:
    """What the published site was built from: its frames, stories and data files (for
    a development server's preview of an edit, sawt/build/preview.py)."""

    frames: dict[tuple[str, str], frame.PageFrame]
    stories: dict[tuple[str, str], str]
    data_seen: preview.Fingerprint


@dataclass
class BuildState:
    config: SiteConfig | None = None  # read from mkdocs.yml when a build starts
    root: Path = Path(".")
    site_url: str = ""
    languages_order: tuple[str, ...] = tuple(LANGUAGES)
    built_paths: set[str] = field(default_factory=set)
    page_policies: set[str] = field(default_factory=set)  # each finished page's CSP, for _headers
    finished: bool = False
    search_report: IndexReport | None = None
    live_reload: bool = False  # under a development server that injects its reload script
    today: date = field(default_factory=archive_today)
    archive: Archive | None = None
    withheld_slugs: frozenset[str] = frozenset()
    site_dir: Path | None = None  # where the finished site goes
    staging_dir: Path | None = None  # where this build writes it
    ended_builds: int = 0
    frames: dict[tuple[str, str], frame.PageFrame] = field(default_factory=dict)  # by (language, kind)
    stories: dict[tuple[str, str], str] = field(default_factory=dict)  # (lang, slug) -> story HTML
    fragments: TrustedFragments = field(default_factory=TrustedFragments)  # Sawt's HTML, out of the sanitiser's way
    data_warnings: tuple[str, ...] = ()  # script-direction problems, when not strict
    _archive_fingerprint: preview.Fingerprint = field(default_factory=dict)  # data/ as the archive was checked
    _archive_checked_as: tuple[date, bool] | None = None  # (today, strict) of that check
    _data_seen: preview.Fingerprint | None = None  # data/ as this build found it (every language uses the same)
    served: ServedSite | None = None  # the published site's inputs, after a build published
    _frozen: bool = False  # objects alive when the archive was loaded are out of the cyclic collector's way
    stage_seconds: dict[str, float] = field(default_factory=dict)  # of the last build's finish(), by stage
    stage_peak_mb: dict[str, float] = field(default_factory=dict)  # this process's peak RSS after each stage
    stage_cpu_seconds: dict[str, float] = field(default_factory=dict)  # user + system, this process and its children
    started: tuple[float, float] = (0.0, 0.0)  # wall and CPU clocks when this build began
    cards_ahead: CardsAhead | None = None  # drawing share cards while the engine builds its pages
    cards_drawn_ahead: int = 0
    published_pages: PublishedPages | None = None  # the published site's generated pages, linked when unchanged
    pages_linked: int = 0
    page_keys: dict[str, str] = field(default_factory=dict)  # generated page file -> its key, for the search stage
    parsed_files: ParsedFiles | None = None
    caches: Caches | None = None  # where this build's caches live (set when it starts)

    def start(self, *, config: SiteConfig, site_dir: Path) -> Path:
        """A new build of all languages begins (every `mkdocs serve` rebuild too).
        Returns the folder to build into: `publish` swaps it in for `site_dir` at the end."""
        self.config = config
        self.root = config.root
        self.site_url = config.site_url
        self.languages_order = config.codes
        cards.FONT_DIR = config.font_dir  # the site's own web fonts (worker processes inherit it)
        self.caches = _caches(config.root)
        self.site_dir = site_dir
        self.staging_dir = staging.begin(site_dir)
        self.built_paths = set()
        self.page_policies = set()
        self.finished = False
        self.fragments.clear()
        self.frames = {}
        self.stories = {}
        self.ended_builds = 0
        self.started = (time.perf_counter(), _cpu_seconds())
        self._thaw()  # (a build that neither published nor failed)
        self.stop_cards_ahead()
        if self.published_pages is not None:  # a build that neither published nor failed
            self.published_pages.discard()
        self.published_pages, self.pages_linked, self.page_keys = None, 0, {}
        self._data_seen = None
        # `mkdocs serve` can run for days: each rebuild judges embargoes as of its own day.
        self.today = archive_today(config.time_zone)
        return self.staging_dir

    def cache_dir(self, kind: str) -> Path:
        """This build's cache of `kind` (pages, cards, search, data): sawt/build/caches.py."""
        if self.caches is None:  # (a state used without a build, as tests do)
            self.caches = _caches(self.root)
        return self.caches.dir(kind)

    @property
    def data_dir(self) -> Path:
        return self.config.data_dir if self.config is not None else self.root / "data"

    def site_name(self, lang: str) -> str:
        if self.config is None:
            raise SawtError("internal: the site's names were used before mkdocs.yml was read")
        return self.config.site_name(lang)

    @property
    def loaded(self) -> Archive:
        """The archive of this build (loaded by `ensure_archive` when the build began)."""
        if self.archive is None:
            raise SawtError("internal: the archive was used before it was loaded")
        return self.archive

    def ensure_archive(self, *, strict: bool = True) -> Archive:
        """Load and validate data/ once per process: mkdocs-static-i18n runs a
        whole build per language, and `mkdocs serve` rebuilds on every save, so
        data/ is read again only when one of its files changed. Called once per
        language build; page events use `loaded`. Not `strict`, script-direction
        problems are kept in `data_warnings` instead of stopping the build."""
        if self._data_seen is None:  # once a build: every language is built from the same files
            self._data_seen = preview.fingerprint(self.data_dir)
        archive = self._checked_archive(self._data_seen, strict)
        if not self._frozen:
            # The archive is long-lived objects by the hundred thousand (millions at 100,000
            # cases): frozen, the cyclic collector no longer rescans them for the rest of the
            # build, nor touches them in the forked workers that share them (gc.freeze's
            # documented use). Thawed when the build ends, so that a development server
            # still collects what its builds leave.
            gc.freeze()
            self._frozen = True
        return archive

    def _thaw(self) -> None:
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def _checked_archive(self, seen: preview.Fingerprint, strict: bool) -> Archive:
        """The archive of data/ as `seen`, checked again only if a file changed since the last
        check, or the day did (embargoes lift at midnight), or the strictness."""
        if self.archive is None or seen != self._archive_fingerprint or self._archive_checked_as != (self.today, strict):
            try:
                report = check_archive(self.data_dir, today=self.today, strict=strict, parsed=self._parsed_files())
            except DataError as error:
                self.archive = None
                raise SawtError(f"{error.summary()} in data/:\n{error}") from None
            self.archive, self.withheld_slugs = report.archive, report.withheld_slugs
            self.data_warnings = tuple(warning.as_warning() for warning in report.warnings)
            self._archive_fingerprint, self._archive_checked_as = seen, (self.today, strict)
        return self.archive

    def _parsed_files(self) -> ParsedFiles:
        """Data files read before, kept by their bytes (in .cache/data/, and in memory for a
        development server's life), so that a rebuild parses only the files that changed."""
        cache_dir = self.cache_dir("data")
        if self.parsed_files is None or self.parsed_files.cache_dir != cache_dir:
            self.parsed_files = ParsedFiles(cache_dir)
        return self.parsed_files

    # -- pages ---------------------------------------------------------------

    def withheld_story_urls(self, neutral_urls: set[str], source_of: dict[str, str]) -> set[str]:
        """Hand-written story pages (docs/<lang>/cases/<slug>.md) that must not be
        published: their case is unpublished or embargoed. A story whose case does not
        exist at all stops the build, so that no page is dropped without a word."""
        withheld = set()
        for url in sorted(neutral_urls):
            slug = story_slug(url)
            if slug is None or self.loaded.case(slug) is not None:
                continue
            if slug in self.withheld_slugs:
                withheld.add(url)
                continue
            raise SawtError(
                f"{source_of[url]}: this page is the story of a case, but data/cases/{slug}.yml does not exist. "
                f"Add the case, rename the page to match its case's file name, or move it out of cases/."
            )
        return withheld

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
                if neutral_path(_url_of(source.dest_uri)) not in present:  # written in `lang` too, or already borrowed
                    found.append(source)
        return found

    def generated_pages(self, docs_dir: Path, lang: str) -> list[GeneratedPage]:
        """The case-page frame (filled for every case by `finish`), and the case index's
        pages after the first (the first is docs/<lang>/cases/index.md, where the
        volunteer writes the intro)."""
        archive = self.loaded
        check_appeal_pages(archive, docs_dir)
        pages = [GeneratedPage(src_uri=frame.frame_url(kind).rstrip("/") + ".md", neutral_url=frame.frame_url(kind),
                               markdown=frame.frame_markdown(kind)) for kind in frame.FRAME_FOLDERS]
        pages += [GeneratedPage(src_uri=f"cases/{case.slug}.md", neutral_url=f"cases/{case.slug}/", markdown="",
                                link_only=True) for case in archive.cases]
        return pages

    def content_language(self, source_name: str, page_lang: str) -> str:
        """The language a page's body is written in: the folder it was read from
        (a page borrowed from the other language keeps its own folder)."""
        parts = Path(source_name).parts
        if len(parts) > 2 and parts[0] == "docs" and parts[1] in LANGUAGES:
            return parts[1]
        return page_lang

    def expand_shortcodes(self, markdown: str, *, lang: str, file: str, page_url: str, line_offset: int) -> str:
        here = url_in_language(page_url, lang)
        try:
            return render.expand_shortcodes(
                markdown,
                archive=self.loaded,
                lang=lang,
                file=file,
                case_url=lambda slug: relative_url(here, url_in_language(f"cases/{slug}/", lang)),
                field_reference=field_reference_markdown(lang) if "sawt:field-reference" in markdown else None,
                line_offset=line_offset,
                protect=self.fragments.hold,
                today=self.today,
                page_address=share.absolute_url(self.site_url, here),
                contact=self.config.contact if self.config is not None else None,
            )
        except ShortcodeError as error:
            raise SawtError(str(error)) from None

    def page_built(self, url: str) -> None:
        self.built_paths.add(neutral_path(url))

    def add_story(self, lang: str, slug: str, story_html: str) -> None:
        """A published case's hand-written story, already converted by the site's Markdown."""
        self.stories[(lang, slug)] = story_html

    def keep_frame(self, lang: str, kind: str, page_html: str) -> None:
        """The engine's finished rendering of a page frame (`kind`: case or index) in `lang`."""
        try:
            self.frames[(lang, kind)] = frame.PageFrame.from_html(page_html)
        except frame.FrameError as error:
            raise SawtError(str(error)) from None

    def frame_meta(self, lang: str, kind: str) -> list[share.MetaTag]:
        """Preview meta of a page frame: tokens that every page it frames fills. A case
        page shows its own card; an index page the site's."""
        return share.page_meta(
            site_url=self.site_url,
            page_url=frame.frame_url(kind),
            lang=lang,
            title=frame.TITLE,
            description=frame.DESCRIPTION,
            site_name=self.site_name(lang),
            image_path=share.card_path(lang, frame.FRAME_SLUG if kind == "case" else None),
            image_alt=frame.IMAGE_ALT,
        )

    # -- sharing -----------------------------------------------------------------

    def page_meta(self, *, page_url: str, lang: str, title: str, description: str) -> list[share.MetaTag]:
        """Preview meta of a hand-written page: the site's card (case pages fill a frame, see `frame_meta`)."""
        return share.page_meta(
            site_url=self.site_url,
            page_url=page_url,
            lang=lang,
            title=title,
            description=description or strings.text('site_tagline', lang),
            site_name=self.site_name(lang),
            image_path=share.card_path(lang, None),
            image_alt=strings.text("site_tagline", lang),
        )

    def feed_links(self) -> list[dict[str, str]]:
        return [
            {"href": FEED_PATHS[lang], "lang": lang, "title": strings.text('feed_title', lang)} for lang in LANGUAGES
        ]

    def case_share_block(self, case, lang: str) -> str:
        return self.share_block(page_url=f"cases/{case.slug}/", lang=lang, title=case.name[lang], case_slug=case.slug)

    def share_block(self, *, page_url: str, lang: str, title: str, case_slug: str | None) -> str:
        """For case and appeal pages: where the campaign's ask is."""
        url = share.absolute_url(self.site_url, url_in_language(page_url, lang))
        case = self.loaded.case(case_slug) if case_slug else None
        text = title
        if case is not None and case.ask is not None:
            text = f"{case.name[lang]}: {case.ask[lang]}"
        return share.share_block_html(url=url, text=text, lang=lang, qr_svg=qr_svg(url, title=strings.text("share_qr", lang)))

    def draw_cards_ahead(self) -> None:
        """Once the archive is loaded: start drawing its share cards into the cache on
        the core the engine leaves idle (sawt/outputs/cards_ahead.py)."""
        self.stop_cards_ahead()
        self.cards_drawn_ahead = 0  # (none, when the cache has the cards already)
        archive = self.loaded
        self.cards_ahead = CardsAhead.start(
            archive.cases, site_names={lang: self.site_name(lang) for lang in LANGUAGES},
            labels={lang: {status: status_label(status, lang) for status in {case.status for case in archive.cases}} for lang in LANGUAGES},
            cache_dir=self.cache_dir("cards"), minimum=CARDS_PER_PROCESS_POOL)

    def stop_cards_ahead(self) -> None:
        if self.cards_ahead is not None:
            self.cards_drawn_ahead = self.cards_ahead.stop()
            self.cards_ahead = None

    def discard_output(self) -> None:
        """After a failed build, drop what it wrote; the last complete site stays."""
        self._thaw()
        self.stop_cards_ahead()
        if self.staging_dir is not None:
            staging.abandon(self.staging_dir)
            self.staging_dir = None
        if self.published_pages is not None:
            self.published_pages.discard()
            self.published_pages = None

    def language_build_ended(self) -> bool:
        """Count the ends of the language builds; True at the last. (The engine nests them:
        the other languages build inside the first one's end, so the first ends last.)"""
        self.ended_builds += 1
        return self.ended_builds == len(self.languages_order)

    def publish(self) -> None:
        """The whole build is written: swap it in for the last one."""
        self._thaw()
        if self.staging_dir is not None and self.site_dir is not None and self.finished:
            staging.publish(self.staging_dir, self.site_dir)
            self.staging_dir = None
            self.served = ServedSite(frames=dict(self.frames), stories=dict(self.stories),
                                     data_seen=self._archive_fingerprint)
            if self.published_pages is not None:
                self.published_pages.published()
                self.published_pages = None
            if self.caches is not None:
                self.caches.sweep()  # older generations of each cache, in the background

    def preview_edited_cases(self) -> list[str]:
        """Under a development server, before a rebuild: rewrite in the served site the pages
        of the case files edited since it was built, when nothing else changed
        (sawt/build/preview.py). Returns the addresses rewritten or removed; [] when there is
        nothing to show this way (the rebuild that follows shows everything)."""
        served, site_dir = self.served, self.site_dir
        if not self.live_reload or served is None or self.config is None or site_dir is None or not site_dir.is_dir():
            return []
        if archive_today(self.config.time_zone) != self.today or self._archive_checked_as is None:
            return []  # a new day: the rebuild judges every embargo again
        seen = preview.fingerprint(self.data_dir)
        edited = preview.edited_case_files(served.data_seen, seen, self.data_dir / "cases")
        if not edited:
            return []
        try:
            archive = self._checked_archive(seen, strict=self._archive_checked_as[1])
        except SawtError:
            return []  # the rebuild reports the problem over the page
        slugs = {path.stem for path in edited}
        shown = {slug for slug in slugs if archive.case(slug) is not None}
        scratch = site_dir.with_name(site_dir.name + ".preview")
        shutil.rmtree(scratch, ignore_errors=True)
        pages = write_case_pages(CasePagesJob(
            archive=archive, frames={lang: served.frames[(lang, "case")] for lang in LANGUAGES},
            site_names={lang: self.site_name(lang) for lang in LANGUAGES}, stories=served.stories,
            share_block=self.case_share_block, site_url=self.site_url, site_dir=scratch,
            cache_dir=self.cache_dir("pages"), today=self.today,
        ), slugs=shown)
        preview.replace_pages(scratch, site_dir, pages.urls, PAGE_FILES)
        withheld = [case_url(slug, lang) for slug in sorted(slugs - shown) for lang in LANGUAGES]
        preview.remove_pages(site_dir, withheld)
        return pages.urls + withheld

    # -- site-wide outputs, once all languages are built -----------------------

    def finish(self, site_dir: Path) -> bool:
        """Write the site-wide outputs, once every language's pages are built; False if
        this build already did. The stages run in this order (each needs the ones before:
        the sitemap lists the generated pages, the search index reads every page)."""
        if self.finished:
            return False
        self.finished = True
        self.stage_seconds = {}
        self.stage_peak_mb = {}
        self.stage_cpu_seconds = {}
        # Everything before the stages: loading the archive and the engine's own pages, every language.
        self.stage_seconds["engine_pages"] = time.perf_counter() - self.started[0]
        self.stage_cpu_seconds["engine_pages"] = _cpu_seconds() - self.started[1]
        archive = self.loaded
        for stage in (
            self.write_generated_pages,
            self.write_sitemap,
            self.publish_photos,
            self.write_share_cards,
            self.write_search_index,
            self.write_feeds_and_exports,
            self.write_host_headers,
            self.patch_theme_script,
            self.trim_theme_stylesheet,
        ):
            started, cpu_started = time.perf_counter(), _cpu_seconds()
            stage(site_dir, archive)
            self.stage_seconds[stage.__name__] = time.perf_counter() - started
            self.stage_cpu_seconds[stage.__name__] = _cpu_seconds() - cpu_started
            self.stage_peak_mb[stage.__name__] = _peak_rss_mb(resource.RUSAGE_SELF)
        return True

    def patch_theme_script(self, site_dir: Path, archive: Archive) -> None:
        """The theme's script fetches no sitemap.xml beside the pages' hreflang links (sawt/outputs/theme_script.py)."""
        try:
            theme_script.patch_theme_script(site_dir)
        except theme_script.ThemeScriptError as error:
            raise SawtError(str(error)) from None

    def trim_theme_stylesheet(self, site_dir: Path, archive: Archive) -> None:
        """The theme's stylesheet without the components Sawt never renders (sawt/outputs/theme_css.py)."""
        try:
            theme_css.trim_theme_stylesheet(site_dir)
        except theme_css.ThemeCssError as error:
            raise SawtError(str(error)) from None

    def language_alternates(self, page_url: str) -> list[dict[str, str]]:
        """Absolute addresses of a page's versions, for <link rel="alternate" hreflang>; English is the default."""
        links = [{"lang": code, "href": share.absolute_url(self.site_url, url_in_language(page_url, code))} for code in LANGUAGES]
        return links + [{"lang": "x-default", "href": share.absolute_url(self.site_url, url_in_language(page_url, DEFAULT_LANGUAGE))}]

    def stage_summary(self) -> str:
        """How long each site-wide stage of the last build took, for the build log and bench/."""
        # Wall seconds, then CPU seconds (this process and its workers): on 2 cores a stage
        # that keeps both busy shows about twice its wall time.
        stages = ", ".join(f"{name} {seconds:.1f}s ({self.stage_cpu_seconds.get(name, 0):.1f} CPU)"
                           for name, seconds in self.stage_seconds.items())
        # Peak RSS of this process after each stage, and of the largest finished child
        # (page and card workers, Pagefind): where a large archive's memory goes.
        peaks = " ".join(f"{self.stage_peak_mb[name]:.0f}" for name in self.stage_seconds if name in self.stage_peak_mb)
        return (f"sawt stages: {stages}; peak RSS MB after each: {peaks}, largest child {_peak_rss_mb(resource.RUSAGE_CHILDREN):.0f}; "
                f"share cards drawn ahead: {self.cards_drawn_ahead}; generated pages linked unchanged: {self.pages_linked}")

    def write_generated_pages(self, site_dir: Path, archive: Archive) -> None:
        """Case pages and index pages 2+, filled into the frames the engine rendered."""
        missing = [f"{lang} {kind}" for lang in LANGUAGES for kind in frame.FRAME_FOLDERS if (lang, kind) not in self.frames]
        if missing:
            raise SawtError(f"internal: page frames were not rendered for {', '.join(missing)}")
        cache_dir = self.cache_dir("pages")
        if self.site_dir is not None and self.site_dir != site_dir:
            self.published_pages = PublishedPages.of(cache_dir, self.site_dir)
        pages = write_case_pages(CasePagesJob(
            archive=archive, frames={lang: self.frames[(lang, "case")] for lang in LANGUAGES},
            site_names={lang: self.site_name(lang) for lang in LANGUAGES}, stories=dict(self.stories),
            share_block=self.case_share_block, site_url=self.site_url, site_dir=site_dir,
            cache_dir=cache_dir, today=self.today, published=self.published_pages,
        ))
        written, keys, stamps, self.pages_linked = list(pages.urls), dict(pages.keys), dict(pages.stamps), pages.linked
        for lang in LANGUAGES:
            index = write_index_pages(archive, lang, self.frames[(lang, "index")], site_dir, self.published_pages)
            written += index.urls
            keys.update(index.keys)
            stamps.update(index.stamps)
            self.pages_linked += index.linked
        if self.published_pages is not None:
            self.published_pages.record(keys, stamps)
        self.page_keys = {url + "index.html": key for url, key in keys.items()}
        self.built_paths.update(neutral_path(url) for url in written)
        for lang in LANGUAGES:  # the frames themselves are not pages of the site
            for kind in frame.FRAME_FOLDERS:
                shutil.rmtree(site_dir / url_in_language(frame.frame_url(kind), lang), ignore_errors=True)

    def finish_page(self, html: str, *, lang: str) -> str:
        """A rendered engine page's last touches (htmlpost.finish_html); its policy is kept for
        _headers. Generated pages are filled into frames that went through here."""
        html = finish_html(html, lang=lang, live_reload=self.live_reload)
        policy = page_policy(html)
        if policy is not None:
            self.page_policies.add(policy)
        return html

    def write_sitemap(self, site_dir: Path, archive: Archive) -> None:
        """One sitemap for the whole site, at the root (the theme's per-language ones go)."""
        for lang in LANGUAGES.values():
            if lang.url_prefix:
                for name in ("sitemap.xml", "sitemap.xml.gz"):
                    (site_dir / lang.url_prefix / name).unlink(missing_ok=True)
        (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)
        (site_dir / PAGES_SITEMAP).write_text(sitemap_xml(sorted(self.built_paths), self.site_url), encoding="utf-8")
        (site_dir / "sitemap.xml").write_text(sitemap_index_xml(self.site_url), encoding="utf-8")
        (site_dir / "robots.txt").write_text(robots_txt(self.site_url), encoding="utf-8")

    def publish_photos(self, site_dir: Path, archive: Archive) -> None:
        """Photos of published cases only (never the whole data/photos folder)."""
        for case in archive.cases:
            if case.photo:
                target = site_dir / PHOTO_DIR / published_photo_name(case.slug, case.photo)
                try:
                    publish_photo(self.data_dir, case.photo, target)
                except PhotoError as error:  # changed on disk since the check
                    raise SawtError(f'{case.source_file}: photo "{case.photo}" {error}') from None

    def write_search_index(self, site_dir: Path, archive: Archive) -> None:
        try:
            self.search_report = build_search_index(
                site_dir, languages=tuple(LANGUAGES), cache_dir=self.cache_dir("search"),
                case_pages_per_shard=self.config.search_case_pages_per_shard if self.config else CASE_PAGES_PER_SHARD,
                page_keys=self.page_keys)
        except RuntimeError as error:
            raise SawtError(str(error)) from None

    def write_feeds_and_exports(self, site_dir: Path, archive: Archive) -> None:
        for lang in LANGUAGES:
            self.write_feed(site_dir, archive, lang)
            self.write_exports(site_dir, archive, lang)

    def write_host_headers(self, site_dir: Path, archive: Archive) -> None:
        """_headers for static hosts: the pages' policy as HTTP headers (after every page exists)."""
        write_headers_file(site_dir, self.page_policies)

    def write_share_cards(self, site_dir: Path, archive: Archive) -> None:
        self.stop_cards_ahead()  # what it drew is in the cache now
        cache = self.cache_dir("cards")
        jobs = []
        for lang in LANGUAGES:
            cards.render_site_card(lang, site_name=self.site_name(lang), tagline=strings.text("site_tagline", lang),
                                   out_path=site_dir / share.card_path(lang, None), cache_dir=cache)
            jobs += [
                (case, lang, self.site_name(lang), status_label(case.status, lang), site_dir / share.card_path(lang, case.slug), cache)
                for case in archive.cases
            ]
        # Drawing is CPU-bound (~5 ms a card); a large archive's cold build uses every core.
        in_workers(jobs, _draw_cards, slice_size=256, minimum=CARDS_PER_PROCESS_POOL)

    def write_feed(self, site_dir: Path, archive: Archive, lang: str) -> None:
        def case_url(slug: str) -> str:
            return share.absolute_url(self.site_url, url_in_language(f"cases/{slug}/", lang))

        news = [
            feeds.NewsItem(title=item.title, url=share.absolute_url(self.site_url, url_in_language(item.url, lang)),
                           date=item.date, summary=item.description)
            for item in news_items(self.root / "docs", lang)
        ]
        xml = feeds.atom_feed(
            feeds.feed_entries(archive, lang, case_url, news),
            lang=lang,
            feed_url=share.absolute_url(self.site_url, FEED_PATHS[lang]),
            site_url=share.absolute_url(self.site_url, url_in_language("", lang)),
            title=strings.text('feed_title', lang),
            updated=None,
        )
        (site_dir / FEED_PATHS[lang]).write_text(xml, encoding="utf-8")

    def write_exports(self, site_dir: Path, archive: Archive, lang: str) -> None:
        folder = site_dir / url_in_language(f"{EXPORT_DIR}/", lang)
        folder.mkdir(parents=True, exist_ok=True)
        records = exports.public_records(archive, lang, self.site_url)
        (folder / "cases.json").write_text(exports.cases_json(archive, lang, records=records), encoding="utf-8")
        (folder / "cases.csv").write_text(exports.cases_csv(archive, lang, records=records), encoding="utf-8", newline="")


#: One Atom feed per language, at the site root. Their <link>s say rel="alternate feed"
#: (overrides/main.html), so the theme's script fetches no sitemap.xml for them.
FEED_PATHS = {"en": "feed-en.xml", "ar": "feed-ar.xml"}
EXPORT_DIR = "data"


def check_appeal_pages(archive: Archive, docs_dir: Path) -> None:
    """Every appeal in data/appeals.yml has its page, appeals/<id>.md (in either language:
    the other one borrows it), which case pages link to."""
    for appeal_id in archive.appeals:
        if not any((docs_dir / lang / "appeals" / f"{appeal_id}.md").is_file() for lang in LANGUAGES):
            raise SawtError(
                f'data/appeals.yml: appeal "{appeal_id}" has no page: write docs/en/appeals/{appeal_id}.md '
                f"and docs/ar/appeals/{appeal_id}.md, with <!-- sawt:appeal {appeal_id} --> where its "
                "targets and letter go (case pages link to /appeals/<id>/)"
            )


def has_share_block(page_url: str) -> bool:
    """Appeal pages carry the share block (not the appeals index); case pages get theirs
    when they are filled (sawt.build.case_pages)."""
    path = neutral_path(page_url)
    return path.startswith("appeals/") and path != "appeals/"


@dataclass(frozen=True)
class NewsPage:
    url: str  # language-neutral, "news/2025-11-extradition-talks/"
    title: str
    description: str
    date: date


def news_items(docs_dir: Path, lang: str) -> list[NewsPage]:
    """Dated pages under docs/<lang>/news/ (front matter `date:`), for the feeds."""
    import yaml

    items = []
    for path in sorted((docs_dir / lang / "news").glob("*.md")):
        if path.name == "index.md":
            continue
        text = path.read_text(encoding="utf-8-sig")
        block = front_matter_yaml(text)
        meta = yaml.safe_load(block) if block is not None else None
        if not isinstance(meta, dict) or not isinstance(meta.get("date"), date):
            raise SawtError(
                f"{path.relative_to(docs_dir.parent).as_posix()}:1: a news item needs a date in its front matter, "
                "e.g. `date: 2025-11-03` between the --- lines, so that it can appear in the feeds"
            )
        items.append(NewsPage(f"news/{path.stem}/", str(meta.get("title", path.stem)), str(meta.get("description", "")), meta["date"]))
    return items


def _caches(root: Path) -> Caches:
    """The project's caches, each in the generation of the code that fills it (after cards.FONT_DIR is set)."""
    return Caches(root / ".cache", {"pages": renderer_fingerprint(), "cards": cards.cache_generation(),
                                    "search": search_index.CACHE_GENERATION, "data": yamldoc.CACHE_GENERATION})


def _cpu_seconds() -> float:
    """User + system seconds of this process and its finished children (workers, Pagefind)."""
    return sum(usage.ru_utime + usage.ru_stime
               for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def _peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


CARDS_PER_PROCESS_POOL = 200  # below this, starting worker processes costs more than it saves


def _draw_cards(jobs: Sequence[tuple]) -> None:
    for case, lang, site_name, label, out_path, cache in jobs:
        cards.ensure_share_card(case, lang, site_name=site_name, status_label=label, out_path=out_path, cache_dir=cache)


def story_slug(neutral_url: str) -> str | None:
    """The case a page under cases/ tells the story of ("cases/x/" -> "x"); None for
    the case index and its pages."""
    parts = neutral_url.strip("/").split("/")
    if len(parts) == 2 and parts[0] == "cases" and parts[1] not in ("", "index", "page"):
        return parts[1]
    return None


def _url_of(dest_uri: str) -> str:
    return dest_uri[: -len("index.html")] if dest_uri.endswith("index.html") else dest_uri
