"""A pinned corpus of bad data inputs, as a careless volunteer or a hostile pull
request would submit them, each with the exact outcome: the complete text of
the DataError it is refused with (every problem, one per line).

Groups: yaml (bombs, limits, syntax), schema (length limits), photos, dates,
references, text (script direction and bidi controls). Each input is a small
change to the valid fictional archive of test_load_fixtures, written into a
temporary folder; photos and links are made by `setup` functions, so the corpus
needs no binary files in the repository.

Every input is also run through `python -m sawt check`: exit status 1, no
traceback, and no absolute path in what it prints.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from PIL import Image

from sawt.__main__ import main
from sawt.data.errors import DataError
from sawt.data.load import load_archive

from .test_load_fixtures import EVENTS_YML, FIGURES_YML, MINIMAL_CASE, SOURCES_YML, TODAY, small_image, write_archive

M = MINIMAL_CASE  # 3 lines: name (1), status (2), summary (3)
X = "data/cases/x.yml"
PHOTO = "photo: photos/p.jpg\nphoto_alt: {en: A photo, ar: صورة}\n"  # photo on line 4


def case(text: str | bytes) -> dict:
    return {"cases": {"x": text}}


def with_photo(name: str = "p.jpg") -> dict:
    return case(M + PHOTO.replace("p.jpg", name))


@dataclass(frozen=True)
class Bad:
    group: str
    name: str
    files: dict
    expected: str
    setup: Callable[[Path], None] | None = None  # gets the data dir, after the files are written


# --- helpers that make hostile files --------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    text = 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    for level in range(1, levels):
        text += f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 10) + "]\n"
    return text


def nested_block(depth: int) -> str:
    return "".join("  " * i + "a:\n" for i in range(depth)) + "  " * depth + "x\n"


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares its size and holds almost no pixels: what a
    decompression bomb looks like to whoever only reads the header."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def image_bytes(fmt: str, size: tuple[int, int] = (64, 48), mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.effect_noise(size, 40).convert(mode).save(out, format=fmt)
    return out.getvalue()


def put(relative: str, content: bytes) -> Callable[[Path], None]:
    def setup(data: Path) -> None:
        (data / relative).parent.mkdir(parents=True, exist_ok=True)
        (data / relative).write_bytes(content)
    return setup


def sparse(relative: str, size: int) -> Callable[[Path], None]:
    def setup(data: Path) -> None:
        (data / relative).parent.mkdir(parents=True, exist_ok=True)
        with (data / relative).open("wb") as file:
            file.write(small_image(".jpg"))
            file.truncate(size)
    return setup


def link_to_outside(relative: str) -> Callable[[Path], None]:
    """data/<relative> becomes a link to a real image outside the repository."""
    def setup(data: Path) -> None:
        outside = data.parent / "outside" / "secret.jpg"
        outside.parent.mkdir(parents=True, exist_ok=True)
        outside.write_bytes(small_image(".jpg"))
        (data / relative).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(outside, data / relative)
    return setup


def link_folder_to_outside(data: Path) -> None:
    outside = data.parent / "outside-photos"
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "p.jpg").write_bytes(small_image(".jpg"))
    shutil.rmtree(data / "photos")
    os.symlink(outside, data / "photos")


def link_case_file(data: Path) -> None:
    outside = data.parent / "outside.yml"
    outside.write_text(M, encoding="utf-8")
    (data / "cases" / "x.yml").unlink()
    os.symlink(outside, data / "cases" / "x.yml")


JPEG = image_bytes("JPEG")
STATUSES = "at-risk, detained, disappeared, deported, released, died-in-custody"
RLO, PDF, LRI, PDI, RLE = "\u202e", "\u202c", "\u2066", "\u2069", "\u202b"
WORDS_5001 = " ".join(["word"] * 5001)

CORPUS: list[Bad] = [
    # --- yaml ------------------------------------------------------------------------------
    Bad("yaml", "billion laughs in a case", case(M + billion_laughs()),
        f"{X}:7: YAML aliases (*) repeat more than 10,000 values; write the values out instead"),
    Bad("yaml", "billion laughs in sources.yml", {"sources": SOURCES_YML + "- id: lol\n  title: t\n  publisher: p\n"
                                                   + "".join(f"  {line}\n" for line in billion_laughs().splitlines())},
        "data/sources.yml:20: YAML aliases (*) repeat more than 10,000 values; write the values out instead"),
    Bad("yaml", "5,000-deep flow nesting", case(M + "ask: " + "[" * 5000 + "]" * 5000 + "\n"),
        f"{X}:4: lists and mappings are nested more than 50 levels deep here; check the indentation and the brackets"),
    Bad("yaml", "100,000-deep nesting (crashes libyaml's composer)", case(M + "ask: " + "{a: " * 100000 + "}" * 100000 + "\n"),
        f"{X}:4: lists and mappings are nested more than 50 levels deep here; check the indentation and the brackets"),
    Bad("yaml", "60-deep block nesting", case(M + nested_block(60)),
        f"{X}:54: lists and mappings are nested more than 50 levels deep here; check the indentation and the brackets"),
    Bad("yaml", "deep nesting of list items", case(M + "ask:\n" + "- " * 3000 + "x\n"),
        f"{X}:5: lists and mappings are nested more than 50 levels deep here; check the indentation and the brackets"),
    Bad("yaml", "case file over 1 MB", case(M + "ask: {en: \"" + "a " * 600_000 + "\", ar: ب}\n"),
        f"{X}: the file is larger than the 1 MB allowed for a case file; shorten it"),
    Bad("yaml", "runaway double quote in a flow mapping", case(M.replace('status: detained', 'status: "detained')),
        f"{X}:2: YAML syntax error: a quoted text starting on this line is never closed (add the closing quote)"),
    Bad("yaml", "runaway quote in a block mapping",
        case(M.replace('summary: {en: "A fictional case.", ar: "حالة خيالية."}',
                       'summary:\n  en: "A fictional case.\n  ar: "حالة خيالية."')),
        f"{X}:4: YAML syntax error: a quoted text starting on this line is never closed (add the closing quote)"),
    Bad("yaml", "runaway single quote", case(M + "ask:\n  en: 'Free him\n  ar: 'أطلقوا سراحه'\n"),
        f"{X}:5: YAML syntax error: a quoted text starting on this line is never closed (add the closing quote)"),
    Bad("yaml", "quote never closed before the end of the file", case(M + 'ask: {en: "Free him, ar: ب}\n'),
        f"{X}:4: YAML syntax error: a quoted text starting on this line is never closed (add the closing quote)"),
    Bad("yaml", "case file is a link to a file outside the repository", case(M), setup=link_case_file,
        expected=f"{X}: the file is a symbolic link; put the file itself in data/cases/"),
    Bad("yaml", "two YAML documents", case(M + "---\n" + M),
        f"{X}:4: YAML syntax error: the file holds more than one YAML document (remove the extra ---)"),
    Bad("yaml", "merge key", case(M + "base: &b {en: a, ar: ب}\nask:\n  <<: *b\n"),
        f"{X}:6: YAML merge keys (<<) are not supported; write the fields out"),
    # --- schema: length limits -------------------------------------------------------------
    Bad("schema", "name.en over 200 characters", case(M.replace("Test Person", "T" * 201)),
        f"{X}:1: name.en is 201 characters long, more than the 200 allowed; shorten it"),
    Bad("schema", "name.ar over 200 characters", case(M.replace("شخص تجريبي", "ش" * 250)),
        f"{X}:1: name.ar is 250 characters long, more than the 200 allowed; shorten it"),
    Bad("schema", "summary over 5,000 words", case(M.replace("A fictional case.", WORDS_5001)),
        f"{X}:3: summary.en is 5,001 words long, more than the 5,000 allowed; shorten it"),
    Bad("schema", "summary of one 40,001-character word", case(M.replace("حالة خيالية.", "ح" * 40001)),
        f"{X}:3: summary.ar is 40,001 characters long, more than the 40,000 allowed; shorten it"),
    Bad("schema", "an alias over 200 characters", case(M + f"aliases: [A, {'b' * 300}]\n"),
        f"{X}:4: aliases[2] is 300 characters long, more than the 200 allowed; shorten it"),
    Bad("schema", "an event place over 200 characters",
        case(M + "events:\n  - date: 2020\n    type: arrested\n    text: {en: a, ar: ب}\n"
             f"    place: {{en: {'p' * 201}, ar: مكان}}\n"),
        f"{X}:8: events[1].place.en is 201 characters long, more than the 200 allowed; shorten it"),
    Bad("schema", "a figure period over 200 characters",
        {"figures": FIGURES_YML.replace('period: {en: "2023"', f'period: {{en: "{"9" * 201}"')},
        "data/figures.yml:4: period.en is 201 characters long, more than the 200 allowed; shorten it"),
    Bad("schema", "a source title over 2,000 characters",
        {"sources": SOURCES_YML.replace("A fictional report", "r" * 2500)},
        "data/sources.yml:2: title is 2,500 characters long, more than the 2,000 allowed; shorten it"),
    Bad("schema", "a url over 2,000 characters",
        {"sources": SOURCES_YML.replace("https://example.org/report-one", "https://example.org/" + "u" * 2000)},
        "data/sources.yml:6: url is 2,020 characters long, more than the 2,000 allowed; shorten it"),
    Bad("schema", "a source id over 100 characters",
        {"sources": SOURCES_YML + f"- id: {'s' * 101}\n  title: t\n  publisher: p\n"},
        f"data/sources.yml:14: id is 101 characters long, more than the 100 allowed; shorten it"),
    Bad("schema", "a photo path over 300 characters",
        case(M + f"photo: photos/{'p' * 300}.jpg\nphoto_alt: {{en: a, ar: ب}}\n"),
        f"{X}:4: photo is 311 characters long, more than the 300 allowed; shorten it"),
    Bad("schema", "a context event text over 5,000 words",
        {"events": f"- date: 2020\n  text: {{en: {WORDS_5001}, ar: ب}}\n"},
        "data/events.yml:2: text.en is 5,001 words long, more than the 5,000 allowed; shorten it"),
    # --- photos ----------------------------------------------------------------------------
    Bad("photos", "an SVG renamed .jpg", with_photo(),
        setup=put("photos/p.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        expected=f'{X}:4: photo "photos/p.jpg" is not a JPEG, PNG or WebP image (it is text, perhaps SVG or HTML); '
                 "export it as JPEG"),
    Bad("photos", "an HTML page renamed .png", with_photo("p.png"),
        setup=put("photos/p.png", b"\n  <html><body onload=alert(1)></body></html>"),
        expected=f'{X}:4: photo "photos/p.png" is not a JPEG, PNG or WebP image (it is text, perhaps SVG or HTML); '
                 "export it as JPEG"),
    Bad("photos", "a truncated JPEG", with_photo(), setup=put("photos/p.jpg", JPEG[: len(JPEG) // 2]),
        expected=f'{X}:4: photo "photos/p.jpg" is damaged or cut short (its image data cannot be read to the end); '
                 "export it again"),
    Bad("photos", "a truncated PNG", with_photo("p.png"),
        setup=put("photos/p.png", image_bytes("PNG")[:-200]),
        expected=f'{X}:4: photo "photos/p.png" is damaged or cut short (its image data cannot be read to the end); '
                 "export it again"),
    Bad("photos", "a 30000 x 30000 PNG (decompression bomb)", with_photo("p.png"),
        setup=put("photos/p.png", png_header_only(30000, 30000)),
        expected=f'{X}:4: photo "photos/p.png" has far more than the 50 megapixels allowed; scale it down'),
    Bad("photos", "a 10000 x 6000 PNG", with_photo("p.png"), setup=put("photos/p.png", png_header_only(10000, 6000)),
        expected=f'{X}:4: photo "photos/p.png" is 10,000 x 6,000 pixels, more than the 50 megapixels allowed; '
                 "scale it down (2,000 pixels wide is plenty)"),
    Bad("photos", "a link to an image outside the repository", with_photo(), setup=link_to_outside("photos/p.jpg"),
        expected=f'{X}:4: photo "photos/p.jpg" is a symbolic link (data/photos/p.jpg); put the image file itself in data/'),
    Bad("photos", "a photo folder that links outside the repository", with_photo(), setup=link_folder_to_outside,
        expected=f'{X}:4: photo "photos/p.jpg" is a symbolic link (data/photos); put the image file itself in data/'),
    Bad("photos", "a PNG named .jpg", with_photo(), setup=put("photos/p.jpg", image_bytes("PNG")),
        expected=f'{X}:4: photo "photos/p.jpg" is a PNG image but its name ends in .jpg; rename it to end in .png'),
    Bad("photos", "a JPEG named .webp", with_photo("p.webp"), setup=put("photos/p.webp", JPEG),
        expected=f'{X}:4: photo "photos/p.webp" is a JPEG image but its name ends in .webp; rename it to end in .jpg'),
    Bad("photos", "a GIF named .png", with_photo("p.png"), setup=put("photos/p.png", image_bytes("GIF")),
        expected=f'{X}:4: photo "photos/p.png" is not a JPEG, PNG or WebP image; export it as JPEG'),
    Bad("photos", "an empty file", with_photo(), setup=put("photos/p.jpg", b""),
        expected=f'{X}:4: photo "photos/p.jpg" is an empty file; add the image again'),
    Bad("photos", "a folder named like a photo", with_photo(), setup=lambda data: (data / "photos" / "p.jpg").mkdir(parents=True),
        expected=f'{X}:4: photo "photos/p.jpg" is not a file (data/photos/p.jpg is a folder); give the path of the image'),
    Bad("photos", "a photo over 20 MB", with_photo(), setup=sparse("photos/p.jpg", 25_000_000),
        expected=f'{X}:4: photo "photos/p.jpg" is 25.0 MB, more than the 20 MB allowed; save it smaller '
                 "(2,000 pixels wide is plenty)"),
    Bad("photos", "random bytes", with_photo(), setup=put("photos/p.jpg", os.urandom(0) + bytes(range(256)) * 4),
        expected=f'{X}:4: photo "photos/p.jpg" is not a JPEG, PNG or WebP image; export it as JPEG'),
    Bad("photos", "photo path with a backslash", case(M + "photo: photos\\p.jpg\nphoto_alt: {en: a, ar: ب}\n"),
        f'{X}:4: photo "photos\\\\p.jpg" should be a path inside data/ ending in .jpg, .jpeg, .png or .webp, '
        "e.g. photos/saleh-al-samar.jpg"),
    Bad("photos", "absolute photo path", case(M + "photo: /etc/passwd.jpg\nphoto_alt: {en: a, ar: ب}\n"),
        f'{X}:4: photo "/etc/passwd.jpg" should be a path inside data/ ending in .jpg, .jpeg, .png or .webp, '
        "e.g. photos/saleh-al-samar.jpg"),
    # --- dates -----------------------------------------------------------------------------
    Bad("dates", "29 February in a common year", case(M + "last_verified: 2023-02-29\n"),
        f'{X}:4: last_verified "2023-02-29" is not a real date: February 2023 has 28 days'),
    Bad("dates", "embargo on an impossible day", case(M + "embargo_until: 2025-02-30\n"),
        f'{X}:4: embargo_until "2025-02-30" is not a real date: February 2025 has 28 days'),
    Bad("dates", "a source published in the future", {"sources": SOURCES_YML.replace("date: 2024", "date: 2031")},
        "data/sources.yml:10: date 2031 is in the future (today is 2025-01-15); check the year"),
    Bad("dates", "a correction dated tomorrow",
        case(M + "corrections:\n  - date: 2025-01-16\n    text: {en: Fixed, ar: صُحّح}\n"),
        f"{X}:5: corrections[1].date 2025-01-16 is in the future (today is 2025-01-15); check the year"),
    Bad("dates", "a date with slashes", case(M + "last_verified: 2023/04/01\n"),
        f'{X}:4: last_verified "2023/04/01" is not a date; write it as YYYY-MM-DD, YYYY-MM or YYYY '
        "(e.g. 2023-04-19, 2023-04 or 2023)"),
    Bad("dates", "a three-digit year", case(M + "last_verified: 999\n"),
        f"{X}:4: last_verified 999 should be a date written YYYY-MM-DD, YYYY-MM or YYYY "
        "(e.g. 2023-04-19, 2023-04 or 2023)"),
    Bad("dates", "day before month", case(M + "last_verified: 19-04-2023\n"),
        f'{X}:4: last_verified "19-04-2023" is not a date; write it as YYYY-MM-DD, YYYY-MM or YYYY '
        "(e.g. 2023-04-19, 2023-04 or 2023)"),
    # --- references ------------------------------------------------------------------------
    Bad("references", "a case lists the same source twice", case(M + "sources: [report-one, report-one]\n"),
        f'{X}:4: sources[2] "report-one" is listed twice (first on line 4); keep one'),
    Bad("references", "an inline source url listed twice",
        case(M + "sources:\n  - {url: https://e.org/a, title: t, publisher: p}\n"
             "  - {url: https://e.org/a, title: t2, publisher: p}\n"),
        f'{X}:6: sources[2] "https://e.org/a" is listed twice (first on line 5); keep one'),
    Bad("references", "a context event cites an unknown source", {"events": EVENTS_YML.replace("report-two", "report-to")},
        'data/events.yml:3: source "report-to" is not an id in data/sources.yml or data/sources/ (did you mean "report-two"?)'),
    Bad("references", "an event source left empty", case(M + "events:\n  - date: 2020\n    type: arrested\n"
                                                          "    text: {en: a, ar: ب}\n    source: \"\"\n"),
        f"{X}:8: events[1].source is empty; fill it in or delete the line"),
    Bad("references", "sources.yml unreadable: references are not all reported as unknown",
        {"sources": "- id: report-one\n  title: [\n", **case(M + "sources: [report-one]\n")},
        "data/sources.yml:3: YAML syntax error: did not find expected node content"),
    # --- text: script direction and bidi controls --------------------------------------------
    Bad("text", "Arabic script in name.en", case(M.replace('en: "Test Person"', 'en: "علي حسن"')),
        f'{X}:1: name.en has Arabic letters ("علي حسن"); the en: text is shown on English pages: write it in '
        "Latin letters, and the Arabic under ar:"),
    Bad("text", "Latin letters only in name.ar", case(M.replace('ar: "شخص تجريبي"', 'ar: "Test Person"')),
        f'{X}:1: name.ar has no Arabic letters ("Test Person"); write it in Arabic (Latin names and acronyms '
        "inside Arabic text are fine)"),
    Bad("text", "an acronym alone in ar", case(M + "ask: {en: SNHR, ar: SNHR}\n"),
        f'{X}:4: ask.ar has no Arabic letters ("SNHR"); write it in Arabic (Latin names and acronyms inside '
        "Arabic text are fine)"),
    Bad("text", "a Latin month name in period.ar", {"figures": FIGURES_YML.replace('ar: "2023"', 'ar: "April 2023"')},
        'data/figures.yml:4: period.ar has no Arabic letters ("April 2023"); write it in Arabic (Latin names and '
        "acronyms inside Arabic text are fine)"),
    Bad("text", "Arabic in an event's English text",
        case(M + "events:\n  - date: 2020\n    type: arrested\n    text: {en: اعتقل, ar: اعتقل}\n"),
        f'{X}:7: events[1].text.en has Arabic letters ("اعتقل"); the en: text is shown on English pages: write it '
        "in Latin letters, and the Arabic under ar:"),
    Bad("text", "Arabic in a figure's English description",
        {"figures": FIGURES_YML.replace("Fictional people counted for a test", "أشخاص")},
        'data/figures.yml:3: what.en has Arabic letters ("أشخاص"); the en: text is shown on English pages: write it '
        "in Latin letters, and the Arabic under ar:"),
    Bad("text", "an unclosed right-to-left override in a name", case(M.replace("Test Person", f"Test {RLO}nosreP")),
        f"{X}:1: name.en has an invisible bidi control U+202E (right-to-left override) that is never closed, so it "
        "reorders the text after it; delete it, or close it with U+202C (pop directional formatting)"),
    Bad("text", "an unmatched pop directional isolate", case(M.replace("حالة خيالية.", f"حالة{PDI} خيالية.")),
        f"{X}:3: summary.ar has an invisible bidi control U+2069 (pop directional isolate) that closes nothing; "
        "delete it"),
    Bad("text", "an unmatched pop directional formatting", case(M + f"aliases: [\"A{PDF}B\"]\n"),
        f"{X}:4: aliases[1] has an invisible bidi control U+202C (pop directional formatting) that closes nothing; "
        "delete it"),
    Bad("text", "an isolate never closed in a source title",
        {"sources": SOURCES_YML.replace("A fictional report", f"A {LRI}fictional report")}, "data/sources.yml:2: title has an invisible bidi control U+2066 (left-to-right isolate) that is never closed, "
        "so it reorders the text after it; delete it, or close it with U+2069 (pop directional isolate)"),
    Bad("text", "an embedding closed by the wrong control", case(M.replace("Test Person", f"Test {RLE}Person{PDI}")),
        f"{X}:1: name.en has an invisible bidi control U+2069 (pop directional isolate) that closes nothing; "
        "delete it"),
]


@pytest.mark.parametrize("bad", CORPUS, ids=[f"{b.group}: {b.name}" for b in CORPUS])
def test_bad_input_is_refused_with_exact_message(tmp_path: Path, bad: Bad) -> None:
    data = write_archive(tmp_path, **bad.files)
    if bad.setup is not None:
        bad.setup(data)
    with pytest.raises(DataError) as caught:
        load_archive(data, today=TODAY)
    assert str(caught.value) == bad.expected


@pytest.mark.parametrize("bad", CORPUS, ids=[f"{b.group}: {b.name}" for b in CORPUS])
def test_check_command_exits_1_without_traceback_or_absolute_path(
    tmp_path: Path, bad: Bad, capsys: pytest.CaptureFixture[str]
) -> None:
    data = write_archive(tmp_path, **bad.files)
    if bad.setup is not None:
        bad.setup(data)
    assert main(["check", "--data", str(data), "--today", TODAY.isoformat()]) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out
    assert str(tmp_path) not in out
    assert out.splitlines()[0] == bad.expected.splitlines()[0]


def test_the_corpus_is_big_enough_and_grouped() -> None:
    groups = {b.group for b in CORPUS}
    assert groups == {"yaml", "schema", "photos", "dates", "references", "text"}
    assert len(CORPUS) >= 50
    assert len({(b.group, b.name) for b in CORPUS}) == len(CORPUS)
