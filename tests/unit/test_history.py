"""The history of a record (sawt/data/history.py): what a reader is told changed, and what never shows.
Pure: versions are given as parsed mappings, git's output as text; no process starts."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

from sawt.data.gitlog import parse_batch, parse_raw_log
from sawt.data.history import (
    CHANGES,
    UNAVAILABLE,
    CaseHistory,
    HistoryEntry,
    RecordHistories,
    changes_between,
    public_history,
    summarize,
)
from sawt.data.model import Case, Correction, PartialDate, Text
from sawt.render import strings
from sawt.render.case_page import case_page_content
from sawt.render.history import history_html

TODAY = date(2026, 12, 7)


def case(**changes):
    base = {
        "name": {"en": "Saleh", "ar": "صالح"},
        "status": "detained",
        "summary": {"en": "Arrested at a checkpoint.", "ar": "اعتُقل على حاجز."},
        "events": [{"date": "2023-04-19", "type": "arrested", "text": {"en": "Arrested.", "ar": "اعتُقل."}}],
        "sources": ["snhr"],
        "private": {"note": "family phone 0999"},
    }
    base.update(changes)
    return {key: value for key, value in base.items() if value is not None}


def history(*versions, today=TODAY):
    return public_history([(date.fromisoformat(day), summarize(value) if value is not False else False)
                           for day, value in versions], today)


def test_the_first_public_version_is_first_published_and_later_ones_name_what_changed():
    entries = history(("2026-01-10", case()), ("2026-02-01", case(status="released")),
                      ("2026-03-05", case(summary={"en": "Freed in March.", "ar": "أُفرج عنه في آذار."}, status="released")))
    assert entries == (HistoryEntry(date(2026, 3, 5), changes=("summary",)),
                       HistoryEntry(date(2026, 2, 1), changes=("status",)),
                       HistoryEntry(date(2026, 1, 10), first_published=True))


def test_a_change_to_private_fields_only_shows_nothing():
    entries = history(("2026-01-10", case()), ("2026-02-01", case(private={"note": "moved to Idlib, new number"})),
                      ("2026-02-02", case(private=None)))
    assert entries == (HistoryEntry(date(2026, 1, 10), first_published=True),)


def test_changes_made_while_unpublished_show_nothing_and_publication_is_first_published():
    entries = history(("2026-01-10", case(publish=False)),
                      ("2026-01-20", case(publish=False, status="disappeared", summary={"en": "Draft", "ar": "مسودة"})),
                      ("2026-02-01", case(publish=True)))
    assert entries == (HistoryEntry(date(2026, 2, 1), first_published=True),)


def test_an_embargo_publishes_on_its_day_and_hides_what_changed_before():
    entries = history(("2026-01-10", case(embargo_until="2026-03-01")),
                      ("2026-02-01", case(embargo_until="2026-03-01", status="released")),
                      ("2026-04-01", case(embargo_until="2026-03-01", status="released", ask={"en": "Free him", "ar": "أطلقوا سراحه"})))
    # The first version was replaced before its embargo lifted: the second was the first public one, on 1 March.
    assert entries == (HistoryEntry(date(2026, 4, 1), changes=("ask",)),
                       HistoryEntry(date(2026, 3, 1), first_published=True))


def test_an_embargo_still_running_today_shows_nothing():
    assert history(("2026-01-10", case(embargo_until="2027-01-01"))) == ()


def test_a_withdrawn_case_republished_is_compared_with_what_was_last_public():
    entries = history(("2026-01-10", case()), ("2026-02-01", case(publish=False)),
                      ("2026-02-10", case(publish=False, status="released")), ("2026-03-01", case(status="released")))
    assert entries == (HistoryEntry(date(2026, 3, 1), changes=("status",)),
                       HistoryEntry(date(2026, 1, 10), first_published=True))


def test_unreadable_versions_are_skipped_and_a_deleted_file_leaves_the_site():
    entries = history(("2026-01-10", case()), ("2026-01-11", "not: [a case"), ("2026-02-01", False),
                      ("2026-03-01", case(status="released")))
    assert entries == (HistoryEntry(date(2026, 3, 1), changes=("status",)),
                       HistoryEntry(date(2026, 1, 10), first_published=True))
    assert summarize("not a mapping") is None


def test_changes_on_one_day_are_one_entry():
    entries = history(("2026-01-10", case()), ("2026-02-01", case(status="released")),
                      ("2026-02-01", case(status="released", sources=["snhr", "syria-direct"])))
    assert entries[0] == HistoryEntry(date(2026, 2, 1), changes=("status", "sources"))
    assert history(("2026-01-10", case()), ("2026-01-10", case(status="released"))) == (
        HistoryEntry(date(2026, 1, 10), first_published=True),)


def test_events_added_changed_and_removed_are_told_apart_and_order_is_not_a_change():
    first = {"date": "2023-04-19", "type": "arrested", "text": {"en": "Arrested.", "ar": "اعتُقل."}}
    second = {"date": "2023-05-01", "type": "transferred", "text": {"en": "Moved.", "ar": "نُقل."}}
    graded = {**first, "grade": "single-source"}
    fields = lambda events: summarize(case(events=events))["fields"]  # noqa: E731
    assert changes_between(fields([first]), fields([first, second])) == ("events_added",)
    assert changes_between(fields([first, second]), fields([graded, second])) == ("events_changed",)
    assert changes_between(fields([first, second]), fields([second])) == ("events_removed",)
    assert changes_between(fields([first, second]), fields([second, first])) == ()


def test_whitespace_a_reader_cannot_see_is_not_a_change():
    before = summarize(case(summary={"en": "Arrested at a checkpoint.", "ar": "اعتُقل على حاجز."}))["fields"]
    after = summarize(case(summary={"en": "Arrested  at a\ncheckpoint.\n", "ar": "اعتُقل على حاجز."}))["fields"]
    assert changes_between(before, after) == ()


def test_a_field_the_history_has_no_name_for_is_other_details_and_every_change_has_a_label():
    assert changes_between({"name": "a"}, {"name": "a", "new_field": "b"}) == ("other",)
    for change in CHANGES:
        assert strings.text(f"history:{change}", "en") and strings.text(f"history:{change}", "ar")


def test_publication_controls_and_private_notes_are_not_in_a_summary():
    summary = summarize(case(publish=True, embargo_until="2026-01-01"))
    assert set(summary["fields"]) == {"name", "status", "summary", "events", "sources"}
    assert "0999" not in repr(summary)


# --- git's output ----------------------------------------------------------------------------

BLOB_A, BLOB_B, BLOB_C, ZERO = "a" * 40, "b" * 40, "c" * 40, "0" * 40


def raw(status, old_blob, new_blob, *paths):
    return f"\n:100644 100644 {old_blob} {new_blob} {status}\0" + "\0".join(paths) + "\0"


def test_the_log_gives_each_case_file_its_versions_oldest_first_following_a_rename():
    day1, day2, day3 = 1767225600, 1769904000, 1772323200  # 2026-01-01, 2026-02-01, 2026-03-01 (UTC)
    text = (f"\x01{day3}\0" + raw("R100", BLOB_B, BLOB_B, "data/cases/old-name.yml", "data/cases/new-name.yml")
            + raw("D", BLOB_C, ZERO, "data/cases/gone.yml")
            + f"\x01{day2}\0" + raw("M", BLOB_A, BLOB_B, "data/cases/old-name.yml")
            + raw("A", ZERO, BLOB_C, "data/cases/gone.yml") + raw("A", ZERO, BLOB_C, "data/cases/photos/x.yml")
            + f"\x01{day1}\0" + raw("A", ZERO, BLOB_A, "data/cases/old-name.yml"))
    versions = parse_raw_log(text, "data/cases/")
    assert [(v.day.isoformat(), v.blob) for v in versions["new-name"]] == [
        ("2026-01-01", BLOB_A), ("2026-02-01", BLOB_B), ("2026-03-01", BLOB_B)]
    assert [(v.day.isoformat(), v.blob) for v in versions["gone"]] == [("2026-02-01", BLOB_C), ("2026-03-01", None)]
    assert set(versions) == {"new-name", "gone"}  # not the file in a sub-folder, nor the old name


def test_cat_file_batch_output_is_split_into_blobs():
    out = f"{BLOB_A} blob 5\nhello\n{BLOB_B} missing\n{BLOB_C} blob 0\n\n".encode()
    assert parse_batch(out) == {BLOB_A: b"hello", BLOB_B: None, BLOB_C: b""}


# --- the page's section --------------------------------------------------------------------------


class _Section(HTMLParser):
    """The history section as a reader meets it: its heading, its entries' text and <time> values."""

    def __init__(self):
        super().__init__()
        self.heading, self.items, self.times, self.notes, self._in = "", [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h2" and attrs.get("id") == "history":
            self._in.append("h2")
        elif tag == "li" and "sawt-history__entry" in (attrs.get("class") or ""):
            self.items.append("")
            self._in.append("li")
        elif tag == "time" and self._in and self._in[-1] == "li":
            self.times.append(attrs.get("datetime"))
        elif tag == "a" and self._in and self._in[-1] == "h2":
            self._in.append("a")

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == {"h2": "h2", "li": "li", "a": "a"}.get(tag):
            self._in.pop()

    def handle_data(self, data):
        if self._in == ["h2"]:
            self.heading += data
        elif self._in and self._in[-1] == "li":
            self.items[-1] += data


def sample_case():
    return Case(slug="saleh", name=Text("Saleh", "صالح"), status="released", summary=Text("S.", "ص."),
                corrections=(Correction(PartialDate(2026, 3, 5), Text("The arrest date was 19 April, not 18.",
                                                                      "تاريخ الاعتقال 19 نيسان لا 18.")),))


HISTORY = CaseHistory(entries=(HistoryEntry(date(2026, 3, 5), changes=("status", "events_added")),
                               HistoryEntry(date(2026, 1, 10), first_published=True)))


def section(history, lang):
    parser = _Section()
    parser.feed(case_page_content(sample_case(), lang, site_name="Sawt", history=history).body_html)
    return parser


def test_the_page_shows_the_history_newest_first_in_both_languages_with_the_days_correction():
    english, arabic = section(HISTORY, "en"), section(HISTORY, "ar")
    assert english.heading == "History of this record"
    assert arabic.heading == "سجلّ التعديلات على هذا الملف"
    assert english.times == arabic.times == ["2026-03-05", "2026-01-10"]
    assert " ".join(english.items[0].split()) == (
        "5 March 2026 Changed: status, timeline (events added) "
        "Correction note: The arrest date was 19 April, not 18.")
    assert " ".join(english.items[1].split()) == "10 January 2026 First published"
    assert " ".join(arabic.items[0].split()).startswith("5 آذار 2026 عُدِّل: الحالة، التسلسل الزمني (أحداث مضافة)")
    assert "ملاحظة التصحيح: تاريخ الاعتقال 19 نيسان لا 18." in arabic.items[0]
    assert " ".join(arabic.items[1].split()) == "10 كانون الثاني 2026 نُشر أول مرة"


def test_without_a_history_the_page_says_it_is_not_available_and_lists_nothing():
    for lang, said in (("en", "not available in this build"), ("ar", "غير متاح في هذه النسخة")):
        page = case_page_content(sample_case(), lang, site_name="Sawt", history=UNAVAILABLE).body_html
        assert said in page and "sawt-history__entry" not in page
    assert RecordHistories(unavailable="a shallow clone").of("anyone") == UNAVAILABLE


def test_a_case_never_committed_says_its_history_is_not_available():
    assert "not available in this build" in history_html(sample_case(), CaseHistory(), "en")
    assert RecordHistories(by_slug={}).of("never-committed") == UNAVAILABLE
