"""A corpus of hostile pages and files, planted in one copy of the sample project.

Each entry is what a careless volunteer or a hostile contributor could put in a pull
request, with its exact outcome: the messages a strict build refuses it with, and,
for a non-strict build (what `make serve` would show, or a host that skipped the
strict build), that it is published without its payload. The payloads all try to
set `window.__pwned` and change `document.title` to PWNED, so the browser test can
tell if any ran. Two builds cover the whole corpus (strict, then non-strict).
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.build.projects import copy_project
from tests.conftest import ARTIFACTS, build_site

RUN = "window.__pwned=1;document.title='PWNED'"
ALERT = "alert(1)"


@dataclass(frozen=True)
class Hostile:
    name: str  # the page docs/en/hostile/<name>.md, published at /hostile/<name>/
    body: str
    refused: tuple[str, ...]  # the strict build's messages, exactly ("{file}" is this page's path)
    front_matter: str | None = None  # None: a plain title; "" : no front matter at all
    kept: str | None = None  # text that must still be on the published page (nothing else lost)
    lang: str = "en"  # the folder it is written in (it is built in the other language too)

    @property
    def file(self) -> str:
        return f"docs/{self.lang}/hostile/{self.name}.md"

    def source(self) -> str:
        front = f"title: Hostile {self.name}\n" if self.front_matter is None else self.front_matter
        head = f"---\n{front}---\n\n" if front else ""
        if self.body.startswith("# "):  # a title heading must come first
            return f"{head}{self.body}\n\nSafe text {self.name}.\n"
        return f"{head}Safe text {self.name}.\n\n{self.body}\n"

    def messages(self) -> list[str]:
        return [m.format(file=self.file) for m in self.refused]


SCRIPT = "<script> is not allowed in a page (pages cannot run scripts)"
SVG = "<svg> is not allowed in a page (inline SVG can carry script; add the drawing as an image file under overrides/assets/images/ instead)"
NO_TITLE = "the page has no title: start it with front matter such as\n---\ntitle: My page\ndescription: One sentence used in share previews.\n---\n(or with a # heading)"
QUOTE_HINT = 'a value with quotes or a colon in it must be put in quotes, e.g. title: "My page: a story"'
LINKS = "(links go to http(s), mailto: or tel: addresses, or to pages of this site)"


def handler(attr: str, tag: str) -> str:
    return f"the event handler {attr}= on <{tag}> is not allowed (pages cannot run scripts)"


def scheme(name: str, attr: str, tag: str) -> str:
    return f"a {name}: address in {attr}= on <{tag}> is not allowed {LINKS}"


PAGES: tuple[Hostile, ...] = (
    Hostile("script-tag", f"<script>{RUN}</script>", ("{file}:7: " + SCRIPT,)),
    Hostile("arabic-page-script", f"نص.\n\n<script>{RUN}</script>", ("{file}:9: " + SCRIPT,), lang="ar", kept="نص."),
    Hostile("title-not-text", "Body.", ("{file}:2: front-matter title must be text, got " + repr([f"</title><script>{RUN}</script>"]).replace("{", "{{").replace("}", "}}"),),
            front_matter=f"title: [\"</title><script>{RUN}</script>\"]\n"),
    Hostile("script-uppercase", f"<SCRIPT>{RUN}</SCRIPT>", ("{file}:7: " + SCRIPT,)),
    Hostile("script-src", '<script src="../../evil.js"></script>', ("{file}:7: " + SCRIPT,)),
    Hostile("script-in-md-in-html", f"<div markdown>\n\nSome *text*.\n\n<script>{RUN}</script>\n\n</div>", ("{file}:11: " + SCRIPT,), kept="Some"),
    Hostile("script-in-list", f"- one\n- two <script>{RUN}</script>", ("{file}:8: " + SCRIPT,), kept="two"),
    Hostile("img-onerror", f'<img src="nothing.png" onerror="{RUN}">', ("{file}:7: " + handler("onerror", "img"),)),
    # Python-Markdown does not read an unquoted attribute value with "=" in it as HTML: it shows it as text.
    Hostile("img-onerror-unquoted", "<img src=x onerror=window.__pwned=1>", (), kept="<img src=x onerror=window.__pwned=1>"),
    Hostile("details-ontoggle", f'<details open ontoggle="{RUN}"><summary>More</summary>Hidden</details>', ("{file}:7: " + handler("ontoggle", "details"),), kept="More"),
    Hostile("attr-list-onclick", f'[Click me](#){{ onclick="{RUN}" }}', ("{file}:7: " + handler("onclick", "a"),), kept="Click me"),
    Hostile("attr-list-paragraph", f'A paragraph.\n{{: onmouseover="{RUN}" }}', ("{file}:8: " + handler("onmouseover", "p"),), kept="A paragraph."),
    Hostile("heading-onerror", f'## Heading <img src="x" onerror="{RUN}">', ("{file}:7: " + handler("onerror", "img"),), kept="Heading"),
    Hostile("table-cell-onerror", f'| a | b |\n| --- | --- |\n| <img src="x" onerror="{RUN}"> | cell |', ("{file}:9: " + handler("onerror", "img"),), kept="cell"),
    Hostile("svg-onload", f'<svg onload="{RUN}"></svg>', ("{file}:7: " + SVG,)),
    Hostile("svg-script", f"<svg><script>{RUN}</script></svg>", ("{file}:7: " + SVG, "{file}:7: " + SCRIPT)),
    Hostile("markdown-javascript-link", f"[Read more](javascript:{ALERT})", ("{file}:7: " + scheme("javascript", "href", "a"),), kept="Read more"),
    Hostile("html-javascript-link", f'<a href="javascript:{ALERT}">Read</a>', ("{file}:7: " + scheme("javascript", "href", "a"),), kept="Read"),
    Hostile("entity-javascript-link", '<a href="&#106;avascript:alert(1)">Read</a>', ("{file}:7: " + scheme("javascript", "href", "a"),), kept="Read"),
    Hostile("tab-javascript-link", '<a href="java&#9;script:alert(1)">Read</a>', ("{file}:7: " + scheme("javascript", "href", "a"),), kept="Read"),
    Hostile("vbscript-link", '<a href="vbscript:msgbox(1)">Read</a>', ("{file}:7: " + scheme("vbscript", "href", "a"),), kept="Read"),
    Hostile("data-link", "[Open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", ("{file}:7: " + scheme("data", "href", "a"),), kept="Open"),
    Hostile("data-image", "![A picture](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)", ("{file}:7: " + scheme("data", "src", "img"),)),
    Hostile("iframe", '<iframe src="https://evil.example/"></iframe>', ("{file}:7: <iframe> is not allowed in a page (pages cannot embed other pages)",)),
    Hostile("iframe-srcdoc", f'<iframe srcdoc="<script>{RUN}</script>"></iframe>', ("{file}:7: <iframe> is not allowed in a page (pages cannot embed other pages)",)),
    Hostile("object", '<object data="../../image.svg" type="image/svg+xml"></object>', ("{file}:7: <object> is not allowed in a page (pages cannot embed plugins or other documents)",)),
    Hostile("embed", '<embed src="../../image.svg">', ("{file}:7: <embed> is not allowed in a page (pages cannot embed plugins or other documents)",)),
    Hostile("form-button", f'<form><button formaction="javascript:{ALERT}">Go</button></form>',
            ("{file}:7: <form> is not allowed in a page (pages cannot contain forms)",
             "{file}:7: <button> is not allowed in a page (it is not one of the tags a page may use)")),
    Hostile("style-tag", "<style>body { display: none }</style>", ("{file}:7: <style> is not allowed in a page (styles belong in overrides/assets/css/)",)),
    Hostile("style-attribute", '<p style="background: url(javascript:alert(1))">Styled</p>',
            ("{file}:7: the attribute style= on <p> is not allowed (allowed: class, dir, id, lang, title)",), kept="Styled"),
    Hostile("cell-style", '| a |\n| --- |\n| <span>x</span> |\n\n<table><tr><td style="background: url(javascript:alert(1))">Cell</td></tr></table>',
            ('{file}:11: style="background: url(javascript:alert(1))" on <td> is not allowed (only text-align; styles belong in overrides/assets/css/)',), kept="Cell"),
    Hostile("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', ("{file}:7: <meta> is not allowed in a page (pages cannot set document metadata)",)),
    Hostile("base-href", '<base href="https://evil.example/">', ("{file}:7: <base> is not allowed in a page (pages cannot change where links point)",)),
    Hostile("theme-id-clobbering", '<div id="__config">{"base": "https://evil.example"}</div>', ('{file}:7: id="__config" is reserved for the theme (ids may not start with "__")',)),
    Hostile("remote-image", "![Tracker](https://tracker.example/pixel.png)",
            ("{file}:7: <img> from another site (https://tracker.example/pixel.png) is not allowed (it would tell that site who reads the page); put the image under docs/ and link it by a relative path",)),
    Hostile("target-attribute", '<a href="https://example.org/" target="_blank">Away</a>',
            ("{file}:7: the attribute target= on <a> is not allowed (allowed: class, dir, download, href, hreflang, id, lang, title)",), kept="Away"),
    Hostile("title-breakout", "Body.", (), front_matter=f"title: \"</title><script>{RUN}</script>\"\n"),
    Hostile("description-breakout", "Body.", (), front_matter=f"title: Hostile description-breakout\ndescription: \"\\\"><script>{RUN}</script>\"\n"),
    Hostile("broken-front-matter", "Body.", ('{file}:2: the front matter is not valid YAML (found unexpected end of stream); ' + QUOTE_HINT,),
            front_matter='title: "Unclosed\ndescription: A page\n'),
    Hostile("broken-front-matter-with-script", "Body.", ("{file}:3: the front matter is not valid YAML (expected <block end>, but found '<scalar>'); " + QUOTE_HINT,
                                                          "{file}:3: " + SCRIPT),
            front_matter=f"title: Hostile broken\ndescription: '\"><script>{RUN}</script>'\n"),
    # Titled by its heading: the theme prints that title through `striptags`, which decodes entities.
    Hostile("heading-title-breakout", "# &lt;/title&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt; <b>bold</b>", (), front_matter="description: Titled by its heading\n"),
    Hostile("misspelt-key", "Body.", ('{file}:2: unknown front-matter key "titel" (did you mean "title"?); a page may set: title, description, date, hide, search, template, status',
                                      "{file}:1: " + NO_TITLE),
            front_matter="titel: Misspelt\n"),
    Hostile("unknown-key", "Body.", ('{file}:3: unknown front-matter key "author"; a page may set: title, description, date, hide, search, template, status',),
            front_matter=f"title: Hostile unknown-key\nauthor: \"\\\"><script>{RUN}</script>\"\n"),  # the theme prints author raw
    Hostile("missing-title", "Body.", ("{file}:1: " + NO_TITLE,), front_matter=""),
    # Written in English only, so also built (with a notice) in Arabic, where it links to the Arabic About page.
    Hostile("broken-anchor", "[About us](../about.md#no-such-part)", ("{file}:7: contains a link '../about.md#no-such-part', but the doc 'docs/en/about.md' does not contain an anchor '#no-such-part'.",
                                                                  "{file}:7: contains a link '../about.md#no-such-part', but the doc 'docs/ar/about.md' does not contain an anchor '#no-such-part'."), kept="About us"),
    Hostile("broken-anchor-same-page", "[Up](#nowhere)", ("{file}:7: contains a link '#nowhere', but there is no such anchor on this page.",), kept="Up"),
    Hostile("broken-link", "[Gone](missing-page.md)", ("{file}:7: contains a link 'missing-page.md', but the target 'docs/en/hostile/missing-page.md' is not found among documentation files.",), kept="Gone"),
    Hostile("unrecognized-link", "[A folder](somewhere/)", ("{file}:7: contains an unrecognized relative link 'somewhere/', it was left as is.",), kept="A folder"),
    # An absolute link breaks under /ar/ and on a site published in a sub-folder.
    Hostile("absolute-link", "[About](/about/)", ("{file}:7: contains an absolute link '/about/', it was left as is. Did you mean '../../about.md'?",), kept="About"),
    Hostile("shortcode-beside-payload", f'<!-- sawt:count status=deported --> deported. <img src="x" onerror="{RUN}">', ("{file}:7: " + handler("onerror", "img"),), kept="deported."),
)

#: What pages legitimately contain: it must pass without a message and keep its markup.
LEGIT = Hostile("legit-markup", """\
## A section { #own-id .own-class }

!!! note "A note"
    Inside *the* admonition.

??? warning "Folded"
    Inside the details.

| Left | Centre | Right |
| :--- | :---: | ---: |
| 1 | 2 | 3 |

<div class="grid" markdown>

**Bold** inside md_in_html, with a [link](https://example.org/ "A title"){ .md-button hreflang=ar }.

</div>

```python
print("code")
```

<details open><summary>Open details</summary><p lang="ar" dir="rtl">نص</p></details>

[Mail us](mailto:team@example.org) · [Up](#own-id) · <abbr title="Human rights">HR</abbr> · <time datetime="2025-11-03">3 November</time>
""", ())


#: Files that are not pages: refused by name, and never published.
FILES = {
    "docs/en/evil.js": f"{RUN};\n",
    "docs/en/page.html": f"<!doctype html><title>x</title><script>{RUN}</script>\n",
    "docs/en/image.svg": f'<svg xmlns="http://www.w3.org/2000/svg" onload="{RUN}"><script>{RUN}</script></svg>\n',
    "docs/ar/nested/vector.SVG": '<svg xmlns="http://www.w3.org/2000/svg"></svg>\n',
}


def file_message(path: str) -> str:
    relative = path.removeprefix("docs/")
    suffix = Path(path).suffix.lower()
    return (
        f"{path}: {suffix} files under docs/ are published as they are and can run script in the reader's browser, "
        f'so they are refused; put site code in overrides/, or, after review, list "{relative}" under '
        "extra: sawt: allowed_files: in mkdocs.yml"
    )


#: A case's hand-written story, placed inside the generated case page.
NARRATIVE_CASE = "saleh-al-samar"
NARRATIVE = f"---\ntitle: ignored\n---\n\nHis family's own words.\n\n<script>{RUN}</script>\n"
NARRATIVE_MESSAGES = (f"docs/en/cases/{NARRATIVE_CASE}.md:7: " + SCRIPT,)

#: A nav entry for a page that does not exist.
NAV_ENTRY = "  - Missing: hostile/not-written.md\n"


def nav_message(line: int) -> str:
    return (
        f"mkdocs.yml:{line}: the nav entry 'hostile/not-written.md' names a page that does not exist: there is no "
        "docs/<language>/hostile/not-written.md (nav paths are relative to each language's folder, e.g. docs/en/)"
    )


def plant(project: Path) -> int:
    """Write the corpus into a project copy; returns the line of the bad nav entry in mkdocs.yml."""
    for page in (*PAGES, LEGIT):
        path = project / page.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.source(), encoding="utf-8")
    for name, text in FILES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text, encoding="utf-8")
    (project / "docs" / "en" / "cases" / f"{NARRATIVE_CASE}.md").write_text(NARRATIVE, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = "  - Contribute: contribute.md\n"
    assert anchor in text
    config.write_text(text.replace(anchor, anchor + NAV_ENTRY), encoding="utf-8")
    return text[: text.index(anchor)].count("\n") + 2


def expected_messages(nav_line: int) -> list[str]:
    messages = [m for page in PAGES for m in page.messages()]
    messages += [file_message(path) for path in FILES]
    messages += list(NARRATIVE_MESSAGES)
    messages.append(nav_message(nav_line))
    return messages


@dataclass(frozen=True)
class HostileBuilds:
    project: Path
    nav_line: int
    strict: subprocess.CompletedProcess[str]
    lenient: subprocess.CompletedProcess[str]

    @property
    def site(self) -> Path:
        return self.project / "site-lenient"


@functools.lru_cache(maxsize=1)
def hostile_builds() -> HostileBuilds:
    """The corpus built twice, once per test process (build and browser tests share it)."""
    project = ARTIFACTS / "hostile-project"
    shutil.rmtree(project, ignore_errors=True)
    copy_project(project)
    nav_line = plant(project)
    strict = build_site(project, project / "site")
    lenient = build_site(project, project / "site-lenient", strict=False)
    return HostileBuilds(project, nav_line, strict, lenient)


def page_path(site: Path, page: Hostile) -> Path:
    return site / "hostile" / page.name / "index.html"
