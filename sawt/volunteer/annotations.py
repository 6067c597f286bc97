"""Problems as GitHub Actions annotations and a step summary.

Under GitHub Actions (`GITHUB_ACTIONS=true`) each problem is also printed as a
workflow command, `::error file=data/cases/x.yml,line=6,title=...::message`,
which GitHub shows on that line of the pull request's diff; and a short
Markdown summary is appended to the file named by `$GITHUB_STEP_SUMMARY`.
Escaping follows GitHub's toolkit (`@actions/core` command.ts): in messages
`%`, CR and LF; in properties also `:` and `,`.
"""

from __future__ import annotations

import html
import os
import sys
from typing import Iterable, Mapping

from sawt.data.errors import Problem

_TITLE = "sawt check"


def running_on_github(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(level: str, message: str, *, file: str | None = None, line: int | None = None,
                     title: str | None = None) -> str:
    """One `::level key=value,...::message` line (level: error, warning or notice)."""
    properties = []
    if file:
        properties.append(f"file={escape_property(file)}")
    if line is not None:
        properties.append(f"line={line}")
    if title:
        properties.append(f"title={escape_property(title)}")
    joined = " " + ",".join(properties) if properties else ""
    return f"::{level}{joined}::{escape_data(message)}"


def problem_annotation(problem: Problem, level: str = "error") -> str:
    """The annotation for one data problem; its title names the field when there is one."""
    title = f"{_TITLE}: {problem.field}" if problem.field else _TITLE
    return workflow_command(level, problem.message, file=problem.file, line=problem.line, title=title)


def markdown_text(text: str) -> str:
    """Text from a data file made inert in a summary: no HTML, no table breaks, one line."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|").replace("`", "\\`")


def check_summary(problems: Iterable[Problem], headline: str) -> str:
    """The Markdown a failed (or, with no problems, passed) check adds to the step summary."""
    problems = list(problems)
    if not problems:
        return f"### ✅ Data check passed\n\n{markdown_text(headline)}\n\n"
    lines = [f"### ❌ Data check: {markdown_text(headline)}", "",
             "Each problem is also marked on its line in the pull request's *Files changed* tab.", "",
             "| File | Line | Problem |", "|---|---|---|"]
    for problem in problems:
        line = "" if problem.line is None else str(problem.line)
        lines.append(f"| `{markdown_text(problem.file)}` | {line} | {markdown_text(problem.message)} |")
    return "\n".join(lines) + "\n\n"


def append_step_summary(markdown: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Append to `$GITHUB_STEP_SUMMARY` if it is set; True if written."""
    path = environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return False
    try:
        with open(path, "a", encoding="utf-8") as summary:
            summary.write(markdown)
    except OSError as error:  # the summary is a courtesy: the check's own result still stands
        print(f"could not write the step summary to {path}: {error.strerror}", file=sys.stderr)
        return False
    return True
