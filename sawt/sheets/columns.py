"""The case schema laid out as spreadsheet columns: the one place that names a column.

Every column comes from sawt/data/schemas/case.schema.json, as the CMS form does
(sawt/volunteer/cms.py), so the template, the importer, the exporter and `make check`
cannot drift apart:

- a text in both languages is two columns, `name_en` and `name_ar` (the Arabic one right
  to left in the template);
- a list of plain values (aliases, sources) is one cell, its items separated by ";";
- a list of records (events, corrections) is a repeated group of columns, numbered from 1:
  `event1_date`, `event1_type`, `event1_place_en`, ... `event2_date`, ... A row is a whole
  case, so a sheet never needs a second sheet or file kept in step with it, a Google
  Sheets "Download as CSV" (one sheet only) carries everything, and a problem's row is
  the case's row;
- `private_<name>` columns land under `private: <name>`;
- `slug` is the file name (not a schema field): empty, it is made from `name_en`.

A schema construct this module cannot lay out raises LayoutError
(tests/unit/test_sheets_columns.py runs it on the real schema), so a field added to the
schema can never silently go missing from the sheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sawt.data.model import LANGS
from sawt.data.schema import is_text_schema, load_schemas, resolve_ref
from sawt.languages import english_name, in_language_arabic
from sawt.data.yamldoc import did_you_mean

SLUG_COLUMN = "slug"
PRIVATE_PREFIX = "private_"
LIST_SEPARATOR = "; "
#: Groups of columns the template shows for each list of records: three events cover
#: the arrest, the detention and the latest news of a typical case; more are added by
#: copying a group's columns and numbering them on (event4_date, ...).
TEMPLATE_GROUPS = {"events": 3, "corrections": 1}
#: The private column the template suggests: a short note to the editors, such as how consent
#: was given (the Contribute page's safety rules: never phone numbers, addresses or contacts).
TEMPLATE_PRIVATE = ("note",)
_GROUP_HEADER = re.compile(r"^([a-z]+?)([1-9][0-9]{0,3})_([a-z_]+)$")


class LayoutError(Exception):
    """The schema has something the sheet layout cannot show; the text says what."""


@dataclass(frozen=True)
class Column:
    """One column: its header, where its value goes in a case, and what it may hold.

    `path` uses 0-based list indexes, as a case's value does: ("events", 1, "place", "ar")
    is `event2_place_ar`. `kind` is text, enum, boolean, date, list, sources, private or slug.
    """

    name: str
    path: tuple[Any, ...]
    kind: str
    description_en: str = ""
    description_ar: str = ""
    choices: tuple[str, ...] = ()
    language: str | None = None  # a text language's column (its direction: sawt.languages.direction)
    required: bool = False
    full_date: bool = False
    flow: bool = False  # a short bilingual text, written {en: ..., ar: ...} in a new file


@dataclass(frozen=True)
class Group:
    """A list of records laid out as numbered column groups (events -> event1_date ...)."""

    field: str  # events
    prefix: str  # event
    members: tuple[Column, ...]  # with paths relative to one record, names without the prefix


@dataclass(frozen=True)
class Layout:
    singles: tuple[Column, ...]  # in schema order (groups sit between them, see `order`)
    groups: dict[str, Group]
    order: tuple[str, ...]  # top-level fields in schema order

    def columns(self, groups: dict[str, int] | None = None, private: tuple[str, ...] = ()) -> list[Column]:
        """Every column, in schema order, with `groups[field]` groups of each list of records."""
        counts = TEMPLATE_GROUPS if groups is None else groups
        out = [Column(SLUG_COLUMN, (), "slug", "The case's address and file name: data/cases/<slug>.yml. Leave it "
                      "empty to make it from name_en.",
                      "عنوان الحالة واسم ملفها: data/cases/<slug>.yml. اتركه فارغاً ليُصنع من name_en.")]
        for field in self.order:
            if field in self.groups:
                for number in range(1, counts.get(field, 0) + 1):
                    out.extend(self.group_column(field, number, member) for member in self.groups[field].members)
            elif field == "private":
                out.extend(self.private_column(key) for key in private)
            else:
                out.extend(c for c in self.singles if c.path[0] == field)
        return out

    def group_column(self, field: str, number: int, member: Column) -> Column:
        group = self.groups[field]
        return Column(f"{group.prefix}{number}_{member.name}", (field, number - 1, *member.path), member.kind,
                      member.description_en, member.description_ar, member.choices, member.language,
                      False, member.full_date, member.flow)

    def private_column(self, key: str) -> Column:
        return Column(PRIVATE_PREFIX + key, ("private", key), "private",
                      f"Private: lands under private: {key}, never published. A short note for the editors (e.g. how consent "
                      "was given); never phone numbers, addresses or contacts: the repository may be public.",
                      f"خاص: يُحفظ تحت private: {key} ولا يُنشر أبداً. ملاحظة قصيرة للمحررين (كطريقة الحصول على "
                      "الموافقة)، ولا تكتب أبداً أرقام هواتف أو عناوين أو جهات اتصال: قد يكون المستودع علنياً.")

    def parse_header(self, header: list[str]) -> tuple[list[Column | None], list[tuple[int, str]]]:
        """The column of each header cell (None for an empty one) and the problems, as
        (0-based column index, message)."""
        known = {c.name: c for c in self.singles}
        known[SLUG_COLUMN] = self.columns({})[0]
        found: list[Column | None] = []
        problems: list[tuple[int, str]] = []
        first_at: dict[str, int] = {}
        for index, raw in enumerate(header):
            name = raw.strip().lower()
            if not name:
                found.append(None)
                continue
            column = known.get(name) or self._group_or_private(name)
            if column is None:
                candidates = [*known, *(self.group_column(f, 1, m).name for f, g in self.groups.items() for m in g.members)]
                guess = did_you_mean(name, candidates)
                hint = f' (did you mean "{guess}"?)' if guess else \
                    "; the columns are named as in make import-template's sheet"
                problems.append((index, f'"{raw}" is not a column Sawt knows{hint}'))
                found.append(None)
                continue
            if column.name in first_at:
                problems.append((index, f'"{raw}" is also column {column_letter(first_at[column.name])}; keep one'))
                found.append(None)
                continue
            first_at[column.name] = index
            found.append(column)
        return found, problems

    def _group_or_private(self, name: str) -> Column | None:
        if name.startswith(PRIVATE_PREFIX) and re.fullmatch(r"[a-z0-9_]+", name[len(PRIVATE_PREFIX):] or "-"):
            return self.private_column(name[len(PRIVATE_PREFIX):])
        match = _GROUP_HEADER.match(name)
        if not match:
            return None
        for field, group in self.groups.items():
            if group.prefix == match.group(1):
                for member in group.members:
                    if member.name == match.group(3):
                        return self.group_column(field, int(match.group(2)), member)
        return None


def column_name(path: tuple[Any, ...]) -> str:
    """The column a value's path is in: ("events", 1, "place", "ar") -> event2_place_ar,
    ("sources", 2) -> sources, ("name",) -> name (the stem of name_en and name_ar)."""
    if not path:
        return ""
    layout = case_layout()
    head, rest = path[0], list(path[1:])
    if head in layout.groups and rest and isinstance(rest[0], int):
        parts = [f"{layout.groups[head].prefix}{rest[0] + 1}"]
        rest = rest[1:]
    elif head in layout.groups:
        return str(head)
    elif head == "private":
        return PRIVATE_PREFIX + str(rest[0]) if rest else "private"
    else:
        parts = [str(head)]
    parts += [str(part) for part in rest if not isinstance(part, int)]
    if len(parts) > 1 and parts[-1] not in LANGS and path[0] == "sources":
        return "sources"  # a field of an inline source: the sources cell holds it
    return "_".join(parts)


def column_letter(index: int) -> str:
    """0 -> A, 26 -> AA: how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@lru_cache(maxsize=1)
def case_layout() -> Layout:
    schema = load_schemas()["case"]
    required = set(schema.get("required", []))
    singles: list[Column] = []
    groups: dict[str, Group] = {}
    for field, prop in schema["properties"].items():
        resolved, home = resolve_ref(prop, "case")
        if resolved.get("type") == "array" and _record_schema(resolved, home) is not None:
            item, item_home = _record_schema(resolved, home)  # type: ignore[misc]
            members = tuple(member
                            for name, sub in item["properties"].items()
                            for member in _leaf_columns(name, sub, item_home, name in item.get("required", [])))
            groups[field] = Group(field, field.removesuffix("s"), members)
            continue
        singles.extend(_leaf_columns(field, prop, "case", field in required, top=True))
    return Layout(tuple(singles), groups, tuple(schema["properties"]))


def _record_schema(array: dict[str, Any], home: str) -> tuple[dict[str, Any], str] | None:
    items = array.get("items", {})
    resolved, item_home = resolve_ref(items, home)
    if resolved.get("type") == "object" and "properties" in resolved:
        return resolved, item_home
    return None


def _descriptions(prop: dict[str, Any], resolved: dict[str, Any]) -> tuple[str, str]:
    return (prop.get("description") or resolved.get("description", ""),
            prop.get("x-description-ar") or resolved.get("x-description-ar", ""))


def _leaf_columns(name: str, prop: dict[str, Any], home: str, required: bool, *, top: bool = False) -> list[Column]:
    resolved, resolved_home = resolve_ref(prop, home)
    en, ar = _descriptions(prop, resolved)
    path: tuple[Any, ...] = (name,)
    types = resolved.get("type")
    types = [types] if isinstance(types, str) else list(types or [])
    if is_text_schema(resolved) and set(resolved["properties"]) == set(LANGS):
        limit = resolve_ref(resolved["properties"][LANGS[0]], resolved_home)[0].get("maxLength", 0)
        flow = limit <= 200
        return [Column(f"{name}_{lang}", path + (lang,), "text", f"{en} ({english_name(lang)})",
                       f"{ar} ({in_language_arabic(lang)})", language=lang, required=required, flow=flow)
                for lang in LANGS]
    if "enum" in resolved:
        return [Column(name, path, "enum", en, ar, tuple(resolved["enum"]), required=required)]
    if types == ["boolean"]:
        return [Column(name, path, "boolean", f"{en} true or false.", f"{ar} true أو false.", ("true", "false"),
                       required=required)]
    if "YYYY" in resolved.get("x-expected", ""):
        return [Column(name, path, "date", en, ar, required=required,
                       full_date=resolved["x-expected"].startswith("a full date"))]
    if types == ["array"]:
        item = resolve_ref(resolved.get("items", {}), resolved_home)[0]
        item_types = item.get("type")
        item_types = [item_types] if isinstance(item_types, str) else list(item_types or [])
        if item_types == ["string"]:
            return [Column(name, path, "list", f"{en} Separate them with ;", f"{ar} افصل بينها بـ ;",
                           required=required)]
        if set(item_types) == {"string", "object"}:
            return [Column(name, path, "sources", f"{en} Separate them with ;; an inline source is written as its "
                           "url and must already be in the case file.",
                           f"{ar} افصل بينها بـ ;، ويُكتب المصدر المضمَّن بعنوانه url ويجب أن يكون في ملف الحالة أصلاً.",
                           required=required)]
    if types == ["string"]:
        return [Column(name, path, "text", en, ar, required=required)]
    if top and name == "private" and types == ["object"]:
        return []  # private_<key> columns, laid out by Layout.columns
    raise LayoutError(f"the case schema's field {name} ({types or resolved.get('$ref') or 'no type'}) cannot be "
                      "laid out as sheet columns; teach sawt/sheets/columns.py how")
