"""The page frame: one page of the site rendered by the engine with tokens in place of
a case's own text, then filled for every case.

A case page differs from its neighbours only in its title, description, share card, URL
and article, so the engine (MkDocs + Material) renders the frame once per language, with
its header, menu, language switcher, meta tags and policy, and Sawt fills it per case.
That makes a case page cost a string join instead of a pass through the whole Markdown and
theme pipeline, while every case page stays the same page the engine would have made.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from functools import cached_property

from sawt.render.case_page import CasePageContent

#: Not a valid case slug (slugs never hold two hyphens in a row), so the
#: frame's address can never be a real case's.
FRAME_SLUG = "sawt--frame"
TITLE = "SAWTFRAMETITLE"
DESCRIPTION = "SAWTFRAMEDESCRIPTION"
IMAGE_ALT = "SAWTFRAMEIMAGEALT"
BODY = "SAWTFRAMEBODY"
#: The frame page's Markdown: front matter the theme reads, and the body token.
#: The kinds of generated page, and where each kind's frame sits: at the same depth as
#: the pages it frames, so that every relative link in it is right for them all.
FRAME_FOLDERS = {"case": "cases/", "index": "cases/page/"}


def frame_url(kind: str) -> str:
    """The frame's site-relative address in the default language ("cases/sawt--frame/")."""
    return f"{FRAME_FOLDERS[kind]}{FRAME_SLUG}/"


def frame_markdown(kind: str) -> str:
    """The frame page's Markdown. The heading is there for the theme (its skip link points
    to the first heading, and it adds a title of its own to a page without one); the
    article Sawt renders replaces heading and body."""
    return (
        f"---\ntitle: {TITLE}\ndescription: {DESCRIPTION}\nsawt_frame: {kind}\nhide:\n  - toc\n---\n\n"
        f"# {TITLE} {{ #{FRAME_SLUG} }}\n\n{BODY}\n"
    )
_ARTICLE = re.compile(
    rf'<h1 id="{FRAME_SLUG}">{TITLE}<a class="headerlink"[^>]*>[^<]*</a></h1>\s*<p>{BODY}</p>')

_TOKENS = re.compile("(" + "|".join(re.escape(t) for t in (f"<p>{BODY}</p>", FRAME_SLUG, TITLE, DESCRIPTION, IMAGE_ALT)) + ")")


#: Elements whose text is kept byte for byte: preformatted text, and scripts and styles
#: (the policy allows the theme's inline scripts by the hash of their text).
_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
#: A run of HTML whitespace that holds a line break. The theme's templates indent their markup
#: deeply and leave blank lines where a Jinja tag was: a quarter of a case page's frame.
_INDENTATION = re.compile(r"[ \t\r\n\f]*\n[ \t\r\n\f]*")


def without_indentation(page: str) -> str:
    """The page with every run of whitespace that holds a line break made one line break,
    outside `_VERBATIM` elements. The page renders the same: outside preformatted text a
    browser shows any such run as one space (or nothing, between blocks)."""
    pieces = _VERBATIM.split(page)
    # split() with two groups yields text, element, tag name, text, ...
    return "".join(piece if index % 3 else _INDENTATION.sub("\n", piece)
                   for index, piece in enumerate(pieces) if index % 3 != 2)


class FrameError(Exception):
    """The engine's rendering of the frame lost a token: case pages cannot be filled."""


@dataclass(frozen=True)
class PageFrame:
    """A finished page split at its tokens: literal text at even indexes, token names at odd."""

    parts: tuple[str, ...]

    @cached_property
    def key(self) -> str:
        """A hash of the frame: part of the key of every page filled into it (sawt/machinery/reuse.py)."""
        return hashlib.sha256("".join(self.parts).encode("utf-8")).hexdigest()

    @classmethod
    def from_html(cls, page: str) -> "PageFrame":
        page, found = _ARTICLE.subn(f"<p>{BODY}</p>", without_indentation(page), count=1)
        if not found:
            raise FrameError("the theme's page for the case frame has no heading and body where Sawt "
                             "expects them; was the page template changed?")
        parts = tuple(_TOKENS.split(page))  # the capturing group keeps the tokens, at odd indexes
        tokens = parts[1::2]
        if tokens.count(f"<p>{BODY}</p>") != 1 or TITLE not in tokens or FRAME_SLUG not in tokens:
            raise FrameError("the theme's page for the case frame lost its body, title or address; "
                             "was the case page template changed?")
        return cls(parts)

    def fill(self, slug: str, content: CasePageContent) -> str:
        values = {
            f"<p>{BODY}</p>": content.body_html,
            FRAME_SLUG: slug,  # slugs are [a-z0-9-]: nothing to escape
            TITLE: html.escape(content.title),
            DESCRIPTION: html.escape(content.description),
            IMAGE_ALT: html.escape(content.image_alt),
        }
        parts = self.parts
        return "".join(values[part] if index % 2 else part for index, part in enumerate(parts))
