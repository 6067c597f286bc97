"""Spreadsheets in and out: `python -m sawt import`, `import-template` and `export-sheet`.

read.py reads .csv, .xlsx and .ods into rows of plain cells, refusing hostile or broken
files with one line; columns.py lays the case schema out as columns (the one place that
knows a column's name); importer.py checks every row with the same checks as `make check`
and writes case files; template.py and export.py write sheets in the same layout.
"""
