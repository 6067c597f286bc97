"""Read a .csv, .xlsx or .ods file into a header and rows of plain cell values.

A spreadsheet is treated as hostile input: it may come from anyone, be a zip bomb, hold a
million rows or a formula where a name should be. Whatever cannot be read is refused with
one `SheetError` line that names the file and the way out; what can be read comes back as
plain values, with every cell the importer must not guess about (a merged cell, a formula
whose value was never computed) listed as a `CellNote` at its row and column.

Cell values are str, int, float, bool, or datetime.date/datetime for cells a spreadsheet
typed as dates: the importer decides, column by column, what each may mean.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from sawt.data.textdirection import ARABIC_LETTER

#: Largest sheet file accepted, in bytes. A 10,000-case .xlsx of the template's layout is
#: about 3 MB and its CSV about 9 MB (bench/import_bench.py); SNHR's 112,000 people would
#: be some 100 MB of CSV.
MAX_FILE_BYTES = 200_000_000
#: Most bytes the parts of an .xlsx or .ods may unpack to (the sum of the sizes its zip
#: directory declares, which is also the most Python's zipfile will ever inflate): a
#: 10,000-case .xlsx unpacks to about 40 MB, so this leaves room for ten times that, and
#: refuses a zip bomb (a few KB that inflate to gigabytes) before anything is inflated.
MAX_UNPACKED_BYTES = 500_000_000
#: Most rows with something in them: SNHR's database, the largest we know, holds 112,000
#: people; a sheet with more is split into several imports.
MAX_ROWS = 200_000
#: Most columns: the template has about 40, plus 9 per event group.
MAX_COLUMNS = 1_000

SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".ods")
#: The sheet read from a workbook with several: this one if it exists, else the first visible one.
CASES_SHEET = "cases"

_ARABIC_INDIC = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


class SheetError(Exception):
    """The file cannot be read at all; the text is one line that says why and what to do."""


@dataclass(frozen=True)
class CellNote:
    """A cell the importer must not read as it is (merged, or an uncomputed formula)."""

    row: int
    column: int  # 0-based index into the header
    message: str


@dataclass
class Row:
    number: int  # as the spreadsheet shows it: the header is row 1
    cells: list[Any]
    line: int | None = None  # a CSV's physical line (a cell may span lines), for annotations


@dataclass
class Sheet:
    label: str  # the file as named in messages: cases.xlsx
    header: list[str]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)  # said once at the top of the report
    cell_notes: list[CellNote] = field(default_factory=list)
    is_csv: bool = False


def arabic_indic_to_ascii(text: str) -> str:
    """١٩/٠٤/٢٠٢٣ -> 19/04/2023 (Arabic-Indic and Persian digits)."""
    return text.translate(_ARABIC_INDIC)


def read_sheet(path: Path, label: str, *, encoding: str | None = None, sheet_name: str | None = None) -> Sheet:
    """Read the file at `path`; raise SheetError (one line) if it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SheetError(f"{label}: a {suffix or 'file without an extension'} cannot be imported; "
                         "save the sheet as .xlsx, .ods or .csv")
    try:
        size = path.stat().st_size
    except OSError as error:
        raise SheetError(f"{label}: cannot be read: {error.strerror}") from None
    if not path.is_file():
        raise SheetError(f"{label}: is not a file")
    if size > MAX_FILE_BYTES:
        raise SheetError(f"{label}: the file is {size / 1e6:,.0f} MB, more than the {MAX_FILE_BYTES / 1e6:,.0f} MB "
                         "an import takes; split it into several files")
    if suffix in (".csv", ".tsv", ".txt"):
        sheet = _read_csv(path.read_bytes(), label, encoding)
    else:
        _check_zip(path, label)
        sheet = _read_xlsx(path, label, sheet_name) if suffix == ".xlsx" else _read_ods(path, label, sheet_name)
    if not any(name.strip() for name in sheet.header):
        raise SheetError(f"{label}: the first row is empty; it must name the columns (make import-template "
                         "writes a sheet with them)")
    return sheet


# --- rows, whatever the format ---------------------------------------------------


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _collect(label: str, rows: Iterator[tuple[int, list[Any], int | None]]) -> tuple[list[str], list[Row]]:
    """The header (row 1) and the rows with something in them (whitespace is nothing), capped."""
    header: list[str] | None = None
    kept: list[Row] = []
    for number, cells, line in rows:
        if header is None:
            while cells and _is_blank(cells[-1]):
                cells.pop()
            if len(cells) > MAX_COLUMNS:
                raise SheetError(f"{label}: the first row names {len(cells):,} columns, more than the "
                                 f"{MAX_COLUMNS:,} an import takes")
            header = ["" if c is None else str(c).strip() for c in cells]
            continue
        if all(_is_blank(c) for c in cells):
            continue
        if len(kept) >= MAX_ROWS:
            raise SheetError(f"{label}: more than {MAX_ROWS:,} rows; split the sheet into several files")
        kept.append(Row(number, cells, line))
    return header or [], kept


# --- CSV ----------------------------------------------------------------------


def _decode(data: bytes, label: str, encoding: str | None) -> tuple[str, str]:
    """The text and the name of the encoding it was read in."""
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise SheetError(f'{label}: "{encoding}" is not an encoding Python knows; try utf-8, utf-16, '
                             "windows-1256 or windows-1252") from None
        except UnicodeDecodeError as error:
            line = data[:error.start].count(b"\n") + 1
            raise SheetError(f"{label}: cannot be read as {encoding} (byte 0x{data[error.start]:02x} on line "
                             f"{line}); check the encoding the file was saved in") from None
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16 with a BOM
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise SheetError(f"{label}: starts like UTF-16 text but cannot be read as it; save it as "
                             '"CSV UTF-8" and import that') from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        bad_line = data[:error.start].count(b"\n") + 1
        bad_byte = data[error.start]
    # Not UTF-8. Arabic Excel on Windows saves "CSV" in windows-1256: take it as that only
    # if it then reads as Arabic (every byte decodes in windows-1256, so any file would).
    text = data.decode("cp1256", errors="replace")
    non_ascii = [ch for ch in text if ord(ch) > 127]
    arabic = sum(1 for ch in non_ascii if ARABIC_LETTER.match(ch) or ch in "،؛؟ـ")
    if non_ascii and arabic / len(non_ascii) >= 0.9 and "\ufffd" not in text:
        return text, "windows-1256"
    raise SheetError(f"{label}: is not UTF-8 text (byte 0x{bad_byte:02x} on line {bad_line}) and does not read as "
                     "Arabic windows-1256 either; save it from Excel as \"CSV UTF-8\", or name its encoding with "
                     "--encoding (e.g. --encoding windows-1252 for Western European Excel)")


def _read_csv(data: bytes, label: str, encoding: str | None) -> Sheet:
    text, used = _decode(data, label, encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    first_line = text.split("\n", 1)[0]
    # The separator is the one the header uses most: Excel writes ";" where "," is the
    # decimal comma, and tabs in "Unicode text".
    delimiter = max(("\t", ",", ";"), key=first_line.count) if first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    csv.field_size_limit(1_000_000)  # a text may be 40,000 characters of Arabic; never unbounded

    def rows() -> Iterator[tuple[int, list[Any], int | None]]:
        number = 0
        while True:
            line = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise SheetError(f"{label}: line {reader.line_num}: the CSV cannot be read ({error}); check its "
                                 "quotes") from None
            number += 1
            if len(cells) > MAX_COLUMNS:
                raise SheetError(f"{label}: row {number} has {len(cells):,} cells, more than the {MAX_COLUMNS:,} "
                                 "an import takes")
            yield number, [_csv_value(cell) for cell in cells], line

    header, kept = _collect(label, rows())
    notes = [] if used == "UTF-8" else [f"{label}: read as {used} text"]
    return Sheet(label, header, kept, notes=notes, is_csv=True)


_PROTECTED = re.compile(r"^'(?=[=+\-@\t\r])")


def _csv_value(cell: str) -> str | None:
    """A CSV cell as text. A quote before = + - @ is the guard Sawt's own CSV exports put there
    (so that Excel does not run the cell as a formula), and is taken off."""
    if not cell.strip():
        return None
    return _PROTECTED.sub("", cell)


# --- zip-based formats --------------------------------------------------------


def _check_zip(path: Path, label: str) -> None:
    kind = "an .xlsx" if path.suffix.lower() == ".xlsx" else "an .ods"
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SheetError(f"{label}: is not {kind} file (it is not a zip archive, or it is damaged); open it in "
                         "Excel or LibreOffice and save it again") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise SheetError(f"{label}: unpacks to {unpacked / 1e6:,.0f} MB, more than the {MAX_UNPACKED_BYTES / 1e6:,.0f} MB "
                         "an import takes (a file this small that unpacks this big is a zip bomb); split the sheet "
                         "or export it as CSV")


def _pick(names: list[tuple[str, bool]], label: str, wanted: str | None) -> tuple[str, list[str]]:
    """The sheet to read, from (name, visible) pairs, and notes about the ones left out."""
    visible = [name for name, shown in names if shown]
    hidden = [name for name, shown in names if not shown]
    if wanted is not None:
        if wanted in hidden:
            raise SheetError(f'{label}: the sheet "{wanted}" is hidden; show it (or copy its rows to a visible '
                             "sheet) so you can see what you import")
        if wanted not in visible:
            raise SheetError(f'{label}: has no sheet "{wanted}"; its sheets are: {", ".join(visible)}')
        chosen = wanted
    else:
        lowered = {name.strip().lower(): name for name in visible}
        if CASES_SHEET in lowered:
            chosen = lowered[CASES_SHEET]
        elif visible:
            chosen = visible[0]
        else:
            raise SheetError(f"{label}: every sheet in it is hidden; show the one to import")
    notes = [f'{label}: the hidden sheet "{name}" is not read' for name in hidden]
    others = [name for name in visible if name != chosen]
    if others:
        notes.append(f'{label}: read the sheet "{chosen}"; not read: {", ".join(others)} '
                     "(choose another with --sheet NAME)")
    return chosen, notes


def _plain_number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


# --- xlsx ---------------------------------------------------------------------

_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELL_REF = re.compile(r"^([A-Z]{1,3})([0-9]+)$")


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + (ord(letter) - 64)
    return index - 1


def _read_xlsx(path: Path, label: str, sheet_name: str | None) -> Sheet:
    import openpyxl

    try:
        # read_only streams the rows (normal mode keeps every cell as an object: ~50 times
        # the file's size in memory); data_only gives a formula's computed value, never its text.
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises anything from KeyError to lxml's XMLSyntaxError: never a traceback
        raise SheetError(f"{label}: cannot be read as an .xlsx workbook ({type(error).__name__}); open it in Excel "
                         "or LibreOffice and save it again") from None
    try:
        chosen, notes = _pick([(ws.title, ws.sheet_state == "visible") for ws in workbook.worksheets],
                              label, sheet_name)
        worksheet = workbook[chosen]
        cell_notes = _audit_xlsx(workbook, worksheet, label)
        worksheet.reset_dimensions()  # a file's declared size may lie; read what is there

        def rows() -> Iterator[tuple[int, list[Any], int | None]]:
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
                cells = [_plain_number(v) for v in values[:MAX_COLUMNS + 1]]
                yield number, cells, None

        header, kept = _collect(label, rows())
    except SheetError:
        raise
    except Exception as error:  # a damaged part deep inside the workbook: never a traceback
        raise SheetError(f"{label}: cannot be read as an .xlsx workbook ({type(error).__name__}: {error}); open it "
                         "in Excel or LibreOffice and save it again") from None
    finally:
        workbook.close()
    return Sheet(label, header, kept, notes=notes, cell_notes=cell_notes)


def _audit_xlsx(workbook: Any, worksheet: Any, label: str) -> list[CellNote]:
    """Merged cells and formulas without a computed value, from the sheet's XML (streamed,
    through defusedxml: no DTD, no entity expansion)."""
    from defusedxml.ElementTree import iterparse

    notes: list[CellNote] = []
    source = workbook._archive.open(worksheet._worksheet_path)  # openpyxl pinned: its read-only sheet's part
    try:
        for _, element in iterparse(source, events=("end",)):
            tag = element.tag
            if tag == f"{_MAIN_NS}c":
                formula = element.find(f"{_MAIN_NS}f")
                value = element.find(f"{_MAIN_NS}v")
                if formula is not None and (value is None or not (value.text or "").strip()):
                    ref = _CELL_REF.match(element.get("r", ""))
                    if ref:
                        notes.append(CellNote(int(ref.group(2)), _column_index(ref.group(1)),
                                              f"holds a formula (={formula.text or ''}) whose value was never "
                                              "computed; open the file in Excel or LibreOffice and save it, or "
                                              "type the value"))
                element.clear()
            elif tag == f"{_MAIN_NS}row":
                element.clear()
            elif tag == f"{_MAIN_NS}mergeCell":
                notes.extend(_merged_notes(element.get("ref", "")))
    finally:
        source.close()
    return notes


def _merged_notes(ref: str) -> list[CellNote]:
    """One note per cell a merge covers (not its first, which holds the value)."""
    corners = [_CELL_REF.match(part) for part in ref.split(":")]
    if len(corners) != 2 or not all(corners):
        return []
    first_col, first_row = _column_index(corners[0].group(1)), int(corners[0].group(2))
    last_col, last_row = _column_index(corners[1].group(1)), int(corners[1].group(2))
    if (last_row - first_row + 1) * (last_col - first_col + 1) > 10_000:
        last_row = first_row + 10_000 // max(1, last_col - first_col + 1)  # reported by its first cells
    message = (f"is part of the merged cells {ref}, which give their value to the first cell only; unmerge "
               "them and fill in each row")
    return [CellNote(row, col, message)
            for row in range(first_row, last_row + 1) for col in range(first_col, last_col + 1)
            if (row, col) != (first_row, first_col) and row > 1]


# --- ods ----------------------------------------------------------------------


def _read_ods(path: Path, label: str, sheet_name: str | None) -> Sheet:
    from odf import opendocument
    from odf.namespaces import OFFICENS, STYLENS, TABLENS, TEXTNS

    try:
        document = opendocument.load(str(path))  # odfpy parses with defusedxml
    except Exception as error:  # odfpy raises many kinds on a damaged file: never a traceback
        raise SheetError(f"{label}: cannot be read as an .ods spreadsheet ({type(error).__name__}); open it in "
                         "LibreOffice and save it again") from None

    hidden_styles = set()
    for style in document.automaticstyles.childNodes:
        if getattr(style, "qname", None) == (STYLENS, "style"):
            for props in style.childNodes:
                if getattr(props, "qname", None) == (STYLENS, "table-properties") and \
                        props.attributes.get((TABLENS, "display")) == "false":
                    hidden_styles.add(style.attributes.get((STYLENS, "name")))
    tables = [node for node in document.spreadsheet.childNodes if getattr(node, "qname", None) == (TABLENS, "table")]
    names = [(t.attributes.get((TABLENS, "name"), f"Sheet{i + 1}"),
              t.attributes.get((TABLENS, "style-name")) not in hidden_styles) for i, t in enumerate(tables)]
    chosen, notes = _pick(names, label, sheet_name)
    table = tables[[name for name, _ in names].index(chosen)]
    cell_notes: list[CellNote] = []

    def text_of(node: Any) -> str:
        parts: list[str] = []
        for child in node.childNodes:
            if child.nodeType == child.TEXT_NODE:
                parts.append(child.data)
            elif child.qname == (TEXTNS, "s"):
                parts.append(" " * int(child.attributes.get((TEXTNS, "c"), "1")))
            elif child.qname == (TEXTNS, "tab"):
                parts.append("\t")
            elif child.qname == (TEXTNS, "line-break"):
                parts.append("\n")
            else:
                parts.append(text_of(child))
        return "".join(parts)

    def value_of(cell: Any, number: int, column: int) -> Any:
        attributes = cell.attributes
        kind = attributes.get((OFFICENS, "value-type"))
        formula = attributes.get((TABLENS, "formula"))
        if formula is not None and kind is None:
            cell_notes.append(CellNote(number, column, f"holds a formula ({formula}) whose value was never "
                                                       "computed; open the file in LibreOffice and save it, or type the value"))
            return None
        if kind in ("float", "percentage", "currency"):
            try:
                return _plain_number(float(attributes.get((OFFICENS, "value"))))
            except (TypeError, ValueError):
                pass
        if kind == "date":
            raw = attributes.get((OFFICENS, "date-value"), "")
            try:
                return datetime.fromisoformat(raw) if "T" in raw else date.fromisoformat(raw)
            except ValueError:
                pass
        if kind == "boolean":
            return attributes.get((OFFICENS, "boolean-value")) == "true"
        paragraphs = [text_of(p) for p in cell.childNodes if getattr(p, "qname", None) == (TEXTNS, "p")]
        return "\n".join(paragraphs) if paragraphs else None

    def rows() -> Iterator[tuple[int, list[Any], int | None]]:
        number = 0
        for row in table.getElementsByType(_row_class()):
            repeat = int(row.attributes.get((TABLENS, "number-rows-repeated"), "1") or 1)
            cells: list[Any] = []
            for cell in row.childNodes:
                qname = getattr(cell, "qname", None)
                if qname not in ((TABLENS, "table-cell"), (TABLENS, "covered-table-cell")):
                    continue
                times = int(cell.attributes.get((TABLENS, "number-columns-repeated"), "1") or 1)
                if qname == (TABLENS, "covered-table-cell"):
                    for _ in range(min(times, MAX_COLUMNS + 1 - len(cells))):
                        if number + 1 > 1:
                            cell_notes.append(CellNote(number + 1, len(cells),
                                                       "is covered by merged cells, which give their value to the "
                                                       "first cell only; unmerge them and fill in each row"))
                        cells.append(None)
                    continue
                value = value_of(cell, number + 1, len(cells))
                # A repeated empty cell runs to the sheet's edge (16,384 columns): never expand it.
                times = min(times, MAX_COLUMNS + 1 - len(cells)) if value is not None else \
                    min(times, max(0, MAX_COLUMNS + 1 - len(cells)), 1 if times > 50 else times)
                cells.extend([value] * times)
            if all(_is_blank(c) for c in cells):
                number += repeat  # a repeated empty row (often 1,048,576 of them): counted, never expanded
                continue
            for _ in range(min(repeat, MAX_ROWS + 2)):
                number += 1
                yield number, list(cells), None

    header, kept = _collect(label, rows())
    return Sheet(label, header, kept, notes=notes, cell_notes=cell_notes)


def _row_class() -> Any:
    from odf.table import TableRow

    return TableRow
