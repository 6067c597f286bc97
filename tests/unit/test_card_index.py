"""The cards stage finds every unchanged card through one index file, and any gap in it
(a case edited, a damaged index, a card gone from the cache) through the cache as before."""

from __future__ import annotations

import dataclasses

import pytest

from sawt.outputs import cards
from sawt.stages import share_cards
from tests.calls import record_calls
from tests.unit.test_cards import FONTS, LABEL, SITE_NAME
from tests.unit.test_cards_ahead import people


def _jobs(cases, site):
    return [(case, lang, SITE_NAME[lang], LABEL[lang], site / lang / f"{case.slug}.png")
            for lang in ("en", "ar") for case in cases]


def _place(cases, cache, site) -> dict[str, str]:
    for lang in ("en", "ar"):
        (site / lang).mkdir(parents=True, exist_ok=True)
    index = cards.CardIndex(cache)
    placed = share_cards._place_cards(FONTS, cache, index, _jobs(cases, site))
    index.update(placed)
    index.save(keep=set(placed))
    return placed


def _looked_up(monkeypatch) -> list[str]:
    """The slugs of the cards looked for past the index, from now on."""
    return record_calls(monkeypatch, cards, "cache_share_card", lambda case: case.slug)


def test_an_unchanged_archive_finds_every_card_in_the_index(tmp_path, monkeypatch):
    cases, cache = people(3), tmp_path / "cache"
    first = _place(cases, cache, tmp_path / "site1")
    looked_up = _looked_up(monkeypatch)
    again = _place(cases, cache, tmp_path / "site2")
    assert looked_up == [] and again == first and len(first) == 6
    for lang in ("en", "ar"):
        for case in cases:
            content = cards.card_content(case, lang, site_name=SITE_NAME[lang], status_label=LABEL[lang])
            assert (tmp_path / "site2" / lang / f"{case.slug}.png").read_bytes() == cards.draw_card(FONTS, content).png()


def test_an_edited_case_is_the_only_one_looked_for_and_the_index_keeps_todays_cards(tmp_path, monkeypatch):
    cases, cache = people(3), tmp_path / "cache"
    _place(cases, cache, tmp_path / "site1")
    cases[1] = dataclasses.replace(cases[1], status="released")
    looked_up = _looked_up(monkeypatch)
    placed = _place(cases, cache, tmp_path / "site2")
    assert looked_up == [cases[1].slug, cases[1].slug]  # its card in each language
    assert set(cards.CardIndex(cache).keys) == set(placed)  # the old card's inputs are gone from the index


@pytest.mark.parametrize("damage", ["garbage", "card gone"])
def test_a_damaged_index_or_a_missing_card_falls_back_to_the_cache(tmp_path, monkeypatch, damage):
    cases, cache = people(2), tmp_path / "cache"
    first = _place(cases, cache, tmp_path / "site1")
    if damage == "garbage":
        (cache / cards.CardIndex.FILE).write_bytes(b"not an index")
    else:
        (cache / f"{next(iter(first.values()))}.png").unlink()
    looked_up = _looked_up(monkeypatch)
    again = _place(cases, cache, tmp_path / "site2")
    assert again == first
    assert len(looked_up) == (4 if damage == "garbage" else 1)
    assert all((tmp_path / "site2" / job[1] / f"{job[0].slug}.png").stat().st_size > 1000 for job in _jobs(cases, tmp_path))
