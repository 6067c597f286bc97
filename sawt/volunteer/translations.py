"""What is missing or outdated in one language: the `translations` report.

- Pages (docs/en vs docs/ar, same file names) written in one language only,
  or still holding the placeholder text of `new-page`.
- Texts in data/ (every `{en:, ar:}` field the schemas declare) whose two
  languages are the same text, or whose Arabic has no Arabic letters (or the
  English no Latin ones). The schema requires both languages, so the way to mark
  a text untranslated is to copy it into the other language: it passes the
  check, and this report lists it for a translator.
- Twins whose other language changed later in git history (outdated), read
  with one `git log` for all pages, however many there are.
- Warning: a page in one language only and in no menu (mkdocs.yml `nav:`).

Each entry names the file (and line) and says what to do. The report never
shows the content of a text, so it is safe to post on a public pull request.
"""

from __future__ import annotations

import re
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import pathspec
import yaml

from sawt.data.load import CASE_SUFFIXES
from sawt.data.model import LANGS
from sawt.data.schema import is_text_schema, load_schemas, resolve_ref
from sawt.data.textdirection import ARABIC_LETTER
from sawt.data.yamldoc import Path_, YamlDoc, read_yaml
from sawt.languages import ARABIC_TEXT_LANGUAGE, english_name, writes_arabic_script
from sawt.volunteer.annotations import markdown_text
from sawt.volunteer.scaffold import page_placeholder, text_placeholder

_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F]")
#: The text languages told apart by their letters: one written in Latin letters, one in Arabic.
_LATIN_TEXT = next(lang for lang in LANGS if not writes_arabic_script(lang))
_ARABIC_TEXT = ARABIC_TEXT_LANGUAGE

#: Report sections, in the order they are shown.
SECTIONS = {
    "missing": "Missing in one language",
    "outdated": "Outdated translations",
    "text": "Texts not translated",
    "warning": "Warnings",
}


@dataclass(frozen=True)
class Entry:
    section: str  # a key of SECTIONS
    kind: str  # page, appeal, case story, case text ...
    path: str  # repo-relative, e.g. docs/ar/about.md or data/cases/x.yml
    line: int | None
    todo: str  # a sentence: what is wrong and what to do

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.todo}"


@dataclass
class TranslationReport:
    entries: list[Entry]
    notes: list[str]  # why part of the report could not be made (no git history ...)

    def headline(self) -> str:
        todo = sum(1 for e in self.entries if e.section != "warning")
        warnings = len(self.entries) - todo
        if not self.entries:
            return "Translation status: every page and text is in both languages and up to date."
        parts = [f"{todo} to do"] + ([f"{warnings} warning{'s' if warnings != 1 else ''}"] if warnings else [])
        return "Translation status: " + ", ".join(parts)

    def text(self) -> str:
        lines = [self.headline()]
        for key, title in SECTIONS.items():
            entries = [e for e in self.entries if e.section == key]
            if entries:
                lines += ["", title] + [f"  {entry}" for entry in entries]
        if self.notes:
            lines += [""] + [f"Note: {note}" for note in self.notes]
        return "\n".join(lines)

    def markdown(self) -> str:
        lines = [f"### {markdown_text(self.headline())}", ""]
        for key, title in SECTIONS.items():
            entries = [e for e in self.entries if e.section == key]
            if not entries:
                continue
            lines += [f"**{title}**", "", "| File | What to do |", "|---|---|"]
            for entry in entries:
                where = entry.path + (f":{entry.line}" if entry.line is not None else "")
                lines.append(f"| `{markdown_text(where)}` | {markdown_text(entry.todo)} |")
            lines.append("")
        lines += [f"> {markdown_text(note)}" for note in self.notes]
        return "\n".join(lines).rstrip("\n") + "\n\n"


def translation_report(root: Path, *, languages: tuple[str, ...] = LANGS) -> TranslationReport:
    entries: list[Entry] = []
    notes: list[str] = []
    pages = _pages(root, languages)
    menu, unlisted = _menu(root)
    entries += _page_entries(root, pages, languages, menu, unlisted)
    times, history_note = _last_changes(root, [f"docs/{lang}/{n}" for lang, names in pages.items() for n in names])
    if history_note:
        notes.append(history_note)
    entries += _outdated_entries(pages, languages, times)
    entries += _text_entries(root)
    return TranslationReport(entries, notes)


# --- pages ---------------------------------------------------------------------


def _pages(root: Path, languages: tuple[str, ...]) -> dict[str, set[str]]:
    """The Markdown files of each language, by path inside docs/<lang>/ ("about.md")."""
    found = {}
    for lang in languages:
        folder = root / "docs" / lang
        found[lang] = {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")} if folder.is_dir() else set()
    return found


def _kind(neutral: str) -> str:
    if neutral.startswith("appeals/") and neutral != "appeals/index.md":
        return "appeal"
    if neutral.startswith("cases/") and neutral != "cases/index.md":
        return "case story"
    return "page"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its menu, leaving `!ENV` and `!!python/...` values as None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _menu(root: Path) -> tuple[set[str] | None, pathspec.PathSpec | None]:
    """The pages in mkdocs.yml's nav (None: no nav, so every page is in the menu) and
    its `not_in_nav` patterns (pages deliberately left out of the menu)."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError):
        return None, None
    if not isinstance(config, dict) or "nav" not in config:
        return None, None
    listed: set[str] = set()

    def walk(item: Any) -> None:
        if isinstance(item, str) and item.endswith(".md"):
            listed.add(item.lstrip("/"))
        elif isinstance(item, list):
            for sub in item:
                walk(sub)
        elif isinstance(item, dict):
            for sub in item.values():
                walk(sub)

    walk(config["nav"])
    unlisted = config.get("not_in_nav")
    spec = pathspec.GitIgnoreSpec.from_lines(unlisted.splitlines()) if isinstance(unlisted, str) else None
    return listed, spec


def _page_entries(root: Path, pages: dict[str, set[str]], languages: tuple[str, str],
                  menu: set[str] | None, unlisted: pathspec.PathSpec | None) -> Iterator[Entry]:
    first, second = languages
    for neutral in sorted(pages[first] | pages[second]):
        present = [lang for lang in languages if neutral in pages[lang]]
        kind = _kind(neutral)
        if len(present) == 1:
            have = present[0]
            lack = second if have == first else first
            yield Entry("missing", kind, f"docs/{have}/{neutral}", None,
                        f"{kind} in {english_name(have)} only: write docs/{lack}/{neutral} (until then the "
                        f"{english_name(lack)} page shows the {english_name(have)} text with a notice)")
            in_menu = menu is None or neutral in menu or (unlisted is not None and (
                unlisted.match_file(neutral) or unlisted.match_file(f"{have}/{neutral}")))
            if not in_menu:
                yield Entry("warning", kind, f"docs/{have}/{neutral}", None,
                            f"in {english_name(have)} only and in no menu, so readers cannot find it: "
                            f"add {neutral} to nav: in mkdocs.yml, or link to it from another page")
        for lang in present:
            path = root / "docs" / lang / neutral
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue  # the build reports an unreadable page
            placeholder = page_placeholder(lang)
            if placeholder in text:
                line = text[: text.index(placeholder)].count("\n") + 1
                yield Entry("missing", kind, f"docs/{lang}/{neutral}", line,
                            f'still says "{placeholder}" from make new-page: write the '
                            f"{english_name(lang)} text, or delete the file to show the other language's "
                            "text with a notice")


# --- history -------------------------------------------------------------------


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), "-c", "core.quotePath=false", *args],
                                capture_output=True, text=True, encoding="utf-8", timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def _last_changes(root: Path, paths: list[str]) -> tuple[dict[str, float], str | None]:
    """When each of `paths` last changed: its last commit, or now if it has uncommitted changes.

    One `git log` walks the history once for all of docs/ (not once per file),
    newest first, so the first time a path is named is its last change.
    """
    log = _git(root, "log", "--relative", "--no-renames", "--format=%x00%ct", "--name-only", "--", "docs")
    if log is None:
        return {}, "not a git repository (or git is missing): outdated translations were not checked"
    wanted = set(paths)
    times: dict[str, float] = {}
    current = 0.0
    for line in log.splitlines():
        if line.startswith("\x00"):
            current = float(line[1:])
        elif line in wanted and line not in times:
            times[line] = current
    status = _git(root, "status", "--porcelain=v1", "--untracked-files=all", "--", "docs") or ""
    now = time.time()
    for line in status.splitlines():
        changed = line[3:].split(" -> ")[-1].strip('"')
        if changed in wanted:
            times[changed] = now
    note = None
    if (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() == "true":
        note = ("the git history is shallow, so outdated translations may be missed "
                "(check out with fetch-depth: 0)")
    return times, note


def _day(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).date().isoformat()


def _outdated_entries(pages: dict[str, set[str]], languages: tuple[str, str],
                      times: dict[str, float]) -> Iterator[Entry]:
    first, second = languages
    for neutral in sorted(pages[first] & pages[second]):
        paths = {lang: f"docs/{lang}/{neutral}" for lang in languages}
        if paths[first] not in times or paths[second] not in times:
            continue  # a file with no commit yet: nothing to compare
        if times[paths[first]] == times[paths[second]]:
            continue
        newer, older = (first, second) if times[paths[first]] > times[paths[second]] else (second, first)
        yield Entry("outdated", _kind(neutral), paths[older], None,
                    f"{paths[newer]} changed later ({_day(times[paths[newer]])}; this file "
                    f"{_day(times[paths[older]])}): bring the {english_name(older)} up to date with it")


# --- texts in data/ --------------------------------------------------------------------


def _texts(value: Any, schema: dict[str, Any], home: str, path: Path_) -> Iterator[tuple[Path_, dict]]:
    """Every `{en:, ar:}` value in a document, found by walking it alongside its schema."""
    schema, home = resolve_ref(schema, home)
    if is_text_schema(schema):
        if isinstance(value, dict):
            yield path, value
        return
    if isinstance(value, dict):
        for key, sub in value.items():
            if key == "private":
                continue  # editors' notes: not published, not ours to report on
            prop = schema.get("properties", {}).get(key)
            if isinstance(prop, dict):
                yield from _texts(sub, prop, home, path + (key,))
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            yield from _texts(item, schema["items"], home, path + (index,))


def _text_problem(name: str, text: dict) -> tuple[str, str] | None:
    """(language whose line to point at, what is wrong and what to do) for one text,
    or None if it looks translated."""
    for lang in LANGS:
        value = text.get(lang)
        if not isinstance(value, str) or not value.strip():
            return lang, f"{name}.{lang} is missing: write it in {english_name(lang)}"
    placeholders = [lang for lang in LANGS if text[lang].strip() == text_placeholder(lang)]
    if placeholders:
        which = " and ".join(english_name(lang) for lang in placeholders)
        field = name if len(placeholders) == len(LANGS) else f"{name}.{placeholders[0]}"
        return placeholders[0], f"{field} is still the placeholder from make new-case: write it in {which}"
    latin, arabic = text[_LATIN_TEXT], text[_ARABIC_TEXT]
    letters = ARABIC_LETTER.search(latin) or _LATIN_LETTER.search(latin)
    if letters and " ".join(latin.split()) == " ".join(arabic.split()):  # "2023" is the same in both
        lang, other = (_LATIN_TEXT, _ARABIC_TEXT) if ARABIC_LETTER.search(latin) else (_ARABIC_TEXT, _LATIN_TEXT)
        return lang, f"{name}.{lang} is a copy of {name}.{other}: translate it into {english_name(lang)}"
    if _LATIN_LETTER.search(arabic) and not ARABIC_LETTER.search(arabic):
        return _ARABIC_TEXT, f"{name}.{_ARABIC_TEXT} has no Arabic letters: translate it into {english_name(_ARABIC_TEXT)}"
    if ARABIC_LETTER.search(latin) and not _LATIN_LETTER.search(latin):
        return _LATIN_TEXT, f"{name}.{_LATIN_TEXT} is written in Arabic: translate it into {english_name(_LATIN_TEXT)}"
    return None


def _data_documents(root: Path) -> Iterator[tuple[YamlDoc, str, str]]:
    data = root / "data"
    for name in ("events", "figures"):
        if (data / f"{name}.yml").is_file():
            # An unreadable file is `make check`'s to report (hence the problems list thrown away).
            doc = read_yaml(data / f"{name}.yml", f"data/{name}.yml", [], list_file=True)
            if doc is not None:
                yield doc, name, "text"
    cases = data / "cases"
    if cases.is_dir():
        for path in sorted(p for p in cases.iterdir() if p.suffix in CASE_SUFFIXES):
            doc = read_yaml(path, f"data/cases/{path.name}", [])
            if doc is not None:
                yield doc, "case", "case text"


def _text_entries(root: Path) -> Iterator[Entry]:
    schemas = load_schemas()
    for doc, schema_name, kind in _data_documents(root):
        for path, text in _texts(doc.value, schemas[schema_name], schema_name, ()):
            found = _text_problem(doc.field_name(path), text)
            if found is None:
                continue
            lang, todo = found
            yield Entry("text", kind, doc.file, doc.line(path + (lang,)), todo)
