"""The archive's data model: plain, immutable, MkDocs-free.

Everything here has already been validated and stripped of what must never be
published: an unpublished or embargoed case never becomes a `Case`, and the
`private` mapping of a YAML record is dropped by the loader before a `Case` is
built. Code that renders pages, cards, feeds, search text or exports can
therefore not leak what it never sees.
"""

from __future__ import annotations

import hashlib

from dataclasses import dataclass, field, fields
from functools import cached_property
from datetime import date
from typing import Literal, Mapping

from sawt.languages import TEXT_LANGUAGES

Lang = str  # a code of LANGS
#: The languages every text of the archive is written in (a case's name, summary ...: the
#: schema requires each). A site may be built in more languages (mkdocs.yml); a page in one of
#: those shows these texts in the first, English, marked as such.
LANGS: tuple[Lang, ...] = TEXT_LANGUAGES


def text_language(lang: str) -> Lang:
    """The language an archive text is shown in on a page in `lang`."""
    return lang if lang in LANGS else LANGS[0]


def other_text_language(lang: str) -> Lang:
    """The other language of the texts: a name is shown in both scripts."""
    shown = text_language(lang)
    return next(code for code in LANGS if code != shown)

#: Case status vocabulary. Order is the display order in tables and charts.
STATUSES: tuple[str, ...] = (
    "at-risk",
    "detained",
    "disappeared",
    "deported",
    "released",
    "died-in-custody",
)


@dataclass(frozen=True)
class Text:
    """A string in each language of the archive's texts (LANGS, in that order)."""

    en: str
    ar: str

    def __getitem__(self, lang: str) -> str:
        return getattr(self, text_language(lang))

    @classmethod
    def stripped(cls, value: Mapping[str, str]) -> Text:
        """From a checked mapping of every text language to its text."""
        return cls(*(value[lang].strip() for lang in LANGS))


# A Text has one field a text language, in LANGS' order (`stripped` and `__getitem__` rely on it).
assert tuple(f.name for f in fields(Text)) == LANGS


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day (partial dates are normal here)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)


@dataclass(frozen=True)
class Capture:
    """One preserved copy of a source, as archive/manifest.json records it (sawt/data/captures.py).

    `method` is "fetched" (Sawt fetched the URL itself: `captured_at` is when) or "imported"
    (a copy made elsewhere, `--import`: `captured_at` is None when nobody recorded when it was
    made, and `copied_by` says who made it)."""

    source: str
    method: str
    file: str  # relative to the archive folder, e.g. snhr-2023-al-samar/20260101T120000Z.wacz
    file_sha256: str
    size: int
    captured_at: str | None  # ISO 8601 UTC, or None: capture date unknown
    url: str | None = None
    final_url: str | None = None
    status: int | None = None
    content_type: str | None = None
    body_sha256: str | None = None
    text_file: str | None = None  # the extracted text, UTF-8, relative to the archive folder
    text_encoding: str | None = None  # the encoding the document itself was in
    imported_at: str | None = None
    copied_by: str | None = None
    note: str | None = None
    tool: str = ""
    tool_version: str = ""
    redirects: tuple[tuple[str, int], ...] = ()  # (url, status) of each hop before the final one

    @property
    def is_wacz(self) -> bool:
        return self.file.endswith(".wacz")

    @property
    def date_shown(self) -> str | None:
        """YYYY-MM-DD of the capture, or None when it is unknown."""
        return self.captured_at[:10] if self.captured_at else None


@dataclass(frozen=True)
class LiveCheck:
    """What `--check-live` last found at a source's original address."""

    checked_at: str
    state: str  # "online", "changed" or "gone"
    detail: str = ""


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    date: PartialDate | None
    url: str | None = None
    archived_url: str | None = None
    language: str | None = None
    publisher_ar: str | None = None  # the publisher's own Arabic name, if it has one (never a translation of ours)
    kind: str | None = None  # official, court, ngo, media, family or witness
    captures: tuple[Capture, ...] = ()  # oldest first
    archive_reason: Text | None = None  # why there is no capture (archive: reason:)
    publish_copy: bool = False  # its capture was read and may be published (download and text view)
    live: LiveCheck | None = None
    where: str = ""  # file:line of its entry, for messages only

    @property
    def latest_capture(self) -> Capture | None:
        return self.captures[-1] if self.captures else None


@dataclass(frozen=True)
class Event:
    date: PartialDate
    type: str
    text: Text
    place: Text | None = None
    by: Text | None = None  # who acted: "General Security", "Military Intelligence"...
    source: Source | None = None  # the first of `sources` (most code shows one)
    sources: tuple[Source, ...] = ()  # every source the event cites (source: or sources:)
    grade: "Grade | None" = None  # from data/grades.yml; None: not graded

    def __post_init__(self) -> None:
        if not self.sources and self.source is not None:  # an event made with source= alone
            object.__setattr__(self, "sources", (self.source,))


@dataclass(frozen=True)
class Correction:
    date: PartialDate
    text: Text


@dataclass(frozen=True)
class Case:
    slug: str
    name: Text
    status: str
    summary: Text
    ask: Text | None = None
    aliases: tuple[str, ...] = ()
    pseudonym: bool = False
    events: tuple[Event, ...] = ()
    sources: tuple[Source, ...] = ()
    corrections: tuple[Correction, ...] = ()
    last_verified: PartialDate | None = None
    photo: str | None = None  # path relative to data/, e.g. photos/x.jpg
    photo_alt: Text | None = None
    appeal: str | None = None  # the id of the appeal in data/appeals.yml this case is part of
    source_file: str = ""  # e.g. data/cases/x.yml, for error messages only

    @cached_property
    def digest(self) -> str:
        """A hash of every field (of their values: repr, not object identity), made once a
        case and build: the cache keys of its pages, index rows and share card use it. A
        case's repr is about 0.1 ms with a 300-word summary in two languages, and each
        build needed it four times a case."""
        return hashlib.sha256(repr(self).encode("utf-8")).hexdigest()

    @property
    def arrest(self) -> Event | None:
        """The first arrest (or detention) event, which the index shows."""
        for event in self.events:
            if event.type in ("arrested", "detained", "disappeared"):
                return event
        return None

    @property
    def status_event(self) -> Event | None:
        """The event the case's status rests on, whose grade the key facts and the search filter show.

        The latest event of a type that states the status itself (STATUS_EVENT_TYPES: a release
        for "released", a death or a body returned for "died-in-custody", a deportation for
        "deported", a deportation order for "at-risk", the last arrest, detention or transfer for
        "detained", a disappearance for "disappeared"): the most recent report that the person is
        in that state. Without one, a status that only continues the arrest ("detained",
        "disappeared", "died-in-custody": held, then nothing heard, or died while held) rests on
        the arrest (`arrest`, the event the counts and the exports grade), as the sample's
        cases do (Osama: arrested in 2020, missing since). Otherwise None: nothing recorded
        supports the status, and it shows as not graded. Events with no date order keep their
        order in the file (the timeline's order).
        """
        types = STATUS_EVENT_TYPES.get(self.status, ())
        stating = [event for event in self.events if event.type in types]
        if stating:
            return max(enumerate(stating), key=lambda pair: (pair[1].date.sort_key(), pair[0]))[1]
        return self.arrest if self.status in STATUSES_RESTING_ON_ARREST else None


#: For each status, the event types that state it (see Case.status_event).
STATUS_EVENT_TYPES: Mapping[str, tuple[str, ...]] = {
    "at-risk": ("deportation-order",),
    "detained": ("arrested", "detained", "transferred"),
    "disappeared": ("disappeared",),
    "deported": ("deported",),
    "released": ("released",),
    "died-in-custody": ("died", "killed", "body-returned"),
}
#: Statuses that continue the arrest: without an event of their own, they rest on it.
STATUSES_RESTING_ON_ARREST: tuple[str, ...] = ("detained", "disappeared", "died-in-custody")


@dataclass(frozen=True)
class Figure:
    """A figure reported by someone else, always shown with its source."""

    id: str
    value: int
    what: Text
    period: Text | None
    source: Source


@dataclass(frozen=True)
class ContextEvent:
    date: PartialDate
    text: Text
    source: Source | None = None


@dataclass(frozen=True)
class AppealTarget:
    """An office or person an appeal writes to; contact details only as a source published them."""

    name: Text
    address: Text | None = None
    email: str | None = None
    no_email: Text | None = None  # why there is no email (the data says so; never guessed)


@dataclass(frozen=True)
class Appeal:
    """One appeal of data/appeals.yml; its page is appeals/<id>/."""

    id: str
    title: Text
    subject: Text
    letter: Text  # plain text, a blank line between paragraphs
    targets: tuple[AppealTarget, ...]
    deadline: date | None = None
    cases: tuple[str, ...] = ()  # published case slugs only

    @property
    def emails(self) -> tuple[str, ...]:
        return tuple(target.email for target in self.targets if target.email)

    def is_closed(self, today: date) -> bool:
        """Closed from the day after its deadline (the deadline day itself is still open)."""
        return self.deadline is not None and today > self.deadline


@dataclass(frozen=True)
class Grade:
    """One step of data/grades.yml's scale (strongest first)."""

    id: str
    label: Text
    definition: Text
    counted: bool = True
    needs: str | None = None


@dataclass(frozen=True)
class Archive:
    cases: tuple[Case, ...]  # published cases only, sorted by slug
    figures: Mapping[str, Figure] = field(default_factory=dict)
    context_events: tuple[ContextEvent, ...] = ()
    sources: Mapping[str, Source] = field(default_factory=dict)
    appeals: Mapping[str, Appeal] = field(default_factory=dict)
    grades: tuple[Grade, ...] = ()  # data/grades.yml, strongest first

    def grade(self, grade_id: str | None) -> Grade | None:
        return next((grade for grade in self.grades if grade.id == grade_id), None)

    def meets(self, grade: "Grade | None", min_grade: str | None) -> bool:
        """Whether an event of `grade` is counted at `min_grade` (None: every counted grade,
        and ungraded events). A grade that is not counted (discounted) never is."""
        if grade is not None and not grade.counted:
            return False
        if min_grade is None:
            return True
        order = [g.id for g in self.grades]
        return grade is not None and min_grade in order and order.index(grade.id) <= order.index(min_grade)

    def case(self, slug: str) -> Case | None:
        return self._cases_by_slug.get(slug)

    @cached_property
    def _cases_by_slug(self) -> dict[str, Case]:
        return {case.slug: case for case in self.cases}
