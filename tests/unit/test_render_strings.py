"""The renderer's UI strings: both languages complete and consistent."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from markupsafe import Markup

from sawt.render import strings

TEMPLATES = Path(strings.__file__).resolve().parent.parent / "templates"
RENDER = Path(strings.__file__).resolve().parent


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys_and_placeholders() -> None:
    assert set(strings.STRINGS) == {"en", "ar"}
    assert set(strings.STRINGS["en"]) == set(strings.STRINGS["ar"])
    for key, english in strings.STRINGS["en"].items():
        arabic = strings.STRINGS["ar"][key]
        assert english and arabic, key
        assert placeholders(english) == placeholders(arabic), key


def test_arabic_strings_use_no_arabic_indic_digits() -> None:
    for key, text in strings.STRINGS["ar"].items():
        assert not re.search("[٠-٩۰-۹]", text), key


def _sources() -> list[str]:
    package = RENDER.parent  # the share block, feeds, notices, index pages
    site_wide = [path for folder in ("outputs", "stages", "engine") for path in (package / folder).rglob("*.py")]
    return [p.read_text(encoding="utf-8") for p in [*TEMPLATES.glob("*.j2"), *RENDER.glob("*.py"), *site_wide] if p.name != "strings.py"]


def test_every_key_the_renderer_uses_exists() -> None:
    used: set[str] = set()
    for source in _sources():
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+)["']""", source))
        used |= set(re.findall(r"""strings\.(?:text|phrase|plain)\(\s*["']([a-z_]+)["']""", source))
    assert used, "the scan found no keys"
    assert used <= set(strings.STRINGS["en"]), used - set(strings.STRINGS["en"])


def test_no_string_is_left_unused() -> None:
    literals: set[str] = set()
    for source in _sources():
        literals |= set(re.findall(r"""["']([a-z_]+)["']""", source))
    assert set(strings.STRINGS["en"]) - literals == set()


def test_phrase_escapes_values_but_keeps_markup() -> None:
    assert strings.phrase("by_whom", "en", by="<b>") == "by &lt;b&gt;"
    assert strings.phrase("by_whom", "ar", by=Markup("<bdi>GS</bdi>")) == "على يد <bdi>GS</bdi>"
    assert strings.plain("page_n", "ar", n=3) == "الصفحة 3"


def test_unknown_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        strings.text("no_such_key", "en")
