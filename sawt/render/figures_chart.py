"""The archive in numbers: cases by status and by year of arrest, as inline SVG
bar charts drawn at build time (no chart script) with the same numbers as tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from markupsafe import Markup

from sawt.data.model import STATUSES, Archive, Lang
from sawt.dates import format_number, status_label
from sawt.languages import direction
from sawt.render import strings
from sawt.render.counts import count_without_arrest_year, counts_by_status, counts_by_year
from sawt.render.markup import number_html, render_block

ROW_HEIGHT = 44  # px: a 14px label line, then the bar, then breathing room
BAR_HEIGHT = 16
LABEL_BASELINE = 15
BAR_TOP = 21
MAX_BAR_PERCENT = 82.0  # leaves room after the longest bar for its number
VALUE_GAP_PERCENT = 1.0


@dataclass(frozen=True)
class Bar:
    key: str  # status key or year: a CSS modifier and a test hook
    label: str
    value: int
    value_text: str
    value_html: Markup
    x: str
    width: str
    label_x: str
    label_anchor: str
    value_x: str
    value_anchor: str
    label_y: int
    bar_y: int
    value_y: int


@dataclass(frozen=True)
class Chart:
    id: str
    kind: str
    title: str
    description: str
    key_heading: str
    bars: list[Bar]
    height: int
    bar_height: int
    total_html: Markup


def _percent(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + "%"


def _bars(items: list[tuple[str, str, int]], lang: Lang) -> list[Bar]:
    """Lay out (key, label, value) rows; for Arabic, mirror everything so bars start at the right."""
    largest = max((value for _, _, value in items), default=0)
    rtl = direction(lang) == "rtl"
    bars = []
    for index, (key, label, value) in enumerate(items):
        length = MAX_BAR_PERCENT * value / largest if largest else 0.0
        top = index * ROW_HEIGHT
        end = length + VALUE_GAP_PERCENT
        bars.append(
            Bar(
                key=key,
                label=label,
                value=value,
                value_text=format_number(value, lang),
                value_html=number_html(value, lang),
                x=_percent(100 - length) if rtl else "0",
                width=_percent(length),
                label_x="100%" if rtl else "0",
                label_anchor="end" if rtl else "start",
                value_x=_percent(100 - end) if rtl else _percent(end),
                value_anchor="end" if rtl else "start",
                label_y=top + LABEL_BASELINE,
                bar_y=top + BAR_TOP,
                value_y=top + BAR_TOP + BAR_HEIGHT - 3,
            )
        )
    return bars


def _chart(kind: str, id_prefix: str, title_key: str, key_heading: str, items: list[tuple[str, str, int]], lang: Lang) -> Chart:
    total = sum(value for _, _, value in items)
    listed = strings.text("list_separator", lang).join(
        strings.plain("chart_item", lang, label=label, value=format_number(value, lang)) for _, label, value in items
    )
    return Chart(
        id=f"{id_prefix}-{kind}",
        kind=kind,
        title=strings.text(title_key, lang),
        description=strings.plain("chart_description", lang, total=format_number(total, lang), items=listed),
        key_heading=key_heading,
        bars=_bars(items, lang),
        height=len(items) * ROW_HEIGHT,
        bar_height=BAR_HEIGHT,
        total_html=number_html(total, lang),
    )


def status_items(archive: Archive, lang: Lang) -> list[tuple[str, str, int]]:
    """One row per status, in the vocabulary's display order, zeros included."""
    counts: Mapping[str, int] = counts_by_status(archive)
    return [(status, status_label(status, lang), int(counts.get(status, 0))) for status in STATUSES]


def year_items(archive: Archive, lang: Lang) -> list[tuple[str, str, int]]:
    """One row per year of arrest, oldest first, plus the cases whose arrest year is unknown."""
    counts: Mapping[int, int] = counts_by_year(archive)
    items = [(str(year), str(year), int(counts[year])) for year in sorted(counts)]
    unknown = count_without_arrest_year(archive)
    if unknown > 0:
        items.append(("unknown", strings.text("year_unknown", lang), unknown))
    return items


def figures_chart_html(archive: Archive, lang: Lang, *, id_prefix: str = "sawt-chart") -> str:
    """Both charts (by status, by year of arrest), each followed by its table, as one HTML block."""
    charts = [
        _chart("status", id_prefix, "chart_by_status", strings.text("col_status", lang), status_items(archive, lang), lang),
        _chart("year", id_prefix, "chart_by_year", strings.text("col_year", lang), year_items(archive, lang), lang),
    ]
    return "\n".join(
        ['<div class="sawt-charts">', *(render_block("bar_chart.html.j2", lang, chart=chart) for chart in charts), "</div>"]
    )
