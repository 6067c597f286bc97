"""The Contribute page, in both languages, points at commands and files that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAKE_TARGETS = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_make_command_and_file_it_names_exists(lang: str) -> None:
    page = (ROOT / "docs" / lang / "contribute.md").read_text(encoding="utf-8")
    commands = set(re.findall(r"(?<!git )\bmake ([a-z][a-z-]*)", page))  # not "apt-get install git make"
    assert {"check", "new-case", "new-page", "translations", "serve"} <= commands
    assert commands <= MAKE_TARGETS, commands - MAKE_TARGETS
    for path in {".github/case-template.yml", "data/sources.yml", "mkdocs.yml"}:
        assert f"`{path}`" in page and (ROOT / path).is_file()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_web_editor_path_annotations_and_safety_rules_are_covered(lang: str) -> None:
    page = (ROOT / "docs" / lang / "contribute.md").read_text(encoding="utf-8")
    for words in ("Edit this file", "Create new file", "Copy raw file", "Files changed", "sawt check: status",
                  "translation: …", "private:", "pseudonym: true", "publish: false", "embargo_until",
                  "photo_alt", "<!-- sawt:field-reference -->"):
        assert words in page, words
