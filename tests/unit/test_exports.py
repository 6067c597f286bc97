"""Open-data exports: exactly the public fields, documented, licensed, Excel-friendly."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest

from sawt.outputs.exports import (
    FIELD_NAMES,
    LICENSE_ID,
    LICENSE_NOTE,
    PUBLIC_FIELDS,
    cases_csv,
    cases_json,
    csv_headers,
    public_record,
)
from sawt.data.model import Archive, Case, Correction, Event, PartialDate, Source, Text

SENTINEL = "SENTINEL-NOT-PUBLIC-7f3a"
SITE = "https://sawt.example.org/"


def fictional_case(**changes: object) -> Case:
    fields: dict[str, object] = dict(
        slug="test-person",
        name=Text("Test Person", "شخص تجريبي"),
        status="detained",
        summary=Text("A fictional person used in tests.", "شخص خيالي يُستخدم في الاختبارات."),
        ask=Text("=Release him, now.", "الإفراج عنه فورًا."),
        aliases=("T. Person", "ش. تجريبي"),
        pseudonym=True,
        events=(
            Event(PartialDate(2019, 4, 19), "arrested", Text("Arrested.", "اعتُقل."),
                  place=Text("Test City", "مدينة الاختبار")),
            Event(PartialDate(2020), "transferred", Text("Transferred.", "نُقل.")),
        ),
        sources=(
            Source("test-source", "Fictional report", "Test Publisher", PartialDate(2020), url="https://example.org/r"),
            Source("test-archived", "Archived report", "Test Publisher", None, archived_url="https://archive.example/r"),
            Source("test-offline", "Printed report", "Test Publisher", None),
        ),
        last_verified=PartialDate(2023, 6),
    )
    fields.update(changes)
    return Case(**fields)  # type: ignore[arg-type]


def sentinel_case() -> Case:
    """A case with the sentinel in every field that is NOT public."""
    return fictional_case(
        slug="test-sentinel",
        events=(
            Event(PartialDate(2019), "arrested", Text("Arrested.", "اعتُقل."),
                  by=Text(SENTINEL, SENTINEL)),
            Event(PartialDate(2020), "other", Text(SENTINEL, SENTINEL), place=Text(SENTINEL, SENTINEL),
                  source=Source(SENTINEL, SENTINEL, SENTINEL, None)),
        ),
        sources=(Source(SENTINEL, SENTINEL, SENTINEL, PartialDate(2020), language=SENTINEL),),
        corrections=(Correction(PartialDate(2021), Text(SENTINEL, SENTINEL)),),
        photo=f"photos/{SENTINEL}.jpg",
        photo_alt=Text(SENTINEL, SENTINEL),
        source_file=f"data/cases/{SENTINEL}.yml",
    )


ARCHIVE = Archive(cases=(fictional_case(), sentinel_case()))


def test_json_has_license_fields_and_exactly_the_public_fields() -> None:
    for lang in ("en", "ar"):
        document = json.loads(cases_json(ARCHIVE, lang))
        assert list(document) == ["license", "language", "fields", "cases"]
        assert document["license"]["id"] == LICENSE_ID == "CC-BY-4.0"
        assert document["license"]["note"] == LICENSE_NOTE[lang]
        assert [f["name"] for f in document["fields"]] == list(FIELD_NAMES)
        assert all(f["label"] and f["description"] for f in document["fields"])
        for record in document["cases"]:
            assert list(record) == list(FIELD_NAMES)


def test_public_values() -> None:
    en = public_record(fictional_case(), "en", SITE)
    assert en == {
        "slug": "test-person",
        "name_en": "Test Person",
        "name_ar": "شخص تجريبي",
        "aliases": ["T. Person", "ش. تجريبي"],
        "status": "detained",
        "status_label": "Detained",
        "pseudonym": True,
        "summary": "A fictional person used in tests.",
        "ask": "=Release him, now.",
        "arrest_date": "2019-04-19",
        "arrest_place": "Test City",
        "last_verified": "2023-06",
        "url": "https://sawt.example.org/cases/test-person/",
        "sources": ["https://example.org/r", "https://archive.example/r"],
        "sources_archived": ["", ""],  # no capture of either in this fictional archive
        "arrest_grade": None,  # not graded
    }
    ar = public_record(fictional_case(), "ar")
    assert ar["status_label"] == "محتجز"
    assert ar["summary"] == "شخص خيالي يُستخدم في الاختبارات."
    assert ar["arrest_place"] == "مدينة الاختبار"
    assert ar["url"] == "/ar/cases/test-person/"


def test_optional_fields_are_empty_not_missing() -> None:
    record = public_record(fictional_case(ask=None, events=(), last_verified=None, sources=()), "en")
    assert record["ask"] is None and record["arrest_date"] is None and record["arrest_place"] is None
    assert record["last_verified"] is None and record["sources"] == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_nothing_outside_the_public_fields_is_exported(lang: str) -> None:
    assert SENTINEL not in cases_json(ARCHIVE, lang)
    assert SENTINEL not in cases_csv(ARCHIVE, lang)


def test_every_model_field_is_either_exported_or_deliberately_left_out() -> None:
    # A new Case field must be decided on here, not exported (or forgotten) by accident.
    # appeal: a link between pages of this site, not a fact about the person.
    left_out = {"events", "corrections", "photo", "photo_alt", "source_file", "appeal"}  # arrest: via Case.arrest
    exported_from = {"slug", "name", "status", "summary", "ask", "aliases", "pseudonym", "last_verified", "sources"}
    assert {f.name for f in dataclasses.fields(Case)} <= left_out | exported_from


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_has_bom_crlf_and_headers_in_its_language() -> None:
    ar = cases_csv(ARCHIVE, "ar")
    assert ar.startswith("\ufeff") and "\r\n" in ar
    rows = read_csv(ar)
    assert rows[0] == [f.label.ar for f in PUBLIC_FIELDS] == csv_headers("ar")
    assert rows[0][:3] == ["المعرّف", "الاسم (بالإنكليزية)", "الاسم (بالعربية)"]
    assert read_csv(cases_csv(ARCHIVE, "en"))[0] == list(FIELD_NAMES)
    assert cases_csv(ARCHIVE, "en").startswith("\ufeff")  # Arabic names are in the English file too
    assert len(rows) == 1 + len(ARCHIVE.cases)


def test_csv_cells() -> None:
    row = dict(zip(FIELD_NAMES, read_csv(cases_csv(ARCHIVE, "en"))[1]))
    assert row["aliases"] == "T. Person | ش. تجريبي"
    assert row["pseudonym"] == "true"
    assert row["sources"] == "https://example.org/r | https://archive.example/r"
    assert row["ask"] == "'=Release him, now."  # a spreadsheet must not run it as a formula
    assert row["name_ar"] == "شخص تجريبي"


def test_csv_round_trips_through_utf8_sig() -> None:
    data = cases_csv(ARCHIVE, "ar").encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1][2] == "شخص تجريبي"


def test_field_docs_are_complete_in_both_languages() -> None:
    assert len(FIELD_NAMES) == len(set(FIELD_NAMES)) == 16
    for field in PUBLIC_FIELDS:
        for lang in ("en", "ar"):
            assert field.label[lang].strip() and field.description[lang].strip()


def test_each_export_is_written_with_a_gzip_copy_of_the_same_bytes(tmp_path) -> None:
    import gzip

    from sawt.outputs.exports import cases_json_chunks, write_export

    many = Archive(cases=tuple(fictional_case(slug=f"test-person-{n:04d}") for n in range(2500)))
    written = write_export(tmp_path / "cases.json", cases_json_chunks(many, "ar"))
    raw = (tmp_path / "cases.json").read_bytes()
    assert raw.decode("utf-8") == cases_json(many, "ar")  # chunked as when written whole
    assert len(json.loads(raw)["cases"]) == 2500
    assert gzip.decompress((tmp_path / "cases.json.gz").read_bytes()) == raw
    assert (written.size, written.gzip_size) == (len(raw), (tmp_path / "cases.json.gz").stat().st_size)
    assert written.gzip_size < written.size / 3
    first = (tmp_path / "cases.json.gz").read_bytes()
    write_export(tmp_path / "cases.json", cases_json_chunks(many, "ar"))
    assert (tmp_path / "cases.json.gz").read_bytes() == first  # no time in it: an unchanged export is an unchanged file


def test_csv_written_in_chunks_is_the_csv() -> None:
    from sawt.outputs.exports import cases_csv_chunks

    many = Archive(cases=tuple(fictional_case(slug=f"test-person-{n:04d}") for n in range(2100)))
    rows = read_csv("".join(cases_csv_chunks(many, "en")))
    assert len(rows) == 2101 and rows[-1][0] == "test-person-2099"


def test_an_unchanged_export_is_not_compressed_again(tmp_path, monkeypatch) -> None:
    """The gzip copy is kept in the cache by the hash of the text: a build whose export did not
    change publishes the cached copy (a hard link) instead of compressing the text again."""
    import gzip
    import os

    from sawt.outputs import exports
    from sawt.outputs.exports import cases_json_chunks, sweep_export_cache, write_export

    many = Archive(cases=tuple(fictional_case(slug=f"test-person-{n:04d}") for n in range(300)))
    cache = tmp_path / "cache"
    site = tmp_path / "site"
    site.mkdir()
    plain = write_export(tmp_path / "plain.json", cases_json_chunks(many, "en"))
    first = write_export(site / "cases.json", cases_json_chunks(many, "en"), cache_dir=cache)
    raw = (site / "cases.json").read_bytes()
    assert gzip.decompress((site / "cases.json.gz").read_bytes()) == raw
    # The same bytes as the copy written in one pass, without a cache.
    assert (site / "cases.json.gz").read_bytes() == (tmp_path / "plain.json.gz").read_bytes()
    assert (first.size, first.gzip_size) == (plain.size, plain.gzip_size)
    assert first.cached is not None and os.path.samefile(first.cached, site / "cases.json.gz")

    def no_compression(*args, **kwargs):
        raise AssertionError("an unchanged export was compressed again")

    monkeypatch.setattr(exports, "_compress_into_cache", no_compression)
    (site / "cases.json").unlink()
    (site / "cases.json.gz").unlink()  # a fresh staging folder, as every build has
    again = write_export(site / "cases.json", cases_json_chunks(many, "en"), cache_dir=cache)
    assert again.cached == first.cached and gzip.decompress((site / "cases.json.gz").read_bytes()) == raw
    monkeypatch.undo()

    # An edit makes a new copy; the sweep keeps only what this build published.
    edited = Archive(cases=many.cases[:-1])
    changed = write_export(site / "cases.json", cases_json_chunks(edited, "en"), cache_dir=cache)
    assert changed.cached != first.cached
    assert gzip.decompress((site / "cases.json.gz").read_bytes()) == (site / "cases.json").read_bytes()
    assert sweep_export_cache(cache, [changed.cached]) == [first.cached]
    assert sorted(p.name for p in cache.iterdir()) == [changed.cached.name]
