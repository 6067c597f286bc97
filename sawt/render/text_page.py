"""A case page's text-only version (cases/x/text.html, beside the full page).

For readers on throttled or metered networks: the same article as the full page, with
no theme, no script, no web font and no image (the portrait and the QR code are left
out), styled by one small stylesheet that uses the system's fonts. It sits in the same
folder as the full page, so every relative link in the article works unchanged. It
carries the site's Content-Security-Policy, names the full page as canonical, and is
in no sitemap or search index: it is a lighter way to read a page, not another page.
"""

from __future__ import annotations

import html
import re
from typing import Sequence

from sawt.render import strings
from sawt.render.case_page import CasePageContent
from sawt.render.plain_page import plain_page_html

TEXT_PAGE_NAME = "text.html"
TEXT_STYLESHEET = "assets/css/sawt-text.css"
FAVICON = "assets/images/favicon.svg"  # the site's own (without one, a browser asks for /favicon.ico)

#: What a text-only page leaves out: images (the portrait, the QR code) and inline SVG
#: icons. The article is Sawt's own generated HTML, so these tags are well formed.
#: The head tags a text-only page shares with its full page: link previews (Open Graph,
#: X), the language versions and the feeds. Its links are relative to the same folder.
SHARED_HEAD = re.compile(r'<meta (?:property="og:|name="twitter:)[^>]*>|<link rel="alternate[^>]*>')

_IMAGES = re.compile(r"<img\b[^>]*>|<svg\b.*?</svg>|<picture\b.*?</picture>", re.S)


def shared_head(full_page: str) -> str:
    """The full page's preview, language and feed tags (SHARED_HEAD), one per line."""
    head = full_page[: full_page.find("</head>")]
    return "\n".join(SHARED_HEAD.findall(head))


def text_page_html(content: CasePageContent, *, lang: str, site_name: str, privacy_meta: str, head_tags: str,
                   stylesheet_href: str, favicon_href: str, canonical_url: str, full_page_href: str,
                   other_languages: Sequence[tuple[str, str]]) -> str:
    """The whole text-only page. `privacy_meta` is the site's CSP and referrer tags, copied
    from the frame so that this page allows exactly what the full page allows; `head_tags` are
    the full page's shared_head. `other_languages`: (code, address) of this page in each other language."""
    return plain_page_html(
        lang=lang, title=content.title, site_name=site_name, privacy_meta=privacy_meta, head_tags=head_tags,
        stylesheet_href=stylesheet_href, favicon_href=favicon_href,
        page_meta=(f'<meta name="description" content="{html.escape(content.description)}">',
                   f'<link rel="canonical" href="{html.escape(canonical_url)}">'),
        header_note=strings.plain("text_only_notice", lang),
        back_href=full_page_href, back_label=strings.plain("text_only_full_page", lang),
        other_languages=other_languages, main=f"<article>\n{_IMAGES.sub('', content.body_html)}</article>\n")
