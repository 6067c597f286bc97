"""Start a new case file or a new pair of twin pages, ready to fill in.

`new_case` writes data/cases/<slug>.yml from sawt/data/schemas/case.schema.json:
every field with its description in English and Arabic, the required ones
filled with placeholders so the file passes `make check`, the rest commented
out, and `publish: false` so that nothing is published until an editor says so.
`new_page` writes docs/en/<path>.md and docs/ar/<path>.md with front matter.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sawt import catalogs
from sawt.data.load import CASE_SUFFIXES
from sawt.data.model import LANGS
from sawt.data.schema import SLUG_RE, is_text_schema, load_schemas, resolve_ref, slugify
from sawt.render.fieldref import description, type_name

_WIDTH = 96


def page_placeholder(lang: str) -> str:
    """What a new page says until someone writes it; `translations` reports pages still saying it."""
    return catalogs.text("scaffold:page_placeholder", lang)


def text_placeholder(lang: str) -> str:
    """What a new case's required text says in `lang` until someone writes it."""
    return catalogs.text("scaffold:text_placeholder", lang)


class ScaffoldError(Exception):
    """A slug or path that cannot be used, or a file that is already there; the text says why."""


@dataclass
class Written:
    paths: list[str]
    next_steps: list[str] = field(default_factory=list)


def check_slug(slug: str, what: str, example: str) -> None:
    """Raise ScaffoldError unless `slug` is a valid address part (the schema's SLUG_RE)."""
    if not slug.strip():
        raise ScaffoldError(f"give the {what} an address, e.g. {example}")
    if SLUG_RE.match(slug):
        return
    suggestion = slugify(slug)
    hint = (f"e.g. {suggestion}" if suggestion and suggestion != slug
            else f"write it in Latin letters, e.g. {example}")
    raise ScaffoldError(f'"{slug}" is not a valid {what} address: use lowercase Latin letters, digits '
                        f"and single hyphens ({hint})")


# --- cases ---------------------------------------------------------------------


def new_case(root: Path, slug: str) -> Written:
    check_slug(slug, "case", "ali-hassan")
    cases = root / "data" / "cases"
    for suffix in CASE_SUFFIXES:
        existing = cases / f"{slug}{suffix}"
        if existing.exists():
            raise ScaffoldError(f"data/cases/{existing.name} already exists: edit that file, or choose "
                                "another slug")
    target = cases / f"{slug}.yml"
    cases.mkdir(parents=True, exist_ok=True)
    target.write_text(case_template(slug), encoding="utf-8")
    shown = f"data/cases/{target.name}"
    return Written([shown], [
        "Fill it in (every field is explained in the file), then run make check.",
        f"It stays unpublished until you change publish: false to publish: true; its page will be "
        f"/cases/{slug}/ and /ar/cases/{slug}/.",
    ])


def case_template(slug: str) -> str:
    """The text of a new, unpublished case file, generated from the case schema."""
    schema = load_schemas()["case"]
    lines = [
        "# A new case, named data/cases/<slug>.yml. Fill in the fields; make check (or the pull",
        "# request's check) says what is still wrong. Change publish: false to publish: true only",
        "# when the case is complete, sourced and reviewed.",
        "# حالة جديدة، في الملف data/cases/<slug>.yml. املأ الحقول، وسيدلّك make check (أو فحص",
        "# طلب الدمج) على ما بقي من أخطاء. لا تغيّر publish: false إلى publish: true إلا حين",
        "# تكتمل الحالة بمصادرها وتُراجَع.",
        "#",
        "# Lines starting with \"# \" are notes. A field switched off starts with # right before its",
        "# name (#ask:): to use it, delete the # at the start of each of its lines, and nothing else.",
        "# الأسطر التي تبدأ بـ \"# \" ملاحظات. والحقل المعطَّل يبدأ بعلامة # ملاصقة لاسمه (#ask:):",
        "# لاستعماله احذف علامة # من أول كل سطر من أسطره، ولا تحذف شيئاً غيرها.",
        "",
    ]
    required = set(schema.get("required", []))
    properties = schema["properties"]
    # publish: false comes first: it is what keeps a draft off the site.
    order = ["publish"] + [name for name in properties if name != "publish"]
    for name in order:
        prop = properties[name]
        resolved, home = resolve_ref(prop, "case")
        lines += _field_comment(name, prop, resolved, home, required=name in required)
        if name == "publish":
            value_lines = ["publish: false"]
        else:
            value_lines = _value_lines(name, resolved, home, slug, top=True)
        if name in required or name == "publish":
            lines += value_lines
        else:
            lines += ["#" + line for line in value_lines]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _comment(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH, initial_indent=f"#{indent}", subsequent_indent=f"#{indent}",
                         break_long_words=False, break_on_hyphens=False)


def _field_comment(name: str, prop: dict[str, Any], resolved: dict[str, Any], home: str, *,
                   required: bool, indent: str = " ") -> list[str]:
    needed = "required / مطلوب" if required else "optional / اختياري"
    kinds = " / ".join(_type_words(prop, resolved, lang) for lang in LANGS)
    lines = [f"#{indent}{name}: {needed} · {kinds}"]
    if "default" in resolved and "boolean" in _types(resolved):
        lines[0] += f" · default / الافتراضي: {'true' if resolved['default'] else 'false'}"
    for lang in LANGS:
        lines += _comment(description(prop, lang), indent + "  ")
    if "enum" in resolved:
        lines += _comment("One of / إحدى القيم: " + ", ".join(resolved["enum"]), indent + "  ")
    items = resolved.get("items")
    if isinstance(items, dict) and "$ref" in items:
        item, item_home = resolve_ref(items, home)
        if "properties" in item:
            lines.append(f"#{indent}  Each item / كل بند:")
            item_required = set(item.get("required", []))
            for sub_name, sub_prop in item["properties"].items():
                sub_resolved, _ = resolve_ref(sub_prop, item_home)
                lines += _field_comment(sub_name, sub_prop, sub_resolved, item_home,
                                        required=sub_name in item_required, indent=indent + "    ")
    return lines


def _type_words(prop: dict[str, Any], resolved: dict[str, Any], lang: str) -> str:
    if resolved.get("type") == "array" and "$ref" in resolved.get("items", {}):
        item, _ = resolve_ref(resolved["items"], "case")
        if "properties" in item and "string" not in _types(item):
            return catalogs.text("fields:type:array", lang)
    return type_name(prop, lang)


def _types(schema: dict[str, Any]) -> list[str]:
    types = schema.get("type", [])
    return [types] if isinstance(types, str) else list(types)


def _scalar_example(name: str, schema: dict[str, Any], slug: str) -> str:
    """A placeholder for one value, written as YAML."""
    if is_text_schema(schema):
        return "{" + ", ".join(f'{lang}: "{text_placeholder(lang)}"' for lang in LANGS) + "}"
    if "enum" in schema:
        return str(schema["enum"][0])
    if "boolean" in _types(schema):
        return "true" if schema.get("default") else "false"
    expected = schema.get("x-expected", "")
    if "YYYY" in expected:
        return "YYYY-MM-DD"
    if "https://" in expected:
        return "https://..."
    if "e.g. " in expected:  # the schema's own example, e.g. photos/saleh-al-samar.jpg
        return expected.split("e.g. ", 1)[1].split()[0].rstrip(",)").replace("saleh-al-samar", slug)
    if "language code" in expected:
        return LANGS[0]
    return '"..."'


def _value_lines(name: str, schema: dict[str, Any], home: str, slug: str, *, top: bool) -> list[str]:
    """`name: <placeholder>` as YAML lines (a block for a top-level text, a list with one item)."""
    if is_text_schema(schema) and top:
        return [f"{name}:", *(f'  {lang}: "{text_placeholder(lang)}"' for lang in LANGS)]
    if "array" in _types(schema):
        items = schema.get("items", {})
        item, item_home = resolve_ref(items, home) if "$ref" in items else (items, home)
        lines = [f"{name}:"]
        if "string" in _types(item) and "properties" in item:  # an id, or an inline mapping
            lines.append("  - an-id-from-data-sources-yml")
        if "properties" in item:
            first = True
            for sub_name, sub_prop in item["properties"].items():
                sub_resolved, _ = resolve_ref(sub_prop, item_home)
                bullet = "  - " if first else "    "
                lines.append(f"{bullet}{sub_name}: {_scalar_example(sub_name, sub_resolved, slug)}")
                first = False
        else:
            lines[0] += ' ["...", "..."]'
        return lines
    if "object" in _types(schema) and "properties" not in schema:  # free notes (private:)
        return [f"{name}:", '  note: "..."']
    return [f"{name}: {_scalar_example(name, schema, slug)}"]


# --- pages ---------------------------------------------------------------------


def new_page(root: Path, page: str) -> Written:
    neutral = page.strip().strip("/").removesuffix(".md")
    if not neutral:
        raise ScaffoldError("give the page an address, e.g. make new-page PAGE=statement")
    for part in neutral.split("/"):
        try:
            check_slug(part, "page", "statement")
        except ScaffoldError as error:
            if part == neutral:
                raise
            raise ScaffoldError(f'in "{page}", {error} (folders are separated by /)') from None
    targets = {lang: root / "docs" / lang / f"{neutral}.md" for lang in LANGS}
    existing = [f"docs/{lang}/{neutral}.md" for lang, path in targets.items() if path.exists()]
    if existing:
        raise ScaffoldError(f"{' and '.join(existing)} already exist{'s' if len(existing) == 1 else ''}: "
                            "edit it, or choose another address")
    from_address = neutral.rsplit("/", 1)[-1].replace("-", " ").capitalize()  # an English title
    for lang, path in targets.items():
        title = from_address if lang == catalogs.SOURCE_LANGUAGE else catalogs.text("scaffold:page_title", lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f"---\ntitle: {title}\ndescription: {catalogs.text('scaffold:page_description', lang)}\n---\n\n"
            f"# {title}\n\n{page_placeholder(lang)}\n",
            encoding="utf-8",
        )
    url = "" if neutral == "index" else neutral.removesuffix("/index") + "/"
    return Written([f"docs/{lang}/{neutral}.md" for lang in targets], [
        "Write both. If you write only one, delete the other file: the page is then shown in both "
        "languages with a notice that it is not translated yet.",
        f"Add it to the menu (nav: in mkdocs.yml; Arabic titles under nav_translations) or link to it "
        f"from another page. Its addresses: /{url} and /ar/{url}",
    ])
