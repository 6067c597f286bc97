"""Repairs to the theme's markup that no template block can reach.

Material's base.html writes its drawer and search toggles as
`<input type="checkbox" ... autocomplete="off">` directly in <body>, outside any
block an override could replace. `autocomplete` is not allowed on a checkbox
(Nu Html Checker error on every page), so it is removed here. The theme added it
so that Firefox does not restore a toggle after a reload; without it, at worst the
menu or search reopens as the reader left it before reloading.
"""

from __future__ import annotations

import re

_THEME_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="[a-z]+" type="checkbox" id="__[a-z]+") autocomplete="off">')


def without_invalid_theme_markup(html: str) -> str:
    return _THEME_TOGGLE.sub(r"\1>", html)
