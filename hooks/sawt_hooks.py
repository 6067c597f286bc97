"""MkDocs adapter for Sawt: each event is a few lines that call the `sawt` package.

mkdocs-static-i18n runs one whole build per language (English, then Arabic
inside English's on_post_build), so this module keeps per-process state: the
archive is loaded and validated once, and site-wide outputs (sitemap, search
index, feeds, exports) are written once, after the last language is built.
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

from sawt import render, site
from sawt.build import engine_messages
from sawt.build.strict import WarningTally
from sawt.config import ConfigError, load_site_config
from sawt.fonts import preloaded_fonts
from sawt.languages import DEFAULT_LANGUAGE, LANGUAGES, neutral_path, relative_url, url_in_language
from sawt.render import sanitise
from sawt.render.heading_ids import HeadingIds
from sawt.volunteer import serve_errors

log = logging.getLogger("mkdocs.plugins.sawt")

# Per-process state, reset at the start of each full (all-language) build.
_build = site.BuildState()
_warned: set[str] = set()  # a page borrowed by the other language is checked twice; say it once
_strict_warnings = WarningTally("mkdocs")  # a strict build that warned publishes nothing (sawt/build/strict.py)


class _CasePageLinks(logging.Filter):
    """Case pages are written by Sawt, not MkDocs, which knows them only as link targets
    "excluded from the built site"; a link to one is fine, so that note is not shown."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not ("which is excluded from the built site" in message and "/cases/" in "/" + message.split("' which")[0])


logging.getLogger("mkdocs.structure.pages").addFilter(_CasePageLinks())


@contextmanager
def _reported_as_build_error():
    """A problem the volunteer can fix stops the build with its message, not a traceback."""
    try:
        yield
    except (site.SawtError, ConfigError) as error:
        raise PluginError(str(error)) from None


def _language(config: MkDocsConfig) -> str:
    # mkdocs-static-i18n sets the theme language to the language being built.
    return str(config.theme["language"])


def on_startup(command: str, dirty: bool) -> None:
    _build.live_reload = command == "serve"


def on_serve(server, config: MkDocsConfig, builder):
    # `mkdocs serve` only: a failed rebuild lists its problems over the page being looked at,
    # and an edited case's pages show before the rebuild that follows.
    serve_errors.attach(server, preview=_build.preview_edited_cases)
    return server


@event_priority(-200)  # after mkdocs-static-i18n has set the language being built
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        raise PluginError(site.MISSING_SITE_URL)
    lang = _language(config)
    if lang == _build.languages_order[0]:
        # Every language is written into a staging folder, swapped in when all are done.
        with _reported_as_build_error():
            site_config = load_site_config(Path(config.config_file_path), site_url=config.site_url)
        config.site_dir = str(_build.start(config=site_config, site_dir=Path(config.site_dir)))
        _warned.clear()
        if config.strict:
            _strict_warnings.start()
        else:
            _strict_warnings.stop()
        engine_messages.install(Path(config.docs_dir), Path(config.config_file_path))
        _warn(sanitise.refused_files(Path(config.docs_dir), _build.config.allowed_files))
    with _reported_as_build_error():
        _build.ensure_archive(strict=bool(config.strict))
        if lang == _build.languages_order[0]:
            _build.draw_cards_ahead()
    if not any(isinstance(e, HeadingIds) for e in config.markdown_extensions):
        config.markdown_extensions.append(HeadingIds(_build.fragments))  # ids from the shortcodes' text, not their tokens
    if lang == _build.languages_order[0]:
        for warning in _build.data_warnings:  # (a strict build has stopped on them instead)
            log.warning(warning)
    return config


@event_priority(-200)  # after mkdocs-static-i18n has rebuilt the file list for this language
def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = _language(config)
    docs_dir = Path(config.docs_dir)
    for refused in [f for f in files if f.abs_src_path and sanitise.is_refused(Path(f.abs_src_path), docs_dir, _build.config.allowed_files)]:
        files.remove(refused)  # reported in on_config; never published, even by a non-strict build
    present = {neutral_path(f.url) for f in files.documentation_pages()}
    # Pages written in the other language only: build them here too, with a notice.
    for missing in _build.untranslated_sources(docs_dir, lang, present):
        borrowed = File(
            f"{lang}/{missing.neutral_src}",
            src_dir=str(docs_dir),
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
            dest_uri=url_in_language(missing.dest_uri, lang),
            # A page missing from the menu is reported by the build of the language it is written in,
            # under the name of the file the volunteer wrote, not under this borrowed copy's name.
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        borrowed.abs_src_path = str(missing.path)  # read the other language's file
        files.append(borrowed)
    # Case pages and index pages come from data/, not from files on disk.
    by_url = {neutral_path(f.url): f for f in files.documentation_pages()}
    # The story of an unpublished or embargoed case is withheld with it: no page, search entry or sitemap entry.
    with _reported_as_build_error():
        withheld = _build.withheld_story_urls(set(by_url), {url: _source_name(f, config) for url, f in by_url.items()})
    for url in withheld:
        files.remove(by_url.pop(url))
    if withheld:  # a count only: build logs of a public repository are public too
        log.info("%d story page(s) held back with their unpublished or embargoed case", len(withheld))
    # A published case's story is placed inside its generated page, not published on its own.
    stories = []
    for url, story in list(by_url.items()):
        slug = site.story_slug(url)
        if slug is not None and _build.loaded.case(slug) is not None:
            files.remove(by_url.pop(url))
            if _build.content_language(_source_name(story, config), lang) == lang:  # not borrowed from the other language
                stories.append((slug, story))
    for generated in _build.generated_pages(docs_dir, lang):
        clash = by_url.get(generated.neutral_url)
        if clash is not None:
            files.remove(clash)  # a hand-written page where a generated one goes (e.g. cases/page/2.md)
        files.append(
            File.generated(config, url_in_language(generated.src_uri, lang), content=generated.markdown,
                           inclusion=InclusionLevel.EXCLUDED if generated.link_only else InclusionLevel.UNDEFINED)
        )
    for slug, story in stories:  # once every page is known, so that the story's links resolve
        with _reported_as_build_error():
            _build.add_story(lang, slug, _story_html(story, config, files, lang))
    return files


def _story_html(story: File, config: MkDocsConfig, files: Files, lang: str) -> str:
    """A case's hand-written story rendered by MkDocs as a page at the case's address
    (links resolved and checked), shortcodes expanded, front matter and title dropped."""
    text = Path(story.abs_src_path).read_text(encoding="utf-8-sig")
    body = render.narrative_body(text)
    if "sawt:" in body:
        body = _build.expand_shortcodes(body, lang=lang, file=_source_name(story, config), page_url=story.url,
                                        line_offset=text[: text.find(body)].count("\n") if body else 0)
    page = Page(None, story, config)
    page.markdown = body
    page.render(config, files)
    html, problems = sanitise.safe_page_html(page.content or "", _build.fragments, **_file_source(story, config))
    _warn(problems)  # a story is content like any page: no script, whatever case it belongs to
    return html


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.abs_src_path:  # a hand-written page (generated ones escape their own front matter)
        _warn(sanitise.front_matter_problems(page.meta, markdown=markdown, **_source(page, config)))
        sanitise.safe_front_matter(page.meta)
    if "sawt:" not in markdown:
        return markdown
    # MkDocs has cut the front matter off; errors must still give the line in the file.
    on_disk = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    offset = site.front_matter_lines(on_disk.read_text(encoding="utf-8-sig")) if on_disk else 0
    with _reported_as_build_error():
        return _build.expand_shortcodes(
            markdown, lang=_language(config), file=_source_name(page.file, config), page_url=page.url, line_offset=offset
        )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html, problems = sanitise.safe_page_html(html, _build.fragments, **_source(page, config))
    _warn(problems)
    sanitise.title_from_heading(page.meta, page.title)
    lang = _language(config)
    content_lang = _build.content_language(_source_name(page.file, config), lang)
    if content_lang != lang:
        html = site.untranslated_body(html, page_lang=lang, content_lang=content_lang, original_url=relative_url(page.url, url_in_language(page.url, content_lang)))
    if site.has_share_block(page.url):
        html += _build.share_block(page_url=page.url, lang=lang, title=_plain(page.meta.get("title") or page.title), case_slug=None)
    return html


@event_priority(-200)  # after mkdocs-static-i18n has pointed the switcher at this page
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    # Site-root-relative links, made page-relative by the theme's `url` filter. mkdocs-static-i18n
    # sets `extra.alternate` as an attribute; set it the same way.
    config.extra.alternate = [
        {"name": language.name, "lang": code, "link": url_in_language(page.url, code) or "./"}
        for code, language in LANGUAGES.items()
    ]
    context["sawt_font_preloads"] = preloaded_fonts(_language(config), case_page=page.meta.get("sawt_frame") == "case")
    if page.meta.get("sawt_frame"):  # a page frame: every case page (or index page) fills its tokens
        _highlight_cases_menu(nav, page)  # case pages are in no menu; they belong under Cases
        context["sawt_meta"] = _build.frame_meta(_language(config), page.meta["sawt_frame"])
        context["sawt_feeds"] = _build.feed_links()
        context["sawt_alternates"] = _build.language_alternates(page.url)  # the frame's slug is filled per case
        return context
    _build.page_built(page.url)
    with _reported_as_build_error():
        context["sawt_meta"] = _build.page_meta(
            page_url=page.url,
            lang=_language(config),
            title=_plain(page.meta.get("title") or page.title or config.site_name),
            description=_plain(page.meta.get("description", "")),
        )
        context["sawt_feeds"] = _build.feed_links()
        context["sawt_alternates"] = _build.language_alternates(page.url)
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = _build.finish_page(output, lang=_language(config))
    if page.meta.get("sawt_frame"):
        _highlight_cases_menu(None, page)
        with _reported_as_build_error():
            _build.keep_frame(_language(config), page.meta["sawt_frame"], output)
    return output


_highlighted: list = []  # the menu item lit for the frame being rendered, unlit once it is


def _highlight_cases_menu(nav, page: Page) -> None:
    """Light the Cases menu item (and its section) while a case frame renders, then unlight it:
    MkDocs only lights the page being rendered, and only if it is in the menu."""
    while _highlighted:
        _highlighted.pop().active = False
    if nav is None:
        return
    cases_url = page.url.split("cases/")[0] + "cases/"
    for item in nav.pages:
        if item.url == cases_url:
            item.active = True
            _highlighted.append(item)


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    lang = _language(config)
    if lang == _build.languages_order[-1]:  # every language is built (see module doc)
        with _reported_as_build_error():
            finished_now = _build.finish(Path(config.site_dir))
        if finished_now:
            log.info(_build.stage_summary())
        if finished_now and _build.search_report is not None:
            log.info(_build.search_report.summary())
    if _build.language_build_ended():  # the outermost build ends last: nothing writes after this
        if config.strict and _strict_warnings.count:
            # MkDocs aborts right after this event; the last published site stays as it was.
            log.info("strict build with %d warning(s): nothing published", _strict_warnings.count)
            _build.discard_output()
        else:
            _build.publish()


def on_build_error(error: Exception) -> None:
    # Nothing half-built is left to publish: the first language may already be written.
    _build.discard_output()


def _plain(text: str) -> str:
    # Front matter reaches the theme HTML-escaped (sawt.render.sanitise.safe_front_matter); meta tags escape again.
    return html_lib.unescape(str(text))


def _warn(problems) -> None:
    # Warnings, not errors: every problem in every page is listed, and strict mode fails the build.
    for problem in map(str, problems):
        if problem not in _warned:
            _warned.add(problem)
            log.warning(problem)


def _source(page: Page, config: MkDocsConfig) -> dict[str, str | None]:
    """The Markdown file the page's content was written in, for messages."""
    return _file_source(page.file, config)


def _file_source(file: File, config: MkDocsConfig) -> dict[str, str | None]:
    if not file.abs_src_path:
        return {"file": _source_name(file, config), "source": None}
    path = Path(file.abs_src_path)
    text = path.read_text(encoding="utf-8-sig") if path.is_file() else None
    return {"file": _source_name(file, config), "source": text}


def _source_name(file: File, config: MkDocsConfig) -> str:
    """The file a volunteer would open for this page, for error messages."""
    src = file.abs_src_path
    if src:
        return str(Path(src).resolve().relative_to(Path(config.config_file_path).parent.resolve()))
    return file.src_uri


def on_pre_template(template, template_name: str, config: MkDocsConfig):
    # The 404 page speaks both languages and links both home pages: no switcher.
    if template_name == "404.html":
        config.extra.alternate = []
    return template


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page is a theme template, not a page: give it the same treatment.
    # It is written once, by whichever language builds last; its frame is English.
    if template_name.endswith(".html"):
        return _build.finish_page(output, lang=DEFAULT_LANGUAGE)
    return output
