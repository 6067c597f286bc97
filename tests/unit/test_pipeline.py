"""The build's order (sawt/pipeline.py) and the engine's file list (sawt/engine/files.py),
driven without the engine."""

from __future__ import annotations

import ast
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest

from sawt import pipeline
from sawt.data.load import load_archive
from sawt.engine.files import plan_file_list
from sawt.errors import SawtError
from sawt.stages import case_pages, history, search, sitemap
from sawt.stages.context import GIVEN, BuildContext

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("en", "ar")


def test_the_stages_run_in_an_order_where_each_has_its_inputs():
    assert pipeline.check_order() == []
    names = [pipeline.stage_name(stage) for stage in pipeline.STAGES]
    assert names.index("history") < names.index("case_pages") < names.index("sitemap") < names.index("search") < names.index("host_headers")


def test_a_stage_moved_before_its_inputs_is_named():
    problems = pipeline.check_order((search, history, case_pages, sitemap))
    assert problems == ["search reads page_keys, which no earlier stage writes"]


def test_every_stage_is_one_module_with_one_entry_point_and_real_fields():
    known = {f.name for f in fields(BuildContext)}
    for stage in pipeline.STAGES:
        assert callable(stage.run), stage.__name__
        assert set(stage.READS) <= known and set(stage.WRITES) <= known - GIVEN, stage.__name__


def test_the_adapter_is_thin():
    """Every MkDocs event in hooks/ is a few lines that call sawt/ (policy lives in sawt/engine/)."""
    tree = ast.parse((ROOT / "hooks" / "sawt_hooks.py").read_text(encoding="utf-8"))
    events = {node.name: node.end_lineno - node.lineno + 1 for node in tree.body
              if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")}
    assert len(events) >= 10
    assert {name: lines for name, lines in events.items() if lines > 20} == {}


@pytest.fixture(scope="module")
def archive():
    return load_archive(ROOT / "data", today=date(2026, 12, 1))


def _docs(tmp_path: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    for lang in LANGUAGES:  # the sample's appeals have their pages
        for appeal in ("be-their-voice", "saleh-al-samar"):
            (tmp_path / "docs" / lang / "appeals" / f"{appeal}.md").parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "docs" / lang / "appeals" / f"{appeal}.md").write_text("# x\n", encoding="utf-8")
    return tmp_path / "docs"


def _borrowed(plan) -> list[str]:
    """The pages borrowed from another language, but the appeal pages every fixture has."""
    return sorted(page.neutral_url for page in plan.borrowed if not page.neutral_url.startswith("appeals/"))


def test_the_file_list_borrows_withholds_places_stories_and_generates(tmp_path, archive):
    docs = _docs(tmp_path, {
        "en/about.md": "# About\n", "ar/about.md": "# عن\n",
        "ar/only-arabic.md": "# فقط\n",  # written in Arabic only: borrowed by English
        "en/cases/osama.md": "# Story\n",  # a published case's story: placed in its page
        "ar/cases/hidden-one.md": "# قصة\n",  # the story of a withheld case: not published
    })
    sources = {"about/": "docs/en/about.md", "cases/osama/": "docs/en/cases/osama.md",
               "appeals/be-their-voice/": "docs/en/appeals/be-their-voice.md"}
    plan = plan_file_list(sources, lang="en", languages=LANGUAGES, docs_dir=docs, archive=archive,
                          withheld_slugs=frozenset({"hidden-one"}))
    assert _borrowed(plan) == ["cases/hidden-one/", "only-arabic/"]
    assert sorted(plan.removed) == ["cases/hidden-one/", "cases/osama/"]
    assert plan.withheld == 1
    assert plan.stories == [("osama", "cases/osama/")]
    generated = {page.neutral_url: page.link_only for page in plan.generated}
    assert generated["cases/sawt--frame/"] is False and generated["cases/page/sawt--frame/"] is False
    assert {url for url, link_only in generated.items() if link_only} == {f"cases/{case.slug}/" for case in archive.cases}


def test_a_story_is_rendered_only_in_the_language_it_is_written_in(tmp_path, archive):
    docs = _docs(tmp_path, {"en/cases/osama.md": "# Story\n"})
    plan = plan_file_list({}, lang="ar", languages=LANGUAGES, docs_dir=docs, archive=archive, withheld_slugs=frozenset())
    assert _borrowed(plan) == ["cases/osama/"]
    assert plan.removed == ["cases/osama/"] and plan.stories == []


def test_a_story_without_its_case_stops_the_build_with_the_file_to_open(tmp_path, archive):
    docs = _docs(tmp_path, {"en/cases/nobody.md": "# Story\n"})
    with pytest.raises(SawtError, match=r"^docs/en/cases/nobody.md: this page is the story of a case, but data/cases/nobody.yml"):
        plan_file_list({"cases/nobody/": "docs/en/cases/nobody.md"}, lang="en", languages=LANGUAGES, docs_dir=docs,
                       archive=archive, withheld_slugs=frozenset())


def test_a_hand_written_page_where_a_generated_one_goes_is_replaced(tmp_path, archive):
    docs = _docs(tmp_path, {"en/cases/page/sawt--frame.md": "# x\n"})
    plan = plan_file_list({"cases/page/sawt--frame/": "docs/en/cases/page/sawt--frame.md"}, lang="en", languages=LANGUAGES,
                          docs_dir=docs, archive=archive, withheld_slugs=frozenset())
    assert plan.removed == ["cases/page/sawt--frame/"]
