"""python -m sawt import: what a documentation officer sees for a sheet of fictional cases.

Every sheet here is made by the test (openpyxl, odfpy, csv) and every person in it is
fictional ("Test Person ...", "شخص تجريبي ...").
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from sawt.__main__ import main
from sawt.sheets import read as read_module
from sawt.sheets.read import SheetError, read_sheet

from .test_load_fixtures import MINIMAL_CASE, TODAY, write_archive

HEADER = ["slug", "name_en", "name_ar", "status", "summary_en", "summary_ar", "last_verified",
          "event1_date", "event1_type", "event1_text_en", "event1_text_ar", "sources", "private_note"]


def good_row(number: int, **overrides: object) -> list[object]:
    values: dict[str, object] = {
        "slug": f"test-person-{number:03d}", "name_en": f"Test Person {number:03d}",
        "name_ar": f"شخص تجريبي {number}", "status": "detained", "summary_en": "A fictional case.",
        "summary_ar": "حالة خيالية.", "last_verified": "2024-06-01", "event1_date": "2023-04-19",
        "event1_type": "arrested", "event1_text_en": "Arrested (fictional).", "event1_text_ar": "اعتُقل (خيالي).",
        "sources": "report-one", "private_note": None,
    }
    values.update(overrides)
    return [values[name] for name in HEADER]


def write_xlsx(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "cases"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: list[list[object]], *, encoding: str = "utf-8", delimiter: str = ",",
              header: list[str] = HEADER) -> Path:
    lines = [delimiter.join(header)] + [delimiter.join("" if v is None else str(v) for v in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write_archive(tmp_path, {"kept-person": "# A note written by hand, to keep.\n" + MINIMAL_CASE
                                    + "ask: {en: \"Release him.\", ar: \"أطلقوا سراحه.\"}\n"})


def run(sheet: Path, data: Path, *extra: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["import", str(sheet), "--data", str(data), "--today", TODAY.isoformat(), *extra])
    return code, capsys.readouterr().out.splitlines()


def case_files(data: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((data / "cases").iterdir())}


# --- every planted problem, at once --------------------------------------------------------


def test_every_planted_problem_is_one_line_with_its_row_and_column_and_nothing_is_written(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [good_row(n) for n in range(1, 41)]
    rows[12] = good_row(13, status="detaind")                        # row 14: a misspelt status
    rows[3] = good_row(4, last_verified="19/04/2023")                # row 5: ambiguous day/month
    rows[4] = good_row(5, event1_date=45035)                         # row 6: an Excel serial number
    rows[5] = good_row(6, event1_date="2031-01-01")                  # row 7: in the future
    rows[6] = good_row(7, last_verified="2023-02-30")                # row 8: no such day
    rows[7] = good_row(8, name_en="Test شخص")                        # row 9: Arabic in an English text
    rows[8] = good_row(9, summary_ar=None)                           # row 10: a required text missing
    rows[9] = good_row(10, sources="report-onee")                    # row 11: unknown source id
    rows[10] = good_row(2)                                           # row 12: same slug as row 3
    rows[11] = good_row(12, slug="Test Person 12")                   # row 13: not a slug
    rows[13] = good_row(14, name_en="T" * 201)                       # row 15: too long
    rows[14] = good_row(15, slug=None, name_en="Kept Person", status="released")  # row 16: collides with a file
    rows[15] = good_row(16, event1_type="arested")                   # row 17: a misspelt event type
    sheet = write_xlsx(tmp_path / "cases.xlsx", rows)
    before = case_files(data)

    code, lines = run(sheet, data, capsys=capsys)

    assert code == 1
    expected = [
        'cases.xlsx:row 5, column last_verified: "19/04/2023" could be day-first or month-first; write it '
        "YYYY-MM-DD, or say which with --date-format DD/MM/YYYY (or MM/DD/YYYY)",
        "cases.xlsx:row 6, column event1_date: 45035 looks like an Excel date serial number (2023-04-19); format "
        "the column as dates, or import with --date-format serial to read such numbers as dates",
        "cases.xlsx:row 7, column event1_date: 2031-01-01 is in the future (today is 2025-01-15); check the year",
        'cases.xlsx:row 8, column last_verified: "2023-02-30" is not a real date: February 2023 has 28 days',
        'cases.xlsx:row 9, column name_en: has Arabic letters ("شخص"); the en: text is shown on English pages: '
        "write it in Latin letters, and the Arabic under ar:",
        "cases.xlsx:row 10, column summary_ar: is empty; write the Arabic text (it is required)",
        'cases.xlsx:row 11, column sources: "report-onee" is not an id in data/sources.yml or data/sources/ (did you mean "report-one"?)',
        'cases.xlsx:row 12, column slug: "test-person-002" is also the slug of row 3; each case needs its own',
        'cases.xlsx:row 13, column slug: "Test Person 12" is not a valid slug: use lowercase Latin letters, digits '
        "and single hyphens (e.g. test-person-12)",
        'cases.xlsx:row 14, column status: "detaind" is not one of at-risk, detained, disappeared, deported, '
        'released, died-in-custody (did you mean "detained"?)',
        "cases.xlsx:row 15, column name_en: is 201 characters long, more than the 200 allowed; shorten it",
        'cases.xlsx:row 16, column slug: is empty, and the slug made from name_en, "kept-person", is already '
        "data/cases/kept-person.yml, which says otherwise; if this row is that person, write kept-person in the "
        "slug column; if not, give this row another slug (e.g. kept-person-2)",
        'cases.xlsx:row 17, column event1_type: "arested" is not one of arrested, detained, transferred, '
        "interrogated, charged, tried, sentenced, deportation-order, deported, disappeared, released, died, "
        'killed, body-returned, defected, fled, other (did you mean "arrested"?)',
    ]
    problems = [line for line in lines if line.startswith("cases.xlsx:row")]
    assert problems == expected
    assert lines[-1] == ("cases.xlsx: 13 problems in 13 of 40 rows; nothing was written (fix them and import "
                         "again, or write the 27 good rows with --write-valid)")
    assert case_files(data) == before


def test_write_valid_writes_the_good_rows_lists_the_rest_and_still_fails(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = write_xlsx(tmp_path / "cases.xlsx", [good_row(1), good_row(2, status="detaind"), good_row(3)])
    code, lines = run(sheet, data, "--write-valid", capsys=capsys)
    assert code == 1
    assert "cases.xlsx: 1 problem in 1 of 3 rows; those rows were not written: 3" in lines
    assert sorted(case_files(data)) == ["kept-person.yml", "test-person-001.yml", "test-person-003.yml"]


def test_a_misspelt_header_is_named_by_its_cell_and_no_row_is_checked(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = [("stauts" if h == "status" else h) for h in HEADER]
    sheet = write_xlsx(tmp_path / "cases.xlsx", [good_row(1)], header)
    code, lines = run(sheet, data, capsys=capsys)
    assert code == 1
    assert lines[0] == 'cases.xlsx:row 1, column D: "stauts" is not a column Sawt knows (did you mean "status"?)'
    assert len(lines) == 2


def test_under_github_actions_each_problem_is_also_an_annotation(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    sheet = write_csv(tmp_path / "cases.csv", [good_row(1, status="detaind")])
    code, lines = run(sheet, data, capsys=capsys)
    assert code == 1
    annotation = next(line for line in lines if line.startswith("::error"))
    assert "title=sawt import%3A status" in annotation and "line=2" in annotation
    assert annotation.endswith('::row 2, column status: "detaind" is not one of at-risk, detained, disappeared, '
                               'deported, released, died-in-custody (did you mean "detained"?)')


# --- writing and importing again -----------------------------------------------------------


def test_new_cases_are_unpublished_private_columns_land_under_private_and_a_made_slug_is_shown(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = write_csv(tmp_path / "cases.csv", [good_row(1, slug=None, private_note="consent recorded (fictional)")])
    code, lines = run(sheet, data, capsys=capsys)
    assert code == 0
    assert "cases.csv:row 2: slug made from name_en: test-person-001" in lines
    assert lines[-1].startswith("cases.csv: 1 good row: 1 new, 0 changed, 0 unchanged; wrote 1 file")
    written = (data / "cases" / "test-person-001.yml").read_text(encoding="utf-8")
    assert "publish: false" in written
    assert "private:\n  note: consent recorded (fictional)" in written
    assert main(["check", "--data", str(data), "--today", TODAY.isoformat()]) == 0


def test_importing_the_same_sheet_again_changes_nothing(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = write_xlsx(tmp_path / "cases.xlsx", [good_row(n) for n in range(1, 6)])
    assert run(sheet, data, capsys=capsys)[0] == 0
    before = case_files(data)
    code, lines = run(sheet, data, capsys=capsys)
    assert code == 0
    assert lines[-1] == "cases.xlsx: 5 good rows: 0 new, 0 changed, 5 unchanged"
    assert case_files(data) == before


def test_an_update_changes_only_the_sheets_columns_and_keeps_a_hand_written_comment(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = ["slug", "status", "last_verified"]
    sheet = write_csv(tmp_path / "update.csv", [["kept-person", "released", "2024-12-01"]], header=header)
    code, lines = run(sheet, data, capsys=capsys)
    assert code == 0
    assert lines[0] == ('changed data/cases/kept-person.yml (row 2): status "detained" → "released", '
                        'last_verified (none) → "2024-12-01"')
    text = (data / "cases" / "kept-person.yml").read_text(encoding="utf-8")
    assert text.startswith("# A note written by hand, to keep.\n")
    assert 'ask: {en: "Release him.", ar: "أطلقوا سراحه."}' in text  # a field the sheet lacks, as it was
    assert "status: released" in text


def test_an_empty_cell_never_deletes(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = ["slug", "name_en", "name_ar", "status", "summary_en", "summary_ar"]
    sheet = write_csv(tmp_path / "update.csv", [["kept-person", "", "", "", "", ""]], header=header)
    before = case_files(data)
    code, lines = run(sheet, data, capsys=capsys)
    assert (code, lines[-1]) == (0, "update.csv: 1 good row: 0 new, 0 changed, 1 unchanged")
    assert case_files(data) == before


# --- real-world files ------------------------------------------------------------------------


def test_a_windows_1256_csv_of_arabic_names_is_read_as_such(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = write_csv(tmp_path / "arabic.csv", [good_row(1, name_ar="شخص تجريبي أول", summary_ar="حالة خيالية.",
                                                         event1_text_ar="اعتقال خيالي.")], encoding="cp1256")
    code, lines = run(sheet, data, capsys=capsys)
    assert code == 0
    assert lines[0] == "arabic.csv: read as windows-1256 text"
    assert 'ar: "شخص تجريبي أول"' in (data / "cases" / "test-person-001.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding, delimiter", [("utf-16", "\t"), ("utf-8-sig", ","), ("utf-8-sig", ";")])
def test_utf16_unicode_text_and_utf8_with_a_bom_are_read(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], encoding: str, delimiter: str) -> None:
    sheet = write_csv(tmp_path / "cases.csv", [good_row(1)], encoding=encoding, delimiter=delimiter)
    code, _ = run(sheet, data, capsys=capsys)
    assert code == 0
    assert 'ar: "شخص تجريبي 1"' in (data / "cases" / "test-person-001.yml").read_text(encoding="utf-8")


def test_an_undecodable_csv_is_refused_with_one_line_naming_the_encoding_to_choose(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "latin.csv"
    sheet.write_bytes("slug,name_en,name_ar\r\ntest-person-001,Test Pérson,x\r\n".encode("latin-1"))
    code, lines = run(sheet, data, capsys=capsys)
    assert code == 2
    assert lines == ['latin.csv: is not UTF-8 text (byte 0xe9 on line 2) and does not read as Arabic windows-1256 '
                     'either; save it from Excel as "CSV UTF-8", or name its encoding with --encoding (e.g. '
                     "--encoding windows-1252 for Western European Excel)"]


def test_arabic_indic_digits_and_stated_date_formats(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(good_row(1, event1_date="١٩/٠٤/٢٠٢٣", last_verified=45444))  # serial 45444 = 2024-06-01
    from datetime import date
    sheet.append(good_row(2, event1_date=date(2022, 3, 5)))  # a cell typed as a date needs no flag
    workbook.save(tmp_path / "dates.xlsx")
    code, _ = run(tmp_path / "dates.xlsx", data, "--date-format", "DD/MM/YYYY", "--date-format", "serial",
                  capsys=capsys)
    assert code == 0
    first = (data / "cases" / "test-person-001.yml").read_text(encoding="utf-8")
    assert "date: 2023-04-19" in first.replace("'", "") and "last_verified: 2024-06-01" in first.replace("'", "")
    assert "date: 2022-03-05" in (data / "cases" / "test-person-002.yml").read_text(encoding="utf-8").replace("'", "")


def test_cells_starting_like_formulas_are_kept_as_text(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(good_row(1, summary_en="x"))
    for column, text in ((5, "=HYPERLINK(\"http://example.invalid\")"), (10, "+ fictional"), (12, "@report")):
        sheet.cell(row=2, column=column).value = text
        sheet.cell(row=2, column=column).data_type = "s"
    workbook.save(tmp_path / "text.xlsx")
    code, lines = run(tmp_path / "text.xlsx", data, capsys=capsys)
    assert code == 1  # @report is not a source id: said as text, not run
    assert lines[0] == ('text.xlsx:row 2, column sources: "@report" is not a valid id: use lowercase Latin letters, '
                        "digits and single hyphens (e.g. report)")
    csv_sheet = write_csv(tmp_path / "text.csv", [good_row(1, summary_en="'=1+2", event1_text_en="- fictional")])
    code, _ = run(csv_sheet, data, capsys=capsys)
    written = (data / "cases" / "test-person-001.yml").read_text(encoding="utf-8")
    assert code == 0 and 'en: "=1+2"' in written and 'en: "- fictional"' in written


def test_a_formula_without_a_computed_value_and_merged_cells_are_reported_at_their_cells(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    sheet.append(good_row(1))
    sheet.append(good_row(2))
    sheet.append(good_row(3))
    sheet["B2"] = '="Test "&"Person"'  # openpyxl stores no computed value
    sheet.merge_cells("D3:D4")
    workbook.save(tmp_path / "cells.xlsx")
    code, lines = run(tmp_path / "cells.xlsx", data, capsys=capsys)
    assert code == 1
    assert lines[0] == ('cells.xlsx:row 2, column name_en: holds a formula (="Test "&"Person") whose value was never '
                        "computed; open the file in Excel or LibreOffice and save it, or type the value")
    assert lines[1] == ("cells.xlsx:row 4, column status: is part of the merged cells D3:D4, which give their value "
                        "to the first cell only; unmerge them and fill in each row")


def test_a_formulas_computed_value_is_taken_never_its_text(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="cases")
    for values in (HEADER, good_row(1)):
        row = TableRow()
        for index, value in enumerate(values):
            if index == 1 and values is not HEADER:  # name_en as a formula with its computed value
                cell = TableCell(valuetype="string", formula='of:="Test "&"Person 001"', stringvalue="Test Person 001")
                cell.addElement(P(text="Test Person 001"))
            else:
                cell = TableCell(valuetype="string")
                if value is not None:
                    cell.addElement(P(text=str(value)))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(tmp_path / "formula.ods"))
    code, _ = run(tmp_path / "formula.ods", data, capsys=capsys)
    assert code == 0
    assert 'en: "Test Person 001"' in (data / "cases" / "test-person-001.yml").read_text(encoding="utf-8")


def test_hidden_sheets_are_not_read_and_whitespace_rows_are_skipped(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workbook = openpyxl.Workbook()
    old = workbook.active
    old.title = "old"
    old.append(HEADER)
    old.append(good_row(9))
    old.sheet_state = "hidden"
    sheet = workbook.create_sheet("people")
    sheet.append(HEADER)
    sheet.append(good_row(1))
    sheet.append(["  ", None, "\t", " "])
    sheet.append(good_row(2))
    workbook.save(tmp_path / "book.xlsx")
    code, lines = run(tmp_path / "book.xlsx", data, capsys=capsys)
    assert code == 0
    assert lines[0] == 'book.xlsx: the hidden sheet "old" is not read'
    assert lines[-1].startswith("book.xlsx: 2 good rows: 2 new")
    assert not (data / "cases" / "test-person-009.yml").exists()


def test_a_zip_bomb_and_a_huge_sheet_are_refused_with_one_line(
        tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_module, "MAX_UNPACKED_BYTES", 1_000_000)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 2_000_000)
    code, lines = run(bomb, data, capsys=capsys)
    assert (code, lines) == (2, ["bomb.xlsx: unpacks to 2 MB, more than the 1 MB an import takes (a file this small "
                                 "that unpacks this big is a zip bomb); split the sheet or export it as CSV"])
    monkeypatch.setattr(read_module, "MAX_ROWS", 3)
    code, lines = run(write_csv(tmp_path / "big.csv", [good_row(n) for n in range(1, 5)]), data, capsys=capsys)
    assert (code, lines) == (2, ["big.csv: more than 3 rows; split the sheet into several files"])


def test_a_file_that_is_not_a_spreadsheet_is_refused_without_a_traceback(tmp_path: Path) -> None:
    fake = tmp_path / "cases.xlsx"
    fake.write_bytes(b"not a zip at all")
    with pytest.raises(SheetError, match=r"^cases.xlsx: is not an .xlsx file"):
        read_sheet(fake, "cases.xlsx")
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("[Content_Types].xml", "<broken")
    with pytest.raises(SheetError, match=r"^damaged.xlsx: cannot be read as an .xlsx workbook"):
        read_sheet(damaged, "damaged.xlsx")
