"""Partial dates, numbers and labels in both languages."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from sawt.dates import (
    EVENT_TYPES,
    ascii_digits,
    event_type_label,
    format_number,
    format_partial_date,
    parse_partial_date,
    status_label,
)
from sawt.data.model import STATUSES, PartialDate

SCHEMA = Path(__file__).resolve().parents[2] / "sawt" / "data" / "schemas" / "case.schema.json"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2023, 4, 19), PartialDate(2023, 4, 19)),
        (2023, PartialDate(2023)),
        ("2023", PartialDate(2023)),
        ("2023-04", PartialDate(2023, 4)),
        ("2023-04-19", PartialDate(2023, 4, 19)),
        (" 2023-04-19 ", PartialDate(2023, 4, 19)),
        ("2024-02-29", PartialDate(2024, 2, 29)),
    ],
)
def test_parse_partial_date(value, expected) -> None:
    assert parse_partial_date(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-02-30", "is not a real date: February 2023 has 28 days"),
        ("2023-02-29", "is not a real date: February 2023 has 28 days"),
        ("2023-04-31", "is not a real date: April 2023 has 30 days"),
        ("2023-13", "is not a real date: there is no month 13 (months are 01 to 12)"),
        ("2023-00-10", "is not a real date: there is no month 0 (months are 01 to 12)"),
        ("2023-4-1", "must be written with a two-digit month and day, like 2023-04-01"),
        ("2023-4", "must be written with a two-digit month and day, like 2023-04"),
        ("19/04/2023", "is not a date; write it as YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2023-04-19, 2023-04 or 2023)"),
        (99, "is not a four-digit year; write it as YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2023-04-19, 2023-04 or 2023)"),
        (True, "is not a date; write it as YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2023-04-19, 2023-04 or 2023)"),
        (datetime(2023, 1, 1, 10), "has a time of day; write it as YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2023-04-19, 2023-04 or 2023)"),
    ],
)
def test_parse_partial_date_rejects(value, message) -> None:
    with pytest.raises(ValueError) as caught:
        parse_partial_date(value)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("d", "en", "ar"),
    [
        (PartialDate(2023, 4, 19), "19 April 2023", "19 نيسان 2023"),
        (PartialDate(2023, 4), "April 2023", "نيسان 2023"),
        (PartialDate(2023), "2023", "2023"),
        (PartialDate(2020, 1, 5), "5 January 2020", "5 كانون الثاني 2020"),
        (PartialDate(2019, 2), "February 2019", "شباط 2019"),
        (PartialDate(2021, 3, 1), "1 March 2021", "1 آذار 2021"),
        (PartialDate(2021, 5), "May 2021", "أيار 2021"),
        (PartialDate(2024, 12, 31), "31 December 2024", "31 كانون الأول 2024"),
        (PartialDate(2018, 10), "October 2018", "تشرين الأول 2018"),
        (PartialDate(2018, 11), "November 2018", "تشرين الثاني 2018"),
    ],
)
def test_format_partial_date(d: PartialDate, en: str, ar: str) -> None:
    assert format_partial_date(d, "en") == en
    assert format_partial_date(d, "ar") == ar


def test_arabic_dates_use_ascii_digits_and_no_bidi_marks() -> None:
    text = format_partial_date(PartialDate(2023, 4, 19), "ar")
    assert not any(c in text for c in "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹\u200e\u200f\u061c")


@pytest.mark.parametrize(
    ("n", "en", "ar"),
    [(0, "0", "0"), (7, "7", "7"), (874, "874", "874"), (1234, "1,234", "1,234"), (1234567, "1,234,567", "1,234,567")],
)
def test_format_number(n: int, en: str, ar: str) -> None:
    assert format_number(n, "en") == en
    assert format_number(n, "ar") == ar


def test_ascii_digits() -> None:
    assert ascii_digits("٢٠٢٣ و۱۴۰۲\u200f") == "2023 و1402"


def test_unknown_language() -> None:
    with pytest.raises(ValueError, match='unknown language "zz"'):
        format_number(1, "zz")
    assert format_number(1234, "fr") == "1\u202f234"  # a language added in mkdocs.yml: its own grouping


def test_every_status_has_labels_in_both_languages() -> None:
    for status in STATUSES:
        assert status_label(status, "en") and status_label(status, "ar")
    assert status_label("disappeared", "ar") == "مختفٍ قسرياً"
    assert status_label("died-in-custody", "en") == "Died in custody"
    assert status_label("at-risk", "ar") == "معرّض لخطر الترحيل"


def test_every_event_type_has_labels_in_both_languages() -> None:
    for event_type in EVENT_TYPES:
        assert event_type_label(event_type, "en") and event_type_label(event_type, "ar")
    assert event_type_label("deportation-order", "en") == "Deportation order"
    assert event_type_label("arrested", "ar") == "اعتقال"


def test_unknown_labels_raise_with_the_vocabulary() -> None:
    with pytest.raises(ValueError, match='unknown status "jailed"; expected one of at-risk, detained'):
        status_label("jailed", "en")
    with pytest.raises(ValueError, match='unknown event type "jailed"; expected one of arrested'):
        event_type_label("jailed", "ar")


def test_vocabularies_match_the_schema() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert tuple(schema["properties"]["status"]["enum"]) == STATUSES
    assert tuple(schema["$defs"]["event"]["properties"]["type"]["enum"]) == EVENT_TYPES
