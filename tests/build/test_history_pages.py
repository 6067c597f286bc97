"""Each case page's "History of this record", built for real from a git repository: the entries a
reader sees in both languages, what never reaches site/ (commit messages, authors, private notes,
what changed while a case was unpublished), and a shallow clone's pages, which say the history
is not available instead of telling a wrong one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build.projects import build, copy_project, output_files, readable_bytes
from tests.build.site_html import soup
from tests.history_repo import AUTHOR_EMAIL, AUTHOR_NAME, COMMIT_MESSAGE, EXPECTED, PRIVATE_NOTE, SLUG, commit_history, git, start_repo

pytestmark = pytest.mark.build

FIRST_DAY = "2026-01-01"  # the day the fixture commits the sample's archive


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("history"))
    (project / ".gitignore").write_text("site/\n.cache/\nsawt\n", encoding="utf-8")
    start_repo(project, FIRST_DAY)
    commit_history(project, project / "data")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    (project / "build.log").write_text(result.stderr, encoding="utf-8")
    return project


def history_section(page: Path) -> tuple[str, list[tuple[str, str]]]:
    """The section's heading and its entries as (the <time>'s datetime, the entry's text), in page order."""
    html = soup(page)
    heading = html.find("h2", id="history")
    assert heading is not None, f"{page}: no history section"
    entries = [(item.find("time")["datetime"], " ".join(item.get_text(" ").split()))
               for item in html.select(".sawt-history__list > li")]
    return heading.get_text().rstrip("#").strip(), entries


def test_the_case_page_lists_what_changed_newest_first_in_both_languages(project: Path):
    site = project / "site"
    heading, entries = history_section(site / "cases" / SLUG / "index.html")
    assert heading == "History of this record"
    assert [day for day, _ in entries] == [day for day, _, _ in EXPECTED]
    assert entries[0][1] == "1 March 2026 Changed: timeline (events added)"
    assert entries[1][1] == ("15 February 2026 Changed: status, corrections "
                             "Correction note: He was released, not transferred.")
    assert entries[2][1] == "10 January 2026 First published"

    heading, entries = history_section(site / "ar" / "cases" / SLUG / "index.html")
    assert heading == "سجلّ التعديلات على هذا الملف"
    assert [day for day, _ in entries] == [day for day, _, _ in EXPECTED]
    assert entries[0][1] == "1 آذار 2026 عُدِّل: التسلسل الزمني (أحداث مضافة)"
    assert entries[1][1] == "15 شباط 2026 عُدِّل: الحالة، التصحيحات ملاحظة التصحيح: أُفرج عنه ولم يُنقل."
    assert entries[2][1] == "10 كانون الثاني 2026 نُشر أول مرة"


def test_the_sample_cases_were_first_published_on_the_day_they_were_committed(project: Path):
    for lang_dir, first in (("", "1 January 2026 First published"), ("ar/", "1 كانون الثاني 2026 نُشر أول مرة")):
        _, entries = history_section(project / "site" / f"{lang_dir}cases" / "saleh-al-samar" / "index.html")
        assert entries == [(FIRST_DAY, first)]


def test_the_text_only_page_carries_the_history_too(project: Path):
    text = (project / "site" / "cases" / SLUG / "text.html").read_text(encoding="utf-8")
    assert 'id="history"' in text and 'datetime="2026-01-10"' in text


def test_no_commit_message_author_or_private_note_reaches_any_output(project: Path):
    site = project / "site"
    for sentinel in (COMMIT_MESSAGE.split()[0], AUTHOR_NAME.split()[0], AUTHOR_EMAIL, PRIVATE_NOTE, "Umm Khaled"):
        leaks = [p.relative_to(site).as_posix() for p in output_files(site) if sentinel.encode() in readable_bytes(p)]
        assert leaks == [], sentinel


def test_nothing_from_before_publication_is_dated_on_the_page(project: Path):
    page = (project / "site" / "cases" / SLUG / "index.html").read_text(encoding="utf-8")
    for unpublished_day in ("2026-01-05", "2026-01-08", "2026-02-01"):  # drafts, and the private-only change
        assert unpublished_day not in page


def test_a_shallow_clone_says_the_history_is_not_available(project: Path, tmp_path: Path):
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{project}", str(shallow))
    (shallow / "sawt").symlink_to((project / "sawt").resolve())
    assert_not_available(shallow, SLUG, "shallow clone")


def test_a_copy_without_git_says_the_history_is_not_available(tmp_path: Path):
    assert_not_available(copy_project(tmp_path / "tarball"), "saleh-al-samar", "not in a git repository")


def assert_not_available(project: Path, slug: str, reason: str) -> None:
    """The build passes (strict), prints one line saying why, and the case's pages in both
    languages say the history is not available, with no entry and no date of a change."""
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = [line for line in (result.stdout + result.stderr).splitlines()
                if "history of the records is not available" in line]
    assert len(warnings) == 1 and reason in warnings[0], warnings
    for page, said in ((project / "site" / "cases" / slug / "index.html", "not available in this build"),
                       (project / "site" / "ar" / "cases" / slug / "index.html", "غير متاح في هذه النسخة")):
        html = soup(page)
        assert html.find("h2", id="history") is not None
        assert said in html.select_one(".sawt-history").get_text()
        assert html.select(".sawt-history__list li") == [] and html.select(".sawt-history time") == []
