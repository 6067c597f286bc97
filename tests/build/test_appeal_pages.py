"""Appeal pages and a case's primary action, read from the built HTML in both languages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

from tests.build.site_html import soup
from tests.conftest import APPEAL_TEST_EMAIL, ROOT, SITE_URL

APPEALS = {item["id"]: item for item in yaml.safe_load((ROOT / "data" / "appeals.yml").read_text(encoding="utf-8"))}
PREFIX = {"en": "", "ar": "ar/"}


def _page(site: Path, lang: str, path: str):
    return soup(site / PREFIX[lang] / path / "index.html")


def _mailto(href: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(href)
    assert parts.scheme == "mailto", href
    return unquote(parts.path), {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}


def _crlf(text: str) -> str:
    return text.strip().replace("\n", "\r\n")


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("appeal_id", sorted(APPEALS))
def test_appeal_page_names_its_targets_and_shows_the_letter(site_dir: Path, lang: str, appeal_id: str) -> None:
    appeal = APPEALS[appeal_id]
    block = _page(site_dir, lang, f"appeals/{appeal_id}").select_one(f'.sawt-appeal[data-sawt-appeal="{appeal_id}"]')
    assert block is not None
    names = [n.get_text() for n in block.select(".sawt-appeal__target-name")]
    assert names == [target["name"][lang] for target in appeal["targets"]]
    # No seed gives an email: no send link, each target says why, and the page says what to do instead.
    assert block.select('a[href^="mailto:"]') == []
    assert [n.get_text() for n in block.select(".sawt-appeal__no-email")] == [t["no_email"][lang] for t in appeal["targets"]]
    assert block.select_one(".sawt-appeal__note") is not None
    letter = block.select_one(".sawt-letter")
    first_line = appeal["letter"][lang].strip().splitlines()[0]
    assert letter.select("p")[0].get_text() == first_line
    assert len(letter.select("p")) == len([p for p in appeal["letter"][lang].split("\n\n") if p.strip()])
    copy = block.select_one("button.sawt-letter__copy")
    assert copy.has_attr("hidden") and copy["data-letter"] == letter["id"]  # shown by sawt-share.js


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_case_without_an_email_target_shares_and_links_its_appeal(site_dir: Path, lang: str) -> None:
    page = _page(site_dir, lang, "cases/saleh-al-samar")
    action = page.select_one(".sawt-ask__action a.md-button--primary")
    assert action["href"] == "#sawt-share-title" and page.select_one("#sawt-share-title") is not None
    appeal_link = page.select_one(".sawt-ask__action a.sawt-case__appeal")
    assert appeal_link["href"] == "../../appeals/saleh-al-samar/"
    assert (site_dir / PREFIX[lang] / "appeals/saleh-al-samar/index.html").is_file()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_send_link_carries_the_letter_in_the_page_language(appeal_email_site: Path, lang: str) -> None:
    appeal = APPEALS["saleh-al-samar"]
    block = _page(appeal_email_site, lang, "appeals/saleh-al-samar").select_one(".sawt-appeal")
    send = block.select_one("a.sawt-appeal__send")
    to, query = _mailto(send["href"])
    assert to == APPEAL_TEST_EMAIL and query["subject"] == appeal["subject"][lang]
    assert len(send["href"]) <= 8000
    # The whole letter in the reader's language, Arabic too (6 characters a letter encoded).
    assert query["body"] == _crlf(appeal["letter"][lang])
    assert block.select_one(".sawt-appeal__note") is None
    deadline = block.select_one(".sawt-appeal__deadline").get_text()
    assert deadline == {"en": "Act by 1 January 2099", "ar": "آخر موعد للتحرك: 1 كانون الثاني 2099"}[lang]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_case_with_an_email_target_sends_the_letter(appeal_email_site: Path, lang: str) -> None:
    case = _page(appeal_email_site, lang, "cases/saleh-al-samar")
    action = case.select_one(".sawt-ask__action a.md-button--primary")
    assert action.get_text() == {"en": "Send the letter", "ar": "أرسل الرسالة"}[lang]
    appeal_page = _page(appeal_email_site, lang, "appeals/saleh-al-samar")
    assert action["href"] == appeal_page.select_one("a.sawt-appeal__send")["href"]
    # Other cases have no appeal: they keep the share button.
    other = _page(appeal_email_site, lang, "cases/osama").select_one(".sawt-ask__action a.md-button--primary")
    assert other is None or other["href"] == "#sawt-share-title"
