"""A heading that holds a shortcode's output gets its id and its table-of-contents label
from the text the reader sees, never from the per-build token that stands in for it."""

from __future__ import annotations

import markdown
from pymdownx.slugs import slugify

from sawt.render.heading_ids import HeadingIds
from sawt.render.sanitise import TrustedFragments


def _render(text: str, fragments: TrustedFragments) -> markdown.Markdown:
    md = markdown.Markdown(extensions=["attr_list", "toc", HeadingIds(fragments)],
                           extension_configs={"toc": {"slugify": slugify(case="lower")}})
    md.html = md.convert(text)
    return md


def test_heading_id_and_label_come_from_the_fragment_text():
    fragments = TrustedFragments()
    count = fragments.hold('<span class="sawt-count">6</span>')
    md = _render(f"# {count} people documented\n\n## Also\n", fragments)
    assert '<h1 id="6-people-documented">' in md.html
    assert md.toc_tokens[0]["id"] == "6-people-documented"
    assert md.toc_tokens[0]["name"] == "6 people documented"
    assert "sawtfragment" not in md.toc and "sawtfragment" not in md.toc_tokens[0]["id"]


def test_an_explicit_id_is_kept_and_ids_stay_unique():
    fragments = TrustedFragments()
    md = _render(f"# {fragments.hold('6')} cases {{ #at-stake }}\n\n# 6 cases\n\n# {fragments.hold('6')} cases\n", fragments)
    ids = [t["id"] for t in md.toc_tokens]
    assert ids[0] == "at-stake" and sorted(ids[1:]) == ["6-cases", "6-cases_1"]
