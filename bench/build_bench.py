"""Build-time benchmark: the sample site, then synthetic archives of N fictional cases.

    .venv/bin/python bench/build_bench.py [N ...]      (default: 1000)

Prints wall time and peak memory of a strict `mkdocs build` (both languages) and
the page count. Synthetic cases are made here, in a temporary copy of the
project, and are plainly fictional; they never touch the sample archive.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_project(target: Path) -> Path:
    """A throwaway copy of the project to change and build (the tests use it too)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("hooks", "overrides", "docs", "data", "archive"):  # archive/: the sources' captures
        shutil.copytree(ROOT / folder, target / folder)
    (target / "sawt").symlink_to(ROOT / "sawt")  # mkdocs.yml watches it during `serve`
    return target


def timed_build(project: Path) -> tuple[float, float, int]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SAWT_SITE_URL": os.environ.get("SAWT_SITE_URL", "https://sawt.example.org/")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(result.stderr[-3000:])
    peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    return seconds, peak_mb, pages


def add_synthetic_cases(data: Path, scratch: Path, n: int) -> None:
    """Add N fictional cases (and their sources) beside the sample's, whose pages
    the sample's own Markdown links to."""
    subprocess.run([sys.executable, "-m", "sawt", "synthetic", str(scratch), "--cases", str(n)],
                   check=True, capture_output=True, cwd=ROOT)
    for case in (scratch / "cases").glob("*.yml"):
        shutil.copy(case, data / "cases" / case.name)
    with (data / "sources.yml").open("a", encoding="utf-8") as sources:
        sources.write("\n" + (scratch / "sources.yml").read_text(encoding="utf-8"))


def main(sizes: list[int]) -> None:
    print(f"{'archive':>22} {'pages':>7} {'build s':>8} {'rebuild s':>10} {'peak MB':>8}")
    print(f"{'':>22} {'':>7} {'(cold)':>8} {'(cached cards)':>10}")
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:  # a last site may still be being deleted
        project = copy_project(Path(tmp) / "sample")
        seconds, peak, pages = timed_build(project)
        again, _, _ = timed_build(project)
        print(f"{'sample':>22} {pages:>7} {seconds:>8.1f} {again:>10.1f} {peak:>8.0f}")
        for n in sizes:
            project = copy_project(Path(tmp) / f"synthetic-{n}")
            add_synthetic_cases(project / "data", Path(tmp) / f"cases-{n}", n)
            seconds, peak, pages = timed_build(project)
            again, _, _ = timed_build(project)
            print(f"{f'{n} synthetic cases':>22} {pages:>7} {seconds:>8.1f} {again:>10.1f} {peak:>8.0f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000])
