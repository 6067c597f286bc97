"""Every string Sawt writes on a page, in gettext catalogs: one per language, compiled with Babel.

`sawt/locale/<code>/LC_MESSAGES/sawt.po` holds one entry a string: its key as the context
(msgctxt, e.g. "key_facts" or "status:detained"), its English as the msgid, its translation as
the msgstr, and plural forms where a number is counted ("held:year"). Translators use the
tools they know (Poedit, Weblate); the English catalog is the source every other one
translates. A site may add or override catalogs in its own folder (`locale/` beside
mkdocs.yml, `SiteConfig.locale_dirs`): that is how a third language is added with no code.

A string missing from a language's catalog, or whose English changed since it was
translated, is shown in English (gettext's rule), and the translation report lists it.
Compiled in memory once a process (about 10 ms a catalog).
"""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import NullTranslations, Translations

from sawt.errors import SawtError
from sawt.languages import TEXT_LANGUAGES

PACKAGE_LOCALE = Path(__file__).resolve().parent / "locale"
DOMAIN = "sawt"
#: The catalogs' msgids are this language's text.
SOURCE_LANGUAGE = TEXT_LANGUAGES[0]

_site_locale_dirs: tuple[Path, ...] = ()


def configure(locale_dirs: Iterable[Path]) -> None:
    """A site's own catalog folders, looked in before the package's (from the site's config).
    Called as each build starts, so a development server's rebuild reads edited catalogs again."""
    global _site_locale_dirs
    _site_locale_dirs = tuple(Path(folder) for folder in locale_dirs)
    _translations.cache_clear()
    source_messages.cache_clear()
    fingerprint.cache_clear()


def catalog_path(folder: Path, lang: str) -> Path:
    return folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(path: Path) -> Catalog:
    """A .po file, or a SawtError naming the file and line of what is wrong in it."""
    try:
        with path.open("rb") as file:
            return read_po(file, abort_invalid=True)
    except PoFileError as error:
        raise SawtError(f"{path}: not a readable gettext catalog: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SawtError(f"{path}: cannot be read: {error}") from None


@lru_cache(maxsize=1)
def source_messages() -> dict[str, tuple[str, str | None]]:
    """Every string's key -> its English (and English plural), from the source catalog."""
    messages = {}
    for message in read_catalog(catalog_path(PACKAGE_LOCALE, SOURCE_LANGUAGE)):
        if message.id and message.context:
            singular, plural = (message.id if isinstance(message.id, tuple) else (message.id, None))[:2]
            messages[message.context] = (singular, plural)
    return messages


@lru_cache(maxsize=None)
def _translations(lang: str) -> NullTranslations:
    """The language's catalogs, the site's before the package's, each falling back to the next."""
    found: NullTranslations | None = None
    for folder in (*_site_locale_dirs, PACKAGE_LOCALE):
        path = catalog_path(folder, lang)
        if not path.is_file():
            continue
        compiled = io.BytesIO()
        write_mo(compiled, read_catalog(path))
        compiled.seek(0)
        translations = Translations(compiled, domain=DOMAIN)
        if found is None:
            found = translations
        else:
            found.add_fallback(translations)
    return found or NullTranslations()


def text(key: str, lang: str) -> str:
    """The string `key` in `lang` (a KeyError for an unknown key: a typo must not ship)."""
    english, _plural = source_messages()[key]
    return _translations(lang).pgettext(key, english)


def counted(key: str, n: int, lang: str) -> str:
    """The string `key` in `lang` in the plural form that fits `n` (its placeholders unfilled)."""
    english, plural = source_messages()[key]
    if plural is None:
        raise KeyError(f"{key} has no plural forms")
    return _translations(lang).npgettext(key, english, plural, n)


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of every catalog the site's pages are written from (the package's and the site's):
    part of each cached page's key, so an edited translation is never served from the cache."""
    digest = hashlib.sha256()
    for folder in (*_site_locale_dirs, PACKAGE_LOCALE):
        for path in sorted(folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            digest.update(path.as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
