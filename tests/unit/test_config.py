"""The one typed site config, read from mkdocs.yml without MkDocs."""

from __future__ import annotations

from pathlib import Path

import pytest

from sawt.config import ConfigError, load_site_config

ROOT = Path(__file__).resolve().parents[2]


def test_the_projects_config_names_both_languages_and_sites(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAWT_SITE_URL", "https://mirror.example/sawt/")
    config = load_site_config(ROOT / "mkdocs.yml")
    assert config.codes == ("en", "ar")
    assert config.site_names == {"en": "Sawt", "ar": "صوت"}
    assert [(l.direction, l.url_prefix) for l in config.languages] == [("ltr", ""), ("rtl", "ar/")]
    assert config.site_url == "https://mirror.example/sawt/"  # read through !ENV
    assert config.time_zone == "UTC"
    assert config.data_dir == ROOT / "data" and config.docs_dir == ROOT / "docs"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    original = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    path.write_text(original.replace("    time_zone: UTC\n", text) if "time_zone" in text else text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("    time_zone: Mars/Olympus\n", 'extra.sawt.time_zone "Mars/Olympus" is not a time zone name'),
        ("site_name: x\nplugins: [search]\n", "the i18n plugin and its languages: list are needed"),
        # Any language CLDR knows can be added (tests/build/test_third_language.py adds French); a code it
        # does not know is refused.
        ("plugins:\n  - i18n:\n      languages:\n        - {locale: en, default: true}\n        - {locale: zz}\n",
         "i18n language 'zz': \"zz\" is not a language code that Unicode CLDR knows"),
        ("plugins:\n  - i18n:\n      languages:\n        - {locale: en, default: true}\n", "lists no ar"),
        ("plugins:\n  - i18n:\n      languages:\n        - {locale: en}\n        - {locale: ar, default: true}\n",
         "the default language is en, the language the archive's texts fall back to"),
    ],
    ids=["bad-time-zone", "no-i18n", "unknown-language", "missing-language", "wrong-default"],
)
def test_a_config_sawt_cannot_build_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_site_config(_write(tmp_path, text))


def test_a_configured_time_zone_reaches_the_check(tmp_path: Path) -> None:
    from sawt.cli import _configured_time_zone

    (tmp_path / "data").mkdir()
    _write(tmp_path, "    time_zone: Asia/Beirut\n")
    assert _configured_time_zone(tmp_path / "data") == "Asia/Beirut"
    assert _configured_time_zone(tmp_path / "elsewhere" / "data") == "UTC"


def _with_contact(tmp_path: Path, contact: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    original = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    start = original.index("    contact:\n")
    end = original.index("\n\n", start)
    path.write_text(original[:start] + contact + original[end:], encoding="utf-8")
    return path


def test_the_sample_has_a_mission_and_no_contact() -> None:
    config = load_site_config(ROOT / "mkdocs.yml")
    assert set(config.mission) == {"en", "ar"} and all(config.mission.values())
    assert config.contact.is_empty  # no seed gives the campaign's address: nothing is shown


def test_a_configured_contact_is_typed(tmp_path: Path) -> None:
    config = load_site_config(_with_contact(tmp_path, (
        "    contact:\n      email: tips@example.org\n      url: https://example.org/safely/\n"
        "      note: {en: \"Use Signal.\", ar: \"استخدم Signal.\"}")))
    assert (config.contact.email, config.contact.url) == ("tips@example.org", "https://example.org/safely/")
    assert config.contact.note == {"en": "Use Signal.", "ar": "استخدم Signal."} and not config.contact.is_empty


@pytest.mark.parametrize(("contact", "message"), [
    ("    contact:\n      email: not an address", 'extra.sawt.contact.email "not an address" is not one email address'),
    ("    contact:\n      url: javascript:alert(1)", "is not a web address starting with https://"),
    ("    contact:\n      phone: 123", "extra.sawt.contact takes email:, url: and note:"),
    ("    contact:\n      email: a@example.org\n      note: {en: only English}", "extra.sawt.contact.note must be one line in each language"),
])
def test_a_bad_contact_is_a_clear_error(tmp_path: Path, contact: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_site_config(_with_contact(tmp_path, contact))
