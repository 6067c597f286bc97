"""The rendering layer: case pages, the case index, shortcodes, charts.

Pure functions from the archive model to Markdown/HTML strings; nothing here
knows about MkDocs (the hooks call these functions).
"""

from __future__ import annotations

from sawt.render.case_index import (
    PER_PAGE,
    IndexPage,
    case_index_first_page,
    case_index_pages,
    index_page_content,
    index_page_path,
)
from sawt.render.case_page import CasePageContent, case_page_content, narrative_body
from sawt.render.figure import figure_html
from sawt.render.figures_chart import figures_chart_html
from sawt.render.shortcodes import SHORTCODES, expand_shortcodes
from sawt.render.timeline_html import archive_timeline_html, case_timeline_html


__all__ = [
    "PER_PAGE",
    "SHORTCODES",
    "IndexPage",
    "archive_timeline_html",
    "case_index_first_page",
    "case_index_pages",
    "CasePageContent",
    "case_page_content",
    "narrative_body",
    "case_timeline_html",
    "expand_shortcodes",
    "figure_html",
    "figures_chart_html",
    "index_page_content",
    "index_page_path",
]
