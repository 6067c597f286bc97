"""Errors that point a person at the exact place to fix.

Every problem names a repo-relative file and, when known, the line, so that
`data/cases/x.yml:3: ...` can be clicked in an editor or a CI log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the data, in plain language.

    `field` is the dotted path of the offending value (list items count from 1,
    as a person reading the file would count them: `events[2].date`), or "" when
    the problem concerns the whole file. `message` is a complete sentence that
    already names the field, so `str(problem)` reads on its own.
    """

    file: str
    line: int | None
    field: str
    message: str

    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.file, self.line or 0, self.field, self.message)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"

    def as_warning(self) -> str:
        """`data/cases/x.yml:3: warning: ...`, for a problem that does not stop a preview."""
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: warning: {self.message}"


class DataError(Exception):
    """Raised once, after every data file was read, with every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sorted(problems, key=Problem.sort_key)
        super().__init__(str(self))

    @property
    def files(self) -> list[str]:
        """The distinct files that have problems, in order."""
        return sorted({p.file for p in self.problems})

    def summary(self) -> str:
        """E.g. "3 problems in 2 files"."""
        n, f = len(self.problems), len(self.files)
        return f"{n} problem{'s' if n != 1 else ''} in {f} file{'s' if f != 1 else ''}"

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class ShortcodeError(Exception):
    """A bad `<!-- sawt:... -->` shortcode in a Markdown page (raised by the renderer)."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file = file
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"
