"""The site's configuration, read once from mkdocs.yml into one typed object.

mkdocs.yml stays the one file a campaigner edits: the site's address, its languages
and their site names (the i18n plugin's list), and Sawt's own settings under
`extra: sawt:`. Sawt reads it here with a plain YAML reader (no MkDocs import), so the
command line (`python -m sawt check`) and the build agree on every setting.

The languages are those Sawt has words for (sawt/languages.py and the string tables);
mkdocs.yml chooses their names and site names, and a language Sawt cannot speak is a
clear error rather than a half-translated site.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from sawt.dates import ARCHIVE_TIMEZONE
from sawt.languages import LANGUAGES, Direction


class ConfigError(Exception):
    """mkdocs.yml asks for something Sawt cannot do; the text says what to change."""


@dataclass(frozen=True)
class SiteLanguage:
    code: str  # "en", "ar"
    name: str  # the language's name in itself, for the switcher
    site_name: str  # the site's name in this language
    direction: Direction
    url_prefix: str  # "" for the default language, "ar/" otherwise
    default: bool


@dataclass(frozen=True)
class Contact:
    """How to reach the campaign safely (extra.sawt.contact), shown on the About page by
    <!-- sawt:contact -->. Empty by default, and then nothing is shown: never publish an
    address that the campaign does not own and read."""

    email: str = ""
    url: str = ""  # e.g. a page explaining a Signal number or a SecureDrop address
    note: Mapping[str, str] = field(default_factory=dict)  # by language: how to write safely

    @property
    def is_empty(self) -> bool:
        return not (self.email or self.url)


@dataclass(frozen=True)
class SiteConfig:
    root: Path  # the folder holding mkdocs.yml
    site_url: str  # "" when not set (make serve sets it; make build requires it)
    languages: tuple[SiteLanguage, ...]  # the default language first
    docs_dir: Path
    data_dir: Path
    cache_dir: Path
    font_dir: Path  # the site's web fonts, which share cards draw with too
    time_zone: str  # embargoes lift at 00:00 of their date in this zone
    allowed_files: tuple[str, ...] = ()  # .html/.svg/.js under docs/ that a reviewer allowed (see sawt.render.sanitise)
    mission: Mapping[str, str] = field(default_factory=dict)  # one line by language, under the site's name
    contact: Contact = field(default_factory=Contact)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    def language(self, code: str) -> SiteLanguage:
        for language in self.languages:
            if language.code == code:
                return language
        raise KeyError(code)

    def site_name(self, code: str) -> str:
        return self.language(code).site_name

    @property
    def site_names(self) -> dict[str, str]:
        return {language.code: language.site_name for language in self.languages}


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's own tags: !ENV gives the variable's value; Python objects
    (the toc slugify function) are MkDocs' business and read as None here."""


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return None


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_site_config(config_file: Path, *, site_url: str | None = None) -> SiteConfig:
    """Read mkdocs.yml. `site_url` overrides its site_url (the engine may have resolved it)."""
    config_file = Path(config_file)
    try:
        raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{config_file.name}: cannot be read: {error}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{config_file.name}: expected a mapping of settings")
    root = config_file.resolve().parent
    extra = ((raw.get("extra") or {}).get("sawt") or {}) if isinstance(raw.get("extra"), dict) else {}
    time_zone = str(extra.get("time_zone", ARCHIVE_TIMEZONE))
    try:
        ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f'{config_file.name}: extra.sawt.time_zone "{time_zone}" is not a time zone name '
                          '(e.g. UTC, Asia/Beirut)') from None
    return SiteConfig(
        root=root,
        site_url=site_url if site_url is not None else str(raw.get("site_url") or ""),
        languages=_languages(raw, config_file.name),
        docs_dir=root / str(raw.get("docs_dir", "docs")),
        data_dir=root / str(extra.get("data_dir", "data")),
        cache_dir=root / ".cache",
        font_dir=root / "overrides" / "assets" / "fonts",
        time_zone=time_zone,
        allowed_files=tuple(str(name) for name in (extra.get("allowed_files") or [])),
        mission=_texts(extra.get("mission"), "extra.sawt.mission", config_file.name, required=False, max_length=160),
        contact=_contact(extra.get("contact"), config_file.name),
    )


_EMAIL = re.compile(r"^[^@\s,;?&%<>\"]+@[^@\s,;?&%<>\"]+\.[^@\s,;?&%<>\"]+$")


def _texts(value: Any, key: str, file_name: str, *, required: bool, max_length: int) -> dict[str, str]:
    """A one-line text in every language Sawt speaks ({en: ..., ar: ...})."""
    if value is None and not required:
        return {}
    if not isinstance(value, dict) or any(not isinstance(value.get(code), str) or not value[code].strip()
                                           for code in LANGUAGES):
        raise ConfigError(f"{file_name}: {key} must be one line in each language, like "
                          f'{key.rsplit(".", 1)[-1]}: {{en: "...", ar: "..."}}')
    for code in LANGUAGES:
        text = " ".join(value[code].split())
        if len(text) > max_length:
            raise ConfigError(f"{file_name}: {key}.{code} has {len(text)} characters; keep it to one line "
                              f"of at most {max_length}")
    return {code: " ".join(value[code].split()) for code in LANGUAGES}


def _contact(value: Any, file_name: str) -> Contact:
    if value is None:
        return Contact()
    if not isinstance(value, dict) or set(value) - {"email", "url", "note"}:
        raise ConfigError(f"{file_name}: extra.sawt.contact takes email:, url: and note: {{en: ..., ar: ...}}")
    email = str(value.get("email") or "").strip()
    url = str(value.get("url") or "").strip()
    if email and not _EMAIL.match(email):
        raise ConfigError(f'{file_name}: extra.sawt.contact.email "{email}" is not one email address')
    if url and not re.match(r"^https?://\S+$", url):
        raise ConfigError(f'{file_name}: extra.sawt.contact.url "{url}" is not a web address starting with https://')
    note = value.get("note")
    has_note = isinstance(note, dict) and any(str(v or "").strip() for v in note.values())
    return Contact(email=email, url=url,
                   note=_texts(note, "extra.sawt.contact.note", file_name, required=False, max_length=500) if has_note else {})


def _languages(raw: dict[str, Any], file_name: str) -> tuple[SiteLanguage, ...]:
    plugins = raw.get("plugins") or []
    i18n = next((p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p), None)
    if not isinstance(i18n, dict) or not isinstance(i18n.get("languages"), list):
        raise ConfigError(f"{file_name}: the i18n plugin and its languages: list are needed "
                          "(Sawt builds every page in each language)")
    found = []
    for entry in i18n["languages"]:
        code = entry.get("locale") if isinstance(entry, dict) else None
        if code not in LANGUAGES:
            raise ConfigError(f'{file_name}: language "{code}" is not one Sawt speaks '
                              f"({', '.join(LANGUAGES)}): its labels and dates have no translation yet")
        known = LANGUAGES[code]
        found.append(SiteLanguage(
            code=code,
            name=str(entry.get("name") or known.name),
            site_name=str(entry.get("site_name") or raw.get("site_name") or "Sawt"),
            direction=known.direction,
            url_prefix=known.url_prefix,
            default=bool(entry.get("default")),
        ))
    missing = [code for code in LANGUAGES if code not in {language.code for language in found}]
    if missing:
        raise ConfigError(f"{file_name}: the i18n plugin lists no {', '.join(missing)}: Sawt builds every "
                          f"page in {' and '.join(LANGUAGES)}")
    defaults = [language for language in found if language.default]
    if len(defaults) != 1 or defaults[0].url_prefix:
        raise ConfigError(f"{file_name}: exactly one language is the default, and it is served at the "
                          f"root: {next(c for c, l in LANGUAGES.items() if not l.url_prefix)}")
    return tuple(sorted(found, key=lambda language: not language.default))
