"""What a shared link shows: preview meta tags, share links, and the share block.

Share links are plain links that the reader's own apps open; no third-party
script, button or iframe is ever embedded in a page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import quote, urlencode

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
        MetaTag("name", "twitter:card", "summary_large_image"),
        MetaTag("name", "twitter:title", title),
        MetaTag("name", "twitter:description", description),
        MetaTag("name", "twitter:image", image),
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


def share_links(url: str, text: str, lang: str) -> list[tuple[str, str, str]]:
    """(service key, label, href) for each place a campaigner shares to."""
    labels = {"whatsapp": "WhatsApp", "telegram": "Telegram", "x": "X", "facebook": "Facebook", "email": strings.text("share_email", lang)}
    hrefs = {
        "whatsapp": "https://wa.me/?" + urlencode({"text": f"{text} {url}"}, quote_via=quote),
        "telegram": "https://t.me/share/url?" + urlencode({"url": url, "text": text}, quote_via=quote),
        "x": "https://x.com/intent/post?" + urlencode({"text": text, "url": url}, quote_via=quote),
        "facebook": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}, quote_via=quote),
        "email": "mailto:?" + urlencode({"subject": text, "body": f"{text}\n\n{url}"}, quote_via=quote),
    }
    return [(key, labels[key], hrefs[key]) for key in hrefs]


#: Simple icons drawn for Sawt (24x24 viewBox, currentColor), inlined so no icon font
#: or CDN is ever fetched; each link also carries its visible label.
SHARE_ICONS = {
    "whatsapp": '<path d="M12 2.5a9.5 9.5 0 0 0-8.2 14.3L2.5 21.5l4.8-1.3A9.5 9.5 0 1 0 12 2.5Zm0 2a7.5 7.5 0 1 1-3.9 13.9l-.3-.2-2.4.7.7-2.3-.2-.3A7.5 7.5 0 0 1 12 4.5Zm-3 3.3c-.3 0-.7.1-.9.5-.4.4-.9 1.1-.9 2.3 0 1.3 1 2.6 1.1 2.8.2.2 1.9 3 4.7 4 2.3.9 2.8.7 3.3.7.5-.1 1.6-.7 1.8-1.3.2-.6.2-1.2.2-1.3-.1-.1-.3-.2-.6-.3l-1.9-.9c-.3-.1-.5-.1-.7.2l-.8 1c-.2.2-.4.2-.7.1-.3-.2-1.2-.5-2.3-1.4-.8-.8-1.4-1.7-1.5-2-.2-.3 0-.5.1-.6l.5-.6.3-.5v-.5l-.9-2.1c-.2-.5-.4-.5-.6-.5Z"/>',
    "telegram": '<path d="M21.4 3.6 2.9 10.8c-1 .4-1 1.6.1 1.9l4.6 1.4 1.8 5.6c.2.7 1.1.9 1.6.4l2.6-2.5 4.8 3.5c.6.4 1.4.1 1.6-.6l3.2-15.4c.2-.9-.8-1.7-1.8-1.5ZM9.8 14.2l8.4-7.6-6.6 8.8-.3 3-1.5-4.2Z"/>',
    "x": '<path d="M17.8 3h3.1l-6.8 7.7L22 21h-6.2l-4.9-6.4L5.3 21H2.2l7.3-8.3L1.9 3h6.3l4.4 5.9L17.8 3Zm-1.1 16.2h1.7L7.4 4.7H5.6l11.1 14.5Z"/>',
    "facebook": '<path d="M13.5 21.5v-8h2.7l.4-3.2h-3.1V8.3c0-.9.3-1.5 1.6-1.5h1.7V4a22 22 0 0 0-2.5-.1c-2.4 0-4.1 1.5-4.1 4.2v2.3H7.5v3.2h2.7v8h3.3Z"/>',
    "email": '<path d="M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm1 2.4V17h16V7.4l-8 5.3-8-5.3ZM5.8 7l6.2 4.1L18.2 7H5.8Z"/>',
}


def share_icon(key: str) -> str:
    return (
        '<svg class="sawt-share__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" '
        f'focusable="false" fill="currentColor">{SHARE_ICONS[key]}</svg>'
    )


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
