"""What a shared link shows: preview meta tags, share links, and the share block.

Share links are plain links that the reader's own apps open; no third-party
script, button or iframe is ever embedded in a page.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from sawt.languages import LANGUAGES, default_language, open_graph_locale, relative_url, url_in_language
from sawt.render import strings

CARD_SIZE = (1200, 630)
CARD_DIR = "assets/cards"
SITE_CARD = "_site"  # not a valid case slug, so it never collides with a case's card

@dataclass(frozen=True)
class MetaTag:
    attribute: str  # "name" or "property"
    key: str
    content: str


def absolute_url(site_url: str, site_path: str) -> str:
    return site_url.rstrip("/") + "/" + site_path.lstrip("/")


def card_path(lang: str, slug: str | None) -> str:
    """Site path of a share card: one per case and language, and one for the site."""
    return f"{CARD_DIR}/{lang}/{slug or SITE_CARD}.png"


def page_meta(
    *,
    site_url: str,
    page_url: str,
    lang: str,
    title: str,
    description: str,
    site_name: str,
    image_path: str,
    image_alt: str,
) -> list[MetaTag]:
    """Preview meta for one page; `page_url` is site-relative ("ar/cases/x/")."""
    url = absolute_url(site_url, url_in_language(page_url, lang))
    image = absolute_url(site_url, image_path)
    tags = [
        MetaTag("property", "og:type", "website"),
        MetaTag("property", "og:site_name", site_name),
        MetaTag("property", "og:title", title),
        MetaTag("property", "og:description", description),
        MetaTag("property", "og:url", url),
        MetaTag("property", "og:locale", open_graph_locale(lang)),
        *[MetaTag("property", "og:locale:alternate", open_graph_locale(o)) for o in LANGUAGES if o != lang],
        MetaTag("property", "og:image", image),
        MetaTag("property", "og:image:type", "image/png"),
        MetaTag("property", "og:image:width", str(CARD_SIZE[0])),
        MetaTag("property", "og:image:height", str(CARD_SIZE[1])),
        MetaTag("property", "og:image:alt", image_alt),
        # X reads og:title, og:description and og:image where no twitter: tag repeats them (its
        # card documentation): only what has no og: counterpart is written, 330 bytes less a page.
        MetaTag("name", "twitter:card", "summary_large_image"),
        MetaTag("name", "twitter:image:alt", image_alt),
    ]
    return tags


def language_alternates(site_url: str, page_url: str) -> list[dict[str, str]]:
    """Absolute addresses of a page's versions, for <link rel="alternate" hreflang>; x-default is the default language's."""
    links = [{"lang": code, "href": absolute_url(site_url, url_in_language(page_url, code))} for code in LANGUAGES]
    return links + [{"lang": "x-default", "href": absolute_url(site_url, url_in_language(page_url, default_language()))}]


def plain_page_head(*, site_url: str, page_url: str, lang: str, title: str, description: str, site_name: str,
                    feeds: list[dict[str, str]]) -> str:
    """The head tags a page written by Sawt without the theme (a source's text view) shares with
    every themed page: canonical address, preview meta, feeds and language versions (the same
    helpers the theme's pages get theirs from, overrides/main.html)."""
    here = url_in_language(page_url, lang)
    tags = [f'<link rel="canonical" href="{html.escape(absolute_url(site_url, here))}">',
            f'<meta name="description" content="{html.escape(description)}">']
    tags += [f'<meta {tag.attribute}="{tag.key}" content="{html.escape(tag.content)}">' for tag in page_meta(
        site_url=site_url, page_url=page_url, lang=lang, title=title, description=description, site_name=site_name,
        image_path=card_path(lang, None), image_alt=strings.text("site_tagline", lang))]
    tags += [f'<link rel="alternate feed" type="application/atom+xml" href="{html.escape(relative_url(here, feed["href"]))}" '
             f'hreflang="{feed["lang"]}" title="{html.escape(feed["title"])}">' for feed in feeds]
    tags += [f'<link rel="alternate" hreflang="{link["lang"]}" href="{html.escape(link["href"])}">'
             for link in language_alternates(site_url, page_url)]
    return "\n".join(tags)


#: ASCII a query value may hold as it is (RFC 3986 unreserved, and the sub-delimiters and
#: separators that split nothing inside a value); `& = + # % ;` and spaces are always escaped.
_QUERY_SAFE_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/:@!$'()*,?")


def query_value(text: str) -> str:
    """`text` escaped for a URL's query: letters, marks, digits and punctuation of any script stay
    as they are (the URL Standard lets a query hold them, and a browser escapes them as UTF-8 when
    it follows the link); spaces, separators, invisible format characters (bidi controls) and
    symbols are %-escaped. An Arabic share link is a third of its fully escaped size: each
    letter is 2 bytes instead of 6, 3.3 KB less on an Arabic case page and its text page."""
    return "".join(
        char if char in _QUERY_SAFE_ASCII or (ord(char) > 0x7F and unicodedata.category(char)[0] in "LMNP")
        else quote(char, safe="")
        for char in text
    )


def _query(**values: str) -> str:
    return "&".join(f"{key}={query_value(value)}" for key, value in values.items())


def share_links(url: str, text: str, lang: str) -> list[tuple[str, str, str]]:
    """(service key, label, href) for each place a campaigner shares to."""
    labels = {"whatsapp": "WhatsApp", "telegram": "Telegram", "x": "X", "facebook": "Facebook", "email": strings.text("share_email", lang)}
    hrefs = {
        "whatsapp": "https://wa.me/?" + _query(text=f"{text} {url}"),
        "telegram": "https://t.me/share/url?" + _query(url=url, text=text),
        "x": "https://x.com/intent/post?" + _query(text=text, url=url),
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + _query(u=url),
        "email": "mailto:?" + _query(subject=text, body=f"{text}\n\n{url}"),
    }
    return [(key, labels[key], hrefs[key]) for key in hrefs]


#: The share targets with an icon. Simple icons drawn for Sawt (24x24, one colour) live in
#: overrides/assets/css/sawt-case.css as CSS masks, one rule a key, so that the stylesheet
#: every page already loads draws them: no icon font, no CDN, and no inline <svg> repeated in
#: every case page. Each link also carries its visible label.
SHARE_ICON_KEYS = ("whatsapp", "telegram", "x", "facebook", "email")


def share_icon(key: str) -> str:
    if key not in SHARE_ICON_KEYS:
        raise KeyError(key)
    return f'<span class="sawt-share__icon sawt-share__icon--{key}" aria-hidden="true"></span>'


def share_block_html(*, url: str, text: str, lang: str, qr_svg: str) -> str:
    """The share block under a case or appeal: links, copy and device-share
    buttons (revealed by sawt-share.js when they can work), and a QR code that
    also prints."""
    def s(key: str) -> str:
        return html.escape(strings.text(key, lang))

    items = "".join(
        f'<li><a class="sawt-share__link sawt-share__link--{key}" href="{html.escape(href)}" '
        f'rel="noopener noreferrer" target="_blank">{share_icon(key)}<span>{html.escape(label)}</span></a></li>'
        for key, label, href in share_links(url, text, lang)
    )
    return (
        f'<aside class="sawt-share" aria-labelledby="sawt-share-title" data-url="{html.escape(url)}" '
        f'data-text="{html.escape(text)}">'
        f'<h2 id="sawt-share-title" class="sawt-share__title">{s("share_title")}</h2>'
        f'<div class="sawt-share__actions">'
        f'<button type="button" class="md-button sawt-share__copy" hidden data-done="{s("share_copied")}">{s("share_copy")}</button>'
        f'<button type="button" class="md-button sawt-share__device" hidden>{s("share_device")}</button>'
        f'<ul class="sawt-share__links">{items}</ul></div>'
        f'<figure class="sawt-share__qr">{qr_svg}'
        f'<figcaption>{s("share_scan")}<br><bdi dir="ltr" class="sawt-share__url">{html.escape(url)}</bdi></figcaption></figure>'
        f"</aside>"
    )
