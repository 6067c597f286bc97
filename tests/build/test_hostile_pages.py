"""Hostile pages and files (tests/build/hostile_pages.py): a strict build refuses each
with its exact message; a non-strict build publishes each without its payload."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from tests.build.hostile_pages import (
    FILES, LEGIT, NARRATIVE_CASE, PAGES, RUN, Hostile, expected_messages, hostile_builds, page_path,
)
from tests.build.site_html import soup

pytestmark = pytest.mark.build

_RECORD = re.compile(r"^(DEBUG|INFO|WARNING|ERROR) +- +", re.MULTILINE)
ACTIVE_TAGS = ("script", "iframe", "frame", "object", "embed", "svg", "math", "form", "button", "style", "meta", "base", "link")
BAD_SCHEMES = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)


def warnings(log: str) -> list[str]:
    """Every WARNING record of a build log, with its continuation lines."""
    records = []
    starts = list(_RECORD.finditer(log))
    for match, following in zip(starts, starts[1:] + [None]):
        if match.group(1) != "WARNING":
            continue
        text = log[match.end() : following.start() if following else len(log)].rstrip("\n")
        records.append("\n".join(line for line in text.split("\n") if not line.startswith("Aborted with")))
    return records


@pytest.fixture(scope="module")
def builds():
    return hostile_builds()


def test_the_strict_build_fails(builds):
    assert builds.strict.returncode != 0
    assert "Traceback" not in builds.strict.stderr + builds.strict.stdout


def test_the_strict_build_gives_each_problem_once_with_its_exact_message(builds):
    got = warnings(builds.strict.stdout + builds.strict.stderr)
    expected = expected_messages(builds.nav_line)
    assert sorted(set(got)) == sorted(got), "a message was given twice"
    missing = sorted(set(expected) - set(got))
    unexpected = sorted(set(got) - set(expected))
    assert (missing, unexpected) == ([], [])


def test_the_strict_build_leaves_nothing_to_publish(builds):
    site = builds.project / "site"
    assert not site.exists() or not any(site.iterdir())


def test_the_lenient_build_gives_the_same_messages_and_publishes(builds):
    assert builds.lenient.returncode == 0, builds.lenient.stderr[-3000:]
    assert sorted(set(warnings(builds.lenient.stdout + builds.lenient.stderr))) == sorted(set(expected_messages(builds.nav_line)))


def _content(page_soup):
    return page_soup.select_one("article.md-content__inner")


def assert_inert(path: Path) -> None:
    """No element, attribute or address on the page that could run script, other
    than the theme's own scripts (outside the content, and listed in the policy)
    and Sawt's share block (its buttons and QR code)."""
    document = soup(path)
    content = _content(document)
    assert content is not None
    active = [tag.name for tag in content.find_all(ACTIVE_TAGS) if tag.find_parent(class_="sawt-share") is None]
    assert active == []
    handlers = [(tag.name, name) for tag in document.find_all(True) for name in tag.attrs if name.lower().startswith("on")]
    assert handlers == []
    addresses = [
        (tag.name, name, tag[name]) for tag in document.find_all(True)
        for name in ("href", "src", "action", "formaction", "data", "srcdoc", "xlink:href")
        if tag.has_attr(name) and (name == "srcdoc" or BAD_SCHEMES.match(tag[name]))
    ]
    assert addresses == []
    policy = document.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    allowed = set(re.findall(r"'(sha256-[^']+)'", policy))
    inline = [s for s in document.find_all("script") if not s.has_attr("src")]
    hashes = {"sha256-" + base64.b64encode(hashlib.sha256(s.string.encode()).digest()).decode() for s in inline if s.string}
    assert allowed == hashes, "the policy must allow exactly the theme's inline scripts"
    assert all(s.find_parent("article") is None for s in document.find_all("script"))
    assert "__pwned" not in " ".join(s.string or "" for s in document.find_all("script"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_each_hostile_page_is_published_without_its_payload(builds, page: Hostile):
    for path in (page_path(builds.site, page), page_path(builds.site / "ar", page)):  # and its Arabic copy
        assert path.exists(), path
        assert_inert(path)
        # The text as read: inline elements (an Arabic page's <bdi> around Latin runs) add no space.
        text = " ".join(_content(soup(path)).get_text().split())
        assert f"Safe text {page.name}." in text
        if page.kept:
            assert page.kept in text


def test_front_matter_is_shown_as_text_never_as_markup(builds):
    title = soup(builds.site / "hostile" / "title-breakout" / "index.html")
    assert title.title.get_text() == f"</title><script>{RUN}</script> - Sawt"
    assert title.select_one("article h1").get_text() == f"</title><script>{RUN}</script>"
    description = soup(builds.site / "hostile" / "description-breakout" / "index.html")
    assert description.find("meta", attrs={"name": "description"})["content"] == f'"><script>{RUN}</script>'
    assert description.find("meta", attrs={"property": "og:description"})["content"] == f'"><script>{RUN}</script>'


def test_a_heading_title_is_shown_as_text(builds):
    document = soup(builds.site / "hostile" / "heading-title-breakout" / "index.html")
    assert document.title.get_text() == "</title><script>window.__pwned=1</script> bold - Sawt"


def test_legitimate_markup_passes_untouched(builds):
    document = soup(page_path(builds.site, LEGIT))
    content = _content(document)
    assert content.select_one("h2#own-id.own-class a.headerlink[href='#own-id']") is not None
    assert content.select_one("div.admonition.note p.admonition-title").get_text() == "A note"
    assert content.select_one("details.warning summary").get_text() == "Folded"
    alignments = [re.sub(r"[\s;]", "", td.get("style", "")) for td in content.select("table tbody td")]
    assert alignments == ["text-align:left", "text-align:center", "text-align:right"]
    link = content.select_one("div.grid a.md-button")
    assert (link["href"], link["title"], link["hreflang"]) == ("https://example.org/", "A title", "ar")
    assert content.select_one("pre code").get_text().strip() == 'print("code")'
    assert content.select_one("details[open] p[lang=ar][dir=rtl]").get_text() == "نص"
    assert content.select_one("a[href='mailto:team@example.org']") is not None
    assert content.select_one("abbr[title='Human rights']") is not None
    assert content.select_one("time[datetime='2025-11-03']") is not None


def test_sawt_fragments_survive_next_to_a_payload(builds):
    content = _content(soup(builds.site / "hostile" / "shortcode-beside-payload" / "index.html"))
    count = content.select_one("bdi.sawt-count")
    assert count is not None and count.get_text().isdigit()
    assert "sawtfragment" not in content.decode()


def test_a_case_story_is_sanitised_and_the_generated_page_kept(builds):
    path = builds.site / "cases" / NARRATIVE_CASE / "index.html"
    assert_inert(path)
    content = _content(soup(path))
    assert "His family's own words." in content.get_text()
    assert content.select_one("#timeline") is not None and content.select_one("#sources") is not None
    assert content.find("ol") is not None  # the generated events list
    # The share block (added after sanitising) keeps its QR code, the one inline SVG.
    assert content.select("svg") and "sawtfragment" not in content.decode()


@pytest.mark.parametrize("name", sorted(FILES))
def test_refused_files_are_not_published(builds, name: str):
    relative = name.removeprefix("docs/")
    published = relative.removeprefix("en/")  # English is built at the root
    assert not (builds.site / published).exists()
    assert not (builds.site / relative).exists()


def test_headers_file_carries_the_policy_for_static_hosts(builds):
    text = (builds.site / "_headers").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "/*" in lines
    policy = next(line.split(":", 1)[1].strip() for line in lines if line.strip().startswith("Content-Security-Policy:"))
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy and "object-src 'none'" in policy
    assert "  X-Content-Type-Options: nosniff" in lines and "  Referrer-Policy: no-referrer" in lines
    # Every page's theme scripts are allowed by the header too (browsers apply both policies):
    # the header is made from the policies collected as pages are finished, so this reads
    # back every page written, engine-built or filled into a frame, to prove none was missed.
    header_hashes = set(re.findall(r"'(sha256-[^']+)'", policy))
    pages = sorted(builds.site.rglob("*.html"))
    assert builds.site / "ar" / "cases" / NARRATIVE_CASE / "index.html" in pages and builds.site / "404.html" in pages
    for page in pages:
        meta = soup(page).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, page
        assert set(re.findall(r"'(sha256-[^']+)'", meta["content"])) <= header_hashes, page
