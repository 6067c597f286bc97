"""A page written in one language only and in no menu is reported under the name of the file
the volunteer wrote, not under the name of the copy built for the other language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site

pytestmark = pytest.mark.build


def test_arabic_only_page_in_no_menu_names_the_arabic_file(tmp_path: Path) -> None:
    project = tmp_path / "project"
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + "\nnav:\n  - Home: index.md\n"
    project.mkdir()
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for folder in ("hooks", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    (project / "data" / "cases").mkdir(parents=True)
    for name in ("sources.yml", "figures.yml", "events.yml"):
        (project / "data" / name).write_text("[]\n", encoding="utf-8")
    for lang, heading in (("en", "# Home\n"), ("ar", "# الرئيسية\n")):
        (project / "docs" / lang).mkdir(parents=True)
        (project / "docs" / lang / "index.md").write_text(heading, encoding="utf-8")
    (project / "docs" / "ar" / "statement.md").write_text("# بيان\n\nنص البيان.\n", encoding="utf-8")

    result = build_site(project, project / "site")
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "  - ar/statement.md" in log
    assert "en/statement.md" not in log
    # Still built in both languages, as before.
    assert (project / "site" / "statement" / "index.html").is_file()
    assert (project / "site" / "ar" / "statement" / "index.html").is_file()
