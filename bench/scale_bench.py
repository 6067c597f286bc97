"""Build at scale: Sawt against plain Material + mkdocs-static-i18n on the same text.

    .venv/bin/python bench/scale_bench.py [N ...]          (default: 1000)
    .venv/bin/python bench/scale_bench.py --sawt-only 100000
    .venv/bin/python bench/scale_bench.py --plain-cold-only 10000   (no plain one-edit rebuild:
                                                                     at 10,000 cases it takes 9 minutes)

For each N, in one run and on the same N fictional cases of realistic length
(summaries of ~300 words a language, 1-5 events, about 40% without an ask):

* Sawt: `mkdocs build --strict` cold (no .cache: every card, QR code and page drawn),
  again with nothing changed, and again after one case's summary was edited and committed;
  then the size of site/ and of .cache/ by kind; then as the publish workflow builds: a fresh
  git clone with .cache/ copied in (as actions/cache restores it) and one more case edited;
  the Sawt project is a git repository whose cases have a history of a few commits (every
  case added, then 1% edited, then 2% with only a private note changed), so that each case
  page's "History of this record" is read from a real git history;
* plain Material: the same cases written as plain Markdown pages (name, status,
  summary, ask, timeline, sources) beside the same hand-written pages, cases out of
  the nav, Material's own search; cold, then again (it has no cache), then after
  the same one-case edit.

Prints seconds, peak RSS of the build's process tree (/usr/bin/time -v), pages
written and pages per second, CPU seconds (user + system, all processes: on a shared
machine, less swayed by others' load than wall time), then Sawt's times as ratios of plain Material's cold
build. This is a benchmark, not a test: the machine is noisy, so compare ratios
from one run. Synthetic cases are plainly fictional and never touch data/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.build_bench import copy_project  # noqa: E402
from sawt.dates import archive_today, event_type_label, status_label  # noqa: E402
from sawt.data.load import load_archive  # noqa: E402
from sawt.data.synthetic import write_synthetic_archive  # noqa: E402

SUMMARY_WORDS = 300
EDITED = "test-person-0001.yml"


@dataclass
class Run:
    seconds: float
    peak_mb: float
    pages: int
    cpu_seconds: float = 0.0  # user + system of the whole process tree: less swayed by others' load than wall time
    log: tuple[str, ...] = ()  # Sawt's own stage times and search summary, printed under its row


def timed(command: list[str], cwd: Path, site: Path) -> Run:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SAWT_SITE_URL": "https://sawt.example.org/"}
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-v", *command], cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed in {cwd}:\n{result.stderr[-3000:]}")
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", result.stderr).group(1)) for kind in ("User", "System"))
    log = tuple("    " + line.split("-  ", 1)[-1] for line in result.stderr.splitlines()
                if "sawt stages:" in line or "search index:" in line)
    pages = sum(1 for _ in site.rglob("*.html"))
    return Run(seconds, peak_kb / 1024, pages, cpu, log)


def mkdocs_build(project: Path) -> Run:
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict"], project, project / "site")


def sawt_project(tmp: Path, n: int) -> Path:
    project = copy_project(tmp / f"sawt-{n}")
    scratch = tmp / f"cases-{n}"
    write_synthetic_archive(scratch, n, summary_words=SUMMARY_WORDS)
    for case in (scratch / "cases").glob("*.yml"):
        shutil.move(str(case), project / "data" / "cases" / case.name)
    with (project / "data" / "sources.yml").open("a", encoding="utf-8") as sources:
        sources.write("\n" + (scratch / "sources.yml").read_text(encoding="utf-8"))
    commit_history(project)
    return project


def git(project: Path, *args: str, day: str = "2026-03-01") -> None:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_NAME": "Bench",
           "GIT_COMMITTER_EMAIL": "bench@example.org", "GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00",
           "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00"}
    subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)


def commit_history(project: Path) -> None:
    """The project as a git repository whose cases have a history: every case added, then 1% of
    them edited, then 2% with only a private note changed (which the history does not show)."""
    (project / ".gitignore").write_text("site/\n.cache/\nsawt\n", encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "the archive", day="2026-01-01")
    cases = sorted((project / "data" / "cases").glob("test-person-*.yml"))
    for case in cases[1::100]:
        edit_one_case(case)
    git(project, "commit", "-q", "-am", "edits", day="2026-02-01")
    for case in cases[2::50]:
        text = case.read_text(encoding="utf-8")
        case.write_text(text.replace("fictional private note", "fictional private note 2") if "private:" in text
                        else text + "private: {note: 'a fictional private note'}\n", encoding="utf-8")
    git(project, "commit", "-q", "-am", "private notes", day="2026-02-15")


PLAIN_MKDOCS_YML = """site_name: Sawt
site_url: https://sawt.example.org/
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  language: en
  font: false
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      languages:
        - {locale: en, name: English, default: true, build: true}
        - {locale: ar, name: العربية, build: true}
markdown_extensions: [attr_list, md_in_html, admonition, tables, {toc: {permalink: "#"}}]
not_in_nav: |
  /*/cases/*.md
  !/*/cases/index.md
"""


def plain_case_markdown(case, lang: str) -> str:
    """The same text a Sawt case page shows, as a page a volunteer could write by hand."""
    other = "ar" if lang == "en" else "en"
    lines = [f"# {case.name[lang]}", "", case.name[other], "", f"**{status_label(case.status, lang)}**", "",
             case.summary[lang], ""]
    if case.ask is not None:
        lines += [f"!!! note \"{'What we ask' if lang == 'en' else 'مطالبنا'}\"", "", f"    {case.ask[lang]}", ""]
    lines += ["## Timeline" if lang == "en" else "## التسلسل الزمني", ""]
    for event in case.events:
        place = f" ({event.place[lang]})" if event.place else ""
        lines.append(f"- {event.date.iso()}: {event_type_label(event.type, lang)}. {event.text[lang]}{place}")
    lines += ["", "## Sources" if lang == "en" else "## المصادر", ""]
    lines += [f"1. {source.title}, {source.publisher}" for source in case.sources]
    return "\n".join(lines) + "\n"


def plain_project(tmp: Path, n: int, sawt: Path) -> Path:
    """Plain Material + static-i18n: the sample's hand-written pages and every case as a page."""
    project = tmp / f"plain-{n}"
    shutil.copytree(ROOT / "docs", project / "docs")
    nav = re.search(r"^nav:\n(?:  .*\n)+", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE).group(0)
    (project / "mkdocs.yml").write_text(PLAIN_MKDOCS_YML + nav, encoding="utf-8")
    for case in load_archive(sawt / "data", today=archive_today()).cases:
        for lang in ("en", "ar"):
            (project / "docs" / lang / "cases" / f"{case.slug}.md").write_text(plain_case_markdown(case, lang),
                                                                                encoding="utf-8")
    return project


def edit_one_case(case_file: Path) -> None:
    text = case_file.read_text(encoding="utf-8")
    case_file.write_text(text.replace("  en: \"", "  en: \"Edited for the benchmark. ", 1), encoding="utf-8")


def edit_one_plain_page(project: Path) -> None:
    page = project / "docs" / "en" / "cases" / EDITED.replace(".yml", ".md")
    text = page.read_text(encoding="utf-8").splitlines(keepends=True)
    text.insert(2, "Edited for the benchmark.\n\n")
    page.write_text("".join(text), encoding="utf-8")


def _folder_bytes(folder: Path) -> tuple[int, int]:
    total = files = 0
    for parent, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(parent, name)
            if not os.path.islink(path):
                total, files = total + os.lstat(path).st_size, files + 1
    return total, files


def site_and_cache_sizes(project: Path) -> str:
    """The built site and .cache/ by kind, as actions/cache would archive it (every file counted)."""
    site_bytes, site_files = _folder_bytes(project / "site")
    kinds = sorted(p for p in (project / ".cache").iterdir() if p.is_dir()) if (project / ".cache").is_dir() else []
    cache = {kind.name: _folder_bytes(kind)[0] for kind in kinds}
    return (f"    site/ {site_bytes / 1e9:.2f} GB in {site_files:,} files; .cache/ {sum(cache.values()) / 1e9:.2f} GB: "
            + ", ".join(f"{name} {size / 1e6:.0f} MB" for name, size in cache.items()))


def row(label: str, run: Run, base: float | None) -> str:
    ratio = f"{run.seconds / base:>7.2f}x" if base else f"{'':>8}"
    return "\n".join((f"{label:<44} {run.seconds:>9.1f} {ratio} {run.peak_mb:>9.0f} {run.pages:>8} {run.pages / run.seconds:>8.0f}"
                      f" {run.cpu_seconds:>7.1f}", *run.log))


def main(sizes: list[int], *, sawt_only: bool, plain_cold_only: bool = False) -> None:
    print(f"{'build':<44} {'seconds':>9} {'x plain':>8} {'peak MB':>9} {'pages':>8} {'pages/s':>8} {'CPU s':>7}")
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as scratch:
        tmp = Path(scratch)
        for n in sizes:
            sawt = sawt_project(tmp, n)
            plain = None if sawt_only else plain_project(tmp, n, sawt)
            base = None
            if plain is not None:
                plain_cold = mkdocs_build(plain)
                base = plain_cold.seconds
                print(row(f"{n} cases: plain Material, cold", plain_cold, base), flush=True)
            cold = mkdocs_build(sawt)
            print(row(f"{n} cases: Sawt, cold (no .cache)", cold, base), flush=True)
            again = mkdocs_build(sawt)
            print(row(f"{n} cases: Sawt, nothing changed", again, base), flush=True)
            edit_one_case(sawt / "data" / "cases" / EDITED)
            git(sawt, "commit", "-q", "-am", "one case edited")  # as the publish workflow builds it
            edited = mkdocs_build(sawt)
            print(row(f"{n} cases: Sawt, one case edited", edited, base), flush=True)
            print(site_and_cache_sizes(sawt), flush=True)
            # The publish workflow: a fresh clone (new file times, no site/), .cache/ restored as
            # actions/cache restores it, one more case edited and committed.
            clone = tmp / f"clone-{n}"
            subprocess.run(["git", "clone", "-q", str(sawt), str(clone)], check=True)
            shutil.copytree(sawt / ".cache", clone / ".cache", symlinks=True)
            (clone / "sawt").symlink_to(ROOT / "sawt")  # (git-ignored: mkdocs.yml watches it)
            edit_one_case(clone / "data" / "cases" / EDITED)
            git(clone, "commit", "-q", "-am", "one more case edited")
            print(row(f"{n} cases: Sawt, fresh clone + .cache, edit", mkdocs_build(clone), base), flush=True)
            shutil.rmtree(clone, ignore_errors=True)
            if plain is not None and not plain_cold_only:
                edit_one_plain_page(plain)
                print(row(f"{n} cases: plain Material, one page edited", mkdocs_build(plain), base), flush=True)
            if plain is not None:
                shutil.rmtree(plain, ignore_errors=True)
            shutil.rmtree(sawt, ignore_errors=True)  # (a build's last site may still be going, see sawt.machinery.staging)
            sys.stdout.flush()


if __name__ == "__main__":
    args = sys.argv[1:]
    if any(a in ("-h", "--help") for a in args):
        sys.exit(__doc__)
    flags = {"--sawt-only", "--plain-cold-only"}
    main([int(a) for a in args if a not in flags] or [1000], sawt_only="--sawt-only" in args,
         plain_cold_only="--plain-cold-only" in args)
