"""The editing UI at /admin/: Decap CMS, configured from the case schema.

`decap_config` turns sawt/data/schemas/case.schema.json into Decap's collection config,
field by field, so the form asks for exactly what `python -m sawt check` accepts: the same
names, required fields, allowed values, patterns and length limits. A schema construct
it does not know how to show raises CmsConfigError (tests/unit/test_cms_config.py runs it
on the real schema), so a field added to the schema can never silently go missing from
the form.

Texts in both languages ({en: ..., ar: ...}) use the `sawt-bilingual` widget
(admin/sawt-cms.js): English and Arabic side by side, the Arabic input dir="rtl"
lang="ar". Pages use Decap's i18n `multiple_folders` mode (docs/en/x.md and docs/ar/x.md
are one entry) with the `sawt-localized` widgets, whose Arabic side is right-to-left too.

`write_admin` lays out the admin folder: index.html and sawt-cms.js from admin/, the
generated config.json, and Decap's bundle from node_modules (about 5 MB, never committed).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any, NoReturn

from sawt.data.model import LANGS
from sawt.data.schema import load_schemas, resolve_ref
from sawt.dates import event_type_label, status_label
from sawt.languages import LANGUAGES, default_language, direction

ADMIN_SOURCES = Path(__file__).resolve().parent / "admin"
ADMIN_FILES = ("index.html", "sawt-cms.js")  # served as they are
DECAP_DIST = Path("node_modules") / "decap-cms" / "dist"
DECAP_BUNDLE = "decap-cms.js"  # its lazily loaded chunks (N.decap-cms.js) and .wasm files sit beside it
#: The GitHub repository the published /admin/ saves to (pull requests, with the editorial workflow).
DEFAULT_REPO = "OWNER/REPOSITORY"

# Widgets for the shared definitions of common.schema.json, by definition name.
_BILINGUAL = {"shortText": False, "text": True}  # definition -> multi-line
_STRING_DEFINITIONS = {"partialDate", "fullDate", "url", "nonEmptyString", "language", "slug"}
_IMAGE_PATTERN = "(jpg|jpeg|png|webp)"  # a path to a photo: the form offers an upload
_OPTION_LABELS = {"status": status_label, "type": event_type_label}  # enum fields with display labels


_REPO = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}$")
_HTTPS_ORIGIN = re.compile(r"^https://[A-Za-z0-9.-]+(:[0-9]+)?$")


class CmsConfigError(Exception):
    """The schema has something the form generator cannot show; the text says what."""


def _definition(prop: dict[str, Any]) -> str | None:
    ref = prop.get("$ref")
    return ref.rsplit("/", 1)[-1] if ref else None


def _hint(schema: dict[str, Any]) -> str:
    """The field's description in English, then in Arabic as an isolated right-to-left run
    (RLI ... PDI), so that it reads in order inside the form's left-to-right hint line."""
    english, arabic = schema.get("description", ""), schema.get("x-description-ar", "")
    return " / ".join([*([english] if english else []), *([f"\u2067{arabic}\u2069"] if arabic else [])])


def _field(name: str, prop: dict[str, Any], home: str, *, required: bool, where: str) -> dict[str, Any]:
    resolved, resolved_home = resolve_ref(prop, home)
    field: dict[str, Any] = {"name": name, "label": name, "required": required}
    if hint := _hint(resolved):
        field["hint"] = hint
    definition = _definition(prop)
    if definition in _BILINGUAL:
        languages = resolved["properties"]
        field.update(
            widget="sawt-bilingual",
            multiline=_BILINGUAL[definition],
            languages=[
                {"code": code, "label": f"{LANGUAGES[code].name}", "dir": direction(code),
                 "max_length": resolve_ref(languages[code], resolved_home)[0].get("maxLength")}
                for code in LANGS  # the languages every text is written in
            ],
        )
        return field
    if "enum" in resolved:
        label = _OPTION_LABELS.get(name)
        field.update(widget="select", options=[
            {"value": value, "label": f"{' · '.join(label(value, lang) for lang in LANGS)} ({value})" if label else value}
            for value in resolved["enum"]
        ])
        return field
    json_type = resolved.get("type")
    if json_type == "boolean":
        field.update(widget="boolean", default=bool(resolved.get("default", False)))
        return field
    if definition in _STRING_DEFINITIONS or json_type == "string" or definition == "caseSource":
        # A source is an id from data/sources.yml or data/sources/*.yml, or an inline mapping; the form offers the id
        # (an inline source is written in the YAML file itself).
        pattern = resolved.get("pattern")
        field.update(widget="image" if pattern and _IMAGE_PATTERN in pattern else "string")
        if field["widget"] == "image":
            field["choose_url"] = False  # a photo is a file inside data/, never a link elsewhere
        if pattern:
            field["pattern"] = [pattern, resolved.get("x-expected") or ("must not be empty" if pattern == "\\S" else f"must match {pattern}")]
        if resolved.get("maxLength"):
            field["max_length"] = resolved["maxLength"]
        return field
    if json_type == "array":
        items = resolved.get("items", {})
        item, item_home = resolve_ref(items, resolved_home)
        if "properties" in item and item.get("type") == "object":
            item_required = set(item.get("required", []))
            field.update(widget="list", fields=[
                _field(sub, sub_prop, item_home, required=sub in item_required, where=f"{where}.{name}[]")
                for sub, sub_prop in item["properties"].items()
            ])
            if summary := [key for key in ("date", "type") if key in item["properties"]]:
                field["summary"] = " · ".join("{{fields.%s}}" % key for key in summary)
        else:
            field.update(widget="list", field=_field(name, items, resolved_home, required=True, where=f"{where}[]"),
                         summary="{{fields.%s}}" % name)  # a collapsed item shows its value, not the field's name
        return field
    if json_type == "object" and "properties" not in resolved:
        # A free mapping (private:): the form offers one notes field; other keys stay as written.
        field.update(widget="object", collapsed=True, fields=[
            {"name": "notes", "label": "notes", "widget": "text", "required": False}])
        return field
    raise CmsConfigError(f"{where}.{name}: the form has no widget for this schema ({json.dumps(resolved)[:200]})")


def case_fields() -> list[dict[str, Any]]:
    """One Decap field per property of the case schema, in the schema's order."""
    schema = load_schemas()["case"]
    required = set(schema.get("required", []))
    fields = [_field(name, prop, "case", required=name in required, where="case")
              for name, prop in schema["properties"].items()]
    for field in fields:
        if field["name"] == "publish":
            # A case made in the form stays unpublished until an editor says so (as with make new-case).
            field["default"] = False
    return fields


def decap_config(*, repo: str = DEFAULT_REPO, branch: str = "main", sections: tuple[str, ...] = ()) -> dict[str, Any]:
    """Decap's whole config. On the published site it saves through GitHub with the editorial
    workflow (each save is a pull request); `make cms` swaps in its local backend. `sections` are
    the folders under docs/<language>/ (page_sections), each offered as its own collection."""
    codes = list(LANGUAGES)
    return {
        # open_authoring: a volunteer without write access saves to a fork of their own, and the
        # pull request comes from there (GitHub does this for public repositories only).
        "backend": {"name": "github", "repo": repo, "branch": branch, "squash_merges": True, "open_authoring": True,
                    "commit_messages": {"create": "{{collection}}: add {{slug}}", "update": "{{collection}}: edit {{slug}}",
                                        "delete": "{{collection}}: delete {{slug}}",
                                        "uploadMedia": "photo: add {{path}}", "deleteMedia": "photo: delete {{path}}"}},
        "publish_mode": "editorial_workflow",
        "media_folder": "data/photos",
        "public_folder": "photos",  # a case's photo: is a path inside data/
        "i18n": {"structure": "multiple_folders", "locales": codes, "default_locale": codes[0]},
        "collections": [
            {
                "name": "cases",
                "label": "Cases · الحالات",
                "label_singular": "Case · حالة",
                "description": "One file per person in data/cases/. A new case is saved with publish: false. "
                               "/ ملف لكل شخص في data/cases/. تُحفظ الحالة الجديدة مع publish: false.",
                "folder": "data/cases",
                "extension": "yml",
                "format": "yaml",
                "create": True,
                "identifier_field": "name",
                "slug": "{{fields.name.en}}",
                "summary": "{{fields.name.en}} · {{fields.name.ar}} ({{fields.status}})",
                "editor": {"preview": False},  # the form takes the width: both languages side by side
                "fields": case_fields(),
            },
            _pages_collection(),
            *(_section_collection(section, code) for section in sections for code in codes),
        ],
    }


_PAGE_FIELD_HINTS = {
    "description": "One sentence for share previews. / جملة واحدة لمعاينات المشاركة.",
    "body": "Markdown. / نص بصيغة Markdown.",
}


def _page_fields(**language: Any) -> list[dict[str, Any]]:
    """Front matter and body of a hand-written page; `language` pins the widget's language
    where Decap's i18n panes do not give it one (the section collections)."""
    return [
        {"name": "title", "label": "title", "widget": "sawt-localized", **language},
        {"name": "description", "label": "description", "widget": "sawt-localized", "required": False,
         "hint": _PAGE_FIELD_HINTS["description"], **language},
        {"name": "body", "label": "body", "widget": "sawt-localized", "multiline": True,
         "hint": _PAGE_FIELD_HINTS["body"], **language},
    ]


def _pages_collection() -> dict[str, Any]:
    """The top-level twin pages: docs/en/x.md and docs/ar/x.md are one entry (i18n multiple_folders)."""
    return {
        "name": "pages",
        "label": "Pages · الصفحات",
        "label_singular": "Page · صفحة",
        "description": "Twin pages in docs/en/ and docs/ar/. / صفحات توأم في docs/en/ وdocs/ar/.",
        "folder": "docs",
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "i18n": True,
        "identifier_field": "title",
        "editor": {"preview": False},  # Decap shows the other language's pane beside this one
        "fields": [{**field, "i18n": True} for field in _page_fields()],
    }


def _section_collection(section: str, code: str) -> dict[str, Any]:
    """One language of a section (docs/en/news/, docs/ar/news/, ...). Decap's i18n folder mode
    wants the language folder right above the file (docs/news/en/x.md), which is not Sawt's
    layout (docs/en/news/x.md), so each language of a section is its own collection.
    New pages start in English, named from their title; a page saved in one language only is
    published with the not-yet-translated notice, and `make translations` lists it. The Arabic
    collection edits the Arabic pages that exist: Decap would name a new one from its Arabic
    title, never the English twin's file name (README: translating a page in a section)."""
    language = LANGUAGES[code]
    others = " and ".join(f"docs/{other}/{section}/" for other in LANGUAGES if other != code)
    return {
        "name": f"{section}-{code}",
        "label": f"{section}/ · {language.name}",
        "label_singular": f"{section}/{code}",
        "description": f"docs/{code}/{section}/: the other language{' is' if len(LANGUAGES) == 2 else 's are'} {others}, "
                       f"with the same file name. / الترجمة في {others} باسم الملف نفسه.",
        "folder": f"docs/{code}/{section}",
        "extension": "md",
        "format": "frontmatter",
        "create": code == default_language(),  # the default language's title names a new file
        "identifier_field": "title",
        "slug": "{{slug}}",
        "editor": {"preview": False},
        "fields": _page_fields(language=code),
    }


def page_sections(root: Path) -> tuple[str, ...]:
    """The folders under docs/<language>/ in either language, sorted: each becomes a collection."""
    found = {entry.name for code in LANGUAGES for entry in (root / "docs" / code).glob("*/")
             if entry.is_dir() and not entry.name.startswith(".")}
    return tuple(sorted(found))


def local_config(**kwargs: Any) -> dict[str, Any]:
    """The config `make cms` serves: the same form, saved by decap-server into this folder."""
    return {**decap_config(**kwargs), "local_backend": True}


def admin_policy(*, elsewhere: tuple[str, ...] = ()) -> str:
    """The editing UI's Content-Security-Policy. Decap compiles its config validator at run time
    ('unsafe-eval') and injects its styles ('unsafe-inline'), which the archive's own pages never
    allow: one more reason the UI is not published on the archive's address. `elsewhere` are the
    only other origins it may reach (GitHub's API and the sign-in service, when exported)."""
    others = " ".join(elsewhere)
    return "; ".join([
        "default-src 'self'", "script-src 'self' 'unsafe-eval'", "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: blob:{' ' + others if others else ''}", "font-src 'self' data:",
        f"connect-src 'self'{' ' + others if others else ''}", "object-src 'none'", "base-uri 'self'",
        "form-action 'self'", "frame-src 'none'",
    ])


def is_bundle_file(name: str) -> bool:
    """Decap's bundle, the chunks it loads and its licence notice; not the source maps, nor the
    same bundle under its other name (cms.js)."""
    return name in (DECAP_BUNDLE, DECAP_BUNDLE + ".LICENSE.txt") or name.endswith("." + DECAP_BUNDLE) or name.endswith(".wasm")


def write_admin(target: Path, root: Path, config: dict[str, Any], *, with_bundle: bool = True) -> Path:
    """Lay out the admin folder in `target` (emptied first): the page, its script, the config
    and (`with_bundle`) Decap's bundle from `root`/node_modules, which npm ci installs."""
    dist = root / DECAP_DIST
    if with_bundle and not (dist / DECAP_BUNDLE).is_file():
        raise CmsConfigError(f"{DECAP_DIST / DECAP_BUNDLE} is missing: run npm ci to install Decap CMS")
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in ADMIN_FILES:
        shutil.copy(ADMIN_SOURCES / name, target / name)
    if with_bundle:
        for bundle_file in dist.iterdir():
            if is_bundle_file(bundle_file.name):
                shutil.copy(bundle_file, target / bundle_file.name)
    (target / "config.json").write_text(json.dumps(config, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


def serve_locally(root: Path, *, port: int, host: str = "127.0.0.1") -> NoReturn:
    """`make cms`: the editing UI on http://host:port/admin/, saving into `root`'s files."""
    if shutil.which("node") is None:
        raise CmsConfigError("make cms needs Node.js 20 or later (Debian: apt-get install nodejs npm)")
    root = root.resolve()
    admin = write_admin(root / ".cache" / "admin", root, local_config(sections=page_sections(root)), with_bundle=False)
    env = {**os.environ, "SAWT_ADMIN_DIR": str(admin), "GIT_REPO_DIRECTORY": str(root),
           "PORT": str(port), "BIND_HOST": host, "SAWT_ADMIN_CSP": admin_policy() + "; frame-ancestors 'none'"}
    os.chdir(root)
    # Node takes this process's place: Ctrl+C or a stop signal reaches the server itself.
    os.execvpe("node", ["node", str(ADMIN_SOURCES / "server.js")], env)


#: What the exported UI reaches besides its own address: GitHub's API, and GitHub's own hosts for
#: avatars and raw files (Decap shows photos already in the repository from there).
GITHUB_ORIGINS = ("https://api.github.com", "https://avatars.githubusercontent.com", "https://raw.githubusercontent.com")


def export_admin(target: Path, root: Path, *, repo: str, auth_url: str) -> Path:
    """A self-contained editing UI to publish on its own address (not the archive's): saving
    opens a pull request on `repo`; `auth_url` is the OAuth service that signs volunteers in to
    GitHub (Decap's GitHub backend needs one; see README)."""
    if not _REPO.match(repo):
        raise CmsConfigError(f'--repo "{repo}" is not a GitHub repository: write it owner/name, e.g. campaign/sawt')
    if not _HTTPS_ORIGIN.match(auth_url):
        raise CmsConfigError(f'--auth-url "{auth_url}" must be an https:// address with no path, e.g. https://auth.example.org')
    config = decap_config(repo=repo, sections=page_sections(root))
    config["backend"]["base_url"] = auth_url
    admin = write_admin(target, root, config)
    page = (admin / "index.html").read_text(encoding="utf-8")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{admin_policy(elsewhere=(*GITHUB_ORIGINS, auth_url))}">'
    (admin / "index.html").write_text(page.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n  ' + meta, 1),
                                      encoding="utf-8")
    return admin
