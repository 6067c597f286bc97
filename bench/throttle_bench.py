"""First view of a case page on a throttled network (not a test): seconds to readable text.

    .venv/bin/python bench/throttle_bench.py                       # builds the sample site first
    .venv/bin/python bench/throttle_bench.py --site test-artifacts/site --runs 3

Serves the built site from 127.0.0.1 with gzip for text (as a static host would), opens each
case page in a fresh Chromium context with the cache disabled, and throttles it through the
DevTools protocol (Network.emulateNetworkConditions) to Chrome DevTools' presets:
  Slow 3G   2,000 ms latency, 50 KB/s down and up
  Fast 3G   562.5 ms latency, 180 KB/s down, 84 KB/s up
Each is measured with the page's fonts, and without them (every .woff2 request refused, as when
a reader's connection drops them: the text stays in the system fallback). Printed, median of
--runs: first contentful paint, the h1 painted (Element Timing), the largest contentful paint,
load, the last font file received, and the bytes on the wire before load
(all, and without fonts).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.search_bench import serve  # noqa: E402  (the plain server, with gzip for text)
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, build_site  # noqa: E402

PRESETS = {
    "Slow 3G": {"latency": 2000, "downloadThroughput": 500 * 1000 / 8 * 0.8, "uploadThroughput": 500 * 1000 / 8 * 0.8},
    "Fast 3G": {"latency": 150 * 3.75, "downloadThroughput": 1.6 * 1000 * 1000 / 8 * 0.9,
                "uploadThroughput": 750 * 1000 / 8 * 0.9},
}
PAGES = ("/cases/saleh-al-samar/", "/ar/cases/saleh-al-samar/",
         # the text-only versions (sawt/render/text_page.py): no script, font or image
         "/cases/saleh-al-samar/text.html", "/ar/cases/saleh-al-samar/text.html")

#: Marks the first h1 for Element Timing as soon as it is parsed, and records paints.
TIMING_SCRIPT = """
window.__sawtTiming = {};
new MutationObserver((records, observer) => {
  const h1 = document.querySelector('h1');
  if (h1 && !h1.hasAttribute('elementtiming')) { h1.setAttribute('elementtiming', 'sawt-h1'); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
new PerformanceObserver(list => { for (const e of list.getEntries()) if (e.identifier === 'sawt-h1')
  window.__sawtTiming.h1 = e.renderTime || e.loadTime; }).observe({type: 'element', buffered: true});
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__sawtTiming.lcp = e.renderTime || e.loadTime; })
  .observe({type: 'largest-contentful-paint', buffered: true});
"""


def measure(browser, url: str, preset: dict, fonts: bool, detail: bool = False) -> dict:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.add_init_script(TIMING_SCRIPT)
    if not fonts:
        page.route("**/*.woff2", lambda route: route.abort())
    client = context.new_cdp_session(page)
    client.send("Network.enable")
    client.send("Network.setCacheDisabled", {"cacheDisabled": True})
    client.send("Network.emulateNetworkConditions", {"offline": False, **preset})
    urls: dict[str, str] = {}
    sizes: dict[str, int] = {}
    client.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    client.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(url, wait_until="load", timeout=180_000)
    time.sleep(0.3)  # let the last paint entries arrive
    timing = page.evaluate("""() => {
        const fonts = performance.getEntriesByType('resource').filter(r => r.name.endsWith('.woff2') && r.responseEnd);
        return {
          fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
          load: performance.getEntriesByType('navigation')[0].loadEventEnd,
          fonts: fonts.length ? Math.max(...fonts.map(r => r.responseEnd)) : null,
          ...window.__sawtTiming };
    }""")
    if detail:
        for rid, size in sorted(sizes.items(), key=lambda item: -item[1]):
            print(f"    {size / 1024:7.1f} KB  {urls.get(rid, '?').removeprefix(url.split('/cases/')[0])}")
    total = sum(sizes.values())
    no_fonts = sum(size for rid, size in sizes.items() if not urls.get(rid, "").endswith(".woff2"))
    context.close()
    return {**timing, "bytes": total, "bytes_without_fonts": no_fonts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample into a temporary folder)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--detail", action="store_true", help="list each file's bytes on the wire (first run)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="sawt-throttle-") as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            result = build_site(ROOT, site)
            if result.returncode != 0:
                sys.exit(result.stderr[-3000:])
        server, base = serve(site, gzip_text=True)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for name, preset in PRESETS.items():
                    for path in PAGES:
                        for fonts in (True, False):
                            runs = [measure(browser, base + path, preset, fonts, args.detail and i == 0)
                                    for i in range(args.runs)]

                            def med(key: str) -> str:
                                values = [r[key] for r in runs if r.get(key) is not None]
                                return f"{statistics.median(values) / 1000:.2f} s" if values else "-"

                            kb = statistics.median(r["bytes"] for r in runs) / 1024
                            kb_text = statistics.median(r["bytes_without_fonts"] for r in runs) / 1024
                            print(f"{name:8} {path:28} {'fonts' if fonts else 'no fonts':8}: "
                                  f"first paint {med('fcp')}, h1 {med('h1')}, LCP {med('lcp')}, load {med('load')}"
                                  + (f", last font in {med('fonts')}" if fonts else "")
                                  + f"; {kb:.0f} KB on the wire ({kb_text:.0f} KB without fonts)")
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
