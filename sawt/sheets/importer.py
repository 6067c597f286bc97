"""Import cases from a sheet: every row checked as `make check` checks a case file, every
problem reported at once by row and column, and nothing written unless every row is good
(or `write_valid`).

A row is turned into the case it would make: the existing file's values (if the slug is a
case already) with the row's non-empty cells laid over them. An empty cell never deletes
anything: a sheet that lacks a column, or leaves a cell blank, keeps what the file says.
That merged case is what is checked, with sawt.data.load.check_case_document (the same
checks, not a copy), through a `RowDoc` that names each value's place as its column; and it
is what is written: a new case with `publish: false` unless the sheet says otherwise, an
existing one through ruamel.yaml's round trip, which keeps the file's comments, layout and
the fields the sheet does not have, and only if a value really changed.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sawt.data.errors import Problem
from sawt.data.load import CASE_SUFFIXES, CaseReferences, check_case_document, read_case_references
from sawt.data.model import LANGS
from sawt.data.schema import SLUG_RE, slugify
from sawt.data.yamldoc import YamlDoc, describe, read_yaml
from sawt.languages import english_name
from sawt.sheets.columns import Column, Layout, case_layout, column_letter, column_name
from sawt.sheets.read import Sheet, arabic_indic_to_ascii

#: The day-first and month-first orders `--date-format` may name, and Excel's serial numbers.
DATE_FORMATS = ("DD/MM/YYYY", "MM/DD/YYYY", "YYYY/MM/DD", "serial")
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01 in Excel's (1900) date system, after its leap-year bug
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SLASHED = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})(?:[/.\-](\d{1,4}))?$")
_TRUE = {"true", "yes", "1", "نعم", "صح"}
_FALSE = {"false", "no", "0", "لا", "خطأ"}
_LIST_SPLIT = re.compile(r"[;؛\n]")


@dataclass(frozen=True)
class SheetProblem:
    """`cases.xlsx:row 14, column status: "detaind" is not one of …`."""

    file: str
    row: int | None
    column: str | None
    message: str
    line: int | None = None  # a CSV's physical line, for annotations

    def __str__(self) -> str:
        where = ", ".join(part for part in (f"row {self.row}" if self.row is not None else "",
                                            f"column {self.column}" if self.column else "") if part)
        return f"{self.file}:{where}: {self.message}" if where else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Change:
    column: str
    before: Any
    after: Any
    private: bool = False

    def __str__(self) -> str:
        if self.private:
            return self.column  # never echo a private value (CI logs may be public)
        return f"{self.column} {_shown(self.before)} → {_shown(self.after)}"


@dataclass
class RowResult:
    number: int
    slug: str | None = None
    slug_made: bool = False
    file: Path | None = None  # the case file (existing or to write)
    is_new: bool = False
    case: dict[str, Any] | None = None  # the merged case, as it would be written
    problems: list[SheetProblem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)  # top-level fields the row set


@dataclass
class ImportReport:
    sheet: Sheet
    rows: list[RowResult]
    problems: list[SheetProblem]  # every one, header and data problems included, in order
    written: list[RowResult] = field(default_factory=list)

    @property
    def bad_rows(self) -> list[RowResult]:
        return [r for r in self.rows if r.problems]


class RowDoc(YamlDoc):
    """A row as the checks see a case file: each value's place is its column, at the row."""

    def __init__(self, label: str, row: int, value: dict[str, Any]) -> None:
        super().__init__(file=label, value=value)
        self.row = row

    def line(self, path: Any) -> int | None:  # noqa: ARG002 - every value of a row is on the row
        return self.row

    def field_name(self, path: Any) -> str:
        return column_name(tuple(path))


# --- cells to values --------------------------------------------------------------


class _CellProblem(Exception):
    pass


def cell_value(column: Column, raw: Any, date_formats: tuple[str, ...]) -> Any:
    """The value a non-empty cell gives its column; raises _CellProblem with the message."""
    if column.kind == "boolean":
        if isinstance(raw, bool):
            return raw
        text = _text(raw).lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise _CellProblem(f"{describe(_text(raw))} is not true or false")
    if column.kind == "date":
        return _date_value(raw, date_formats, full=column.full_date)
    text = _text(raw)
    if column.kind in ("enum", "slug"):
        return arabic_indic_to_ascii(text.strip()) if column.kind == "slug" else text.strip().lower()
    if column.kind in ("list", "sources"):
        return [item.strip() for item in _LIST_SPLIT.split(text) if item.strip()]
    return text.strip()


def _text(raw: Any) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def _date_value(raw: Any, date_formats: tuple[str, ...], *, full: bool) -> str:
    if isinstance(raw, (datetime, date)):  # a cell the spreadsheet itself typed as a date
        return (raw.date() if isinstance(raw, datetime) else raw).isoformat()
    if isinstance(raw, bool):
        raise _CellProblem(f"{describe(raw)} is not a date")
    if isinstance(raw, (int, float)):
        if isinstance(raw, int) and 1000 <= raw <= 9999 and not full:
            return str(raw)  # a year
        if "serial" in date_formats and 1 <= raw < 2_958_466:
            return (_EXCEL_EPOCH + timedelta(days=int(raw))).isoformat()
        if 1 <= raw < 2_958_466:
            would_be = (_EXCEL_EPOCH + timedelta(days=int(raw))).isoformat()
            raise _CellProblem(f"{_text(raw)} looks like an Excel date serial number ({would_be}); format the "
                               "column as dates, or import with --date-format serial to read such numbers as dates")
        raise _CellProblem(f"{_text(raw)} is not a date written YYYY-MM-DD, YYYY-MM or YYYY")
    text = arabic_indic_to_ascii(str(raw).strip())
    if _ISO_DATE.match(text):
        return text  # the checks judge it (a real day? not in the future?) with their own words
    match = _SLASHED.match(text)
    if match:
        first, second, third = match.groups()
        if len(first) == 4 and "YYYY/MM/DD" in date_formats and third:
            return f"{first}-{int(second):02d}-{int(third):02d}"
        if len(first) <= 2 and third and len(third) == 4:
            if "DD/MM/YYYY" in date_formats:
                return f"{third}-{int(second):02d}-{int(first):02d}"
            if "MM/DD/YYYY" in date_formats:
                return f"{third}-{int(first):02d}-{int(second):02d}"
            raise _CellProblem(f"{describe(str(raw).strip())} could be day-first or month-first; write it "
                               "YYYY-MM-DD, or say which with --date-format DD/MM/YYYY (or MM/DD/YYYY)")
        if len(first) <= 2 and third is None and len(second) <= 2 and False:
            pass
    if re.fullmatch(r"\d{1,2}[/.\-]\d{4}", text) and not full:
        month, year = re.split(r"[/.\-]", text)
        return f"{year}-{int(month):02d}"
    raise _CellProblem(f"{describe(str(raw).strip())} is not a date written YYYY-MM-DD, YYYY-MM or YYYY "
                       "(e.g. 2023-04-19, 2023-04 or 2023)")


# --- paths in a case --------------------------------------------------------------


def get_path(value: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        if isinstance(part, int):
            if not isinstance(value, list) or part >= len(value):
                return None
        elif not isinstance(value, dict):
            return None
        value = value[part] if isinstance(part, int) else value.get(part)
    return value


def same_value(old: Any, new: Any) -> bool:
    """Whether a cell's value says what the file says: a whole number and its digits are the
    same (a year may be written 2013 or "2013" in YAML, and a sheet gives either)."""
    if isinstance(old, int) and not isinstance(old, bool) and isinstance(new, str):
        return str(old) == new
    return old == new


def set_path(case: dict[str, Any], path: tuple[Any, ...], value: Any) -> None:
    target: Any = case
    for part, following in zip(path, path[1:]):
        if isinstance(part, int):
            while len(target) <= part:
                target.append({})
            target = target[part]
        else:
            if not isinstance(target.get(part), (dict, list)):
                target[part] = [] if isinstance(following, int) else {}
            target = target[part]
    last = path[-1]
    if isinstance(last, int):
        while len(target) <= last:
            target.append({})
    target[last] = value


def _shown(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return describe("; ".join(str(v if not isinstance(v, dict) else v.get("url", "…")) for v in value))
    return describe(value)


# --- the import -------------------------------------------------------------------


def existing_cases(data_dir: Path) -> dict[str, Path]:
    """The case files of data/cases/ by slug (lowercased, as the check compares them)."""
    cases_dir = data_dir / "cases"
    if not cases_dir.is_dir():
        return {}
    return {p.stem.lower(): p for p in cases_dir.iterdir()
            if p.suffix.lower() in CASE_SUFFIXES and not p.name.startswith(".") and p.is_file()}


def check_sheet(sheet: Sheet, data_dir: Path, today: date, *, date_formats: tuple[str, ...] = (),
                layout: Layout | None = None, references: CaseReferences | None = None) -> ImportReport:
    """Check every row; the report holds each row's merged case and changes, and every problem."""
    layout = layout or case_layout()
    label = sheet.label
    columns, header_problems = layout.parse_header(sheet.header)
    problems = [SheetProblem(label, 1, column_letter(index), message) for index, message in header_problems]
    if problems:
        return ImportReport(sheet, [], problems)
    references = references or read_case_references(data_dir, today)
    if references.problems:
        return ImportReport(sheet, [], [SheetProblem(p.file, None, None, f"line {p.line}: {p.message}"
                                                     if p.line else p.message) for p in references.problems])
    existing = existing_cases(data_dir)
    notes_by_row: dict[int, list[tuple[int, str]]] = {}
    for note in sheet.cell_notes:
        notes_by_row.setdefault(note.row, []).append((note.column, note.message))
    slug_index = next((i for i, c in enumerate(columns) if c is not None and c.kind == "slug"), None)
    results: list[RowResult] = []
    first_row_of: dict[str, int] = {}
    for row in sheet.rows:
        if slug_index is not None and slug_index < len(row.cells) and isinstance(row.cells[slug_index], str) \
                and row.cells[slug_index].lstrip().startswith("#"):
            continue  # a note row, such as the template's hints
        result = _check_row(row, columns, label, data_dir, today, date_formats, existing, references,
                            notes_by_row.get(row.number, []))
        if result.slug:
            key = result.slug.lower()
            if key in first_row_of:
                hint = " (two people may share a name: give each row its own slug, e.g. " \
                       f"{result.slug}-2)" if result.slug_made else ""
                result.problems.append(SheetProblem(label, row.number, "slug", f'"{result.slug}" is also the slug of '
                                                    f"row {first_row_of[key]}; each case needs its own{hint}", row.line))
            else:
                first_row_of[key] = row.number
        results.append(result)
    problems += [p for r in results for p in r.problems]
    return ImportReport(sheet, results, problems)


def _check_row(row: Any, columns: list[Column | None], label: str, data_dir: Path, today: date,
               date_formats: tuple[str, ...], existing: dict[str, Path], references: CaseReferences,
               cell_notes: list[tuple[int, str]]) -> RowResult:
    result = RowResult(row.number)

    def problem(column: str | None, message: str) -> None:
        found = SheetProblem(label, row.number, column, message, row.line)
        if found not in result.problems:  # a check may find one missing text twice; say it once
            result.problems.append(found)

    values: dict[Column, Any] = {}
    for index, column_note in sorted(cell_notes):
        column = columns[index] if index < len(columns) else None
        problem(column.name if column else column_letter(index), column_note)
    noted = {index for index, _ in cell_notes}
    for index, raw in enumerate(row.cells):
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        column = columns[index] if index < len(columns) else None
        if column is None:
            if index not in noted:
                problem(column_letter(index), f"{describe(_text(raw))} is in a column with no name in row 1; name "
                                              "the column, or delete the value")
            continue
        try:
            values[column] = cell_value(column, raw, date_formats)
        except _CellProblem as cell_problem:
            problem(column.name, str(cell_problem))

    # The slug: given, or made from the English name.
    slug_column = next((c for c in values if c.kind == "slug"), None)
    slug = values.pop(slug_column) if slug_column else None
    ambiguous = False
    if slug is None:
        name_en = next((v for c, v in values.items() if c.path == ("name", LANGS[0])), None)  # English: Latin letters
        if not name_en:
            problem("slug", "is empty, and there is no name_en to make it from; fill in one of them")
            return result
        slug = slugify(name_en)[:100].strip("-")
        if not slug:
            problem("slug", f"is empty, and name_en {describe(name_en)} has no Latin letters to make it from; "
                            "write a slug")
            return result
        result.slug_made = True
        # A case of that slug exists: the same sheet imported again is fine (nothing would
        # change); anything else may be another person of the same name, so it is asked.
        ambiguous = slug in existing
    elif not SLUG_RE.match(slug):
        suggestion = slugify(slug)
        hint = f" (e.g. {suggestion})" if suggestion and suggestion != slug else ""
        problem("slug", f"{describe(slug)} is not a valid slug: use lowercase Latin letters, digits and single "
                        f"hyphens{hint}")
        return result
    result.slug = slug

    # The case as it would be: the file's values, with the row's laid over them.
    file = existing.get(slug.lower())
    base: dict[str, Any] = {}
    if file is not None:
        read_problems: list[Problem] = []
        doc = read_yaml(file, f"{data_dir.name or 'data'}/cases/{file.name}", read_problems)
        if doc is None or not isinstance(doc.value, dict):
            problem("slug", f"{file.name} cannot be updated: "
                            f"{read_problems[0].message if read_problems else 'it is not a mapping of fields'}; "
                            "fix it first (make check)")
            return result
        base = doc.value
    result.file = file or data_dir / "cases" / f"{slug}.yml"
    result.is_new = file is None
    case = copy.deepcopy(base)
    for column, value in values.items():
        if column.kind == "sources":
            value = _with_inline_sources(value, base.get("sources"), problem)
        if same_value(get_path(base, column.path), value):
            continue  # as the file says it (a year written 2013 or "2013" is the same year)
        set_path(case, column.path, value)
        result.touched.add(column.path[0])
    if result.is_new and "publish" not in case:
        case["publish"] = False
    # (a new case's publish: false is not listed as a change: the file is new)
    result.case = _ordered(case)

    doc = RowDoc(label, row.number, result.case)
    said = {p.column for p in result.problems}  # a cell already reported is not reported again as empty
    for found in check_case_document(doc, slug, data_dir, references, today):
        column, message = _in_sheet_words(found)
        if column not in said:
            problem(column, message)
    position = {c.name: i for i, c in enumerate(columns) if c is not None}
    result.problems.sort(key=lambda p: position.get(p.column or "", len(position)))
    if ambiguous and any(get_path(base, c.path) != get_path(result.case, c.path) for c in values):
        problem("slug", f'is empty, and the slug made from name_en, "{slug}", is already data/cases/'
                        f"{existing[slug].name}, which says otherwise; if this row is that person, write {slug} in "
                        f"the slug column; if not, give this row another slug (e.g. {slug}-2)")
        return result
    if not result.is_new:
        for column in values:
            path = column.path
            before, after = get_path(base, path), get_path(result.case, path)
            if not same_value(before, after):
                result.changes.append(Change(column.name, before, after, private=column.kind == "private"))
    return result


def _with_inline_sources(items: list[str], existing: Any, problem: Any) -> list[Any]:
    """A sources cell's items: ids stay ids; a url names an inline source of the case file."""
    by_url = {s.get("url"): s for s in existing or [] if isinstance(s, dict)}
    out: list[Any] = []
    for item in items:
        if re.match(r"https?://", item):
            if item in by_url:
                out.append(copy.deepcopy(by_url[item]))
            else:
                problem("sources", f"{describe(item)} is not a source of this case yet: add it to data/sources.yml or data/sources/ "
                                   "and write its id here, or add it (with its title and publisher) to the case file")
        else:
            out.append(item)
    return out


def _ordered(case: dict[str, Any]) -> dict[str, Any]:
    """The case's fields in schema order (publish first, as make new-case writes them);
    fields the schema does not know stay, last, for the check to report."""
    order = ["publish", *case_layout().order]
    return {**{k: case[k] for k in order if k in case}, **{k: v for k, v in case.items() if k not in order}}


#: A text language by its English name, as the check's messages name it (sawt/data/schema.py).
_LANGUAGE_NAMED = {english_name(lang): lang for lang in LANGS}
_MISSING_LANGUAGE = re.compile(rf"^(\S+) is missing its ({'|'.join(map(re.escape, _LANGUAGE_NAMED))}) text")
_MISSING_FIELD = re.compile(r"^(?:(\S+) is missing (\w+)|(\w+) is missing); add (.*)$")


def _in_sheet_words(found: Problem) -> tuple[str | None, str]:
    """A check's problem as (column, message): the message without the field name it starts
    with, and a missing value named as the empty cell to fill in."""
    message = found.message
    if match := _MISSING_LANGUAGE.match(message):
        language = _LANGUAGE_NAMED[match.group(2)]
        return f"{match.group(1)}_{language}", f"is empty; write the {match.group(2)} text (it is required)"
    if match := _MISSING_FIELD.match(message):
        stem, key = match.group(1), match.group(2) or match.group(3)
        column = f"{stem}_{key}" if stem else key
        layout = case_layout()
        single = layout.parse_header([column])[0][0]
        if single is not None:
            choices = f" (one of {', '.join(single.choices)})" if single.kind == "enum" else ""
            return column, f"is empty; it is required{choices}"
        return f"{column}_en", (f"is empty; write the text in both languages, {column}_en and {column}_ar "
                                "(it is required)")
    field_name = found.field
    if field_name and message.startswith(field_name + " "):
        message = message[len(field_name) + 1:]
    elif field_name and message.startswith(field_name + ": "):
        message = message[len(field_name) + 2:]
    return field_name or None, message


# --- writing ----------------------------------------------------------------------


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()  # round trip: comments, order and quoting kept
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line a person wrote
    yaml.indent(mapping=2, sequence=4, offset=2)  # the case files' own layout (`  - date:`)
    return yaml


def _node(value: Any, flow: bool = False) -> Any:
    """A plain value as ruamel nodes: short bilingual texts as {en: ..., ar: ...}, long
    texts with line breaks as | blocks."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString, PlainScalarString

    if isinstance(value, dict):
        mapping = CommentedMap()
        is_text = set(value) <= set(LANGS) and all(isinstance(v, str) for v in value.values())
        short = is_text and all(len(v) <= 200 and "\n" not in v for v in value.values())
        for key, item in value.items():
            # texts in double quotes, as the case files write them by hand
            mapping[key] = DoubleQuotedScalarString(item) if is_text and "\n" not in item else _node(item)
        if short or flow:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(_node(item) for item in value)
        if value and all(isinstance(item, str) for item in value) and sum(len(i) for i in value) < 200:
            sequence.fa.set_flow_style()
        return sequence
    if isinstance(value, str):
        if "\n" in value:
            return LiteralScalarString(value)
        if _needs_quotes(value):
            return DoubleQuotedScalarString(value)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return PlainScalarString(value)  # a date as the case files write it: Sawt reads it as text
        return value
    return value


def _needs_quotes(text: str) -> bool:
    return bool(re.match(r"^\d{4}(-\d{2})?$", text))  # "2013" and "2023-04": text, never a number


def _assign(node: Any, old: Any, new: Any) -> Any:
    """`node` (ruamel, plain value `old`) changed to `new` in place where it can be, so the
    comments and styles of what did not change stay."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and isinstance(old, dict) and isinstance(new, dict):
        for key, value in new.items():
            if key not in node:
                node[key] = _node(value)
            elif old.get(key) != value:
                node[key] = _assign(node[key], old.get(key), value)
        return node
    if isinstance(node, CommentedSeq) and isinstance(old, list) and isinstance(new, list):
        for index, value in enumerate(new):
            if index >= len(node):
                node.append(_node(value))
            elif index >= len(old) or old[index] != value:
                node[index] = _assign(node[index], old[index] if index < len(old) else None, value)
        del node[len(new):]
        return node
    return _node(new)


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def write_rows(report: ImportReport, data_dir: Path, *, source_label: str) -> list[RowResult]:
    """Write the good rows' new and changed cases; returns the rows written."""
    import io

    yaml = _yaml()
    written = []
    for result in report.rows:
        if result.problems or result.case is None or result.file is None:
            continue
        if result.is_new:
            from ruamel.yaml.comments import CommentedMap

            mapping = CommentedMap((key, _node(value)) for key, value in result.case.items())
            mapping.yaml_set_start_comment(f"Imported from {source_label}, row {result.number}. Unpublished until "
                                           "publish: true.")
            buffer = io.StringIO()
            yaml.dump(mapping, buffer)
            _write_atomically(result.file, buffer.getvalue())
            written.append(result)
        elif result.changes:
            text = result.file.read_text(encoding="utf-8")
            document = yaml.load(text)
            problems: list[Problem] = []
            plain = read_yaml(result.file, result.file.name, problems)
            old = plain.value if plain is not None else {}
            for key in sorted(result.touched):
                if old.get(key) != result.case.get(key):
                    if key in document:
                        document[key] = _assign(document[key], old.get(key), result.case[key])
                    else:
                        document[key] = _node(result.case[key])
            buffer = io.StringIO()
            yaml.dump(document, buffer)
            _write_atomically(result.file, buffer.getvalue())
            written.append(result)
    report.written = written
    return written


# --- the command ------------------------------------------------------------------


def run_import(path: Path, data_dir: Path, today: date, *, write_valid: bool = False, dry_run: bool = False,
               date_formats: tuple[str, ...] = (), encoding: str | None = None, sheet_name: str | None = None,
               label: str | None = None, out: Any = print) -> int:
    """`python -m sawt import`: 0 when every row is good (and written), 1 when a row has a
    problem (the good ones written only with `write_valid`), 2 when the file cannot be read."""
    from sawt.sheets.read import SheetError, read_sheet
    from sawt.volunteer import annotations

    label = label or path.name
    on_github = annotations.running_on_github()
    try:
        sheet = read_sheet(path, label, encoding=encoding, sheet_name=sheet_name)
    except SheetError as error:
        out(str(error))
        if on_github:
            out(annotations.workflow_command("error", str(error), file=path.as_posix(), title="sawt import"))
        return 2
    for note in sheet.notes:
        out(note)
    report = check_sheet(sheet, data_dir, today, date_formats=date_formats)
    for found in report.problems:
        out(str(found))
    if on_github:
        for found in report.problems:
            where = str(found).split(": ", 1)[0].split(":", 1)[-1]
            out(annotations.workflow_command("error", f"{where}: {found.message}", file=path.as_posix(),
                                             line=found.line, title=f"sawt import: {found.column or 'sheet'}"))
    good = [r for r in report.rows if not r.problems]
    for result in good:
        if result.slug_made:
            out(f"{label}:row {result.number}: slug made from name_en: {result.slug}")
    shown_dir = data_dir.name or "data"  # as make check names the files: data/cases/x.yml
    new = [r for r in good if r.is_new]
    changed = [r for r in good if not r.is_new and r.changes]
    unchanged = [r for r in good if not r.is_new and not r.changes]
    if report.problems:
        bad = report.bad_rows
        n = len(report.problems)
        summary = f"{label}: {n} problem{'s' if n != 1 else ''}"
        if report.rows:
            summary += f" in {len(bad)} of {len(report.rows)} row{'s' if len(report.rows) != 1 else ''}"
        if not write_valid or dry_run or not report.rows:
            tail = "; nothing was written" + (
                f" (fix them and import again, or write the {len(good)} good rows with --write-valid)"
                if good and not dry_run else "")
            out(summary + tail)
            return 1
        out(summary + f"; those rows were not written: {', '.join(str(r.number) for r in bad)}")
    if not dry_run:
        write_rows(report, data_dir, source_label=label)
    verb = "would write" if dry_run else "wrote"
    for result in new:
        publish = result.case.get("publish") if result.case else None
        out(f"new     {shown_dir}/cases/{result.file.name} (row {result.number}"
            f"{', publish: false' if publish is False else ''})")
    for result in changed:
        out(f"changed {shown_dir}/cases/{result.file.name} (row {result.number}): "
            + ", ".join(str(c) for c in result.changes))
    headline = (f"{label}: {len(good)} good row{'s' if len(good) != 1 else ''}: {len(new)} new, "
                f"{len(changed)} changed, {len(unchanged)} unchanged")
    if new or changed:
        headline += f"; {verb} {len(new) + len(changed)} file{'s' if len(new) + len(changed) != 1 else ''}"
        if not dry_run:
            headline += "; review them with make check and git diff, then commit"
    out(headline)
    return 1 if report.problems else 0
