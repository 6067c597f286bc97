"""Arabic-aware search text: the index side of Sawt's search matching.

Pagefind 1.5.2's Arabic stemmer already merges many spellings a reader may
type (checked: hamza forms, tashkeel, tatweel, ة/ه, ؤ/ئ, ال, كال, لل, and
Arabic-Indic digits on the Arabic index), but not all: it misses و/ف/ب + ال
words both ways (معتقل does not find والمعتقل), a page's ي for a query typed
with ى, alef wasla (ٱلله), Persian digits, and Arabic-Indic digits on the
English index. Rather than depend on which cases the stemmer covers, every
page also gets, as hidden searchable metadata (never shown in an excerpt),
the *search key* of each of its words that differs from the word as written;
the page script (overrides/assets/js/sawt-search.js) searches for the query
as typed and for the same keys of its words. Both sides read their rules from
one table, sawt/outputs/search/pairs.json, which also lists the (query, text) pairs
the unit and browser tests check.

A search key is: NFKC, marks and tatweel removed, letters and digits folded
(أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي, ٠-٩ and ۰-۹ → 0-9), lower case, and
the article with a preceding و ف ب ك ل removed when at least three letters
remain (so والصفحة, الصفحة and صفحة share the key صفحه, while الآن keeps its
article and does not match every أن).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from sawt.languages import ARABIC_TEXT_LANGUAGE

PAIRS_FILE = Path(__file__).with_name("pairs.json")

# Words as Pagefind sees them, with combining marks and tatweel kept attached
# (Python's \w does not match Arabic marks, which would split مُحَمَّد).
_RAW_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]+")
_KEY_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchRules:
    """The matching rules from search_pairs.json, ready to apply."""

    strip: re.Pattern[str]
    fold: Mapping[int, str]
    article_prefixes: tuple[str, ...]
    min_stem_length: int


@dataclass(frozen=True)
class SearchPair:
    query: str
    text: str
    rule: str
    lang: str = ARABIC_TEXT_LANGUAGE  # the table's pairs are Arabic unless one says otherwise


def load_table(path: Path = PAIRS_FILE) -> dict:
    """The raw table (rules, pairs, distinct) as JSON data."""
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def rules() -> SearchRules:
    raw = load_table()["rules"]
    ranges = "".join(f"{re.escape(low)}-{re.escape(high)}" for low, high, _why in raw["strip_ranges"])
    return SearchRules(
        strip=re.compile(f"[{ranges}]"),
        fold=str.maketrans(raw["fold"]),
        # Longest first, so وال is tried before ال.
        article_prefixes=tuple(sorted(raw["article_prefixes"], key=len, reverse=True)),
        min_stem_length=int(raw["min_stem_length"]),
    )


def search_pairs(path: Path = PAIRS_FILE) -> list[SearchPair]:
    """The (query, text) pairs that must match, for the tests."""
    return [
        SearchPair(query=p["query"], text=p["text"], rule=p["rule"], lang=p.get("lang", ARABIC_TEXT_LANGUAGE))
        for p in load_table(path)["pairs"]
    ]


def distinct_pairs(path: Path = PAIRS_FILE) -> list[SearchPair]:
    """The (query, text) pairs the normalisation must keep apart."""
    return [SearchPair(query=p["query"], text=p["text"], rule=p["why"]) for p in load_table(path)["distinct"]]


def normalise_arabic(text: str) -> str:
    """Character-level folding: NFKC, marks and tatweel removed, letter and digit
    variants folded. Keeps case, spacing and punctuation."""
    r = rules()
    return r.strip.sub("", unicodedata.normalize("NFKC", text)).translate(r.fold)


def _strip_article(word: str) -> str:
    r = rules()
    for prefix in r.article_prefixes:
        if word.startswith(prefix) and len(word) - len(prefix) >= r.min_stem_length:
            return word[len(prefix):]
    return word


def search_key(word: str) -> str:
    """The key one word is matched by: folded, lower case, article removed."""
    return _strip_article(normalise_arabic(word).lower())


def normalise_query(query: str) -> str:
    """What the page script sends to Pagefind for a typed query (same rules)."""
    folded = normalise_arabic(query).lower()
    return _KEY_WORD.sub(lambda m: _strip_article(m.group(0)), folded)


@lru_cache(maxsize=200_000)  # an archive repeats its words across thousands of pages
def search_variants(word: str) -> frozenset[str]:
    """Extra forms under which a word on a page must be findable.

    Its key, and for a ل+ال word (للاجئين) also the key with the lam restored
    (لاجيين), since "لل" may hide the first lam of the stem.
    """
    folded = normalise_arabic(word).lower()
    key = _strip_article(folded)
    if folded.startswith("لل") and key != folded:
        return frozenset((key, "ل" + key))
    return frozenset((key,))


def raw_words(text: str) -> list[str]:
    """The words of a text, split roughly as Pagefind splits them."""
    return _RAW_WORD.findall(text)


def hidden_terms(text: str) -> list[str]:
    """Search forms to add to a page as hidden metadata: every variant of every
    word that differs from the words already on the page. Sorted, no repeats."""
    words = raw_words(text)
    present = {w.lower() for w in words}
    extra: set[str] = set()
    for word in set(words):
        extra |= search_variants(word)
    return sorted(extra - present)


def name_terms(names: Iterable[str]) -> list[str]:
    """Searchable text for a case's other names: the names themselves (any script)
    plus the search forms of their Arabic words."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        name = " ".join(name.split())
        if name and name not in seen:
            seen.add(name)
            out.append(name)
    for term in hidden_terms(" ".join(out)):
        if term not in seen:
            seen.add(term)
            out.append(term)
    return out


def query_matches_text(query: str, text: str) -> bool:
    """Reference model of the matching Sawt adds on top of Pagefind: every query
    word's key is a prefix of the key of some word of the text. (Pagefind also
    matches the last query word as a prefix; its stemmer may add more matches.)"""
    page_keys: set[str] = set()
    for word in raw_words(text):
        page_keys |= search_variants(word)
    query_keys = _KEY_WORD.findall(normalise_query(query))
    return bool(query_keys) and all(any(k.startswith(q) for k in page_keys) for q in query_keys)


@lru_cache(maxsize=1)
def _fold_groups() -> tuple[Mapping[int, str], ...]:
    """The fold table split by the letter it folds to (every hamza alef to ا, ى to ي, ة to ه, ...)."""
    groups: dict[str, dict[int, str]] = {}
    for source, target in load_table()["rules"]["fold"].items():
        groups.setdefault(target, {})[ord(source)] = target
    return tuple(groups.values())


@lru_cache(maxsize=200_000)
def reader_spellings(word: str) -> frozenset[str]:
    """Every spelling of a word a reader may type when the search applies no folding to
    the query (Kiwix's): each group of the fold table applied or not (أسامة: أسامة, اسامة,
    أسامه, اسامه), marks always removed, and each with its article removed. The site's own
    search needs only `search_variants`, because it folds the query too."""
    r = rules()
    written = r.strip.sub("", unicodedata.normalize("NFKC", word)).lower()
    spellings = {written}
    for group in _fold_groups():
        if any(chr(code) in written for code in group):
            spellings |= {spelling.translate(group) for spelling in spellings}
    return frozenset(spellings | {_strip_article(spelling) for spelling in spellings})
