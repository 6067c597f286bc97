"""The UI strings (the gettext catalogs, sawt/locale/): both languages complete and consistent."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from markupsafe import Markup

from sawt import catalogs
from sawt.dates import EVENT_TYPES
from sawt.data.model import STATUSES
from sawt.render import strings

ENGLISH = catalogs.source_messages()  # key -> (English, English plural)
ARABIC = {message.context: message for message in catalogs.read_catalog(catalogs.catalog_path(catalogs.PACKAGE_LOCALE, "ar"))
          if message.id}

TEMPLATES = Path(strings.__file__).resolve().parent.parent / "templates"
RENDER = Path(strings.__file__).resolve().parent


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _forms(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    assert len(ENGLISH) > 100 and set(ENGLISH) == set(ARABIC)
    for key, (english, english_plural) in ENGLISH.items():
        arabic = ARABIC[key]
        # Translated from today's English (a changed English string leaves the old translation unused).
        assert (arabic.id if english_plural is None else arabic.id[0]) == english, key
        assert not arabic.fuzzy, key
        forms = _forms(arabic)
        assert len(forms) == (6 if english_plural else 1) and all(forms), key  # Arabic: six plural forms
        assert all(placeholders(form) <= placeholders(english) | {"n"} for form in forms), key
        if english_plural is None:
            assert placeholders(forms[0]) == placeholders(english), key


def test_arabic_strings_use_no_arabic_indic_digits() -> None:
    for key, message in ARABIC.items():
        assert not any(re.search("[٠-٩۰-۹]", form) for form in _forms(message)), key


def test_arabic_plurals_follow_the_six_forms():
    assert [catalogs.counted("held:year", n, "ar").format(n=n) for n in (1, 2, 3, 11, 100)] == [
        "سنة واحدة", "سنتان", "3 سنوات", "11 سنة", "100 سنة"]
    assert [catalogs.counted("held:day", n, "ar").format(n=n) for n in (5, 11, 101)] == ["5 أيام", "11 يوماً", "101 يوم"]
    assert [catalogs.counted("held:month", n, "en").format(n=n) for n in (1, 2)] == ["1 month", "2 months"]


def test_every_status_and_event_type_has_its_label() -> None:
    assert {f"status:{status}" for status in STATUSES} | {f"event:{kind}" for kind in EVENT_TYPES} <= set(ENGLISH)


def _sources() -> list[str]:
    """Sawt's own code and templates that write page text."""
    package = RENDER.parent  # the share block, feeds, notices, index pages
    site_wide = [path for folder in ("outputs", "stages", "engine") for path in (package / folder).rglob("*.py")]
    return [p.read_text(encoding="utf-8") for p in [*TEMPLATES.glob("*.j2"), *RENDER.glob("*.py"), *site_wide]
            if p.name != "strings.py"]


def _theme_templates() -> list[str]:
    """The theme overrides, which look Sawt's strings up with sawt_text (their `lang.t` is Material's)."""
    return [p.read_text(encoding="utf-8") for p in (RENDER.parents[1] / "overrides").rglob("*.html")]


_CATALOG_LOOKUP = re.compile(r"""(?:sawt_text|catalogs\.text)\(\s*["']([a-z_:]+)["']""")


def test_every_key_the_renderer_uses_exists() -> None:
    used: set[str] = set()
    for source in _sources():
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+)["']""", source))
        used |= set(re.findall(r"""strings\.(?:text|phrase|plain)\(\s*["']([a-z_]+)["']""", source))
        used |= set(_CATALOG_LOOKUP.findall(source))
    for template in _theme_templates():
        used |= set(_CATALOG_LOOKUP.findall(template))
    assert used, "the scan found no keys"
    assert used <= set(ENGLISH), used - set(ENGLISH)


def test_no_string_is_left_unused() -> None:
    literals: set[str] = set()
    for source in [*_sources(), *_theme_templates()]:
        literals |= set(re.findall(r"""["']([a-z_]+)["']""", source))
    # Keys with a prefix ("status:detained", "held:year") are made from their vocabulary, checked above.
    assert {key for key in ENGLISH if ":" not in key} - literals == set()


def test_phrase_escapes_values_but_keeps_markup() -> None:
    assert strings.phrase("by_whom", "en", by="<b>") == "by &lt;b&gt;"
    assert strings.phrase("by_whom", "ar", by=Markup("<bdi>GS</bdi>")) == "على يد <bdi>GS</bdi>"
    assert strings.plain("page_n", "ar", n=3) == "الصفحة 3"


def test_unknown_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        strings.text("no_such_key", "en")
