"""The case field reference for the Contribute page, generated from the schema.

Descriptions come from sawt/data/schemas/case.schema.json (`description` in English,
`x-description-ar` in Arabic), so the page can never disagree with what
`python -m sawt check` enforces.
"""

from __future__ import annotations

from typing import Any

from sawt import catalogs
from sawt.data.model import LANGS, text_language
from sawt.data.schema import load_schemas, resolve_ref
from sawt.dates import event_type_label, status_label


def _word(key: str, lang: str) -> str:
    return catalogs.text(f"fields:{key}", lang)


def _type_word(name: str, lang: str) -> str:
    return catalogs.text(f"fields:type:{name}", lang)


def _has_type_word(name: str | None) -> bool:
    return name is not None and f"fields:type:{name}" in catalogs.source_messages()


def _cell(text: str) -> str:
    """Make text safe inside a Markdown table cell (and not taken for HTML)."""
    return (
        text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\n", " ")
    )


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if ref else None


def type_name(schema: dict[str, Any], lang: str) -> str:
    """A field's type in words, in `lang` (the field reference and `new-case` comments)."""
    ref = _ref_name(schema)
    if _has_type_word(ref):
        return _type_word(ref, lang)
    if "enum" in schema:
        return _type_word("enum", lang)
    json_type = schema.get("type")
    if isinstance(json_type, str) and _has_type_word(json_type):
        if json_type == "array":
            item_ref = _ref_name(schema.get("items", {}))
            if _has_type_word(item_ref):
                return f"{_type_word('array', lang)}: {_type_word(item_ref, lang)}"
            if item_ref is not None:  # a list of mappings, which gets a table of its own
                return _type_word("arrayOfMappings", lang)
        return _type_word(json_type, lang)
    return ""


def _values(name: str, schema: dict[str, Any], lang: str) -> str:
    if "enum" in schema:
        label = status_label if name == "status" else event_type_label if name == "type" else None
        parts = []
        for value in schema["enum"]:
            parts.append(f"`{value}` ({_cell(label(value, lang))})" if label else f"`{value}`")
        return _word("list_separator", lang).join(parts)
    per_language = schema.get("properties", {}).get(LANGS[0], {})
    if schema.get("required") == list(LANGS) and "maxLength" in per_language:
        if "maxWords" in per_language:
            return _word("at_most_words", lang).format(limit=f"{per_language['maxWords']:,}")
        return _word("at_most_characters", lang).format(limit=f"{per_language['maxLength']:,}")
    if "default" in schema:
        default = schema["default"]
        shown = "true" if default is True else "false" if default is False else str(default)
        return f"{_word('default', lang)}: `{shown}`"
    return ""


def description(schema: dict[str, Any], lang: str) -> str:
    """The schema's own description of a field: English (`description`), or Arabic (`x-description-<code>`)."""
    shown = text_language(lang)
    return schema.get("description", "") if shown == LANGS[0] else schema.get(f"x-description-{shown}", "")


def _table(object_schema: dict[str, Any], home: str, lang: str) -> list[str]:
    required = set(object_schema.get("required", []))
    dependent = {d: k for k, deps in object_schema.get("dependentRequired", {}).items() for d in deps}
    header = [_word(k, lang) for k in ("field", "required", "type", "description", "values")]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, prop in object_schema.get("properties", {}).items():
        resolved, _ = resolve_ref(prop, home)
        if name in required:
            needed = _word("yes", lang)
        elif name in dependent:
            needed = _word("photo_alt_needed", lang) if name == "photo_alt" else _word("yes", lang)
        else:
            needed = _word("no", lang)
        row = [
            f"`{name}`",
            needed,
            _cell(type_name(prop, lang)),
            _cell(description(prop, lang)),
            _values(name, resolved, lang),
        ]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def field_reference_markdown(lang: str, schema_name: str = "case") -> str:
    """Markdown tables of the fields of a data file: name, required?, type, description,
    allowed values. `schema_name` is "case" (data/cases/*.yml) or a list file's schema
    ("appeals": the table is that of one item of the list).

    One table for the record itself, then one for the items of each list of
    mappings (events, inline sources, corrections; an appeal's targets).
    """
    record_schema, home = load_schemas()[schema_name], schema_name
    if record_schema.get("type") == "array":
        record_schema, home = resolve_ref(record_schema["items"], schema_name)
    blocks = ["\n".join(_table(record_schema, home, lang))]
    for name, prop in record_schema["properties"].items():
        items = prop.get("items")
        if not items or "$ref" not in items:
            continue
        item_schema, home = resolve_ref(items, schema_name)
        if "properties" not in item_schema:
            continue
        caption = _word("each", lang).format(field=f"`{name}`")
        blocks.append(f"**{caption}**\n\n" + "\n".join(_table(item_schema, home, lang)))
    return "\n\n".join(blocks) + "\n"
