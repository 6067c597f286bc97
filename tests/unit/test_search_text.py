"""The index side of Arabic search matching (sawt/search_text.py) and its one table."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sawt.outputs.search.text import (
    distinct_pairs,
    hidden_terms,
    load_table,
    name_terms,
    normalise_arabic,
    normalise_query,
    query_matches_text,
    search_key,
    search_pairs,
    search_variants,
)

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "overrides" / "assets" / "js" / "sawt-search.js"

PAIRS = search_pairs()
DISTINCT = distinct_pairs()


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p.rule}: {p.query} -> {p.text}" for p in PAIRS])
def test_each_query_of_the_table_matches_its_text(pair):
    assert query_matches_text(pair.query, pair.text)


@pytest.mark.parametrize("pair", DISTINCT, ids=[f"{p.query} != {p.text}" for p in DISTINCT])
def test_normalisation_keeps_distinct_words_apart(pair):
    assert not query_matches_text(pair.query, pair.text), pair.rule


def test_the_table_covers_every_rule_the_issue_names():
    rules = {p.rule for p in PAIRS}
    for needed in ("hamza", "tashkeel", "tatweel", "alef maqsura", "taa marbuta", "hamza on waw",
                   "hamza on yaa", "wa + al", "bi + al", "fa + al", "ka + al", "li + al", "al", "digits"):
        assert needed in rules, needed


def test_the_page_script_carries_the_same_rules_as_the_table():
    source = SCRIPT.read_text(encoding="utf-8")
    match = re.search(r"/\* sawt-rules:begin \*/(.*?)/\* sawt-rules:end \*/", source, re.DOTALL)
    assert match, "sawt-search.js lost its sawt-rules:begin/end markers"
    in_script = json.loads(match.group(1))
    assert in_script == load_table()["rules"], (
        "overrides/assets/js/sawt-search.js and sawt/outputs/search/pairs.json disagree: copy the table's "
        '"rules" object between the sawt-rules markers'
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أإآٱ", "اااا"),
        ("مُحَمَّد", "محمد"),
        ("ســوريا", "سوريا"),
        ("مصطفى", "مصطفي"),
        ("صفحة", "صفحه"),
        ("مسؤول لاجئ", "مسوول لاجي"),
        ("٢٠٢٣ ۱۹۹۸", "2023 1998"),
        ("Saleh al-Samar", "Saleh al-Samar"),  # Latin text and case untouched
        ("\u200fنص\u200e", "نص"),  # bidi marks dropped
    ],
)
def test_normalise_arabic_folds_letters_digits_and_marks(text, expected):
    assert normalise_arabic(text) == expected


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("والصفحة", "صفحه"),
        ("الصفحة", "صفحه"),
        ("بالمعتقل", "معتقل"),
        ("فالقاضي", "قاضي"),
        ("كالشاهد", "شاهد"),
        ("للمحامي", "محامي"),
        ("الآن", "الان"),  # two letters left: the article stays
        ("وليد", "وليد"),  # و alone is never stripped
        ("والد", "والد"),
        ("Samar", "samar"),
    ],
)
def test_search_key_strips_the_article_only_before_a_real_stem(word, key):
    assert search_key(word) == key


def test_a_lam_lam_word_is_findable_with_and_without_the_stem_lam():
    assert search_variants("للاجئين") == {"اجيين", "لاجيين"}


def test_normalise_query_keeps_spacing_punctuation_and_latin():
    assert normalise_query('والمعتقلين "صالح  السمر" al-Samar ٢٠٢٣') == 'معتقلين "صالح  سمر" al-samar 2023'


def test_hidden_terms_add_only_forms_not_already_on_the_page():
    terms = hidden_terms("اعتُقل والمعتقل في الصفحة صفحه Saleh 2023")
    assert terms == sorted(terms)
    assert "معتقل" in terms and "اعتقل" in terms
    assert "صفحه" not in terms  # already on the page as written
    assert not [t for t in terms if t.isascii()]  # Latin words and ASCII digits are left to Pagefind


def test_hidden_terms_never_contain_marks_or_tatweel():
    for term in hidden_terms("مُحَمَّد ســوريا الْمُعْتَقَلِين"):
        assert normalise_arabic(term) == term


def test_name_terms_keep_names_as_written_and_add_their_arabic_keys():
    names = name_terms(["Saleh al-Samar", "صالح السمر", "Saleh  al-Samar", ""])
    assert names[:2] == ["Saleh al-Samar", "صالح السمر"]
    assert "سمر" in names
    assert len(names) == len(set(names))
