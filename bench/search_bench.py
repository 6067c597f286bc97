"""Search benchmark (not a test): index time, bytes fetched and time to answer the first query.

    .venv/bin/python bench/search_bench.py                      # 10,000 fictional cases per language, pages written directly
    .venv/bin/python bench/search_bench.py --mode mkdocs        # the same as a Material + i18n MkDocs build (slow), to compare
                                                                # the indexing time with a real build time
    .venv/bin/python bench/search_bench.py --mode sawt --cases 1000   # the real project (hooks, templates) with
                                                                # N synthetic cases (bench/build_bench.py), timed
    .venv/bin/python bench/search_bench.py --site site --build-seconds 412   # an already built site

Numbers printed:
  index      build_search_index() wall time (and Pagefind's share), pages, bundle size;
             with a build time (--mode mkdocs, or --build-seconds), index time as % of it.
  first query  per language, on a freshly loaded page with an empty cache: bytes fetched
             while answering (Pagefind JS + WebAssembly + index + the 10 result fragments
             sawtSearch loads), and ms from calling window.sawtSearch to the answer;
             then the same for a second query (warm), and the UI path (type into the modal,
             first result shown). "raw" is the bytes on the wire from this plain server;
             with --gzip the server compresses text like a typical static host.
  ranking    share of full-name queries whose own case page comes first.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gzip_server import serve  # noqa: E402
from bench.synthetic_site import fictional_cases, write_html_site, write_mkdocs_project  # noqa: E402
from sawt.outputs.search.index import build_search_index  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
ASSETS = ROOT / "overrides" / "assets"


def measure_language(browser, base: str, lang: str, queries: list[str], *, ui: bool) -> dict:
    """Fresh context per language: cold cache, like a first visit."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
    finished: list[tuple[str, float]] = []
    urls: dict[str, str] = {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: finished.append((e["requestId"], e["encodedDataLength"])))

    home = f"{base}/ar/" if lang == "ar" else f"{base}/"
    page.goto(home, wait_until="networkidle")
    page.wait_for_function("() => typeof window.sawtSearch === 'function'")
    page.wait_for_timeout(300)
    page_load_bytes = sum(size for _, size in finished)

    def run(query: str) -> tuple[float, int, list[dict], list[str]]:
        before = len(finished)
        result = page.evaluate(
            """async (q) => { const t0 = performance.now(); const r = await window.sawtSearch(q, 10);
                 return {ms: performance.now() - t0, results: r}; }""",
            query,
        )
        page.wait_for_timeout(200)  # let the last loadingFinished events arrive
        fetched = finished[before:]
        return result["ms"], sum(size for _, size in fetched), result["results"], [urls.get(r, "?") for r, _ in fetched]

    first_ms, first_bytes, first_results, first_urls = run(queries[0])
    warm = [run(q)[0] for q in queries[1:]]
    out = {
        "lang": lang,
        "page_load_bytes": page_load_bytes,
        "first_query": queries[0],
        "first_ms": first_ms,
        "first_bytes": first_bytes,
        "first_files": sorted({u.rsplit("/", 2)[-2] + "/" + u.rsplit("/", 1)[-1] if "/fragment/" in u or "/index/" in u else u.rsplit("/", 1)[-1] for u in first_urls}),
        "first_results": len(first_results),
        "warm_ms_max": max(warm) if warm else 0.0,
        "warm_ms_median": sorted(warm)[len(warm) // 2] if warm else 0.0,
    }
    if ui and page.locator("[data-sawt-search] button").count():
        context2 = browser.new_context()
        page2 = context2.new_page()
        page2.goto(home, wait_until="networkidle")
        page2.click("[data-sawt-search] button")  # loads the search UI (lazily) and opens it
        page2.wait_for_selector("pagefind-input input")
        started = time.perf_counter()
        page2.fill("pagefind-input input", queries[0])
        page2.wait_for_selector("pagefind-results .pf-result-link", timeout=10_000)
        # The input debounces 300 ms before searching; report it separately.
        out["ui_ms"] = (time.perf_counter() - started) * 1000
        context2.close()
    context.close()
    return out


def ranking_check(browser, base: str, lang: str, cases, sample: int, seed: int) -> tuple[int, int, int]:
    """For full-name queries: how often the first result is a case page of that
    name (the person's, or a namesake's), and how often it is a case page at all."""
    rng = random.Random(seed + 7)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/ar/" if lang == "ar" else f"{base}/", wait_until="networkidle")
    page.wait_for_function("() => typeof window.sawtSearch === 'function'")
    named_first = case_first = 0
    picks = rng.sample(cases, min(sample, len(cases)))
    for case in picks:
        name = case.name_ar if lang == "ar" else case.name_en
        results = page.evaluate("q => window.sawtSearch(q, 3)", name)
        top = results[0] if results else None
        case_first += bool(top and "/cases/" in top["url"])
        named_first += bool(top and "/cases/" in top["url"] and top["title"] == name)
    context.close()
    return named_first, case_first, len(picks)


def case_titles(site: Path, lang: str, count: int, rng: random.Random) -> list[str]:
    """Names of random case pages of a built site (their <h1>), to use as queries."""
    import re

    folder = site / "ar" / "cases" if lang == "ar" else site / "cases"
    pages = sorted(folder.glob("*/index.html"))
    titles = []
    for path in rng.sample(pages, min(count, len(pages))):
        match = re.search(r"<h1[^>]*>(.*?)</h1>", path.read_text(encoding="utf-8"), re.DOTALL)
        if match:
            text = re.sub(r"<[^>]+>", "", match.group(1)).replace("#", "").replace("¶", "").strip()
            titles.append(" ".join(text.split()))
    return titles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000, help="fictional cases per language (default 10000)")
    parser.add_argument("--mentions", type=int, default=200, help="report pages per language mentioning cases")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--mode", choices=("html", "mkdocs", "sawt"), default="html",
                        help="html: pages written directly; mkdocs: bare Material + i18n build; sawt: this project's build")
    parser.add_argument("--site", type=Path, help="bench an already built site instead (indexes it unless --no-index)")
    parser.add_argument("--no-index", action="store_true", help="with --site: the bundle is already there")
    parser.add_argument("--build-seconds", type=float, help="build time of --site, to report index time as a share of it")
    parser.add_argument("--gzip", action="store_true", help="serve text gzip-compressed, like a static host")
    parser.add_argument("--queries", type=int, default=10, help="queries per language (first one cold)")
    parser.add_argument("--keep", type=Path, help="write the generated site here and keep it")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sawt-bench-")) if args.keep is None else args.keep
    cases = fictional_cases(args.cases, args.seed)
    build_seconds = args.build_seconds
    if args.site is not None:
        site = args.site.resolve()
        print(f"site: {site} (given)")
    elif args.mode == "html":
        site = work / "site"
        started = time.perf_counter()
        write_html_site(site, cases, assets=ASSETS, mentions=args.mentions, seed=args.seed)
        print(f"site: {args.cases} fictional cases/language + {args.mentions} reports/language, "
              f"pages written directly in {time.perf_counter() - started:.1f}s -> {site}")
    elif args.mode == "sawt":
        from bench import build_bench

        project = build_bench.copy_project(work / "sawt-project")
        build_bench.add_synthetic_cases(project / "data", work / "synthetic-cases", args.cases)
        build_seconds, peak_mb, page_count = build_bench.timed_build(project)
        site = project / "site"
        print(f"site: this project + {args.cases} synthetic cases: {page_count} pages, "
              f"strict build {build_seconds:.1f}s (peak {peak_mb:.0f} MB) -> {site}")
    else:
        project = write_mkdocs_project(work / "project", cases, assets=ASSETS, mentions=args.mentions, seed=args.seed)
        site = work / "site"
        started = time.perf_counter()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, env=env, check=True)
        build_seconds = time.perf_counter() - started
        print(f"site: {args.cases} fictional cases/language, MkDocs + Material + i18n build: {build_seconds:.1f}s -> {site}")

    if not args.no_index:
        report = build_search_index(site)
        print(f"index: {report.summary()}")
        print(f"index: wall {report.seconds:.2f}s, of which Pagefind {report.pagefind_seconds:.2f}s, "
              f"pages {report.pages}, bundle {report.bundle_bytes / 1e6:.1f} MB, large pages {len(report.large_pages)}")
        if build_seconds:
            print(f"index: {100 * report.seconds / build_seconds:.1f}% of the build time ({build_seconds:.1f}s)")

    home = (site / "index.html").read_text(encoding="utf-8") if (site / "index.html").exists() else ""
    if "sawt-search.js" not in home:
        print("browser: the site's pages do not load assets/js/sawt-search.js yet; first-query numbers skipped")
        return

    from playwright.sync_api import sync_playwright

    server, base = serve(site, args.gzip)
    rng = random.Random(args.seed + 3)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang in ("en", "ar"):
                if args.site is None and args.mode != "sawt":
                    picks = rng.sample(cases, min(args.queries, len(cases)))
                    queries = [c.name_ar if lang == "ar" else c.name_en for c in picks]
                else:
                    queries = case_titles(site, lang, args.queries, rng) or ["detained" if lang == "en" else "محتجز"]
                stats = measure_language(browser, base, lang, queries, ui=args.site is None and args.mode != "mkdocs")
                print(f"first query [{lang}] {stats['first_query']!r}: {stats['first_bytes'] / 1024:.0f} KB fetched "
                      f"({'gzip' if args.gzip else 'raw'}), {stats['first_ms']:.0f} ms, {stats['first_results']} results loaded")
                print(f"  files: {', '.join(stats['first_files'])}")
                print(f"  page load before any search: {stats['page_load_bytes'] / 1024:.0f} KB; "
                      f"warm queries: median {stats['warm_ms_median']:.0f} ms, max {stats['warm_ms_max']:.0f} ms")
                if "ui_ms" in stats:
                    print(f"  UI: typed into the modal -> first result shown: {stats['ui_ms']:.0f} ms (incl. 300 ms input debounce)")
                if args.site is None and args.mode != "sawt":
                    named, case, total = ranking_check(browser, base, lang, cases, 50, args.seed)
                    print(f"  ranking: {total} full-name queries -> first result is a case page: {case}/{total}, "
                          f"a case page with exactly that name: {named}/{total}")
            browser.close()
    finally:
        server.shutdown()
    print(json.dumps({"site": str(site)}))


if __name__ == "__main__":
    main()
