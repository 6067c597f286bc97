"""Generated pages the published site already holds, reused by hard link instead of written again.

Without this, a rebuild after one case was edited fills and writes every case page again:
two files per case and language, 8,000 files at 2,000 cases. Each generated page has a key
of everything it is made from: its frame (the engine's page around it, in its language)
and its content key (sawt/stages/case_pages.py: the case, the renderer's source, the site's
address and names). The keys of the published site's pages are kept under
.cache/pages/published/, one list per site folder. A page whose key is unchanged is
hard-linked from the published site into the new build's folder.

The list always describes the site that is published: a build keeps its list until the new
site is swapped in, and only then replaces the old one (BuildSession.publish, sawt/engine/session.py).
A failed or killed build leaves the old list and the old site together. Links are safe
because a file in the site is only ever replaced, never written in place
(sawt/machinery/cached_files.py). And the list keeps each page's files' stamps (inode, size,
modification time): a published page that anything changed since (a hand edit, an offline
conversion run on the wrong folder) no longer matches, and is written again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from sawt.machinery.cached_files import write_atomically


@dataclass
class PublishedPages:
    site_dir: Path  # the published site
    keys: Mapping[str, str] = field(default_factory=dict)  # site-relative URL -> page key, of the pages in site_dir
    stamps: Mapping[str, str] = field(default_factory=dict)  # site-relative URL -> its files' stamp when written
    manifest: Path | None = None
    _next_keys: dict[str, str] = field(default_factory=dict)  # this build's, until it is published
    _next_stamps: dict[str, str] = field(default_factory=dict)
    _recorded: bool = False

    @classmethod
    def of(cls, cache_dir: Path, site_dir: Path) -> "PublishedPages":
        """The published pages of `site_dir`, as its last build recorded them (none if unknown)."""
        name = hashlib.sha256(str(site_dir.resolve()).encode("utf-8")).hexdigest()[:16]
        manifest = cache_dir / "published" / f"{name}.json"
        keys: dict[str, str] = {}
        stamps: dict[str, str] = {}
        if site_dir.is_dir():
            try:
                loaded = json.loads(manifest.read_text(encoding="utf-8"))
                if isinstance(loaded, dict) and all(
                        isinstance(part, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in part.items())
                        for part in (loaded.get("keys"), loaded.get("stamps"))):
                    keys, stamps = loaded["keys"], loaded["stamps"]
            except (OSError, ValueError):
                pass
        return cls(site_dir=site_dir, keys=keys, stamps=stamps, manifest=manifest)

    def link(self, url: str, key: str, target_dir: Path, names: tuple[str, ...]) -> str | None:
        """Hard-link the files `names` of the published page at `url` into target_dir/url,
        if that page's key is `key`. Returns the linked files' stamp (a link keeps its file's
        stamp, so it need not be read again: two stats a page, 432,000 at 112,414 cases), or
        None, with nothing left behind, if it cannot."""
        if self.keys.get(url) != key:
            return None
        source, target = self.site_dir / url, target_dir / url
        published = self.stamps.get(url)
        if published is None or published != stamp(source, names):
            return None  # changed, or gone, since it was written
        target.mkdir(parents=True, exist_ok=True)
        linked = []
        try:
            for name in names:
                os.link(source / name, target / name)
                linked.append(target / name)
        except OSError:  # gone from the published site, another file system, links not allowed
            for path in linked:
                path.unlink(missing_ok=True)
            return None
        return published

    def record(self, keys: Mapping[str, str], stamps: Mapping[str, str]) -> None:
        """The keys and stamps of files this build wrote (each stage that reuses files adds its
        own), to describe its site once it is published."""
        self._next_keys.update(keys)
        self._next_stamps.update(stamps)
        self._recorded = True

    def published(self) -> None:
        """This build's site is now the published one: its list replaces the last. (Written only
        now: a build killed before this leaves the last list, whose stamps no longer match the
        files of whatever site is there, so nothing stale is ever linked.)"""
        if self._recorded and self.manifest is not None:
            write_atomically(self.manifest, json.dumps({"keys": self._next_keys, "stamps": self._next_stamps},
                                                       separators=(",", ":")).encode("utf-8"))
        self.discard()

    def discard(self) -> None:
        """This build failed: its list goes, the last one stays with the last site."""
        self._next_keys, self._next_stamps, self._recorded = {}, {}, False


def stamp(folder: Path, names: tuple[str, ...]) -> str | None:
    """The identity of a page's files as written (inode, size, modification time of each), or
    None if one is missing. A linked file keeps its stamp: it is the same file."""
    parts = []
    for name in names:
        try:
            info = os.stat(folder / name)
        except OSError:
            return None
        parts.append(f"{info.st_ino}:{info.st_size}:{info.st_mtime_ns}")
    return " ".join(parts)
