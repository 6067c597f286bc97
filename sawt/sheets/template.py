"""`make import-template`: cases-template.xlsx, the sheet to fill in, made from the schema.

Row 1 names the columns (sawt/sheets/columns.py); row 2 holds each column's hint, in
English then Arabic, and starts with "#" in the slug column, which makes the importer skip
it (any row whose slug starts with "#" is a note). Status, event types and true/false
columns offer drop-down lists of the schema's values; Arabic columns are right-aligned and
right to left; date columns are text cells, so the spreadsheet never turns 2023-04 into a
day; the first two rows and the slug stay in view while scrolling.
"""

from __future__ import annotations

from typing import Any, Iterable

from sawt.data.model import LANGS
from sawt.languages import direction
from sawt.sheets.columns import TEMPLATE_PRIVATE, Column, case_layout, column_letter

#: Rows of the template given drop-downs and right-to-left cells; more rows keep them when
#: filled down. 1,000 keeps the file small (about 60 KB).
TEMPLATE_ROWS = 1000


def hint(column: Column) -> str:
    needed = "required · مطلوب" if column.required else "optional · اختياري"
    text = f"{needed}\n{column.description_en}\n{column.description_ar}"
    return ("# " + text) if column.kind == "slug" else text


def xlsx_workbook(columns: list[Column], rows: Iterable[list[Any]], *, template: bool = False) -> Any:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "cases"
    sheet.append([c.name for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDDDDD")
    first_data_row = 2
    if template:
        sheet.append([hint(c) for c in columns])
        for cell in sheet[2]:
            cell.font = Font(italic=True, color="555555")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[2].height = 120
        first_data_row = 3
    count = 0
    for values in rows:
        sheet.append([None] * len(columns))
        for index, value in enumerate(values):
            if value is None:
                continue
            cell = sheet.cell(row=first_data_row + count, column=index + 1)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # "=..." is text here, never a formula
        count += 1
    last_row = first_data_row + max(count, TEMPLATE_ROWS if template else 0) - 1
    right_to_left = Alignment(horizontal="right", readingOrder=2, wrap_text=True, vertical="top")
    for index, column in enumerate(columns):
        letter = column_letter(index)
        sheet.column_dimensions[letter].width = 40 if column.name.startswith(("summary", "ask")) or \
            column.name.endswith(tuple(f"_text_{lang}" for lang in LANGS)) else 22
        if column.language and direction(column.language) == "rtl":
            sheet.cell(row=1, column=index + 1).alignment = Alignment(horizontal="right", readingOrder=2)
            if template:
                sheet.cell(row=2, column=index + 1).alignment = Alignment(horizontal="right", readingOrder=2,
                                                                          wrap_text=True, vertical="top")
            for row in range(first_data_row, last_row + 1):
                sheet.cell(row=row, column=index + 1).alignment = right_to_left
        if column.kind == "date":
            for row in range(first_data_row, last_row + 1):
                sheet.cell(row=row, column=index + 1).number_format = "@"
        if column.choices and last_row >= first_data_row:
            validation = DataValidation(type="list", formula1='"' + ",".join(column.choices) + '"', allow_blank=True,
                                        showErrorMessage=True, errorTitle=column.name,
                                        error=f"{column.name}: one of {', '.join(column.choices)}")
            validation.add(f"{letter}{first_data_row}:{letter}{last_row}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = f"B{first_data_row}"
    return workbook


def template_columns() -> list[Column]:
    return case_layout().columns(private=TEMPLATE_PRIVATE)
