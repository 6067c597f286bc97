"""'Held for' / 'missing for': counted to last_verified, a lower bound for partial dates."""

from __future__ import annotations

from datetime import date

import pytest

from sawt.data.model import Case, Event, PartialDate, Text
from sawt.render.held import format_duration, held_for


def _case(status: str, arrested: PartialDate | None, verified: PartialDate | None) -> Case:
    events = () if arrested is None else (Event(date=arrested, type="arrested", text=Text("x", "س")),)
    return Case(
        slug="test-case", name=Text("Test", "اختبار"), status=status, summary=Text("s", "ص"),
        events=events, last_verified=verified,
    )


def test_partial_arrest_date_counts_from_its_last_day_and_says_at_least():
    case = _case("disappeared", PartialDate(2020, 8), PartialDate(2021, 2, 9))
    en, ar = held_for(case, "en"), held_for(case, "ar")
    assert en is not None and ar is not None
    assert en.sentence == "Missing for at least 5 months, as of 9 February 2021."
    assert ar.sentence == "مدة الاختفاء: 5 أشهر على الأقل، حتى 9 شباط 2021."
    assert en.days == (date(2021, 2, 9) - date(2020, 8, 31)).days


def test_exact_dates_give_an_exact_figure():
    held = held_for(_case("detained", PartialDate(2023, 4, 19), PartialDate(2023, 6, 13)), "en")
    assert held is not None and held.duration == "1 month" and held.label == "Held for"


@pytest.mark.parametrize("status", ["released", "deported", "died-in-custody", "at-risk"])
def test_no_figure_once_the_detention_is_over_or_never_began(status):
    assert held_for(_case(status, PartialDate(2020, 1, 1), PartialDate(2021, 1, 1)), "en") is None


def test_no_figure_without_an_arrest_or_a_verification_date():
    assert held_for(_case("detained", None, PartialDate(2021, 1, 1)), "en") is None
    assert held_for(_case("detained", PartialDate(2020, 1, 1), None), "en") is None


def test_verified_before_the_arrest_gives_no_figure_rather_than_a_negative_one():
    assert held_for(_case("detained", PartialDate(2022, 5), PartialDate(2021, 1, 1)), "en") is None


@pytest.mark.parametrize(
    ("since", "until", "en", "ar"),
    [
        (date(2020, 1, 1), date(2020, 1, 2), "1 day", "يوم واحد"),
        (date(2020, 1, 1), date(2020, 1, 3), "2 days", "يومان"),
        (date(2020, 1, 1), date(2020, 1, 8), "7 days", "7 أيام"),
        (date(2020, 1, 1), date(2020, 1, 20), "19 days", "19 يوماً"),
        (date(2020, 1, 31), date(2020, 2, 29), "29 days", "29 يوماً"),  # not yet a whole month
        (date(2020, 1, 1), date(2020, 3, 1), "2 months", "شهران"),
        (date(2011, 3, 15), date(2024, 3, 14), "12 years", "12 سنة"),
        (date(2011, 3, 15), date(2024, 3, 15), "13 years", "13 سنة"),
        (date(1980, 1, 1), date(2080, 1, 1), "100 years", "100 سنة"),
        (date(1980, 1, 1), date(2083, 1, 1), "103 years", "103 سنوات"),  # CLDR: 103 is "few"
    ],
)
def test_durations_use_each_language_plural_forms(since, until, en, ar):
    assert format_duration(since, until, "en") == en
    assert format_duration(since, until, "ar") == ar
