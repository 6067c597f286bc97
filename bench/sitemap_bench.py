"""The sitemaps of an archive of N cases, without building it: file names, URL counts, sizes.

    .venv/bin/python bench/sitemap_bench.py [112414] [--site-url https://example.org/] [--keep DIR]

Drives the sitemap writer (sawt/outputs/sitemap.py) with the page paths such an archive
publishes in both languages: every case page (test-person-000001 ...), the case index's
pages (200 rows a page) and the sample's hand-written pages. Prints each file with its URL
count and size, the time taken, and whether each file is under the protocol's limits; with
xmllint on the PATH (Debian's libxml2-utils) each file is also checked against the
protocol's schema (tests/unit/reference/sitemaps/). Nothing is timed as a test.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sawt.outputs.sitemap import (  # noqa: E402
    INDEX_SITEMAP, MAX_BYTES_PER_FILE, MAX_URLS_PER_FILE, page_sitemaps, robots_txt, sitemap_index_xml,
)
from sawt.render.case_index import PER_PAGE  # noqa: E402

SCHEMAS = ROOT / "tests" / "unit" / "reference" / "sitemaps"


def archive_page_paths(cases: int) -> set[str]:
    """The language-neutral paths an archive of `cases` published cases has: case pages,
    the case index's later pages, and every hand-written page of the sample (docs/en/)."""
    written = {"" if p.stem == "index" and p.parent == ROOT / "docs" / "en" else
               p.relative_to(ROOT / "docs" / "en").with_suffix("").as_posix() + "/"
               for p in (ROOT / "docs" / "en").rglob("*.md")}
    index_pages = {f"cases/page/{n}/" for n in range(2, -(-cases // PER_PAGE) + 1)}
    return written | index_pages | {f"cases/test-person-{n:06d}/" for n in range(1, cases + 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="?", type=int, default=112_414)
    parser.add_argument("--site-url", default="https://example.org/")
    parser.add_argument("--keep", type=Path, help="write the files here (default: a temporary folder)")
    args = parser.parse_args()
    out = args.keep or Path(tempfile.mkdtemp(prefix="sawt-sitemaps-"))
    out.mkdir(parents=True, exist_ok=True)
    paths = archive_page_paths(args.cases)
    start = time.perf_counter()
    names = []
    for sitemap in page_sitemaps(paths, args.site_url):
        (out / sitemap.name).write_text(sitemap.text, encoding="utf-8")
        names.append((sitemap.name, sitemap.url_count))
    (out / INDEX_SITEMAP).write_text(sitemap_index_xml(args.site_url, [n for n, _ in names]), encoding="utf-8")
    (out / "robots.txt").write_text(robots_txt(args.site_url, [n for n, _ in names]), encoding="utf-8")
    seconds = time.perf_counter() - start
    print(f"{args.cases:,} cases: {len(paths):,} pages in each language, written in {seconds:.1f} s into {out}")
    for name, urls in names:
        size = (out / name).stat().st_size
        under = urls <= MAX_URLS_PER_FILE and size <= MAX_BYTES_PER_FILE
        print(f"  {name:24} {urls:>7,} URLs {size / 1e6:6.1f} MB  {'under the limits' if under else 'OVER THE LIMITS'}")
    print(f"  total {sum(u for _, u in names):,} URLs; {INDEX_SITEMAP} {(out / INDEX_SITEMAP).stat().st_size} bytes")
    if shutil.which("xmllint"):
        for schema, files in (("urlset.xsd", [n for n, _ in names]), ("siteindex.xsd", [INDEX_SITEMAP])):
            result = subprocess.run(["xmllint", "--noout", "--huge", "--stream", "--schema", str(SCHEMAS / schema),
                                     *(str(out / f) for f in files)], capture_output=True, text=True)
            print(f"  xmllint --schema {schema}: " + " ".join(result.stderr.split("\n")[:len(files)]).strip())
    else:
        print("  xmllint not found (Debian: apt-get install libxml2-utils): schema not checked")
    if not args.keep:
        shutil.rmtree(out)


if __name__ == "__main__":
    main()
