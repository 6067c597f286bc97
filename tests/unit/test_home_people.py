"""The home page's cards stay a handful, the urgent first, however big the archive."""

from __future__ import annotations

from datetime import date

from bs4 import BeautifulSoup

from sawt.data.load import load_archive
from sawt.data.synthetic import write_synthetic_archive
from sawt.render.held import held_for
from sawt.render.home import HOME_CARDS, home_people, home_people_html


def test_thousands_of_cases_give_a_bounded_set_of_cards_still_held_first(tmp_path):
    archive = load_archive(write_synthetic_archive(tmp_path / "data", 2_500, 3), today=date(2026, 12, 1))
    cards = home_people(archive, "en", case_url=lambda slug: f"cases/{slug}/")
    assert len(cards) == HOME_CARDS
    held = [card.held is not None for card in cards]
    ongoing = sum(held_for(case, "en") is not None for case in archive.cases)
    assert held == [True] * min(ongoing, HOME_CARDS) + [False] * (HOME_CARDS - min(ongoing, HOME_CARDS))
    html = home_people_html(archive, "ar", case_url=lambda slug: f"cases/{slug}/", cases_root="cases/")
    page = BeautifulSoup(html, "lxml")
    assert len(page.select("li.sawt-person")) == HOME_CARDS
    assert page.select_one(".sawt-people__all a")["href"] == "cases/"


def test_a_card_shows_the_published_photo_of_a_case_that_has_one(tmp_path):
    import dataclasses

    archive = load_archive(write_synthetic_archive(tmp_path / "data", 3, 3), today=date(2026, 12, 1))
    first, *rest = archive.cases
    with_photo = dataclasses.replace(first, photo="photos/portrait.JPG", photo_alt={"en": "A portrait", "ar": "صورة"})
    archive = dataclasses.replace(archive, cases=type(archive.cases)([with_photo, *rest]))
    html = home_people_html(archive, "ar", case_url=lambda slug: f"../cases/{slug}/", cases_root="../cases/")
    page = BeautifulSoup(html, "lxml")
    images = page.select("li.sawt-person img")
    assert [img["src"] for img in images] == [f"../assets/photos/{first.slug}.jpg"]  # where sawt/stages/photos.py publishes it
    assert images[0]["alt"] == "صورة"
    assert len(page.select("li.sawt-person .sawt-portrait--placeholder")) == len(rest)
