"""MkDocs adapter for Sawt: each event is a few lines that call the `sawt` package.

mkdocs-static-i18n runs one whole build per language (the others inside the first one's
on_post_build), so one `BuildSession` lives for the process: it loads and checks the archive
once, and runs the site-wide stages (sawt/pipeline.py) once, after the last language. What
Sawt decides lives in sawt/engine/; here are only the translations between MkDocs' objects
and those calls.
"""

from __future__ import annotations

import html as html_lib
import logging
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from sawt import catalogs
from sawt.config import ConfigError, load_site_config
from sawt.engine import engine_messages
from sawt.engine import files as file_list
from sawt.engine.preview import HandWrittenPage
from sawt.engine.session import BuildSession
from sawt.errors import SawtError
from sawt.fonts import preloaded_fonts
from sawt.languages import LANGUAGES, default_language, neutral_path, url_in_language
from sawt.machinery.strict import WarningTally
from sawt.render import sanitise
from sawt.render.front_matter import front_matter_lines
from sawt.render.heading_ids import HeadingIds

log = logging.getLogger("mkdocs.plugins.sawt")


class _Adapter:
    """The process's state between MkDocs events."""

    def __init__(self) -> None:
        self.session = BuildSession()
        self.warned: set[str] = set()  # a page borrowed by the other language is checked twice; say it once
        self.strict_warnings = WarningTally("mkdocs")  # a strict build that warned publishes nothing
        self.highlighted: list = []  # the menu item lit for the frame being rendered, unlit once it is
        logging.getLogger("mkdocs.structure.pages").addFilter(_CasePageLinks())

    def warn(self, problems) -> None:
        # Warnings, not errors: every problem in every page is listed, and strict mode fails the build.
        for problem in map(str, problems):
            if problem not in self.warned:
                self.warned.add(problem)
                log.warning(problem)


class _CasePageLinks(logging.Filter):
    """Case pages are written by Sawt, not MkDocs, which knows them only as link targets
    "excluded from the built site"; a link to one is fine, so that note is not shown."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not ("which is excluded from the built site" in message and "/cases/" in "/" + message.split("' which")[0])


_sawt = _Adapter()


@contextmanager
def _reported_as_build_error():
    """A problem the volunteer can fix stops the build with its message, not a traceback."""
    try:
        yield
    except (SawtError, ConfigError) as error:
        raise PluginError(str(error)) from None


def _language(config: MkDocsConfig) -> str:
    # mkdocs-static-i18n sets the theme language to the language being built.
    return str(config.theme["language"])


def _first_language(config: MkDocsConfig) -> bool:
    session = _sawt.session
    return session.config is None or _language(config) == session.config.codes[0]


def on_startup(command: str, dirty: bool) -> None:
    _sawt.session.live_reload = command == "serve"


def on_serve(server, config: MkDocsConfig, builder):
    # `mkdocs serve` only: a failed rebuild lists its problems over the page being looked at,
    # and an edited case's or page's file shows before the rebuild that follows.
    from sawt.volunteer import serve_errors

    serve_errors.attach(server, preview=_sawt.session.preview_edits)
    return server


@event_priority(-200)  # after mkdocs-static-i18n has set the language being built
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    session, first = _sawt.session, _first_language(config)
    with _reported_as_build_error():
        if first:  # a new build of every language, written into a staging folder
            config.site_dir = str(_start_build(config))
        session.load_archive(strict=bool(config.strict))
        if first:
            session.draw_cards_ahead()
            for warning in session.loader.warnings:  # (a strict build has stopped on them instead)
                log.warning(warning)
    if not any(isinstance(e, HeadingIds) for e in config.markdown_extensions):
        config.markdown_extensions.append(HeadingIds(session.fragments))  # ids from the shortcodes' text, not their tokens
    return config


def _start_build(config: MkDocsConfig) -> Path:
    site_config = load_site_config(Path(config.config_file_path), site_url=config.site_url or "")
    staging_dir = _sawt.session.start(site_config, site_dir=Path(config.site_dir))
    _sawt.warned.clear()
    if config.strict:
        _sawt.strict_warnings.start()
    else:
        _sawt.strict_warnings.stop()
    engine_messages.install(Path(config.docs_dir), Path(config.config_file_path))
    _sawt.warn(sanitise.refused_files(Path(config.docs_dir), site_config.allowed_files))
    return staging_dir


@event_priority(-200)  # after mkdocs-static-i18n has rebuilt the file list for this language
def on_files(files: Files, config: MkDocsConfig) -> Files:
    session, lang, docs_dir = _sawt.session, _language(config), Path(config.docs_dir)
    for refused in [f for f in files if f.abs_src_path and file_list.is_refused(Path(f.abs_src_path), docs_dir, session.config.allowed_files)]:
        files.remove(refused)  # reported in on_config; never published, even by a non-strict build
    pages = {neutral_path(f.url): f for f in files.documentation_pages()}  # by address, in any language
    with _reported_as_build_error():
        plan = file_list.plan_file_list({url: _source_name(f, config) for url, f in pages.items()}, lang=lang,
                                        languages=session.config.codes, docs_dir=docs_dir, archive=session.archive(),
                                        withheld_slugs=session.loader.withheld_slugs)
    _apply(plan, files, pages, lang, config)
    if plan.withheld:  # a count only: build logs of a public repository are public too
        log.info("%d story page(s) held back with their unpublished or embargoed case", plan.withheld)
    for slug, url in plan.stories:  # once every page is known, so that the story's links resolve
        _add_story(slug, pages[url], lang, config, files)
    return files


def _apply(plan: file_list.FileListPlan, files: Files, pages: dict[str, File], lang: str, config: MkDocsConfig) -> None:
    """Sawt's file-list plan, carried out on MkDocs' list (and `pages`, by address)."""
    for page in plan.borrowed:  # written in another language only: built here too, with a notice
        pages[page.neutral_url] = _borrowed_file(page, lang, config)
        files.append(pages[page.neutral_url])
    for url in plan.removed:
        files.remove(pages[url])
    for page in plan.generated:
        files.append(_generated_file(page, lang, config))


def _generated_file(page: file_list.GeneratedPage, lang: str, config: MkDocsConfig) -> File:
    return File.generated(config, url_in_language(page.src_uri, lang), content=page.markdown,
                          inclusion=InclusionLevel.EXCLUDED if page.link_only else InclusionLevel.UNDEFINED)


def _borrowed_file(page: file_list.SourcePage, lang: str, config: MkDocsConfig) -> File:
    borrowed = File(f"{lang}/{page.neutral_src}", src_dir=config.docs_dir, dest_dir=config.site_dir,
                    use_directory_urls=config.use_directory_urls, dest_uri=url_in_language(page.dest_uri, lang),
                    # A page missing from the menu is reported by the build of the language it is written in.
                    inclusion=InclusionLevel.NOT_IN_NAV)
    borrowed.abs_src_path = str(page.path)  # read the other language's file
    return borrowed


def _add_story(slug: str, story: File, lang: str, config: MkDocsConfig, files: Files) -> None:
    pages = _sawt.session.pages
    with _reported_as_build_error():
        html, problems = pages.story_html(
            Path(story.abs_src_path).read_text(encoding="utf-8-sig"), lang=lang, file=_source_name(story, config),
            page_url=story.url, render_markdown=lambda body: _rendered(story, body, config, files))
    _sawt.warn(problems)  # a story is content like any page: no script, whatever case it belongs to
    pages.stories[(lang, slug)] = html


def _rendered(file: File, markdown: str, config: MkDocsConfig, files: Files) -> str:
    """Markdown rendered by MkDocs as a page at `file`'s address: its links resolved and checked."""
    page = Page(None, file, config)
    page.markdown = markdown
    page.render(config, files)
    return page.content or ""


class _Recorded(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _previewed(file: File, markdown: str, config: MkDocsConfig, files: Files) -> str | None:
    """For the development server's preview of an edited page: the page rendered as `_rendered`
    does, or None if MkDocs warned (a broken link): the rebuild reports it, and the warning is
    kept from the server's list of problems, which the rebuild fills."""
    pages_log = logging.getLogger("mkdocs.structure.pages")
    recorded, propagate = _Recorded(), pages_log.propagate
    pages_log.addHandler(recorded)
    pages_log.propagate = False
    try:
        html = _rendered(file, markdown, config, files)
    finally:
        pages_log.removeHandler(recorded)
        pages_log.propagate = propagate
    return None if recorded.records else html


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.abs_src_path:  # a hand-written page (generated ones escape their own front matter)
        _sawt.warn(sanitise.front_matter_problems(page.meta, markdown=markdown, **_source(page.file, config)))
        sanitise.safe_front_matter(page.meta)
    if "sawt:" not in markdown:
        return markdown
    # MkDocs has cut the front matter off; errors must still give the line in the file.
    on_disk = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    offset = front_matter_lines(on_disk.read_text(encoding="utf-8-sig")) if on_disk else 0
    with _reported_as_build_error():
        return _sawt.session.pages.expand_shortcodes(markdown, lang=_language(config), file=_source_name(page.file, config),
                                                     page_url=page.url, line_offset=offset)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    session, lang, source_name = _sawt.session, _language(config), _source_name(page.file, config)
    html, problems = sanitise.safe_page_html(html, session.fragments, **_source(page.file, config))
    _sawt.warn(problems)
    sanitise.title_from_heading(page.meta, page.title)
    html = session.pages.page_body(html, lang=lang, source_name=source_name, page_url=page.url,
                                   title=_plain(page.meta.get("title") or page.title))
    if not page.file.abs_src_path:
        return html
    return session.served_page_content(html, HandWrittenPage(
        source=Path(page.file.abs_src_path), source_name=source_name, lang=lang, page_url=page.url,
        dest_uri=page.file.dest_uri, render_markdown=lambda body, file=page.file: _previewed(file, body, config, files)))


@event_priority(-200)  # after mkdocs-static-i18n has pointed the switcher at this page
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    pages, lang, frame_kind = _sawt.session.pages, _language(config), page.meta.get("sawt_frame")
    # mkdocs-static-i18n sets `extra.alternate` as an attribute; set it the same way.
    config.extra.alternate = pages.switcher(page.url)
    context["sawt_font_preloads"] = preloaded_fonts(lang, case_page=frame_kind == "case")
    context["sawt_feeds"] = pages.feed_links()
    context["sawt_alternates"] = pages.language_alternates(page.url)  # a frame's slug is filled per case
    if frame_kind:  # a page frame: every case page (or index page) fills its tokens
        _highlight_cases_menu(nav, page)  # case pages are in no menu; they belong under Cases
        context["sawt_meta"] = pages.frame_meta(lang, frame_kind)
        return context
    pages.page_built(page.url)
    with _reported_as_build_error():
        context["sawt_meta"] = pages.page_meta(page_url=page.url, lang=lang, title=_plain(page.meta.get("title") or page.title or config.site_name),
                                               description=_plain(page.meta.get("description", "")))
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    pages = _sawt.session.pages
    output = pages.finish_page(output, lang=_language(config))
    if page.meta.get("sawt_frame"):
        _highlight_cases_menu(None, page)
        with _reported_as_build_error():
            pages.keep_frame(_language(config), page.meta["sawt_frame"], output)
    return output


def _highlight_cases_menu(nav, page: Page) -> None:
    """Light the Cases menu item (and its section) while a case frame renders, then unlight it:
    MkDocs only lights the page being rendered, and only if it is in the menu."""
    while _sawt.highlighted:
        _sawt.highlighted.pop().active = False
    if nav is None:
        return
    cases_url = page.url.split("cases/")[0] + "cases/"
    for item in nav.pages:
        if item.url == cases_url:
            item.active = True
            _sawt.highlighted.append(item)


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    session = _sawt.session
    if _language(config) == session.config.codes[-1]:  # every language is built (see module doc)
        with _reported_as_build_error():
            if session.run_stages():
                if session.history_warning():  # not a strict build's warning: a tarball still builds
                    log.info(session.history_warning())
                log.info(session.summary())
                if session.built.search_report is not None:
                    log.info(session.built.search_report.summary())
    if session.language_build_ended():  # the outermost build ends last: nothing writes after this
        if config.strict and _sawt.strict_warnings.count:
            # MkDocs aborts right after this event; the last published site stays as it was.
            log.info("strict build with %d warning(s): nothing published", _sawt.strict_warnings.count)
            session.discard_output()
        else:
            session.publish()


def on_build_error(error: Exception) -> None:
    # Nothing half-built is left to publish: the first language may already be written.
    _sawt.session.discard_output()


def on_env(env, config: MkDocsConfig, files: Files):
    # The theme overrides' words come from the same gettext catalogs as Sawt's pages.
    env.globals.update(sawt_text=catalogs.text, sawt_url_prefix=lambda code: LANGUAGES[code].url_prefix)
    return env


def on_pre_template(template, template_name: str, config: MkDocsConfig):
    # The 404 page speaks both languages and links both home pages: no switcher.
    if template_name == "404.html":
        config.extra.alternate = []
    return template


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page is a theme template, not a page: give it the same treatment.
    # It is written once, by whichever language builds last; its frame is the default language's.
    if template_name.endswith(".html"):
        return _sawt.session.pages.finish_page(output, lang=default_language())
    return output


def _plain(text: str) -> str:
    # Front matter reaches the theme HTML-escaped (sawt.render.sanitise.safe_front_matter); meta tags escape again.
    return html_lib.unescape(str(text))


def _source(file: File, config: MkDocsConfig) -> dict[str, str | None]:
    """The Markdown file a page's content was written in, and its text, for messages."""
    if not file.abs_src_path:
        return {"file": _source_name(file, config), "source": None}
    path = Path(file.abs_src_path)
    return {"file": _source_name(file, config), "source": path.read_text(encoding="utf-8-sig") if path.is_file() else None}


def _source_name(file: File, config: MkDocsConfig) -> str:
    """The file a volunteer would open for this page, for error messages."""
    if file.abs_src_path:
        return str(Path(file.abs_src_path).resolve().relative_to(Path(config.config_file_path).parent.resolve()))
    return file.src_uri
