"""Shared HTML helpers for the renderer: the Jinja environment and small,
escaping-safe building blocks (dates, numbers, isolated text, links).

Everything returned as `Markup` is already safe HTML; everything else is
escaped by Jinja's autoescaping or by `markupsafe.escape`.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from sawt.data.model import LANGS, Lang, PartialDate, Source, other_text_language
from sawt.dates import event_type_label, format_number, format_partial_date, status_label
from sawt.languages import ARABIC_TEXT_LANGUAGE, LANGUAGES, direction, writes_arabic_script
from sawt.render import strings

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES)),
    autoescape=True,  # every template, whatever its extension: data is never trusted as HTML
    undefined=jinja2.StrictUndefined,  # a misspelt variable fails the build instead of vanishing
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def other_lang(lang: Lang) -> Lang:
    return other_text_language(lang)


def bdi(value: object, lang: str | None = None) -> Markup:
    """Text isolated from its surroundings, so a Latin name, a number or a URL
    cannot reorder the Arabic around it (and vice versa). With a language the
    direction is explicit; without one the browser detects it (dir=auto)."""
    if lang in LANGUAGES or lang in LANGS:
        return Markup('<bdi lang="{}" dir="{}">{}</bdi>').format(lang, direction(lang), value)
    if lang:
        return Markup('<bdi lang="{}">{}</bdi>').format(lang, value)
    return Markup("<bdi>{}</bdi>").format(value)


def time_html(value: PartialDate, lang: Lang) -> Markup:
    """A localized date with its machine-readable form (YYYY, YYYY-MM or YYYY-MM-DD are all valid)."""
    return Markup('<bdi><time datetime="{}">{}</time></bdi>').format(
        value.iso(), format_partial_date(value, lang)
    )


def number_html(value: int, lang: Lang) -> Markup:
    """A localized number, isolated (ASCII digits and separators next to Arabic text)."""
    return bdi(format_number(value, lang))




_ARABIC_LETTER = re.compile("[\u0621-\u064A]")


def publisher_html(source: Source, lang: Lang) -> Markup:
    """Who published a source, in the page's language where the publisher has a name in it
    (its own Arabic name on Arabic pages), otherwise the original, isolated and marked with
    its language: Arabic letters make it Arabic; a Latin name is in the document's language
    unless that is written in Arabic letters (an Arabic petition on an English-named site), else
    in the first text language, English."""
    if lang == ARABIC_TEXT_LANGUAGE and source.publisher_ar:
        return bdi(source.publisher_ar, ARABIC_TEXT_LANGUAGE)
    if _ARABIC_LETTER.search(source.publisher):
        return bdi(source.publisher, ARABIC_TEXT_LANGUAGE)
    latin_lettered = source.language and not writes_arabic_script(source.language)
    return bdi(source.publisher, source.language if latin_lettered else LANGS[0])


def safe_href(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) address, else None (never a javascript: link)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def host_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


_MARKDOWN_SPECIAL = re.compile(r"[\\`*_{}\[\]#|~^=:<>&]")


def markdown_text(value: str) -> Markup:
    """Plain text made inert in Markdown: every character that Markdown or a
    common extension (emoji, attr_list, tables, ...) could read as syntax becomes
    a numeric character reference, which Markdown passes through and the
    browser shows as the character."""
    one_line = " ".join(value.split())
    return Markup(_MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group(0))};", one_line))


def single_line(value: str) -> str:
    return " ".join(value.split())


def paragraphs(value: str) -> list[str]:
    """Text split at blank lines (YAML block scalars keep them), each paragraph on one line."""
    return [single_line(p) for p in re.split(r"\n\s*\n", value) if p.strip()]


def html_block(html: str) -> str:
    """HTML made safe to drop into Markdown as one raw block: no blank line
    (which would end the block) and no indentation (which could start a code
    block). None of our templates uses <pre>, so whitespace is not meaningful."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def _html_block_filter(value: object) -> Markup:
    return Markup(html_block(str(value)))


ENV.filters["html_block"] = _html_block_filter


def helpers(lang: Lang) -> dict[str, Any]:
    """What every template gets: the language and the localizing helpers bound to it."""
    return {
        "lang": lang,
        "dir": direction(lang),
        "other_lang": other_lang(lang),
        "t": lambda key, **values: strings.phrase(key, lang, **values),
        "date": lambda value: time_html(value, lang),
        "number": lambda value: number_html(value, lang),
        "status_label": lambda status: status_label(status, lang),
        "event_label": lambda kind: event_type_label(kind, lang),
        "bdi": bdi,
        "publisher": lambda source: publisher_html(source, lang),
        "safe_href": safe_href,
        "host_of": host_of,
        "paragraphs": paragraphs,
    }


def render(template: str, lang: Lang, **context: Any) -> str:
    return ENV.get_template(template).render(**helpers(lang), **context)


def render_block(template: str, lang: Lang, **context: Any) -> str:
    return html_block(render(template, lang, **context))


__all__ = ["ENV", "Markup", "escape", "bdi", "time_html", "number_html", "safe_href", "markdown_text", "render", "render_block"]


def language_links(other_languages: Sequence[tuple[str, str]]) -> str:
    """A plain page's links to itself in each other language (" · <a ...>العربية</a>"), marked
    as the language switch, as the themed pages' switcher is."""
    return "".join(
        f'\n · <a href="{html.escape(href)}" hreflang="{other}" lang="{other}" data-sawt-switch="{other}">'
        f"{html.escape(LANGUAGES[other].name)}</a>"
        for other, href in other_languages)
