"""How a source's preserved copy shows on the site: the line under each cited source, the
grade beside each event, and the capture's text view.

A capture is hostile content: captured HTML is never served. The text view is Sawt's own page
with the extracted text escaped in a <pre>; a WACZ, a PDF or a screenshot is a download (the
site folder archive/, `download` attribute). Addresses here are site-relative and made relative
to the page that links them, so they work under a sub-path and from disk.
"""

from __future__ import annotations

import html
from pathlib import PurePosixPath

from markupsafe import Markup

from sawt.data.model import Capture, Grade, Source
from sawt.dates import parse_partial_date
from sawt.languages import LANGUAGES, relative_url, url_in_language
from sawt.render import strings
from sawt.render.markup import time_html
from sawt.render.plain_page import plain_page_html

#: Where the site publishes capture downloads (language-neutral) and text views (per language).
DOWNLOAD_DIR = "archive"
TEXT_VIEW_DIR = "sources"
METHODOLOGY = "methodology/"
#: What a download is, by its file's suffix. Captured or imported HTML and text are never
#: published as files: only their escaped text, in the text view.
DOWNLOADABLE = {".wacz": "WACZ", ".pdf": "PDF", ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WebP"}


def download_path(capture: Capture) -> str | None:
    """The capture's site-relative download address, or None when it is not published as a file."""
    suffix = PurePosixPath(capture.file).suffix.lower()
    return f"{DOWNLOAD_DIR}/{capture.file}" if suffix in DOWNLOADABLE else None


#: A source's text view is a named file, like a case's text-only version (cases/x/text.html): a
#: plain page to read, kept out of the sitemap and the search index (noindex).
TEXT_VIEW_NAME = "text.html"


def text_view_url(source: Source, lang: str) -> str:
    return url_in_language(f"{TEXT_VIEW_DIR}/{source.id}/{TEXT_VIEW_NAME}", lang)


def grade_href(grade: Grade | None, page_url: str, lang: str) -> str:
    """The grade's definition on the methodology page (its anchor is grade-<id>; grade-none for
    an event not graded)."""
    return relative_url(page_url, url_in_language(METHODOLOGY, lang)) + f"#grade-{grade.id if grade else 'none'}"


def grade_name(grade: Grade | None, lang: str) -> str:
    """The grade's label in `lang`, or "Not graded" (plain text: also the search filter's value)."""
    return grade.label[lang] if grade is not None else strings.plain("grade_none", lang)


def grade_html(grade: Grade | None, page_url: str, lang: str) -> Markup:
    """A grade as every page shows it, linked to its definition: "Grade: Corroborated", or "Not
    graded" (which a timeline leaves out, and the case's status shows)."""
    label = strings.phrase("grade_label", lang, grade=grade.label[lang]) if grade is not None \
        else strings.phrase("grade_none", lang)
    return Markup(f'<a class="sawt-grade sawt-grade--{grade.id if grade else "none"}" '
                  f'href="{html.escape(grade_href(grade, page_url, lang))}">{label}</a>')


def _date_of(capture: Capture, lang: str) -> Markup:
    return time_html(parse_partial_date(capture.date_shown), lang) if capture.date_shown else Markup("")


def capture_line(source: Source, page_url: str, lang: str) -> Markup:
    """'Archived copy, captured <date> · SHA-256 <12 hex> · download (WACZ) · text', or the stated
    reason there is none, or nothing (a source with neither: no url, nothing to preserve)."""
    capture = source.latest_capture
    if capture is None:
        if source.archive_reason is not None:
            reason = source.archive_reason[lang]
            return Markup('<span class="sawt-capture sawt-capture--none">') + strings.phrase(
                "capture_none", lang, reason=reason) + Markup("</span>")
        return Markup("")
    separator = Markup(" · ")
    parts = [strings.phrase("capture_archived", lang, date=_date_of(capture, lang)) if capture.captured_at
             else strings.phrase("capture_imported", lang),
             Markup('<bdi dir="ltr">') + strings.phrase("capture_sha", lang, hash=capture.file_sha256[:12]) + Markup("</bdi>")]
    download = download_path(capture)
    if source.publish_copy:  # the copy itself only once someone has read it (see sources.schema.json)
        if download:
            kind = DOWNLOADABLE[PurePosixPath(capture.file).suffix.lower()]
            parts.append(Markup(f'<a href="{html.escape(relative_url(page_url, download))}" download>')
                         + strings.phrase("capture_download", lang, kind=kind) + Markup("</a>"))
        parts.append(Markup(f'<a href="{html.escape(relative_url(page_url, text_view_url(source, lang)))}">')
                     + strings.phrase("capture_text", lang) + Markup("</a>"))
    line = Markup('<span class="sawt-capture">') + separator.join(parts) + Markup("</span>")
    if source.live is not None and source.live.state == "gone" and capture.date_shown:
        line += Markup(' <span class="sawt-capture sawt-capture--gone">') + strings.phrase(
            "capture_gone", lang, date=_date_of(capture, lang)) + Markup("</span>")
    return line


def text_view_html(source: Source, text: str | None, *, lang: str, site_name: str, privacy_meta: str,
                   page_url: str, stylesheet: str, favicon: str, head_tags: str) -> str:
    """The text view of a source's latest capture: Sawt's own page, every captured character escaped."""
    capture = source.latest_capture
    assert capture is not None
    title = strings.plain("capture_page_title", lang, title=source.title)
    body_text = (f'<pre class="sawt-capture-text" dir="auto" lang="{html.escape(source.language or "")}">'
                 f"{html.escape(text)}</pre>") if text and text.strip() else \
        f"<p>{html.escape(strings.plain('capture_no_text', lang))}</p>"
    details = [str(capture_line(source, page_url, lang))]
    if source.url:
        details.append(f'{html.escape(strings.plain("capture_original", lang))}: <bdi dir="ltr">{html.escape(source.url)}</bdi>')
    if capture.copied_by:
        details.append(html.escape(strings.plain("capture_copied_by", lang, who=capture.copied_by)))
    return plain_page_html(
        lang=lang, title=title, site_name=site_name, privacy_meta=privacy_meta, head_tags=head_tags, noindex=True,
        stylesheet_href=relative_url(page_url, stylesheet), favicon_href=relative_url(page_url, favicon),
        back_href=relative_url(page_url, url_in_language(METHODOLOGY, lang)),
        back_label=strings.plain("capture_page_back", lang),
        other_languages=[(other, relative_url(page_url, text_view_url(source, other))) for other in LANGUAGES if other != lang],
        main=f"""<h1>{html.escape(title)}</h1>
<p>{html.escape(strings.plain("capture_page_notice", lang))}</p>
<p>{"<br>".join(details)}</p>
{body_text}
""")
