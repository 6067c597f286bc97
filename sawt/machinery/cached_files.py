"""Files kept under .cache/ and put into the site: written whole, then published by hard link.

Creating a file costs about a millisecond on a busy disk, a hard link a fiftieth of that.
A link shares the file with the cache, so the rule that makes it safe is: a file in the
site is only ever replaced (a new file renamed over it), never written in place. Every
writer here replaces; sawt/outputs/offline.py's page rewrite does too.
"""

from __future__ import annotations

import os
import shutil
import tempfile
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
