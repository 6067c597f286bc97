"""`make serve`: a saved edit to a case, or to a hand-written page, shows in its pages before the
whole rebuild, exactly as the rebuild then writes them (sawt/engine/preview.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.build.projects import copy_project

pytestmark = pytest.mark.build

RUNNER = Path(__file__).with_name("serve_preview_run.py")


@pytest.fixture(scope="module")
def preview_run(tmp_path_factory) -> dict:
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, str(RUNNER), str(project)], capture_output=True, text=True, timeout=900,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(root)})
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_edited_case_pages_are_rewritten_before_the_rebuild(preview_run):
    assert preview_run["preview_has_sentinel"]
    assert "cases/muhammad-abdulatif/" in preview_run["shown"] and "ar/cases/muhammad-abdulatif/" in preview_run["shown"]


def test_the_preview_parses_only_the_edited_files(preview_run):
    """The rest of data/ comes from the build's parsed files: at 10,000 cases, parsing them all
    again made a saved edit take 5.6 s longer to show."""
    assert [Path(label).name for label in preview_run["parsed_by_preview"]] == ["muhammad-abdulatif.yml", "osama.yml"]


def test_a_case_withdrawn_in_the_edit_leaves_the_served_site_at_once(preview_run):
    assert {"cases/osama/", "ar/cases/osama/"} <= set(preview_run["shown"])
    assert preview_run["withheld_after_preview"] == []
    assert preview_run["withheld_after_rebuild"] == []


def test_the_preview_touches_nothing_else_and_the_rebuild_writes_the_same_pages(preview_run):
    assert sorted(preview_run["untouched_by_preview"]) == ["ar/cases/saleh-al-samar/", "cases/", "cases/saleh-al-samar/"]
    assert not preview_run["index_has_sentinel_before_rebuild"]  # (the rebuild writes the rest)
    assert sorted(preview_run["same_after_rebuild"]) == ["ar/cases/muhammad-abdulatif/", "cases/muhammad-abdulatif/"]
    assert preview_run["preview_after_rebuild"] == []


def test_an_edited_hand_written_page_shows_before_the_rebuild_as_the_rebuild_writes_it(preview_run):
    """An English appeal (links resolved, a count, the share block) and an Arabic page: their
    content before the rebuild is the rebuild's, byte for byte."""
    assert preview_run["pages_shown"] == ["appeals/be-their-voice/", "ar/about/"]
    for url, (previewed, rebuilt) in preview_run["pages_content"].items():
        assert previewed is not None and previewed == rebuilt, url
    appeal, about_ar = (preview_run["pages_content"][url][0] for url in ("appeals/be-their-voice/", "ar/about/"))
    assert "Preview sentinel 7f3a: see" in appeal and 'href="../../methodology/"' in appeal
    assert "sawt:count" not in appeal and "share" in appeal
    assert "جملة للمعاينة ٧ف٣" in about_ar


def test_a_page_edit_with_a_problem_is_left_to_the_rebuild_and_nothing_else_is_touched(preview_run):
    """A <script> (the sanitiser's warning) and a broken link (MkDocs' warning): no preview."""
    assert not preview_run["hostile_previewed"]
    assert not preview_run["broken_link_previewed"]
    assert preview_run["pages_untouched_by_preview"] == ["about/", "ar/appeals/be-their-voice/", "cases/"]

