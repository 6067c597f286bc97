"""`python -m sawt translations`: what is missing or outdated in one language, with what to do."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from sawt.__main__ import main
from sawt.volunteer import translations
from sawt.volunteer.translations import translation_report

from tests.unit.test_load_fixtures import MINIMAL_CASE, write_archive

ROOT = Path(__file__).resolve().parents[2]

MKDOCS_YML = """\
site_url: !ENV [SAWT_SITE_URL]
markdown_extensions:
  - toc:
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds: {case: lower}
nav:
  - Home: index.md
  - About: about.md
  - Appeals:
      - appeals/index.md
      - appeals/free-them.md
not_in_nav: |
  **/cases/*.md
"""


def _git(repo: Path, *args: str, day: str = "2026-01-01") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00Z", "GIT_COMMITTER_DATE": f"{day}T12:00:00Z"}
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True, env=env)


def _write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _commit(repo: Path, files: dict[str, str], day: str) -> None:
    _write(repo, files)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", f"changes of {day}", day=day)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    write_archive(repo, cases={
        "copied": MINIMAL_CASE.replace('ar: "شخص تجريبي"', 'ar: "Test Person"'),
        "latin": MINIMAL_CASE + "events:\n  - date: 2020\n    type: arrested\n"
                                "    text: {en: \"Arrested.\", ar: \"Arrested again.\"}\n"
                                "private:\n  note: {en: \"same\", ar: \"same\"}\n",
        "fine": MINIMAL_CASE,
    })
    _commit(repo, {
        "mkdocs.yml": MKDOCS_YML,
        "docs/en/index.md": "# Home\n", "docs/ar/index.md": "# الرئيسية\n",
        "docs/en/about.md": "# About\n", "docs/ar/about.md": "# من نحن\n",
        "docs/en/appeals/index.md": "# Appeals\n", "docs/ar/appeals/index.md": "# المناشدات\n",
        "docs/en/appeals/free-them.md": "# Free them\n",  # English only, in the menu
        "docs/ar/statement.md": "# بيان\n",  # Arabic only, in no menu
        "docs/ar/cases/fine.md": "# قصة\n",  # Arabic only, left out of the menu on purpose
    }, day="2026-01-01")
    _commit(repo, {"docs/en/about.md": "# About us\n"}, day="2026-02-03")  # English changed later
    _write(repo, {"docs/ar/index.md": "# الصفحة الرئيسية\n"})  # Arabic changed, not committed yet
    return repo


EXPECTED = """\
Translation status: 7 to do, 1 warning

Missing in one language
  docs/en/appeals/free-them.md: appeal in English only: write docs/ar/appeals/free-them.md (until then the Arabic page shows the English text with a notice)
  docs/ar/cases/fine.md: case story in Arabic only: write docs/en/cases/fine.md (until then the English page shows the Arabic text with a notice)
  docs/ar/statement.md: page in Arabic only: write docs/en/statement.md (until then the English page shows the Arabic text with a notice)

Outdated translations
  docs/ar/about.md: docs/en/about.md changed later (2026-02-03; this file 2026-01-01): bring the Arabic up to date with it
  docs/en/index.md: docs/ar/index.md changed later ({today}; this file 2026-01-01): bring the English up to date with it

Texts not translated
  data/cases/copied.yml:1: name.ar is a copy of name.en: translate it into Arabic
  data/cases/latin.yml:7: events[1].text.ar has no Arabic letters: translate it into Arabic

Warnings
  docs/ar/statement.md: in Arabic only and in no menu, so readers cannot find it: add statement.md to nav: in mkdocs.yml, or link to it from another page"""


def test_report_lists_each_problem_with_what_to_do(repo: Path) -> None:
    from datetime import datetime, timezone

    today = datetime.now(timezone.utc).date().isoformat()
    assert translation_report(repo).text() == EXPECTED.format(today=today)


def test_one_git_log_for_any_number_of_pages(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _commit(repo, {f"docs/{lang}/news/item-{n}.md": f"# {n}\n" for n in range(40) for lang in ("en", "ar")},
            day="2026-03-01")
    calls: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(args, *rest, **kwargs):
        calls.append(list(args))
        return real_run(args, *rest, **kwargs)

    monkeypatch.setattr(translations.subprocess, "run", counting_run)
    report = translation_report(repo)
    assert not [e for e in report.entries if "news/item-" in e.path]  # twins committed together: up to date
    assert sum("log" in call for call in calls) == 1
    assert len(calls) <= 3  # log, status, and whether the history is shallow


def test_a_shallow_or_missing_history_is_said_not_hidden(tmp_path: Path) -> None:
    _write(tmp_path, {"docs/en/about.md": "# About\n", "docs/ar/about.md": "# من نحن\n"})
    report = translation_report(tmp_path)
    assert report.entries == []
    assert report.notes == ["not a git repository (or git is missing): outdated translations were not checked"]
    assert report.text().endswith("Note: not a git repository (or git is missing): outdated translations were not checked")


def test_placeholders_of_new_case_and_new_page_are_listed(repo: Path) -> None:
    assert main(["new-case", "new-person", "--root", str(repo)]) == 0
    assert main(["new-page", "visit", "--root", str(repo)]) == 0
    todo = [str(e) for e in translation_report(repo).entries]
    assert "data/cases/new-person.yml:24: name is still the placeholder from make new-case: write it in English " \
           "and Arabic" in todo
    assert any(t.startswith('docs/ar/visit.md:8: still says "اكتب نص الصفحة هنا." from make new-page') for t in todo)


def test_github_summary_and_warnings(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    summary = repo.parent / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["translations", "--root", str(repo)]) == 0  # a to-do list, not a gate
    out = capsys.readouterr().out.splitlines()
    assert "::warning file=data/cases/copied.yml,line=1,title=translation%3A case text::name.ar is a copy of " \
           "name.en: translate it into Arabic" in out
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### Translation status: 7 to do, 1 warning\n")
    assert "| `docs/ar/about.md` | docs/en/about.md changed later (2026-02-03; this file 2026-01-01): " in text


def test_the_sample_site_report_names_real_files() -> None:
    report = translation_report(ROOT)
    for entry in report.entries:
        assert (ROOT / entry.path).is_file(), entry
