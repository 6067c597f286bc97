"""Stage: write every case page in every language, filled into that language's frame,
and the case index's pages after the first.

A page's article is cached under .cache/pages/ by everything that changes it (the
case's content, the story, the photo's address, the site's name, and the source of
the renderer and its templates), so a rebuild renders only the cases that changed.
A page whose frame and article are both unchanged since the published build is not
even filled: it is hard-linked from the published site (sawt/machinery/reuse.py). Large
archives are written by one worker process per core (sawt/machinery/forked.py).
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable, Collection, Mapping, Sequence

from sawt import catalogs
from sawt.data.history import RecordHistories
from sawt.data.model import Archive, Case
from sawt.data.photos import published_photo_path
from sawt.languages import neutral_path, relative_url, url_in_language
from sawt.machinery.cached_files import COMPRESSED_SUFFIX, VALUES_FORMAT, pack_values, unpack_values, write_atomically
from sawt.machinery.forked import in_workers
from sawt.machinery.reuse import PublishedPages, stamp
from sawt.outputs.htmlpost import privacy_tags
from sawt.render import frame
from sawt.render.appeal import CaseAction, case_action
from sawt.render.case_index import case_index_page_sources, index_page_content
from sawt.render.case_page import CasePageContent, case_page_content
from sawt.render.frame import PageFrame
from sawt.render.text_page import FAVICON, TEXT_PAGE_NAME, TEXT_STYLESHEET, shared_head, text_page_html
from sawt.stages.context import BuildContext

READS = ("config", "archive", "today", "site_dir", "published_dir", "caches", "frames", "stories", "share_block",
         "histories")
WRITES = ("published_pages", "generated_paths", "page_keys", "pages_linked")

#: The files of one case page in one language: the page and its text-only version.
PAGE_FILES = ("index.html", TEXT_PAGE_NAME)

#: Below this many pages, starting worker processes costs more than it saves.
PAGES_PER_PROCESS_POOL = 400


@dataclass(frozen=True)
class CasePagesJob:
    archive: Archive
    frames: Mapping[str, PageFrame]  # by language
    site_names: Mapping[str, str]
    stories: Mapping[tuple[str, str], str]  # (lang, slug) -> story HTML
    share_block: Callable[[Case, str], str]  # (case, lang) -> the share block's HTML
    site_url: str
    site_dir: Path
    cache_dir: Path | None
    today: date | None = None  # the archive's day: an appeal past its deadline is closed
    published: PublishedPages | None = None  # the published site's pages, to link the unchanged ones from
    histories: RecordHistories | None = None  # each case's history of its record (None: no history section)


@dataclass(frozen=True)
class WrittenPages:
    urls: list[str]  # site-relative, for the sitemap
    keys: dict[str, str]  # URL -> page key (sawt/machinery/reuse.py), when pages are cached
    stamps: dict[str, str] = field(default_factory=dict)  # URL -> its files' stamp (sawt/machinery/reuse.py)
    linked: int = 0  # pages taken unchanged from the published site


class FrameMissing(Exception):
    """The engine did not render a page frame this stage fills (a defect, not a volunteer's)."""


def run(build: BuildContext) -> None:
    """Case pages and index pages 2+, filled into the frames the engine rendered."""
    languages = build.config.codes
    missing = [f"{lang} {kind}" for lang in languages for kind in frame.FRAME_FOLDERS if (lang, kind) not in build.frames]
    if missing:
        raise FrameMissing(f"internal: page frames were not rendered for {', '.join(missing)}")
    cache_dir = build.caches.dir("pages")
    if build.published_dir is not None and build.published_dir != build.site_dir:
        build.published_pages = PublishedPages.of(cache_dir, build.published_dir)
    pages = write_case_pages(CasePagesJob(
        archive=build.archive, frames={lang: build.frames[(lang, "case")] for lang in languages},
        site_names=build.config.site_names, stories=dict(build.stories), share_block=build.share_block,
        site_url=build.config.site_url, site_dir=build.site_dir, cache_dir=cache_dir, today=build.today,
        published=build.published_pages, histories=build.histories,
    ))
    written, keys, stamps, linked = list(pages.urls), dict(pages.keys), dict(pages.stamps), pages.linked
    for lang in languages:
        index = write_index_pages(build.archive, lang, build.frames[(lang, "index")], build.site_dir, build.published_pages)
        written += index.urls
        keys.update(index.keys)
        stamps.update(index.stamps)
        linked += index.linked
    if build.published_pages is not None:
        build.published_pages.record(keys, stamps)
    build.pages_linked = linked
    build.page_keys = {url + "index.html": key for url, key in keys.items()}
    build.generated_paths.update(neutral_path(url) for url in written)
    for lang in languages:  # the frames themselves are not pages of the site
        for kind in frame.FRAME_FOLDERS:
            shutil.rmtree(build.site_dir / url_in_language(frame.frame_url(kind), lang), ignore_errors=True)


def case_url(slug: str, lang: str) -> str:
    """The site-relative address of a case page: "cases/x/", "ar/cases/x/"."""
    return url_in_language(f"cases/{slug}/", lang)


def write_case_pages(job: CasePagesJob, slugs: Collection[str] | None = None) -> WrittenPages:
    """Write every case page (or those of the cases `slugs` names), in every language of the job's frames."""
    indexes = [index for index, case in enumerate(job.archive.cases) if slugs is None or case.slug in slugs]
    if job.cache_dir is not None:
        for index in indexes:  # once a case, here: forked workers would each make their own
            job.archive.cases[index].digest
    work = [(lang, index) for lang in job.frames for index in indexes]
    frame_keys = {lang: frame.key for lang, frame in job.frames.items()}
    keys: dict[str, str] = {}
    stamps: dict[str, str] = {}
    linked = 0
    results = in_workers(work, partial(_write_range, job, frame_keys), slice_size=256, minimum=PAGES_PER_PROCESS_POOL)
    for chunk_keys, chunk_stamps, chunk_linked in results:
        keys.update(chunk_keys)
        stamps.update(chunk_stamps)
        linked += chunk_linked
    return WrittenPages(urls=[case_url(job.archive.cases[index].slug, lang) for lang, index in work], keys=keys,
                        stamps=stamps, linked=linked)


def write_index_pages(archive: Archive, lang: str, index_frame: PageFrame, site_dir: Path,
                      published: PublishedPages | None = None) -> WrittenPages:
    """The case index's pages after the first (cases/page/N/; the first is the hand-written
    cases/index.md, where the volunteer writes the intro). A page whose inputs and frame are
    unchanged since the published build is linked from it instead of rendered."""
    urls, keys, stamps, linked = [], {}, {}, 0
    for source in case_index_page_sources(archive, lang)[1:]:
        url = url_in_language(source.path, lang)
        urls.append(url)
        keys[url] = key = hashlib.sha256(f"{index_frame.key}:{renderer_fingerprint()}:{source.key()}".encode()).hexdigest()
        linked_stamp = published.link(url, key, site_dir, ("index.html",)) if published is not None else None
        if linked_stamp is not None:
            linked += 1
            stamps[url] = linked_stamp
            continue
        page = source.render()
        out = site_dir / url / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(index_frame.fill(str(page.number), index_page_content(page, lang)), encoding="utf-8")
        stamps[url] = stamp(site_dir / url, ("index.html",))
    return WrittenPages(urls=urls, keys=keys, stamps=stamps, linked=linked)


def _write_range(job: CasePagesJob, frame_keys: Mapping[str, str],
                 work: Sequence[tuple[str, int]]) -> tuple[dict[str, str], dict[str, str], int]:
    """Write these pages; returns their keys and stamps (when cached) and how many were linked unchanged."""
    keys: dict[str, str] = {}
    stamps: dict[str, str] = {}
    linked = 0
    for lang, index in work:
        case = job.archive.cases[index]
        url = case_url(case.slug, lang)
        options = _options(job, case, lang, url)
        content_key = _content_key(job, case, lang, options) if job.cache_dir is not None else None
        if content_key is not None:
            keys[url] = page_key = hashlib.sha256(f"{frame_keys[lang]}:{content_key}".encode()).hexdigest()
            linked_stamp = job.published.link(url, page_key, job.site_dir, PAGE_FILES) if job.published else None
            if linked_stamp is not None:
                linked += 1
                stamps[url] = linked_stamp
                continue
        content = _content(job, case, lang, options, content_key)
        out = job.site_dir / url / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        page = job.frames[lang].fill(case.slug, content)
        out.write_text(page, encoding="utf-8")
        (out.parent / TEXT_PAGE_NAME).write_text(text_page_html(
            content, lang=lang, site_name=job.site_names[lang], privacy_meta=privacy_tags(page),
            head_tags=shared_head(page),
            stylesheet_href=relative_url(url, TEXT_STYLESHEET), favicon_href=relative_url(url, FAVICON), canonical_url=job.site_url.rstrip("/") + "/" + url,
            full_page_href="./", other_languages=[(other, relative_url(url, case_url(case.slug, other)) + TEXT_PAGE_NAME)
                                                  for other in job.frames if other != lang],
        ), encoding="utf-8")
        if content_key is not None:
            stamps[url] = stamp(out.parent, PAGE_FILES)
    return keys, stamps, linked


def _options(job: CasePagesJob, case: Case, lang: str, url: str) -> dict:
    photo_url = relative_url(url, published_photo_path(case.slug, case.photo)) if case.photo else None
    return dict(site_name=job.site_names[lang], narrative_html=job.stories.get((lang, case.slug)), photo_url=photo_url,
                action=_action(job, case, lang, url),
                history=job.histories.of(case.slug) if job.histories is not None else None)


def _content_key(job: CasePagesJob, case: Case, lang: str, options: dict) -> str:
    """Everything a page's article is made from (the frame around it aside)."""
    return hashlib.sha256(repr((renderer_fingerprint(), job.site_url, lang, case.digest, options)).encode("utf-8")).hexdigest()


def _content(job: CasePagesJob, case: Case, lang: str, options: dict, key: str | None) -> CasePageContent:
    if job.cache_dir is None or key is None:
        return _render(job, case, lang, options)
    # Compressed (pack_values): a page's entry went from 13.1 KB to 3.3 KB on average at 1,000
    # fictional cases (their repeated sentences compress better than real text). At 112,414
    # cases the uncompressed entries were 2.8 GB of the 6.9 GB .cache/ that actions/cache must carry.
    cached = job.cache_dir / key[:2] / f"{key}{COMPRESSED_SUFFIX}"
    try:
        return CasePageContent(**unpack_values(cached.read_bytes()))
    except (OSError, ValueError, TypeError):
        pass
    content = _render(job, case, lang, options)
    write_atomically(cached, pack_values(asdict(content)))  # a reader never sees half a file
    return content


def appeal_url(appeal_id: str, lang: str) -> str:
    """The site-relative address of an appeal's page: "appeals/x/", "ar/appeals/x/"."""
    return url_in_language(f"appeals/{appeal_id}/", lang)


def _action(job: CasePagesJob, case: Case, lang: str, url: str) -> CaseAction:
    appeal = job.archive.appeals.get(case.appeal) if case.appeal else None
    if appeal is None or job.today is None:
        return case_action(None, lang, today=job.today or date.min, appeal_href=None, appeal_address=None)
    page = appeal_url(appeal.id, lang)
    return case_action(appeal, lang, today=job.today, appeal_href=relative_url(url, page),
                       appeal_address=job.site_url.rstrip("/") + "/" + page)


def _render(job: CasePagesJob, case: Case, lang: str, options: dict) -> CasePageContent:
    # The share block (links, QR code) follows the case header, within a phone's
    # first two screens: sharing is the action most readers can take.
    return case_page_content(case, lang, **options, share_html=job.share_block(case, lang))


def renderer_fingerprint() -> str:
    """A hash of Sawt's own source and templates, and of the catalogs its strings come from: any
    change to how a page is made invalidates every cached page (cheap, and never stale)."""
    return f"{_source_fingerprint()}:{catalogs.fingerprint()}"


@lru_cache(maxsize=1)
def _source_fingerprint() -> str:
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(VALUES_FORMAT.encode("utf-8"))  # the pages' cache entries' format
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".j2", ".json") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
