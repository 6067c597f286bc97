"""Share cards drawn ahead into the cache while the engine builds its pages."""

from __future__ import annotations

import dataclasses

import pytest

from sawt.data.model import Text
from sawt.outputs import cards
from sawt.outputs.cards_ahead import CardsAhead
from tests.unit.test_cards import FONTS, LABEL, SITE_NAME, fictional_case

LABELS = {lang: {"detained": label} for lang, label in LABEL.items()}


def people(n: int):
    base = fictional_case()
    return [dataclasses.replace(base, slug=f"test-person-{i}", name=Text(f"Test Person {i}", f"شخص تجريبي {i}")) for i in range(n)]


def test_the_cards_drawn_ahead_are_the_ones_the_cards_stage_publishes(tmp_path) -> None:
    cases = people(3)
    ahead = CardsAhead.start(fonts=FONTS, cases=cases, site_names=SITE_NAME, labels=LABELS, cache_dir=tmp_path / "cache", minimum=1)
    if ahead is None:
        pytest.skip("one core, or no way to start a process here")
    for task in ahead._tasks:
        task.result(timeout=120)
    assert ahead.stop() == 6
    for case in cases:
        for lang in ("en", "ar"):
            out = tmp_path / "site" / lang / f"{case.slug}.png"
            out.parent.mkdir(parents=True, exist_ok=True)
            result = cards.ensure_share_card(case, lang, fonts=FONTS, site_name=SITE_NAME[lang], status_label=LABEL[lang],
                                             out_path=out, cache_dir=tmp_path / "cache")
            assert not result.drawn, "the stage drew a card the worker had drawn"
            content = cards.card_content(case, lang, site_name=SITE_NAME[lang], status_label=LABEL[lang])
            assert out.read_bytes() == cards.draw_card(FONTS, content).png()


def test_stopping_early_leaves_only_whole_cards(tmp_path) -> None:
    cache = tmp_path / "cache"
    ahead = CardsAhead.start(fonts=FONTS, cases=people(300), site_names=SITE_NAME, labels=LABELS, cache_dir=cache, minimum=1)
    if ahead is None:
        pytest.skip("one core, or no way to start a process here")
    drawn = ahead.stop()
    assert drawn < 600, "stop() waited for every card instead of cancelling"
    files = [path for path in cache.glob("*") if path.is_file()] if cache.exists() else []
    assert all(path.suffix == ".png" for path in files), [p.name for p in files if p.suffix != ".png"]
    assert len(files) == drawn
    # Each pointer from a case's inputs to its card (written after the card) names a whole card.
    for pointer in (cache / "by-input").glob("*.key") if cache.exists() else []:
        assert (cache / f"{pointer.read_text()}.png").is_file()


def test_a_small_archive_draws_nothing_ahead(tmp_path) -> None:
    assert CardsAhead.start(fonts=FONTS, cases=people(3), site_names=SITE_NAME, labels=LABELS, cache_dir=tmp_path, minimum=200) is None


def test_nothing_is_drawn_ahead_when_the_cache_has_the_cards_already(tmp_path) -> None:
    """A rebuild of an unchanged archive: handing every case to a worker would cost more
    than the few cards left to draw."""
    cases, cache = people(120), tmp_path / "cache"
    for case in cases:
        for lang in ("en", "ar"):
            cards.cache_share_card(case, lang, fonts=FONTS, site_name=SITE_NAME[lang], status_label=LABEL[lang], cache_dir=cache)
    assert cards.cached_share_cards(cache) == 240
    assert CardsAhead.start(fonts=FONTS, cases=cases, site_names=SITE_NAME, labels=LABELS, cache_dir=cache, minimum=1) is None
    more = CardsAhead.start(fonts=FONTS, cases=people(300), site_names=SITE_NAME, labels=LABELS, cache_dir=cache, minimum=1)
    assert more is not None or not cards_can_be_drawn_ahead()  # 240 of 600 cards cached: worth drawing ahead
    if more is not None:
        more.stop()


def cards_can_be_drawn_ahead() -> bool:
    import os

    from sawt.outputs.search.index import can_spawn_workers
    return (os.cpu_count() or 1) >= 2 and can_spawn_workers()
