"""How long a person has been held or missing, as the archive last knew it.

The count runs from the first arrest, detention or disappearance event to the
case's `last_verified` date, never to today: the archive does not know that
someone is still held after the day it last checked, and a page must not claim
more than its sources do. Dates known only to the month or year are counted from
the latest day they allow, so the figure is a lower bound and says "at least".

Only cases whose status is ongoing (detained, disappeared) get a figure; for a
released, deported or dead person the timeline tells what happened instead.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sawt import catalogs
from sawt.data.model import Case, PartialDate
from sawt.dates import format_number, format_partial_date

#: Statuses for which "held for" / "missing for" is still true on the last_verified date.
ONGOING_STATUSES = ("detained", "disappeared")

@dataclass(frozen=True)
class HeldFor:
    label: str  # "Missing for" / "مدة الاختفاء"
    duration: str  # "at least 5 months" / "5 أشهر على الأقل"
    as_of: str  # "9 February 2021", the last_verified date in the page's language
    sentence: str  # "Missing for at least 5 months, as of 9 February 2021."
    days: int  # the lower bound in days, to sort the longest-held first


def held_for(case: Case, lang: str) -> HeldFor | None:
    """The time held or missing up to `last_verified`, or None where the data can't say."""
    start = case.arrest
    if case.status not in ONGOING_STATUSES or start is None or case.last_verified is None:
        return None
    since = _latest_day(start.date)
    until = case.last_verified.earliest()
    if until < since:
        return None
    days = (until - since).days
    duration = format_duration(since, until, lang)
    if start.date.precision != "day" or case.last_verified.precision != "day":
        duration = catalogs.text("held:at_least", lang).format(duration=duration)
    label = catalogs.text(f"held:{case.status}", lang)
    as_of = format_partial_date(case.last_verified, lang)
    return HeldFor(
        label=label,
        duration=duration,
        as_of=as_of,
        sentence=catalogs.text("held:sentence", lang).format(label=label, duration=duration, as_of=as_of),
        days=days,
    )


def format_duration(since: date, until: date, lang: str) -> str:
    """Whole years if a year has passed, else whole months, else days: "3 years", "5 أشهر"."""
    months = (until.year - since.year) * 12 + until.month - since.month - (until.day < since.day)
    if months >= 12:
        return _count(months // 12, "year", lang)
    if months >= 1:
        return _count(months, "month", lang)
    return _count((until - since).days, "day", lang)


def _count(n: int, unit: str, lang: str) -> str:
    """"3 years", "سنتان": the catalog's plural form for n (Arabic has six: zero, one, two,
    few 3-10, many 11-99, other)."""
    return catalogs.counted(f"held:{unit}", n, lang).format(n=format_number(n, lang))


def _latest_day(d: PartialDate) -> date:
    """The last day a partial date allows: 2020-08 -> 2020-08-31, 2020 -> 2020-12-31."""
    month = d.month or 12
    day = d.day or calendar.monthrange(d.year, month)[1]
    return date(d.year, month, day)
