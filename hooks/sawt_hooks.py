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
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sawt import htmlpost, site
from sawt.languages import DEFAULT_LANGUAGE, LANGUAGES, neutral_path, relative_url, url_in_language

log = logging.getLogger("mkdocs.plugins.sawt")

# Per-process state, reset at the start of each full (all-language) build.
_build = site.BuildState()


@contextmanager
def _reported_as_build_error():
    """A problem the volunteer can fix stops the build with its message, not a traceback."""
    try:
        yield
    except site.SawtError as error:
        raise PluginError(str(error)) from None


def _language(config: MkDocsConfig) -> str:
    # mkdocs-static-i18n sets the theme language to the language being built.
    return str(config.theme["language"])


def on_startup(command: str, dirty: bool) -> None:
    _build.live_reload = command == "serve"


@event_priority(-200)  # after mkdocs-static-i18n has set the language being built
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.site_url:
        raise PluginError(site.MISSING_SITE_URL)
    lang = _language(config)
    if lang == _build.languages_order[0]:
        _build.start(root=Path(config.config_file_path).parent, site_url=config.site_url, site_dir=Path(config.site_dir))
    with _reported_as_build_error():
        _build.ensure_archive(strict=bool(config.strict))
    if lang == _build.languages_order[0]:
        for warning in _build.data_warnings:  # (a strict build has stopped on them instead)
            log.warning(warning)
    return config


@event_priority(-200)  # after mkdocs-static-i18n has rebuilt the file list for this language
def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = _language(config)
    docs_dir = Path(config.docs_dir)
    present = {neutral_path(f.url) for f in files.documentation_pages()}
    # Pages written in the other language only: build them here too, with a notice.
    for missing in _build.untranslated_sources(docs_dir, lang, present):
        borrowed = File(
            f"{lang}/{missing.neutral_src}",
            src_dir=str(docs_dir),
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
            dest_uri=url_in_language(missing.dest_uri, lang),
        )
        borrowed.abs_src_path = str(missing.path)  # read the other language's file
        files.append(borrowed)
    # Case pages and index pages come from data/, not from files on disk.
    by_url = {neutral_path(f.url): f for f in files.documentation_pages()}
    for generated in _build.generated_pages(docs_dir, lang):
        clash = by_url.get(generated.neutral_url)
        if clash is not None:
            files.remove(clash)  # a hand-written case narrative: it is placed inside the generated page
        files.append(
            File.generated(config, url_in_language(generated.src_uri, lang), content=generated.markdown)
        )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "sawt:" not in markdown:
        return markdown
    # MkDocs has cut the front matter off; errors must still give the line in the file.
    on_disk = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    offset = site.front_matter_lines(on_disk.read_text(encoding="utf-8-sig")) if on_disk else 0
    with _reported_as_build_error():
        return _build.expand_shortcodes(
            markdown, lang=_language(config), file=_source_name(page, config), page_url=page.url, line_offset=offset
        )


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = _language(config)
    content_lang = _build.content_language(_source_name(page, config), lang)
    if content_lang != lang:
        html = site.untranslated_body(html, page_lang=lang, content_lang=content_lang, original_url=relative_url(page.url, url_in_language(page.url, content_lang)))
    if site.has_share_block(page.url, page.meta):
        html += _build.share_block(page_url=page.url, lang=lang, title=_plain(page.meta.get("title") or page.title), case_slug=page.meta.get("sawt_case"))
    return html


@event_priority(-200)  # after mkdocs-static-i18n has pointed the switcher at this page
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    # Site-root-relative links, made page-relative by the theme's `url` filter. mkdocs-static-i18n
    # sets `extra.alternate` as an attribute; set it the same way.
    config.extra.alternate = [
        {"name": language.name, "lang": code, "link": url_in_language(page.url, code) or "./"}
        for code, language in LANGUAGES.items()
    ]
    _build.page_built(page.url)
    with _reported_as_build_error():
        context["sawt_meta"] = _build.page_meta(
            page_url=page.url,
            lang=_language(config),
            title=_plain(page.meta.get("title") or page.title or config.site_name),
            description=_plain(page.meta.get("description", "")),
            case_slug=page.meta.get("sawt_case"),
        )
        context["sawt_feeds"] = _build.feed_links()
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return htmlpost.finish_html(output, lang=_language(config), live_reload=_build.live_reload)


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if _language(config) != _build.languages_order[-1]:
        return  # the other languages' builds are still to come (or already done: see module doc)
    with _reported_as_build_error():
        finished_now = _build.finish(Path(config.site_dir))
    if finished_now and _build.search_report is not None:
        log.info(_build.search_report.summary())


def on_build_error(error: Exception) -> None:
    # Nothing half-built is left to publish: the first language may already be written.
    _build.discard_output()


def _plain(text: str) -> str:
    # Generated pages keep their front matter HTML-escaped for the theme; meta tags escape again.
    return html_lib.unescape(str(text))


def _source_name(page: Page, config: MkDocsConfig) -> str:
    """The file a volunteer would open for this page, for error messages."""
    src = page.file.abs_src_path
    if src:
        return str(Path(src).resolve().relative_to(Path(config.config_file_path).parent.resolve()))
    return page.file.src_uri


def on_pre_template(template, template_name: str, config: MkDocsConfig):
    # The 404 page speaks both languages and links both home pages: no switcher.
    if template_name == "404.html":
        config.extra.alternate = []
    return template


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page is a theme template, not a page: give it the same treatment.
    # It is written once, by whichever language builds last; its frame is English.
    if template_name.endswith(".html"):
        return htmlpost.finish_html(output, lang=DEFAULT_LANGUAGE, live_reload=_build.live_reload)
    return output
