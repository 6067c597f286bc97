"""The capture manifest: archive/manifest.json, the record of every preserved copy of a source.

One file, in the repository, read by the build (to show each source's capture) and written only
by `python -m sawt archive` (sawt/capture/). JSON rather than YAML because no person edits it and
every tool can read it; one entry a capture, sorted by source and time, indented, so that a new
capture is a small diff in review.

The folder holding it is `archive/` beside `data/` (`--folder` gives another to the command; the
build reads the one beside data/).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from sawt.data.model import Capture, LiveCheck
from sawt.machinery.cached_files import write_atomically

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1


def archive_dir_for(data_dir: Path) -> Path:
    """The capture folder of a project: archive/ beside data/."""
    return Path(data_dir).resolve().parent / "archive"


@dataclass
class Manifest:
    captures: list[Capture] = field(default_factory=list)
    live: dict[str, LiveCheck] = field(default_factory=dict)  # by source id

    def for_source(self, source_id: str) -> list[Capture]:
        return [capture for capture in self.captures if capture.source == source_id]

    def add(self, capture: Capture) -> None:
        self.captures.append(capture)
        self.captures.sort(key=lambda c: (c.source, c.captured_at or "", c.imported_at or "", c.file))


class ManifestError(Exception):
    """archive/manifest.json cannot be read (one line: the file and what is wrong)."""


_CAPTURE_FIELDS = {f.name for f in fields(Capture)}


def read_manifest(archive_dir: Path) -> Manifest:
    """The manifest of `archive_dir` (empty when there is none yet)."""
    path = Path(archive_dir) / MANIFEST_NAME
    if not path.is_file():
        return Manifest()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        captures = []
        for entry in raw.get("captures", []):
            unknown = set(entry) - _CAPTURE_FIELDS
            if unknown:
                raise ValueError(f"a capture has fields Sawt does not know: {', '.join(sorted(unknown))}")
            entry = dict(entry, redirects=tuple(tuple(hop) for hop in entry.get("redirects", ())))
            captures.append(Capture(**entry))
        live = {source: LiveCheck(**check) for source, check in raw.get("live", {}).items()}
    except (OSError, ValueError, TypeError, AttributeError) as error:
        raise ManifestError(f"{path}: cannot be read ({error}); restore it from git") from None
    return Manifest(captures=captures, live=live)


def _capture_json(capture: Capture) -> dict[str, Any]:
    entry = asdict(capture)
    entry["redirects"] = [list(hop) for hop in capture.redirects]
    # captured_at stays even when null: "capture date unknown" is said, not left out.
    return {key: value for key, value in entry.items() if key == "captured_at" or value not in (None, "", [])}


def write_manifest(archive_dir: Path, manifest: Manifest) -> None:
    """Write the manifest whole, atomically: a reader (or a crash) never sees half of it."""
    archive_dir = Path(archive_dir)
    archive_dir.mkdir(parents=True, exist_ok=True)
    document = {
        "version": MANIFEST_VERSION,
        "captures": [_capture_json(capture) for capture in manifest.captures],
        "live": {source: asdict(check) for source, check in sorted(manifest.live.items())},
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    write_atomically(archive_dir / MANIFEST_NAME, text.encode("utf-8"))  # readable by a web server or a second user
