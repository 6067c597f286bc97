"""Where a built site's bytes go, per case: a measurement to aim the slimming at, not a test.

    .venv/bin/python bench/site_bytes.py SITE_DIR

Sorts every file of a built site into what it is (case pages, their text pages, share
cards, search index, exports, sitemaps, other pages, theme assets) and prints each kind's
total, files and bytes per case. Inside the case pages it splits each page into its
`<article>` (the case itself), the inline `<svg>` icons, the inline `<script>` and
`<style>`, and the rest of the frame (head, header, menu, footer), and inside the article
its QR code and any other inline `<svg>` (icons are drawn by the stylesheets since issue 28,
so that line should read 0); and gives a case page's median size raw and gzipped. Build the site first, e.g. as bench/scale_bench.py does
(`sawt_project` with 1,000 fictional cases, then `mkdocs build`).
"""

from __future__ import annotations

import gzip
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

CASE_PAGE = re.compile(r"^(ar/)?cases/(?!page/)[^/]+/index\.html$")
TEXT_PAGE = re.compile(r"^(ar/)?cases/[^/]+/text\.html$")
KINDS = (
    ("case pages", lambda p: bool(CASE_PAGE.match(p))),
    ("case text pages", lambda p: bool(TEXT_PAGE.match(p))),
    ("share cards", lambda p: p.startswith("assets/cards/")),
    ("search index", lambda p: p.startswith("pagefind/")),
    ("exports", lambda p: re.match(r"^(ar/)?data/cases\.", p) is not None),
    ("sitemaps, robots", lambda p: p.startswith("sitemap") or p == "robots.txt"),
    ("other pages", lambda p: p.endswith(".html")),
    ("theme and assets", lambda p: True),
)
PARTS = {
    "inline <svg> icons": re.compile(r"<svg\b.*?</svg>", re.S),
    "inline <script>": re.compile(r"<script\b[^>]*>.*?</script>", re.S),
    "inline <style>": re.compile(r"<style\b[^>]*>.*?</style>", re.S),
}
ARTICLE = re.compile(r"<article\b.*?</article>", re.S)
QR_CODE = re.compile(r'<svg\b[^>]*class="sawt-qr".*?</svg>', re.S)


def main(site: Path) -> None:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    parts: dict[str, int] = defaultdict(int)
    page_sizes: list[int] = []
    gzipped: list[int] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file() and not p.is_symlink()):
        relative = path.relative_to(site).as_posix()
        kind = next(name for name, matches in KINDS if matches(relative))
        size = path.stat().st_size
        totals[kind][0] += size
        totals[kind][1] += 1
        if kind == "case pages":
            html = path.read_text(encoding="utf-8")
            page_sizes.append(len(html.encode()))
            if len(gzipped) < 200:
                gzipped.append(len(gzip.compress(html.encode(), 6)))
            article = "".join(ARTICLE.findall(html))
            frame = ARTICLE.sub("", html)
            parts["<article>: the case"] += len(article.encode())
            for name, pattern in PARTS.items():
                found = sum(len(m.encode()) for m in pattern.findall(frame))
                parts[f"frame: {name}"] += found
                frame = pattern.sub("", frame)
            parts["frame: the rest (head, header, menu, footer)"] += len(frame.encode())
            qr = sum(len(m.encode()) for m in QR_CODE.findall(article))
            parts["<article>: of it the QR code (<svg>)"] += qr
            parts["<article>: of it other inline <svg>"] += sum(len(m.encode()) for m in PARTS["inline <svg> icons"].findall(article)) - qr
    cases = max(1, totals["case pages"][1] // 2)
    whole = sum(size for size, _ in totals.values())
    print(f"{site}: {whole / 1e6:.1f} MB in {sum(n for _, n in totals.values()):,} files; "
          f"{cases:,} cases: {whole / cases / 1e3:.1f} KB a case in both languages, every output included")
    print(f"  {'kind':<48} {'MB':>8} {'files':>8} {'KB/case':>8}")
    for name, _ in KINDS:
        size, files = totals[name]
        print(f"  {name:<48} {size / 1e6:>8.1f} {files:>8,} {size / cases / 1e3:>8.1f}")
    print(f"  case pages, split ({totals['case pages'][1]:,} pages; median page "
          f"{statistics.median(page_sizes) / 1e3:.1f} KB, {statistics.median(gzipped) / 1e3:.1f} KB gzipped):")
    for name, size in parts.items():
        print(f"    {name:<46} {size / 1e6:>8.1f} {'':>8} {size / cases / 1e3:>8.1f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("site"))
