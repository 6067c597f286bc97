"""Share cards drawn ahead, while the engine builds the hand-written pages.

A card depends on its case and the site's names only, never on a page, so it can be
drawn as soon as the archive is loaded. The engine then builds its pages in one
process for a few seconds, and the machine's other core sits idle: one background
worker spends them drawing cards into the card cache (.cache/cards/). The cards
stage stops it, finds those cards in the cache and only links them into the site,
and draws whatever the worker had not reached, as it always did.

The worker writes nothing but cache entries, each under the key of everything that
changes it, so a build that fails, or a worker that dies, leaves nothing to publish
and nothing stale. Its errors are not reported here: the cards stage draws the same
card again and reports them there.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Sequence

from sawt.data.model import Case
from sawt.outputs import cards
from sawt.outputs.search.index import can_spawn_workers

#: Cases per task: small enough that stopping waits for little, large enough that
#: handing the worker its cases costs little.
CASES_PER_TASK = 64


#: Drawing ahead is skipped when the cache can already find this share of the cards: a
#: rebuild then draws at most a few, and handing every case to a worker (pickling 10,000
#: cases' summaries, in the engine's process) would cost more than it saves.
CACHED_SHARE_TO_SKIP = 0.9


def _draw(fonts: cards.CardFonts, lang: str, site_name: str, labels: dict[str, str], cases: Sequence[Case],
          cache_dir: Path) -> int:
    drawn = 0
    input_key = cards.input_keys(fonts)  # the fonts hashed once a task, not once a card
    for case in cases:
        label = labels[case.status]
        drawn += cards.cache_share_card(case, lang, fonts=fonts, site_name=site_name, status_label=label,
                                        cache_dir=cache_dir, input_key=input_key(case, lang, site_name, label))[1]
    return drawn


class CardsAhead:
    """One background process drawing cards into the cache until `stop()`."""

    def __init__(self, pool: ProcessPoolExecutor, tasks: list[Future]) -> None:
        self._pool = pool
        self._tasks = tasks

    @classmethod
    def start(cls, cases: Sequence[Case], *, fonts: cards.CardFonts, site_names: dict[str, str],
              labels: dict[str, dict[str, str]], cache_dir: Path, minimum: int) -> CardsAhead | None:
        """Start drawing, or None when it would not pay: fewer than `minimum` cards, one
        core, no way to start a process, or a cache that has most of the cards already. The
        worker is spawned, not forked: it inherits nothing, and is handed the fonts with each task."""
        wanted = len(cases) * len(site_names)
        if wanted < minimum or (os.cpu_count() or 1) < 2 or not can_spawn_workers():
            return None
        if cards.cached_share_cards(cache_dir) >= CACHED_SHARE_TO_SKIP * wanted:
            return None
        try:
            # "spawn": the engine's process may run threads (`mkdocs serve`), and forking those can deadlock.
            pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            tasks = [pool.submit(_draw, fonts, lang, site_name, labels[lang], cases[i:i + CASES_PER_TASK], cache_dir)
                     for lang, site_name in site_names.items() for i in range(0, len(cases), CASES_PER_TASK)]
        except OSError:  # no processes to be had here: the cards stage draws them all
            return None
        return cls(pool, tasks)

    def stop(self) -> int:
        """Cancel what has not started, wait for what has; the number of cards drawn."""
        for task in self._tasks:
            task.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)
        drawn = 0
        for task in self._tasks:
            if task.done() and not task.cancelled() and task.exception() is None:
                drawn += task.result()
        return drawn
