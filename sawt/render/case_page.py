"""The generated page of one case: /cases/<slug>/ (English), /ar/cases/<slug>/ (Arabic)."""

from __future__ import annotations


import html
import re
from dataclasses import dataclass

from markupsafe import Markup

from sawt.data.history import CaseHistory
from sawt.data.model import Case, Event, Lang, Source, text_language
from sawt.dates import event_type_label, format_partial_date, status_label
from sawt.render import strings
from sawt.languages import url_in_language
from sawt.render.appeal import CaseAction
from sawt.render.capture import capture_line, grade_html, grade_name
from sawt.render.front_matter import without_front_matter
from sawt.render.held import held_for
from sawt.render.history import ANCHOR as HISTORY_ANCHOR, history_html
from sawt.render.markup import render_block, safe_href, single_line, time_html
from sawt.render.portrait import portrait_html
from sawt.render.timeline import case_timeline
from sawt.render.untranslated import in_its_language, untranslated_notice

#: Event types whose place is where the person is (or was last known to be) held.
HOLDING_EVENT_TYPES = ("detained", "transferred")


@dataclass(frozen=True)
class CasePageContent:
    """What a case page says, ready to be placed in the site's page frame."""

    title: str  # plain text: the name in the page's language
    description: str  # plain text, for link previews
    image_alt: str  # plain text, for the share card
    body_html: str  # the article: name heading, header block, story, timeline, sources, corrections, history


def case_page_content(
    case: Case,
    lang: Lang,
    *,
    site_name: str,
    narrative_html: str | None = None,
    photo_url: str | None = None,
    share_html: str | None = None,
    action: CaseAction | None = None,
    history: CaseHistory | None = None,
) -> CasePageContent:
    """The case page in `lang`, rendered straight to HTML (Sawt has the content; a
    Markdown round trip would cost most of a large archive's build).

    `site_name` is the site's name in `lang` (it names who "asks" in the page
    description that link previews show). `narrative_html` is the hand-written story,
    already converted by the site's Markdown (see `narrative_body`), placed after the
    case header. `photo_url` is the photo's URL relative to the page; without it a
    placeholder is shown, even if the case has a photo. `share_html` (the share
    block) is placed right after the header, before the story. `action` is the first
    screen's one button (see `sawt.render.appeal.case_action`): "Share this case" by default.
    `history` is the record's history (sawt/data/history.py), shown last; None shows none.
    """
    if action is None:
        action = CaseAction(strings.text("act_share", lang), "#sawt-share-title", "share")
    events = sorted_events(case)
    sources = page_sources(case)
    page_url = url_in_language(f"cases/{case.slug}/", lang)
    status_event = case.status_event
    status_grade = status_event.grade if status_event is not None else None
    anchors = {source_key(source): f"sawt-source-{n}" for n, source in enumerate(sources, start=1)}

    def source_anchor(source: Source) -> str:
        return anchors[source_key(source)]

    def source_link(source: Source) -> str:
        # Straight to the source when it is online, else to its entry in the list below.
        return safe_href(source.url) or "#" + source_anchor(source)

    sections = [
        render_block(
            "case_header.html.j2",
            lang,
            case=case,
            heading=Markup(heading_html(1, case.slug, case.name[lang])),
            facts=key_facts(case, lang),
            portrait=portrait_html(case, lang, photo_url=photo_url, size="large"),
            action=action,
            # The status shows the grade of the event it rests on (Case.status_event).
            status_grade=grade_html(status_grade, page_url, lang),
            status_grade_name=grade_name(status_grade, lang),
        ),
    ]
    if share_html:
        sections.append(share_html)
    summary = render_block("case_summary.html.j2", lang, case=case)
    if text_language(lang) != lang:  # a site language the archive's texts are not written in
        summary = untranslated_notice(lang) + in_its_language(summary, text_language(lang))
    sections.append(summary)
    if narrative_html and narrative_html.strip():
        sections.append(narrative_html.strip())
    # Fixed ids keep the anchors the same in both languages (/cases/x/#timeline).
    if events:
        sections.append(heading_html(2, "timeline", strings.text("timeline", lang)))
        sections.append(render_block("case_events.html.j2", lang, events=events, source_link=source_link,
                                     grade_html=lambda grade: grade_html(grade, page_url, lang)))
    if sources:
        sections.append(heading_html(2, "sources", strings.text("sources", lang)))
        sections.append(render_block("sources.html.j2", lang, sources=sources, source_anchor=source_anchor,
                                     capture_line=lambda source: capture_line(source, page_url, lang)))
    if case.corrections:
        corrections = sorted(case.corrections, key=lambda c: c.date.sort_key())
        sections.append(heading_html(2, "corrections", strings.text("corrections", lang)))
        sections.append(render_block("case_corrections.html.j2", lang, corrections=corrections))
    history_body = history_html(case, history, lang) if history is not None else ""
    if history_body:
        sections.append(heading_html(2, HISTORY_ANCHOR, strings.text("history", lang)))
        sections.append(history_body)
    # The same article without theme, script, fonts or images (sawt/render/text_page.py).
    sections.append(f'<p class="sawt-text-only"><a href="text.html" rel="alternate">'
                    f'{html.escape(strings.plain("text_only_link", lang), quote=False)}</a></p>')
    # Paper has no header or address bar: say where it came from and as of when.
    verified = f" · {strings.plain('last_verified', lang)}: {format_partial_date(case.last_verified, lang)}" if case.last_verified else ""
    sections.append(f'<p class="sawt-print-only">{html.escape(single_line(site_name) + verified, quote=False)}</p>')
    return CasePageContent(
        title=single_line(case.name[lang]),
        description=page_description(case, lang, site_name=site_name),
        image_alt=f"{single_line(case.name[lang])}: {status_label(case.status, lang)}",
        body_html="\n".join(sections) + "\n",
    )


def heading_html(level: int, anchor: str, text: str) -> str:
    """A heading as the site's Markdown writes one (toc permalink "#"), with a fixed id."""
    return (
        f'<h{level} id="{html.escape(anchor)}">{html.escape(single_line(text), quote=False)}'
        f'<a class="headerlink" href="#{html.escape(anchor)}" title="Permanent link">#</a></h{level}>'
    )


_LEADING_H1 = re.compile(r"\A#[ \t][^\n]*(?:\n|\Z)")


def narrative_body(narrative: str) -> str:
    """A hand-written narrative without its own front matter or title heading."""
    text = without_front_matter(narrative.lstrip("\ufeff")).strip()
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
    held = held_for(case, lang)
    if held is not None:
        facts.append((held.label, Markup('<strong class="sawt-facts__held">{}</strong> <span class="sawt-facts__as-of">({})</span>').format(held.duration, strings.plain("as_of", lang, date=held.as_of))))
    return facts
