"""Share cards drawn ahead into the cache while the engine builds its pages."""

from __future__ import annotations

import dataclasses

import pytest

from sawt.data.model import Text
from sawt.outputs import cards
from sawt.outputs.cards_ahead import CardsAhead
from tests.unit.test_cards import LABEL, SITE_NAME, fictional_case

LABELS = {lang: {"detained": label} for lang, label in LABEL.items()}


def people(n: int):
    base = fictional_case()
    return [dataclasses.replace(base, slug=f"test-person-{i}", name=Text(f"Test Person {i}", f"شخص تجريبي {i}")) for i in range(n)]


def test_the_cards_drawn_ahead_are_the_ones_the_cards_stage_publishes(tmp_path) -> None:
    cases = people(3)
    ahead = CardsAhead.start(cases, site_names=SITE_NAME, labels=LABELS, cache_dir=tmp_path / "cache", minimum=1)
    if ahead is None:
        pytest.skip("one core, or no way to start a process here")
    for task in ahead._tasks:
        task.result(timeout=120)
    assert ahead.stop() == 6
    for case in cases:
        for lang in ("en", "ar"):
            out = tmp_path / "site" / lang / f"{case.slug}.png"
            out.parent.mkdir(parents=True, exist_ok=True)
            result = cards.ensure_share_card(case, lang, site_name=SITE_NAME[lang], status_label=LABEL[lang],
                                             out_path=out, cache_dir=tmp_path / "cache")
            assert not result.drawn, "the stage drew a card the worker had drawn"
            content = cards.card_content(case, lang, site_name=SITE_NAME[lang], status_label=LABEL[lang])
            assert out.read_bytes() == cards.draw_card(content).png()


def test_stopping_early_leaves_only_whole_cards(tmp_path) -> None:
    cache = tmp_path / "cache"
    ahead = CardsAhead.start(people(300), site_names=SITE_NAME, labels=LABELS, cache_dir=cache, minimum=1)
    if ahead is None:
        pytest.skip("one core, or no way to start a process here")
    drawn = ahead.stop()
    assert drawn < 600, "stop() waited for every card instead of cancelling"
    files = list(cache.glob("*")) if cache.exists() else []
    assert all(path.suffix == ".png" for path in files), [p.name for p in files if p.suffix != ".png"]
    assert len(files) == drawn


def test_a_small_archive_draws_nothing_ahead(tmp_path) -> None:
    assert CardsAhead.start(people(3), site_names=SITE_NAME, labels=LABELS, cache_dir=tmp_path, minimum=200) is None
