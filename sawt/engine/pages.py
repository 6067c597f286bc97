"""What each page of a build gets from Sawt: preview meta, language alternates, feed links,
share blocks, expanded shortcodes, a sanitised story, and its last touches.

One `PageServices` a build (`sawt.engine.session` makes it when the build starts); it also
collects what the engine's pages leave for the site-wide stages: the page frames, the
stories, the paths written and each page's policy (sawt/stages/context.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Callable

import yaml

from sawt import render
from sawt.config import SiteConfig
from sawt.data.errors import ShortcodeError
from sawt.data.model import Archive, Case
from sawt.engine.files import content_language
from sawt.errors import SawtError
from sawt.languages import neutral_path, relative_url, url_in_language
from sawt.outputs import feeds, share
from sawt.outputs.headers import page_policy
from sawt.outputs.htmlpost import finish_html, finished_article_content
from sawt.outputs.qr import qr_svg
from sawt.render import frame, sanitise, strings
from sawt.render.fieldref import field_reference_markdown
from sawt.render.front_matter import (
    front_matter_lines,
    front_matter_yaml,
    without_front_matter,
)
from sawt.render.sanitise import PageProblem, TrustedFragments
from sawt.render.untranslated import untranslated_body

if TYPE_CHECKING:
    from sawt.engine.preview import HandWrittenPage


@dataclass
class PageServices:
    config: SiteConfig
    archive: Callable[[], Archive]  # the build's archive, once loaded
    today: date
    fragments: TrustedFragments  # Sawt's HTML, out of the sanitiser's way
    live_reload: bool = False  # under a development server that injects its reload script
    # -- what the engine's pages leave for the stages ------------------------------------------
    frames: dict[tuple[str, str], frame.PageFrame] = field(default_factory=dict)  # by (language, kind)
    stories: dict[tuple[str, str], str] = field(default_factory=dict)  # (language, slug) -> story HTML
    engine_paths: set[str] = field(default_factory=set)  # language-neutral paths of the pages written
    page_policies: set[str] = field(default_factory=set)  # each finished page's CSP, for _headers

    # -- meta ------------------------------------------------------------------------------------

    def page_meta(self, *, page_url: str, lang: str, title: str, description: str) -> list[share.MetaTag]:
        """Preview meta of a hand-written page: the site's card (case pages fill a frame, see `frame_meta`)."""
        return share.page_meta(
            site_url=self.config.site_url, page_url=page_url, lang=lang, title=title,
            description=description or strings.text("site_tagline", lang), site_name=self.config.site_name(lang),
            image_path=share.card_path(lang, None), image_alt=strings.text("site_tagline", lang),
        )

    def frame_meta(self, lang: str, kind: str) -> list[share.MetaTag]:
        """Preview meta of a page frame: tokens that every page it frames fills. A case
        page shows its own card; an index page the site's."""
        return share.page_meta(
            site_url=self.config.site_url, page_url=frame.frame_url(kind), lang=lang, title=frame.TITLE,
            description=frame.DESCRIPTION, site_name=self.config.site_name(lang),
            image_path=share.card_path(lang, frame.FRAME_SLUG if kind == "case" else None), image_alt=frame.IMAGE_ALT,
        )

    def feed_links(self) -> list[dict[str, str]]:
        return [{"href": feeds.feed_path(lang), "lang": lang, "title": strings.text("feed_title", lang)}
                for lang in self.config.codes]

    def language_alternates(self, page_url: str) -> list[dict[str, str]]:
        """Absolute addresses of a page's versions, for <link rel="alternate" hreflang>."""
        return share.language_alternates(self.config.site_url, page_url)

    def switcher(self, page_url: str) -> list[dict[str, str]]:
        """The language switcher's entries: site-root-relative links, made page-relative by the theme."""
        return [{"name": language.name, "lang": language.code, "link": url_in_language(page_url, language.code) or "./"}
                for language in self.config.languages]

    # -- content ---------------------------------------------------------------------------------

    def share_block(self, *, page_url: str, lang: str, title: str, case_slug: str | None) -> str:
        """For case and appeal pages: where the campaign's ask is."""
        url = share.absolute_url(self.config.site_url, url_in_language(page_url, lang))
        case = self.archive().case(case_slug) if case_slug else None
        text = title
        if case is not None and case.ask is not None:
            text = f"{case.name[lang]}: {case.ask[lang]}"
        return share.share_block_html(url=url, text=text, lang=lang, qr_svg=qr_svg(url, title=strings.text("share_qr", lang)))

    def case_share_block(self, case: Case, lang: str) -> str:
        return self.share_block(page_url=f"cases/{case.slug}/", lang=lang, title=case.name[lang], case_slug=case.slug)

    def expand_shortcodes(self, markdown: str, *, lang: str, file: str, page_url: str, line_offset: int) -> str:
        here = url_in_language(page_url, lang)
        try:
            return render.expand_shortcodes(
                markdown, archive=self.archive(), lang=lang, file=file,
                case_url=lambda slug: relative_url(here, url_in_language(f"cases/{slug}/", lang)),
                field_reference=field_reference_markdown(lang) if "sawt:field-reference" in markdown else None,
                line_offset=line_offset, protect=self.fragments.hold, today=self.today,
                page_address=share.absolute_url(self.config.site_url, here), contact=self.config.contact,
            )
        except ShortcodeError as error:
            raise SawtError(str(error)) from None

    def page_body(self, html: str, *, lang: str, source_name: str, page_url: str, title: str) -> str:
        """A hand-written page's sanitised content as the site shows it: with the untranslated
        notice when its text is another language's, and the share block on appeal pages."""
        content_lang = content_language(source_name, lang, self.config.codes)
        if content_lang != lang:
            html = untranslated_body(html, page_lang=lang, content_lang=content_lang,
                                     original_url=relative_url(page_url, url_in_language(page_url, content_lang)))
        if has_share_block(page_url):
            html += self.share_block(page_url=page_url, lang=lang, title=title, case_slug=None)
        return html

    def preview_body(self, page: HandWrittenPage, text: str) -> str | None:
        """The content of a hand-written page from its file's `text`, as a build would make it
        (front matter off, shortcodes, the engine's Markdown, sanitiser, `page_body`); None when
        the text has a problem a build would report (the rebuild that follows reports it)."""
        offset = front_matter_lines(text)
        body = without_front_matter(text)
        try:
            meta = yaml.safe_load(front_matter_yaml(text) or "") or {}
            if not isinstance(meta, dict) or sanitise.front_matter_problems(meta, markdown=body, file=page.source_name, source=text):
                return None
            if "sawt:" in body:
                body = self.expand_shortcodes(body, lang=page.lang, file=page.source_name, page_url=page.page_url,
                                              line_offset=offset)
        except (yaml.YAMLError, SawtError):
            return None
        rendered = page.render_markdown(body)
        if rendered is None:
            return None
        html, problems = sanitise.safe_page_html(rendered, self.fragments, file=page.source_name, source=text)
        if problems:
            return None
        title = str(meta.get("title") or self.config.site_name(page.lang))
        html = self.page_body(html, lang=page.lang, source_name=page.source_name, page_url=page.page_url, title=title)
        return finished_article_content(html, lang=page.lang)

    def story_html(self, text: str, *, lang: str, file: str, page_url: str,
                   render_markdown: Callable[[str], str]) -> tuple[str, list[PageProblem]]:
        """A case's hand-written story as the engine renders a page at the case's address (its
        links resolved and checked by `render_markdown`), shortcodes expanded, front matter and
        title dropped, sanitised like any page; and what the sanitiser removed."""
        body = render.narrative_body(text)
        if "sawt:" in body:
            body = self.expand_shortcodes(body, lang=lang, file=file, page_url=page_url,
                                          line_offset=text[: text.find(body)].count("\n") if body else 0)
        return sanitise.safe_page_html(render_markdown(body), self.fragments, file=file, source=text)

    # -- what the engine rendered ------------------------------------------------------------------

    def page_built(self, page_url: str) -> None:
        """A hand-written page the engine writes (for the sitemap)."""
        self.engine_paths.add(neutral_path(page_url))

    def keep_frame(self, lang: str, kind: str, page_html: str) -> None:
        """The engine's finished rendering of a page frame (`kind`: case or index) in `lang`."""
        try:
            self.frames[(lang, kind)] = frame.PageFrame.from_html(page_html)
        except frame.FrameError as error:
            raise SawtError(str(error)) from None

    def finish_page(self, html: str, *, lang: str) -> str:
        """A rendered engine page's last touches (htmlpost.finish_html); its policy is kept for
        _headers. Generated pages are filled into frames that went through here."""
        html = finish_html(html, lang=lang, live_reload=self.live_reload)
        policy = page_policy(html)
        if policy is not None:
            self.page_policies.add(policy)
        return html


def has_share_block(page_url: str) -> bool:
    """Appeal pages carry the share block (not the appeals index); case pages get theirs
    when they are filled (sawt.stages.case_pages)."""
    path = neutral_path(page_url)
    return path.startswith("appeals/") and path != "appeals/"
