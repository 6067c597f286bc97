"""The site's configuration, read once from mkdocs.yml into one typed object.

mkdocs.yml stays the one file a campaigner edits: the site's address, its languages
and their site names (the i18n plugin's list), and Sawt's own settings under
`extra: sawt:`. Sawt reads it here with a plain YAML reader (no MkDocs import), so the
command line (`python -m sawt check`) and the build agree on every setting.

The languages are the i18n plugin's list, the one place they are declared: code, name, site
name, which is the default; their direction comes from CLDR (sawt/languages.py), their words
from the gettext catalogs (sawt/catalogs.py; a string not yet translated shows in English).
The archive's texts are written in English and Arabic (sawt.data.model.LANGS), so both must
be listed.
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
from sawt import languages
from sawt.data.model import LANGS
from sawt.languages import Direction


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
    locale_dirs: tuple[Path, ...]  # the site's own gettext catalogs (locale/), before Sawt's (sawt/catalogs.py)
    time_zone: str  # embargoes lift at 00:00 of their date in this zone
    allowed_files: tuple[str, ...] = ()  # .html/.svg/.js under docs/ that a reviewer allowed (see sawt.render.sanitise)
    mission: Mapping[str, str] = field(default_factory=dict)  # one line by language, under the site's name
    contact: Contact = field(default_factory=Contact)
    #: Past this many case pages, the search index is split into case shards (sawt.outputs.search.index).
    search_case_pages_per_shard: int = 1_000

    @property
    def site_languages(self) -> tuple[languages.Language, ...]:
        return tuple(languages.Language(lang.code, lang.name, lang.direction, lang.url_prefix) for lang in self.languages)

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
    per_shard = extra.get("search_case_pages_per_shard", SiteConfig.search_case_pages_per_shard)
    if isinstance(per_shard, bool) or not isinstance(per_shard, int) or per_shard < 1:
        raise ConfigError(f"{config_file.name}: extra.sawt.search_case_pages_per_shard must be a whole number "
                          f"of at least 1, not {per_shard!r}")
    return SiteConfig(
        root=root,
        site_url=site_url if site_url is not None else str(raw.get("site_url") or ""),
        languages=_languages(raw, config_file.name),
        docs_dir=root / str(raw.get("docs_dir", "docs")),
        data_dir=root / str(extra.get("data_dir", "data")),
        cache_dir=root / ".cache",
        font_dir=root / "overrides" / "assets" / "fonts",
        locale_dirs=(root / str(extra.get("locale_dir", "locale")),),
        time_zone=time_zone,
        allowed_files=tuple(str(name) for name in (extra.get("allowed_files") or [])),
        mission=_texts(extra.get("mission"), "extra.sawt.mission", config_file.name, required=False, max_length=160),
        contact=_contact(extra.get("contact"), config_file.name),
        search_case_pages_per_shard=per_shard,
    )


_EMAIL = re.compile(r"^[^@\s,;?&%<>\"]+@[^@\s,;?&%<>\"]+\.[^@\s,;?&%<>\"]+$")


def _texts(value: Any, key: str, file_name: str, *, required: bool, max_length: int) -> dict[str, str]:
    """A one-line text in each language the archive's texts are written in ({en: ..., ar: ...}),
    and optionally in the site's other languages."""
    if value is None and not required:
        return {}
    if not isinstance(value, dict) or any(not isinstance(value.get(code), str) or not value[code].strip()
                                           for code in LANGS):
        raise ConfigError(f"{file_name}: {key} must be one line in each language, like "
                          f'{key.rsplit(".", 1)[-1]}: {{{", ".join(f"{code}: ..." for code in LANGS)}}}')
    texts = {str(code): " ".join(str(text).split()) for code, text in value.items() if str(text or "").strip()}
    for code, text in texts.items():
        if len(text) > max_length:
            raise ConfigError(f"{file_name}: {key}.{code} has {len(text)} characters; keep it to one line "
                              f"of at most {max_length}")
    return texts


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
    """The i18n plugin's languages: the one list of the site's languages (the default first)."""
    plugins = raw.get("plugins") or []
    i18n = next((p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p), None)
    if not isinstance(i18n, dict) or not isinstance(i18n.get("languages"), list):
        raise ConfigError(f"{file_name}: the i18n plugin and its languages: list are needed "
                          "(Sawt builds every page in each language)")
    found = []
    for entry in i18n["languages"]:
        code = entry.get("locale") if isinstance(entry, dict) else None
        try:
            language = languages.language(str(code), str(entry.get("name") or code), default=bool(entry.get("default")))
        except ValueError as error:
            raise ConfigError(f"{file_name}: i18n language {code!r}: {error}") from None
        found.append(SiteLanguage(
            code=language.code, name=language.name,
            site_name=str(entry.get("site_name") or raw.get("site_name") or "Sawt"),
            direction=language.direction, url_prefix=language.url_prefix, default=bool(entry.get("default")),
        ))
    missing = [code for code in LANGS if code not in {language.code for language in found}]
    if missing:
        raise ConfigError(f"{file_name}: the i18n plugin lists no {', '.join(missing)}: the archive's texts are "
                          f"written in {' and '.join(LANGS)}, and the site is built in each of them")
    defaults = [language.code for language in found if language.default]
    if defaults != [LANGS[0]]:
        # A page or text missing in a language is shown in the default one; the archive's texts
        # fall back to their first language: the two must be the same.
        raise ConfigError(f"{file_name}: the default language is {LANGS[0]}, the language the archive's texts fall "
                          f"back to: mark it, and only it, default: true (it is served at the root)")
    return tuple(sorted(found, key=lambda language: not language.default))
