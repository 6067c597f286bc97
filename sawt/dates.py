"""Dates, numbers and vocabulary labels in both site languages.

Digit policy (see the contract): Arabic pages use ASCII digits 0-9 with Arabic
month names, and the month names are the Levantine ones Syrian readers use
(CLDR `ar_SY`: كانون الثاني، شباط، آذار، نيسان ...). Babel may answer with
Arabic-Indic digits for Arabic locales, so every formatted string goes through
`ascii_digits` before it leaves this module.

This module is also the one place for the status and event-type labels.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

from sawt import catalogs
from sawt.data.model import STATUSES, PartialDate
from sawt.languages import babel_locale

#: The time zone in which "today" is judged: when an embargo lifts, and which dates
#: are in the future. An embargo_until date lifts at 00:00 of that day in this zone,
#: at the first build after that moment, whatever time zone the build machine is set to.
ARCHIVE_TIMEZONE = "UTC"


def archive_today(time_zone: str = ARCHIVE_TIMEZONE, *, now: datetime | None = None) -> date:
    """Today's date in the archive's time zone (not the build machine's local date)."""
    instant = now if now is not None else datetime.now(timezone.utc)
    if instant.tzinfo is None:
        raise ValueError("archive_today needs an aware datetime: a naive one would be read as local time")
    return instant.astimezone(ZoneInfo(time_zone)).date()



#: Event types, in the order of the schema's enum (sawt/data/schemas/case.schema.json);
#: a unit test keeps the two in step.
EVENT_TYPES: tuple[str, ...] = (
    "arrested",
    "detained",
    "transferred",
    "interrogated",
    "charged",
    "tried",
    "sentenced",
    "deportation-order",
    "deported",
    "disappeared",
    "released",
    "died",
    "killed",
    "body-returned",
    "defected",
    "fled",
    "other",
)

_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Bidi marks Babel may put around numbers and dates in Arabic patterns; the page's
# own direction handles layout, and stray marks break copy/paste and search.
_BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c"), None)


def ascii_digits(text: str) -> str:
    """Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII 0-9; bidi marks removed."""
    return text.translate(_TO_ASCII).translate(_BIDI_MARKS)


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(babel_locale(lang))
    except (UnknownLocaleError, ValueError):
        raise ValueError(f'unknown language "{lang}": not a language code Unicode CLDR knows') from None


# --- parsing -----------------------------------------------------------------

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_SLOPPY_PARTIAL = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$")
_DATE_HELP = "write it as YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2023-04-19, 2023-04 or 2023)"


def parse_partial_date(value: object) -> PartialDate:
    """Normalise what YAML gives for a date into a `PartialDate`.

    Accepts a `datetime.date` (PyYAML's reading of 2023-04-19), an int year
    (PyYAML's reading of 2023) or a string "2023-04-19" / "2023-04" / "2023".
    Raises ValueError whose message completes a sentence starting with the
    quoted value, e.g. 'is not a real date: February 2023 has 28 days'.
    """
    if isinstance(value, datetime):
        raise ValueError(f"has a time of day; {_DATE_HELP}")
    if isinstance(value, date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, bool):
        raise ValueError(f"is not a date; {_DATE_HELP}")
    if isinstance(value, int):
        if 1000 <= value <= 9999:
            return PartialDate(value)
        raise ValueError(f"is not a four-digit year; {_DATE_HELP}")
    if not isinstance(value, str):
        raise ValueError(f"is not a date; {_DATE_HELP}")
    text = value.strip()
    match = _ISO_PARTIAL.match(text)
    if match is None:
        sloppy = _SLOPPY_PARTIAL.match(text)
        if sloppy is not None:
            year, month, day = sloppy.groups()
            fixed = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
            raise ValueError(f"must be written with a two-digit month and day, like {fixed}")
        raise ValueError(f"is not a date; {_DATE_HELP}")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"is not a real date: there is no month {month} (months are 01 to 12)")
    if day is not None:
        assert month is not None
        days_in_month = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days_in_month:
            month_name = calendar.month_name[month]
            raise ValueError(
                f"is not a real date: {month_name} {year} has {days_in_month} days"
            )
    return PartialDate(year, month, day)


# --- formatting --------------------------------------------------------------

_PATTERNS = {"day": "d MMMM y", "month": "MMMM y", "year": "y"}


def format_partial_date(d: PartialDate, lang: str) -> str:
    """"19 April 2023" / "April 2023" / "2023"; Arabic "19 نيسان 2023" / "نيسان 2023"."""
    text = format_date(d.earliest(), _PATTERNS[d.precision], locale=_locale(lang))
    return ascii_digits(text)


def format_number(n: int | float, lang: str) -> str:
    """A number with the locale's grouping, always in ASCII digits: 1,234."""
    return ascii_digits(format_decimal(n, locale=_locale(lang), numbering_system="latn"))


# --- labels ------------------------------------------------------------------


def status_label(status: str, lang: str) -> str:
    """The display label of a case status, e.g. ("disappeared", "ar") -> "مختفٍ قسرياً"
    (catalog key "status:<status>"; Arabic statuses are the phrases Syrian rights groups use,
    grammatically masculine, the generic form of tables and statistics)."""
    if status not in STATUSES:
        raise ValueError(f'unknown status "{status}"; expected one of {", ".join(STATUSES)}')
    return catalogs.text(f"status:{status}", lang)


def event_type_label(event_type: str, lang: str) -> str:
    """The display label of an event type, e.g. ("deportation-order", "en") -> "Deportation order"
    (catalog key "event:<type>"; Arabic uses verbal nouns, which read naturally after a date)."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f'unknown event type "{event_type}"; expected one of {", ".join(EVENT_TYPES)}')
    return catalogs.text(f"event:{event_type}", lang)
