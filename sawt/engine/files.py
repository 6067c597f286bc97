"""Which files the engine builds in each language: Sawt's policy for its file list.

The engine finds the Markdown pages under docs/<lang>/; Sawt then decides, per language:
- active files (.html, .svg, .js under docs/) are refused, never published;
- a page written in another language only is borrowed, and built here with a notice;
- the story of an unpublished or embargoed case (docs/<lang>/cases/<slug>.md) is withheld
  with its case; the story of a published case is placed inside its generated page;
- case pages and the case index's pages after the first are generated: a page frame per
  kind, which Sawt fills per case, and every case page as a link target only.

`plan_file_list` decides all of it from the pages' addresses and source files, without the
engine, so a test can drive it; the adapter applies the plan to the engine's own file list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

from sawt.data.model import Archive
from sawt.errors import SawtError
from sawt.languages import neutral_path
from sawt.render import frame, sanitise

__all__ = ["GeneratedPage", "SourcePage", "FileListPlan", "plan_file_list", "is_refused", "story_slug",
           "check_appeal_pages", "content_language"]

is_refused = sanitise.is_refused  # the one list of refused files is the sanitiser's


@dataclass(frozen=True)
class SourcePage:
    """A Markdown page that exists in one language's folder."""

    path: Path
    neutral_src: str  # "about.md", "appeals/index.md"

    @property
    def dest_uri(self) -> str:
        stem = self.neutral_src[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")] + "index.html"
        return stem + "/index.html"

    @property
    def neutral_url(self) -> str:
        dest = self.dest_uri
        return neutral_path(dest[: -len("index.html")] if dest.endswith("index.html") else dest)


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # language-neutral, e.g. "cases/x.md"
    neutral_url: str  # "cases/x/"
    markdown: str
    #: Known to the engine only so that links to it resolve and are checked: the page
    #: itself is written by Sawt (a case page, filled into the frame by the case_pages stage).
    link_only: bool = False


@dataclass
class FileListPlan:
    """What to change in one language's file list, by language-neutral page address."""

    borrowed: list[SourcePage] = field(default_factory=list)  # add: another language's page
    removed: list[str] = field(default_factory=list)  # withheld stories, placed stories, pages a generated one replaces
    withheld: int = 0  # how many of `removed` are stories held back with their case (a count: build logs are public)
    stories: list[tuple[str, str]] = field(default_factory=list)  # (slug, address): stories to render in this language
    generated: list[GeneratedPage] = field(default_factory=list)  # add


def plan_file_list(sources: Mapping[str, str], *, lang: str, languages: Iterable[str], docs_dir: Path,
                   archive: Archive, withheld_slugs: frozenset[str]) -> FileListPlan:
    """The plan for `lang`'s file list. `sources` maps each page the engine found (language-
    neutral address) to the file a volunteer would open for it ("docs/en/about.md")."""
    plan = FileListPlan()
    sources = dict(sources)
    for page in untranslated_sources(docs_dir, lang, set(sources), languages):
        plan.borrowed.append(page)
        sources[page.neutral_url] = page.path.relative_to(docs_dir.parent).as_posix()
    for url in sorted(sources):
        slug = story_slug(url)
        if slug is None:
            continue
        if archive.case(slug) is not None:  # placed inside its case's page, in the language it is written in
            plan.removed.append(url)
            if content_language(sources[url], lang, languages) == lang:
                plan.stories.append((slug, url))
        elif slug in withheld_slugs:
            plan.removed.append(url)
            plan.withheld += 1
        else:  # no page is dropped without a word
            raise SawtError(
                f"{sources[url]}: this page is the story of a case, but data/cases/{slug}.yml does not exist. "
                f"Add the case, rename the page to match its case's file name, or move it out of cases/."
            )
    plan.generated = generated_pages(archive, docs_dir, languages)
    removed = set(plan.removed)
    plan.removed += [page.neutral_url for page in plan.generated  # a hand-written page where a generated one goes
                     if page.neutral_url in sources and page.neutral_url not in removed]  # (e.g. cases/page/2.md)
    return plan


def untranslated_sources(docs_dir: Path, lang: str, present: set[str], languages: Iterable[str]) -> list[SourcePage]:
    """Pages that exist in another language's folder but not in `lang`'s and are not already
    in this build (mkdocs-static-i18n only falls back to the default language; this covers
    every other direction)."""
    found: list[SourcePage] = []
    seen = set(present)
    for other in languages:
        if other == lang:
            continue
        folder = docs_dir / other
        for path in sorted(folder.rglob("*.md")):
            source = SourcePage(path, path.relative_to(folder).as_posix())
            if source.neutral_url not in seen:  # written in `lang` too, or already borrowed
                seen.add(source.neutral_url)
                found.append(source)
    return found


def generated_pages(archive: Archive, docs_dir: Path, languages: Iterable[str]) -> list[GeneratedPage]:
    """The page frames (filled for every case by the case_pages stage), and every case page as
    a link target (the first index page is docs/<lang>/cases/index.md, where the volunteer
    writes the intro)."""
    check_appeal_pages(archive, docs_dir, languages)
    pages = [GeneratedPage(src_uri=frame.frame_url(kind).rstrip("/") + ".md", neutral_url=frame.frame_url(kind),
                           markdown=frame.frame_markdown(kind)) for kind in frame.FRAME_FOLDERS]
    pages += [GeneratedPage(src_uri=f"cases/{case.slug}.md", neutral_url=f"cases/{case.slug}/", markdown="",
                            link_only=True) for case in archive.cases]
    return pages


def check_appeal_pages(archive: Archive, docs_dir: Path, languages: Iterable[str]) -> None:
    """Every appeal in data/appeals.yml has its page, appeals/<id>.md (in any language:
    the others borrow it), which case pages link to."""
    languages = tuple(languages)
    for appeal_id in archive.appeals:
        if not any((docs_dir / lang / "appeals" / f"{appeal_id}.md").is_file() for lang in languages):
            pages = " and ".join(f"docs/{lang}/appeals/{appeal_id}.md" for lang in languages)
            raise SawtError(
                f'data/appeals.yml: appeal "{appeal_id}" has no page: write {pages}, with <!-- sawt:appeal {appeal_id} --> '
                "where its targets and letter go (case pages link to /appeals/<id>/)"
            )


def content_language(source_name: str, page_lang: str, languages: Iterable[str]) -> str:
    """The language a page's body is written in: the folder it was read from (a page
    borrowed from another language keeps its own folder)."""
    parts = Path(source_name).parts
    if len(parts) > 2 and parts[0] == "docs" and parts[1] in tuple(languages):
        return parts[1]
    return page_lang


def story_slug(neutral_url: str) -> str | None:
    """The case a page under cases/ tells the story of ("cases/x/" -> "x"); None for
    the case index and its pages."""
    parts = neutral_url.strip("/").split("/")
    if len(parts) == 2 and parts[0] == "cases" and parts[1] not in ("", "index", "page"):
        return parts[1]
    return None
