"""What a shared link shows: preview meta tags, share links, and the share block.

Share links are plain links that the reader's own apps open; no third-party
script, button or iframe is ever embedded in a page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from sawt.languages import LANGUAGES, url_in_language
from sawt.render import strings

#: Open Graph locales (Facebook's list has ar_AR for Arabic).
OG_LOCALES = {"en": "en_US", "ar": "ar_AR"}
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
        MetaTag("property", "og:locale", OG_LOCALES[lang]),
        *[MetaTag("property", "og:locale:alternate", OG_LOCALES[o]) for o in LANGUAGES if o != lang],
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


def share_block_html(*, url: str, text: str, lang: str, qr_svg: str) -> str:
    """The share block under a case or appeal: links, copy and device-share
    buttons (revealed by sawt-share.js when they can work), and a QR code that
    also prints."""
    def s(key: str) -> str:
        return html.escape(strings.text(key, lang))

    items = "".join(
        f'<li><a class="sawt-share__link sawt-share__link--{key}" href="{html.escape(href)}" '
        f'rel="noopener noreferrer" target="_blank">{html.escape(label)}</a></li>'
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
