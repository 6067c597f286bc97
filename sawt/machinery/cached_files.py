"""Files kept under .cache/ and put into the site: written whole, then published by hard link;
and the compressed JSON of entries Sawt alone reads back.

Creating a file costs about a millisecond on a busy disk, a hard link a fiftieth of that.
A link shares the file with the cache, so the rule that makes it safe is: a file in the
site is only ever replaced (a new file renamed over it), never written in place. Every
writer here replaces; sawt/outputs/offline.py's page rewrite does too.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zlib
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """`path` holds `data` or what it held before, never half of it (a new file renamed over it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def publish_cached(cached: Path, out: Path) -> None:
    """`out` becomes the cached file: a hard link where it can be, else a copy."""
    try:
        os.link(cached, out)  # the usual case in a fresh build: nothing there yet
        return
    except FileExistsError:
        if os.path.samefile(cached, out):
            return
    except OSError:
        pass  # the first file of its folder, another file system, or links not allowed
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        os.link(cached, staging)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(cached, staging)
    os.replace(staging, out)


def link_tree(source: Path, target: Path) -> None:
    """A copy of the folder `source` at `target` (which must not exist), its files hard-linked."""
    shutil.copytree(source, target, copy_function=_link_or_copy)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


#: Cache entries that are only ever read back by Sawt (parsed data files, search documents) are
#: JSON compressed with zlib at level 1. Measured on 1,000 fictional cases of ~300 words a
#: language: a parsed case file goes from 6.3 KB to 1.6 KB for 0.13 ms to compress and 0.08 ms to
#: decompress. At 112,414 cases that is the difference between a `.cache/` that travels in
#: GitHub's actions/cache (10 GB a repository) and one that does not.
COMPRESSED_JSON_SUFFIX = ".json.z"


def pack_json(value: object) -> bytes:
    """`value` as compact JSON (UTF-8, non-ASCII kept), compressed: what a cache entry holds."""
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def unpack_json(data: bytes) -> object:
    """The value `pack_json` packed. A torn or damaged entry raises ValueError (zlib.error and
    JSON's errors are both ValueErrors here), so a reader can read past it."""
    try:
        text = zlib.decompress(data)
    except zlib.error as error:
        raise ValueError(f"damaged cache entry: {error}") from None
    return json.loads(text)
