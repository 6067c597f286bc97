"""The template and export-sheet: made from the schema, and exported then imported, nothing changes."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sawt.__main__ import main
from sawt.data.schema import load_schemas
from sawt.sheets.columns import case_layout

from .test_load_fixtures import TODAY, write_archive

ROOT = Path(__file__).resolve().parents[2]


def test_every_case_field_of_the_schema_has_its_columns() -> None:
    names = [c.name for c in case_layout().columns(private=("note",))]
    for field in load_schemas()["case"]["properties"]:
        assert any(name == field or name.startswith(f"{field}_") or
                   name.startswith(f"{field.removesuffix('s')}1_") for name in names), field
    assert names[:3] == ["slug", "name_en", "name_ar"]
    assert "event1_place_ar" in names and "private_note" in names


def test_the_template_has_hints_drop_downs_and_right_to_left_arabic_columns(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cases-template.xlsx"
    assert main(["import-template", str(out)]) == 0
    sheet = openpyxl.load_workbook(out)["cases"]
    header = [c.value for c in sheet[1]]
    hints = {name: cell.value for name, cell in zip(header, sheet[2])}
    assert hints["status"].startswith("required · مطلوب\nThe person's situation as last verified.\nوضع الشخص")
    assert hints["slug"].startswith("# ")  # the importer skips it
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    letter = openpyxl.utils.get_column_letter
    assert lists[f"{letter(header.index('status') + 1)}3"] == \
        '"at-risk,detained,disappeared,deported,released,died-in-custody"'
    assert lists[f"{letter(header.index('event2_type') + 1)}3"].startswith('"arrested,detained,transferred')
    arabic = sheet.cell(row=3, column=header.index("name_ar") + 1).alignment
    english = sheet.cell(row=3, column=header.index("name_en") + 1).alignment
    assert (arabic.readingOrder, arabic.horizontal) == (2, "right")
    assert english.readingOrder != 2
    # Filled in as it is, the template imports (its hint row is skipped).
    data = write_archive(tmp_path)
    workbook = openpyxl.load_workbook(out)
    cells = workbook["cases"]
    for name, value in {"name_en": "Test Person Tmpl", "name_ar": "شخص تجريبي", "status": "detained",
                        "summary_en": "A fictional case.", "summary_ar": "حالة خيالية."}.items():
        cells.cell(row=3, column=header.index(name) + 1).value = value
    workbook.save(out)
    capsys.readouterr()
    assert main(["import", str(out), "--data", str(data), "--today", TODAY.isoformat()]) == 0
    assert "new     data/cases/test-person-tmpl.yml (row 3, publish: false)" in capsys.readouterr().out


@pytest.mark.parametrize("suffix", ["xlsx", "ods", "csv"])
def test_export_then_import_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    data = write_archive(tmp_path)
    before = {p.name: p.read_bytes() for p in (data / "cases").iterdir()}
    out = tmp_path / f"export.{suffix}"
    assert main(["export-sheet", str(out), "--data", str(data), "--include-private"]) == 0
    capsys.readouterr()
    code = main(["import", str(out), "--data", str(data), "--today", TODAY.isoformat()])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0, lines
    assert lines[-1].endswith(" 0 new, 0 changed, %d unchanged" % len(before))
    assert {p.name: p.read_bytes() for p in (data / "cases").iterdir()} == before


def test_the_sample_archive_round_trips_and_private_columns_need_the_flag(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "export.xlsx"
    assert main(["export-sheet", str(out), "--data", str(ROOT / "data")]) == 0
    header = [c.value for c in openpyxl.load_workbook(out)["cases"][1]]
    assert not any(name.startswith("private_") for name in header)
    assert "event3_text_ar" in header
