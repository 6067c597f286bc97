"""Stage: each published case's "History of this record", read from git before the case pages
are written (sawt/data/history.py decides what a history shows; sawt/data/gitlog.py reads git).

One `git log` over data/cases and one `git cat-file --batch` for the versions not yet in
.cache/history/ (their summaries are kept by blob id), whatever the number of cases. When the
history cannot be read (a shallow clone, no git), `history_unavailable` says why: the build
prints it once, and every case page says the history is not available in this build.
"""

from __future__ import annotations

from sawt.data.history import read_histories
from sawt.stages.context import BuildContext

READS = ("config", "archive", "today", "caches")
WRITES = ("histories", "history_unavailable")


def run(build: BuildContext) -> None:
    build.histories = read_histories(build.config.data_dir, (case.slug for case in build.archive.cases),
                                     today=build.today, cache_dir=build.caches.dir("history"))
    build.history_unavailable = build.histories.unavailable
