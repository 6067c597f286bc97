"""The plain page Sawt writes outside the theme: a case's text-only version
(sawt/render/text_page.py) and a preserved source's text view (sawt/render/capture.py).

One skeleton for both, so they carry the same head (the site's Content-Security-Policy and
referrer tags, the small system-font stylesheet, the favicon) and the same header (the site's
name, a way back, this page in the other languages), in the page language's direction.
"""

from __future__ import annotations

import html
from typing import Sequence

from sawt.languages import LANGUAGES
from sawt.render.markup import language_links


def plain_page_html(*, lang: str, title: str, site_name: str, privacy_meta: str, head_tags: str,
                    stylesheet_href: str, favicon_href: str, back_href: str, back_label: str,
                    other_languages: Sequence[tuple[str, str]], main: str, header_note: str = "",
                    noindex: bool = False, page_meta: Sequence[str] = ()) -> str:
    """A whole plain page. `privacy_meta`: the site's CSP and referrer tags, copied from a themed
    page so that this one allows exactly what the site allows; `head_tags`: further head tags as
    HTML (e.g. the full page's link previews); `page_meta`: this page's own head tags, after its
    title; `main`: the escaped content of <main>; `other_languages`: (code, address) of this page
    in each other language. `noindex` keeps the page out of search engines."""
    note = f" · {html.escape(header_note)}" if header_note else ""
    robots = '<meta name="robots" content="noindex">\n' if noindex else ""
    own_meta = "".join(f"{tag}\n" for tag in page_meta)
    return f"""<!doctype html>
<html lang="{lang}" dir="{LANGUAGES[lang].direction}">
<head>
<meta charset="utf-8">
{privacy_meta}
{robots}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · {html.escape(site_name)}</title>
{own_meta}{head_tags}
<link rel="stylesheet" href="{html.escape(stylesheet_href)}">
<link rel="icon" href="{html.escape(favicon_href)}">
</head>
<body>
<header class="sawt-text-header">
<p><strong>{html.escape(site_name)}</strong>{note}</p>
<nav><a href="{html.escape(back_href)}">{html.escape(back_label)}</a>{language_links(other_languages)}</nav>
</header>
<main>
{main}</main>
</body>
</html>
"""
