"""`new-case` and `new-page`: files generated from the schema that pass the check and publish nothing."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from sawt.__main__ import main
from sawt.data.load import check_archive
from sawt.data.schema import load_schemas, resolve_ref
from sawt.volunteer.scaffold import ScaffoldError, case_template, new_case, new_page

from .test_load_fixtures import TODAY, write_archive

ROOT = Path(__file__).resolve().parents[2]


def _words(text: str) -> str:
    return " ".join(text.split())


def _comment_text(template: str) -> str:
    """Every note in the file, re-joined: wrapping must not hide a description."""
    return _words(" ".join(line[1:] for line in template.splitlines() if line.startswith("# ")))


def _switched_on(template: str) -> str:
    """The file as it is once every field that is switched off ("#name:" and its "#" lines) is used."""
    out, in_field = [], False
    for line in template.splitlines():
        if re.match(r"^#[a-z_]+:", line):
            in_field = True
        if not line.strip():
            in_field = False
        out.append(line[1:] if in_field else line)
    return "\n".join(out) + "\n"


def test_new_case_passes_the_check_and_is_not_published(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_archive(tmp_path, cases={})
    assert main(["new-case", "ali-hassan", "--root", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "wrote data/cases/ali-hassan.yml"
    report = check_archive(data, today=TODAY)
    assert report.archive.cases == ()
    assert report.withheld_cases == 1
    assert yaml.safe_load((data / "cases" / "ali-hassan.yml").read_text(encoding="utf-8"))["publish"] is False


def test_every_field_is_described_in_both_languages() -> None:
    template = case_template("ali-hassan")
    notes = _comment_text(template)
    case = load_schemas()["case"]
    described = 0
    for name, prop in case["properties"].items():
        assert re.search(rf"^#?{name}:", template, re.M), f"{name} has no line to fill in"
        assert f" {name}: " in notes
        for key in ("description", "x-description-ar"):
            assert _words(prop[key]) in notes, f"{name}: {key} missing"
            described += 1
        items = prop.get("items", {})
        if "$ref" in items:
            item, _ = resolve_ref(items, "case")
            for sub in item.get("properties", {}).values():
                assert _words(sub["description"]) in notes and _words(sub["x-description-ar"]) in notes
    assert described == 2 * len(case["properties"])


def test_every_field_switched_on_is_a_valid_yaml_mapping_of_the_schemas_fields() -> None:
    switched_on = yaml.safe_load(_switched_on(case_template("ali-hassan")))
    assert list(switched_on) == ["publish"] + [n for n in load_schemas()["case"]["properties"] if n != "publish"]
    assert set(switched_on["events"][0]) == {"date", "type", "place", "by", "text", "source", "sources", "grade"}
    assert switched_on["photo"] == "photos/ali-hassan.jpg"


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("Ali Hassan", '"Ali Hassan" is not a valid case address: use lowercase Latin letters, digits and single '
                       "hyphens (e.g. ali-hassan)"),
        ("علي-حسن", '"علي-حسن" is not a valid case address: use lowercase Latin letters, digits and single '
                    "hyphens (write it in Latin letters, e.g. ali-hassan)"),
        ("ali--hassan", '"ali--hassan" is not a valid case address: use lowercase Latin letters, digits and '
                        "single hyphens (e.g. ali-hassan)"),
        ("", "give the case an address, e.g. ali-hassan"),
    ],
)
def test_bad_slug_is_a_clear_error(tmp_path: Path, slug: str, message: str,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new-case", slug, "--root", str(tmp_path)]) == 1
    assert capsys.readouterr().out == message + "\n"
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize("existing", ["ali-hassan.yml", "ali-hassan.yaml"])
def test_an_existing_case_is_never_overwritten(tmp_path: Path, existing: str) -> None:
    cases = tmp_path / "data" / "cases"
    cases.mkdir(parents=True)
    (cases / existing).write_text("name: kept\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match=rf"^data/cases/{re.escape(existing)} already exists: edit that file"):
        new_case(tmp_path, "ali-hassan")
    assert (cases / existing).read_text(encoding="utf-8") == "name: kept\n"


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n")[1])


def test_new_page_writes_both_twins_with_front_matter(tmp_path: Path) -> None:
    written = new_page(tmp_path, "news/2026-01-visit")
    assert written.paths == ["docs/en/news/2026-01-visit.md", "docs/ar/news/2026-01-visit.md"]
    english = _front_matter(tmp_path / written.paths[0])
    arabic = _front_matter(tmp_path / written.paths[1])
    assert english["title"] == "2026 01 visit" and english["description"]
    assert re.search("[\u0600-\u06ff]", arabic["title"]) and re.search("[\u0600-\u06ff]", arabic["description"])
    assert any("/news/2026-01-visit/ and /ar/news/2026-01-visit/" in step for step in written.next_steps)


def test_new_page_refuses_an_existing_twin_and_writes_neither(tmp_path: Path) -> None:
    (tmp_path / "docs" / "ar").mkdir(parents=True)
    (tmp_path / "docs" / "ar" / "statement.md").write_text("# بيان\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="^docs/ar/statement.md already exists: edit it"):
        new_page(tmp_path, "statement")
    assert not (tmp_path / "docs" / "en" / "statement.md").exists()


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("../secrets", 'in "../secrets", ".." is not a valid page address'),
        ("Press Release", '"Press Release" is not a valid page address: use lowercase Latin letters, digits and '
                          "single hyphens (e.g. press-release)"),
        ("", "give the page an address, e.g. make new-page PAGE=statement"),
    ],
)
def test_bad_page_path_is_a_clear_error(tmp_path: Path, page: str, message: str) -> None:
    with pytest.raises(ScaffoldError) as caught:
        new_page(tmp_path, page)
    assert str(caught.value).startswith(message)
    assert not (tmp_path / "docs").exists()


def test_new_case_in_a_copy_of_the_sample_archive(tmp_path: Path) -> None:
    """Beside the real cases and sources, the new file adds a withheld case and no problem."""
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("schema"))
    today = date.today()
    before = check_archive(tmp_path / "data", today=today)
    new_case(tmp_path, "new-person")
    after = check_archive(tmp_path / "data", today=today)
    assert after.archive.cases == before.archive.cases
    assert after.withheld_cases == before.withheld_cases + 1


def test_the_web_editors_template_is_the_generated_one() -> None:
    """The copy that volunteers paste in GitHub's web editor never drifts from the schema."""
    committed = (ROOT / ".github" / "case-template.yml").read_text(encoding="utf-8")
    assert committed == case_template("firstname-familyname"), (
        "regenerate it: .venv/bin/python -m sawt new-case firstname-familyname --print > .github/case-template.yml")
