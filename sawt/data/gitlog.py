"""The versions of every case file, read from git: one `git log` for all of them, one `git cat-file`.

This module only reads git; what a version shows and hides is sawt/data/history.py's to decide.
It reads the committed history of the branch that is checked out, along its first parents: the
day each version of data/cases/<slug>.yml landed on that branch (the committer's date, UTC),
not when someone first wrote it on another branch. It never reads a commit's message or author.

A repository cut short (a shallow clone) or no repository at all (a tarball) is reported as such
(`CaseLog.unavailable`), never read as a shorter history: a history that starts at the clone's
depth would be a wrong one.

A case file renamed in a commit (git's rename detection, within the same single `git log`) keeps
its history under its new name. `git log --follow` would find more renames but follows one file
a process: 10,000 processes at 10,000 cases. Renames are rare here (the file name is the page's
address, and changing it breaks every link to it), so one walk of the folder is enough.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Iterable

#: The file names of case files (as sawt/data/load.py reads them).
CASE_SUFFIXES = (".yml", ".yaml")
#: A git command that has not answered in this long is stopped (the history is then unavailable).
GIT_TIMEOUT_SECONDS = 600
#: A version larger than this is not read (the loader refuses such a case file too).
MAX_VERSION_BYTES = 1_000_000


@dataclass(frozen=True)
class FileVersion:
    """One committed version of a case file: the UTC day it landed, and its blob (None: deleted)."""

    day: date
    blob: str | None


@dataclass
class CaseLog:
    """Every case file's versions, oldest first, by slug; or why there are none to read."""

    versions: dict[str, list[FileVersion]] = field(default_factory=dict)
    unavailable: str | None = None  # why the history cannot be read in this build


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_PAGER": "cat", "LC_ALL": "C", "GIT_TERMINAL_PROMPT": "0"}
    return subprocess.run(["git", "-c", "core.quotepath=off", "-c", "log.showSignature=false", *args], cwd=cwd,
                          input=stdin, capture_output=True, env=env, timeout=GIT_TIMEOUT_SECONDS, check=False)


def read_case_log(data_dir: Path) -> CaseLog:
    """The versions of every file in `data_dir`/cases/, from the repository `data_dir` is in."""
    try:
        probe = _git(data_dir, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix")
    except (OSError, subprocess.SubprocessError):
        return CaseLog(unavailable="git is not installed or did not answer")
    if probe.returncode != 0:
        detail = probe.stderr.decode("utf-8", "replace").strip().splitlines()
        return CaseLog(unavailable="the data folder is not in a git repository (" + (detail[0] if detail else "") + ")")
    inside, shallow, prefix = (probe.stdout.decode("utf-8", "replace").split("\n") + ["", "", ""])[:3]
    if inside.strip() != "true":
        return CaseLog(unavailable="the data folder is not in a git work tree")
    if shallow.strip() == "true":
        return CaseLog(unavailable="the repository is a shallow clone (fetch its whole history: "
                                   "git fetch --unshallow, or actions/checkout with fetch-depth: 0)")
    cases_prefix = prefix.strip() + "cases/"
    try:
        log = _git(data_dir, "log", "--first-parent", "--diff-merges=first-parent", "--raw", "--no-abbrev", "-z",
                   "-M", "--no-color", "--format=%x01%ct", "--", "cases")
    except (OSError, subprocess.SubprocessError) as error:
        return CaseLog(unavailable=f"git log failed ({error})")
    if log.returncode != 0:
        message = log.stderr.decode("utf-8", "replace").strip()
        if "does not have any commits" in message or "bad default revision" in message:
            return CaseLog()  # a new repository: nothing committed yet, so no history to show
        return CaseLog(unavailable=f"git log failed: {message.splitlines()[0] if message else log.returncode}")
    return CaseLog(versions=parse_raw_log(log.stdout.decode("utf-8", "surrogateescape"), cases_prefix))


def _slug(path: str, cases_prefix: str) -> str | None:
    """The slug of a case file's repository path, or None for anything else (a file in a sub-folder)."""
    if not path.startswith(cases_prefix):
        return None
    name = path[len(cases_prefix):]
    if "/" in name or name.startswith("."):
        return None
    pure = PurePosixPath(name)
    return pure.stem if pure.suffix.lower() in CASE_SUFFIXES else None


def parse_raw_log(text: str, cases_prefix: str) -> dict[str, list[FileVersion]]:
    """`git log --raw -z --format=%x01%ct -M` of the case folder, newest commit first, as each case
    file's versions, oldest first. A file renamed within the folder keeps its older versions."""
    newest_first: dict[str, list[FileVersion]] = {}
    owner: dict[str, str] = {}  # path -> the key (a path) whose history its older versions belong to
    day: date | None = None
    tokens = iter(text.split("\0"))
    for token in tokens:
        token = token.lstrip("\n")
        if not token:
            continue
        if token.startswith("\x01"):
            day = datetime.fromtimestamp(int(token[1:].strip()), timezone.utc).date()
            continue
        if not token.startswith(":") or day is None:
            continue
        meta = token.split()
        status, new_blob = meta[-1][:1], meta[3]
        path = next(tokens, "")
        if status in ("R", "C"):
            old, path = path, next(tokens, "")
            key = owner.get(path, path)
            newest_first.setdefault(key, []).append(FileVersion(day, new_blob))
            if status == "R":
                owner[old] = key  # older commits of the old name are this file's past
            continue
        key = owner.get(path, path)
        newest_first.setdefault(key, []).append(FileVersion(day, None if status == "D" else new_blob))
    versions: dict[str, list[FileVersion]] = {}
    for key, found in newest_first.items():
        slug = _slug(key, cases_prefix)
        if slug is not None:
            versions[slug] = list(reversed(found))
    return versions


def read_blobs(data_dir: Path, blobs: Iterable[str]) -> dict[str, bytes | None]:
    """The bytes of each blob (None: missing, or larger than a case file may be), with one `git cat-file --batch`."""
    wanted = sorted(set(blobs))
    if not wanted:
        return {}
    result = _git(data_dir, "cat-file", "--batch", stdin="".join(f"{blob}\n" for blob in wanted).encode("ascii"))
    if result.returncode != 0:
        raise OSError(f"git cat-file failed: {result.stderr.decode('utf-8', 'replace').strip()}")
    return parse_batch(result.stdout)


def parse_batch(out: bytes) -> dict[str, bytes | None]:
    """`git cat-file --batch`'s answer: "<sha> <type> <size>\\n<content>\\n" or "<sha> missing\\n" each."""
    found: dict[str, bytes | None] = {}
    at = 0
    while at < len(out):
        end = out.index(b"\n", at)
        header = out[at:end].decode("ascii", "replace").split()
        at = end + 1
        if len(header) < 3:  # "<sha> missing" (or ambiguous)
            found[header[0]] = None
            continue
        size = int(header[2])
        found[header[0]] = out[at:at + size] if header[1] == "blob" and size <= MAX_VERSION_BYTES else None
        at += size + 1
    return found
