"""Command line: `python -m sawt check [--data DIR] [--today YYYY-MM-DD] [--lenient]`.

`check` prints every problem in the data on its own line (file:line: message)
and a summary, and exits 1; or prints what the data holds and exits 0. Bad
input never produces a traceback: that is for bugs in Sawt itself.

Script-direction problems (Arabic in an en: text ...) are errors, as in every
published build, so that a file `check` passes is a file the build accepts;
`--lenient` prints them as warnings instead, as `make serve` does.

`python -m sawt synthetic DIR --cases N [--seed S]` writes a fictional archive
for benchmarks.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .errors import DataError
from .load import check_archive


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date written YYYY-MM-DD') from None


def check(data_dir: Path, today: date, *, strict: bool = True) -> int:
    try:
        report = check_archive(data_dir, today=today, strict=strict)
    except DataError as error:
        for problem in error.problems:
            print(problem)
        print(error.summary())
        return 1
    for warning in report.warnings:
        print(warning.as_warning())
    archive = report.archive
    shown = f"{data_dir.as_posix().rstrip('/')}/"
    print(
        f"{shown} is valid: {_plural(len(archive.cases), 'published case')} "
        f"({report.withheld_cases} unpublished or embargoed), "
        f"{_plural(len(archive.sources), 'source')}, {_plural(len(archive.figures), 'figure')}, "
        f"{_plural(len(archive.context_events), 'context event')}"
    )
    return 0


def synthetic(out_dir: Path, cases: int, seed: int) -> int:
    from .synthetic import write_synthetic_archive

    write_synthetic_archive(out_dir, cases, seed)
    print(f"wrote {_plural(cases, 'fictional case')} to {out_dir.as_posix()}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sawt", description="Sawt data tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate everything in the data directory")
    check_parser.add_argument("--data", type=Path, default=Path("data"), help="data directory (default: data)")
    check_parser.add_argument("--today", type=_iso_date, default=None,
                              help="judge future dates and embargoes as of this day (default: today)")
    check_parser.add_argument("--lenient", action="store_true",
                              help="report script-direction problems as warnings, not errors")
    synthetic_parser = commands.add_parser("synthetic", help="write a fictional archive for benchmarks")
    synthetic_parser.add_argument("out", type=Path, help="directory to write (becomes the data dir)")
    synthetic_parser.add_argument("--cases", type=int, default=1000)
    synthetic_parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    if args.command == "check":
        return check(args.data, args.today or date.today(), strict=not args.lenient)
    return synthetic(args.out, args.cases, args.seed)


if __name__ == "__main__":
    sys.exit(main())
