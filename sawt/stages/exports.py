"""Stage: the open data, each language's cases as JSON and CSV, each with its gzip copy
(sawt/outputs/exports.py). A language whose export key is unchanged since the published site
is linked from it, files and copies (sawt/machinery/reuse.py); otherwise its files are written,
and each copy is kept in .cache/exports/ by the text's hash so that an unchanged text is not
compressed again. The cache keeps only the copies this build published."""

from __future__ import annotations

from sawt.languages import url_in_language
from sawt.machinery.reuse import stamp
from sawt.outputs import exports
from sawt.stages.case_pages import renderer_fingerprint
from sawt.stages.context import BuildContext

READS = ("config", "archive", "site_dir", "published_pages")
WRITES = ()


def run(build: BuildContext) -> None:
    cache_dir = build.caches.dir("exports")
    published = build.published_pages
    kept, keys, stamps = [], {}, {}
    for lang in build.config.codes:
        url = url_in_language(f"{exports.EXPORT_DIR}/", lang)
        folder = build.site_dir / url
        key = exports.export_key(build.archive, lang, site_url=build.config.site_url, code=renderer_fingerprint())
        if published is not None and published.link(url, key, build.site_dir, exports.PUBLISHED_FILES):
            kept += [exports.cached_copy_of(exports.gzip_path(folder / name), cache_dir) for name in exports.EXPORT_FILES]
        else:
            folder.mkdir(parents=True, exist_ok=True)
            records = exports.public_records(build.archive, lang, build.config.site_url)  # once for both files
            for name, chunks in (("cases.json", exports.cases_json_chunks), ("cases.csv", exports.cases_csv_chunks)):
                written = exports.write_export(folder / name, chunks(build.archive, lang, records=records), cache_dir=cache_dir)
                kept.append(written.cached)
        keys[url], stamps[url] = key, stamp(folder, exports.PUBLISHED_FILES)
    if published is not None:
        published.record(keys, {url: value for url, value in stamps.items() if value is not None})
    exports.sweep_export_cache(cache_dir, [path for path in kept if path is not None])
