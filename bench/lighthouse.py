"""Lighthouse 12.2.3, mobile, over a local gzip server (not a test): the median of 3 runs per page.

    .venv/bin/python bench/lighthouse.py                 # builds the sample site into a temp folder
    .venv/bin/python bench/lighthouse.py --site site --runs 5

Lighthouse comes from $LIGHTHOUSE, or node_modules/.bin/lighthouse when package.json has it, else from
`npm exec --package=lighthouse@12.2.3` (npm's cache; Node 20). It drives Debian's
/usr/bin/chromium with its default mobile settings (a mid-range phone, simulated slow 4G).
For each page it prints the median score of each category, the first-view bytes Lighthouse
counted, and every audit that kept a category below 1 in the median run.
Targets (issue 9): performance >= 0.99, accessibility, best practices and SEO 1.00.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.first_view import PAGES, build  # noqa: E402
from bench.gzip_server import serve  # noqa: E402

VERSION = "12.2.3"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"


def lighthouse_command() -> list[str]:
    if os.environ.get("LIGHTHOUSE"):  # e.g. LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse
        return [os.environ["LIGHTHOUSE"]]
    local = ROOT / "node_modules" / ".bin" / "lighthouse"
    if local.exists():
        return [str(local)]
    return ["npm", "exec", "--yes", f"--package=lighthouse@{VERSION}", "--", "lighthouse"]


def run_lighthouse(url: str, out: Path, categories: list[str] = CATEGORIES) -> dict:
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    subprocess.run(
        [*lighthouse_command(), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--only-categories={','.join(categories)}", f"--chrome-flags={CHROME_FLAGS}"],
        check=True, env=env, capture_output=True, timeout=600,
    )
    return json.loads(out.read_text(encoding="utf-8"))


def failing_audits(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    audits = report["audits"]
    return [f"{ref['id']} ({audits[ref['id']]['score']})" for ref in refs
            if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site (default: build the sample site into a temp folder)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=PAGES)
    args = parser.parse_args()
    if shutil.which("npm") is None:
        sys.exit("Lighthouse needs Node.js 20 and npm")
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build(site)
        server, base = serve(site, gzip_text=True)
        print(f"Lighthouse {VERSION}, mobile, {args.runs} runs a page, gzip server")
        print(f"{'page':<30}" + "".join(f"{c:>16}" for c in CATEGORIES) + f"{'bytes':>10}")
        for path in args.pages:
            reports = [run_lighthouse(base + path, Path(tmp) / f"run{i}.json") for i in range(args.runs)]
            medians = {c: statistics.median(r["categories"][c]["score"] for r in reports) for c in CATEGORIES}
            weight = statistics.median(r["audits"]["total-byte-weight"]["numericValue"] for r in reports)
            print(f"{path:<30}" + "".join(f"{medians[c]:>16.2f}" for c in CATEGORIES) + f"{weight:>10,.0f}")
            # The run whose performance is the median: what kept each category below 1.
            middle = sorted(reports, key=lambda r: r["categories"]["performance"]["score"])[len(reports) // 2]
            for category in CATEGORIES:
                failing = failing_audits(middle, category)
                if failing:
                    print(f"    {category}: " + ", ".join(failing))
        server.shutdown()


if __name__ == "__main__":
    main()
