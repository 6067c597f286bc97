"""ZIM benchmark (not a test): the ZIM's size against the offline zip of the same build, and
the time `make zim` takes.

    .venv/bin/python bench/zim_bench.py                       # the sample site
    .venv/bin/python bench/zim_bench.py --cases 10000         # + 10,000 fictional cases (slow: a full build)
    .venv/bin/python bench/zim_bench.py --cases 10000 --work /tmp/zim10k   # keep the build there, and
                                                              # reuse it on the next run (ZIM and zip only)

Builds the project as `make zim` does (in a throwaway copy with the synthetic cases,
bench/build_bench.py), writes the ZIM with `python -m sawt zim` (timed as a process, as
`make zim` runs it), makes the offline copy and its zip from a copy of the same build
(sawt.outputs.offline.make_copy), then prints
  build      seconds of the strict build (`make zim`'s first step), pages
  zim        bytes, entries, seconds to write it, and `make zim` = build + write
  zip        bytes of the offline zip of the same build, seconds to make it
  ratio      ZIM / zip
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sawt.outputs.offline import SITE_FOLDER, make_copy  # noqa: E402


def built_site(cases: int, work: Path) -> tuple[Path, float | None]:
    """The build in work/project/site, made now (and timed) unless a finished one is there."""
    site = work / "project" / "site"
    if (work / "build.done").is_file() and (site / "index.html").is_file():
        seconds = float((work / "build.done").read_text())
        print(f"build: reused {site} (built in {seconds:.0f} s)")
        return site, seconds
    from bench import build_bench

    shutil.rmtree(work / "project", ignore_errors=True)
    project = build_bench.copy_project(work / "project")
    if cases:
        build_bench.add_synthetic_cases(project / "data", work / "synthetic-cases", cases)
    seconds, peak_mb, pages = build_bench.timed_build(project)
    (work / "build.done").write_text(f"{seconds:.1f}")
    print(f"build: {cases} synthetic cases + the sample: {pages} pages in {seconds:.0f} s, peak {peak_mb:.0f} MB")
    return site, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=0, help="fictional cases added to the sample (default: 0)")
    parser.add_argument("--work", type=Path, help="keep the build here and reuse it (default: a temporary folder)")
    args = parser.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="sawt-zim-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        site, build_seconds = built_site(args.cases, work)
        zim = work / "site.zim"
        zim.unlink(missing_ok=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "sawt", "zim", str(site), str(zim)], check=True, cwd=ROOT,
                       stdout=subprocess.DEVNULL, env={**os.environ, "SOURCE_DATE_EPOCH": "1764720000"})
        zim_seconds = time.perf_counter() - started

        copy = work / "offline"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(site, copy / SITE_FOLDER)
        zip_path = work / "site-offline.zip"
        started = time.perf_counter()
        make_copy(copy, zip_path, built=date(2025, 12, 3))
        zip_seconds = time.perf_counter() - started

        zim_bytes, zip_bytes = zim.stat().st_size, zip_path.stat().st_size
        print(f"zim: {zim_bytes:,} bytes ({zim_bytes / 1e6:.1f} MB), written in {zim_seconds:.1f} s; "
              f"make zim = build + write = {build_seconds + zim_seconds:.0f} s")
        print(f"zip: {zip_bytes:,} bytes ({zip_bytes / 1e6:.1f} MB), made in {zip_seconds:.1f} s")
        print(f"ratio: the ZIM is {zim_bytes / zip_bytes:.2f} of the zip")
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
