"""A person's portrait, or a dignified placeholder when the archive has no photo.

Never a stock photo or a generic face: without a photo the placeholder shows the
first letter of the person's name in the page's script on a neutral ground, so a
card still names someone rather than standing in for "a detainee". A pseudonym's
initial is the pseudonym's, so the placeholder reveals nothing the name doesn't.

Used by the case page header and (for the home and index cards) by anyone who
needs a face for a case: `portrait_html(case, lang, photo_url=..., size=...)`.
CSS: overrides/assets/css/sawt-case.css (`.sawt-portrait`).
"""

from __future__ import annotations

import html
import unicodedata
from typing import Literal

from markupsafe import Markup

from sawt.data.model import Case, Lang
from sawt.render import strings

PortraitSize = Literal["small", "large"]
#: Rendered edge in CSS pixels; width/height attributes keep the layout from shifting.
PORTRAIT_PIXELS: dict[str, int] = {"small": 96, "large": 160}

# Arabic names often begin with the article or a compound such as "عبد"; the
# initial is the first letter of the name itself, so skip a leading "ال".
_ARABIC_ARTICLE = "ال"


def portrait_initial(name: str) -> str:
    """The first letter of `name` (a whole grapheme: base letter plus its marks)."""
    text = name.strip()
    if text.startswith(_ARABIC_ARTICLE) and len(text) > 2:
        text = text[2:]
    for index, char in enumerate(text):
        if unicodedata.category(char)[0] == "L":
            end = index + 1
            while end < len(text) and unicodedata.category(text[end]).startswith("M"):
                end += 1
            return text[index:end]
    return ""


def portrait_html(case: Case, lang: Lang, *, photo_url: str | None, size: PortraitSize = "large") -> Markup:
    """The case's photo with its alt text, or the placeholder with the name as its label.

    `photo_url` is the photo's URL relative to the page (None: no photo is shown,
    even if the case has one, e.g. when the caller did not publish it).
    """
    pixels = PORTRAIT_PIXELS[size]
    classes = f"sawt-portrait sawt-portrait--{size}"
    if photo_url:
        alt = case.photo_alt[lang] if case.photo_alt else strings.plain("photo_alt", lang, name=case.name[lang])
        return Markup(
            f'<figure class="{classes}"><img src="{html.escape(photo_url)}" alt="{html.escape(alt)}"'
            f' width="{pixels}" height="{pixels}" loading="lazy" decoding="async"></figure>'
        )
    label = strings.plain("portrait_placeholder", lang, name=case.name[lang])
    initial = portrait_initial(case.name[lang])
    return Markup(
        f'<figure class="{classes} sawt-portrait--placeholder" role="img" aria-label="{html.escape(label)}"'
        ">"
        f'<span class="sawt-portrait__initial" aria-hidden="true" lang="{lang}">{html.escape(initial)}</span></figure>'
    )
