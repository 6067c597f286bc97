"""A git repository with a made-up history of one case, for the history tests (tests/process and
tests/build): commits on chosen days, while the case was unpublished, that change only a private
field, and one whose message and author are strings that must never reach the site."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

#: Strings only the commits carry: the history must publish neither (they can name volunteers).
COMMIT_MESSAGE = "ZZCOMMITMESSAGESENTINEL fixed what Umm Khaled told me on the phone"
AUTHOR_NAME = "ZZAUTHORSENTINEL Volunteer"
AUTHOR_EMAIL = "zzauthorsentinel@example.org"
PRIVATE_NOTE = "ZZHISTORYPRIVATESENTINEL"
SLUG = "zz-history-person"

CASE = """\
name: {{en: "History Test Person", ar: "شخص تجريبي للسجل"}}
status: {status}
summary: {{en: "{summary}", ar: "ملخص تجريبي: {summary_ar}"}}
events:
  - date: 2023-04-19
    type: arrested
    text: {{en: "Arrested at a checkpoint.", ar: "اعتُقل على حاجز."}}
{more_events}{extra}"""

#: (day, what the file says, commit message): the case's versions, oldest first.
VERSIONS = [
    ("2026-01-05", dict(extra="publish: false\nprivate: {note: first draft}\n"), "draft"),
    ("2026-01-08", dict(status="disappeared", extra="publish: false\n"), "draft: status"),
    ("2026-01-10", dict(status="disappeared"), "publish"),
    ("2026-02-01", dict(status="disappeared", extra=f"private: {{note: \"{PRIVATE_NOTE}\"}}\n"), "private note only"),
    ("2026-02-15", dict(status="released", extra=f"private: {{note: \"{PRIVATE_NOTE}\"}}\n"
                        "corrections:\n  - date: 2026-02-15\n"
                        "    text: {en: \"He was released, not transferred.\", ar: \"أُفرج عنه ولم يُنقل.\"}\n"),
     COMMIT_MESSAGE),
    ("2026-03-01", dict(status="released", more_events=(
        "  - date: 2024-01-02\n    type: released\n"
        "    text: {en: \"Released.\", ar: \"أُفرج عنه.\"}\n"),
        extra="corrections:\n  - date: 2026-02-15\n"
              "    text: {en: \"He was released, not transferred.\", ar: \"أُفرج عنه ولم يُنقل.\"}\n"),
     "timeline"),
]

#: What the page must say: (day, first published?, the changes), newest first.
EXPECTED = [
    ("2026-03-01", False, ("events_added",)),
    ("2026-02-15", False, ("status", "corrections")),
    ("2026-01-10", True, ()),
]


def case_text(status: str = "detained", summary: str = "A fictional case.", extra: str = "", more_events: str = "") -> str:
    return CASE.format(status=status, summary=summary, summary_ar="قضية خيالية", extra=extra, more_events=more_events)


def git(repo: Path, *args: str, day: str | None = None, author: tuple[str, str] | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    name, email = author or ("Sawt Test", "test@example.org")
    env.update(GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_COMMITTER_NAME=name, GIT_COMMITTER_EMAIL=email)
    if day:
        env.update(GIT_AUTHOR_DATE=f"{day}T12:00:00+00:00", GIT_COMMITTER_DATE=f"{day}T12:00:00+00:00")
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def start_repo(repo: Path, day: str = "2026-01-01") -> None:
    """`repo` (already holding the project's files) becomes a git repository with one commit of them all."""
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "the archive", day=day)


def commit_history(repo: Path, data: Path) -> None:
    """Commit VERSIONS of data/cases/SLUG.yml, each on its day."""
    path = data / "cases" / f"{SLUG}.yml"
    for day, fields, message in VERSIONS:
        path.write_text(case_text(**fields), encoding="utf-8")
        git(repo, "add", "-A")
        author = (AUTHOR_NAME, AUTHOR_EMAIL) if message == COMMIT_MESSAGE else None
        git(repo, "commit", "-q", "-m", message, day=day, author=author)
