"""`python -m sawt check`, the schema files, the fast validation path, the
field reference and the synthetic archive."""

from __future__ import annotations

import copy
import json
import random
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from sawt.__main__ import main
from sawt.data.load import load_archive
from sawt.data.schema import SCHEMA_DIR, _fast_check, _validator, load_schemas
from sawt.data.synthetic import write_synthetic_archive
from sawt.data.yamldoc import read_yaml
from sawt.render.fieldref import field_reference_markdown

from .test_load_fixtures import MINIMAL_CASE, SOURCES_YML, TODAY, VALID_CASES, write_archive

ROOT = Path(__file__).resolve().parents[2]


# --- the command -------------------------------------------------------------------


def test_check_success(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_archive(tmp_path)
    assert main(["check", "--data", str(data), "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert out == (
        f"{data.as_posix()}/ is valid: 3 published cases (2 unpublished or embargoed), "
        "2 sources, 1 figure, 2 context events\n"
    )


def test_check_failure_lists_problems_and_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_archive(
        tmp_path,
        cases={"x": MINIMAL_CASE.replace("detained", "held") + "stauts: x\n", "y": MINIMAL_CASE + "ask: {en: a}\n"},
    )
    assert main(["check", "--data", str(data), "--today", TODAY.isoformat()]) == 1
    assert capsys.readouterr().out.splitlines() == [
        'data/cases/x.yml:2: status "held" is not one of at-risk, detained, disappeared, deported, released, died-in-custody',
        "data/cases/x.yml:4: stauts is not a known field; did you mean status?",
        'data/cases/y.yml:4: ask is missing its Arabic text; add ar: "..." under ask',
        "3 problems in 2 files",
    ]


@pytest.mark.parametrize(
    "files",
    [
        {"x": b"\x00\x01\x02binary"},
        {"x": b"\xff\xfe u\x00t\x00f\x001\x006\x00"},
        {"x": b"[[[[[[[["},
        {"x": b"a: &a [*a, *a]\n"},
        {"x": b"? [complex, key]\n: value\n"},
        {"x": b"!!python/object:os.system {}\n"},
        {"x": b"name: !!python/name:os.system\n"},
        {"x": b"- 1\n- 2\n"},
        {"x": b"just a string\n"},
        {"x": b"42\n"},
    ],
    ids=["nul-bytes", "utf16", "unclosed-flow", "recursive-alias", "complex-key", "python-tag", "python-name",
         "list", "string", "number"],
)
def test_check_never_shows_a_traceback(tmp_path: Path, files: dict, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_archive(tmp_path, cases={**VALID_CASES, **files})
    assert main(["check", "--data", str(data), "--today", TODAY.isoformat()]) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out
    assert out.splitlines()[0].startswith("data/cases/x.yml")
    assert re.fullmatch(r"\d+ problems? in 1 file", out.splitlines()[-1])


def test_check_missing_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--data", str(tmp_path / "nope")]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "1 problem in 1 file"


def test_bad_today_argument_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", "--today", "tomorrow"])
    assert caught.value.code == 2
    assert '"tomorrow" is not a date written YYYY-MM-DD' in capsys.readouterr().err


# --- the schema files -------------------------------------------------------------


def _properties(schema: Any, where: str = "") -> Iterator[tuple[str, dict]]:
    if isinstance(schema, dict):
        for name, prop in schema.get("properties", {}).items():
            yield f"{where}.{name}", prop
        for key, value in schema.items():
            if key != "properties":
                yield from _properties(value, f"{where}/{key}")
            else:
                for name, prop in value.items():
                    yield from _properties(prop, f"{where}.{name}")
    elif isinstance(schema, list):
        for item in schema:
            yield from _properties(item, where)


def test_every_property_is_described_in_both_languages() -> None:
    for name, schema in load_schemas().items():
        props = list(_properties(schema, name))
        assert props
        for where, prop in props:
            assert prop.get("description"), f"{where} has no description"
            ar = prop.get("x-description-ar", "")
            assert any("\u0600" <= c <= "\u06ff" for c in ar), f"{where} has no Arabic description"


def test_schemas_are_valid_2020_12_and_cases_forbid_unknown_fields() -> None:
    for name in ("case", "sources", "figures", "events"):
        _validator(name)  # check_schema()s the inlined schema
        assert _fast_check(name) is not None, f"the fast path cannot compile {name}"
    assert load_schemas()["case"]["additionalProperties"] is False
    for path in SCHEMA_DIR.glob("*.schema.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["$schema"] == "https://json-schema.org/draft/2020-12/schema"


_ODD_VALUES: list[Any] = [
    None, "", " ", 0, -1, 1.5, 2023.0, True, False, "x", "Bad Id", "2023-4-1", "2023-02-30", 12345,
    [], {}, ["x"], {"en": "a"}, {"en": "a", "ar": "b"}, {"en": "", "ar": "b"}, "https://example.org/x",
    "detained", "arrested", "photos/x.jpg", "../x.jpg", "2023", 2023,
]


def _mutations(value: Any, rng: random.Random) -> Any:
    """A copy of `value` with one random change somewhere inside it."""
    mutated = copy.deepcopy(value)
    containers = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            containers.append(node)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            containers.append(node)
            for child in node:
                walk(child)

    walk(mutated)
    target = rng.choice(containers)
    action = rng.random()
    if isinstance(target, dict):
        if action < 0.2 and target:
            del target[rng.choice(list(target))]
        elif action < 0.35:
            target[rng.choice(["stauts", "fr", "note", "type", "id", "url", "date", "value"])] = rng.choice(_ODD_VALUES)
        elif target:
            target[rng.choice(list(target))] = rng.choice(_ODD_VALUES)
    else:
        if action < 0.3 and target:
            target.pop(rng.randrange(len(target)))
        else:
            target.append(rng.choice(_ODD_VALUES))
    return mutated


@pytest.mark.parametrize("schema_name", ["case", "sources", "figures", "events"])
def test_fast_path_never_accepts_what_jsonschema_rejects(tmp_path: Path, schema_name: str) -> None:
    data = write_archive(tmp_path)
    problems: list = []
    if schema_name == "case":
        seeds = [read_yaml(data / "cases" / f"{slug}.yml", slug, problems).value for slug in VALID_CASES]
    else:
        seeds = [read_yaml(data / f"{schema_name}.yml", schema_name, problems).value]
    assert not problems
    fast, slow = _fast_check(schema_name), _validator(schema_name)
    rng = random.Random(20240419)
    rejected = 0
    for _ in range(1500):
        instance = _mutations(rng.choice(seeds), rng)
        valid = slow.is_valid(instance)
        if fast(instance):
            assert valid, f"fast path accepted an invalid instance: {instance!r}"
        rejected += not valid
    assert rejected > 300  # the mutations do exercise rejections
    assert all(fast(seed) for seed in seeds)


# --- field reference ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_field_reference_lists_every_case_field(lang: str) -> None:
    text = field_reference_markdown(lang)
    for name in load_schemas()["case"]["properties"]:
        assert f"| `{name}` |" in text
    for name in ("date", "type", "place", "by", "text", "source", "url", "title", "publisher"):
        assert f"| `{name}` |" in text
    assert "`deportation-order`" in text and "`died-in-custody`" in text


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_field_reference_of_appeals_lists_appeal_and_target_fields(lang: str) -> None:
    text = field_reference_markdown(lang, "appeals")
    appeal = load_schemas()["appeals"]["$defs"]["appeal"]["properties"]
    target = load_schemas()["appeals"]["$defs"]["target"]["properties"]
    for name in [*appeal, *target]:
        assert f"| `{name}` |" in text, name
    assert "`targets`" in text.split("\n\n")[1]  # the targets' own table follows the appeal's


def test_field_reference_languages() -> None:
    en, ar = field_reference_markdown("en"), field_reference_markdown("ar")
    assert en.startswith("| Field | Required | Type | Description | Allowed values |")
    assert ar.startswith("| الحقل | مطلوب | النوع | الوصف | القيم المسموحة |")
    assert "| `status` | yes | one of the values | The person's situation as last verified. |" in en
    assert "| `status` | نعم | إحدى القيم | وضع الشخص بحسب آخر تحقق. |" in ar
    assert "`detained` (محتجز)" in ar
    assert "| `photo_alt` | yes, with photo |" in en
    # Each table row has the same number of cells as its header.
    for line in en.splitlines() + ar.splitlines():
        if line.startswith("|"):
            assert line.replace("\\|", "").count("|") == 6, line
    # A language the site is built in but the schema does not describe: its own words where its
    # catalog has them (here none: English), the schema's English descriptions.
    assert field_reference_markdown("fr") == en


# --- the synthetic archive --------------------------------------------------------


def test_synthetic_archive_is_valid_fictional_and_deterministic(tmp_path: Path) -> None:
    one = write_synthetic_archive(tmp_path / "one", 60, seed=7)
    two = write_synthetic_archive(tmp_path / "two", 60, seed=7)
    files_one = sorted(p.relative_to(one).as_posix() for p in one.rglob("*.yml"))
    assert files_one == sorted(p.relative_to(two).as_posix() for p in two.rglob("*.yml"))
    for name in files_one:
        assert (one / name).read_bytes() == (two / name).read_bytes()
    archive = load_archive(one, today=TODAY)
    assert 0 < len(archive.cases) <= 60
    for case in archive.cases:
        assert case.name.en.startswith("Test Person ")
        assert case.name.ar.startswith("شخص تجريبي ")
        assert "does not exist" in case.summary.en and "غير موجود" in case.summary.ar
    text = (one / "cases" / "test-person-0001.yml").read_text(encoding="utf-8")
    assert "Test Person 0001" in text and "شخص تجريبي ٠٠٠١" in text


def test_sources_file_line_numbers_in_fixture() -> None:
    # The exact-message table counts lines in SOURCES_YML; keep it as written.
    assert SOURCES_YML.count("\n") == 13
