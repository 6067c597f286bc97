"""A text shown in another language than its page's: a notice in the reader's language, and
the text marked with its own language and direction (a hand-written page borrowed from
another language, or an archive text on a page in a language it is not written in)."""

from __future__ import annotations

import html as html_lib

from sawt.languages import direction
from sawt.render import strings


def untranslated_notice(page_lang: str, original_url: str | None = None, content_lang: str | None = None) -> str:
    link = ""
    if original_url is not None:
        link = (f' <a href="{html_lib.escape(original_url)}" hreflang="{content_lang}">'
                f'{html_lib.escape(strings.text("read_original", page_lang))}</a>')
    return (f'<div class="admonition note sawt-untranslated" lang="{page_lang}" dir="{direction(page_lang)}">'
            f"<p>{html_lib.escape(strings.text('untranslated_notice', page_lang))}{link}</p></div>")


def in_its_language(html: str, content_lang: str) -> str:
    return f'<div lang="{content_lang}" dir="{direction(content_lang)}">{html}</div>'


def untranslated_body(html: str, *, page_lang: str, content_lang: str, original_url: str) -> str:
    """Wrap a body written in another language: a notice in the reader's language (with a link
    to the original), and the body marked with its own language and direction."""
    return untranslated_notice(page_lang, original_url, content_lang) + in_its_language(html, content_lang)
