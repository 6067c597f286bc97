"""The JSON schemas in sawt/data/schemas/, and their errors in plain language.

sawt/data/schemas/*.schema.json is the single source of truth for what a data file may
contain: validation here, and the field reference on the Contribute page
(`sawt.render.fieldref`), both read it. jsonschema is the authority on every error; a
fast path compiled from the same schema only ever answers "certainly valid",
so that loading 10,000 clean files stays quick.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

from sawt.data.errors import Problem
from sawt.data.model import LANGS
from sawt.data.yamldoc import Path_, YamlDoc, describe, did_you_mean
from sawt.dates import parse_partial_date
from sawt.languages import english_name

#: The schemas are package data (sawt/data/schemas/), whatever data dir is loaded, so a
#: fixture or synthetic archive is held to the same rules as the real one, and an
#: installed Sawt carries the rules its code interprets.
SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
SCHEMA_FILES = ("common", "case", "sources", "figures", "events", "appeals", "grades")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@lru_cache(maxsize=1)
def load_schemas() -> dict[str, dict[str, Any]]:
    """The JSON schemas by short name ("case", "sources", ...)."""
    return {
        name: json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        for name in SCHEMA_FILES
    }


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of text between spaces (Arabic too)."""
    return len(text.split())


def _max_words(validator: Any, limit: int, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    # A text of at most `limit` characters cannot have more words: skip the count.
    if isinstance(instance, str) and len(instance) > limit and word_count(instance) > limit:
        yield ValidationError(f"has more than {limit} words")


#: Draft 2020-12 plus `maxWords`, our one keyword of our own (long texts are
#: limited in words, as a writer thinks of them, as well as in characters).
_SawtValidator = validators.extend(Draft202012Validator, {"maxWords": _max_words})


@lru_cache(maxsize=None)
def _validator(name: str) -> Draft202012Validator:
    """A jsonschema validator for one schema, with its `$ref`s inlined.

    Our schemas are not recursive, so inlining is exact; it also spares
    jsonschema its reference lookups, which otherwise dominate the time.
    """
    inlined = inline_refs(load_schemas()[name], name)
    Draft202012Validator.check_schema(inlined)
    return _SawtValidator(inlined)


@lru_cache(maxsize=None)
def _fast_check(name: str) -> Callable[[Any], bool] | None:
    """The schema compiled to a quick "certainly valid?" test, or None if it uses
    a keyword the compiler does not know (then jsonschema does all the work)."""
    try:
        return _compile(inline_refs(load_schemas()[name], name))
    except NotImplementedError:
        return None


@lru_cache(maxsize=None)
def _property_validator(name: str, prop: str) -> Draft202012Validator:
    return _SawtValidator(inline_refs(load_schemas()[name]["properties"][prop], name))


def property_is_valid(name: str, prop: str, value: Any) -> bool:
    """Whether `value` is valid for the top-level property `prop` of schema `name`
    (so that a check beyond the schema looks only at values the schema accepted)."""
    return _property_validator(name, prop).is_valid(value)


def validation_errors(name: str, instance: Any) -> Iterator[ValidationError]:
    """jsonschema's errors for `instance`, skipped when the fast path proves it valid."""
    fast = _fast_check(name)
    if fast is not None and fast(instance):
        return iter(())
    return _validator(name).iter_errors(instance)


# Keywords that never change validity (annotations), and those `_compile` checks.
_ANNOTATIONS = {"$schema", "$id", "$comment", "title", "description", "default", "examples"}
_CHECKED = {"type", "enum", "required", "properties", "additionalProperties", "items",
            "pattern", "minLength", "maxLength", "maxWords", "minimum", "maximum", "dependentRequired"}
_PY_TYPES: dict[str, Callable[[Any], bool]] = {
    # Conservative on purpose: a float 3.0 is a JSON "integer", but the fast path
    # says "not sure" and lets jsonschema decide. It must never accept what
    # jsonschema would reject; rejecting what it would accept only costs time.
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}


def _compile(schema: Any) -> Callable[[Any], bool]:
    """Compile an inlined schema into a predicate that is True only for valid values."""
    if schema is True:
        return lambda v: True
    if not isinstance(schema, dict):
        raise NotImplementedError(repr(schema))
    unknown = {k for k in schema if k not in _ANNOTATIONS | _CHECKED and not k.startswith("x-")}
    if unknown:
        raise NotImplementedError(", ".join(sorted(unknown)))
    checks: list[Callable[[Any], bool]] = []
    if "type" in schema:
        names = [schema["type"]] if isinstance(schema["type"], str) else schema["type"]
        if any(n not in _PY_TYPES for n in names):
            raise NotImplementedError(f"type {names}")
        tests = [_PY_TYPES[n] for n in names]
        checks.append(tests[0] if len(tests) == 1 else lambda v: any(t(v) for t in tests))
    if "enum" in schema:
        if not all(isinstance(e, str) for e in schema["enum"]):
            raise NotImplementedError("non-string enum")
        allowed = frozenset(schema["enum"])
        checks.append(lambda v: isinstance(v, str) and v in allowed)
    if "pattern" in schema:
        search = re.compile(schema["pattern"]).search
        checks.append(lambda v: not isinstance(v, str) or search(v) is not None)
    if "minLength" in schema:
        min_length = schema["minLength"]
        checks.append(lambda v: not isinstance(v, str) or len(v) >= min_length)
    if "maxLength" in schema:
        max_length = schema["maxLength"]
        checks.append(lambda v: not isinstance(v, str) or len(v) <= max_length)
    if "maxWords" in schema:
        max_words = schema["maxWords"]
        checks.append(lambda v: not isinstance(v, str) or len(v) <= max_words or word_count(v) <= max_words)
    if "minimum" in schema:
        low = schema["minimum"]
        checks.append(lambda v: not _is_number(v) or v >= low)
    if "maximum" in schema:
        high = schema["maximum"]
        checks.append(lambda v: not _is_number(v) or v <= high)
    if "required" in schema:
        required = tuple(schema["required"])
        checks.append(lambda v: not isinstance(v, dict) or all(k in v for k in required))
    if "dependentRequired" in schema:
        dependents = {k: tuple(d) for k, d in schema["dependentRequired"].items()}
        checks.append(lambda v: not isinstance(v, dict) or all(
            all(d in v for d in needed) for k, needed in dependents.items() if k in v))
    if "properties" in schema or "additionalProperties" in schema:
        properties = {k: _compile(sub) for k, sub in schema.get("properties", {}).items()}
        additional = schema.get("additionalProperties", True)
        if additional is not True and additional is not False:
            raise NotImplementedError("additionalProperties schema")

        def check_properties(v: Any) -> bool:
            if not isinstance(v, dict):
                return True
            for key, value in v.items():
                check = properties.get(key)
                if check is None:
                    if additional is False:
                        return False
                elif not check(value):
                    return False
            return True

        checks.append(check_properties)
    if "items" in schema:
        item_check = _compile(schema["items"])
        checks.append(lambda v: not isinstance(v, list) or all(item_check(i) for i in v))
    if len(checks) == 1:
        return checks[0]
    return lambda v: all(check(v) for check in checks)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def inline_refs(schema: Any, home: str) -> Any:
    """A copy of `schema` with every `$ref` replaced by its (inlined) target."""
    if isinstance(schema, list):
        return [inline_refs(item, home) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        resolved, target_home = resolve_ref(schema, home)
        return inline_refs(resolved, target_home)
    return {key: inline_refs(value, home) for key, value in schema.items() if key != "$defs"}


def resolve_ref(schema: dict[str, Any], home: str) -> tuple[dict[str, Any], str]:
    """Follow a `$ref` (one of the two shapes our schemas use) to its target.

    Returns the merged schema (the referring schema's own keywords, such as
    `description`, win) and the short name of the file the target lives in.
    """
    ref = schema.get("$ref")
    if ref is None:
        return schema, home
    file_part, _, pointer = ref.partition("#")
    target_home = file_part.removesuffix(".schema.json") if file_part else home
    target: Any = load_schemas()[target_home]
    for part in pointer.strip("/").split("/"):
        if part:
            target = target[part]
    merged_target, final_home = resolve_ref(target, target_home)
    merged = {**merged_target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return merged, final_home


# --- schema errors in plain language ----------------------------------------

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "empty",
}


def is_text_schema(schema: dict[str, Any]) -> bool:
    """The schema of one archive text: a mapping that requires a text in each text language (LANGS)."""
    return schema.get("required") == list(LANGS) and set(LANGS) <= set(schema.get("properties", {}))


#: A text as it is written in YAML, for hints: {en: "...", ar: "..."}.
TEXT_EXAMPLE = "{" + ", ".join(f'{lang}: "..."' for lang in LANGS) + "}"


def _example(prop_schema: dict[str, Any]) -> str:
    """A one-line example of a value for a property, for "add ..." hints."""
    if "enum" in prop_schema:
        return "one of " + ", ".join(prop_schema["enum"])
    if is_text_schema(prop_schema):
        return TEXT_EXAMPLE
    if "YYYY" in prop_schema.get("x-expected", ""):
        return "YYYY-MM-DD"
    if prop_schema.get("type") == "array":
        return "a list"
    return '"..."'


def _expected(schema: dict[str, Any]) -> str:
    if "x-expected" in schema:
        return schema["x-expected"]
    types = schema.get("type")
    if isinstance(types, str):
        types = [types]
    if types:
        return " or ".join(_TYPE_WORDS.get(t, t) for t in types)
    return "something else"


def schema_problems(doc: YamlDoc, schema_name: str) -> list[Problem]:
    """Validate a document against one of the schemas and explain every error."""
    errors = list(validation_errors(schema_name, doc.value))
    # A misspelled field ("stauts") is also a missing one ("status"); say it once,
    # as the misspelling, which is the thing to fix.
    misspelt: set[tuple[Path_, str]] = set()
    for error in errors:
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = list(error.schema.get("properties", {}))
            for extra in error.instance:
                if extra not in known and (guess := did_you_mean(extra, known)):
                    misspelt.add((tuple(error.absolute_path), guess))
    problems: list[Problem] = []
    for error in errors:
        problems.extend(_explain(error, doc, misspelt))
    return problems


def _explain(error: ValidationError, doc: YamlDoc, misspelt: set[tuple[Path_, str]]) -> Iterator[Problem]:
    path: Path_ = tuple(error.absolute_path)
    name = doc.field_name(path)
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    keyword = error.validator
    private = bool(path) and path[0] == "private"  # never echo what is in private:

    if keyword == "type":
        if not name:
            yield doc.problem(path, f"the file must contain {_expected(schema)}, not {describe(value)}")
        elif value is None:
            yield doc.problem(path, f"{name} is empty; fill it in or delete the line")
        elif private:
            yield doc.problem(path, f"{name} must be a mapping of notes (key: value lines)")
        elif is_text_schema(schema):
            last = str(path[-1]) if not isinstance(path[-1], int) else name
            yield doc.problem(path, f'{name} must be given in both languages, like {last}: {TEXT_EXAMPLE}')
        elif "string" in _types(schema) and "x-expected" not in schema and path in doc.raw:
            last = path[-1] if isinstance(path[-1], str) else "-"
            sep = ":" if isinstance(path[-1], str) else ""
            yield doc.problem(path, f"{name} must be text, not {describe(value)}; "
                                    f'put it in quotes: {last}{sep} "{doc.raw[path]}"')
        else:
            yield doc.problem(path, f"{name} must be {_expected(schema)}, not {describe(value)}")
    elif keyword == "enum":
        allowed = [str(v) for v in error.validator_value]
        message = f"{name} {describe(value)} is not one of {', '.join(allowed)}"
        if isinstance(value, str) and (guess := did_you_mean(value, allowed)):
            message += f' (did you mean "{guess}"?)'
        yield doc.problem(path, message)
    elif keyword == "required":
        present = value if isinstance(value, dict) else {}
        for missing in error.validator_value:
            if missing in present or (path, missing) in misspelt:
                continue
            if missing in LANGS and is_text_schema(schema):
                yield doc.problem(path, f'{name} is missing its {english_name(missing)} text; '
                                        f'add {missing}: "..." under {name}')
                continue
            prop_schema = schema.get("properties", {}).get(missing, {})
            hint = f"; add {missing}: {_example(prop_schema)}"
            where = f"{name} is missing {missing}" if name else f"{missing} is missing"
            yield doc.problem(path, where + hint)
    elif keyword == "additionalProperties":
        known = list(schema.get("properties", {}))
        for extra in value:
            if extra in known:
                continue
            extra_path = path + (extra,)
            extra_name = doc.field_name(extra_path)
            guess = did_you_mean(extra, known)
            if guess:
                message = f"{extra_name} is not a known field; did you mean {guess}?"
            else:
                message = f"{extra_name} is not a known field; expected one of {', '.join(known)}"
            yield doc.problem(extra_path, message)
    elif keyword == "dependentRequired":
        for trigger, needed in error.validator_value.items():
            if trigger not in value:
                continue
            for dependent in needed:
                if dependent not in value:
                    prefix = f"{name}." if name else ""
                    hint = ""
                    if dependent == "photo_alt":
                        hint = ': describe the photo in both languages, like photo_alt: {en: "...", ar: "..."}'
                    yield doc.problem(path + (trigger,), f"{prefix}{trigger} needs {prefix}{dependent}{hint}")
    elif keyword == "maxLength" and isinstance(value, str):
        yield doc.problem(path, f"{name} is {len(value):,} characters long, more than the "
                                f"{error.validator_value:,} allowed; shorten it")
    elif keyword == "maxWords" and isinstance(value, str):
        yield doc.problem(path, f"{name} is {word_count(value):,} words long, more than the "
                                f"{error.validator_value:,} allowed; shorten it")
    elif keyword in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        yield doc.problem(path, f"{name} is empty; fill it in or delete the line")
    elif keyword == "pattern" and "x-expected" in schema and "YYYY" in schema["x-expected"]:
        yield doc.problem(path, f"{name} {describe(value)} {_date_reason(value, schema)}")
    elif keyword == "pattern" and schema.get("pattern") == SLUG_RE.pattern:
        suggestion = slugify(value)
        hint = f" (e.g. {suggestion})" if suggestion and suggestion != value else ""
        yield doc.problem(path, f"{name} {describe(value)} is not a valid id: use lowercase Latin "
                                f"letters, digits and single hyphens{hint}")
    elif keyword in ("pattern", "minimum", "maximum"):
        yield doc.problem(path, f"{name} {describe(value)} should be {_expected(schema)}")
    elif keyword == "minItems":
        yield doc.problem(path, f"{name} is an empty list; add items or delete it")
    else:  # a keyword our schemas do not use today: fall back to jsonschema's words
        yield doc.problem(path, f"{name or doc.file}: {error.message}")


def _types(schema: dict[str, Any]) -> list[str]:
    types = schema.get("type", [])
    return [types] if isinstance(types, str) else list(types)


def _date_reason(value: Any, schema: dict[str, Any]) -> str:
    full_date_only = schema.get("x-expected", "").startswith("a full date")
    if full_date_only and isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2})?", value.strip()):
        return f"should be {_expected(schema)}"
    try:
        parse_partial_date(value)
    except ValueError as error:
        return str(error)
    return f"should be {_expected(schema)}"


def slugify(text: str) -> str:
    """A best-effort slug suggestion for error hints: "Ali Hassan_2" -> "ali-hassan-2"."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))

