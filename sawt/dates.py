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

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from sawt.data.model import STATUSES, PartialDate

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


#: Babel locale per site language. `ar_SY` gives the Levantine month names.
BABEL_LOCALES: dict[str, str] = {"en": "en", "ar": "ar_SY"}

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

# Arabic statuses are written as the phrases Syrian rights groups use. They are
# grammatically masculine, the generic form used in tables and statistics.
_STATUS_LABELS: dict[str, dict[str, str]] = {
    "at-risk": {"en": "At risk of deportation", "ar": "معرّض لخطر الترحيل"},
    "detained": {"en": "Detained", "ar": "محتجز"},
    "disappeared": {"en": "Forcibly disappeared", "ar": "مختفٍ قسرياً"},
    "deported": {"en": "Deported", "ar": "مُرحَّل"},
    "released": {"en": "Released", "ar": "مُفرَج عنه"},
    "died-in-custody": {"en": "Died in custody", "ar": "توفي في الاحتجاز"},
}

# Event types label a line of a timeline next to its date. Arabic uses verbal
# nouns (اعتقال، ترحيل ...), which read naturally after a date and need no gender.
_EVENT_TYPE_LABELS: dict[str, dict[str, str]] = {
    "arrested": {"en": "Arrested", "ar": "اعتقال"},
    "detained": {"en": "Detained", "ar": "احتجاز"},
    "transferred": {"en": "Transferred", "ar": "نقل"},
    "interrogated": {"en": "Interrogated", "ar": "تحقيق"},
    "charged": {"en": "Charged", "ar": "توجيه اتهام"},
    "tried": {"en": "Tried", "ar": "محاكمة"},
    "sentenced": {"en": "Sentenced", "ar": "صدور حكم"},
    "deportation-order": {"en": "Deportation order", "ar": "قرار ترحيل"},
    "deported": {"en": "Deported", "ar": "ترحيل"},
    "disappeared": {"en": "Forcibly disappeared", "ar": "إخفاء قسري"},
    "released": {"en": "Released", "ar": "إفراج"},
    "died": {"en": "Died", "ar": "وفاة"},
    "killed": {"en": "Killed", "ar": "مقتل"},
    "body-returned": {"en": "Body returned", "ar": "تسليم الجثمان"},
    "defected": {"en": "Defected", "ar": "انشقاق"},
    "fled": {"en": "Fled", "ar": "فرار"},
    "other": {"en": "Other", "ar": "حدث آخر"},
}

_TO_ASCII = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Bidi marks Babel may put around numbers and dates in Arabic patterns; the page's
# own direction handles layout, and stray marks break copy/paste and search.
_BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c"), None)


def ascii_digits(text: str) -> str:
    """Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII 0-9; bidi marks removed."""
    return text.translate(_TO_ASCII).translate(_BIDI_MARKS)


def _lang(lang: str) -> str:
    if lang not in BABEL_LOCALES:
        raise ValueError(f'unknown language "{lang}"; expected one of {", ".join(BABEL_LOCALES)}')
    return lang


@lru_cache(maxsize=None)
def _locale(lang: str) -> Locale:
    return Locale.parse(BABEL_LOCALES[_lang(lang)])


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
    """The display label of a case status, e.g. ("disappeared", "ar") -> "مختفٍ قسرياً"."""
    try:
        return _STATUS_LABELS[status][_lang(lang)]
    except KeyError:
        raise ValueError(f'unknown status "{status}"; expected one of {", ".join(STATUSES)}') from None


def event_type_label(event_type: str, lang: str) -> str:
    """The display label of an event type, e.g. ("deportation-order", "en") -> "Deportation order"."""
    try:
        return _EVENT_TYPE_LABELS[event_type][_lang(lang)]
    except KeyError:
        raise ValueError(
            f'unknown event type "{event_type}"; expected one of {", ".join(EVENT_TYPES)}'
        ) from None
