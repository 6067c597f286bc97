"""data/appeals.yml (schema and checks), the appeal's mailto: link and block, and a
case's primary action. All people and addresses here are fictional."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from sawt.data.errors import DataError
from sawt.data.load import load_archive
from sawt.data.model import Appeal, AppealTarget, Text
from sawt.render.appeal import MAILTO_MAX_LENGTH, appeal_html, appeal_mailto, case_action, mailto_href

from .test_load_fixtures import MINIMAL_CASE, TODAY, write_archive

APPEALS_YML = """\
- id: free-test-person
  title: {en: "Free Test Person", ar: "الحرية لشخص تجريبي"}
  subject: {en: "Test Person", ar: "شخص تجريبي"}
  letter:
    en: |-
      Dear office,

      Please release Test Person.
    ar: |-
      إلى المكتب،

      أرجو الإفراج عن شخص تجريبي.
  deadline: 2025-02-01
  targets:
    - name: {en: "Fictional Office", ar: "مكتب خيالي"}
      email: office@example.org
    - name: {en: "Another Office", ar: "مكتب آخر"}
      no_email: {en: "No address is published.", ar: "لا يوجد عنوان منشور."}
  cases: [person]
"""


def _archive(tmp_path: Path, appeals: str = APPEALS_YML, cases: dict[str, str] | None = None):
    data = write_archive(tmp_path, cases if cases is not None else {"person": MINIMAL_CASE + "appeal: free-test-person\n"})
    (data / "appeals.yml").write_text(appeals, encoding="utf-8")
    return data


def _problems(tmp_path: Path, **kwargs) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_archive(_archive(tmp_path, **kwargs), today=TODAY)
    return [str(problem) for problem in caught.value.problems]


def test_valid_appeal_is_modelled(tmp_path: Path) -> None:
    archive = load_archive(_archive(tmp_path), today=TODAY)
    appeal = archive.appeals["free-test-person"]
    assert appeal.emails == ("office@example.org",)
    assert appeal.deadline == date(2025, 2, 1)
    assert appeal.cases == ("person",)
    assert appeal.targets[1].no_email == Text("No address is published.", "لا يوجد عنوان منشور.")
    assert archive.case("person").appeal == "free-test-person"


def test_withheld_case_is_left_off_its_appeal(tmp_path: Path) -> None:
    hidden = MINIMAL_CASE + "appeal: free-test-person\npublish: false\n"
    archive = load_archive(_archive(tmp_path, cases={"person": hidden}), today=TODAY)
    assert archive.appeals["free-test-person"].cases == ()


def test_case_naming_an_unknown_appeal(tmp_path: Path) -> None:
    problems = _problems(tmp_path, cases={"person": MINIMAL_CASE + "appeal: free-test-persn\n"})
    assert 'data/cases/person.yml:4: appeal "free-test-persn" is not an id in data/appeals.yml ' \
           '(did you mean "free-test-person"?); the appeals are: free-test-person' in problems


def test_appeal_problems_have_file_line_and_field(tmp_path: Path) -> None:
    broken = (APPEALS_YML
              .replace("deadline: 2025-02-01", "deadline: 2025-02-30")
              .replace("      email: office@example.org\n", "      email: office at example\n")
              .replace('      no_email: {en: "No address is published.", ar: "لا يوجد عنوان منشور."}\n', "")
              .replace("cases: [person]", "cases: [person, nobody]")
              .replace("  subject:", "  subjct:"))
    problems = _problems(tmp_path, appeals=broken)
    assert problems == [
        "data/appeals.yml:3: subjct is not a known field; did you mean subject?",
        'data/appeals.yml:13: deadline "2025-02-30" is not a real date: February 2025 has 28 days',
        'data/appeals.yml:16: targets[1].email "office at example" should be one email address, like office@example.org',
        "data/appeals.yml:17: targets[2] has no email:; add the email only if a source published it, otherwise say "
        'why there is none with no_email: {en: "...", ar: "..."} (never guess an address)',
        'data/appeals.yml:18: cases[2] "nobody" is not a case: no data/cases/nobody.yml',
    ]


def test_appeal_case_must_point_back(tmp_path: Path) -> None:
    problems = _problems(tmp_path, cases={"person": MINIMAL_CASE})
    assert problems == ["data/appeals.yml:19: cases[1]: data/cases/person.yml does not say "
                        "appeal: free-test-person; add that line to the case, or take the case off this list"]


def test_appeal_without_targets(tmp_path: Path) -> None:
    start = APPEALS_YML.index("  targets:")
    end = APPEALS_YML.index("  cases:")
    problems = _problems(tmp_path, appeals=APPEALS_YML[:start] + "  targets: []\n" + APPEALS_YML[end:])
    assert any(":14: targets is empty" in p for p in problems), problems


# --- mailto: -------------------------------------------------------------------------

LETTER_AR = "السيد المحترم،\n\nأرجو الإفراج عنه & عدم إعادته؟\nشكراً"


def _decoded(href: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    query = {key: values[0] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    return unquote(parts.path), query


def test_mailto_encodes_arabic_newlines_and_reserved_characters() -> None:
    href = mailto_href(["a@example.org", "b@example.org"], "الموضوع: صالح & co?", LETTER_AR)
    assert href.isascii() and " " not in href and "\n" not in href
    assert "%0D%0A%0D%0A" in href  # line breaks are CRLF, as RFC 6068 asks
    to, query = _decoded(href)
    assert to == "a@example.org,b@example.org"
    assert query["subject"] == "الموضوع: صالح & co?"
    assert query["body"] == LETTER_AR.replace("\n", "\r\n")


def _appeal(letter: str, emails: tuple[str, ...] = ("office@example.org",), deadline: date | None = None) -> Appeal:
    targets = tuple(AppealTarget(name=Text("Office", "مكتب"), email=e) for e in emails) or (
        AppealTarget(name=Text("Office", "مكتب"), no_email=Text("None given.", "لا يوجد.")),)
    return Appeal(id="x", title=Text("X", "س"), subject=Text("Subject", "الموضوع"), letter=Text(letter, letter),
                  targets=targets, deadline=deadline)


def test_short_letter_goes_whole_into_the_body() -> None:
    mailto = appeal_mailto(_appeal(LETTER_AR), "ar", page_address="https://sawt.example.org/ar/appeals/x/")
    assert mailto.whole_letter and len(mailto.href) <= MAILTO_MAX_LENGTH
    assert _decoded(mailto.href)[1]["body"] == LETTER_AR.replace("\n", "\r\n")


def test_long_letter_falls_back_to_a_short_body_naming_the_page() -> None:
    letter = "\n\n".join(["أرجو الإفراج عنه وعدم إعادته إلى سوريا رغماً عنه."] * 40)
    assert len(mailto_href(["office@example.org"], "الموضوع", letter)) > MAILTO_MAX_LENGTH
    mailto = appeal_mailto(_appeal(letter), "ar", page_address="https://sawt.example.org/ar/appeals/x/")
    assert not mailto.whole_letter and len(mailto.href) <= MAILTO_MAX_LENGTH
    to, query = _decoded(mailto.href)
    assert to == "office@example.org" and query["subject"] == "الموضوع"
    assert "https://sawt.example.org/ar/appeals/x/" in query["body"] and "الصق الرسالة" in query["body"]


def test_no_email_no_mailto() -> None:
    assert appeal_mailto(_appeal("Hi", emails=()), "en", page_address="https://x/") is None


# --- the block and the case action ------------------------------------------------------


def _block(appeal: Appeal, lang: str, today: date) -> BeautifulSoup:
    html = appeal_html(appeal, lang, today=today, page_address="https://sawt.example.org/appeals/x/",
                       case_url=lambda slug: f"../../cases/{slug}/", case_names={})
    return BeautifulSoup(html, "lxml")


def test_deadline_is_a_date_in_the_page_language_and_closes_after_it() -> None:
    appeal = _appeal("Hi", deadline=date(2025, 4, 19))
    open_ar = _block(appeal, "ar", date(2025, 4, 19))
    assert open_ar.select_one(".sawt-appeal__deadline").get_text() == "آخر موعد للتحرك: 19 نيسان 2025"
    assert open_ar.select_one(".sawt-appeal__send")["href"].startswith("mailto:office@example.org?")
    closed_en = _block(appeal, "en", date(2025, 4, 20))
    assert closed_en.select_one(".sawt-appeal--closed .sawt-appeal__closed").get_text().startswith(
        "Closed on 19 April 2025")
    assert closed_en.select_one(".sawt-appeal__send") is None and closed_en.select_one(".sawt-letter__copy") is None


def test_case_action_sends_only_an_open_appeal_with_an_email() -> None:
    args = dict(appeal_href="../../appeals/x/", appeal_address="https://sawt.example.org/appeals/x/")
    send = case_action(_appeal("Hi"), "en", today=TODAY, **args)
    assert (send.kind, send.label) == ("send", "Send the letter") and send.href.startswith("mailto:")
    assert _decoded(send.href)[1]["body"] == "Hi"
    no_email = case_action(_appeal("Hi", emails=()), "ar", today=TODAY, **args)
    assert (no_email.kind, no_email.label, no_email.href) == ("share", "شارك هذه القضية", "#sawt-share-title")
    assert no_email.appeal_href == "../../appeals/x/"
    closed = case_action(_appeal("Hi", deadline=date(2025, 1, 1)), "en", today=TODAY, **args)
    assert closed.kind == "share"
    assert case_action(None, "en", today=TODAY, appeal_href=None, appeal_address=None).appeal_href is None


# --- shortcodes and pages ---------------------------------------------------------------


def _expand(markdown: str, archive, **kwargs) -> str:
    from sawt.render.shortcodes import expand_shortcodes

    return expand_shortcodes(markdown, archive=archive, lang="en", file="docs/en/appeals/x.md",
                             case_url=lambda slug: f"../../cases/{slug}/", today=TODAY, **kwargs)


def test_unknown_appeal_in_a_page_is_a_clear_error(tmp_path: Path) -> None:
    from sawt.data.errors import ShortcodeError

    archive = load_archive(_archive(tmp_path), today=TODAY)
    with pytest.raises(ShortcodeError) as caught:
        _expand("intro\n\n<!-- sawt:appeal free-test-persn -->\n", archive)
    assert str(caught.value) == ('docs/en/appeals/x.md:3: sawt:appeal: unknown appeal "free-test-persn" '
                                 '(did you mean "free-test-person"?); valid appeal ids are: free-test-person')


def test_an_appeal_without_a_page_stops_the_build(tmp_path: Path) -> None:
    from sawt.engine.files import check_appeal_pages
    from sawt.errors import SawtError

    archive = load_archive(_archive(tmp_path), today=TODAY)
    docs = tmp_path / "docs"
    with pytest.raises(SawtError, match='appeal "free-test-person" has no page: write docs/en/appeals/free-test-person.md'):
        check_appeal_pages(archive, docs, ("en", "ar"))
    (docs / "ar" / "appeals").mkdir(parents=True)
    (docs / "ar" / "appeals" / "free-test-person.md").write_text("# x\n", encoding="utf-8")
    check_appeal_pages(archive, docs, ("en", "ar"))  # one language is enough: the other borrows it


def test_contact_shows_only_when_configured(tmp_path: Path) -> None:
    from sawt.config import Contact

    archive = load_archive(_archive(tmp_path), today=TODAY)
    assert _expand("<!-- sawt:contact -->\n", archive, contact=Contact()).strip() == ""
    shown = BeautifulSoup(_expand("<!-- sawt:contact -->\n", archive, contact=Contact(email="tips@example.org")), "lxml")
    assert shown.select_one("h2#contact") is not None
    assert shown.select_one('a[href="mailto:tips@example.org"]').get_text() == "tips@example.org"


def test_a_misspelt_no_email_is_reported_once(tmp_path: Path) -> None:
    problems = _problems(tmp_path, appeals=APPEALS_YML.replace("      no_email:", "      noemail:"))
    assert problems == ["data/appeals.yml:18: targets[2].noemail is not a known field; did you mean no_email?"]


def test_a_misspelt_appeal_in_a_case_is_reported_once(tmp_path: Path) -> None:
    problems = _problems(tmp_path, cases={"person": MINIMAL_CASE + "appeal: free-test-persn\n"})
    assert len(problems) == 1 and problems[0].startswith('data/cases/person.yml:4: appeal "free-test-persn"')
