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
from sawt.machinery.cached_files import publish_cached
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
    # The fonts, the cache and its index are handed to the workers with their cards, not left in
    # module state; each worker returns the card key of every case card it placed.
    index = cards.CardIndex(cache)
    placed: dict[str, str] = {}
    for found in in_workers(jobs, partial(_place_cards, fonts, cache, index), slice_size=256,
                            minimum=CARDS_PER_PROCESS_POOL):
        placed.update(found)
    index.update(placed)
    index.save(keep=set(placed))


def _place_cards(fonts: cards.CardFonts, cache: Path, index: cards.CardIndex, jobs: Sequence[tuple]) -> dict[str, str]:
    """Each job's card linked into the site: found through the index, else through the cache's
    pointer or drawn (`cards.cache_share_card`). Returns {input key: card key}."""
    input_key = cards.input_keys(fonts)
    placed = {}
    for case, lang, site_name, label, out_path in jobs:
        key_in = input_key(case, lang, site_name, label)
        known = index.get(key_in)
        if known is not None:
            try:
                publish_cached(cache / f"{known}.png", out_path)
                placed[key_in] = known
                continue
            except OSError:
                pass  # the card left the cache: find or draw it as if the index did not know it
        cached, _, key = cards.cache_share_card(case, lang, fonts=fonts, site_name=site_name, status_label=label,
                                                cache_dir=cache, input_key=key_in)
        publish_cached(cached, out_path)
        placed[key_in] = key
    return placed
