"""Every user-visible string the renderer writes, looked up by key in the gettext
catalogs (sawt/catalogs.py, sawt/locale/<code>/LC_MESSAGES/sawt.po).

One concept, one key, one place: templates and code look strings up by key and
never spell out text of their own.

Strings with `{placeholders}` are filled by `phrase()`, which escapes every
value, so a translator can move a placeholder without touching any code.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from sawt import catalogs
from sawt.data.model import Lang


def text(key: str, lang: Lang) -> str:
    """The plain string for `key` (raises KeyError for an unknown key: a typo must not ship)."""
    return catalogs.text(key, lang)


def phrase(key: str, lang: Lang, **values: object) -> Markup:
    """The string for `key` as HTML, its placeholders filled with escaped values.

    A value that is already `Markup` (a `<bdi>` or a `<time>`) is kept as is.
    """
    return escape(text(key, lang)).format(**values)


def plain(key: str, lang: Lang, **values: object) -> str:
    """The string for `key` as plain text (for front matter, attributes built in code, JS templates)."""
    return text(key, lang).format(**values)
