"""The theme's stylesheet without the components Sawt never renders.

Material's main.css (137 KB, 23 KB gzipped) styles every feature of the theme and of
pymdown-extensions: its own search, the repository widget, versions, cookie consent,
code annotations and copy buttons, tabs, task lists, Mermaid, the blog, tags, tooltips,
emoji, footnotes... Sawt enables none of them (its search is its own), so every page
downloaded and parsed rules that match nothing, and Lighthouse counted them as unused,
render-blocking CSS. In the built site's copy, a selector that names one of UNUSED is
dropped, and a rule left with no selector goes with it; everything else is kept as it is.

A component enabled later must come off UNUSED (or its styles will be missing): each entry
says what would bring it back.
"""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

STYLESHEET_GLOB = "assets/stylesheets/main.*.min.css"

#: Class-name fragments of the components Sawt does not use, with what would enable each.
UNUSED = {
    "md-search": "the theme's search plugin (Sawt's search is overrides/assets/js/sawt-search.js)",
    "md-source": "repo_url in mkdocs.yml",
    "md-version": "a versioning tool (mike)",
    "md-consent": "extra.consent",
    "md-annotation": "content.code.annotate",
    "md-clipboard": "content.code.copy",
    "md-code__": "content.code.copy / content.code.select",
    "md-tooltip": "content.tooltips",
    "md-banner": "an announce block",
    "md-social": "extra.social",
    "md-select": "the theme's language or version selector (Sawt's switcher is overrides/partials/alternate.html)",
    "md-progress": "navigation.instant.progress",
    "md-post": "the blog plugin",
    "md-profile": "the blog plugin",
    "md-tag": "the tags plugin",
    "md-feedback": "extra.analytics.feedback",
    "tabbed-": "pymdownx.tabbed",
    "task-list": "pymdownx.tasklist",
    "mermaid": "Mermaid diagrams in pymdownx.superfences",
    "critic": "pymdownx.critic",
    "arithmatex": "pymdownx.arithmatex",
    "twemoji": "pymdownx.emoji",
    "emojione": "pymdownx.emoji",
    "gemoji": "pymdownx.emoji",
    "footnote": "footnotes",
    "linenos": "line numbers in pymdownx.highlight",
    "keys": "pymdownx.keys",
}
#: A class that starts with one of UNUSED (".md-search__input", ".footnote-ref", ".keys").
_UNUSED = re.compile(r"\.(?:" + "|".join(re.escape(name) for name in UNUSED) + r")[\w-]*")


class ThemeCssError(Exception):
    pass


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(...) or [...])."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return [part.strip() for part in parts if part.strip()]


_PARENTHESES = re.compile(r"\([^()]*\)")


def _unused(selector: str) -> bool:
    """True if the selector can only match an unused component: one of its compound parts
    (outside :is(), :where(), :not(), which may offer alternatives or negate) names one."""
    outside = selector
    while "(" in outside:
        stripped = _PARENTHESES.sub("", outside)
        if stripped == outside:
            break
        outside = stripped
    return bool(_UNUSED.search(outside))


def _rules(nodes) -> str:
    out = []
    for node in nodes:
        if node.type == "qualified-rule":
            kept = [s for s in _selectors(tinycss2.serialize(node.prelude)) if not _unused(s)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(node.content) + "}")
        elif node.type == "at-rule" and node.content is not None and node.lower_at_keyword in ("media", "supports", "layer", "container"):
            inner = _rules(tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True))
            if inner:
                out.append(f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}{{{inner}}}")
        elif node.type in ("at-rule", "qualified-rule"):
            out.append(node.serialize())
        elif node.type == "error":
            raise ThemeCssError(f"the theme's stylesheet does not parse: {node.message}")
    return "".join(out)


def without_unused_components(css: str) -> str:
    return _rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def trim_theme_stylesheet(site_dir: Path) -> None:
    sheets = sorted(site_dir.glob(STYLESHEET_GLOB))
    if len(sheets) != 1:
        raise ThemeCssError(f"expected one theme stylesheet ({STYLESHEET_GLOB}) in the built site, found {len(sheets)}")
    sheets[0].write_text(without_unused_components(sheets[0].read_text(encoding="utf-8")), encoding="utf-8")
