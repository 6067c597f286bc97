"""Stage: build into a sibling folder and swap it in only when the whole build is done.

A build that stops for any reason (a bad file, a crash, a timeout that kills it) leaves
the previous complete site where it was, never half a site to publish.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def staging_dir(final: Path) -> Path:
    """Beside the final folder, so that the swap is a rename on one file system."""
    return final.with_name(final.name + ".partial")


def begin(final: Path) -> Path:
    """A fresh, empty staging folder for a build of `final` (a killed build's leftovers go)."""
    staging = staging_dir(final)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def publish(staging: Path, final: Path) -> None:
    """Put the finished build in place of the last one: two renames, then clean up."""
    previous = final.with_name(final.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if final.exists():
        final.rename(previous)
    staging.rename(final)
    shutil.rmtree(previous, ignore_errors=True)


def abandon(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
