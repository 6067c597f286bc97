"""First-view weight (not a test): bytes fetched by Chromium, empty cache, over a local gzip server.

    .venv/bin/python bench/first_view.py                 # builds the sample site into a temp folder
    .venv/bin/python bench/first_view.py --site site     # an already built site

For the home page and one case page in each language, a fresh browser context (empty cache)
at a phone's size loads the page until the network is idle (fonts, icons, scripts that
run at load); every request is listed with its bytes on the wire (gzip where the server
compresses, headers included) and its decoded size, then the page's total. A URL fetched
more than once is marked "DUPLICATE". The budget (issue 9) is 120 KB gzipped per first view.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gzip_server import serve  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
BUDGET = 120_000
PAGES = ["/", "/ar/", "/cases/saleh-al-samar/", "/ar/cases/saleh-al-samar/"]


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SAWT_SITE_URL": "https://sawt.example.org/"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT, env=env,
                   check=True, capture_output=True)


def first_view(browser, url: str) -> list[dict]:
    # A new context has an empty cache; within the page, the memory cache works as in any browser.
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    requests: dict[str, dict] = {}
    cdp.on("Network.requestWillBeSent", lambda e: requests.setdefault(e["requestId"], {"url": e["request"]["url"], "wire": 0, "decoded": 0}))
    cdp.on("Network.dataReceived", lambda e: requests.get(e["requestId"], {}).__setitem__("decoded", requests[e["requestId"]]["decoded"] + e["dataLength"]) if e["requestId"] in requests else None)
    cdp.on("Network.loadingFinished", lambda e: requests[e["requestId"]].__setitem__("wire", e["encodedDataLength"]) if e["requestId"] in requests else None)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    context.close()
    return list(requests.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample site into a temp folder)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build(site)
        server, base = serve(site, gzip_text=True)
        totals = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in PAGES:
                fetched = [r for r in first_view(browser, base + path) if not r["url"].startswith("data:")]
                seen = Counter(r["url"] for r in fetched)
                print(f"\n{path}")
                for r in sorted(fetched, key=lambda r: -r["wire"]):
                    mark = "  DUPLICATE" if seen[r["url"]] > 1 else ""
                    print(f"  {r['wire']:>8,} B  ({r['decoded']:>8,} decoded)  {r['url'].removeprefix(base)}{mark}")
                wire = sum(r["wire"] for r in fetched)
                totals[path] = wire
                print(f"  total {wire:,} B on the wire (gzip), {sum(r['decoded'] for r in fetched):,} B decoded, {len(fetched)} requests"
                      f"  [{'within' if wire <= BUDGET else 'OVER'} the {BUDGET:,} B budget]")
            browser.close()
        server.shutdown()
        print("\nsummary (bytes on the wire, gzip, empty cache)")
        for path, wire in totals.items():
            print(f"  {path:<32} {wire:>8,}")


if __name__ == "__main__":
    main()
