"""A hand-written story (docs/<lang>/cases/<slug>.md) of a case that is a draft or under embargo
stays off the site with its case; a story with no case at all stops the build, naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build.projects import build, copy_project, output_files, readable_bytes

pytestmark = pytest.mark.build

STORY = "ZZSTORYSENTINEL"


def test_stories_of_withheld_cases_reach_no_output(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    cases = project / "data" / "cases"
    (cases / "zz-draft.yml").write_text(
        'name: {en: "Draft Person", ar: "شخص مسودة"}\nstatus: detained\n'
        'summary: {en: "A draft.", ar: "مسودة."}\npublish: false\n', encoding="utf-8")
    (cases / "zz-embargoed.yml").write_text(
        'name: {en: "Embargoed Person", ar: "شخص محجوب"}\nstatus: detained\n'
        'summary: {en: "Embargoed.", ar: "محجوب."}\nembargo_until: 2999-01-01\n', encoding="utf-8")
    (project / "docs/en/cases/zz-draft.md").write_text(f"# Story\n\n{STORY} in English.\n", encoding="utf-8")
    (project / "docs/ar/cases/zz-embargoed.md").write_text(f"# قصة\n\n{STORY} بالعربية.\n", encoding="utf-8")
    (project / "docs/en/cases/osama.md").write_text("A published case's story, ZZPUBLICSTORY.\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    leaks = [p.relative_to(site).as_posix() for p in output_files(site) if STORY.encode() in readable_bytes(p)]
    assert leaks == []
    assert not list(site.rglob("zz-draft*")) and not list(site.rglob("zz-embargoed*"))
    assert b"ZZPUBLICSTORY" in (site / "cases/osama/index.html").read_bytes()  # published stories still are


def test_a_story_without_a_case_is_an_error_naming_the_file(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "docs/ar/cases/no-such-person.md").write_text("# قصة\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert ("docs/ar/cases/no-such-person.md: this is the story of a case, but there is no "
            "data/cases/no-such-person.yml") in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
