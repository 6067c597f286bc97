"""Under a development server: an edited case's pages, shown before the whole rebuild.

A volunteer who saves data/cases/x.yml wants to see x's page change. The whole rebuild
that follows also rewrites the index pages, counts, share cards, search index and exports,
and at 10,000 cases it takes 20-30 s; x's two pages alone take a fraction of a second once
the archive is checked again. So, before that rebuild, the build checks the whole archive
(the same check, so a bad file shows no preview and the rebuild reports it), rewrites only
the edited cases' pages in the site being served, and the server reloads the page. The
rebuild then runs as always and replaces everything; nothing here is ever published by
`make build`.

Only an edit of existing case files is previewed this way: a case added or removed, or
any other file changed, changes pages a preview would not rewrite (the index, the home
page's count), and waits for the rebuild.

A hand-written page (docs/<lang>/x.md) is previewed the same way: while it is served, its
content sits between two markers in its built page, and an edit of its file alone (nothing
added or removed, data/ unchanged) is rendered by the engine's own Markdown at its address,
put through the same steps as in a build (shortcodes, sanitiser, untranslated notice, share
block) and swapped in between the markers. The table of contents beside it, and any other
page, follow with the rebuild. The markers exist only under the development server.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from sawt.config import SiteConfig
from sawt.data.history import RecordHistories
from sawt.data.model import Case
from sawt.dates import archive_today
from sawt.engine.archive import ArchiveLoader
from sawt.errors import SawtError
from sawt.machinery.cached_files import write_atomically
from sawt.machinery.fingerprint import Fingerprint, fingerprint
from sawt.render.frame import PageFrame
from sawt.stages.case_pages import PAGE_FILES, CasePagesJob, case_url, write_case_pages


def edited_case_files(before: Fingerprint, after: Fingerprint, cases_dir: Path) -> list[Path]:
    """The case files changed from `before` to `after`, if nothing else changed: no file
    added or removed, and only .yml files directly in `cases_dir`. Otherwise [] (only the
    whole rebuild can show such a change)."""
    changed = [Path(path) for path in _changed_only(before, after)]
    if any(path.parent != cases_dir or path.suffix != ".yml" for path in changed):
        return []
    return sorted(changed)


def _changed_only(before: Fingerprint, after: Fingerprint) -> list[str]:
    """The files whose content changed from `before` to `after`; [] if any was added or removed
    (only the whole rebuild can show that)."""
    if not before or before.keys() != after.keys():
        return []
    return [path for path, seen in after.items() if before[path] != seen]


def replace_pages(written: Path, site_dir: Path, urls: Iterable[str], names: Sequence[str]) -> None:
    """Move each page's files (`names`, e.g. index.html and the text-only version) from the
    folder they were written in into the served site: one rename a file, so a reader gets
    the old page or the new one, never half of one."""
    for url in urls:
        target = site_dir / url
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            source = written / url / name
            if source.is_file():
                os.replace(source, target / name)
    shutil.rmtree(written, ignore_errors=True)


def remove_pages(site_dir: Path, urls: Iterable[str]) -> None:
    """Pages of a case that is no longer published (publish: false, an embargo): gone from
    the served site at once, not after the rebuild."""
    for url in urls:
        shutil.rmtree(site_dir / url, ignore_errors=True)


@dataclass(frozen=True)
class HandWrittenPage:
    """A hand-written page as the served site shows it: enough to show an edit of its file."""

    source: Path  # the Markdown file
    source_name: str  # as messages name it: docs/en/x.md
    lang: str  # the language it is shown in (a page borrowed from the other language has two)
    page_url: str  # its address in that language, e.g. ar/about/
    dest_uri: str  # its file in the site, e.g. ar/about/index.html
    render_markdown: Callable[[str], str | None]  # the engine's Markdown at that address (None: it warned)


#: Around a hand-written page's content in its built page, under a development server only.
CONTENT_START = "<!--sawt:content-->"
CONTENT_END = "<!--/sawt:content-->"


def marked_content(html: str) -> str:
    return f"{CONTENT_START}{html}{CONTENT_END}"


@dataclass(frozen=True)
class ServedSite:
    """What the published site was built from: its frames, stories, data files, hand-written
    pages and their files."""

    frames: Mapping[tuple[str, str], PageFrame]
    stories: Mapping[tuple[str, str], str]
    data_seen: Fingerprint
    docs_seen: Fingerprint = field(default_factory=dict)
    hand_written: Mapping[str, tuple[HandWrittenPage, ...]] = field(default_factory=dict)  # by source path
    histories: RecordHistories | None = None  # the records' histories (git's, unchanged by an edit not committed)


def preview_edited_cases(*, served: ServedSite, site_dir: Path, config: SiteConfig, loader: ArchiveLoader,
                         today: date, data_seen: Fingerprint, data_cache_dir: Path, pages_cache_dir: Path,
                         share_block: Callable[[Case, str], str]) -> list[str]:
    """Rewrite in the served site the pages of the case files edited since it was built, when
    nothing else changed. Returns the addresses rewritten or removed; [] when there is nothing
    to show this way (the rebuild that follows shows everything).

    The archive is checked with the build's own parsed files (`data_cache_dir`, and the loader's
    copy in memory), so only the edited file is parsed again: with the pages' cache given there
    instead, every file was parsed again and stored among the pages, 5.6 s an edit at 10,000
    cases (py-spy), and the rebuild after it lost the copy in memory."""
    if loader.checked_as is None or archive_today(config.time_zone) != today:
        return []  # a new day: the rebuild judges every embargo again
    seen = data_seen
    edited = edited_case_files(served.data_seen, seen, config.data_dir / "cases")
    if not edited:
        return []
    try:
        archive = loader.load(seen, today=today, strict=loader.checked_as[1], cache_dir=data_cache_dir)
    except SawtError:
        return []  # the rebuild reports the problem over the page
    slugs = {path.stem for path in edited}
    shown = {slug for slug in slugs if archive.case(slug) is not None}
    scratch = site_dir.with_name(site_dir.name + ".preview")
    shutil.rmtree(scratch, ignore_errors=True)
    pages = write_case_pages(CasePagesJob(
        archive=archive, frames={lang: served.frames[(lang, "case")] for lang in config.codes},
        site_names=config.site_names, stories=served.stories, share_block=share_block, site_url=config.site_url,
        site_dir=scratch, cache_dir=pages_cache_dir, today=today, histories=served.histories,
    ), slugs=shown)
    replace_pages(scratch, site_dir, pages.urls, PAGE_FILES)
    withheld = [case_url(slug, lang) for slug in sorted(slugs - shown) for lang in config.codes]
    remove_pages(site_dir, withheld)
    return pages.urls + withheld


def edited_page_files(before: Fingerprint, after: Fingerprint, known: Mapping[str, object]) -> list[Path]:
    """The hand-written pages' files changed from `before` to `after`, if nothing else changed
    (no file added or removed, every changed file a page the served site shows, `known` by its
    real path); otherwise []."""
    changed = sorted(os.path.realpath(path) for path in _changed_only(before, after))
    if any(path not in known for path in changed):
        return []
    return [Path(path) for path in changed]


def spliced_content(page_html: str, content: str) -> str | None:
    """`page_html` with the content between its markers replaced; None if it has none."""
    start = page_html.find(CONTENT_START)
    end = page_html.find(CONTENT_END, start)
    if start < 0 or end < 0:
        return None
    return page_html[: start + len(CONTENT_START)] + content + page_html[end:]


def preview_edited_pages(*, served: ServedSite, site_dir: Path, docs_dir: Path, data_seen: Fingerprint,
                         body: Callable[[HandWrittenPage, str], str | None]) -> list[str]:
    """Show in the served site the hand-written pages whose files alone were edited since it
    was built (see the module's doc). `body(page, text)`: the page's new content from its
    file's text, or None when it has a problem (the rebuild reports it). Returns the
    addresses rewritten."""
    if data_seen != served.data_seen:
        return []  # counts and case links on the pages may have changed too: the rebuild shows them
    edited = edited_page_files(served.docs_seen, fingerprint(docs_dir), served.hand_written)
    shown: list[str] = []
    for path in edited:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        for page in served.hand_written[str(path)]:
            content = body(page, text)
            target = site_dir / page.dest_uri
            try:
                page_html = target.read_text(encoding="utf-8")
            except OSError:
                continue
            new_html = None if content is None else spliced_content(page_html, content)
            if new_html is None:
                continue
            write_atomically(target, new_html.encode("utf-8"))  # a reader gets the old page or the new one
            shown.append(page.page_url)
    return shown

