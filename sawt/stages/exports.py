"""Stage: the open data, each language's cases as JSON and CSV, each with its gzip copy
(sawt/outputs/exports.py), kept in .cache/exports/ by the text's hash so that an unchanged
export is not compressed again; the cache keeps only the copies this build published."""

from __future__ import annotations

from sawt.languages import url_in_language
from sawt.outputs import exports
from sawt.stages.context import BuildContext

READS = ("config", "archive", "site_dir")
WRITES = ()


def run(build: BuildContext) -> None:
    cache_dir = build.caches.dir("exports")
    written = []
    for lang in build.config.codes:
        folder = build.site_dir / url_in_language(f"{exports.EXPORT_DIR}/", lang)
        folder.mkdir(parents=True, exist_ok=True)
        records = exports.public_records(build.archive, lang, build.config.site_url)  # once for both files
        written.append(exports.write_export(folder / "cases.json", exports.cases_json_chunks(build.archive, lang, records=records),
                                            cache_dir=cache_dir))
        written.append(exports.write_export(folder / "cases.csv", exports.cases_csv_chunks(build.archive, lang, records=records),
                                            cache_dir=cache_dir))
    exports.sweep_export_cache(cache_dir, [w.cached for w in written if w.cached is not None])
