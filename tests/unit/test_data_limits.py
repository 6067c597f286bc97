"""The other side of the bad-input corpus (test_corpus_data): what the limits and
the script-direction check must still accept, how photos are published, and how
warnings behave outside strict mode."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PIL import Image

from sawt.__main__ import main
from sawt.data.errors import DataError
from sawt.data.load import check_archive, load_archive
from sawt.data.photos import PhotoError, publish_photo
from sawt.data.yamldoc import MAX_NESTING_DEPTH, read_yaml
from sawt.engine.archive import ArchiveLoader
from sawt.errors import SawtError
from sawt.machinery.fingerprint import fingerprint

from .test_corpus_data import billion_laughs
from .test_load_fixtures import MINIMAL_CASE, TODAY, write_archive

M = MINIMAL_CASE
PHOTO = "photo: photos/p{ext}\nphoto_alt: {{en: A photo, ar: صورة}}\n"


@pytest.mark.parametrize(
    "extra",
    [
        "ask: {en: Free him, ar: \"أطلقوا سراحه، كما تطالب SNHR\"}\n",  # a Latin acronym inside Arabic
        "ask: {en: \"2023\", ar: \"2023\"}\n",  # no letters at all
        "ask: {en: \"a \u202eb\u202c c\", ar: \"أ \u2067ب\u2069 ج\"}\n",  # closed override and isolate
        "ask: {en: \"a \u2066b \u202bc\u2069 d\", ar: ب}\n",  # an isolate's PDI closes the embedding inside it
        "aliases: [\"علي\", \"Ali\"]\n",  # aliases are in any script
        "ask: {en: \"" + "w " * 4999 + "w\", ar: ب}\n",  # exactly 5,000 words
        "events:\n  - {date: 2020, type: other, text: &t {en: Moved, ar: نُقل}}\n"
        + "".join("  - {date: 2020, type: other, text: *t}\n" for _ in range(100)),  # ordinary aliases
    ],
    ids=["acronym-in-arabic", "digits-only", "closed-bidi", "isolate-closes-embedding", "aliases-any-script",
         "5000-words", "100-aliases"],
)
def test_legitimate_text_is_accepted(tmp_path: Path, extra: str) -> None:
    data = write_archive(tmp_path, cases={"x": M + extra})
    report = check_archive(data, today=TODAY)
    assert [c.slug for c in report.archive.cases] == ["x"]
    assert report.warnings == ()


def test_a_name_of_exactly_200_characters_is_accepted(tmp_path: Path) -> None:
    data = write_archive(tmp_path, cases={"x": M.replace("Test Person", "T" * 200)})
    assert load_archive(data, today=TODAY).cases[0].name.en == "T" * 200


def test_nesting_up_to_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("a: " + "[" * (MAX_NESTING_DEPTH - 1) + "]" * (MAX_NESTING_DEPTH - 1) + "\n", encoding="utf-8")
    problems: list = []
    assert read_yaml(path, "data/cases/x.yml", problems) is not None
    assert problems == []
    path.write_text("a: " + "[" * MAX_NESTING_DEPTH + "]" * MAX_NESTING_DEPTH + "\n", encoding="utf-8")
    assert read_yaml(path, "data/cases/x.yml", problems) is None
    assert len(problems) == 1


def test_alias_bombs_are_refused_quickly(tmp_path: Path) -> None:
    # Before the limit, nine levels of ten aliases ran for 70 s and ended in MemoryError.
    data = write_archive(tmp_path, cases={"x": M + billion_laughs(12)})
    started = time.perf_counter()
    with pytest.raises(DataError, match="YAML aliases"):
        load_archive(data, today=TODAY)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("fmt, ext", [("JPEG", ".jpg"), ("JPEG", ".jpeg"), ("PNG", ".png"), ("WEBP", ".webp")])
def test_real_photos_in_each_format_are_accepted_and_published(tmp_path: Path, fmt: str, ext: str) -> None:
    data = write_archive(tmp_path, cases={"x": M + PHOTO.format(ext=ext)})
    Image.new("RGB", (30, 20), (200, 10, 10)).save(data / "photos" / f"p{ext}", format=fmt)
    archive = load_archive(data, today=TODAY)
    target = tmp_path / "site" / f"x{ext}"
    publish_photo(data, archive.cases[0].photo, target)
    with Image.open(target) as published:
        assert (published.format, published.size) == (fmt, (30, 20))


def test_published_photo_has_no_metadata_and_keeps_palette_colours(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "photos").mkdir(parents=True)
    exif = Image.Exif()
    exif[0x010E] = "SECRET-PLACE"
    Image.new("RGB", (10, 10), (0, 120, 0)).save(data / "photos" / "a.jpg", exif=exif)
    palette = Image.new("P", (10, 10))
    palette.putpalette([0, 0, 255] * 256)
    palette.save(data / "photos" / "b.png")
    publish_photo(data, "photos/a.jpg", tmp_path / "out" / "a.jpg")
    publish_photo(data, "photos/b.png", tmp_path / "out" / "b.png")
    assert b"SECRET-PLACE" not in (tmp_path / "out" / "a.jpg").read_bytes()
    with Image.open(tmp_path / "out" / "b.png") as published:
        assert published.convert("RGB").getpixel((5, 5)) == (0, 0, 255)


def test_publishing_never_follows_a_link(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "photos").mkdir(parents=True)
    secret = tmp_path / "secret.jpg"
    Image.new("RGB", (10, 10)).save(secret)
    os.symlink(secret, data / "photos" / "p.jpg")
    with pytest.raises(PhotoError, match="symbolic link"):
        publish_photo(data, "photos/p.jpg", tmp_path / "out" / "p.jpg")
    assert not (tmp_path / "out").exists()


ARABIC_IN_EN = M.replace('en: "Test Person"', 'en: "علي"')
WARNING = ('data/cases/x.yml:1: warning: name.en has Arabic letters ("علي"); the en: text is shown on English '
           "pages: write it in Latin letters, and the Arabic under ar:")


def test_check_is_strict_and_lenient_prints_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_archive(tmp_path, cases={"x": ARABIC_IN_EN})
    assert main(["check", "--data", str(data), "--today", TODAY.isoformat()]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "1 problem in 1 file"
    assert main(["check", "--data", str(data), "--today", TODAY.isoformat(), "--lenient"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == WARNING
    assert lines[1].endswith("is valid: 1 published case (0 unpublished or embargoed), 3 sources, 1 figure, "
                             "2 context events")


def test_a_preview_build_keeps_warnings_and_a_strict_build_stops(tmp_path: Path) -> None:
    write_archive(tmp_path, cases={"x": ARABIC_IN_EN})
    data, cache = tmp_path / "data", tmp_path / ".cache" / "data"
    preview = ArchiveLoader(data)
    assert [c.slug for c in preview.load(fingerprint(data), today=TODAY, strict=False, cache_dir=cache).cases] == ["x"]
    assert preview.warnings == (WARNING,)
    with pytest.raises(SawtError, match="name.en has Arabic letters"):
        ArchiveLoader(data).load(fingerprint(data), today=TODAY, strict=True, cache_dir=cache)
