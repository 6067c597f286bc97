"""Heading ids and table-of-contents labels from what the reader sees.

A shortcode's output reaches Markdown as a token (sawt.render.sanitise.TrustedFragments),
and is put back only after the page is rendered. Markdown's `toc` extension makes a
heading's id and its label in the table of contents before that, from the heading's text,
so "# <!-- sawt:count --> people" got the id "sawtfragment3f…n0-people", different on
every build, and the token as its label. This treeprocessor runs just before `toc` and
gives every heading with a token the id and label `toc` would have made from the
fragments' text ("6-people"). A heading's explicit `{ #id }` is kept.
"""

from __future__ import annotations

import html as html_lib
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.toc import strip_tags, unique
from markdown.treeprocessors import Treeprocessor

from sawt.render.sanitise import TrustedFragments

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _HeadingIds(Treeprocessor):
    def __init__(self, md: Markdown, fragments: TrustedFragments) -> None:
        super().__init__(md)
        self.fragments = fragments

    def run(self, root: etree.Element) -> None:
        toc = self.md.treeprocessors["toc"] if "toc" in self.md.treeprocessors else None
        if toc is None:
            return
        used = {el.attrib["id"] for el in root.iter() if "id" in el.attrib}
        for heading in root.iter():
            if heading.tag not in _HEADINGS:
                continue
            text = "".join(heading.itertext())
            if "sawtfragment" not in text:
                continue
            seen = html_lib.unescape(strip_tags(self.fragments.plain_text(text))).strip()
            if "id" not in heading.attrib:
                heading.attrib["id"] = unique(toc.slugify(seen, toc.sep), used)
            heading.attrib.setdefault("data-toc-label", html_lib.escape(seen))


class HeadingIds(Extension):
    """`HeadingIds(fragments)` in a Markdown instance's extensions (hooks add it to MkDocs')."""

    def __init__(self, fragments: TrustedFragments) -> None:
        super().__init__()
        self.fragments = fragments

    def extendMarkdown(self, md: Markdown) -> None:
        # attr_list (priority 8) has set explicit ids by then; toc runs at 5.
        md.treeprocessors.register(_HeadingIds(md, self.fragments), "sawt_heading_ids", 6)
