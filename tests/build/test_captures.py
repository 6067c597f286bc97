"""Source copies on the site: published only for a source someone marked `publish_copy: true`
(a copy is a whole document and may name people the archive must not), and then as Sawt's own
page with every captured character escaped: no captured markup reaches site/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build.projects import build, copy_project
from tests.build.site_html import soup

pytestmark = pytest.mark.build

SOURCE = "snhr-2023-al-samar"
PAYLOAD = "<script>window.__captured = 1</script><img src=x onerror=alert(1)>"


def _published(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and
                  (p.relative_to(site).parts[:1] == ("sources",) or "sources" in p.relative_to(site).parts[:2]
                   or p.relative_to(site).parts[:1] == ("archive",)))


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    """The sample as it is, and with one source's copy marked for publication (a script planted in it)."""
    plain = copy_project(tmp_path_factory.mktemp("unreviewed"))
    assert build(plain).returncode == 0
    reviewed = copy_project(tmp_path_factory.mktemp("reviewed"))
    sources = reviewed / "data" / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    assert f"- id: {SOURCE}\n" in text
    sources.write_text(text.replace(f"- id: {SOURCE}\n", f"- id: {SOURCE}\n  publish_copy: true\n", 1), encoding="utf-8")
    copy = next((reviewed / "archive" / SOURCE).glob("*.txt"))
    copy.write_text(PAYLOAD + "\n" + copy.read_text(encoding="utf-8"), encoding="utf-8")
    result = build(reviewed)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    return plain / "site", reviewed / "site"


def test_an_unreviewed_copy_is_not_published_but_its_hash_is_shown(builds):
    plain, _ = builds
    assert _published(plain) == []
    line = soup(plain / "cases" / "saleh-al-samar" / "index.html").select_one(".sawt-capture")
    assert line is not None and "SHA-256" in line.get_text()
    assert line.find("a") is None  # no download, no text view


def test_a_reviewed_copy_is_published_as_escaped_text_in_both_languages(builds):
    _, reviewed = builds
    for prefix in ("", "ar/"):
        view = reviewed / prefix / "sources" / SOURCE / "text.html"
        assert view.exists(), view
        document = soup(view)
        assert PAYLOAD in document.select_one("pre.sawt-capture-text").get_text()
        assert not [s for s in document.find_all("script") if "__captured" in (s.string or "")]
        assert document.find("img") is None
        raw = view.read_text(encoding="utf-8")
        assert "<script>window.__captured" not in raw and "&lt;script&gt;window.__captured" in raw
    link = soup(reviewed / "cases" / "saleh-al-samar" / "index.html").select_one(".sawt-capture a[href$='text.html']")
    assert link is not None
