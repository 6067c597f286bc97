"""The history of each record: the days its public fields changed, from the case file's versions in git.

What is public is sawt/data/load.py's one definition (`public_case_fields`, `is_withheld`),
applied to every earlier version of the file:
- a change to `private:` only shows nothing (the public fields compare equal);
- a version is public from the day it landed, or from the day its embargo lifted if later,
  until the next version landed; a version with `publish: false`, or embargoed for its whole
  life, was never public, and changes made while the case was not public show nothing. The
  first public version is "first published" on its day; a later public version is compared
  with the last public one before it;
- commit messages and authors are never read (sawt/data/gitlog.py reads days and blobs only).

Texts are compared as a reader sees them: whitespace inside a paragraph, and the order of
events, sources and corrections (the page sorts them), are not changes.

Cost: each version's summary (its withheld state and a digest of each public field) is kept in
.cache/history/, keyed by the blob's id within a generation of this code, the loader's privacy
code and the case schema; only blobs never seen before are read (one `git cat-file --batch`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Mapping

from sawt.data.gitlog import CaseLog, FileVersion, read_blobs, read_case_log
from sawt.data.load import embargo_until, public_case_fields
from sawt.data.yamldoc import read_case_bytes
from sawt.machinery.cached_files import write_atomically

#: What a history entry can say changed, in the order a page lists them. Each is a catalog key
#: "history_<change>" in both languages.
CHANGES: tuple[str, ...] = (
    "name", "aliases", "pseudonym", "status", "summary", "ask", "events_added", "events_changed",
    "events_removed", "sources", "corrections", "last_verified", "photo", "photo_alt", "appeal", "other",
)
#: Public fields compared as a collection of items, in any order (the page sorts them).
ITEM_FIELDS = ("events", "sources", "corrections")
#: Public fields named by themselves; any other public field is "other".
NAMED_FIELDS = ("name", "aliases", "pseudonym", "status", "summary", "ask", "sources", "corrections",
                "last_verified", "photo", "photo_alt", "appeal")

_HERE = Path(__file__).resolve().parent
#: The history cache's generation (sawt/machinery/caches.py): this module, the loader (what is
#: public), the YAML reader and the case schema. Any change to one of them reads every version again.
CACHE_GENERATION = hashlib.sha256(b"".join(
    (_HERE / name).read_bytes() for name in ("history.py", "load.py", "yamldoc.py", "schemas/case.schema.json")
)).hexdigest()
CACHE_FILE = "versions.json"


@dataclass(frozen=True)
class HistoryEntry:
    """One day the record changed in public: first published, or the changes of that day."""

    day: date  # UTC
    first_published: bool = False
    changes: tuple[str, ...] = ()  # from CHANGES, in its order


@dataclass(frozen=True)
class CaseHistory:
    """A record's history, newest first; or, when `available` is False, none can be told in this build."""

    entries: tuple[HistoryEntry, ...] = ()
    available: bool = True


#: Every page says this when the build cannot read the history (a shallow clone, no git).
UNAVAILABLE = CaseHistory(available=False)


@dataclass(frozen=True)
class RecordHistories:
    """Every published case's history, by slug; `unavailable` says why there are none."""

    by_slug: Mapping[str, CaseHistory] = field(default_factory=dict)
    unavailable: str | None = None

    def of(self, slug: str) -> CaseHistory:
        """A case's history; unavailable when git cannot tell it (also for a case file never committed)."""
        if self.unavailable is not None:
            return UNAVAILABLE
        return self.by_slug.get(slug, UNAVAILABLE)


# --- one version: what it publishes (pure) --------------------------------------------------


def _normal(value: Any) -> Any:
    """A value as a reader sees it: each text's paragraphs with their whitespace collapsed."""
    if isinstance(value, str):
        return [" ".join(paragraph.split()) for paragraph in re.split(r"\n\s*\n", value) if paragraph.strip()]
    if isinstance(value, dict):
        return {str(key): _normal(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_normal(item) for item in value]
    return value


def _digest(value: Any) -> str:
    text = json.dumps(_normal(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def summarize(case: Any) -> dict[str, Any] | None:
    """What one version of a case file publishes, small enough to keep for every version: whether
    it is unpublished, its embargo, and a digest of each public field (of each item, for events,
    sources and corrections). None when it is not a case at all (the build would have failed)."""
    if not isinstance(case, dict):
        return None
    embargo = embargo_until(case)
    fields: dict[str, Any] = {}
    for key, value in public_case_fields(case).items():
        if key in ITEM_FIELDS and isinstance(value, list):
            fields[key] = sorted(_digest(item) for item in value)
        else:
            fields[key] = _digest(value)
    return {"unpublished": case.get("publish") is False, "embargo": embargo.isoformat() if embargo else None,
            "fields": fields}


def changes_between(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[str, ...]:
    """The changes (CHANGES) from one public version's field digests to the next's."""
    found: set[str] = set()
    for key in set(before) | set(after):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if key == "events":
            removed = Counter(old if isinstance(old, list) else []) - Counter(new if isinstance(new, list) else [])
            added = Counter(new if isinstance(new, list) else []) - Counter(old if isinstance(old, list) else [])
            changed = min(sum(removed.values()), sum(added.values()))
            if changed:
                found.add("events_changed")
            if sum(added.values()) > changed:
                found.add("events_added")
            if sum(removed.values()) > changed:
                found.add("events_removed")
        elif key in ITEM_FIELDS and not (old or []) and not (new or []):
            continue  # an empty list written or removed: the page shows the same
        else:
            found.add(key if key in NAMED_FIELDS else "other")
    return tuple(change for change in CHANGES if change in found)


# --- a file's versions: its public history (pure) ---------------------------------------------


def public_history(versions: Iterable[tuple[date, dict[str, Any] | None | bool]], today: date) -> tuple[HistoryEntry, ...]:
    """The entries, newest first, of one file's versions, oldest first: (the day it landed, its
    summary), the summary None for an unreadable version (the build failed: the version before
    stayed up) and False for the file deleted (the case left the site)."""
    readable = [(day, summary) for day, summary in versions if summary is not None]
    shown: list[tuple[date, dict[str, Any] | None]] = []  # (from this day, the public fields or None: not public)
    for index, (day, summary) in enumerate(readable):
        until = readable[index + 1][0] if index + 1 < len(readable) else today
        if summary is False or summary["unpublished"]:
            shown.append((day, None))
            continue
        embargo = date.fromisoformat(summary["embargo"]) if summary["embargo"] else None
        start = max(day, embargo) if embargo else day
        if start > until:  # embargoed until the next version landed, or still: never public as it was
            shown.append((day, None))
            continue
        if start > day:
            shown.append((day, None))
        shown.append((start, summary["fields"]))
    entries: list[HistoryEntry] = []
    last: Mapping[str, Any] | None = None
    for day, fields in shown:
        if fields is None:
            continue
        if last is None:
            entries.append(HistoryEntry(day, first_published=True))
        else:
            changes = changes_between(last, fields)
            if changes:
                entries.append(HistoryEntry(day, changes=changes))
        last = fields
    return tuple(reversed(_one_a_day(entries)))


def _one_a_day(entries: list[HistoryEntry]) -> list[HistoryEntry]:
    """Entries of the same day as one: a reader sees a page a day at most, and the day is all a page says."""
    merged: list[HistoryEntry] = []
    for entry in entries:
        if merged and merged[-1].day == entry.day:
            previous = merged[-1]
            together = set(previous.changes) | set(entry.changes)
            merged[-1] = previous if previous.first_published else HistoryEntry(
                entry.day, changes=tuple(change for change in CHANGES if change in together))
        else:
            merged.append(entry)
    return merged


# --- every record: git, the cache, the summaries ---------------------------------------------


def read_histories(data_dir: Path, slugs: Iterable[str], *, today: date, cache_dir: Path | None) -> RecordHistories:
    """The history of each case in `slugs` (the published ones) from the git repository data/ is in."""
    log = read_case_log(data_dir)
    if log.unavailable is not None:
        return RecordHistories(unavailable=log.unavailable)
    summaries = _summaries(data_dir, log, cache_dir)
    by_slug = {}
    for slug in slugs:
        versions = log.versions.get(slug)
        if versions:
            by_slug[slug] = CaseHistory(entries=public_history(
                ((version.day, _summary_of(version, summaries)) for version in versions), today))
    return RecordHistories(by_slug=by_slug)


def _summary_of(version: FileVersion, summaries: Mapping[str, Any]) -> dict[str, Any] | None | bool:
    return False if version.blob is None else summaries.get(version.blob)


#: Versions read by one `git cat-file --batch`, whose whole output is held in memory: a cold build
#: at 112,414 cases of ~6 KB each would otherwise hold about a gigabyte of YAML at once, on top of
#: the archive; 2,000 versions are about 12 MB, and 57 calls instead of one cost well under a second.
BLOBS_PER_GIT_CALL = 2_000


def _summaries(data_dir: Path, log: CaseLog, cache_dir: Path | None) -> dict[str, Any]:
    """Each version's summary by blob id: from the cache, the rest read with one `git cat-file`."""
    blobs = {version.blob for versions in log.versions.values() for version in versions if version.blob}
    cached: dict[str, Any] = {}
    cache_file = cache_dir / CACHE_FILE if cache_dir is not None else None
    if cache_file is not None:
        try:
            loaded = json.loads(cache_file.read_text(encoding="utf-8"))
            cached = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            cached = {}
    missing = sorted(blobs - cached.keys())
    for start in range(0, len(missing), BLOBS_PER_GIT_CALL):
        for blob, data in read_blobs(data_dir, missing[start:start + BLOBS_PER_GIT_CALL]).items():
            doc = read_case_bytes(data, f"{blob[:12]}.yml") if data is not None else None
            cached[blob] = summarize(doc.value) if doc is not None else None
    if cache_file is not None and (missing or len(cached) > len(blobs)):
        kept = {blob: cached.get(blob) for blob in sorted(blobs)}
        try:
            write_atomically(cache_file, json.dumps(kept, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written is only slower
        cached = kept
    return cached
