"""Files kept under .cache/ and put into the site: written whole, then published by hard link;
and the compressed entries Sawt alone reads back.

Creating a file costs about a millisecond on a busy disk, a hard link a fiftieth of that.
A link shares the file with the cache, so the rule that makes it safe is: a file in the
site is only ever replaced (a new file renamed over it), never written in place. Every
writer here replaces; sawt/outputs/offline.py's page rewrite does too.
"""

from __future__ import annotations

import marshal
import os
import shutil
import sys
import tempfile
import zlib
from pathlib import Path


#: Files Sawt writes are readable by everyone, as a file written in place would be: many land in
#: the site by hard link (cards, pages, export copies), and a web server running as another user,
#: or `rsync -a` to one, keeps mkstemp's 0600 and refuses to serve them.
PUBLISHED_MODE = 0o644


def write_atomically(path: Path, data: bytes) -> None:
    """`path` holds `data` or what it held before, never half of it (a new file renamed over it),
    readable by everyone (PUBLISHED_MODE)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, PUBLISHED_MODE)
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


#: Cache entries that are only ever read back by Sawt (parsed data files, case pages' articles,
#: search documents, the cards' index) are Python values in marshal's format, compressed with
#: zlib. Compression is what lets `.cache/` travel in GitHub's actions/cache (10 GB a repository):
#: a parsed case file goes from 6.3 KB to 1.6 KB at level 1, a page's article from 13.1 KB to
#: 3.3 KB. Marshal rather than JSON because reading back is most of a rebuild's cost at scale:
#: a page's article is unpacked in 0.11 ms where JSON took 0.19 ms, a parsed case file in
#: 0.053 ms where JSON took 0.121 ms (every page of a fresh clone, every data file of every
#: build). Marshal reads only entries Sawt wrote itself: .cache/ is the build's own
#: (actions/cache restores it only from builds of the same branch), and zlib's checksum refuses a
#: torn or damaged entry before marshal reads it. Its format may change with Python's version,
#: which is part of every cache generation that uses it (VALUES_FORMAT).
COMPRESSED_SUFFIX = ".marshal.z"
MARSHAL_VERSION = 4
VALUES_FORMAT = f"marshal {MARSHAL_VERSION}, Python {sys.version}"


def pack_values(value: object, level: int = 1) -> bytes:
    """`value` (dicts, lists, tuples, str, int, float, bool, None) compressed: what a cache entry holds."""
    return zlib.compress(marshal.dumps(value, MARSHAL_VERSION), level)


def unpack_values(data: bytes) -> object:
    """The value `pack_values` packed. A torn or damaged entry raises ValueError, so a reader can
    read past it."""
    try:
        return marshal.loads(zlib.decompress(data))
    except (zlib.error, EOFError, TypeError, ValueError) as error:
        raise ValueError(f"damaged cache entry: {error}") from None
