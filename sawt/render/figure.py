"""One reported figure with its citation (the `sawt:figure <id>` shortcode)."""

from __future__ import annotations

from sawt.data.model import Figure, Lang
from sawt.render.markup import render_block


def figure_html(figure: Figure, lang: Lang) -> str:
    return render_block("figure.html.j2", lang, figure=figure)
