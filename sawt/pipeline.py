"""The whole build, in order. Adding a stage is one module in sawt/stages/ and one line here.

1. Load and check the archive (data/), once a build: `sawt.engine.archive`. A bad file
   stops the build here, with every problem's file and line.
2. The engine's pages, one whole engine build per language (MkDocs with mkdocs-static-i18n,
   driven through hooks/sawt_hooks.py): the hand-written pages, with shortcodes expanded and
   sanitised, the file list decided by `sawt.engine.files`, and one page frame per kind of
   generated page, which Sawt fills per case. Share cards are drawn ahead meanwhile.
3. The site-wide stages below, once every language is built, each timed in the build log's
   `sawt stages:` line.
4. Publish: the staging folder replaces the last site only if nothing failed and a strict
   build logged no warning (`sawt.engine.session`).
"""

from __future__ import annotations

from types import ModuleType

from sawt.machinery.timing import StageClock
from sawt.stages import (
    captures,
    case_pages,
    exports,
    feeds,
    history,
    host_headers,
    photos,
    search,
    share_cards,
    sitemap,
    theme_css,
    theme_script,
)
from sawt.stages.context import GIVEN, RECORDED, BuildContext

STAGES: tuple[ModuleType, ...] = (
    history,       # each published case's history of its record, from git (one git log for all)
    case_pages,    # case pages and index pages 2+, filled into the engine's frames
    sitemap,       # every page the engine and case_pages wrote
    photos,        # published cases' photos
    share_cards,   # the site's and each case's preview card
    search,        # every page, once all are written
    feeds,         # one Atom feed a language
    exports,       # cases.json and cases.csv a language
    captures,      # each published source's capture: its download and its escaped text view
    host_headers,  # _headers, from every finished page's policy
    theme_script,  # the theme's script, patched
    theme_css,     # the theme's stylesheet, trimmed
)


def run_stages(build: BuildContext, clock: StageClock) -> None:
    for stage in STAGES:
        with clock.timing(stage_name(stage)):
            stage.run(build)


def stage_name(stage: ModuleType) -> str:
    return stage.__name__.rsplit(".", 1)[-1]


def check_order(stages: tuple[ModuleType, ...] = STAGES) -> list[str]:
    """Problems with the order: a stage that reads a field no earlier stage wrote, or writes
    one that is not the stages' to write. Empty when the order is sound."""
    problems, available = [], set(GIVEN)
    for stage in stages:
        name = stage_name(stage)
        problems += [f"{name} reads {field}, which no earlier stage writes" for field in stage.READS if field not in available]
        problems += [f"{name} writes {field}, which is not a field stages record" for field in stage.WRITES if field not in RECORDED]
        available.update(stage.WRITES)
    return problems


_PROBLEMS = check_order()
if _PROBLEMS:  # a mistake in this file, caught when Sawt is imported rather than half-way through a build
    raise ImportError("sawt.pipeline: " + "; ".join(_PROBLEMS))
