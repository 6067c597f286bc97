"""Open data: the published cases as JSON and CSV, per language.

Only the fields listed in `PUBLIC_FIELDS` are exported, whatever the model
holds; the list, with a label and description in both languages, is also what
the data page documents. Dates are ISO 8601 and may be partial (YYYY,
YYYY-MM or YYYY-MM-DD), as the archive's dates are.

The CSV starts with a UTF-8 byte-order mark and uses CRLF line ends, which is
what makes Excel open Arabic text correctly on a double click. The Arabic CSV
has Arabic column headers (the field labels); the English one has the field
names. Text cells that a spreadsheet would run as a formula (starting with
=, +, -, @, tab or CR) are prefixed with an apostrophe (CSV injection).

Each file is written in pieces and published with its gzip copy beside it (`write_export`).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from sawt.data.model import LANGS, Archive, Case, Source, text_language
from sawt.dates import status_label
from sawt.languages import url_in_language
from sawt.machinery.cached_files import PUBLISHED_MODE, publish_cached
from sawt.outputs.share import absolute_url
from sawt.render.open_data import EXPORT_FILES, FIELD_NAMES, GZIP_SUFFIX, LICENSE_ID, LICENSE_NOTE, LICENSE_URL, PUBLIC_FIELDS, PublicField  # noqa: F401

#: Separates several values (aliases, source addresses) in one CSV cell.
CSV_LIST_SEPARATOR = " | "
#: Each language's exports are under this folder of its site ("data/", "ar/data/").
EXPORT_DIR = "data"
#: zlib's fastest level. On 80 MB of shuffled English and Arabic words (this 2-core machine,
#: loaded) level 1 ran at 35 MB/s and level 6, the default, at 6 MB/s; on the sample's own
#: exports level 6 is only 7-16% smaller (2.5-2.9 times smaller than the text at level 1,
#: 2.7-3.4 at 6). At 112,414 cases the exports are about 1 GB a build, so level 6 would add a
#: minute or more to every build, one-case edits included, for a tenth of the download.
GZIP_LEVEL = 1
#: What a compressed copy is made with: its cache (.cache/exports/g-<hash of this>/) changes with it.
CACHE_GENERATION = f"gzip level {GZIP_LEVEL}, no file name, mtime 0"
#: Read and compress a cached export's text this much at a time.
_COPY_BLOCK = 1 << 20
#: Cases encoded at a time: small enough that no large file is ever held whole.
_CASES_A_CHUNK = 1000


def case_page_url(slug: str, lang: str, site_url: str = "/") -> str:
    """The case page's address: site-relative with the default "/", absolute with a site URL."""
    return absolute_url(site_url, url_in_language(f"cases/{slug}/", lang))


def _cited(case: Case) -> dict[str, Source]:
    """Each cited source by its address (its archived copy when only that is known), once each."""
    cited: dict[str, Source] = {}
    for source in case.sources:
        url = source.url or source.archived_url
        if url and url not in cited:
            cited[url] = source
    return cited


def source_urls(case: Case) -> list[str]:
    """Each cited source's address (its archived copy when only that is known), once each."""
    return list(_cited(case))


def source_archive_hashes(case: Case) -> list[str]:
    """For each of `source_urls`, the SHA-256 of its latest capture, or "" without one."""
    return [source.latest_capture.file_sha256 if source.latest_capture else "" for source in _cited(case).values()]


def public_record(case: Case, lang: str, site_url: str = "/") -> dict[str, Any]:
    """A case's public fields, keys in `PUBLIC_FIELDS` order; JSON types (lists, bool, None)."""
    arrest = case.arrest
    record: dict[str, Any] = {
        "slug": case.slug,
        "name_en": case.name.en,
        "name_ar": case.name.ar,
        "aliases": list(case.aliases),
        "status": case.status,
        "status_label": status_label(case.status, lang),
        "pseudonym": case.pseudonym,
        "summary": case.summary[lang],
        "ask": case.ask[lang] if case.ask is not None else None,
        "arrest_date": arrest.date.iso() if arrest is not None else None,
        "arrest_place": arrest.place[lang] if arrest is not None and arrest.place is not None else None,
        "last_verified": case.last_verified.iso() if case.last_verified is not None else None,
        "url": case_page_url(case.slug, lang, site_url),
        "sources": source_urls(case),
        "sources_archived": source_archive_hashes(case),
        "arrest_grade": arrest.grade.id if arrest is not None and arrest.grade is not None else None,
    }
    assert tuple(record) == FIELD_NAMES  # keeps this function and the documented list in step
    return record


def fields_doc(lang: str) -> list[dict[str, str]]:
    return [{"name": f.name, "label": f.label[lang], "description": f.description[lang]} for f in PUBLIC_FIELDS]


def license_doc(lang: str) -> dict[str, str]:
    return {"id": LICENSE_ID, "url": LICENSE_URL, "note": LICENSE_NOTE[lang]}


def public_records(archive: Archive, lang: str, site_url: str = "/") -> list[dict[str, Any]]:
    """Every published case's `public_record`, made once for both files of a language."""
    return [public_record(case, lang, site_url) for case in archive.cases]


def cases_json(archive: Archive, lang: str, *, site_url: str = "/", records: list[dict[str, Any]] | None = None) -> str:
    """{"license", "language", "fields", "cases"}: UTF-8 text, Arabic unescaped, one case a line."""
    return "".join(cases_json_chunks(archive, lang, site_url=site_url, records=records))


def cases_json_chunks(archive: Archive, lang: str, *, site_url: str = "/",
                      records: list[dict[str, Any]] | None = None) -> Iterator[str]:
    """`cases_json`'s text in pieces of `_CASES_A_CHUNK` cases, so a large archive's file is
    written without ever being held whole (439 MB of Arabic JSON at 100,000 cases).

    One case a line, not indented: json's indenting encoder is written in Python, and took
    0.85 s a language at 10,000 cases (the whole file written by its C encoder: 0.1 s); a
    line a case still reads and diffs case by case."""
    records = public_records(archive, lang, site_url) if records is None else records
    head = json.dumps({"license": license_doc(lang), "language": lang, "fields": fields_doc(lang)},
                      ensure_ascii=False, indent=2)
    yield head[:-2] + ',\n  "cases": [\n'
    for start in range(0, len(records), _CASES_A_CHUNK):
        chunk = ",\n".join(json.dumps(record, ensure_ascii=False) for record in records[start:start + _CASES_A_CHUNK])
        yield ("" if start == 0 else ",\n") + chunk
    yield ("\n" if records else "") + "]\n}\n"


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = CSV_LIST_SEPARATOR.join(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_headers(lang: str) -> list[str]:
    # The field names are English words: a sheet in another text language is headed by their labels.
    return [field.name if text_language(lang) == LANGS[0] else field.label[lang] for field in PUBLIC_FIELDS]


def cases_csv(archive: Archive, lang: str, *, site_url: str = "/", records: list[dict[str, Any]] | None = None) -> str:
    """The cases as CSV text beginning with a BOM; write it as UTF-8 (newline="")."""
    return "".join(cases_csv_chunks(archive, lang, site_url=site_url, records=records))


def cases_csv_chunks(archive: Archive, lang: str, *, site_url: str = "/",
                     records: list[dict[str, Any]] | None = None) -> Iterator[str]:
    """`cases_csv`'s text in pieces of `_CASES_A_CHUNK` rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_headers(lang))
    yield "\ufeff" + buffer.getvalue()
    records = public_records(archive, lang, site_url) if records is None else records
    for start in range(0, len(records), _CASES_A_CHUNK):
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([_csv_cell(record[name]) for name in FIELD_NAMES] for record in records[start:start + _CASES_A_CHUNK])
        yield buffer.getvalue()


@dataclass(frozen=True)
class WrittenExport:
    """One export as published: the file and its gzip-compressed copy beside it, in bytes."""

    path: Path
    size: int
    gzip_size: int
    cached: Path | None = None  # the copy's file in the cache, when the export was written with one


def write_export(path: Path, chunks: Iterable[str], *, cache_dir: Path | None = None) -> WrittenExport:
    """Write the text to `path` as UTF-8 and its gzip copy to `path`.gz.

    Every export has its compressed copy, whatever its size: the Open data page is written
    before the exports, so it cannot link a copy only some builds make, and at the sizes where
    the copy matters it costs what it would cost anyway. At 112,414 fictional cases
    (bench/exports_bench.py, 107,901 of them published) the files are 192-310 MB, each written
    with its copy in 2-6 s on a loaded 2-core machine (17 s for all four; 59 s at level 6). The fictional summaries repeat a few sentences and
    gzip 28-37 times; the sample's real texts gzip 2.5-2.9 times (GZIP_LEVEL), so a real archive's
    copies would be about 75-110 MB. The copy is the same bytes
    for the same text (no time or name in its header), so an unchanged export is an unchanged file.

    With `cache_dir`, the copy is kept there by the SHA-256 of the text and published by hard
    link: a build whose export did not change (most builds: an edit to a page, a new report)
    hashes the text instead of compressing it, about 15 times faster. Without it, the text
    and its copy are written in one pass."""
    if cache_dir is None:
        size = 0
        with open(path, "wb") as raw, open(gzip_path(path), "wb") as packed_file:
            with gzip.GzipFile(filename="", mode="wb", fileobj=packed_file, mtime=0, compresslevel=GZIP_LEVEL) as packed:
                for chunk in chunks:
                    data = chunk.encode("utf-8")
                    raw.write(data)
                    packed.write(data)
                    size += len(data)
        return WrittenExport(path, size, gzip_path(path).stat().st_size)
    digest = hashlib.sha256()
    size = 0
    with open(path, "wb") as raw:
        for chunk in chunks:
            data = chunk.encode("utf-8")
            raw.write(data)
            digest.update(data)
            size += len(data)
    cached = cache_dir / f"{digest.hexdigest()}{GZIP_SUFFIX}"
    for _ in range(2):  # a copy another build swept away between the two steps is made again
        if not cached.is_file():
            _compress_into_cache(path, cached)
        try:
            publish_cached(cached, gzip_path(path))
            break
        except FileNotFoundError:
            continue
    return WrittenExport(path, size, gzip_path(path).stat().st_size, cached)


def _compress_into_cache(text_file: Path, cached: Path) -> None:
    """The gzip copy of `text_file`, written whole under its new name in the cache."""
    cached.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=cached.parent, prefix=".", suffix=".tmp")
    try:
        with open(text_file, "rb") as raw, os.fdopen(fd, "wb") as packed_file:
            with gzip.GzipFile(filename="", mode="wb", fileobj=packed_file, mtime=0, compresslevel=GZIP_LEVEL) as packed:
                shutil.copyfileobj(raw, packed, _COPY_BLOCK)
        os.chmod(tmp, PUBLISHED_MODE)  # published by hard link: readable as the copy written in place was
        os.replace(tmp, cached)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sweep_export_cache(cache_dir: Path, kept: Iterable[Path]) -> list[Path]:
    """Delete the cached copies this build did not publish: an export's copy is as large as the
    archive (about 100 MB at 112,414 cases), so unlike a page or a card, one left per edit
    would soon outweigh the rest of .cache/. Returns what was deleted."""
    keep = {path.name for path in kept}
    deleted = []
    try:
        entries = list(os.scandir(cache_dir))
    except OSError:
        return deleted
    for entry in entries:
        if entry.name.endswith(GZIP_SUFFIX) and entry.name not in keep:
            try:
                os.unlink(entry.path)
                deleted.append(Path(entry.path))
            except OSError:
                pass
    return deleted


def gzip_path(path: Path) -> Path:
    return path.with_name(path.name + GZIP_SUFFIX)


#: What a language's export folder holds: each export and its gzip copy.
PUBLISHED_FILES = tuple(name for export in EXPORT_FILES for name in (export, export + GZIP_SUFFIX))


def export_key(archive: Archive, lang: str, *, site_url: str, code: str) -> str:
    """Everything a language's exports are made from: the code and catalogs that write them
    (`code`), the site's address, and each published case's digest in order (every field, with
    its sources, captures and grades). An equal key means byte-identical files, so a build whose
    cases did not change links the last site's four files (1 GB at 112,414 cases, 21 s to write
    again) instead of writing them: the digests are already made for the case pages' keys."""
    digest = hashlib.sha256(f"{CACHE_GENERATION}\0{code}\0{site_url}\0{lang}\0".encode("utf-8"))
    for case in archive.cases:
        digest.update(case.digest.encode("ascii"))
    return digest.hexdigest()


def cached_copy_of(published: Path, cache_dir: Path) -> Path | None:
    """The file in `cache_dir` that the published gzip copy is a hard link of, if any."""
    try:
        info = os.stat(published)
        entries = list(os.scandir(cache_dir))
    except OSError:
        return None
    for entry in entries:
        try:
            if entry.name.endswith(GZIP_SUFFIX) and entry.inode() == info.st_ino and entry.stat().st_dev == info.st_dev:
                return Path(entry.path)
        except OSError:
            continue
    return None
