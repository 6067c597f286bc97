"""Read, validate and model the archive in data/.

`load_archive(data_dir, today=...)` reads every data file, validates all of them
against sawt/data/schemas/*.schema.json (the single source of truth) plus the checks a
schema cannot express (real dates, dates not in the future, references between
files, photos on disk, slug collisions), and raises one `DataError` listing
every problem with file and line. Only when the data is clean does it build the
model.

Privacy is enforced here and nowhere else: a case with `publish: false`, or an
`embargo_until` later than `today`, is validated but never becomes a `Case`; a
case's `private:` mapping is checked to be a mapping and dropped; a source cited
only by withheld cases is left out of `Archive.sources`. Nothing downstream can
leak what it is never given.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

from sawt.data import schema as schema_module, textdirection
from sawt.data.captures import MANIFEST_NAME, Manifest, ManifestError, archive_dir_for, read_manifest
from sawt.data.errors import DataError, Problem
from sawt.dates import parse_partial_date
from sawt.data.model import (
    Appeal,
    AppealTarget,
    Archive,
    Case,
    ContextEvent,
    Correction,
    Event,
    Figure,
    Grade,
    PartialDate,
    Source,
    Text,
)
from sawt.data.photos import photo_problem
from sawt.data.schema import SLUG_RE, load_schemas, property_is_valid, schema_problems, slugify
from sawt.data.textdirection import direction_problems
from sawt.data.yamldoc import ParsedFiles, Path_, YamlDoc, describe, did_you_mean, read_yaml

CASE_SUFFIXES = (".yml", ".yaml")


# --- checks a schema cannot express -----------------------------------------


def _date_at(doc: YamlDoc, path: Path_, value: Any, today: date, problems: list[Problem],
             *, past_only: bool = True) -> PartialDate | None:
    """Parse a date the schema already accepted in shape; report impossible or future dates."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None  # the schema has reported it
    if isinstance(value, str) and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return None  # the schema has reported it
    name = doc.field_name(path)
    try:
        parsed = parse_partial_date(value)
    except ValueError as error:
        if isinstance(value, int) and not 1000 <= value <= 9999:
            return None  # the schema has reported it
        problems.append(doc.problem(path, f"{name} {describe(value)} {error}"))
        return None
    if past_only and parsed.earliest() > today:
        problems.append(doc.problem(path, f"{name} {parsed.iso()} is in the future (today is "
                                          f"{today.isoformat()}); check the year"))
    return parsed


def _get(mapping: Any, key: str) -> Any:
    return mapping.get(key) if isinstance(mapping, dict) else None


def _items(value: Any) -> list[tuple[int, Any]]:
    return list(enumerate(value)) if isinstance(value, list) else []


def _check_source_ref(doc: YamlDoc, path: Path_, ref: Any, known: dict[str, Any] | None,
                      problems: list[Problem], *, hint: str) -> None:
    """Report `ref` if it is not a known source id (`known` None: cannot tell, skip)."""
    if known is None or not isinstance(ref, str) or not ref.strip() or ref in known:
        return
    guess = did_you_mean(ref, known)
    tip = f' (did you mean "{guess}"?)' if guess else ""
    problems.append(doc.problem(path, f"{doc.field_name(path)} {describe(ref)} is not {hint}{tip}"))


# --- what of a case is public ----------------------------------------------------
#
# The one definition, used by the build (below) and by the history of each record
# (sawt/data/history.py), which applies it to every earlier version of a case file.

#: The fields of a case file that decide whether and when it is published (never shown).
PUBLICATION_FIELDS = ("publish", "embargo_until")
#: The field whose contents never reach the site.
PRIVATE_FIELD = "private"


def public_case_fields(case: dict[str, Any]) -> dict[str, Any]:
    """A case file's mapping without what the site never shows: `private:` and the publication controls."""
    return {key: value for key, value in case.items() if key != PRIVATE_FIELD and key not in PUBLICATION_FIELDS}


def embargo_until(case: dict[str, Any]) -> date | None:
    """The day a case's embargo lifts (00:00 of that day in the archive's time zone), when it has a
    well-formed one (a malformed one is the schema's to report)."""
    value = case.get("embargo_until")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def is_withheld(case: dict[str, Any], today: date) -> bool:
    """Whether a case is kept off the site on `today`: `publish: false`, or an embargo not yet lifted."""
    embargo = embargo_until(case)
    return case.get("publish") is False or (embargo is not None and embargo > today)


# --- the archive ---------------------------------------------------------------


@dataclass(frozen=True)
class LoadReport:
    """What `python -m sawt check` prints: the archive and how many cases were withheld."""

    archive: Archive
    #: File names of unpublished or embargoed cases, so that a build can hold back
    #: what belongs to them (a hand-written story page). Never their content.
    withheld_slugs: frozenset[str] = frozenset()

    @property
    def withheld_cases(self) -> int:
        return len(self.withheld_slugs)
    # Script-direction problems (see sawt.data.textdirection); empty in strict mode,
    # where they are errors.
    warnings: tuple[Problem, ...] = ()


@dataclass
class _CaseDoc:
    slug: str
    doc: YamlDoc
    withheld: bool = False


class CheckedCases:
    """A development server's memory of the case files it checked and built, by their content.

    A case file's own checks and its Case depend on its bytes and on the rest of the archive's
    inputs (the list files, today, the captures' manifest). While those stay the same, a file
    with the same bytes passes the same checks and builds the same Case, so a rebuild after one
    case was saved checks and builds that one case only: checking and building every case again
    was half of the 1.8-2.1 s the whole check took after an edit at 5,000 cases (py-spy). Only
    files that passed are remembered; the photo a case names is looked at every time (it can
    change without the case file). Any other input changed, everything is checked again."""

    def __init__(self) -> None:
        self._context: tuple[Any, ...] | None = None
        self._withheld: dict[str, bool] = {}  # content key -> withheld, for files that passed
        self._built: dict[str, Case] = {}  # content key -> its Case (published cases)

    def use(self, context: tuple[Any, ...] | None) -> None:
        """The inputs every case is checked against this time; a new one forgets every case."""
        if context is None or context != self._context:
            self._withheld.clear()
            self._built.clear()
        self._context = context

    def passed(self, case_doc: _CaseDoc) -> bool:
        """True (and `case_doc.withheld` set) if its content passed against the same inputs."""
        key = case_doc.doc.content_key
        if self._context is None or key is None or key not in self._withheld:
            return False
        case_doc.withheld = self._withheld[key]
        return True

    def record_pass(self, case_doc: _CaseDoc) -> None:
        if self._context is not None and case_doc.doc.content_key is not None:
            self._withheld[case_doc.doc.content_key] = case_doc.withheld

    def build(self, case_doc: _CaseDoc, make: Callable[[], Case]) -> Case:
        key = case_doc.doc.content_key
        if self._context is None or key is None:
            return make()
        case = self._built.get(key)
        if case is None:
            case = self._built[key] = make()
        return case

    def keep_only(self, keys: set[str]) -> None:
        """Forget files that are no longer in data/cases (an edited file's older bytes)."""
        self._withheld = {key: value for key, value in self._withheld.items() if key in keys}
        self._built = {key: case for key, case in self._built.items() if key in keys}


def load_archive(data_dir: Path, *, today: date, strict: bool = True) -> Archive:
    """Read and validate everything in `data_dir`; raise DataError listing every problem."""
    return check_archive(data_dir, today=today, strict=strict).archive


def check_archive(data_dir: Path, *, today: date, strict: bool = True, parsed: ParsedFiles | None = None,
                  checked: CheckedCases | None = None) -> LoadReport:
    """Like `load_archive`, also counting the withheld cases (for the check command).

    `strict` makes warnings (script direction) errors; otherwise they are returned
    in the report. With `parsed`, files read before with the same bytes are not parsed
    again (every check on their values still runs). With `checked` too (a development server),
    a case file with the same bytes as before, against the same other inputs, is neither
    checked nor built again (see CheckedCases)."""
    # Loading makes hundreds of thousands of small, acyclic objects that all stay
    # alive; the cyclic garbage collector would rescan them again and again
    # (a quarter of the time for 10,000 cases) and could free nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check_archive(Path(data_dir), today, strict, parsed, checked if parsed is not None else None)
    finally:
        if collecting:
            gc.enable()


def _check_archive(data_dir: Path, today: date, strict: bool, parsed: ParsedFiles | None,
                   checked: CheckedCases | None) -> LoadReport:
    prefix = data_dir.name or "data"
    problems: list[Problem] = []
    if not data_dir.is_dir():
        raise DataError([Problem(str(data_dir), None, "", "the data directory does not exist")])

    # Sources first: everything else refers to them.
    sources_docs, source_ids = _read_sources(data_dir, prefix, today, problems, parsed)
    figures_doc = _read_list_file(data_dir, prefix, "figures", problems, parsed)
    _check_figures(figures_doc, source_ids, problems)
    events_doc = _read_list_file(data_dir, prefix, "events", problems, parsed)
    _check_context_events(events_doc, source_ids, today, problems)

    appeals_doc = _read_list_file(data_dir, prefix, "appeals", problems, parsed)
    appeal_ids = _unique_ids(appeals_doc, "appeal", problems) if appeals_doc is not None else {}
    if appeals_doc is None and (data_dir / "appeals.yml").exists():
        appeal_ids = None  # unreadable (already reported): do not also flag every case's appeal:
    grades_doc = _read_list_file(data_dir, prefix, "grades", problems, parsed)
    grades = _grades_by_id(grades_doc, data_dir, problems)

    manifest = Manifest()
    try:
        manifest = read_manifest(archive_dir_for(data_dir))
    except ManifestError as error:
        problems.append(Problem(f"{archive_dir_for(data_dir).name}/manifest.json", None, "", str(error)))
    if checked is not None:
        list_docs = (*sources_docs, figures_doc, events_doc, appeals_doc, grades_doc)
        known = not problems and all(doc is None or doc.content_key is not None for doc in list_docs)
        checked.use((today, manifest, tuple(doc and doc.content_key for doc in list_docs)) if known else None)

    case_docs = _read_cases(data_dir, prefix, problems, parsed)
    for case_doc in case_docs:
        if checked is not None and checked.passed(case_doc):
            _check_photo(case_doc.doc, data_dir, problems)
        else:
            before = len(problems)
            _check_case(case_doc, data_dir, source_ids, today, problems, parsed, grades=grades)
            if checked is not None and len(problems) == before:
                checked.record_pass(case_doc)
        _check_appeal_ref(case_doc, appeal_ids, prefix, problems)
    _check_appeals(appeals_doc, case_docs, prefix, today, problems)
    if checked is not None:
        checked.keep_only({c.doc.content_key for c in case_docs if c.doc.content_key})

    warnings = [warning for doc in (*sources_docs, figures_doc, events_doc, appeals_doc, *(c.doc for c in case_docs))
                if doc is not None for warning in _direction_problems(doc, parsed)]
    if parsed is not None:
        parsed.save(keep={c.doc.content_key for c in case_docs if c.doc.content_key}
                    | {d.content_key for d in (*sources_docs, figures_doc, events_doc, appeals_doc) if d is not None and d.content_key})
    if strict:
        problems.extend(warnings)
    if problems:
        raise DataError(set(problems))
    report = _build(sources_docs, figures_doc, events_doc, case_docs, appeals_doc, grades_doc, manifest, checked)
    # A published source with a url and neither a capture nor a reason: an error in a strict
    # build (and make check), a warning under make serve, like the script-direction problems.
    # Only in a project that keeps captures (archive/manifest.json exists, as in the sample): a
    # bare data/ folder (a test's, a spreadsheet's dry run) has nothing to check them against.
    keeps_captures = (archive_dir_for(data_dir) / MANIFEST_NAME).is_file()
    uncaptured = uncaptured_sources(report.archive) if keeps_captures else []
    if strict and uncaptured:
        raise DataError(set(uncaptured))
    warnings += uncaptured
    return dataclasses.replace(report, warnings=tuple(sorted(warnings, key=Problem.sort_key)))


def uncaptured_sources(archive: Archive) -> list[Problem]:
    """Each published source with a url that has no capture and no archive: reason:."""
    published = {source.id: source for source in archive.sources.values()}
    for case in archive.cases:
        published.update((source.id, source) for source in case.sources)
    found = []
    for source in published.values():
        if source.url and not source.captures and source.archive_reason is None:
            file, _, line = source.where.rpartition(":")
            found.append(Problem(file or source.where, int(line) if line.isdigit() else None, "",
                                 f'source "{source.id}" has a url but no capture: run make archive (or python -m sawt '
                                 f"archive {source.id}; --import {source.id} FILE for a copy made elsewhere), or say why "
                                 "it is not preserved with archive: {reason: {en: ..., ar: ...}}"))
    return found


def _grades_by_id(doc: YamlDoc | None, data_dir: Path, problems: list[Problem]) -> dict[str, Any] | None:
    """data/grades.yml's grades by id; None when the file is there but unreadable (so that grade:
    references are not judged against nothing), {} when there is no such file."""
    if doc is None:
        return None if (data_dir / "grades.yml").exists() else {}
    return _unique_ids(doc, "grade", problems)


def _read_list_file(data_dir: Path, prefix: str, name: str, problems: list[Problem],
                    parsed: ParsedFiles | None = None) -> YamlDoc | None:
    """Read data/<name>.yml (a list). A missing or empty file is an empty list."""
    path = data_dir / f"{name}.yml"
    if not path.exists():
        return None
    return _read_list_doc(path, f"{prefix}/{name}.yml", name, problems, parsed)


def _read_list_doc(path: Path, label: str, schema: str, problems: list[Problem],
                   parsed: ParsedFiles | None = None, *, too_big_advice: str = "shorten it") -> YamlDoc | None:
    """Read one list file under the list-file limits and check it against `schema`."""
    doc = read_yaml(path, label, problems, list_file=True, parsed=parsed, too_big_advice=too_big_advice)
    if doc is None:
        return None
    if doc.value is None:
        doc.value = []
        return doc
    found = schema_problems(doc, schema)
    problems.extend(found)
    if not isinstance(doc.value, list):
        return None
    return doc


#: Sources are listed in data/sources.yml, or split over data/sources/<any name>.yml, or
#: both. One list file may hold at most MAX_LIST_FILE_BYTES (10 MB, against YAML bombs),
#: which one source a case reaches at about 50,000 sources; any number of files of that
#: size may be added, each read under the same limits.
SOURCES_FILE = "sources.yml"
SOURCES_DIR = "sources"
#: What to do with a source file over the limit.
_SPLIT_SOURCES = (f"split it: move some of its sources into files data/{SOURCES_DIR}/<name>.yml "
                  "(one a publisher, for example), each under the limit")
#: Where a new source goes, in messages: both layouts are read.
SOURCES_PLACES = f"data/{SOURCES_FILE} or data/{SOURCES_DIR}/"


def source_file_paths(data_dir: Path) -> list[Path]:
    """data/sources.yml (if there), then data/sources/*.yml and *.yaml in name order."""
    data_dir = Path(data_dir)
    paths = [data_dir / SOURCES_FILE] if (data_dir / SOURCES_FILE).is_file() else []
    folder = data_dir / SOURCES_DIR
    if folder.is_dir():
        paths += sorted(p for p in folder.iterdir()
                        if p.suffix.lower() in CASE_SUFFIXES and not p.name.startswith(".") and p.is_file())
    return paths


def _read_sources(data_dir: Path, prefix: str, today: date, problems: list[Problem],
                  parsed: ParsedFiles | None = None) -> tuple[list[YamlDoc], dict[str, Any] | None]:
    """Every source file read and checked, and every source id written, valid or not.

    The ids are None when a source file is there but unreadable (already reported):
    checking every reference against the rest would bury that one problem under false ones."""
    docs: list[YamlDoc] = []
    readable = True
    for path in source_file_paths(data_dir):
        label = f"{prefix}/{path.relative_to(data_dir).as_posix()}"
        doc = _read_list_doc(path, label, "sources", problems, parsed, too_big_advice=_SPLIT_SOURCES)
        if doc is None:
            readable = False
        else:
            docs.append(doc)
    source_ids = _check_sources(docs, today, problems)
    return docs, (source_ids if readable else None)


def _check_sources(docs: list[YamlDoc], today: date, problems: list[Problem]) -> dict[str, Any]:
    """Date and duplicate checks, within and across the source files; returns every id
    written, valid or not (so that one broken source does not also make every reference to
    it an error). A repeated id names where it was first written: its line, or its file and
    line when that is another file."""
    ids: dict[str, Any] = {}
    first_written: dict[str, tuple[str, int | None]] = {}
    for doc in docs:
        for index, item in _items(doc.value):
            source_id = _get(item, "id")
            if isinstance(source_id, str):
                if source_id in ids:
                    file, line = first_written[source_id]
                    first = f"line {line}" if file == doc.file else f"{file}:{line}"
                    problems.append(doc.problem((index, "id"), f'id "{source_id}" is used twice (first on {first}); '
                                                               "give each source its own id"))
                else:
                    ids[source_id] = item
                    first_written[source_id] = (doc.file, doc.line((index, "id")))
            if isinstance(item, dict) and "date" in item:
                _date_at(doc, (index, "date"), item["date"], today, problems)
    return ids


def _unique_ids(doc: YamlDoc, noun: str, problems: list[Problem]) -> dict[str, Any]:
    """The items of a list file by id (first one wins); a repeated id is a problem."""
    ids: dict[str, Any] = {}
    first_line: dict[str, int | None] = {}
    for index, item in _items(doc.value):
        item_id = _get(item, "id")
        if not isinstance(item_id, str):
            continue
        if item_id in ids:
            problems.append(doc.problem((index, "id"), f'id "{item_id}" is used twice '
                                                       f"(first on line {first_line[item_id]}); "
                                                       f"give each {noun} its own id"))
        else:
            ids[item_id] = item
            first_line[item_id] = doc.line((index, "id"))
    return ids


def _check_figures(doc: YamlDoc | None, source_ids: dict[str, Any] | None, problems: list[Problem]) -> None:
    if doc is None:
        return
    _unique_ids(doc, "figure", problems)
    for index, item in _items(doc.value):
        _check_source_ref(doc, (index, "source"), _get(item, "source"), source_ids, problems,
                          hint=f"an id in {SOURCES_PLACES}")


def _check_context_events(doc: YamlDoc | None, source_ids: dict[str, Any] | None, today: date,
                          problems: list[Problem]) -> None:
    if doc is None:
        return
    for index, item in _items(doc.value):
        if isinstance(item, dict) and "date" in item:
            _date_at(doc, (index, "date"), item["date"], today, problems)
        _check_source_ref(doc, (index, "source"), _get(item, "source"), source_ids, problems,
                          hint=f"an id in {SOURCES_PLACES}")


def _check_appeal_ref(case_doc: _CaseDoc, appeal_ids: dict[str, Any] | None, prefix: str,
                      problems: list[Problem]) -> None:
    """A case's `appeal:` names an appeal of data/appeals.yml (None: unreadable, skip)."""
    doc = case_doc.doc
    ref = _get(doc.value, "appeal")
    if appeal_ids is None or not isinstance(ref, str) or not SLUG_RE.match(ref) or ref in appeal_ids:
        return
    guess = did_you_mean(ref, appeal_ids)
    tip = f' (did you mean "{guess}"?)' if guess else ""
    known = f"; the appeals are: {', '.join(appeal_ids)}" if appeal_ids else f"; {prefix}/appeals.yml has no appeals"
    problems.append(doc.problem(("appeal",), f"appeal {describe(ref)} is not an id in {prefix}/appeals.yml{tip}{known}"))


#: The fields of an appeal's target, from the schema.
_TARGET_FIELDS = frozenset(load_schemas()["appeals"]["$defs"]["target"]["properties"])


def _check_appeals(doc: YamlDoc | None, case_docs: list[_CaseDoc], prefix: str, today: date,
                   problems: list[Problem]) -> None:
    """What the appeals schema cannot say: a real deadline, at least one target, each
    target with an email or the reason it has none, and cases that exist and point back."""
    if doc is None:
        return
    cases = {case_doc.slug: case_doc for case_doc in case_docs}
    ids = {_get(appeal, "id") for appeal in doc.value} if isinstance(doc.value, list) else set()
    # A case whose appeal: is no appeal at all was reported as such; not again here.
    misspelt = {ref for c in case_docs if isinstance(ref := _get(c.doc.value, "appeal"), str) and ref not in ids}
    for index, appeal in _items(doc.value):
        if not isinstance(appeal, dict):
            continue
        appeal_id = appeal.get("id")
        if isinstance(appeal.get("deadline"), str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", appeal["deadline"]):
            _date_at(doc, (index, "deadline"), appeal["deadline"], today, problems, past_only=False)
        targets = appeal.get("targets")
        if isinstance(targets, list) and not targets:
            problems.append(doc.problem((index, "targets"), f"{doc.field_name((index, 'targets'))} is empty; "
                                                            "name at least one office or person the letter is for"))
        for number, target in _items(targets):
            if not isinstance(target, dict):
                continue
            path = (index, "targets", number)
            if "email" in target and "no_email" in target:
                problems.append(doc.problem(path + ("no_email",), f"{doc.field_name(path)} has both email: and "
                                                                  "no_email:; keep the one that is true"))
            elif "email" not in target and "no_email" not in target and set(target) <= _TARGET_FIELDS:
                # (with a misspelt field, "emial", the schema's "did you mean" says it all)
                problems.append(doc.problem(path, f"{doc.field_name(path)} has no email:; add the email only if a "
                                                  "source published it, otherwise say why there is none with "
                                                  'no_email: {en: "...", ar: "..."} (never guess an address)'))
        for number, slug in _items(appeal.get("cases")):
            path = (index, "cases", number)
            if not isinstance(slug, str) or not SLUG_RE.match(slug):
                continue  # the schema has reported it
            case_doc = cases.get(slug)
            if case_doc is None:
                guess = did_you_mean(slug, cases)
                tip = f' (did you mean "{guess}"?)' if guess else ""
                problems.append(doc.problem(path, f"{doc.field_name(path)} {describe(slug)} is not a case: no "
                                                  f"{prefix}/cases/{slug}.yml{tip}"))
            elif isinstance(appeal_id, str) and _get(case_doc.doc.value, "appeal") not in (appeal_id, *misspelt):
                problems.append(doc.problem(path, f"{doc.field_name(path)}: {case_doc.doc.file} does not say "
                                                  f"appeal: {appeal_id}; add that line to the case, or take the "
                                                  "case off this list"))


def _read_cases(data_dir: Path, prefix: str, problems: list[Problem], parsed: ParsedFiles | None = None) -> list[_CaseDoc]:
    """Read data/cases/*.yml (and *.yaml); check file names. Unreadable files are
    reported and left out."""
    cases_dir = data_dir / "cases"
    if not cases_dir.is_dir():
        return []
    paths = sorted(
        p for p in cases_dir.iterdir()
        if p.suffix.lower() in CASE_SUFFIXES and not p.name.startswith(".") and p.is_file()
    )
    by_slug: dict[str, str] = {}
    result: list[_CaseDoc] = []
    for path in paths:
        label = f"{prefix}/cases/{path.name}"
        slug = path.stem
        if not SLUG_RE.match(slug):
            suggestion = slugify(slug)
            hint = f", e.g. {suggestion}{path.suffix}" if suggestion else \
                " (write the name in Latin letters)"
            problems.append(Problem(label, None, "", f'file name "{slug}" is not a valid slug: use '
                                                     f"lowercase Latin letters, digits and single hyphens{hint}"))
        key = slug.lower()
        if key in by_slug:
            problems.append(Problem(label, None, "", f'slug "{key}" is already used by {by_slug[key]}; '
                                                     "each case needs its own file name"))
        else:
            by_slug[key] = label
        doc = read_yaml(path, label, problems, parsed=parsed)
        if doc is None:
            continue
        if doc.value is None:
            problems.append(Problem(label, None, "", "the file is empty; a case needs at least "
                                                     "name, status and summary"))
            continue
        result.append(_CaseDoc(slug=slug, doc=doc))
    return result


# --- what the capture tool preserves (sawt/capture/) -------------------------------


@dataclass(frozen=True)
class SourceToCapture:
    """A source with a url, wherever it is written; `where` is its file:line, `cited_by` the
    files that cite it (for the capture's error lines)."""

    id: str
    url: str
    title: str
    where: str
    cited_by: tuple[str, ...] = ()


def sources_to_capture(data_dir: Path) -> list[SourceToCapture]:
    """Every source with a url: data/sources.yml's, and the inline sources of every case file
    (published or not: the archive keeps them all; the build decides what is shown). The id of an
    inline source is the one the site gives it: <case slug>-source-<n>."""
    data_dir = Path(data_dir)
    prefix = data_dir.name or "data"
    problems: list[Problem] = []
    found: dict[str, SourceToCapture] = {}
    cited: dict[str, list[str]] = {}
    for path in source_file_paths(data_dir):  # data/sources.yml and data/sources/*.yml
        sources_doc = _read_list_doc(path, f"{prefix}/{path.relative_to(data_dir).as_posix()}", "sources", problems, None,
                                     too_big_advice=_SPLIT_SOURCES)
        for index, item in _items(sources_doc.value if sources_doc else None):
            if isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("url"), str):
                line = sources_doc.line((index, "id"))
                found.setdefault(item["id"], SourceToCapture(item["id"], item["url"], str(item.get("title", "")),
                                                             f"{sources_doc.file}:{line}"))
    for case_doc in _read_cases(data_dir, prefix, problems):
        case = case_doc.doc.value
        if not isinstance(case, dict):
            continue
        inline = 0
        for index, item in _items(case.get("sources")):
            if isinstance(item, str):
                cited.setdefault(item, []).append(case_doc.doc.file)
            elif isinstance(item, dict):
                inline += 1
                if isinstance(item.get("url"), str):
                    source_id = f"{case_doc.slug}-source-{inline}"
                    where = f"{case_doc.doc.file}:{case_doc.doc.line(('sources', index))}"
                    found[source_id] = SourceToCapture(source_id, item["url"], str(item.get("title", "")), where,
                                                       (case_doc.doc.file,))
        for event in case.get("events") or []:
            if isinstance(event, dict):
                for ref in [event.get("source"), *(event.get("sources") or [])]:
                    if isinstance(ref, str):
                        cited.setdefault(ref, []).append(case_doc.doc.file)
    return [dataclasses.replace(source, cited_by=source.cited_by or tuple(dict.fromkeys(cited.get(source.id, ()))))
            for source in found.values()]


# --- one case at a time (the spreadsheet importer, sawt/sheets/) --------------------


@dataclass(frozen=True)
class CaseReferences:
    """What a case may refer to in `data_dir`: source ids and appeals (None: that file is
    unreadable, so references to it are not judged), and the problems of those files."""

    source_ids: dict[str, Any] | None
    appeal_ids: dict[str, Any] | None
    problems: tuple[Problem, ...] = ()
    grades: dict[str, Any] | None = None  # data/grades.yml by id


def read_case_references(data_dir: Path, today: date) -> CaseReferences:
    """The sources (either layout) and appeals.yml of `data_dir`, checked as `check_archive` checks them."""
    data_dir = Path(data_dir)
    prefix = data_dir.name or "data"
    problems: list[Problem] = []
    _, source_ids = _read_sources(data_dir, prefix, today, problems)
    appeals_doc = _read_list_file(data_dir, prefix, "appeals", problems)
    appeal_ids = _unique_ids(appeals_doc, "appeal", problems) if appeals_doc is not None else {}
    if appeals_doc is None and (data_dir / "appeals.yml").exists():
        appeal_ids = None
    grades = _grades_by_id(_read_list_file(data_dir, prefix, "grades", problems), data_dir, problems)
    return CaseReferences(source_ids, appeal_ids, tuple(problems), grades)


def check_case_document(doc: YamlDoc, slug: str, data_dir: Path, references: CaseReferences, today: date) -> list[Problem]:
    """Every problem `check_archive` (strict) finds in one case, for a case that is not a file
    yet: schema, dates, sources, photo, its appeal (both ways: the appeal must list it back)
    and script direction. `doc` decides how the problems name their place."""
    data_dir = Path(data_dir)
    prefix = data_dir.name or "data"
    problems: list[Problem] = []
    case_doc = _CaseDoc(slug=slug, doc=doc)
    _check_case(case_doc, data_dir, references.source_ids, today, problems, grades=references.grades)
    _check_appeal_ref(case_doc, references.appeal_ids, prefix, problems)
    ref = _get(doc.value, "appeal")
    appeal = (references.appeal_ids or {}).get(ref) if isinstance(ref, str) else None
    if isinstance(appeal, dict) and slug not in (appeal.get("cases") or []):
        problems.append(doc.problem(("appeal",), f"appeal {describe(ref)}: {prefix}/appeals.yml does not list this "
                                                 f"case under that appeal's cases:; add - {slug} there"))
    problems.extend(direction_problems(doc))
    return problems


#: Checks that read one file's content and nothing else, named with a hash of their code
#: and schemas: a file that passed is not checked again while neither changes (ParsedFiles).
_SCHEMA_CHECK = "schema-" + hashlib.sha256(b"".join(
    path.read_bytes() for path in sorted([Path(schema_module.__file__), *Path(schema_module.__file__).parent.joinpath("schemas").glob("*.json")])
)).hexdigest()[:16]
_DIRECTION_CHECK = "direction-" + hashlib.sha256(Path(textdirection.__file__).read_bytes()).hexdigest()[:16]


def _unless_passed(check: str, run: Callable[[], list[Problem]], doc: YamlDoc, parsed: ParsedFiles | None) -> list[Problem]:
    """`run()`'s problems, unless `doc`'s content passed `check` before (then none)."""
    if parsed is not None and parsed.passed(doc, check):
        return []
    found = run()
    if not found and parsed is not None:
        parsed.record_pass(doc, check)
    return found


def _schema_problems(doc: YamlDoc, name: str, parsed: ParsedFiles | None) -> list[Problem]:
    return _unless_passed(f"{_SCHEMA_CHECK}-{name}", lambda: schema_problems(doc, name), doc, parsed)


def _direction_problems(doc: YamlDoc, parsed: ParsedFiles | None) -> list[Problem]:
    return _unless_passed(_DIRECTION_CHECK, lambda: direction_problems(doc), doc, parsed)


def _check_case(case_doc: _CaseDoc, data_dir: Path, source_ids: dict[str, Any] | None, today: date,
                problems: list[Problem], parsed: ParsedFiles | None = None, *,
                grades: dict[str, Any] | None = None) -> None:
    """Schema, dates, source references and photo of one case; decides `withheld`."""
    doc = case_doc.doc
    problems.extend(_schema_problems(doc, "case", parsed))
    case = doc.value
    if not isinstance(case, dict):
        return

    if "last_verified" in case:
        _date_at(doc, ("last_verified",), case["last_verified"], today, problems)
    if isinstance(case.get("embargo_until"), str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", case["embargo_until"]):
        _date_at(doc, ("embargo_until",), case["embargo_until"], today, problems, past_only=False)
    # `today` is the archive's day (sawt.dates.archive_today: UTC unless configured), never
    # the build machine's local date: an embargo must not lift early on a machine set to UTC+14.
    case_doc.withheld = is_withheld(case, today)

    # Sources listed under the case: ids into sources.yml, or inline mappings.
    listed_urls: set[str] = set()
    inline_by_url: dict[str, Any] = {}
    seen: dict[str, int | None] = {}
    for index, item in _items(case.get("sources")):
        path = ("sources", index)
        if isinstance(item, str):
            _check_source_ref(doc, path, item, source_ids, problems,
                              hint=f"an id in {SOURCES_PLACES}")
            key = item
            registry_url = _get((source_ids or {}).get(item), "url")
            if isinstance(registry_url, str):
                listed_urls.add(registry_url)
        elif isinstance(item, dict):
            if "date" in item:
                _date_at(doc, path + ("date",), item["date"], today, problems)
            key = item.get("url") if isinstance(item.get("url"), str) else None
            if key:
                listed_urls.add(key)
                inline_by_url[key] = item
        else:
            continue
        if key is not None:
            if key in seen:
                problems.append(doc.problem(path, f"{doc.field_name(path)} {describe(key)} is listed "
                                                  f"twice (first on line {seen[key]}); keep one"))
            else:
                seen[key] = doc.line(path)

    for index, event in _items(case.get("events")):
        if not isinstance(event, dict):
            continue
        path = ("events", index)
        if "date" in event:
            _date_at(doc, path + ("date",), event["date"], today, problems)
        if "source" in event and "sources" in event:
            problems.append(doc.problem(path + ("sources",), f"{doc.field_name(path)} has both source: and sources:; "
                                                             "keep sources: with every id in it"))
        refs = [(path + ("source",), event.get("source"))] + [
            (path + ("sources", number), ref) for number, ref in _items(event.get("sources"))]
        cited = []
        for ref_path, ref in refs:
            if isinstance(ref, str) and re.match(r"https?://", ref):
                if ref not in listed_urls:
                    problems.append(doc.problem(ref_path, f"{doc.field_name(ref_path)} "
                                                f"{describe(ref)} is not the url of a source listed under "
                                                "this case's sources; add it there (sources: - url: ...)"))
                else:
                    cited.append(inline_by_url.get(ref))
            else:
                _check_source_ref(doc, ref_path, ref, source_ids, problems,
                                  hint=f"an id in {SOURCES_PLACES} nor the url of a source listed "
                                       "under this case's sources")
                if isinstance(ref, str):
                    cited.append((source_ids or {}).get(ref))
        _check_grade(doc, path, event.get("grade"), cited, grades, source_ids is None, problems)

    for index, correction in _items(case.get("corrections")):
        if isinstance(correction, dict) and "date" in correction:
            _date_at(doc, ("corrections", index, "date"), correction["date"], today, problems)

    _check_photo(doc, data_dir, problems)


def _check_photo(doc: YamlDoc, data_dir: Path, problems: list[Problem]) -> None:
    """The case's photo: a file under data/ that can be opened as an image."""
    photo = doc.value.get("photo")
    # A path the schema refused (leaving data/, too long ...) was reported; only open accepted ones.
    if isinstance(photo, str) and property_is_valid("case", "photo", photo):
        found = photo_problem(data_dir, photo)
        if found is not None:
            problems.append(doc.problem(("photo",), f'photo "{photo}" {found}'))


#: Source kinds that can confirm an event (grades.yml's needs: official-or-court).
CONFIRMING_KINDS = ("official", "court")


def _check_grade(doc: YamlDoc, path: Path_, grade: Any, cited: list[Any], grades: dict[str, Any] | None,
                 sources_unknown: bool, problems: list[Problem]) -> None:
    """An event's grade: one of data/grades.yml, and backed as its grade needs (grades.yml's
    `needs`: two distinct publishers, or one official or court source)."""
    if not isinstance(grade, str) or grades is None or not SLUG_RE.match(grade):
        return  # none, or the schema or grades.yml's reading has reported it
    where = path + ("grade",)
    name = doc.field_name(where)
    if grade not in grades:
        guess = did_you_mean(grade, grades)
        tip = f' (did you mean "{guess}"?)' if guess else ""
        known = ", ".join(grades) if grades else "none: there is no data/grades.yml"
        problems.append(doc.problem(where, f"{name} {describe(grade)} is not a grade in data/grades.yml{tip}; "
                                           f"the grades are {known}"))
        return
    if sources_unknown or any(item is None for item in cited):
        return  # an unknown source was reported as such
    needs = _get(grades[grade], "needs")
    if needs == "two-publishers":
        publishers = {str(_get(item, "publisher")).strip().casefold() for item in cited if _get(item, "publisher")}
        if len(publishers) < 2:
            said = f"cites {len(cited)} source{'s' if len(cited) != 1 else ''}" + (
                f", all from {next(iter(publishers))}" if len(publishers) == 1 and len(cited) > 1 else "")
            problems.append(doc.problem(where, f'{name} "{grade}" needs two or more sources from distinct publishers '
                                               f"(sources: [id, id]); this event {said}. Grade it single-source, "
                                               "or add the other source"))
    elif needs == "official-or-court":
        if not any(_get(item, "kind") in CONFIRMING_KINDS for item in cited):
            problems.append(doc.problem(where, f'{name} "{grade}" needs a source of kind official or court '
                                               "(kind: in data/sources.yml); none of this event's sources is one"))


# --- building the model (only ever on clean data) ------------------------------


def _text(value: dict[str, str] | None) -> Text | None:
    if value is None:
        return None
    return Text.stripped(value)


def _date(value: Any) -> PartialDate | None:
    return None if value is None else parse_partial_date(value)


def _source(item: dict[str, Any], source_id: str, manifest: Manifest | None = None, where: str = "") -> Source:
    reason = _get(item.get("archive"), "reason")
    return Source(
        kind=item.get("kind"),
        captures=tuple(manifest.for_source(source_id)) if manifest else (),
        live=manifest.live.get(source_id) if manifest else None,
        archive_reason=_text(reason) if isinstance(reason, dict) else None,
        publish_copy=item.get("publish_copy") is True,
        where=where,
        id=source_id,
        title=item["title"].strip(),
        publisher=item["publisher"].strip(),
        date=_date(item.get("date")),
        url=item.get("url"),
        archived_url=item.get("archived_url"),
        language=item.get("language"),
        publisher_ar=item["publisher_ar"].strip() if item.get("publisher_ar") else None,
    )


def _build(sources_docs: list[YamlDoc], figures_doc: YamlDoc | None, events_doc: YamlDoc | None,
           case_docs: list[_CaseDoc], appeals_doc: YamlDoc | None = None, grades_doc: YamlDoc | None = None,
           manifest: Manifest | None = None, checked: CheckedCases | None = None) -> LoadReport:
    manifest = manifest or Manifest()
    registry = {item["id"]: _source(item, item["id"], manifest, f"{doc.file}:{doc.line((index, 'id'))}")
                for doc in sources_docs for index, item in enumerate(doc.value)}

    grades = tuple(Grade(id=item["id"], label=_text(item["label"]), definition=_text(item["definition"]),  # type: ignore[arg-type]
                         counted=item.get("counted", True), needs=item.get("needs"))
                   for item in (grades_doc.value if grades_doc else []))
    grades_by_id = {grade.id: grade for grade in grades}
    published: list[Case] = []
    cited_by_published: set[str] = set()
    cited_by_withheld: set[str] = set()
    for case_doc in case_docs:
        cited = _cited_ids(case_doc.doc.value)
        if case_doc.withheld:
            cited_by_withheld |= cited
            continue  # validated above; never becomes a Case
        cited_by_published |= cited
        if checked is None:
            published.append(_build_case(case_doc, registry, manifest, grades_by_id))
        else:
            published.append(checked.build(case_doc, lambda: _build_case(case_doc, registry, manifest, grades_by_id)))

    figures: dict[str, Figure] = {}
    for item in figures_doc.value if figures_doc else []:
        figures[item["id"]] = Figure(
            id=item["id"],
            value=item["value"],
            what=_text(item["what"]),  # type: ignore[arg-type]
            period=_text(item.get("period")),
            source=registry[item["source"]],
        )
        cited_by_published.add(item["source"])

    context_events = []
    for item in events_doc.value if events_doc else []:
        context_events.append(ContextEvent(
            date=parse_partial_date(item["date"]),
            text=_text(item["text"]),  # type: ignore[arg-type]
            source=registry[item["source"]] if "source" in item else None,
        ))
        if "source" in item:
            cited_by_published.add(item["source"])
    context_events.sort(key=lambda e: e.date.sort_key())

    # A source cited only by withheld cases could reveal them (its title often
    # names the person), so it is left out with them.
    only_withheld = cited_by_withheld - cited_by_published
    sources = {sid: s for sid, s in registry.items() if sid not in only_withheld}

    published_slugs = {case.slug for case in published}
    appeals = {item["id"]: _appeal(item, published_slugs) for item in (appeals_doc.value if appeals_doc else [])}

    archive = Archive(
        grades=grades,
        cases=tuple(sorted(published, key=lambda c: c.slug)),
        figures=figures,
        context_events=tuple(context_events),
        sources=sources,
        appeals=appeals,
    )
    return LoadReport(archive=archive, withheld_slugs=frozenset(c.slug for c in case_docs if c.withheld))


def _appeal(item: dict[str, Any], published_slugs: set[str]) -> Appeal:
    # A withheld case is left off the appeal's list: its page must not even be linked.
    return Appeal(
        id=item["id"],
        title=_text(item["title"]),  # type: ignore[arg-type]
        subject=_text(item["subject"]),  # type: ignore[arg-type]
        letter=Text.stripped(item["letter"]),
        targets=tuple(AppealTarget(
            name=_text(target["name"]),  # type: ignore[arg-type]
            address=_text(target.get("address")),
            email=target.get("email"),
            no_email=_text(target.get("no_email")),
        ) for target in item["targets"]),
        deadline=date.fromisoformat(item["deadline"]) if "deadline" in item else None,
        cases=tuple(slug for slug in item.get("cases", []) if slug in published_slugs),
    )


def _cited_ids(case: dict[str, Any]) -> set[str]:
    ids = {s for s in case.get("sources", []) if isinstance(s, str)}
    ids |= {e["source"] for e in case.get("events", []) if isinstance(e.get("source"), str)}
    ids |= {ref for e in case.get("events", []) for ref in e.get("sources", []) if isinstance(ref, str)}
    return ids


def _build_case(case_doc: _CaseDoc, registry: dict[str, Source], manifest: Manifest | None = None,
                grades: dict[str, Grade] | None = None) -> Case:
    case = public_case_fields(case_doc.doc.value)  # `private` is never even handed on
    slug = case_doc.slug

    sources: list[Source] = []
    by_url: dict[str, Source] = {}
    inline_count = 0
    for index, item in enumerate(case.get("sources", [])):
        if isinstance(item, str):
            source = registry[item]
        else:
            inline_count += 1
            source = _source(item, f"{slug}-source-{inline_count}", manifest,
                             f"{case_doc.doc.file}:{case_doc.doc.line(('sources', index))}")
        sources.append(source)
        if source.url:
            by_url[source.url] = source

    events = []
    for item in case.get("events", []):
        cited = []
        for ref in ([item["source"]] if "source" in item else []) + list(item.get("sources", [])):
            source = by_url[ref] if ref in by_url else registry[ref]
            cited.append(source)
            if source not in sources:  # the page's source list shows every source cited
                sources.append(source)
        source = cited[0] if cited else None
        events.append(Event(
            sources=tuple(cited),
            grade=(grades or {}).get(item["grade"]) if "grade" in item else None,
            date=parse_partial_date(item["date"]),
            type=item["type"],
            text=_text(item["text"]),  # type: ignore[arg-type]
            place=_text(item.get("place")),
            by=_text(item.get("by")),
            source=source,
        ))
    # Chronological, so that Case.arrest is the first arrest; a stable sort keeps
    # the file's order for events on the same (partial) date.
    events.sort(key=lambda e: e.date.sort_key())

    corrections = sorted(
        (Correction(date=parse_partial_date(c["date"]), text=_text(c["text"]))  # type: ignore[arg-type]
         for c in case.get("corrections", [])),
        key=lambda c: c.date.sort_key(),
    )

    return Case(
        slug=slug,
        name=_text(case["name"]),  # type: ignore[arg-type]
        status=case["status"],
        summary=_text(case["summary"]),  # type: ignore[arg-type]
        ask=_text(case.get("ask")),
        aliases=tuple(a.strip() for a in case.get("aliases", [])),
        pseudonym=case.get("pseudonym", False),
        events=tuple(events),
        sources=tuple(sources),
        corrections=tuple(corrections),
        last_verified=_date(case.get("last_verified")),
        photo=case.get("photo"),
        photo_alt=_text(case.get("photo_alt")),
        appeal=case.get("appeal"),
        source_file=case_doc.doc.file,
    )
