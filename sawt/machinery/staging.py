"""Stage: build into a sibling folder and swap it in only when the whole build is done.

A build that stops for any reason (a bad file, a crash, a timeout that kills it) leaves
the previous complete site where it was, never half a site to publish.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

#: Deletes a folder tree, in a process of its own (see `delete_in_background`).
_DELETE_TREE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


def staging_dir(final: Path) -> Path:
    """Beside the final folder, so that the swap is a rename on one file system."""
    return final.with_name(final.name + ".partial")


def _previous_sites(final: Path) -> list[Path]:
    return sorted(final.parent.glob(f"{final.name}.previous*"))


def begin(final: Path) -> Path:
    """A fresh, empty staging folder for a build of `final` (a killed build's leftovers go)."""
    staging = staging_dir(final)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def publish(staging: Path, final: Path) -> None:
    """Put the finished build in place of the last one: two renames. The last site is then
    deleted in the background: a large archive's site is tens of thousands of files, and
    deleting them took longer than the rest of a no-change rebuild (13 s of 53 s at 2,000
    cases on a busy disk). Each old site gets a name of its own, so a deletion still under
    way never meets the next build's."""
    previous = final.with_name(f"{final.name}.previous-{os.getpid()}-{os.urandom(4).hex()}")
    if final.exists():
        final.rename(previous)
    staging.rename(final)
    for old in _previous_sites(final):  # this one, and any a killed deletion left
        delete_in_background(old)


def delete_in_background(folder: Path) -> None:
    """Delete `folder` in a process of its own session, which outlives this one (and a
    Ctrl-C to it); where no process can be started, here and now."""
    try:
        subprocess.Popen([sys.executable, "-c", _DELETE_TREE, str(folder)], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def abandon(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
