"""Nothing of an unpublished or embargoed case, nor any private field, reaches site/.

Sentinel strings are planted in every place a volunteer could put them; after a
real build, every output file (pages, search index, sitemap, feeds, exports,
cards, photos, compressed or not) is searched for them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from tests.build.projects import build, copy_project, output_files, readable_bytes
from tests.build.site_html import soup

pytestmark = pytest.mark.build

SENTINELS = {
    "unpublished": "ZZUNPUBLISHEDSENTINEL",
    "embargoed": "ZZEMBARGOEDSENTINEL",
    "private": "ZZPRIVATESENTINEL",
    "photo-exif": "ZZEXIFSENTINEL",
    "story": "ZZSTORYSENTINEL",
}

STORY = """\
---
title: The story of {who}
---

{sentinel} A hand-written story page of a case that is not published.
"""

CASE = """\
name: {{en: "{name_en}", ar: "{name_ar}"}}
status: detained
summary: {{en: "{summary}", ar: "ملخص: {summary}"}}
{extra}
"""


def write_case(data: Path, slug: str, *, name_en: str, name_ar: str, summary: str, extra: str = "") -> None:
    (data / "cases" / f"{slug}.yml").write_text(
        CASE.format(name_en=name_en, name_ar=name_ar, summary=summary, extra=extra), encoding="utf-8"
    )


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("privacy"))
    data = project / "data"
    write_case(data, "zz-unpublished-person", name_en=f"{SENTINELS['unpublished']} Name",
               name_ar="اسم مخفي", summary=f"Hidden {SENTINELS['unpublished']}", extra="publish: false")
    write_case(data, "zz-embargoed-person", name_en=f"{SENTINELS['embargoed']} Name",
               name_ar="اسم محجوب", summary=f"Embargoed {SENTINELS['embargoed']}", extra="embargo_until: 2999-01-01")
    (data / "photos").mkdir(exist_ok=True)
    photo = Image.new("RGB", (40, 40), (120, 30, 30))
    exif = Image.Exif()
    exif[0x010E] = SENTINELS["photo-exif"]  # ImageDescription
    exif[0x013B] = SENTINELS["photo-exif"]  # Artist
    photo.save(data / "photos" / "zz-public.jpg", exif=exif)
    photo.save(data / "photos" / "zz-hidden.jpg")
    write_case(data, "zz-public-person", name_en="Test Public Person", name_ar="شخص تجريبي علني",
               summary="A fictional published test case.",
               extra=(f"photo: photos/zz-public.jpg\nphoto_alt: {{en: A test photo, ar: صورة تجريبية}}\n"
                      f"private:\n  phone: \"{SENTINELS['private']} +961 00 000 000\"\n"
                      f"  note: {{en: \"{SENTINELS['private']}\"}}"))
    (data / "cases" / "zz-unpublished-person.yml").write_text(
        (data / "cases" / "zz-unpublished-person.yml").read_text(encoding="utf-8")
        + "photo: photos/zz-hidden.jpg\nphoto_alt: {en: Hidden, ar: مخفي}\n", encoding="utf-8")
    # Stories of withheld cases: one in both languages, one in Arabic only (the
    # English build borrows pages written in one language; it must not borrow this).
    for lang in ("en", "ar"):
        (project / "docs" / lang / "cases" / "zz-unpublished-person.md").write_text(
            STORY.format(who="zz-unpublished-person", sentinel=SENTINELS["story"]), encoding="utf-8")
    (project / "docs" / "ar" / "cases" / "zz-embargoed-person.md").write_text(
        STORY.format(who="zz-embargoed-person", sentinel=SENTINELS["story"]), encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    (project / "build.log").write_text(result.stderr, encoding="utf-8")
    return project / "site"


def test_the_build_says_how_many_stories_it_held_back(planted: Path):
    log = (planted.parent / "build.log").read_text(encoding="utf-8")
    assert log.count("2 story page(s) held back") == 2  # each language: its own and the borrowed one


def test_the_planted_public_case_is_built(planted: Path):
    assert (planted / "cases" / "zz-public-person" / "index.html").exists()
    assert (planted / "ar" / "cases" / "zz-public-person" / "index.html").exists()


@pytest.mark.parametrize("kind", sorted(SENTINELS))
def test_no_output_file_contains_a_sentinel(planted: Path, kind: str):
    sentinel = SENTINELS[kind].encode()
    leaks = [p.relative_to(planted).as_posix() for p in output_files(planted) if sentinel in readable_bytes(p)]
    assert leaks == []


@pytest.mark.parametrize("slug", ["zz-unpublished-person", "zz-embargoed-person", "zz-hidden"])
def test_withheld_cases_leave_no_page_link_or_file(planted: Path, slug: str):
    assert not list(planted.rglob(f"*{slug}*"))
    leaks = [p.relative_to(planted).as_posix() for p in output_files(planted) if slug.encode() in readable_bytes(p)]
    assert leaks == []


def test_withheld_cases_are_not_counted(planted: Path):
    cases = len(list((planted.parent / "data" / "cases").glob("*.yml"))) - 2
    for home in (planted / "index.html", planted / "ar" / "index.html"):
        counts = soup(home).select(".sawt-count")
        assert counts, home
        assert counts[0].text.strip() == str(cases)


def test_published_photo_has_no_metadata(planted: Path):
    photos = list((planted / "assets" / "photos").glob("*"))
    assert [p.name for p in photos] == ["zz-public-person.jpg"]
    with Image.open(photos[0]) as image:
        assert dict(image.getexif()) == {}
        assert "exif" not in image.info


def test_a_story_without_its_case_stops_the_build(tmp_path: Path):
    project = copy_project(tmp_path)
    (project / "docs" / "en" / "cases" / "zz-nobody.md").write_text(
        STORY.format(who="nobody", sentinel="x"), encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert ("docs/en/cases/zz-nobody.md: this page is the story of a case, but data/cases/zz-nobody.yml "
            "does not exist.") in result.stderr
    assert "Traceback" not in result.stderr
    assert not list((project / "site").rglob("*.html"))
