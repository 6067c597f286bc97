"""`python -m sawt export-sheet`: every case file as one row, in the import's layout.

Exporting and importing the result again changes nothing (tests/unit/test_sheets_roundtrip.py):
each value is written as the text the importer reads back, dates as text (so a spreadsheet
never turns "2023-04" into a day), lists joined with "; ", an inline source as its url.
Every case is exported, unpublished and embargoed ones too (this is the editors' copy, not
open data); `private_` columns only with `include_private`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, Iterable

from sawt.data.errors import Problem
from sawt.data.yamldoc import read_yaml
from sawt.sheets.columns import LIST_SEPARATOR, Column, case_layout
from sawt.sheets.importer import existing_cases, get_path
from sawt.sheets.template import template_columns, xlsx_workbook

#: Cells a spreadsheet would run as a formula if a CSV gave them as they are; Sawt's CSV
#: guards them with a leading quote, which the importer takes off again.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_text(column: Column, value: Any) -> Any:
    """A case value as the cell the importer reads back as that value (None: empty)."""
    if value is None:
        return None
    if isinstance(value, list):
        return LIST_SEPARATOR.join(item.get("url", "") if isinstance(item, dict) else str(item) for item in value)
    if isinstance(value, bool):
        return value
    if column.kind == "date" or isinstance(value, (int, float)):
        return str(value)
    return value if isinstance(value, str) else str(value)


def export_rows(data_dir: Path, *, include_private: bool) -> tuple[list[Column], list[list[Any]], list[Problem]]:
    layout = case_layout()
    problems: list[Problem] = []
    cases: list[tuple[str, dict[str, Any]]] = []
    prefix = data_dir.name or "data"
    for slug, path in sorted(existing_cases(data_dir).items()):
        doc = read_yaml(path, f"{prefix}/cases/{path.name}", problems)
        if doc is not None and isinstance(doc.value, dict):
            cases.append((path.stem, doc.value))
    groups = {field: max((len(case.get(field) or []) for _, case in cases), default=0) for field in layout.groups}
    private_keys: list[str] = []
    if include_private:
        for _, case in cases:
            for key in case.get("private") or {}:
                if key not in private_keys:
                    private_keys.append(key)
    columns = layout.columns(groups, tuple(private_keys))
    rows = []
    for slug, case in cases:
        rows.append([slug if column.kind == "slug" else cell_text(column, get_path(case, column.path))
                     for column in columns])
    return columns, rows, problems


def write_template(path: Path) -> Path:
    """The empty sheet a documentation officer fills in (make import-template)."""
    write_sheet(path, template_columns(), [], template=True)
    return path


def write_sheet(path: Path, columns: list[Column], rows: Iterable[list[Any]], *, template: bool = False) -> None:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([c.name for c in columns])
        for row in rows:
            writer.writerow(["" if v is None else ("true" if v is True else "false" if v is False else
                             ("'" + v if isinstance(v, str) and v.startswith(_FORMULA_STARTS) else v)) for v in row])
        path.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8", newline="")
    elif suffix == ".ods":
        _write_ods(path, columns, rows)
    else:
        xlsx_workbook(columns, rows, template=template).save(path)


def _write_ods(path: Path, columns: list[Column], rows: Iterable[list[Any]]) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="cases")

    def add_row(values: list[Any]) -> None:
        row = TableRow()
        for value in values:
            if value is None:
                row.addElement(TableCell())
            elif isinstance(value, bool):
                cell = TableCell(valuetype="boolean", booleanvalue="true" if value else "false")
                cell.addElement(P(text="TRUE" if value else "FALSE"))
                row.addElement(cell)
            else:
                cell = TableCell(valuetype="string")
                for paragraph in str(value).split("\n"):
                    cell.addElement(P(text=paragraph))
                row.addElement(cell)
        table.addElement(row)

    add_row([c.name for c in columns])
    for values in rows:
        add_row(values)
    document.spreadsheet.addElement(table)
    document.save(str(path))


def run_export(data_dir: Path, out: Path, *, include_private: bool) -> int:
    if out.suffix.lower() not in (".xlsx", ".ods", ".csv"):
        print(f"{out.as_posix()}: name the file .xlsx, .ods or .csv")
        return 2
    columns, rows, problems = export_rows(data_dir, include_private=include_private)
    for problem in problems:
        print(problem)
    write_sheet(out, columns, rows)
    private = " with the private_ columns: keep this file private" if include_private else \
        " (no private_ columns; --include-private adds them)"
    print(f"wrote {len(rows)} case{'s' if len(rows) != 1 else ''} to {out.as_posix()}{private}")
    return 1 if problems else 0
