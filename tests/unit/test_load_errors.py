"""A table of bad inputs and the exact message each must produce.

Each row is a small change to a valid fictional archive and the complete text
of the resulting DataError (every problem, one per line, sorted by file and
line). The messages are the user interface of `python -m sawt check`, so they
are pinned exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sawt.data.errors import DataError
from sawt.data.load import load_archive

from .test_load_fixtures import FIGURES_YML, MINIMAL_CASE, SOURCES_YML, TODAY, write_archive

M = MINIMAL_CASE  # 3 lines: name (1), status (2), summary (3)
EVENT = "events:\n  - date: {date}\n    type: arrested\n    text: {{en: a, ar: ب}}\n"  # date on line 5
ARRESTED_2020 = "events:\n  - date: 2020\n    type: arrested\n    text: {en: a, ar: ب}\n"
FIGURE = "- id: {id}\n  value: {value}\n  what: {{en: a, ar: ب}}\n  source: {source}\n"
STATUSES = "at-risk, detained, disappeared, deported, released, died-in-custody"
EVENT_TYPES = (
    "arrested, detained, transferred, interrogated, charged, tried, sentenced, deportation-order, "
    "deported, disappeared, released, died, killed, body-returned, defected, fled, other"
)
X = "data/cases/x.yml"


def case(text: str | bytes, name: str = "x") -> dict:
    return {"cases": {name: text}}


ROWS: list[tuple[str, dict, str]] = [
    (
        "status not in the vocabulary",
        case(M.replace("detained", "deportd")),
        f'{X}:2: status "deportd" is not one of {STATUSES} (did you mean "deported"?)',
    ),
    (
        "misspelled field name",
        case(M.replace("status:", "stauts:")),
        f"{X}:2: stauts is not a known field; did you mean status?",
    ),
    (
        "required field missing",
        case(M.replace("status: detained\n", "")),
        f"{X}:1: status is missing; add status: one of {STATUSES}",
    ),
    (
        "impossible day",
        case(M + EVENT.format(date="2023-02-30")),
        f'{X}:5: events[1].date "2023-02-30" is not a real date: February 2023 has 28 days',
    ),
    (
        "impossible month",
        case(M + EVENT.format(date="2023-13")),
        f'{X}:5: events[1].date "2023-13" is not a real date: there is no month 13 (months are 01 to 12)',
    ),
    (
        "one-digit month and day",
        case(M + EVENT.format(date="2023-4-1")),
        f'{X}:5: events[1].date "2023-4-1" must be written with a two-digit month and day, like 2023-04-01',
    ),
    (
        "event in the future",
        case(M + EVENT.format(date="2026-03")),
        f"{X}:5: events[1].date 2026-03 is in the future (today is 2025-01-15); check the year",
    ),
    (
        "not a date at all",
        case(M + "last_verified: last week\n"),
        f'{X}:4: last_verified "last week" is not a date; write it as YYYY-MM-DD, YYYY-MM or YYYY '
        "(e.g. 2023-04-19, 2023-04 or 2023)",
    ),
    (
        "Arabic name missing",
        case(M.replace(', ar: "شخص تجريبي"', "")),
        f'{X}:1: name is missing its Arabic text; add ar: "..." under name',
    ),
    (
        "English summary missing",
        case(M.replace('en: "A fictional case.", ', "")),
        f'{X}:3: summary is missing its English text; add en: "..." under summary',
    ),
    (
        "empty string",
        case(M.replace('"Test Person"', '"  "')),
        f"{X}:1: name.en is empty; fill it in or delete the line",
    ),
    (
        "name in one language only",
        case(M.replace('{en: "Test Person", ar: "شخص تجريبي"}', '"Test Person"')),
        f'{X}:1: name must be given in both languages, like name: {{en: "...", ar: "..."}}',
    ),
    (
        "YAML reads No as false",
        case(M.replace('"Test Person"', "No")),
        f'{X}:1: name.en must be text, not false; put it in quotes: en: "No"',
    ),
    (
        "empty optional field",
        case(M + "ask:\n"),
        f"{X}:4: ask is empty; fill it in or delete the line",
    ),
    (
        "field given twice",
        case(M + "status: released\n"),
        f"{X}:4: status appears twice (first on line 2); keep one",
    ),
    (
        "event type not in the vocabulary",
        case(M + "events:\n  - date: 2020\n    type: arested\n    text: {en: a, ar: ب}\n"),
        f'{X}:6: events[1].type "arested" is not one of {EVENT_TYPES} (did you mean "arrested"?)',
    ),
    (
        "event without a date",
        case(M + "events:\n  - type: arrested\n    text: {en: a, ar: ب}\n"),
        f"{X}:5: events[1] is missing date; add date: YYYY-MM-DD",
    ),
    (
        "YAML syntax error",
        case(M + "note: a: b\n"),
        f'{X}:4: YAML syntax error: mapping values are not allowed in this context (put text that '
        'contains ": " in quotes, and check the field above has its colon)',
    ),
    (
        "unclosed quote",
        case(M + 'ask: {en: "abc, ar: b}\nlast_verified: 2020\n'),
        f"{X}:4: YAML syntax error: a quoted text starting on this line is never closed "
        "(add the closing quote)",
    ),
    (
        "tab indentation",
        case(M + "events:\n\t- date: 2020\n"),
        f"{X}:5: YAML syntax error: a tab character, which YAML does not allow here (indent with spaces)",
    ),
    (
        "file is a list",
        case("- name: x\n- status: detained\n"),
        f"{X}:1: the file must contain a mapping of fields (name:, status:, summary:, ...), not a list",
    ),
    (
        "empty file",
        case(""),
        f"{X}: the file is empty; a case needs at least name, status and summary",
    ),
    (
        "not UTF-8",
        case(M.encode("utf-8") + "aliases: [café]\n".encode("latin-1")),
        f"{X}:4: the file is not UTF-8 text (byte 0xe9 cannot be read); save it as UTF-8",
    ),
    (
        "bad slug",
        case(M, name="Ali_Hassan"),
        'data/cases/Ali_Hassan.yml: file name "Ali_Hassan" is not a valid slug: use lowercase Latin '
        "letters, digits and single hyphens, e.g. ali-hassan.yml",
    ),
    (
        "slugs collide",
        {"cases": {"x.yml": M, "x.yaml": M}},
        f'{X}: slug "x" is already used by data/cases/x.yaml; each case needs its own file name',
    ),
    (
        "duplicate source id",
        {"sources": SOURCES_YML + "- id: report-one\n  title: t\n  publisher: p\n"},
        'data/sources.yml:14: id "report-one" is used twice (first on line 1); give each source its own id',
    ),
    (
        "unknown event source",
        case(M + ARRESTED_2020 + "    source: report-on\n"),
        f'{X}:8: events[1].source "report-on" is not an id in data/sources.yml or data/sources/ nor the url of a '
        'source listed under this case\'s sources (did you mean "report-one"?)',
    ),
    (
        "event cites a url the case does not list",
        case(M + ARRESTED_2020 + "    source: https://example.org/elsewhere\n"),
        f'{X}:8: events[1].source "https://example.org/elsewhere" is not the url of a source listed '
        "under this case's sources; add it there (sources: - url: ...)",
    ),
    (
        "unknown case source",
        case(M + "sources: [report-three]\n"),
        f'{X}:4: sources[1] "report-three" is not an id in data/sources.yml or data/sources/ (did you mean "report-two"?)',
    ),
    (
        "figure with an unknown source",
        {"figures": FIGURE.format(id="f", value=1, source="nope")},
        'data/figures.yml:4: source "nope" is not an id in data/sources.yml or data/sources/',
    ),
    (
        "duplicate figure id",
        {"figures": FIGURES_YML + FIGURE.format(id="fictional-returns", value=2, source="report-one")},
        'data/figures.yml:6: id "fictional-returns" is used twice (first on line 1); give each figure its own id',
    ),
    (
        "number YAML would read as octal",
        {"figures": FIGURE.format(id="f", value="0123", source="report-one")},
        'data/figures.yml:2: value "0123" is not a plain number: write it without leading zeros, '
        "underscores or prefixes, or put it in quotes if it is text",
    ),
    (
        "YAML tag",
        case(M + "ask: !!binary aGVsbG8=\n"),
        f"{X}:4: ask uses the YAML tag !!binary, which is not supported; write plain values",
    ),
    (
        "figure value with a separator",
        {"figures": FIGURE.format(id="f", value='"1,200"', source="report-one")},
        'data/figures.yml:2: value must be a whole number without separators, e.g. 874, not "1,200"',
    ),
    (
        "photo file missing",
        case(M + "photo: photos/nobody.jpg\nphoto_alt: {en: a, ar: ب}\n"),
        f'{X}:4: photo "photos/nobody.jpg" does not exist (looked for data/photos/nobody.jpg); '
        "add the file or fix the path",
    ),
    (
        "photo without alt text",
        case(M + "photo: photos/ali-test.jpg\n"),
        f'{X}:4: photo needs photo_alt: describe the photo in both languages, like photo_alt: {{en: "...", ar: "..."}}',
    ),
    (
        "photo outside data/",
        case(M + "photo: ../secret.jpg\nphoto_alt: {en: a, ar: ب}\n"),
        f'{X}:4: photo "../secret.jpg" should be a path inside data/ ending in .jpg, .jpeg, .png or '
        ".webp, e.g. photos/saleh-al-samar.jpg",
    ),
    (
        "private is not a mapping (and its value is not echoed)",
        case(M + 'private: "phone 0123"\n'),
        f"{X}:4: private must be a mapping of notes (key: value lines)",
    ),
    (
        "publish is not a boolean",
        case(M + "publish: nope\n"),
        f'{X}:4: publish must be true or false, not "nope"',
    ),
    (
        "embargo must be a full date",
        case(M + "embargo_until: 2027\n"),
        f"{X}:4: embargo_until must be a full date written YYYY-MM-DD (e.g. 2027-01-01), not 2027",
    ),
    (
        "a third language",
        case(M.replace('ar: "شخص تجريبي"', 'ar: "شخص تجريبي", fr: "x"')),
        f"{X}:1: name.fr is not a known field; expected one of en, ar",
    ),
    (
        "bad source id and url",
        {"sources": SOURCES_YML + "- id: Report Three\n  title: t\n  publisher: p\n  url: www.example.org\n"},
        'data/sources.yml:14: id "Report Three" is not a valid id: use lowercase Latin letters, digits '
        "and single hyphens (e.g. report-three)\n"
        'data/sources.yml:17: url "www.example.org" should be a web address starting with https:// (no spaces)',
    ),
    (
        "context event in the future, and one without text",
        {"events": "- date: 2025-02\n  text: {en: a, ar: ب}\n- date: 2024\n"},
        "data/events.yml:1: date 2025-02 is in the future (today is 2025-01-15); check the year\n"
        'data/events.yml:3: item 2 is missing text; add text: {en: "...", ar: "..."}',
    ),
    (
        "sources.yml is not a list",
        {"sources": "id: x\n"},
        "data/sources.yml:1: the file must contain a list of sources, each starting with - id:, not a mapping",
    ),
    (
        "control character",
        case(M + 'ask: {en: "a\x07", ar: b}\n'),
        f"{X}:4: the file contains an invisible control character (U+0007) that YAML does not allow; delete it",
    ),
    (
        "several problems in several files, sorted by file then line",
        {
            "cases": {"x": M.replace("detained", "held") + "events: []\nsources: [nowhere]\n", "a": M + "pseudonym: maybe\n"},
            "figures": FIGURE.format(id="f", value=-1, source="report-one"),
        },
        'data/cases/a.yml:4: pseudonym must be true or false, not "maybe"\n'
        f'{X}:2: status "held" is not one of {STATUSES}\n'
        f'{X}:5: sources[1] "nowhere" is not an id in data/sources.yml or data/sources/\n'
        "data/figures.yml:2: value -1 should be a whole number without separators, e.g. 874",
    ),
]


@pytest.mark.parametrize(("files", "expected"), [(f, e) for _, f, e in ROWS], ids=[r[0] for r in ROWS])
def test_bad_input_gives_exact_message(tmp_path: Path, files: dict, expected: str) -> None:
    data = write_archive(tmp_path, **files)
    with pytest.raises(DataError) as caught:
        load_archive(data, today=TODAY)
    assert str(caught.value) == expected


def test_the_table_is_big_enough() -> None:
    assert len(ROWS) >= 20


def test_every_problem_has_a_line_when_the_file_could_be_read(tmp_path: Path) -> None:
    data = write_archive(tmp_path, cases={"x": M.replace("detained", "held") + EVENT.format(date="2023-02-30")})
    with pytest.raises(DataError) as caught:
        load_archive(data, today=TODAY)
    problems = caught.value.problems
    assert [(p.file, p.line, p.field) for p in problems] == [
        (X, 2, "status"),
        (X, 5, "events[1].date"),
    ]
    assert caught.value.summary() == "2 problems in 1 file"


def test_private_values_are_not_echoed_in_messages(tmp_path: Path) -> None:
    data = write_archive(tmp_path, cases={"x": M + 'private: "0123 secret phone"\n'})
    with pytest.raises(DataError) as caught:
        load_archive(data, today=TODAY)
    assert "0123" not in str(caught.value)


def test_a_broken_unpublished_case_is_still_reported(tmp_path: Path) -> None:
    data = write_archive(tmp_path, cases={"x": M.replace("detained", "held") + "publish: false\n"})
    with pytest.raises(DataError, match='status "held"'):
        load_archive(data, today=TODAY)


def test_missing_data_dir(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        load_archive(tmp_path / "nowhere", today=TODAY)
    assert str(caught.value).endswith("nowhere: the data directory does not exist")
