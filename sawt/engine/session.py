"""One build of the whole bilingual site, from its start to its publication.

The engine runs one build per language (mkdocs-static-i18n nests the others inside the
first one's end); a `BuildSession` lives as long as the process (a development server's
rebuilds reuse it) and begins anew with each build: the archive is loaded once, every
language is written into a staging folder, the site-wide stages run once (`sawt.pipeline`),
and the staging folder replaces the last site only when the whole build passed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sawt import catalogs, languages, pipeline
from sawt.config import SiteConfig
from sawt.data import history, yamldoc
from sawt.data.model import Archive
from sawt.dates import archive_today, status_label
from sawt.engine.archive import ArchiveLoader
from sawt.engine.pages import PageServices
from sawt.engine.preview import (
    HandWrittenPage,
    ServedSite,
    marked_content,
    preview_edited_cases,
    preview_edited_pages,
)
from sawt.errors import SawtError
from sawt.machinery import staging
from sawt.machinery.caches import Caches
from sawt.machinery.fingerprint import Fingerprint, fingerprint
from sawt.machinery.timing import StageClock
from sawt.outputs import cards, exports
from sawt.outputs.cards_ahead import CardsAhead
from sawt.outputs.search import index as search_index
from sawt.render.sanitise import TrustedFragments
from sawt.stages.case_pages import renderer_fingerprint
from sawt.stages.context import BuildContext
from sawt.stages.share_cards import CARDS_PER_PROCESS_POOL

MISSING_SITE_URL = (
    "The site's public address is not set. Share previews, feeds and the sitemap need absolute "
    "URLs: build with SAWT_SITE_URL=https://your.domain/ make build (make serve sets it itself)."
)


@dataclass
class BuildSession:
    live_reload: bool = False  # under a development server that injects its reload script
    #: Sawt's own HTML held out of the sanitiser's way; one object for the process, because the
    #: Markdown extension that reads it is added to the engine's config once.
    fragments: TrustedFragments = field(default_factory=TrustedFragments)
    config: SiteConfig | None = None  # read from mkdocs.yml when a build starts
    loader: ArchiveLoader | None = None
    pages: PageServices | None = None  # this build's page services
    today: date = field(default_factory=archive_today)
    site_dir: Path | None = None  # where the finished site goes
    staging_dir: Path | None = None  # where this build writes it
    caches: Caches | None = None
    clock: StageClock = field(default_factory=StageClock)
    cards_ahead: CardsAhead | None = None  # share cards drawn while the engine builds its pages
    built: BuildContext | None = None  # the site-wide stages' context, once they ran
    served: ServedSite | None = None  # the published site's inputs, after a build published
    _data_seen: Fingerprint | None = None  # data/ as this build found it (every language uses the same)
    _docs_seen: Fingerprint | None = None  # docs/ as this build found it, under a development server
    _hand_written: dict[str, list[HandWrittenPage]] = field(default_factory=dict)  # by source, under a development server
    _language_builds_ended: int = 0

    def start(self, config: SiteConfig, *, site_dir: Path) -> Path:
        """A new build of all languages begins (every `mkdocs serve` rebuild too). Returns the
        folder to build into, which `publish` swaps in for `site_dir` at the end."""
        if not config.site_url:
            raise SawtError(MISSING_SITE_URL)
        self.discard_output()  # (a build that neither published nor failed)
        self.config = config
        languages.configure(config.site_languages)  # the site's languages, for every module (and forked worker)
        catalogs.configure(config.locale_dirs)
        if self.loader is None or self.loader.data_dir != config.data_dir:
            self.loader = ArchiveLoader(config.data_dir, remember_cases=self.live_reload)
        self.caches = Caches(config.cache_dir, {
            "pages": renderer_fingerprint(), "cards": cards.cache_generation(cards.CardFonts(config.font_dir)),
            "search": search_index.CACHE_GENERATION, "data": yamldoc.CACHE_GENERATION,
            "exports": exports.CACHE_GENERATION, "history": history.CACHE_GENERATION})
        self.site_dir = site_dir
        self.staging_dir = staging.begin(site_dir)
        self.fragments.clear()
        # `mkdocs serve` can run for days: each rebuild judges embargoes as of its own day.
        self.today = archive_today(config.time_zone)
        self.pages = PageServices(config=config, archive=self.archive, today=self.today, fragments=self.fragments,
                                  live_reload=self.live_reload)
        self.clock = StageClock()
        self.built = None
        self._data_seen = None
        self._docs_seen = fingerprint(config.docs_dir) if self.live_reload else None
        self._hand_written = {}
        self._language_builds_ended = 0
        return self.staging_dir

    def archive(self) -> Archive:
        if self.loader is None:
            raise SawtError("internal: the archive was used before a build started")
        return self.loader.loaded

    def load_archive(self, *, strict: bool) -> Archive:
        """Load and check data/ for this build (called by every language's build; checked once)."""
        if self.config is None or self.loader is None or self.caches is None:
            raise SawtError("internal: the archive was loaded before a build started")
        if self._data_seen is None:  # once a build: every language is built from the same files
            self._data_seen = fingerprint(self.config.data_dir)
        archive = self.loader.load(self._data_seen, today=self.today, strict=strict, cache_dir=self.caches.dir("data"))
        self.loader.freeze()
        return archive

    def draw_cards_ahead(self) -> None:
        """Once the archive is loaded: start drawing its share cards into the cache on the core
        the engine leaves idle (sawt/outputs/cards_ahead.py)."""
        self._stop_cards_ahead()
        archive, config = self.archive(), self.config
        statuses = {case.status for case in archive.cases}
        self.cards_ahead = CardsAhead.start(
            archive.cases, fonts=cards.CardFonts(config.font_dir), site_names=config.site_names,
            labels={lang: {status: status_label(status, lang) for status in statuses} for lang in config.codes},
            cache_dir=self.caches.dir("cards"), minimum=CARDS_PER_PROCESS_POOL)

    def language_build_ended(self) -> bool:
        """Count the ends of the language builds; True at the last. (The engine nests them:
        the other languages build inside the first one's end, so the first ends last.)"""
        self._language_builds_ended += 1
        return self._language_builds_ended == len(self.config.codes)

    def run_stages(self) -> bool:
        """The site-wide stages, once every language's pages are built; False if this build ran them already."""
        if self.built is not None:
            return False
        pages = self.pages
        self.clock.since_start("engine_pages")  # loading the archive and the engine's pages, every language
        self.built = BuildContext(
            config=self.config, archive=self.archive(), today=self.today, site_dir=self.staging_dir,
            published_dir=self.site_dir, caches=self.caches, frames=pages.frames, stories=pages.stories,
            engine_paths=pages.engine_paths, page_policies=pages.page_policies, share_block=pages.case_share_block,
            cards_ahead=self.cards_ahead)
        self.cards_ahead = None  # the share_cards stage stops it
        pipeline.run_stages(self.built, self.clock)
        return True

    def history_warning(self) -> str | None:
        """One line for the build log when this build could not read the records' history."""
        reason = self.built.history_unavailable if self.built is not None else None
        if reason is None:
            return None
        return (f"warning: the history of the records is not available in this build: {reason}; "
                "every case page says so")

    def summary(self) -> str:
        """The stages' times, for the build log and bench/."""
        built = self.built
        return (f"{self.clock.summary()}; share cards drawn ahead: {built.cards_drawn_ahead if built else 0}; "
                f"generated pages linked unchanged: {built.pages_linked if built else 0}")

    def publish(self) -> None:
        """The whole build is written and passed: swap it in for the last one."""
        self.loader.thaw()
        if self.staging_dir is None or self.site_dir is None or self.built is None:
            return
        staging.publish(self.staging_dir, self.site_dir)
        self.staging_dir = None
        self.served = ServedSite(frames=dict(self.pages.frames), stories=dict(self.pages.stories),
                                 data_seen=self.loader.checked_from, docs_seen=self._docs_seen or {},
                                 hand_written={source: tuple(pages) for source, pages in self._hand_written.items()},
                                 histories=self.built.histories)
        if self.built.published_pages is not None:
            self.built.published_pages.published()
            self.built.published_pages = None
        self.caches.sweep()  # older generations of each cache, in the background

    def discard_output(self) -> None:
        """After a failed build (or before a new one), drop what it wrote; the last complete site stays."""
        if self.loader is not None:
            self.loader.thaw()
        self._stop_cards_ahead()
        if self.staging_dir is not None:
            staging.abandon(self.staging_dir)
            self.staging_dir = None
        if self.built is not None and self.built.published_pages is not None:
            self.built.published_pages.discard()
            self.built.published_pages = None

    def _stop_cards_ahead(self) -> None:
        for running in (self.cards_ahead, self.built.cards_ahead if self.built else None):
            if running is not None:
                running.stop()
        self.cards_ahead = None
        if self.built is not None:
            self.built.cards_ahead = None

    def served_page_content(self, html: str, page: HandWrittenPage) -> str:
        """A hand-written page's finished content; under a development server, marked and
        remembered so that an edit of its file alone can be shown before the rebuild."""
        if not self.live_reload:
            return html
        self._hand_written.setdefault(os.path.realpath(page.source), []).append(page)
        return marked_content(html)

    def preview_edits(self) -> list[str]:
        """Under a development server, before a rebuild: the pages of the case files and of the
        hand-written pages edited since the served site was built, rewritten in it
        (sawt/engine/preview.py). Returns their addresses."""
        if not self.live_reload or self.served is None or self.config is None or self.site_dir is None \
                or not self.site_dir.is_dir() or self.loader is None:
            return []
        data_seen = fingerprint(self.config.data_dir)  # one look at data/ serves both previews
        shown = preview_edited_cases(served=self.served, site_dir=self.site_dir, config=self.config, loader=self.loader,
                                     today=self.today, data_seen=data_seen, data_cache_dir=self.caches.dir("data"),
                                     pages_cache_dir=self.caches.dir("pages"), share_block=self.pages.case_share_block)
        return shown + preview_edited_pages(served=self.served, site_dir=self.site_dir, docs_dir=self.config.docs_dir,
                                            data_seen=data_seen, body=self.pages.preview_body)
