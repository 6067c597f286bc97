"""No module outside the config and the language module names a language code: the site's
languages come from mkdocs.yml (sawt/config.py), and what follows from a language (its
direction, script, names, the languages every archive text is written in) from
sawt/languages.py. A third language then needs no code (tests/build/test_third_language.py).

Read from the source (ast): a string constant equal to a language code is a language named
in code. Words that merely contain one ("name_en", "x-description-ar") are not.
"""

from __future__ import annotations

import ast
from pathlib import Path

from sawt.config import load_site_config
from sawt.languages import TEXT_LANGUAGES

PACKAGE = Path(__file__).resolve().parents[2] / "sawt"
#: The two modules where languages are declared and described; nothing else may name one.
ALLOWED = {PACKAGE / "config.py", PACKAGE / "languages.py"}
#: The sample site's languages and the archive's text languages.
CODES = frozenset(load_site_config(PACKAGE.parent / "mkdocs.yml").codes) | frozenset(TEXT_LANGUAGES)


def language_codes_named(source: str, codes: frozenset[str] = CODES) -> list[tuple[int, str]]:
    """(line, code) of every string constant in `source` that is a language code."""
    return [(node.lineno, node.value) for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in codes]


def test_the_scan_knows_the_sample_languages():
    assert {"en", "ar"} <= CODES


def test_the_scan_finds_a_language_code_wherever_it_is_written():
    source = 'x = "ar"\ndef f(lang="en"):\n    return lang == "ar" or {"en": 1}\nname = "name_en"  # "ar"\n'
    assert language_codes_named(source) == [(1, "ar"), (2, "en"), (3, "ar"), (3, "en")]


def test_no_module_outside_the_config_and_languages_names_a_language_code():
    named = [f"{path.relative_to(PACKAGE.parent)}:{line}: {code!r}"
             for path in sorted(PACKAGE.rglob("*.py")) if path not in ALLOWED
             for line, code in language_codes_named(path.read_text(encoding="utf-8"))]
    assert named == [], ("language codes named outside sawt/config.py and sawt/languages.py (use the site's "
                         "languages, sawt.data.model.LANGS, or a property of the language in sawt/languages.py):\n"
                         + "\n".join(named))
