"""`<!-- sawt:NAME args -->` shortcodes in Markdown pages.

Shortcodes are HTML comments, so a plain Markdown preview (GitHub, an editor)
hides them. One regular expression finds them and one table maps each name to
its handler, in the manner of Material for MkDocs' own documentation hooks.
Shortcodes inside fenced code blocks and inline code are left alone, so a page
can show them literally. Every mistake raises `ShortcodeError(file, line, ...)`
saying what is valid.
"""

from __future__ import annotations

import bisect
import posixpath
import difflib
import re
from dataclasses import dataclass
from datetime import date
from typing import Callable, Mapping, TypeVar

from sawt.config import Contact
from sawt.data.errors import ShortcodeError
from sawt.data.model import STATUSES, Archive, Lang
from sawt.dates import format_number
from sawt.render import strings
from sawt.render.case_index import case_index_first_page
from sawt.render.counts import FILTERS, count_cases
from sawt.render.figure import figure_html
from sawt.render.figures_chart import figures_chart_html
from sawt.render.home import home_people_html
from markupsafe import Markup

from sawt.render.timeline_html import archive_timeline_html, case_timeline_html

#: `<!-- sawt:name args -->` on one line. The name is matched loosely (any
#: non-space run, even empty) so a misspelt one is reported, never ignored.
SHORTCODE = re.compile(r"<!--[ \t]*sawt:(?P<name>[^\s]*?)(?P<args>(?:[ \t][^\n]*?)?)[ \t]*-->")

_FENCE_OPEN = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)")
_YEAR = re.compile(r"^[0-9]{4}$")


class _Invalid(Exception):
    """A shortcode's arguments are wrong; the message completes "sawt:NAME: ..."."""


@dataclass(frozen=True)
class _Context:
    archive: Archive
    lang: Lang
    case_url: Callable[[str], str]
    cases_root: str
    field_reference: str | None
    today: date | None = None  # the archive's day, which decides whether an appeal is closed
    page_address: str = ""  # this page's absolute URL (a too-long letter's email body names it)
    contact: Contact | None = None  # extra.sawt.contact, for <!-- sawt:contact -->


@dataclass(frozen=True)
class Shortcode:
    handler: Callable[[_Context, list[str]], str]
    block: bool  # its output is a block of HTML/Markdown: it must stand on a line of its own
    usage: str
    markdown: bool = False  # its output is Markdown to render (and sanitise), not finished HTML


def expand_shortcodes(
    markdown: str,
    *,
    archive: Archive,
    lang: Lang,
    file: str,
    case_url: Callable[[str], str],
    field_reference: str | None = None,
    cases_root: str | None = None,
    line_offset: int = 0,
    protect: Callable[[str], str] = lambda html: html,
    today: date | None = None,
    page_address: str = "",
    contact: Contact | None = None,
) -> str:
    """Replace every shortcode in `markdown` by its HTML (or, for
    field-reference, by `field_reference`).

    `file` names the page in errors; `line_offset` is the number of lines of
    the file before `markdown` (MkDocs strips the front matter before hooks see
    the page), so that errors give the line in the file. Generated HTML goes
    through `protect` (see sawt.render.sanitise.TrustedFragments). `case_url(slug)` is the
    URL of a case page relative to this page; `cases_root`, the URL of `cases/`
    relative to this page, is derived from `case_url` when not given.
    """
    context = _Context(
        archive=archive,
        lang=lang,
        case_url=case_url,
        cases_root=cases_root if cases_root is not None else cases_root_from(case_url),
        field_reference=field_reference,
        today=today,
        page_address=page_address,
        contact=contact,
    )
    code = _code_regions(markdown)
    code_starts = [start for start, _ in code]
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", markdown)]

    def in_code(position: int) -> bool:
        index = bisect.bisect_right(code_starts, position) - 1
        return index >= 0 and position < code[index][1]

    def replace(match: re.Match[str]) -> str:
        if in_code(match.start()):
            return match.group(0)
        line_index = bisect.bisect_right(line_starts, match.start()) - 1
        line = line_offset + line_index + 1
        name = match.group("name")
        shortcode = SHORTCODES.get(name)
        if shortcode is None:
            raise ShortcodeError(file, line, _unknown_shortcode(name))
        line_start = line_starts[line_index]
        line_end = markdown.find("\n", match.end())
        before = markdown[line_start : match.start()]
        after = markdown[match.end() : len(markdown) if line_end == -1 else line_end]
        if shortcode.block and (before.strip() or after.strip()):
            raise ShortcodeError(
                file, line, f"sawt:{name} must stand on a line of its own (it becomes a block of the page), e.g. {shortcode.usage}"
            )
        try:
            output = shortcode.handler(context, match.group("args").split())
        except _Invalid as problem:
            raise ShortcodeError(file, line, f"sawt:{name}: {problem}") from None
        if not shortcode.markdown:
            output = protect(output)
        if not shortcode.block:
            return output
        # A block: blank lines around it, every line indented like the shortcode
        # (inside a list item or an admonition it must stay inside).
        return "\n" + "\n".join(before + text if text else "" for text in output.split("\n")) + "\n"

    return SHORTCODE.sub(replace, markdown)


def cases_root_from(case_url: Callable[[str], str]) -> str:
    """The URL of `cases/` relative to the page, from the page's `case_url`
    (case pages are `cases/<slug>/` by contract)."""
    probe = "sawt-probe"
    url = case_url(probe)
    suffix = f"{probe}/"
    if not url.endswith(suffix):
        raise ValueError(f'case_url must give "<...>cases/<slug>/" URLs, got {url!r}')
    return url[: -len(suffix)]


# -- code regions ----------------------------------------------------------------


def _code_regions(markdown: str) -> list[tuple[int, int]]:
    """(start, end) offsets of fenced code blocks and inline code spans, in order."""
    regions: list[tuple[int, int]] = []
    offset = 0
    fence: str | None = None
    fence_start = 0
    prose_start = 0
    for line in markdown.splitlines(keepends=True):
        stripped = line.strip()
        if fence is None:
            opening = _FENCE_OPEN.match(line.rstrip("\r\n"))
            if opening and not (opening.group("fence")[0] == "`" and "`" in opening.group("info")):
                regions.extend(_code_spans(markdown, prose_start, offset))
                fence, fence_start = opening.group("fence"), offset
        elif stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
            regions.append((fence_start, offset + len(line)))
            fence, prose_start = None, offset + len(line)
        offset += len(line)
    if fence is not None:  # an unclosed fence runs to the end of the page, as in Markdown
        regions.append((fence_start, len(markdown)))
    else:
        regions.extend(_code_spans(markdown, prose_start, len(markdown)))
    return regions


def _code_spans(markdown: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _CODE_SPAN.finditer(markdown[start:end])]


# -- handlers ----------------------------------------------------------------------


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def _one_of(choices: list[str] | tuple[str, ...]) -> str:
    return ", ".join(choices)


def _unknown_shortcode(name: str) -> str:
    valid = sorted(SHORTCODES)
    if not name:
        return f'"sawt:" must be followed by a shortcode name, with no space; valid shortcodes are: {_one_of(valid)}'
    return f'unknown shortcode "sawt:{name}"{_did_you_mean(name, valid)}; valid shortcodes are: {_one_of(valid)}'


def _no_arguments(args: list[str]) -> None:
    if args:
        raise _Invalid(f'takes no arguments, got "{" ".join(args)}"')


def _key_values(args: list[str], valid: tuple[str, ...], example: str, noun: str) -> dict[str, str]:
    """`name=value` arguments, each name once and from `valid`; `noun` is what the names are called."""
    values: dict[str, str] = {}
    for token in args:
        key, equals, value = token.partition("=")
        if not equals or not key:
            raise _Invalid(f'"{token}" is not written as name=value, e.g. {example}; valid {noun}s are: {_one_of(valid)}')
        if key not in valid:
            raise _Invalid(f'unknown {noun} "{key}"{_did_you_mean(key, list(valid))}; valid {noun}s are: {_one_of(valid)}')
        if key in values:
            raise _Invalid(f'{noun} "{key}" is given twice')
        values[key] = value
    return values


def _count(context: _Context, args: list[str]) -> str:
    given = _key_values(args, FILTERS, "status=deported", "filter")
    filters: dict[str, object] = {}
    if "status" in given:
        status = given["status"]
        if status not in STATUSES:
            raise _Invalid(f'status "{status}" is not one of {_one_of(STATUSES)}{_did_you_mean(status, list(STATUSES))}')
        filters["status"] = status
    if "year" in given:
        if not _YEAR.match(given["year"]):
            raise _Invalid(f'year "{given["year"]}" is not a four-digit year such as 2023')
        filters["year"] = int(given["year"])
    if "pseudonym" in given:
        if given["pseudonym"] not in ("true", "false"):
            raise _Invalid(f'pseudonym "{given["pseudonym"]}" is not one of true, false')
        filters["pseudonym"] = given["pseudonym"] == "true"
    if "min_grade" in given:  # checked against data/grades.yml by the counting module
        filters["min_grade"] = given["min_grade"]
    try:
        total = count_cases(context.archive, **filters)
    except ValueError as problem:  # the counting module's own check, in case the two ever drift
        raise _Invalid(str(problem)) from None
    return str(Markup('<bdi class="sawt-count">{}</bdi>').format(format_number(total, context.lang)))


def _timeline(context: _Context, args: list[str]) -> str:
    given = _key_values(args, ("case",), "case=saleh-al-samar", "argument")
    if "case" not in given:
        return archive_timeline_html(context.archive, context.lang, case_url=context.case_url, cases_root=context.cases_root)
    slug = given["case"]
    case = context.archive.case(slug)
    if case is None:
        slugs = [c.slug for c in context.archive.cases]
        raise _Invalid(
            f'no published case "{slug}"{_did_you_mean(slug, slugs)}; '
            f"a case is named by its file name in data/cases/ without .yml"
        )
    return case_timeline_html(case, context.lang, case_url=context.case_url)


T = TypeVar("T")


def _one_by_id(args: list[str], items: Mapping[str, T], kind: str, needs: str, source: str) -> T:
    """The one item a shortcode names by id, or an error listing the valid ids."""
    valid = sorted(items)
    listing = f"valid {kind} ids are: {_one_of(valid)}" if valid else f"{source} has no {kind}s"
    if len(args) != 1:
        got = f', got "{" ".join(args)}"' if args else ""
        raise _Invalid(f"needs exactly one {needs}{got}; {listing}")
    item = items.get(args[0])
    if item is None:
        raise _Invalid(f'unknown {kind} "{args[0]}"{_did_you_mean(args[0], valid)}; {listing}')
    return item


def _figure(context: _Context, args: list[str]) -> str:
    figure = _one_by_id(args, context.archive.figures, "figure", "figure id", "data/figures.yml")
    return figure_html(figure, context.lang)


def _cases(context: _Context, args: list[str]) -> str:
    _no_arguments(args)
    return case_index_first_page(
        context.archive, context.lang, case_url=context.case_url, cases_root=context.cases_root
    ).html


def _people(context: _Context, args: list[str]) -> str:
    _no_arguments(args)
    return home_people_html(context.archive, context.lang, case_url=context.case_url, cases_root=context.cases_root)


def _figures_chart(context: _Context, args: list[str]) -> str:
    _no_arguments(args)
    return figures_chart_html(context.archive, context.lang)


def _field_reference(context: _Context, args: list[str]) -> str:
    _no_arguments(args)
    if context.field_reference is None:
        raise _Invalid("no field reference was given to expand_shortcodes for this page")
    return context.field_reference.strip("\n")


def _appeal(context: _Context, args: list[str]) -> str:
    from sawt.render.appeal import appeal_html

    appeal = _one_by_id(args, context.archive.appeals, "appeal", "appeal id from data/appeals.yml", "data/appeals.yml")
    if context.today is None:
        raise _Invalid("no date was given to expand_shortcodes, so an appeal's deadline cannot be judged")
    names = {slug: case.name[context.lang] for slug in appeal.cases if (case := context.archive.case(slug))}
    return appeal_html(appeal, context.lang, today=context.today, page_address=context.page_address,
                       case_url=context.case_url, case_names=names)


def _contact(context: _Context, args: list[str]) -> str:
    _no_arguments(args)
    from sawt.render.markup import render_block

    if context.contact is None or context.contact.is_empty:
        return ""  # no channel configured (extra.sawt.contact): say nothing rather than invent one
    return render_block("contact.html.j2", context.lang, contact=context.contact)


def _appeal_fields(context: _Context, args: list[str]) -> str:
    _no_arguments(args)
    from sawt.render.fieldref import field_reference_markdown

    return field_reference_markdown(context.lang, "appeals").strip("\n")


def _open_data(context: _Context, args: list[str]) -> str:
    _no_arguments(args)
    from sawt.render.open_data import open_data_markdown

    return open_data_markdown(context.lang, posixpath.normpath(posixpath.join(context.cases_root or ".", "../data")) + "/")


def _grades(context: _Context, args: list[str]) -> str:
    """data/grades.yml's scale, each grade under an anchor grade-<id> that case pages link to,
    with how many published events carry it (discounted ones are shown, never counted elsewhere)."""
    _no_arguments(args)
    events = [event for case in context.archive.cases for event in case.events]
    rows = []
    for grade in context.archive.grades:
        total = sum(1 for event in events if event.grade is not None and event.grade.id == grade.id)
        rows.append(Markup('<dt id="grade-{}">{} <span class="sawt-grade-total">({})</span></dt><dd>{}</dd>').format(
            grade.id, grade.label[context.lang], format_number(total, context.lang), grade.definition[context.lang]))
    ungraded = sum(1 for event in events if event.grade is None)
    rows.append(Markup('<dt id="grade-none">{} <span class="sawt-grade-total">({})</span></dt><dd></dd>').format(
        strings.text("grade_none", context.lang), format_number(ungraded, context.lang)))
    return str(Markup('<dl class="sawt-grades">') + Markup("").join(rows) + Markup("</dl>"))


SHORTCODES: Mapping[str, Shortcode] = {
    "grades": Shortcode(_grades, block=True, usage="<!-- sawt:grades -->"),
    "count": Shortcode(_count, block=False, usage="<!-- sawt:count status=deported -->"),
    "timeline": Shortcode(_timeline, block=True, usage="<!-- sawt:timeline case=saleh-al-samar -->"),
    "figure": Shortcode(_figure, block=True, usage="<!-- sawt:figure lebanon-returns-2023 -->"),
    "cases": Shortcode(_cases, block=True, usage="<!-- sawt:cases -->"),
    "people": Shortcode(_people, block=True, usage="<!-- sawt:people -->"),
    "figures-chart": Shortcode(_figures_chart, block=True, usage="<!-- sawt:figures-chart -->"),
    "field-reference": Shortcode(_field_reference, block=True, usage="<!-- sawt:field-reference -->", markdown=True),
    "appeal": Shortcode(_appeal, block=True, usage="<!-- sawt:appeal be-their-voice -->"),
    "contact": Shortcode(_contact, block=True, usage="<!-- sawt:contact -->"),
    "appeal-fields": Shortcode(_appeal_fields, block=True, usage="<!-- sawt:appeal-fields -->", markdown=True),
    "open-data": Shortcode(_open_data, block=True, usage="<!-- sawt:open-data -->", markdown=True),
}
