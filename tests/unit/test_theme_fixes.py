"""Repairs to the theme's markup outside any template block (sawt/render/theme_fixes.py)."""

from __future__ import annotations

from sawt.outputs.htmlpost import finish_html

THEME_BODY = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body dir="ltr">\n'
    '    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
    '    <input type="text" class="md-search__input" name="query" autocomplete="off">\n'
    "</body></html>"
)


def test_theme_toggles_lose_autocomplete_and_keep_their_identity():
    out = finish_html(THEME_BODY, lang="en")
    assert '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">' in out
    assert '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">' in out


def test_a_text_field_keeps_autocomplete_off():
    # Valid on a text input, and it stops browsers offering past search queries.
    assert 'name="query" autocomplete="off">' in finish_html(THEME_BODY, lang="en")
