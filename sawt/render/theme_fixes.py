"""Repairs to the theme's markup that no template block can reach.

Material's base.html writes its drawer and search toggles as
`<input type="checkbox" ... autocomplete="off">` directly in <body>, outside any
block an override could replace. `autocomplete` is not allowed on a checkbox
(Nu Html Checker error on every page), so it is removed here. The theme added it
so that Firefox does not restore a toggle after a reload; without it, at worst the
menu or search reopens as the reader left it before reloading.

With navigation.indexes, a section's own page (Appeals) gets no `__toc` toggle in
the menu, but its table of contents still labels one: `for="__toc"` points at
nothing (Nu Html Checker error). The label then loses its `for`, and stays a title.
"""

from __future__ import annotations

import re

_THEME_TOGGLE = re.compile(r'(<input class="md-toggle" data-md-toggle="[a-z]+" type="checkbox" id="__[a-z]+") autocomplete="off">')


_TOC_LABEL_FOR = re.compile(r'(<label class="md-nav__title") for="__toc"')


def without_invalid_theme_markup(html: str) -> str:
    html = _THEME_TOGGLE.sub(r"\1>", html)
    if 'id="__toc"' not in html:
        html = _TOC_LABEL_FOR.sub(r"\1", html)
    return html
