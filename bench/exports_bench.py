"""The open-data exports of an archive of N fictional cases, without building the site.

    .venv/bin/python bench/exports_bench.py [112414] [--data DIR] [--words 300]

Writes a fictional archive (sawt/data/synthetic.py, ~300-word summaries a language as in
scale_bench.py) into DIR (kept, so a second run skips it) or a temporary folder, loads it as a
build does, then writes each language's cases.json and cases.csv with their gzip copies
exactly as the exports stage does (sawt/outputs/exports.py). Prints each file's size, raw and
gzipped, the seconds each took and the peak RSS. Nothing is timed as a test.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sawt.data.load import load_archive  # noqa: E402
from sawt.data.synthetic import write_synthetic_archive  # noqa: E402
from sawt.languages import LANGUAGES, url_in_language  # noqa: E402
from sawt.outputs import exports  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="?", type=int, default=112_414)
    parser.add_argument("--data", type=Path, help="the fictional archive's folder (written if it has no cases/)")
    parser.add_argument("--words", type=int, default=300)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="sawt-exports-"))
    data = args.data or work / "data"
    start = time.perf_counter()
    if not (data / "cases").is_dir():
        write_synthetic_archive(data, args.cases, summary_words=args.words)
        print(f"wrote {args.cases:,} fictional cases in {time.perf_counter() - start:.0f} s")
    start = time.perf_counter()
    archive = load_archive(data, today=date(2026, 1, 1))
    print(f"loaded {len(archive.cases):,} published cases in {time.perf_counter() - start:.0f} s")
    site = work / "site"
    for lang in LANGUAGES:
        folder = site / url_in_language(f"{exports.EXPORT_DIR}/", lang)
        folder.mkdir(parents=True, exist_ok=True)
        records = exports.public_records(archive, lang, "https://example.org/")
        for name, chunks in (("cases.json", exports.cases_json_chunks), ("cases.csv", exports.cases_csv_chunks)):
            start = time.perf_counter()
            written = exports.write_export(folder / name, chunks(archive, lang, records=records))
            print(f"  {url_in_language(f'{exports.EXPORT_DIR}/{name}', lang):18} {written.size / 1e6:7.1f} MB, "
                  f"gzipped {written.gzip_size / 1e6:6.1f} MB ({written.size / written.gzip_size:.1f}x), "
                  f"{time.perf_counter() - start:.1f} s")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
