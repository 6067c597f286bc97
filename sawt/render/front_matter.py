"""A page's leading YAML front matter, found the way MkDocs finds it (one concept,
one place: the hooks, the news feeds, the sanitiser and case narratives all use this)."""

from __future__ import annotations

import re

#: As mkdocs.utils.meta: `---` on the first line, closed by `---` or `...` on a line of its own.
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def front_matter_end(text: str) -> int:
    """Characters taken by a leading front-matter block (0 if none)."""
    match = FRONT_MATTER.match(text)
    return match.end() if match else 0


def front_matter_yaml(text: str) -> str | None:
    """The YAML between the fences, or None if the text has no front matter."""
    match = FRONT_MATTER.match(text)
    return (match.group(1) or "") if match else None


def front_matter_lines(text: str) -> int:
    """Lines taken by the front matter: what to add to a body line to get the file's line."""
    return text[: front_matter_end(text)].count("\n")


def without_front_matter(text: str) -> str:
    return text[front_matter_end(text) :]
