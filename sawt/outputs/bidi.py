"""Latin runs inside Arabic pages, isolated left-to-right.

In a right-to-left paragraph the Unicode bidi algorithm moves neutral characters at
the edge of a Latin run: "#BeTheirVoice" shows as "BeTheirVoice#", and "(SNHR)" loses
its brackets' order. Generated text isolates itself (sawt.render.markup.bdi); this does
the same for hand-written Markdown, after the theme has rendered it: every run of Latin
words in the page's article becomes <bdi dir="ltr">...</bdi>. A bare
`unicode-bidi: isolate` would not do: the isolate inherits rtl and still moves the "#".
"""

from __future__ import annotations

import re

from sawt.render.frame import BODY, DESCRIPTION, IMAGE_ALT, TITLE

#: The page frame's tokens, which Sawt replaces by a case's own (already isolated) text.
_FRAME_TOKENS = {BODY, DESCRIPTION, IMAGE_ALT, TITLE}

#: A tag or a comment; the text between them is what a reader sees.
_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
#: Text inside these, or inside any element that sets its own dir, is left alone.
_LEAVE_ALONE = {"script", "style", "code", "pre", "kbd", "samp", "bdi", "bdo", "textarea", "select", "option", "svg", "math", "title"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
#: A Latin run: it starts with a letter (or a "#" or "@" before one) that is not the
#: middle of a word or an entity ("&nbsp;"), and may hold spaces, line breaks, digits and the
#: punctuation of titles between Latin words; it ends on a letter, digit or ")".
_LATIN_RUN = re.compile(
    r"(?<![&\w#@])(?P<open>[«“\"‘])?(?P<run>"
    r"[#@]?[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F0-9'’.,:;!?&/()\u2013\u2014 \n-]*[A-Za-z\u00C0-\u024F0-9)]"
    r"|[#@]?[A-Za-z\u00C0-\u024F])(?P<close>[»”\"’])?(?![\w;])"
)
#: A quoted Latin title is isolated with its quotes, «Defectors under the guillotine»: left
#: outside, the quote marks would be placed by the Arabic around them, and could be
#: separated from the title by a line break.
_QUOTES = {"«": "»", "“": "”", '"': '"', "‘": "’"}
_ARTICLE = re.compile(r"(<article\b[^>]*>)(.*)(</article>)", re.S)


def _isolate(match: re.Match[str]) -> str:
    run, before, after = match.group("run"), match.group("open") or "", match.group("close") or ""
    if run in _FRAME_TOKENS:
        return match.group(0)
    if before and after and _QUOTES[before] == after:
        return f'<bdi dir="ltr">{before}{run}{after}</bdi>'
    # "(pull request)": the opening bracket sits outside the run, so the closing one must too.
    rest = ""
    while run.endswith(")") and run.count(")") > run.count("("):
        run, rest = run[:-1], ")" + rest
    return f'{before}<bdi dir="ltr">{run}</bdi>{rest}{after}'


def _isolate_text(text: str) -> str:
    return _LATIN_RUN.sub(_isolate, text)


def with_isolated_latin_runs(html: str) -> str:
    """`html` with every Latin run in its <article> text wrapped in <bdi dir="ltr">."""
    match = _ARTICLE.search(html)
    if match is None:
        return html
    out: list[str] = []
    skipping: list[list[object]] = []  # [tag name, depth] of the element whose text is left alone
    for index, part in enumerate(_TOKEN.split(match.group(2))):
        if index % 2 == 0:
            out.append(part if skipping or not part.strip() else _isolate_text(part))
            continue
        out.append(part)
        tag = _TAG.match(part)
        if tag is None:
            continue
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if skipping:
            if name == skipping[-1][0]:
                skipping[-1][1] += -1 if closing else 1  # type: ignore[operator]
                if skipping[-1][1] == 0:
                    skipping.pop()
            continue
        if closing or name in _VOID or part.endswith("/>"):
            continue
        if name in _LEAVE_ALONE or re.search(r"\sdir=", part):
            skipping.append([name, 1])
    return html[: match.start(2)] + "".join(out) + html[match.end(2) :]
