"""Page sanitising, Sawt's trusted fragments, the CSP's script hashes, the _headers
policy and MkDocs' rewritten messages (the built-site corpus is tests/build/test_hostile_pages.py)."""

from __future__ import annotations

import logging
from pathlib import Path

from bs4 import BeautifulSoup

from sawt.engine import engine_messages
from sawt.outputs.headers import combined_policy, headers_file
from sawt.outputs.htmlpost import content_security_policy
from sawt.render.sanitise import TrustedFragments, content_problems, safe_front_matter, safe_page_html, sanitised_html


def test_a_fragment_alone_in_a_paragraph_replaces_the_paragraph():
    fragments = TrustedFragments()
    token = fragments.hold('<figure class="sawt-figure"><svg><text>12</text></svg></figure>')
    html, problems = safe_page_html(f"<p>{token}</p>\n<p>After.</p>", fragments, file="x.md", source=None)
    assert html == '<figure class="sawt-figure"><svg><text>12</text></svg></figure>\n<p>After.</p>'
    assert problems == []


def test_a_fragment_inline_is_put_back_in_place():
    fragments = TrustedFragments()
    token = fragments.hold('<bdi class="sawt-count">7</bdi>')
    html, _ = safe_page_html(f"<p>We count {token} cases.</p>", fragments, file="x.md", source=None)
    assert html == '<p>We count <bdi class="sawt-count">7</bdi> cases.</p>'


def test_a_fragment_moved_into_an_attribute_becomes_plain_text():
    # ![<!-- sawt:count -->](x.png): Markdown puts the token in alt="..."; HTML there would break out.
    fragments = TrustedFragments()
    token = fragments.hold('<bdi class="sawt-count" data-x="a b">7</bdi>')
    html, _ = safe_page_html(f'<p><img alt="{token} cases" src="x.png"> {token}</p>', fragments, file="x.md", source=None)
    image = BeautifulSoup(html, "html.parser").img
    assert image["alt"] == "7 cases" and list(image.attrs) == ["alt", "src"]
    assert html.endswith('<bdi class="sawt-count" data-x="a b">7</bdi></p>')


def test_a_token_from_another_build_is_left_as_text():
    mine, theirs = TrustedFragments(), TrustedFragments()
    forged = theirs.hold("<script>x()</script>")
    assert mine.restore(f"<p>{forged}</p>") == f"<p>{forged}</p>"


def test_sanitiser_removes_script_handlers_and_bad_schemes_and_keeps_the_rest():
    dirty = ('<p class="a" onclick="x()">Hi <a href="JaVa&#9;script:x()">l</a> <a href="#t">t</a></p>'
             '<script>x()</script><svg onload="x()"></svg><img src="data:image/png;base64,AA" alt="d">')
    clean = BeautifulSoup(sanitised_html(dirty), "html.parser")
    assert clean.find_all(["script", "svg"]) == []
    assert clean.p.attrs == {"class": ["a"]}
    assert [a.get("href") for a in clean.find_all("a")] == [None, "#t"]
    assert clean.img.get("src") is None and clean.img["alt"] == "d"


def test_each_problem_gets_the_line_it_was_written_on():
    source = "---\ntitle: onclick and <script> in the title\n---\n\nText.\n\n<script>a()</script>\n\n[x](#){ onclick=\"b()\" }\n<script>c()</script>\n"
    html = '<p>Text.</p><script>a()</script><p><a href="#" onclick="b()">x</a></p><script>c()</script>'
    problems = [str(p) for p in content_problems(html, file="docs/en/x.md", source=source)]
    assert problems == [
        "docs/en/x.md:7: <script> is not allowed in a page (pages cannot run scripts)",
        "docs/en/x.md:9: the event handler onclick= on <a> is not allowed (pages cannot run scripts)",
        "docs/en/x.md:10: <script> is not allowed in a page (pages cannot run scripts)",
    ]


def test_front_matter_keeps_known_keys_and_escapes_text():
    meta = {"title": '</title><script>x()</script>', "description": '"><b>', "author": "x", "date": "2025-01-01"}
    safe_front_matter(meta)
    assert meta == {"title": "&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;", "description": "&quot;&gt;&lt;b&gt;", "date": "2025-01-01"}


PAGE = ('<html><head><meta charset="utf-8"><script>theme()</script></head><body>'
        '<article class="md-content__inner md-typeset"><script>content()</script></article>'
        '<script>theme_end()</script></body></html>')


def test_the_policy_hashes_the_theme_scripts_but_not_the_content_ones():
    policy = content_security_policy(PAGE)
    assert policy.count("'sha256-") == 2
    assert content_security_policy(PAGE.replace("<script>content()</script>", "")) == policy


def test_the_header_policy_allows_every_page_and_forbids_framing():
    one = "default-src 'self'; script-src 'self' 'sha256-b'; object-src 'none'"
    two = "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; object-src 'none'"
    policy = combined_policy([one, two])
    assert policy == "default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; object-src 'none'; frame-ancestors 'none'"
    text = headers_file(policy)
    assert text.splitlines()[1:] == ["/*", f"  Content-Security-Policy: {policy}", "  X-Content-Type-Options: nosniff",
                                     "  Referrer-Policy: no-referrer", "  X-Frame-Options: DENY"]


def test_mkdocs_link_and_nav_warnings_name_the_file_and_line(tmp_path: Path):
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "x.md").write_text("---\ntitle: X\n---\n\nSee [there](gone.md).\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("nav:\n  - Home: index.md\n  - Lost: lost.md\n", encoding="utf-8")
    rewrite = engine_messages.EngineMessages(tmp_path / "docs", tmp_path / "mkdocs.yml").rewrite
    assert rewrite("Doc file 'en/x.md' contains a link 'gone.md', but the target 'en/gone.md' is not found among documentation files.") == (
        "docs/en/x.md:5: contains a link 'gone.md', but the target 'docs/en/gone.md' is not found among documentation files.")
    # A page borrowed by the Arabic build is reported where it is written.
    assert rewrite("Doc file 'ar/x.md' contains a link 'gone.md', but the target 'ar/gone.md' is not found among documentation files.").startswith("docs/en/x.md:5: ")
    assert rewrite("A reference to 'lost.md' is included in the 'nav' configuration, which is not found in the documentation files.").startswith(
        "mkdocs.yml:3: the nav entry 'lost.md' names a page that does not exist")
    assert rewrite("Documentation built in 1 s") is None


def test_the_filter_drops_a_repeated_message(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    messages = engine_messages.EngineMessages(tmp_path / "docs", tmp_path / "mkdocs.yml")
    record = lambda: logging.LogRecord("mkdocs.structure.pages", logging.WARNING, "", 0,  # noqa: E731
                                       "Doc file 'en/x.md' contains a link 'a.md', but the target 'en/a.md' is not found among documentation files.", (), None)
    first, second = record(), record()
    assert messages.filter(first) and first.getMessage().startswith("docs/en/x.md: ")
    assert not messages.filter(second)


def test_an_image_from_another_site_is_removed():
    clean = BeautifulSoup(sanitised_html('<img src="https://tracker.example/p.png" alt="t"><img src="//x.example/p.png"><img src="../p.png">'), "html.parser")
    assert [img.get("src") for img in clean.find_all("img")] == [None, None, "../p.png"]


def test_active_files_under_docs_are_refused_unless_listed(tmp_path: Path):
    from sawt.render.sanitise import is_refused, refused_files

    docs = tmp_path / "docs"
    (docs / "en" / "img").mkdir(parents=True)
    for name in ("en/widget.js", "en/img/chart.SVG", "en/page.md", "en/img/photo.png"):
        (docs / name).write_text("x", encoding="utf-8")
    assert [p.file for p in refused_files(docs, [])] == ["docs/en/img/chart.SVG", "docs/en/widget.js"]
    assert [p.file for p in refused_files(docs, ["en/widget.js"])] == ["docs/en/img/chart.SVG"]
    assert not is_refused(tmp_path / "overrides" / "x.js", docs, [])  # the theme's files are not content
