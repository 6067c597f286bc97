"""The site's languages and the one rule that maps a page to its translation.

The languages are mkdocs.yml's (the i18n plugin's list: code, name, which is the default),
read once into the site's config (sawt/config.py), which hands them to `configure` as each
build starts; until then (tests, `python -m sawt check`) they are English and Arabic. A
language's direction is its script's, from the Unicode CLDR data Babel carries, so a new
language needs no code.

Every page exists in every language at the same path (authored, generated, or built from
another language with a "not translated yet" notice); the default language is served at the
root and each other under /<code>/. So a page's translation is found from its URL alone, which
keeps the language switcher, hreflang links and sitemap in agreement.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Literal

from babel import Locale, UnknownLocaleError
from babel.core import get_global

Direction = Literal["ltr", "rtl"]


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # the language's name in itself, for the switcher
    direction: Direction
    url_prefix: str  # "" for the default language, "<code>/" otherwise


@lru_cache(maxsize=None)
def script_direction(code: str) -> Direction:
    """The direction a language is written in, from CLDR: "ar" -> "rtl", "fr" -> "ltr"."""
    try:
        return "rtl" if Locale.parse(code.replace("-", "_")).character_order == "right-to-left" else "ltr"
    except (UnknownLocaleError, ValueError):
        raise ValueError(f'"{code}" is not a language code that Unicode CLDR knows (e.g. en, ar, fr)') from None


@lru_cache(maxsize=None)
def script(code: str) -> str:
    """The ISO 15924 script a language is written in, from CLDR's likely subtags: "ar" -> "Arab",
    "en" and "fr" -> "Latn". What a language's texts look like (which letters, which fonts)
    follows from it, so a new language needs no code."""
    likely = get_global("likely_subtags").get(code.replace("-", "_"), "")
    return next((part for part in likely.split("_")[1:] if len(part) == 4), "Zyyy")  # Zyyy: unknown


#: The script whose letters the archive's Arabic texts are checked for, and whose fonts an
#: Arabic-script page preloads.
ARABIC_SCRIPT = "Arab"


def writes_arabic_script(code: str) -> bool:
    return script(code) == ARABIC_SCRIPT


@lru_cache(maxsize=None)
def english_name(code: str) -> str:
    """A language's name in English, for messages to the site's editors: "ar" -> "Arabic"."""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except (UnknownLocaleError, ValueError):
        return code


#: "In <language>" as Sawt's Arabic hints to editors write it (a sheet's column "الاسم (بالإنكليزية)"),
#: in the Levantine spelling the schemas use, which CLDR's (الإنجليزية) is not.
_IN_LANGUAGE_ARABIC = {"en": "بالإنكليزية", "ar": "بالعربية"}


def in_language_arabic(code: str) -> str:
    return _IN_LANGUAGE_ARABIC.get(code, code)


def language(code: str, name: str, *, default: bool) -> Language:
    return Language(code, name, script_direction(code), "" if default else f"{code}/")


#: The site's languages in order, the default first (see the module's doc).
LANGUAGES: dict[str, Language] = {
    "en": language("en", "English", default=True),
    "ar": language("ar", "العربية", default=False),
}


#: The languages every text of the archive is written in, in this order: the schemas require each
#: (`{en: ..., ar: ...}`, sawt/data/schemas/common.schema.json). A site may be built in more
#: languages (mkdocs.yml); a page in one of those shows these texts in the first, which is also
#: the language Sawt's catalogs are written in (sawt/catalogs.py).
TEXT_LANGUAGES: tuple[str, ...] = ("en", "ar")
#: The text language written in Arabic letters: whose texts must have some, and whose words a
#: source may give only in it (a publisher's Arabic name).
ARABIC_TEXT_LANGUAGE = next(code for code in TEXT_LANGUAGES if writes_arabic_script(code))


def configure(languages: Iterable[Language]) -> None:
    """The site's languages, from its config, the default first (in place: modules hold this dict)."""
    languages = list(languages)
    if not languages or languages[0].url_prefix or any(lang.url_prefix == "" for lang in languages[1:]):
        raise ValueError("the default language comes first, and only it is served at the root")
    LANGUAGES.clear()
    LANGUAGES.update((lang.code, lang) for lang in languages)


def default_language() -> str:
    return next(iter(LANGUAGES))


#: Open Graph locales where Facebook's list differs from CLDR's likely region (it has ar_AR for Arabic).
_OPEN_GRAPH_LOCALES = {"ar": "ar_AR"}


@lru_cache(maxsize=None)
def open_graph_locale(code: str) -> str:
    """A language's Open Graph locale ("en" -> "en_US", "fr" -> "fr_FR"), from CLDR's likely subtags."""
    if code in _OPEN_GRAPH_LOCALES:
        return _OPEN_GRAPH_LOCALES[code]
    likely = Locale.parse(get_global("likely_subtags").get(code, code))
    return f"{likely.language}_{likely.territory}" if likely.territory else likely.language


#: The CLDR locale a language's dates and numbers are written in, where not the language's own:
#: Syrian Arabic's Levantine month names (نيسان، أيار), which the archive's readers use.
_BABEL_LOCALES = {"ar": "ar_SY"}


def babel_locale(code: str) -> str:
    return _BABEL_LOCALES.get(code, code.replace("-", "_"))


def direction(lang: str) -> Direction:
    return LANGUAGES[lang].direction if lang in LANGUAGES else script_direction(lang)


def language_of_url(url: str) -> str:
    """The language of a site-relative URL such as "ar/cases/x/" or "cases/x/"."""
    path = url.lstrip("/")
    for lang in LANGUAGES.values():
        if lang.url_prefix and (path + "/").startswith(lang.url_prefix):
            return lang.code
    return default_language()


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
