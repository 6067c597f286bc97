"""Stage: the open data, each language's cases as JSON and CSV, each with its gzip copy
(sawt/outputs/exports.py)."""

from __future__ import annotations

from sawt.languages import url_in_language
from sawt.outputs import exports
from sawt.stages.context import BuildContext

READS = ("config", "archive", "site_dir")
WRITES = ()


def run(build: BuildContext) -> None:
    for lang in build.config.codes:
        folder = build.site_dir / url_in_language(f"{exports.EXPORT_DIR}/", lang)
        folder.mkdir(parents=True, exist_ok=True)
        records = exports.public_records(build.archive, lang, build.config.site_url)  # once for both files
        exports.write_export(folder / "cases.json", exports.cases_json_chunks(build.archive, lang, records=records))
        exports.write_export(folder / "cases.csv", exports.cases_csv_chunks(build.archive, lang, records=records))
