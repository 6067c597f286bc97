"""Command line: `python -m sawt COMMAND` (see `python -m sawt --help`).

`check` prints every problem in the data on its own line (file:line: message)
and a summary, and exits 1; or prints what the data holds and exits 0. Under
GitHub Actions it also prints each problem as an annotation and writes a step
summary (`sawt.volunteer.annotations`). Bad input never produces a traceback:
that is for bugs in Sawt itself.

`new-case SLUG` and `new-page PATH` start a case file or a pair of twin pages;
`translations` lists what is missing or outdated in one language.

`zim [SITE_DIR] [ZIM_FILE]` writes the Kiwix ZIM file of a build (`make zim`).

`site-size [SITE_DIR] [--limit-mb N]` measures a built site against GitHub Pages' 1 GB (publish workflow).

`synthetic DIR --cases N [--seed S]` writes a fictional archive for benchmarks.

`import SHEET` checks a .csv, .xlsx or .ods of cases row by row and writes the case files;
`import-template` writes the sheet to fill in, `export-sheet` the archive in that layout
(sawt/sheets/).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from sawt.data.errors import DataError
from sawt.data.load import check_archive
from sawt.dates import archive_today
from sawt.volunteer import annotations
from sawt.volunteer.scaffold import ScaffoldError, case_template, check_slug, new_case, new_page
from sawt.volunteer.translations import translation_report

#: The repository: where new files are written and whose history `translations` reads
#: (`make` and volunteers run from its top folder).
ROOT = Path(".")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date written YYYY-MM-DD') from None


def check(data_dir: Path, today: date, *, strict: bool = True) -> int:
    on_github = annotations.running_on_github()
    try:
        report = check_archive(data_dir, today=today, strict=strict)
    except DataError as error:
        for problem in error.problems:
            print(problem)
        print(error.summary())
        if on_github:
            for problem in error.problems:
                print(annotations.problem_annotation(problem))
            annotations.append_step_summary(annotations.check_summary(error.problems, error.summary()))
        return 1
    for warning in report.warnings:
        print(warning.as_warning())
    archive = report.archive
    shown = f"{data_dir.as_posix().rstrip('/')}/"
    headline = (
        f"{shown} is valid: {_plural(len(archive.cases), 'published case')} "
        f"({report.withheld_cases} unpublished or embargoed), "
        f"{_plural(len(archive.sources), 'source')}, {_plural(len(archive.figures), 'figure')}, "
        f"{_plural(len(archive.context_events), 'context event')}"
        + (f", {_plural(len(archive.appeals), 'appeal')}" if archive.appeals else "")
    )
    print(headline)
    if on_github:
        annotations.append_step_summary(annotations.check_summary([], headline))
    return 0


def site_size(site_dir: Path, limit_mb: float | None) -> int:
    """One line: the built site's size against the host's limit; exit status 1 over it."""
    from sawt.outputs.host_limits import GITHUB_PAGES_LIMIT_BYTES, measure_site, size_report

    if not site_dir.is_dir():
        print(f"{site_dir.as_posix()}/ does not exist: build the site first (make build)")
        return 2
    limit = GITHUB_PAGES_LIMIT_BYTES if limit_mb is None else int(limit_mb * 1_000_000)
    fits, line = size_report(measure_site(site_dir), f"{site_dir.as_posix().rstrip('/')}/", limit)
    print(line)
    return 0 if fits else 1


def synthetic(out_dir: Path, cases: int, seed: int, words: int = 0) -> int:
    from sawt.data.synthetic import write_synthetic_archive

    write_synthetic_archive(out_dir, cases, seed, summary_words=words)
    print(f"wrote {_plural(cases, 'fictional case')} to {out_dir.as_posix()}/")
    return 0


def scaffold(command: str, name: str, root: Path, *, to_stdout: bool = False) -> int:
    try:
        if to_stdout:  # the copy for the web editor: .github/case-template.yml
            check_slug(name, "case", "ali-hassan")
            print(case_template(name), end="")
            return 0
        written = new_case(root, name) if command == "new-case" else new_page(root, name)
    except ScaffoldError as error:
        print(error)
        return 1
    for path in written.paths:
        print(f"wrote {path}")
    for step in written.next_steps:
        print(step)
    return 0


def translations(root: Path) -> int:
    report = translation_report(root)
    print(report.text())
    if annotations.running_on_github():
        for entry in report.entries:
            print(annotations.workflow_command("warning", entry.todo, file=entry.path, line=entry.line,
                                               title=f"translation: {entry.kind}"))
        annotations.append_step_summary(report.markdown())
    return 0


def cms(root: Path, port: int, *, export: Path | None = None, repo: str | None = None, auth_url: str | None = None) -> int:
    from sawt.volunteer.cms import CmsConfigError, export_admin, serve_locally

    try:
        if export is None:
            return serve_locally(root, port=port)
        written = export_admin(export, root, repo=repo or "", auth_url=auth_url or "")
        print(f"wrote the editing UI to {written}/: publish that folder on its own address, not the site's")
        return 0
    except CmsConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _configured_time_zone(data_dir: Path) -> str:
    """The site's time zone for embargoes (mkdocs.yml beside data/), so that the check
    and the build agree on which cases are published today."""
    from sawt.config import ConfigError, load_site_config
    from sawt.dates import ARCHIVE_TIMEZONE

    config_file = data_dir.resolve().parent / "mkdocs.yml"
    try:
        return load_site_config(config_file).time_zone if config_file.is_file() else ARCHIVE_TIMEZONE
    except ConfigError:
        return ARCHIVE_TIMEZONE  # the build reports a broken mkdocs.yml; the data can still be checked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sawt", description="Sawt data tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate everything in the data directory")
    check_parser.add_argument("--data", type=Path, default=Path("data"), help="data directory (default: data)")
    check_parser.add_argument("--today", type=_iso_date, default=None,
                              help="judge future dates and embargoes as of this day (default: today in UTC)")
    check_parser.add_argument("--lenient", action="store_true",
                              help="report script-direction problems as warnings, not errors")
    new_case_parser = commands.add_parser("new-case", help="write data/cases/SLUG.yml to fill in (unpublished)")
    new_case_parser.add_argument("slug", help="the case's address, e.g. ali-hassan")
    new_case_parser.add_argument("--print", action="store_true", dest="to_stdout",
                                 help="print the file instead of writing it")
    new_page_parser = commands.add_parser("new-page", help="write docs/en/PATH.md and docs/ar/PATH.md")
    new_page_parser.add_argument("page", help="the page's address, e.g. statement or news/2026-01-visit")
    for parser_with_root in (new_case_parser, new_page_parser):
        parser_with_root.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    translations_parser = commands.add_parser(
        "translations", help="list pages and texts missing or outdated in one language")
    translations_parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    cms_parser = commands.add_parser("cms", help="serve the editing UI on http://127.0.0.1:PORT/admin/ (make cms)")
    cms_parser.add_argument("--port", type=int, default=8081)
    cms_parser.add_argument("--root", type=Path, default=Path("."), help="the project folder it saves into")
    cms_parser.add_argument("--export", type=Path, metavar="DIR",
                            help="instead, write the UI to DIR, to publish on its own address (needs --repo, --auth-url)")
    cms_parser.add_argument("--repo", help="the GitHub repository saves open pull requests on, owner/name")
    cms_parser.add_argument("--auth-url", help="the https:// address of the OAuth service that signs in to GitHub")
    import_parser = commands.add_parser("import", help="import cases from a .csv, .xlsx or .ods sheet (make import FILE=...)")
    import_parser.add_argument("sheet", type=Path, help="the sheet to import")
    import_parser.add_argument("--data", type=Path, default=Path("data"), help="data directory (default: data)")
    import_parser.add_argument("--write-valid", action="store_true",
                               help="write the good rows even if others have problems (the exit status is still 1)")
    import_parser.add_argument("--dry-run", action="store_true", help="check and list what would change; write nothing")
    import_parser.add_argument("--date-format", action="append", default=[], choices=("DD/MM/YYYY", "MM/DD/YYYY", "YYYY/MM/DD", "serial"),
                               help="how to read dates that are not YYYY-MM-DD (19/04/2023 is DD/MM/YYYY; serial: Excel's "
                                    "day numbers); may be given twice")
    import_parser.add_argument("--encoding", help="a CSV's encoding, when it is not UTF-8, UTF-16 or Arabic windows-1256")
    import_parser.add_argument("--sheet", dest="sheet_name", help="the sheet to read in a workbook (default: \"cases\", "
                                                                 "else the first visible one)")
    import_parser.add_argument("--today", type=_iso_date, default=None, help=argparse.SUPPRESS)
    template_parser = commands.add_parser("import-template", help="write the sheet to fill in (cases-template.xlsx)")
    template_parser.add_argument("out", type=Path, nargs="?", default=Path("cases-template.xlsx"))
    export_parser = commands.add_parser("export-sheet", help="write every case as one row of a sheet (.xlsx, .ods or .csv)")
    export_parser.add_argument("out", type=Path, nargs="?", default=Path("cases-export.xlsx"))
    export_parser.add_argument("--data", type=Path, default=Path("data"), help="data directory (default: data)")
    export_parser.add_argument("--include-private", action="store_true",
                               help="also write the private_ columns (keep that file private)")
    zim_parser = commands.add_parser("zim", help="write the Kiwix ZIM file of a built site (make zim)")
    zim_parser.add_argument("site", type=Path, nargs="?", default=Path("site"), help="the built site (default: site)")
    zim_parser.add_argument("zim", type=Path, nargs="?", default=Path("site.zim"), help="the file to write (default: site.zim)")
    zim_parser.add_argument("--with-cards", action="store_true",
                            help="also carry the share cards, which no page in the ZIM loads (at 10,000 cases: +368 MB)")
    archive_parser = commands.add_parser("archive", help="capture every cited source as a WACZ file (make archive)")
    archive_parser.add_argument("ids", nargs="*", metavar="SOURCE_ID", help="only these sources (default: every one with a url)")
    archive_parser.add_argument("--data", type=Path, default=Path("data"), help="data directory (default: data)")
    archive_parser.add_argument("--folder", type=Path, default=None, help="the capture folder (default: archive/ beside data/)")
    archive_parser.add_argument("--again", action="append", default=[], metavar="ID", help="add a new capture of ID (may be repeated)")
    archive_parser.add_argument("--import", dest="import_", nargs=2, metavar=("ID", "FILE"),
                                help="import a copy made elsewhere (WACZ, PDF, HTML, text or screenshot) as a capture of ID")
    archive_parser.add_argument("--copied-by", help="with --import: who made the copy")
    archive_parser.add_argument("--captured-on", type=_iso_date, help="with --import: when the copy was made, if known (YYYY-MM-DD)")
    archive_parser.add_argument("--note", help="with --import: what the copy is, in a sentence")
    archive_parser.add_argument("--verify", action="store_true", help="re-hash every capture; list each mismatch and exit 1")
    archive_parser.add_argument("--check-live", action="store_true", help="fetch each original again: gone, changed or online")
    archive_parser.add_argument("--max-mb", type=float, default=50, help="size limit of one capture in MB (default 50)")
    archive_parser.add_argument("--time-limit", type=float, default=60, help="seconds for one source, redirects included (default 60)")
    archive_parser.add_argument("--allow-private", action="store_true",
                                help="also fetch from loopback and private addresses (tests only: never on a real archive)")
    size_parser = commands.add_parser("site-size", help="measure a built site against the host's size limit (publish workflow)")
    size_parser.add_argument("site", type=Path, nargs="?", default=Path("site"))
    size_parser.add_argument("--limit-mb", type=float, default=None,
                             help="the host's limit in MB (default: GitHub Pages' 1 GB)")
    bucket_parser = commands.add_parser(
        "publish-bucket", help="upload a built site to an S3-compatible bucket with rclone (README: Large archives)")
    bucket_parser.add_argument("remote", help="the rclone remote and bucket: NAME:BUCKET or NAME:BUCKET/FOLDER")
    bucket_parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    synthetic_parser = commands.add_parser("synthetic", help="write a fictional archive for benchmarks")
    synthetic_parser.add_argument("out", type=Path, help="directory to write (becomes the data dir)")
    synthetic_parser.add_argument("--cases", type=int, default=1000)
    synthetic_parser.add_argument("--seed", type=int, default=0)
    synthetic_parser.add_argument("--words", type=int, default=0, help="words per summary and language (0: one line)")
    args = parser.parse_args(argv)

    if args.command == "check":
        return check(args.data, args.today or archive_today(_configured_time_zone(args.data)), strict=not args.lenient)
    if args.command in ("new-case", "new-page"):
        if args.command == "new-case":
            return scaffold(args.command, args.slug, args.root, to_stdout=args.to_stdout)
        return scaffold(args.command, args.page, args.root)
    if args.command == "translations":
        return translations(args.root)
    if args.command == "cms":
        return cms(args.root, args.port, export=args.export, repo=args.repo, auth_url=args.auth_url)
    if args.command == "import":
        from sawt.sheets.importer import run_import

        today = args.today or archive_today(_configured_time_zone(args.data))
        return run_import(args.sheet, args.data, today, write_valid=args.write_valid, dry_run=args.dry_run,
                          date_formats=tuple(args.date_format), encoding=args.encoding, sheet_name=args.sheet_name)
    if args.command == "import-template":
        from sawt.sheets.export import write_template

        write_template(args.out)
        print(f"wrote {args.out.as_posix()}: fill in one case a row, then make import FILE={args.out.as_posix()}")
        return 0
    if args.command == "export-sheet":
        from sawt.sheets.export import run_export

        return run_export(args.data, args.out, include_private=args.include_private)
    if args.command == "archive":
        from sawt.capture.command import Options, run as run_archive
        from sawt.data.captures import archive_dir_for

        options = Options(data_dir=args.data, folder=args.folder or archive_dir_for(args.data),
                          max_bytes=int(args.max_mb * 1024 * 1024), time_limit=args.time_limit,
                          allow_private=args.allow_private)
        if args.folder is None and options.folder.resolve() == (Path.cwd() / "archive").resolve():
            options.folder = Path("archive")  # shown as the volunteer would type it
        return run_archive(options, args.ids, again=args.again,
                           import_=(args.import_[0], Path(args.import_[1])) if args.import_ else None,
                           do_verify=args.verify, live=args.check_live, copied_by=args.copied_by,
                           captured_on=args.captured_on.isoformat() if args.captured_on else None, note=args.note)
    if args.command == "zim":
        from sawt.outputs.zim import main as write_zim_file

        return write_zim_file(args.site, args.zim, with_cards=args.with_cards)
    if args.command == "site-size":
        return site_size(args.site, args.limit_mb)
    if args.command == "publish-bucket":
        from sawt.outputs.bucket import publish

        return publish(args.site, args.remote)
    return synthetic(args.out, args.cases, args.seed, args.words)
