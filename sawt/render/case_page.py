"""The generated page of one case: /cases/<slug>/ (English), /ar/cases/<slug>/ (Arabic)."""

from __future__ import annotations

import html
import re
from typing import Callable

import yaml
from markupsafe import Markup

from sawt.dates import event_type_label, status_label
from sawt.model import Case, Event, Lang, Source
from sawt.render import strings
from sawt.render.markup import markdown_text, render_block, safe_href, single_line, time_html
from sawt.timeline import case_timeline

#: Event types whose place is where the person is (or was last known to be) held.
HOLDING_EVENT_TYPES = ("detained", "transferred")


def case_page_markdown(
    case: Case,
    lang: Lang,
    *,
    site_name: str,
    narrative: str | None = None,
    photo_url: str | None = None,
    protect: Callable[[str], str] = lambda html: html,
) -> str:
    """The Markdown source (with YAML front matter) of the case page in `lang`.

    `site_name` is the site's name in `lang` (it names who "asks" in the page
    description that link previews show). `narrative` is hand-written Markdown
    placed after the case header (a front matter block and a leading `# `
    heading of its own are dropped: the page has both). `photo_url` is the photo's URL
    relative to the page; without it no photo is shown, even if the case has one.
    Generated HTML goes through `protect` (see sawt.sanitise.TrustedFragments).
    """
    events = sorted_events(case)
    sources = page_sources(case)
    anchors = {source_key(source): f"sawt-source-{n}" for n, source in enumerate(sources, start=1)}

    def source_anchor(source: Source) -> str:
        return anchors[source_key(source)]

    def source_link(source: Source) -> str:
        # Straight to the source when it is online, else to its entry in the list below.
        return safe_href(source.url) or "#" + source_anchor(source)

    photo_alt = case.photo_alt[lang] if case.photo_alt else strings.plain("photo_alt", lang, name=case.name[lang])
    sections = [
        front_matter(case, lang, site_name=site_name).rstrip("\n"),
        f"# {markdown_text(case.name[lang])}",
        protect(render_block(
            "case_header.html.j2", lang, case=case, facts=key_facts(case, lang), photo_url=photo_url, photo_alt=photo_alt
        )),
    ]
    body = narrative_body(narrative or "")
    if body:
        sections.append(body)
    # Explicit ids keep the anchors the same in both languages (/cases/x/#timeline).
    if events:
        sections.append(f"## {strings.text('timeline', lang)} {{ #timeline }}")
        sections.append(protect(render_block("case_events.html.j2", lang, events=events, source_link=source_link)))
    if sources:
        sections.append(f"## {strings.text('sources', lang)} {{ #sources }}")
        sections.append(protect(render_block("sources.html.j2", lang, sources=sources, source_anchor=source_anchor)))
    if case.corrections:
        corrections = sorted(case.corrections, key=lambda c: c.date.sort_key())
        sections.append(f"## {strings.text('corrections', lang)} {{ #corrections }}")
        sections.append(protect(render_block("case_corrections.html.j2", lang, corrections=corrections)))
    return "\n\n".join(sections) + "\n"


def front_matter(case: Case, lang: Lang, *, site_name: str) -> str:
    """YAML front matter. The theme prints `title` and `description` into the page
    without escaping them (MkDocs' Jinja environment has autoescape off), so they
    are stored as escaped HTML text."""
    meta = {
        "title": html.escape(single_line(case.name[lang]), quote=False),
        "description": html.escape(page_description(case, lang, site_name=site_name), quote=True),
        "sawt_case": case.slug,
    }
    body = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10**9)
    return f"---\n{body}---\n"


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_LEADING_H1 = re.compile(r"\A#[ \t][^\n]*(?:\n|\Z)")


def narrative_body(narrative: str) -> str:
    """A hand-written narrative without its own front matter or title heading."""
    text = _FRONT_MATTER.sub("", narrative.lstrip("\ufeff"), count=1).strip()
    return _LEADING_H1.sub("", text, count=1).strip()


def page_description(case: Case, lang: Lang, *, site_name: str) -> str:
    """One line for link previews: the status, then the campaign's ask (or the summary)."""
    status = status_label(case.status, lang)
    if case.ask is not None:
        return strings.plain(
            "description_ask", lang, status=status, site=site_name, ask=single_line(case.ask[lang])
        )
    return strings.plain("description_summary", lang, status=status, summary=single_line(case.summary[lang]))


def sorted_events(case: Case) -> list[Event]:
    """Events by date; events on the same date keep their order in the file."""
    return list(case_timeline(case))


def source_key(source: Source) -> str:
    return source.id or source.url or source.title


def page_sources(case: Case) -> list[Source]:
    """The case's sources, then any source an event cites that the list lacks."""
    seen: dict[str, Source] = {}
    for source in [*case.sources, *(e.source for e in sorted_events(case) if e.source is not None)]:
        seen.setdefault(source_key(source), source)
    return list(seen.values())


def last_holding_event(case: Case) -> Event | None:
    """The latest detention or transfer with a known place."""
    holding = [e for e in sorted_events(case) if e.type in HOLDING_EVENT_TYPES and e.place is not None]
    return holding[-1] if holding else None


def key_facts(case: Case, lang: Lang) -> list[tuple[str, Markup]]:
    """(label, value HTML) pairs for the case's <dl>."""
    facts: list[tuple[str, Markup]] = []
    arrest = case.arrest
    if arrest is not None:
        parts = [time_html(arrest.date, lang)]
        if arrest.place is not None:
            parts.append(strings.phrase("in_place", lang, place=arrest.place[lang]))
        if arrest.by is not None:
            parts.append(strings.phrase("by_whom", lang, by=arrest.by[lang]))
        facts.append((event_type_label(arrest.type, lang), Markup(" ").join(parts)))
    holding = last_holding_event(case)
    if holding is not None and holding.place is not None:
        facts.append(
            (
                strings.text("last_held_at", lang),
                strings.phrase("place_on_date", lang, place=holding.place[lang], date=time_html(holding.date, lang)),
            )
        )
    return facts
