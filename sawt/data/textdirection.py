"""The script-direction check: is each text written in the script of its language,
and does no invisible bidi control leak past the text it is in?

An `en:` text is shown on English pages, left to right; an `ar:` text on Arabic
pages, right to left. Arabic letters in `en:` (or an `ar:` with no Arabic
letters at all) are almost always a text pasted under the wrong language.
Latin names and acronyms inside Arabic text ("SNHR") are fine: only an `ar:`
text that has letters but no Arabic ones is reported. Texts with no letters
at all ("2023") are fine in both.

A bidi embedding, override or isolate (U+202A-U+202E, U+2066-U+2069) that is
never closed reorders everything after it on the page, and one that closes
nothing is a leftover; either can make a name or a date read differently from
what was written ("Trojan source").

These are warnings: the loader reports them as errors in strict mode (builds,
`make check`), and as warnings when previewing (`make serve`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sawt.data.errors import Problem
from sawt.data.model import LANGS
from sawt.data.yamldoc import Path_, YamlDoc, describe
from sawt.languages import ARABIC_TEXT_LANGUAGE, english_name, writes_arabic_script

_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_ARABIC_LETTER_CHARS = "".join(
    chr(code) for low, high in _ARABIC_BLOCKS for code in range(low, high + 1)
    if unicodedata.category(chr(code)).startswith("L")
)
ARABIC_LETTER = re.compile(f"[{re.escape(_ARABIC_LETTER_CHARS)}]")  # also used by the translation report
# A run of Arabic words, to quote in a message.
_ARABIC_RUN = re.compile(f"[{re.escape(_ARABIC_LETTER_CHARS)}][{re.escape(_ARABIC_LETTER_CHARS)}\\s]*")
_ANY_LETTER = re.compile(r"[^\W\d_]")
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: The keys of a text mapping.
_TEXT_KEYS = frozenset(LANGS)

_OPENERS = {
    "\u202a": "left-to-right embedding", "\u202b": "right-to-left embedding",
    "\u202d": "left-to-right override", "\u202e": "right-to-left override",
    "\u2066": "left-to-right isolate", "\u2067": "right-to-left isolate", "\u2068": "first-strong isolate",
}
_ISOLATES = {"\u2066", "\u2067", "\u2068"}
_PDF, _PDI = "\u202c", "\u2069"
_NAMES = {**_OPENERS, _PDF: "pop directional formatting", _PDI: "pop directional isolate"}


def direction_problems(doc: YamlDoc) -> list[Problem]:
    """Every script or bidi problem in one file (never looking under `private:`)."""
    problems: list[Problem] = []
    root = doc.value
    if isinstance(root, dict) and "private" in root:
        root = {key: value for key, value in root.items() if key != "private"}  # never read, never echoed
    # (path, value, language): language is a text language (LANGS) for the texts of a bilingual mapping.
    pending: list[tuple[Path_, Any, str | None]] = [((), root, None)]
    while pending:
        path, value, language = pending.pop()
        if isinstance(value, str):
            message = (_script_problem(value, language) if language else None) or _bidi_problem(value)
            if message:
                problems.append(doc.problem(path, f"{doc.field_name(path)} {message}"))
        elif isinstance(value, dict):
            bilingual = bool(value) and value.keys() <= _TEXT_KEYS
            pending.extend((path + (key,), item, key if bilingual else None) for key, item in value.items())
        elif isinstance(value, list):
            pending.extend((path + (index,), item, None) for index, item in enumerate(value))
    return problems


def _script_problem(text: str, language: str) -> str | None:
    if not writes_arabic_script(language):
        found = _ARABIC_RUN.search(text)
        if found:
            return (f"has Arabic letters ({describe(found.group().strip())}); the {language}: text is shown on "
                    f"{english_name(language)} pages: write it in Latin letters, and the Arabic under {ARABIC_TEXT_LANGUAGE}:")
    elif not ARABIC_LETTER.search(text) and _ANY_LETTER.search(text):
        return (f"has no Arabic letters ({describe(text.strip())}); write it in Arabic (Latin names and "
                "acronyms inside Arabic text are fine)")
    return None


def _bidi_problem(text: str) -> str | None:
    """An unclosed or unmatched bidi control, in the pairing rules of Unicode's
    bidi algorithm (UAX #9): PDF closes an embedding or override, PDI an isolate
    and whatever was opened inside it."""
    if not _BIDI_CONTROL.search(text):
        return None
    open_controls: list[str] = []
    for match in _BIDI_CONTROL.finditer(text):
        char = match.group()
        if char in _OPENERS:
            open_controls.append(char)
        elif char == _PDF and open_controls and open_controls[-1] not in _ISOLATES:
            open_controls.pop()
        elif char == _PDI and any(c in _ISOLATES for c in open_controls):
            while open_controls.pop() not in _ISOLATES:
                pass
        else:
            return f"has an invisible bidi control {_code(char)} that closes nothing; delete it"
    if open_controls:
        char = open_controls[0]
        closer = _PDI if char in _ISOLATES else _PDF
        return (f"has an invisible bidi control {_code(char)} that is never closed, so it reorders the "
                f"text after it; delete it, or close it with {_code(closer)}")
    return None


def _code(char: str) -> str:
    return f"U+{ord(char):04X} ({_NAMES[char]})"

