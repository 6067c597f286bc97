"""Offline-copy benchmark (not a test): what the zip weighs and how fast its first search answers.

    .venv/bin/python bench/offline_bench.py                 # the sample site
    .venv/bin/python bench/offline_bench.py --cases 10000   # + 10,000 fictional cases (slow: a full build)
    .venv/bin/python bench/offline_bench.py --site DIR      # an already built site (copied, not changed)

Builds the project (in a throwaway copy with the synthetic cases, bench/build_bench.py), makes the
offline copy as `make offline` does (sawt.outputs.offline.make_copy), then prints
  zip        bytes of the zip, files in it, bytes unzipped, and of those the search scripts;
  search     in Chromium from file://, per language, on a fresh page with an empty cache:
             ms from calling window.sawtSearch to its 10 results (the first query loads the
             WebAssembly, the language's metadata, the chunks and the result fragments),
             then a second query (warm), and the search-box path (type, first result shown).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sawt.outputs.offline import SITE_FOLDER, make_copy  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

QUERIES = {
    "en": ["Saleh", "Mohammad al-Homsi", "detained 2023"],
    "ar": ["اسامه", "محمد الحمصي", "معتقل"],
}


def build(cases: int, work: Path) -> tuple[Path, float]:
    from bench import build_bench

    project = build_bench.copy_project(work / "project")
    if cases:
        build_bench.add_synthetic_cases(project / "data", work / "synthetic-cases", cases)
    seconds, peak_mb, pages = build_bench.timed_build(project)
    print(f"build: {cases} synthetic cases + the sample: {pages} pages in {seconds:.0f} s, peak {peak_mb:.0f} MB")
    return project / "site", seconds


def zip_figures(zip_path: Path) -> dict:
    with zipfile.ZipFile(zip_path) as archive:
        infos = archive.infolist()
    search = [i for i in infos if f"/{SITE_FOLDER}/pagefind/" in i.filename]
    return {
        "zip_bytes": zip_path.stat().st_size,
        "files": len(infos),
        "unzipped_bytes": sum(i.file_size for i in infos),
        "search_bytes": sum(i.file_size for i in search),
        "search_zipped": sum(i.compress_size for i in search),
        "search_files": len(search),
    }


def first_search(browser, copy: Path, lang: str, queries: list[str], runs: int) -> dict:
    start_page = copy / SITE_FOLDER / ("ar/index.html" if lang == "ar" else "index.html")
    cold, warm, ui, hits = [], [], [], []
    for run in range(runs):
        context = browser.new_context()
        page = context.new_page()
        page.goto(start_page.as_uri())
        page.wait_for_function("() => document.documentElement.getAttribute('data-sawt-search-state') === 'waiting'")
        query = queries[0]  # a name the sample has, so every run finds results
        took, found = page.evaluate(
            "async (q) => { const t = performance.now(); const r = await window.sawtSearch(q, 10);"
            " return [performance.now() - t, r.length]; }", query)
        cold.append(took)
        hits.append(found)
        other = queries[1 + run % (len(queries) - 1)]
        warm.append(page.evaluate(
            "async (q) => { const t = performance.now(); await window.sawtSearch(q, 10); return performance.now() - t; }",
            other))
        context.close()
        # The search box on a fresh page: click, type, first result link visible.
        context = browser.new_context()
        page = context.new_page()
        page.goto(start_page.as_uri())
        page.wait_for_function("() => document.documentElement.getAttribute('data-sawt-search-state') === 'waiting'")
        started = time.perf_counter()
        page.locator("[data-sawt-search] button:visible").first.click()
        page.locator("pagefind-modal pagefind-input input").fill(query)
        page.locator("pagefind-modal pagefind-results a.pf-result-link").first.wait_for(timeout=60_000)
        ui.append((time.perf_counter() - started) * 1000)
        context.close()
    return {"cold_ms": statistics.median(cold), "warm_ms": statistics.median(warm), "ui_ms": statistics.median(ui),
            "results": min(hits)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=0, help="synthetic cases to add (0: the sample only)")
    parser.add_argument("--site", type=Path, help="an already built site to copy instead of building")
    parser.add_argument("--runs", type=int, default=3, help="fresh pages per language (the median is printed)")
    parser.add_argument("--keep", type=Path, help="keep the unzipped copy here")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="sawt-offline-bench-") as scratch:
        work = Path(scratch)
        site = args.site.resolve() if args.site else build(args.cases, work)[0]
        copy = work / "copy"
        shutil.copytree(site, copy / SITE_FOLDER)
        started = time.perf_counter()
        summary = make_copy(copy, work / "sawt-offline.zip", built=date.today())
        print(f"offline copy in {time.perf_counter() - started:.1f} s: {summary}")
        figures = zip_figures(work / "sawt-offline.zip")
        print(f"zip: {figures['zip_bytes'] / 1e6:.1f} MB, {figures['files']} files, "
              f"{figures['unzipped_bytes'] / 1e6:.1f} MB unzipped; search: {figures['search_files']} files, "
              f"{figures['search_bytes'] / 1e6:.1f} MB unzipped, {figures['search_zipped'] / 1e6:.1f} MB in the zip")
        unzipped = work / "unzipped"
        with zipfile.ZipFile(work / "sawt-offline.zip") as archive:
            archive.extractall(unzipped)
        copy_dir = unzipped / "sawt-offline"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang, queries in QUERIES.items():
                stats = first_search(browser, copy_dir, lang, queries, args.runs)
                print(f"search {lang} from file://: first query {stats['cold_ms']:.0f} ms, second {stats['warm_ms']:.0f} ms, "
                      f"search box to first result {stats['ui_ms']:.0f} ms (median of {args.runs}; "
                      f"at least {stats['results']} results)")
            browser.close()
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(copy_dir, args.keep)


if __name__ == "__main__":
    main()
