"""The site engine's own warnings, rewritten to name the file and line a volunteer opens.

MkDocs reports a broken link as "Doc file 'en/x.md' contains a link ..." (no
`docs/`, no line) and a nav entry for a missing page without saying where the
nav is. A logging filter on the loggers that emit them turns these into
`docs/en/x.md:12: ...` and `mkdocs.yml:88: ...`, like every other Sawt message.
Only the standard `logging` module is used: nothing here imports MkDocs, the
filter just knows the logger names and message shapes of MkDocs 1.6.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

_PAGE_LOGGER = "mkdocs.structure.pages"
_NAV_LOGGER = "mkdocs.structure.nav"

_DOC_LINK = re.compile(r"^Doc file '(?P<src>[^']+)' (?P<rest>contains (?:an unrecognized relative link|an absolute link|a link(?: to)?) '(?P<link>[^']*)'.*)$", re.DOTALL)
_OTHER_DOC = re.compile(r"the (doc|target) '(?P<src>[^']+)'")
_NAV_MISSING = re.compile(r"^A reference to '(?P<link>[^']+)' is included in the 'nav' configuration, (?P<rest>.*)$", re.DOTALL)


class EngineMessages(logging.Filter):
    """Rewrites MkDocs' link and nav warnings in place; drops exact repeats
    (mkdocs-static-i18n builds every page once per language)."""

    def __init__(self, docs_dir: Path, config_file: Path, *, label: str = "docs") -> None:
        super().__init__()
        self.docs_dir = docs_dir
        self.config_file = config_file
        self.label = label
        self.seen: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        message = record.getMessage()
        rewritten = self.rewrite(message)
        if rewritten is None:
            return True
        if rewritten in self.seen:
            return False
        self.seen.add(rewritten)
        record.msg, record.args = rewritten, ()
        return True

    def rewrite(self, message: str) -> str | None:
        if match := _DOC_LINK.match(message):
            where, text = self._page(match.group("src"))
            line = _line_of_link(text, match.group("link"))
            rest = _OTHER_DOC.sub(lambda m: f"the {m.group(1)} '{self.label}/{m.group('src')}'", match.group("rest"))
            return f"{where}{f':{line}' if line else ''}: {rest}"
        if match := _NAV_MISSING.match(message):
            link = match.group("link")
            text = self.config_file.read_text(encoding="utf-8") if self.config_file.is_file() else ""
            line = _line_of(text, link)
            return (
                f"{self.config_file.name}{f':{line}' if line else ''}: the nav entry '{link}' names a page that does not exist: "
                f"there is no {self.label}/<language>/{link} (nav paths are relative to each language's folder, e.g. {self.label}/en/)"
            )
        return None

    def _page(self, src: str) -> tuple[str, str]:
        """The label and text of a page's file. A page borrowed from the other language
        (see sawt.engine.files.untranslated_sources) is reported where it is written."""
        path = self.docs_dir / src
        if not path.is_file():
            parts = Path(src).parts
            for folder in sorted(p.name for p in self.docs_dir.iterdir() if p.is_dir()):
                candidate = self.docs_dir / folder / Path(*parts[1:]) if len(parts) > 1 else path
                if candidate.is_file():
                    path = candidate
                    break
        if not path.is_file():
            return f"{self.label}/{src}", ""
        return f"{self.label}/{path.relative_to(self.docs_dir).as_posix()}", path.read_text(encoding="utf-8-sig")


def _line_of(text: str, needle: str) -> int | None:
    position = text.find(needle)
    return text.count("\n", 0, position) + 1 if position != -1 and needle else None


def _line_of_link(text: str, link: str) -> int | None:
    for needle in (f"]({link}", f'"{link}"', f"'{link}'", link):
        if (line := _line_of(text, needle)) is not None:
            return line
    return None


_installed: EngineMessages | None = None


def install(docs_dir: Path, config_file: Path, *, label: str = "docs") -> None:
    """Put the filter on MkDocs' page and nav loggers (once; a new build forgets repeats)."""
    global _installed
    if _installed is None:
        _installed = EngineMessages(docs_dir, config_file, label=label)
        for name in (_PAGE_LOGGER, _NAV_LOGGER):
            logging.getLogger(name).addFilter(_installed)
    _installed.docs_dir, _installed.config_file = docs_dir, config_file
    _installed.seen.clear()
