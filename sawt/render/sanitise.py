"""Content can't carry script: what a page may contain, and the check that enforces it.

Pages are written by volunteers and arrive in pull requests, so their HTML is
hostile until proven otherwise. The policy is *refuse and sanitise*:

- every construct outside the allowlist below (a `<script>`, an `on*=` handler, a
  `javascript:` or `data:` link, an `<iframe>`, inline `<svg>`, a stray attribute)
  is reported as a problem naming the file and line, which fails a strict build,
  so nothing is dropped without the volunteer being told;
- the same allowlist is then applied by nh3 (the Python binding of the Rust
  sanitiser ammonia, maintained, html5ever-based), so the published HTML is
  safe even in a non-strict build, or if the report ever missed a trick.

Sawt's own generated HTML (case headers, charts, the filter form, QR codes) is
not content: the renderer hands it to `TrustedFragments.hold`, which puts an
unguessable token in the Markdown in its place; the page is sanitised with the
tokens in it, and `restore` puts the fragments back. The allowlist therefore
only has to cover what Markdown, its extensions and Material produce.

Front matter is checked against a small set of keys, and `title` and
`description` are HTML-escaped, because the theme prints them unescaped.
Only this module knows the policy; nothing here imports MkDocs.
"""

from __future__ import annotations

import html as html_lib
import re
import secrets
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterable

import nh3
import yaml

from sawt.data.yamldoc import did_you_mean
from sawt.render.front_matter import FRONT_MATTER, front_matter_end

# -- what a page may contain -------------------------------------------------------

#: Tags that Markdown, attr_list, md_in_html, tables, admonition, details,
#: superfences and toc produce, and the plain HTML a page may reasonably use.
ALLOWED_TAGS = frozenset(
    """a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details div dl dt em
    figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp section small span
    strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr""".split()
)
#: On every allowed tag (attr_list writes ids, classes and titles; bilingual text needs lang/dir).
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir"})
TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang", "download"}),  # download: the Open data links
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "ol": frozenset({"start", "reversed"}),
    "details": frozenset({"open"}),
    "time": frozenset({"datetime"}),
    "ins": frozenset({"datetime", "cite"}),
    "del": frozenset({"datetime", "cite"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
}
#: Table alignment is the one style Markdown writes (`style="text-align: left;"` on cells).
ALLOWED_STYLE_PROPERTIES = frozenset({"text-align"})
#: Links and images may be relative, or go to these schemes only: never javascript:, data:, vbscript:.
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
#: Ids the theme's own script looks up (`#__config`, `#__search` ...): a page must not clobber them.
_THEME_ID = re.compile(r"^__")

_EXPLAINED_TAGS = {
    "script": "pages cannot run scripts",
    "iframe": "pages cannot embed other pages",
    "frame": "pages cannot embed other pages",
    "object": "pages cannot embed plugins or other documents",
    "embed": "pages cannot embed plugins or other documents",
    "svg": "inline SVG can carry script; add the drawing as an image file under overrides/assets/images/ instead",
    "math": "MathML can carry script",
    "style": "styles belong in overrides/assets/css/",
    "link": "pages cannot load style sheets or other resources",
    "meta": "pages cannot set document metadata",
    "base": "pages cannot change where links point",
    "form": "pages cannot contain forms",
}


@dataclass(frozen=True)
class PageProblem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


def _scheme(url: str) -> str | None:
    """The URL's scheme as a browser reads it (it ignores whitespace and control characters)."""
    compact = re.sub(r"[\x00-\x20\x7f]+", "", url).lower()
    match = re.match(r"^([a-z][a-z0-9+.\-]*):", compact)
    return match.group(1) if match else None


def _attribute_allowed(tag: str, name: str) -> bool:
    return name in GLOBAL_ATTRIBUTES or name in TAG_ATTRIBUTES.get(tag, ())


def _style_allowed(value: str) -> bool:
    declarations = [d for d in value.split(";") if d.strip()]
    return all(d.partition(":")[0].strip().lower() in ALLOWED_STYLE_PROPERTIES for d in declarations)


@dataclass(frozen=True)
class _Finding:
    message: str
    needle: str  # what to look for in the source file to find the line
    fallback: str = ""  # what to look for if the source spells it differently (entities)


class _Inspector(HTMLParser):
    """Everything in a page's HTML that the allowlist would remove, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[_Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            reason = _EXPLAINED_TAGS.get(tag, "it is not one of the tags a page may use")
            self.findings.append(_Finding(f"<{tag}> is not allowed in a page ({reason})", f"<{tag}"))
            return  # its attributes go with it
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.findings.append(_Finding(f"the event handler {name}= on <{tag}> is not allowed (pages cannot run scripts)", f"{name}="))
            elif not _attribute_allowed(tag, name):
                allowed = ", ".join(sorted(GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, frozenset())))
                self.findings.append(_Finding(f"the attribute {name}= on <{tag}> is not allowed (allowed: {allowed})", f"{name}="))
            elif name == "style" and not _style_allowed(value):
                self.findings.append(_Finding(f'style="{value}" on <{tag}> is not allowed (only text-align; styles belong in overrides/assets/css/)', "style="))
            elif name in URL_ATTRIBUTES and (scheme := _scheme(value)) is not None and scheme not in ALLOWED_URL_SCHEMES:
                self.findings.append(_Finding(
                    f"a {scheme}: address in {name}= on <{tag}> is not allowed (links go to http(s), mailto: or tel: addresses, or to pages of this site)",
                    f"{scheme}:", f"{name}=",
                ))
            elif _is_remote_image(tag, name, value):
                self.findings.append(_Finding(
                    f"<img> from another site ({value}) is not allowed (it would tell that site who reads the page); "
                    "put the image under docs/ and link it by a relative path", value, "src=",
                ))
            elif name == "id" and _THEME_ID.match(value):
                self.findings.append(_Finding(f'id="{value}" is reserved for the theme (ids may not start with "__")', value))

    handle_startendtag = handle_starttag


def _is_remote_image(tag: str, name: str, value: str) -> bool:
    return tag == "img" and name == "src" and (_scheme(value) is not None or value.strip().startswith("//"))


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    if (name == "id" and _THEME_ID.match(value)) or _is_remote_image(tag, name, value):
        return None
    return value


_CLEAN_ARGS: dict[str, Any] = dict(
    tags=set(ALLOWED_TAGS),
    # Removed with everything inside them, not just unwrapped: their text is code or markup, not prose.
    clean_content_tags={"script", "style", "svg", "math", "iframe", "object", "embed", "template", "noscript", "textarea", "select"},
    attributes={"*": set(GLOBAL_ATTRIBUTES), **{tag: set(names) for tag, names in TAG_ATTRIBUTES.items()}},
    attribute_filter=_attribute_filter,
    url_schemes=set(ALLOWED_URL_SCHEMES),
    filter_style_properties=set(ALLOWED_STYLE_PROPERTIES),
    link_rel=None,  # links stay as written; the page's no-referrer policy already applies
    strip_comments=True,
)


def sanitised_html(html: str) -> str:
    """`html` with everything outside the allowlist removed (nh3)."""
    return nh3.clean(html, **_CLEAN_ARGS)


def content_problems(html: str, *, file: str, source: str | None) -> list[PageProblem]:
    """What `sanitised_html` would remove from `html`, each with the line in `source`
    (the page's Markdown file) where it was written, when it can be found there."""
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    seen: dict[str, int] = {}
    problems = []
    for finding in inspector.findings:
        nth = seen.get(finding.needle, 0)
        seen[finding.needle] = nth + 1
        line = line_of(source, finding.needle, nth) or line_of(source, finding.fallback)
        problems.append(PageProblem(file, line, finding.message))
    return problems


def line_of(source: str | None, needle: str, nth: int = 0) -> int | None:
    """The 1-based line of the nth (0-based) case-insensitive occurrence of `needle`,
    looked for after the front matter first (the page's HTML comes from its body;
    front matter MkDocs could not read is shown as body)."""
    if not source or not needle:
        return None
    lowered, needle = source.lower(), needle.lower()
    for start in dict.fromkeys((front_matter_end(source), 0)):
        position = start - 1
        for _ in range(nth + 1):
            position = lowered.find(needle, position + 1)
            if position == -1:
                break
        else:
            return source.count("\n", 0, position) + 1
    return None


# -- Sawt's own HTML, kept out of the sanitiser's way ---------------------------------


class TrustedFragments:
    """HTML that Sawt generated from escaped templates, stood in for by tokens.

    A token is plain text (`sawtfragment<nonce>n<number>`) that Markdown passes
    through unchanged. The nonce is random per process, so a page cannot name a
    fragment; even if it could, a fragment is Sawt's own safe HTML."""

    def __init__(self) -> None:
        self._nonce = secrets.token_hex(8)
        self._fragments: dict[str, str] = {}
        self._token = re.compile(rf"sawtfragment{self._nonce}n[0-9]+")
        self._block = re.compile(rf"<p>(sawtfragment{self._nonce}n[0-9]+)</p>")

    def clear(self) -> None:
        self._fragments.clear()

    def hold(self, html: str) -> str:
        token = f"sawtfragment{self._nonce}n{len(self._fragments)}"
        self._fragments[token] = html
        return token

    def plain_text(self, text: str) -> str:
        """`text` with each token replaced by its fragment's plain text (what a reader sees)."""
        return self._token.sub(lambda t: _plain_text(self._fragments.get(t.group(0), "")), text)

    def restore(self, html: str) -> str:
        """Put the fragments back into sanitised HTML. A fragment that stands alone in
        a paragraph (a block shortcode) replaces the paragraph; a token that Markdown
        moved into an attribute (image alt text, a link title) becomes its plain text."""
        if "sawtfragment" not in html:
            return html
        html = self._block.sub(lambda m: self._fragments.get(m.group(1), m.group(0)), html)

        def in_tag(match: re.Match[str]) -> str:
            return self._token.sub(lambda t: html_lib.escape(_plain_text(self._fragments.get(t.group(0), ""))), match.group(0))

        parts = []
        position = 0
        for tag in _SERIALISED_TAG.finditer(html):
            parts.append(self._token.sub(lambda t: self._fragments.get(t.group(0), t.group(0)), html[position : tag.start()]))
            parts.append(in_tag(tag))
            position = tag.end()
        parts.append(self._token.sub(lambda t: self._fragments.get(t.group(0), t.group(0)), html[position:]))
        return "".join(parts)


#: A tag as html5ever serialises it: attribute values always in double quotes, `"` escaped.
_SERIALISED_TAG = re.compile(r'<[^>"]*(?:"[^"]*"[^>"]*)*>')


def _plain_text(html: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]*>", " ", html)).split())


def safe_page_html(html: str, fragments: TrustedFragments, *, file: str, source: str | None) -> tuple[str, list[PageProblem]]:
    """A page's rendered body, sanitised, with Sawt's fragments put back; and what was removed."""
    return fragments.restore(sanitised_html(html)), content_problems(html, file=file, source=source)


# -- front matter -------------------------------------------------------------------

#: Keys a hand-written page may set: ours, and the theme's that print nothing unescaped.
#: (The theme prints `author`, `subtitle`, `location` ... raw into the page, so they are not here.)
FRONT_MATTER_KEYS = ("title", "description", "date", "hide", "search", "template", "status")
ESCAPED_KEYS = ("title", "description")


#: A Markdown level-1 heading (`# Title` or `Title` over `===`), from which MkDocs takes a title.
_HEADING_TITLE = re.compile(r"^(?:#[ \t]+\S|[^\s].*\n=+[ \t]*$)", re.MULTILINE)


def front_matter_problems(meta: dict[str, Any], *, file: str, source: str | None, markdown: str = "") -> list[PageProblem]:
    """What is wrong with a hand-written page's front matter. `markdown` is the page's
    body: a page whose title is its `# heading` needs no `title:`."""
    problems = []
    if not meta and source and (match := FRONT_MATTER.match(source)):
        # MkDocs shows front matter it cannot read as part of the page, and says nothing.
        try:
            yaml.safe_load(match.group(1) or "")
        except yaml.YAMLError as error:
            # An unclosed quote is found at the end of the text; the line to fix is where it opened.
            mark = getattr(error, "context_mark" if "end of stream" in str(error) else "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1  # +1: counted from 0; +1: the opening ---
            reason = getattr(error, "problem", None) or str(error)
            return [PageProblem(file, line, f"the front matter is not valid YAML ({reason}); a value with quotes or a colon in it must be put in quotes, e.g. title: \"My page: a story\"")]
    for key in meta:
        if key not in FRONT_MATTER_KEYS:
            suggestion = did_you_mean(str(key), FRONT_MATTER_KEYS)
            hint = f' (did you mean "{suggestion}"?)' if suggestion else ""
            problems.append(PageProblem(
                file, _front_matter_line(source, str(key)),
                f'unknown front-matter key "{key}"{hint}; a page may set: {", ".join(FRONT_MATTER_KEYS)}',
            ))
    title = meta.get("title")
    if (title is None or title == "") and not _HEADING_TITLE.search(markdown):
        problems.append(PageProblem(
            file, _front_matter_line(source, "title") or 1,
            "the page has no title: start it with front matter such as\n---\ntitle: My page\ndescription: One sentence used in share previews.\n---\n(or with a # heading)",
        ))
    for key in ESCAPED_KEYS:
        if key in meta and not isinstance(meta[key], str):
            problems.append(PageProblem(file, _front_matter_line(source, key), f"front-matter {key} must be text, got {meta[key]!r}"))
    return problems


def safe_front_matter(meta: dict[str, Any]) -> None:
    """Make front matter safe for the theme, in place (after `front_matter_problems`
    has reported what is wrong): unknown keys are left out, since the theme prints
    some of them raw (`author` into a <meta>), and `title` and `description` are
    escaped, since it prints them into <title>, <meta content="..."> and the header
    without escaping them."""
    for key in [k for k in meta if k not in FRONT_MATTER_KEYS]:
        del meta[key]
    for key in ESCAPED_KEYS:
        if isinstance(meta.get(key), str):
            meta[key] = html_lib.escape(meta[key], quote=True)
        elif key in meta:
            del meta[key]  # a list or a mapping would be printed as its Python text, unescaped


def title_from_heading(meta: dict[str, Any], rendered_title: str | None) -> None:
    """A page titled by its `# heading` gets that title, as escaped text, in its front
    matter: the theme prints a heading title through Jinja's `striptags`, which decodes
    `&lt;` back into `<` (a `# &lt;/title&gt;&lt;script&gt;` heading would become markup)."""
    if not meta.get("title") and rendered_title:
        meta["title"] = html_lib.escape(_plain_text(rendered_title), quote=True)


def _front_matter_line(source: str | None, key: str) -> int | None:
    if not source or not source.startswith("---"):
        return None
    match = re.search(rf"^{re.escape(key)}[ \t]*:", source, re.MULTILINE)
    return source.count("\n", 0, match.start()) + 1 if match else None


# -- files under docs/ ---------------------------------------------------------------

#: Files that a browser runs or renders as a document; MkDocs would copy them as they are.
ACTIVE_SUFFIXES = (".html", ".htm", ".xhtml", ".svg", ".js", ".mjs", ".xml", ".xsl")


def is_refused(path: Path, docs_dir: Path, allowed: Iterable[str]) -> bool:
    """Whether a file of the site is an active file under docs/ that the config's allowlist
    (`extra: sawt: allowed_files:`, paths relative to docs/) does not name."""
    if path.suffix.lower() not in ACTIVE_SUFFIXES:
        return False
    try:
        relative = path.resolve().relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        return False  # the theme's and overrides' own files
    return relative not in set(allowed)


def refused_files(docs_dir: Path, allowed: Iterable[str], *, label: str = "docs") -> list[PageProblem]:
    """A problem for each file `is_refused` refuses (the build also leaves them out)."""
    allowed = list(allowed)
    problems = []
    for path in sorted(docs_dir.rglob("*")):
        if not path.is_file() or not is_refused(path, docs_dir, allowed):
            continue
        relative = path.relative_to(docs_dir).as_posix()
        problems.append(PageProblem(
            f"{label}/{relative}", None,
            f"{path.suffix.lower()} files under {label}/ are published as they are and can run script in the reader's "
            f"browser, so they are refused; put site code in overrides/, or, after review, list "
            f'"{relative}" under extra: sawt: allowed_files: in mkdocs.yml',
        ))
    return problems
