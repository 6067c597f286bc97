"""The build's caches under .cache/, and how they are kept from growing without end.

Every cache is keyed by content, and its keys include a fingerprint of the code that makes
its entries: Sawt's renderer source (pages), the card layout, renderer version and fonts
(cards), the search text rules (search documents), the YAML reader (parsed data files). A
change to that code leaves every older entry unreachable: at 10,000 cases, one change to
Sawt left 20,000 page articles and 20,000 search documents behind, and nothing removed them.

So each kind of cache keeps its entries in a folder per generation of that code,
.cache/<kind>/g-<fingerprint>/. After a build is published, `sweep` keeps the current
generation and the one used most recently before it (switching between two versions, a
branch and main, stays cheap) and deletes the rest in a background process, like an old
site (sawt/machinery/staging.py). Within a generation, entries left by edits stay: one per
edit, small beside the archive. The lists of a published site's pages
(sawt/machinery/reuse.py) are one per site folder, and `make serve` builds in a new
temporary folder each run: the newest few are kept.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from sawt.machinery import staging

KINDS = ("pages", "cards", "search", "data", "exports", "history")
GENERATION_PREFIX = "g-"
#: Older generations kept beside the current one, per kind.
OLDER_GENERATIONS_KEPT = 1
#: Lists of published pages kept per generation (one per site folder built into).
PUBLISHED_LISTS_KEPT = 4
#: Touched in a generation each time a build uses it: "most recently used" reads its time.
USED_STAMP = ".used"


@dataclass(frozen=True)
class Caches:
    """Where each kind of cache of one build lives: .cache/<kind>/g-<fingerprint of its code>."""

    root: Path  # the project's .cache
    fingerprints: dict[str, str]  # kind -> fingerprint of the code that fills it

    def dir(self, kind: str) -> Path:
        fingerprint = hashlib.sha256(self.fingerprints[kind].encode("utf-8")).hexdigest()[:16]
        return self.root / kind / f"{GENERATION_PREFIX}{fingerprint}"

    def sweep(self) -> list[Path]:
        """After a publish: every kind's older generations but the most recently used one, and
        anything else in the kind's folder (an older Sawt's flat layout), deleted in the
        background; the oldest lists of published pages too. Returns what is deleted."""
        deleted: list[Path] = []
        for kind in self.fingerprints:
            current = self.dir(kind)
            if not current.is_dir():
                continue
            (current / USED_STAMP).touch()
            deleted += _sweep_kind(current.parent, current)
            deleted += _sweep_published_lists(current / "published")
        for path in deleted:
            _delete(path)
        return deleted


def _sweep_kind(kind_dir: Path, current: Path) -> list[Path]:
    older, stale = [], []
    for entry in kind_dir.iterdir():
        if entry == current:
            continue
        if entry.is_dir() and entry.name.startswith(GENERATION_PREFIX):
            older.append(entry)
        else:
            stale.append(entry)  # not a generation: left by an older layout
    older.sort(key=_last_used, reverse=True)
    return older[OLDER_GENERATIONS_KEPT:] + stale


def _sweep_published_lists(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    lists = sorted(folder.glob("*.json"), key=_modified, reverse=True)
    return lists[PUBLISHED_LISTS_KEPT:]


def _last_used(generation: Path) -> float:
    return _modified(generation / USED_STAMP) or _modified(generation)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _delete(path: Path) -> None:
    """Renamed out of the way first (a build starting now never sees half of it), then
    deleted in a process of its own: a generation of a large archive is tens of thousands of files."""
    if path.name.startswith(".deleting-"):  # a deletion killed before it ended
        staging.delete_in_background(path)
    elif path.is_dir():
        doomed = path.with_name(f".deleting-{path.name}-{os.getpid()}-{os.urandom(4).hex()}")
        try:
            path.rename(doomed)
        except OSError:
            return
        staging.delete_in_background(doomed)
    else:
        path.unlink(missing_ok=True)
