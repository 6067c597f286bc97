"""What the site-wide stages share: one typed object, filled as the build goes.

The fields without a default are there when the first stage starts (the loaded archive, the
engine's pages); the others are recorded by a stage for the stages after it. Each
stage module names the fields it `READS` and `WRITES`, and `sawt.pipeline` checks, when it
is imported, that every field a stage reads was given or written by an earlier stage: a
stage moved before its inputs fails at once, not with a half-built site.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Callable

from sawt.config import SiteConfig
from sawt.data.history import RecordHistories
from sawt.data.model import Archive, Case
from sawt.machinery.caches import Caches
from sawt.machinery.reuse import PublishedPages
from sawt.outputs.cards_ahead import CardsAhead
from sawt.outputs.search.index import IndexReport
from sawt.render.frame import PageFrame

#: (case, language) -> the case's share block (links, QR code), as the page services make it.
ShareBlock = Callable[[Case, str], str]


@dataclass
class BuildContext:
    config: SiteConfig
    archive: Archive
    today: date  # the archive's day: embargoes and appeal deadlines are judged by it
    site_dir: Path  # the folder this build writes (published only when the whole build passed)
    published_dir: Path | None  # the last published site, whose unchanged pages are linked
    caches: Caches
    frames: dict[tuple[str, str], PageFrame]  # by (language, kind): the engine's page frames
    stories: dict[tuple[str, str], str]  # by (language, slug): a case's hand-written story, as HTML
    engine_paths: set[str]  # language-neutral paths of the pages the engine wrote
    page_policies: set[str]  # each finished page's Content-Security-Policy
    share_block: ShareBlock
    cards_ahead: CardsAhead | None  # share cards being drawn while the engine built its pages
    # -- recorded by the stages ------------------------------------------------------------
    histories: RecordHistories | None = None  # history: each published case's history of its record
    history_unavailable: str | None = None  # history: why no history could be read in this build
    published_pages: PublishedPages | None = None  # case_pages: the published site's page keys
    generated_paths: set[str] = field(default_factory=set)  # case_pages: language-neutral paths
    page_keys: dict[str, str] = field(default_factory=dict)  # case_pages: page file -> its key
    pages_linked: int = 0  # case_pages: pages linked unchanged from the published site
    cards_drawn_ahead: int = 0  # share_cards
    search_report: IndexReport | None = None  # search


#: The fields a stage may read before any stage has run: those without a default.
GIVEN = frozenset(f.name for f in fields(BuildContext) if f.default is MISSING and f.default_factory is MISSING)
#: The fields a stage may record.
RECORDED = frozenset(f.name for f in fields(BuildContext)) - GIVEN
