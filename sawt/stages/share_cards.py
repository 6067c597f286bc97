"""Stage: the share cards (the site's, and each case's), in every language.

Cards drawn ahead while the engine built its pages (sawt/outputs/cards_ahead.py) are found
in the card cache; the rest are drawn here, by one worker process per core for a large
archive (drawing is CPU-bound, ~5 ms a card).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Sequence

from sawt.dates import status_label
from sawt.machinery.forked import in_workers
from sawt.outputs import cards, share
from sawt.render import strings
from sawt.stages.context import BuildContext

READS = ("config", "archive", "site_dir", "caches", "cards_ahead")
WRITES = ("cards_drawn_ahead",)

#: Below this many cards, starting worker processes costs more than it saves.
CARDS_PER_PROCESS_POOL = 200


def run(build: BuildContext) -> None:
    if build.cards_ahead is not None:  # what it drew is in the cache now
        build.cards_drawn_ahead = build.cards_ahead.stop()
        build.cards_ahead = None
    cache = build.caches.dir("cards")
    fonts = cards.CardFonts(build.config.font_dir)
    jobs = []
    for lang in build.config.codes:
        site_name = build.config.site_name(lang)
        cards.render_site_card(lang, fonts=fonts, site_name=site_name, tagline=strings.text("site_tagline", lang),
                               out_path=build.site_dir / share.card_path(lang, None), cache_dir=cache)
        jobs += [
            (case, lang, site_name, status_label(case.status, lang), build.site_dir / share.card_path(lang, case.slug))
            for case in build.archive.cases
        ]
    # The fonts and the cache are handed to the workers with their cards, not left in module state.
    in_workers(jobs, partial(_draw_cards, fonts, cache), slice_size=256, minimum=CARDS_PER_PROCESS_POOL)


def _draw_cards(fonts: cards.CardFonts, cache: Path, jobs: Sequence[tuple]) -> None:
    for case, lang, site_name, label, out_path in jobs:
        cards.ensure_share_card(case, lang, fonts=fonts, site_name=site_name, status_label=label, out_path=out_path,
                                cache_dir=cache)
