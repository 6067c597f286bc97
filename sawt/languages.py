"""The site's two languages and the one rule that maps a page to its translation.

Every page exists in both languages at the same path (authored, generated, or
built from the other language with a "not translated yet" notice); English is
served at the root and Arabic under /ar/. So a page's translation is found from
its URL alone, which keeps the language switcher, hreflang links and sitemap in
agreement.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Literal

Direction = Literal["ltr", "rtl"]


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # the language's name in itself, for the switcher
    direction: Direction
    url_prefix: str  # "" for the default language, "ar/" otherwise


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "English", "ltr", ""),
    "ar": Language("ar", "العربية", "rtl", "ar/"),
}
DEFAULT_LANGUAGE = "en"


def direction(lang: str) -> Direction:
    return LANGUAGES[lang].direction


def other_language(lang: str) -> str:
    return next(code for code in LANGUAGES if code != lang)


def language_of_url(url: str) -> str:
    """The language of a site-relative URL such as "ar/cases/x/" or "cases/x/"."""
    path = url.lstrip("/")
    for lang in LANGUAGES.values():
        if lang.url_prefix and (path + "/").startswith(lang.url_prefix):
            return lang.code
    return DEFAULT_LANGUAGE


def neutral_path(url: str) -> str:
    """The language-neutral part of a site-relative URL: "ar/about/" -> "about/"."""
    path = url.lstrip("/")
    prefix = LANGUAGES[language_of_url(path)].url_prefix
    if prefix and (path + "/").startswith(prefix):
        path = path[len(prefix):]
    return "" if path in (".", "./") else path


def url_in_language(url: str, lang: str) -> str:
    """The site-relative URL of the same page in `lang` ("about/" -> "ar/about/")."""
    return LANGUAGES[lang].url_prefix + neutral_path(url)


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one site-relative directory URL to another that works on any
    host, under any sub-path, and from a copy opened from disk."""
    start = "/" + from_url.lstrip("/")
    if not start.endswith("/"):
        start = posixpath.dirname(start) + "/"
    target = "/" + to_url.lstrip("/")
    rel = posixpath.relpath(target, start)
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel
