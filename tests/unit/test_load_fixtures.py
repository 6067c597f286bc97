"""A small, valid, entirely fictional archive for the loader tests, and a
helper to write variations of it into a temporary directory.

(No tests here; the name only keeps the file with the loader's tests.)
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from PIL import Image

#: The day the tests pretend it is: embargoes and "in the future" are judged against it.
TODAY = date(2025, 1, 15)

# Sentinels: strings that must never reach the Archive (see test_load_privacy).
HIDDEN_NAME = "HIDDEN-SENTINEL-NAME"
EMBARGOED_NAME = "EMBARGOED-SENTINEL-NAME"
PRIVATE_NOTE = "PRIVATE-SENTINEL-NOTE"
SECRET_SOURCE_TITLE = "SECRET-SENTINEL-SOURCE"

SOURCES_YML = f"""\
- id: report-one
  title: "A fictional report"
  publisher: "Fictional Rights Group"
  date: 2023-06
  language: en
  url: https://example.org/report-one
- id: report-two
  title: "تقرير خيالي"
  publisher: "Fictional Rights Group"
  date: 2024
- id: report-secret
  title: "{SECRET_SOURCE_TITLE}"
  publisher: "Fictional Rights Group"
"""

FIGURES_YML = """\
- id: fictional-returns
  value: 1234
  what: {en: "Fictional people counted for a test", ar: "أشخاص خياليون للاختبار"}
  period: {en: "2023", ar: "2023"}
  source: report-one
"""

EVENTS_YML = """\
- date: 2023-04
  text: {en: "A fictional context event.", ar: "حدث عام خيالي."}
  source: report-two
- date: 2019
  text: {en: "An older fictional context event.", ar: "حدث عام خيالي أقدم."}
"""

#: The smallest valid case; bad-input tests start from it.
MINIMAL_CASE = """\
name: {en: "Test Person", ar: "شخص تجريبي"}
status: detained
summary: {en: "A fictional case.", ar: "حالة خيالية."}
"""

FULL_CASE = f"""\
# A fictional case using every field.
name: {{en: "Ali Test", ar: "علي تجريبي"}}
aliases: ["A. Test", "علي"]
status: detained
pseudonym: false
summary:
  en: >-
    A fictional person, written for the loader's tests.
  ar: >-
    شخص خيالي كُتب لاختبارات المحمِّل.
ask: {{en: "Fictional ask.", ar: "مطلب خيالي."}}
last_verified: 2023-06-30
photo: photos/ali-test.jpg
photo_alt: {{en: "A grey square.", ar: "مربع رمادي."}}
events:
  - date: 2023-05
    type: transferred
    place: {{en: "Test Branch", ar: "فرع تجريبي"}}
    text: {{en: "Moved.", ar: "نُقل."}}
    source: https://example.net/inline
  - date: 2023-04-19
    type: arrested
    by: {{en: "Test Police", ar: "شرطة تجريبية"}}
    text: {{en: "Arrested.", ar: "اعتُقل."}}
    source: report-one
  - date: "2023"
    type: other
    text: {{en: "Sometime in 2023.", ar: "في وقت ما من 2023."}}
sources:
  - report-one
  - url: https://example.net/inline
    title: "An inline fictional article"
    publisher: "Fictional News"
    date: 2023-05-02
corrections:
  - date: 2023-07-01
    text: {{en: "Fixed a date.", ar: "صُحّح تاريخ."}}
private:
  contact: "{PRIVATE_NOTE}"
"""

PSEUDONYM_CASE = """\
name: {en: "Basma Test", ar: "بسمة تجريبية"}
status: deported
pseudonym: true
summary: {en: "A fictional case.", ar: "حالة خيالية."}
events:
  - date: 2022-08-03
    type: deported
    text: {en: "Deported.", ar: "رُحّلت."}
    source: report-two
  - date: 2022
    type: arrested
    text: {en: "Arrested.", ar: "اعتُقلت."}
"""

HIDDEN_CASE = f"""\
name: {{en: "{HIDDEN_NAME}", ar: "مخفي"}}
status: disappeared
summary: {{en: "{HIDDEN_NAME} summary.", ar: "ملخص."}}
events:
  - date: 2021
    type: disappeared
    text: {{en: "{HIDDEN_NAME} event.", ar: "حدث."}}
    source: report-secret
publish: false
private: {{phone: "{PRIVATE_NOTE}"}}
"""

EMBARGOED_CASE = f"""\
name: {{en: "{EMBARGOED_NAME}", ar: "محجوب"}}
status: released
summary: {{en: "{EMBARGOED_NAME} summary.", ar: "ملخص."}}
sources: [report-secret]
embargo_until: 2025-01-16
"""

EMBARGO_OVER_CASE = """\
name: {en: "Past Embargo", ar: "حظر منتهٍ"}
status: released
summary: {en: "A fictional case whose embargo is over.", ar: "حالة خيالية انتهى حظرها."}
events:
  - date: 2020-02-29
    type: released
    text: {en: "Released on a leap day.", ar: "أُفرج عنه في يوم كبيس."}
embargo_until: 2025-01-15
"""

VALID_CASES = {
    "ali-test": FULL_CASE,
    "basma-test": PSEUDONYM_CASE,
    "hidden-test": HIDDEN_CASE,
    "later-test": EMBARGOED_CASE,
    "past-embargo": EMBARGO_OVER_CASE,
}


def small_image(suffix: str = ".jpg", size: tuple[int, int] = (8, 6)) -> bytes:
    """A real, tiny image file (the loader opens every photo)."""
    out = io.BytesIO()
    fmt = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}[suffix.lower()]
    Image.new("RGB", size, (90, 90, 90)).save(out, format=fmt)
    return out.getvalue()


def write_archive(
    root: Path,
    cases: dict[str, str | bytes] | None = None,
    *,
    sources: str | None = SOURCES_YML,
    figures: str | None = FIGURES_YML,
    events: str | None = EVENTS_YML,
    photos: tuple[str, ...] = ("photos/ali-test.jpg",),
) -> Path:
    """Write an archive under root/data and return the data dir.

    `cases` maps a file name (with or without .yml) to its text or bytes; by
    default the valid fixture cases are written. A None list file is left out.
    """
    data = root / "data"
    (data / "cases").mkdir(parents=True, exist_ok=True)
    for name, text in (VALID_CASES if cases is None else cases).items():
        file_name = name if name.endswith((".yml", ".yaml")) else f"{name}.yml"
        path = data / "cases" / file_name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    for name, text in (("sources", sources), ("figures", figures), ("events", events)):
        if text is not None:
            (data / f"{name}.yml").write_text(text, encoding="utf-8")
    for photo in photos:
        (data / photo).parent.mkdir(parents=True, exist_ok=True)
        (data / photo).write_bytes(small_image(Path(photo).suffix))
    return data
