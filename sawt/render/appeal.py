"""An appeal's block on its page (targets, deadline, letter, send and copy), its
`mailto:` link, and the primary action of a case that belongs to an appeal.

The send button is a plain `mailto:` link: it works without script, and the reader's
own email app sends the letter, so no address of theirs ever reaches the site.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Sequence
from urllib.parse import quote

from sawt.data.model import Appeal, Lang, PartialDate
from sawt.render import strings
from sawt.render.markup import render_block

#: The longest `mailto:` link, percent-encoded, that Sawt writes. RFC 6068 sets no limit, and
#: the mail apps of phones (most readers) take far longer links, but desktop handlers refuse
#: or cut links of a few thousand characters. Arabic takes 6 characters a letter once
#: encoded, so a limit near 2,000 would leave every Arabic reader without a prefilled letter:
#: 8,000 carries a letter of about 1,300 Arabic letters whole. Beyond it the body asks the
#: reader to paste the letter, and the Copy button stays beside Send for a client that cuts.
MAILTO_MAX_LENGTH = 8000


@dataclass(frozen=True)
class Mailto:
    href: str
    whole_letter: bool  # False: the letter did not fit, the body asks to paste it


def mailto_href(to: Sequence[str], subject: str, body: str) -> str:
    """An RFC 6068 `mailto:` URL: every character outside the unreserved set is
    percent-encoded as UTF-8 (Arabic included), line breaks as %0D%0A."""
    crlf = "\r\n".join(body.replace("\r\n", "\n").split("\n"))
    addresses = ",".join(quote(address, safe="@") for address in to)
    return f"mailto:{addresses}?subject={quote(subject, safe='')}&body={quote(crlf, safe='')}"


def appeal_mailto(appeal: Appeal, lang: Lang, *, page_address: str) -> Mailto | None:
    """The send link of `appeal` in `lang`, or None when no target has an email.
    `page_address` is the appeal page's absolute URL, named by the short body."""
    if not appeal.emails:
        return None
    href = mailto_href(appeal.emails, appeal.subject[lang], appeal.letter[lang])
    if len(href) <= MAILTO_MAX_LENGTH:
        return Mailto(href, whole_letter=True)
    short = strings.plain("appeal_paste_here", lang, url=page_address)
    return Mailto(mailto_href(appeal.emails, appeal.subject[lang], short), whole_letter=False)


def letter_paragraphs(letter: str) -> list[list[str]]:
    """The letter's paragraphs (split at blank lines), each a list of its lines."""
    blocks = [block for block in letter.replace("\r\n", "\n").split("\n\n") if block.strip()]
    return [[line.strip() for line in block.split("\n") if line.strip()] for block in blocks]


def deadline_date(appeal: Appeal) -> PartialDate | None:
    if appeal.deadline is None:
        return None
    return PartialDate(appeal.deadline.year, appeal.deadline.month, appeal.deadline.day)


def appeal_html(appeal: Appeal, lang: Lang, *, today: date, page_address: str,
                case_url: Callable[[str], str], case_names: dict[str, str]) -> str:
    """The appeal's block: the deadline (or that it is closed), the people it is about,
    whom to write to, the letter, and the send and copy buttons."""
    closed = appeal.is_closed(today)
    return render_block(
        "appeal.html.j2",
        lang,
        appeal=appeal,
        closed=closed,
        deadline=deadline_date(appeal),
        mailto=None if closed else appeal_mailto(appeal, lang, page_address=page_address),
        paragraphs_of=letter_paragraphs,
        people=[(case_url(slug), case_names[slug]) for slug in appeal.cases if slug in case_names],
    )


@dataclass(frozen=True)
class CaseAction:
    """The one primary button of a case page's first screen, and a link to its appeal."""

    label: str
    href: str
    kind: str  # "send" (a mailto: link) or "share" (to the share block)
    appeal_href: str | None = None  # the appeal's page, relative to the case page


def case_action(appeal: Appeal | None, lang: Lang, *, today: date, appeal_href: str | None,
                appeal_address: str | None) -> CaseAction:
    """"Send the letter" when the case's appeal is open and has an email to send to;
    otherwise "Share this case", as on a case without an appeal."""
    if appeal is not None and appeal_address is not None and not appeal.is_closed(today):
        mailto = appeal_mailto(appeal, lang, page_address=appeal_address)
        if mailto is not None:
            return CaseAction(strings.text("appeal_send", lang), mailto.href, "send", appeal_href)
    return CaseAction(strings.text("act_share", lang), "#sawt-share-title", "share",
                      appeal_href if appeal is not None else None)


__all__ = ["MAILTO_MAX_LENGTH", "Mailto", "mailto_href", "appeal_mailto", "appeal_html", "case_action",
           "CaseAction", "letter_paragraphs"]
