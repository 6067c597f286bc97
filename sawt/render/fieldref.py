"""The case field reference for the Contribute page, generated from the schema.

Descriptions come from sawt/data/schemas/case.schema.json (`description` in English,
`x-description-ar` in Arabic), so the page can never disagree with what
`python -m sawt check` enforces.
"""

from __future__ import annotations

from typing import Any

from sawt.data.schema import load_schemas, resolve_ref
from sawt.dates import event_type_label, status_label

_WORDS: dict[str, dict[str, str]] = {
    "field": {"en": "Field", "ar": "الحقل"},
    "required": {"en": "Required", "ar": "مطلوب"},
    "type": {"en": "Type", "ar": "النوع"},
    "description": {"en": "Description", "ar": "الوصف"},
    "values": {"en": "Allowed values", "ar": "القيم المسموحة"},
    "yes": {"en": "yes", "ar": "نعم"},
    "no": {"en": "no", "ar": "لا"},
    "default": {"en": "default", "ar": "الافتراضي"},
    "each": {"en": "Each item of {field}:", "ar": "كل بند في {field}:"},
    "photo_alt_needed": {"en": "yes, with photo", "ar": "نعم، مع photo"},
}

# Type names by the shared definition a property refers to, or its JSON type.
_TYPE_NAMES: dict[str, dict[str, str]] = {
    "text": {"en": "text in English and Arabic", "ar": "نص بالإنكليزية والعربية"},
    "shortText": {"en": "short text in English and Arabic", "ar": "نص قصير بالإنكليزية والعربية"},
    "partialDate": {"en": "date: YYYY-MM-DD, YYYY-MM or YYYY", "ar": "تاريخ: YYYY-MM-DD أو YYYY-MM أو YYYY"},
    "fullDate": {"en": "date: YYYY-MM-DD", "ar": "تاريخ: YYYY-MM-DD"},
    "nonEmptyString": {"en": "text", "ar": "نص"},
    "url": {"en": "web address", "ar": "عنوان ويب"},
    "slug": {"en": "id", "ar": "مُعرِّف"},
    "language": {"en": "language code", "ar": "رمز لغة"},
    "caseSource": {"en": "source id, or url + title + publisher", "ar": "مُعرِّف مصدر، أو url وtitle وpublisher"},
    "enum": {"en": "one of the values", "ar": "إحدى القيم"},
    "string": {"en": "text", "ar": "نص"},
    "boolean": {"en": "true or false", "ar": "true أو false"},
    "integer": {"en": "whole number", "ar": "عدد صحيح"},
    "array": {"en": "list", "ar": "قائمة"},
    "arrayOfMappings": {"en": "list (see its table below)", "ar": "قائمة (انظر جدولها أدناه)"},
    "object": {"en": "fields (key: value)", "ar": "حقول (مفتاح: قيمة)"},
}


def _word(key: str, lang: str) -> str:
    return _WORDS[key][lang]


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
    if ref in _TYPE_NAMES:
        return _TYPE_NAMES[ref][lang]
    if "enum" in schema:
        return _TYPE_NAMES["enum"][lang]
    json_type = schema.get("type")
    if isinstance(json_type, str) and json_type in _TYPE_NAMES:
        if json_type == "array":
            item_ref = _ref_name(schema.get("items", {}))
            if item_ref in _TYPE_NAMES:
                return f"{_TYPE_NAMES['array'][lang]}: {_TYPE_NAMES[item_ref][lang]}"
            if item_ref is not None:  # a list of mappings, which gets a table of its own
                return _TYPE_NAMES["arrayOfMappings"][lang]
        return _TYPE_NAMES[json_type][lang]
    return ""


def _values(name: str, schema: dict[str, Any], lang: str) -> str:
    if "enum" in schema:
        label = status_label if name == "status" else event_type_label if name == "type" else None
        parts = []
        for value in schema["enum"]:
            parts.append(f"`{value}` ({_cell(label(value, lang))})" if label else f"`{value}`")
        return ("، " if lang == "ar" else ", ").join(parts)
    per_language = schema.get("properties", {}).get("en", {})
    if schema.get("required") == ["en", "ar"] and "maxLength" in per_language:
        if "maxWords" in per_language:
            limit = f"{per_language['maxWords']:,}"
            return f"at most {limit} words in each language" if lang == "en" else f"{limit} كلمة على الأكثر في كل لغة"
        limit = f"{per_language['maxLength']:,}"
        return f"at most {limit} characters in each language" if lang == "en" else f"{limit} حرف على الأكثر في كل لغة"
    if "default" in schema:
        default = schema["default"]
        shown = "true" if default is True else "false" if default is False else str(default)
        return f"{_word('default', lang)}: `{shown}`"
    return ""


def description(schema: dict[str, Any], lang: str) -> str:
    return schema.get("description", "") if lang == "en" else schema.get("x-description-ar", "")


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
    if lang not in ("en", "ar"):
        raise ValueError(f'unknown language "{lang}"; expected en or ar')
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
