"""`python -m sawt check` under GitHub Actions: an annotation per problem on its file and line,
the plain list still printed, a non-zero exit, and a Markdown step summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from sawt.__main__ import main
from sawt.data.errors import Problem
from sawt.volunteer.annotations import escape_data, escape_property, problem_annotation, workflow_command

from .test_load_fixtures import MINIMAL_CASE, TODAY, write_archive

ROOT = Path(__file__).resolve().parents[2]

BAD_CASES = {
    "typo": MINIMAL_CASE.replace("detained", "deportd"),
    "half": MINIMAL_CASE + "stauts: x\nask: {en: \"Release him\"}\n",
    "future": MINIMAL_CASE + "events:\n  - date: 2030-01-01\n    type: arrested\n    text: {en: \"x\", ar: \"ع\"}\n",
    "Bad,Name": MINIMAL_CASE,
    "percent": MINIMAL_CASE.replace("detained", '"100%\\nsure"'),
}

PLAIN = [
    'data/cases/Bad,Name.yml: file name "Bad,Name" is not a valid slug: use lowercase Latin letters, digits '
    "and single hyphens, e.g. bad-name.yml",
    "data/cases/future.yml:5: events[1].date 2030-01-01 is in the future (today is 2025-01-15); check the year",
    "data/cases/half.yml:4: stauts is not a known field; did you mean status?",
    'data/cases/half.yml:5: ask is missing its Arabic text; add ar: "..." under ask',
    'data/cases/percent.yml:2: status "100%\\nsure" is not one of at-risk, detained, disappeared, deported, '
    "released, died-in-custody",
    'data/cases/typo.yml:2: status "deportd" is not one of at-risk, detained, disappeared, deported, released, '
    'died-in-custody (did you mean "deported"?)',
    "6 problems in 5 files",
]

ANNOTATIONS = [
    '::error file=data/cases/Bad%2CName.yml,title=sawt check::file name "Bad,Name" is not a valid slug: use '
    "lowercase Latin letters, digits and single hyphens, e.g. bad-name.yml",
    "::error file=data/cases/future.yml,line=5,title=sawt check%3A events[1].date::events[1].date 2030-01-01 is "
    "in the future (today is 2025-01-15); check the year",
    "::error file=data/cases/half.yml,line=4,title=sawt check%3A stauts::stauts is not a known field; did you "
    "mean status?",
    '::error file=data/cases/half.yml,line=5,title=sawt check%3A ask::ask is missing its Arabic text; add ar: '
    '"..." under ask',
    '::error file=data/cases/percent.yml,line=2,title=sawt check%3A status::status "100%25\\nsure" is not one of '
    "at-risk, detained, disappeared, deported, released, died-in-custody",
    '::error file=data/cases/typo.yml,line=2,title=sawt check%3A status::status "deportd" is not one of at-risk, '
    'detained, disappeared, deported, released, died-in-custody (did you mean "deported"?)',
]


def test_annotations_follow_the_plain_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    data = write_archive(tmp_path, cases=BAD_CASES)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "--data", str(data), "--today", TODAY.isoformat()]) == 1
    assert capsys.readouterr().out.splitlines() == PLAIN + ANNOTATIONS
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### ❌ Data check: 6 problems in 5 files\n")
    assert "| `data/cases/half.yml` | 4 | stauts is not a known field; did you mean status? |" in text
    # A file-level problem has no line; the table keeps its three columns.
    assert "| `data/cases/Bad,Name.yml` |  | file name" in text


def test_summary_is_appended_not_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = write_archive(tmp_path, cases={"ok": MINIMAL_CASE})
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "--data", str(data), "--today", TODAY.isoformat()]) == 0
    assert summary.read_text(encoding="utf-8").startswith("earlier step\n### ✅ Data check passed\n\n")


def test_no_annotations_outside_github(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_archive(tmp_path, cases=BAD_CASES)
    assert main(["check", "--data", str(data), "--today", TODAY.isoformat()]) == 1
    assert capsys.readouterr().out.splitlines() == PLAIN


@pytest.mark.parametrize(
    ("text", "as_data", "as_property"),
    [
        ("50%", "50%25", "50%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("x: y, z", "x: y, z", "x%3A y%2C z"),
        ("%0A", "%250A", "%250A"),  # an already-escaped-looking value is escaped again, not passed through
    ],
)
def test_escaping_follows_githubs_rules(text: str, as_data: str, as_property: str) -> None:
    assert escape_data(text) == as_data
    assert escape_property(text) == as_property


def test_a_message_cannot_start_a_second_command() -> None:
    line = workflow_command("error", "bad\n::warning::injected", file="data/cases/a.yml", line=3, title="t")
    assert line == "::error file=data/cases/a.yml,line=3,title=t::bad%0A::warning::injected"
    assert "\n" not in problem_annotation(Problem("data/cases/a,b.yml", None, "", "one\ntwo"))


def test_an_unwritable_summary_does_not_change_the_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    data = write_archive(tmp_path, cases={"typo": BAD_CASES["typo"]})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no-such-dir" / "summary.md"))
    assert main(["check", "--data", str(data), "--today", TODAY.isoformat()]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1] == ANNOTATIONS[-1]
    assert captured.err.startswith("could not write the step summary to ")
