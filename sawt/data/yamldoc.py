"""Reading YAML data files into plain values that remember their line numbers.

PyYAML's constructors lose positions, so files are *composed* (with libyaml when
available) and the node tree is turned into dicts, lists and scalars here,
recording the line of every mapping key and list item by its path. Any message
about a value can then point at the line to fix.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sawt.data.errors import Problem
from sawt.machinery.cached_files import COMPRESSED_SUFFIX, VALUES_FORMAT, pack_values, unpack_values

# libyaml's parser is several times faster than the pure-Python one.
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Used only for its YAML 1.1 float parsing rules (.inf, 1e3 ...).
_SCALARS = yaml.constructor.SafeConstructor()
_BOOL_TRUE = {"yes", "true", "on"}
_PLAIN_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
_PLAIN_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}

# Limits against hostile or broken files (a pull request can hold anything).
#: Largest case file, in bytes: a case with a long summary and many events is ~20 KB.
MAX_CASE_FILE_BYTES = 1_000_000
#: Largest list file (sources.yml, figures.yml, events.yml), in bytes.
MAX_LIST_FILE_BYTES = 10_000_000
#: Deepest nesting of lists and mappings; the data needs about five levels.
MAX_NESTING_DEPTH = 50
#: Most values one file may repeat through aliases (*name): "billion laughs" aliases
#: expand exponentially, and a few levels of them exhaust memory.
MAX_ALIAS_VALUES = 10_000
# libyaml's composer recurses in C and crashes the interpreter on very deep nesting
# (at 50,000 levels); a file that might nest deeper than this is measured first,
# from the parser's events, which need no recursion.
_SAFE_COMPOSE_DEPTH = 1_000
_LEADING_INDICATORS = re.compile(r"^(?:[ \t]|[-?:](?=[ \t]|$)|[&!]\S*)*", re.MULTILINE)

Path_ = tuple[Any, ...]  # a path into a YAML document: keys and 0-based list indexes


@dataclass
class YamlDoc:
    """A data file read into plain Python values, with the line of every value."""

    file: str  # label for messages: data/cases/x.yml
    value: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)  # source text of non-string scalars
    is_list_file: bool = False
    content_key: str | None = field(default=None, compare=False)  # ParsedFiles' key of the bytes, when read through it

    def line(self, path: Path_) -> int | None:
        """The line of the value at `path`, or of its nearest ancestor."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None

    def field_name(self, path: Iterable[Any]) -> str:
        """`events[2].date` (list items count from 1, as a reader counts them).

        In list files (sources.yml ...) the item index is left out: the line
        number already says which item, and `title` reads better than `[4].title`.
        """
        parts = list(path)
        if self.is_list_file and parts and isinstance(parts[0], int):
            if len(parts) == 1:
                return f"item {parts[0] + 1}"
            parts = parts[1:]
        out = ""
        for part in parts:
            if isinstance(part, int):
                out += f"[{part + 1}]"
            else:
                out += ("." if out else "") + str(part)
        return out

    def problem(self, path: Path_, message: str) -> Problem:
        """A problem about the value at `path`, located at its line."""
        return Problem(self.file, self.line(path), self.field_name(path), message)


class ParsedFiles:
    """Files read before, kept by their bytes: a rebuild parses only the files that changed.

    Composing YAML and walking its nodes is most of the time it takes to load an archive
    (0.6 of 0.9 s at 2,000 cases). Only files that were read without a problem are kept,
    as their values and lines (`pack_values`, sawt/machinery/cached_files.py) at zlib level 6
    (level 1 left the sample's case 8% larger than compressed JSON had been), under `cache_dir`
    when given, and in memory as `memory` says. Loading 5,000 cached case files takes
    0.76-0.84 s, where it took 0.88-1.01 s from compressed JSON.
    The key covers the bytes, the label messages use, the kind of file and this module's
    source, so a change to how files are read reads them all again.
    """

    #: What a ParsedFiles keeps in memory of the files it read (`memory`):
    #: - "packed": each file compressed, as on disk, so that a second check in the same process
    #:   reads no file again (the JSON text of 112,414 cases held as str would be about 1 GB);
    #: - "docs" (a development server, whose archive is a few thousand cases): the files as they
    #:   were read: unpacking every file again was a third of the time a saved case edit took to
    #:   show at 5,000 cases (py-spy);
    #: - "nothing" (a build, which checks data/ once): the packed copies were about 200 MB of a
    #:   cold build's 3.0 GB peak at 112,414 cases, held to the end for nothing.
    MEMORY_KINDS = ("packed", "docs", "nothing")

    def __init__(self, cache_dir: Path | None = None, *, memory: str = "packed") -> None:
        if memory not in self.MEMORY_KINDS:
            raise ValueError(f"memory must be one of {self.MEMORY_KINDS}, not {memory!r}")
        self.cache_dir = cache_dir
        self._memory: dict[str, bytes] | None = {} if memory == "packed" else None
        self._docs: dict[str, YamlDoc] | None = {} if memory == "docs" else None
        self._passed: set[str] | None = None  # "check:key" of the checks files passed (see `passed`)
        self._passed_changed = False
        self._made_dirs: set[Path] = set()

    # Checks that depend on nothing but a file's content (its schema, its script directions)
    # are pure: a file that passed one need not be checked again while neither it nor the
    # check changes. `check` names the check and a fingerprint of its code; files that
    # failed are never recorded, so their problems are reported every time.

    def passed(self, doc: YamlDoc, check: str) -> bool:
        return doc.content_key is not None and f"{check}:{doc.content_key}" in self._passes()

    def record_pass(self, doc: YamlDoc, check: str) -> None:
        if doc.content_key is not None:
            self._passes().add(f"{check}:{doc.content_key}")
            self._passed_changed = True

    def _passes(self) -> set[str]:
        if self._passed is None:
            self._passed = set()
            if self.cache_dir is not None:
                try:
                    loaded = json.loads((self.cache_dir / "passed.json").read_text(encoding="utf-8"))
                    self._passed = {item for item in loaded if isinstance(item, str)} if isinstance(loaded, list) else set()
                except (OSError, ValueError):
                    pass
        return self._passed

    def save(self, keep: set[str] | None = None) -> None:
        """Write the passes down (only the ones about `keep`, the keys of the files read
        this time, so the list does not grow with every edit ever made). The files kept as read
        are pruned to `keep` too."""
        if keep is not None and self._docs is not None:
            self._docs = {key: doc for key, doc in self._docs.items() if key in keep}
        if not self._passed_changed or self.cache_dir is None or self._passed is None:
            return
        if keep is not None:
            self._passed = {item for item in self._passed if item.rsplit(":", 1)[-1] in keep}
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            partial = self.cache_dir / f"passed.json.{os.getpid()}.tmp"
            partial.write_text(json.dumps(sorted(self._passed)), encoding="utf-8")
            partial.replace(self.cache_dir / "passed.json")
            self._passed_changed = False
        except OSError:
            pass

    def key(self, data: bytes, label: str, list_file: bool) -> str:
        digest = hashlib.sha256(_READER_FINGERPRINT)
        digest.update(f"{label}\0{int(list_file)}\0".encode("utf-8"))
        digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path | None:
        return self.cache_dir / key[:2] / f"{key}{COMPRESSED_SUFFIX}" if self.cache_dir is not None else None

    def get(self, key: str) -> YamlDoc | None:
        if self._docs is not None and (kept := self._docs.get(key)) is not None:
            return kept
        packed = self._memory.get(key) if self._memory is not None else None
        if packed is None and (path := self._path(key)) is not None:
            try:
                packed = path.read_bytes()
            except OSError:
                return None
        if packed is None:
            return None
        try:
            file, value, is_list_file, lines, raw = unpack_values(packed)  # type: ignore[misc]
            doc = YamlDoc(file=file, value=value, is_list_file=is_list_file, lines=dict(lines), raw=dict(raw))
        except (ValueError, TypeError):
            return None  # a damaged cache file: read the data file instead
        doc.content_key = key
        self._keep(key, doc, packed)
        return doc

    def _keep(self, key: str, doc: YamlDoc, packed: bytes) -> None:
        if self._docs is not None:
            self._docs[key] = doc
        if self._memory is not None:
            self._memory[key] = packed

    def put(self, key: str, doc: YamlDoc) -> None:
        doc.content_key = key
        packed = pack_values((doc.file, doc.value, doc.is_list_file, tuple(doc.lines.items()), tuple(doc.raw.items())),
                             level=6)
        self._keep(key, doc, packed)
        path = self._path(key)
        if path is None:
            return
        try:
            if path.parent not in self._made_dirs:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made_dirs.add(path.parent)
            # Written in place, not renamed in: a torn file (a killed build) does not decompress,
            # and `get` reads past it; two builds writing one key write the same bytes.
            path.write_bytes(packed)
        except OSError:
            pass  # a cache that cannot be written is only slower


_READER_FINGERPRINT = hashlib.sha256(Path(__file__).read_bytes() + VALUES_FORMAT.encode("utf-8")).digest()
#: The parsed-files cache's generation (sawt/machinery/caches.py).
CACHE_GENERATION = _READER_FINGERPRINT.hex()


def read_yaml(
    path: Path, label: str, problems: list[Problem], *, list_file: bool = False, parsed: ParsedFiles | None = None,
    too_big_advice: str = "shorten it",
) -> YamlDoc | None:
    """Read one YAML file; on any reading problem, record it and return None.

    An empty file (or one with only comments) gives a YamlDoc whose value is None.
    With `parsed`, a file read before with the same bytes is not parsed again.
    """
    limit = MAX_LIST_FILE_BYTES if list_file else MAX_CASE_FILE_BYTES
    if path.is_symlink():
        problems.append(Problem(label, None, "", "the file is a symbolic link; put the file itself in "
                                                 f"{label.rsplit('/', 1)[0]}/"))
        return None
    try:
        with path.open("rb") as file:
            # Sized before it is read: the file may be huge.
            too_big = os.fstat(file.fileno()).st_size > limit
            data = b"" if too_big else file.read()
    except OSError as error:
        problems.append(Problem(label, None, "", f"cannot be read: {error.strerror}"))
        return None
    if too_big or len(data) > limit:
        kind = "a list file" if list_file else "a case file"
        problems.append(Problem(label, None, "", f"the file is larger than the {_megabytes(limit)} allowed "
                                                 f"for {kind}; {too_big_advice}"))
        return None
    if data.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark, as some editors write
        data = data[3:]
    if parsed is not None:
        key = parsed.key(data, label, list_file)
        known = parsed.get(key)
        if known is not None:
            return known
        before = len(problems)
        doc = _parse(data, label, problems, list_file=list_file)
        if doc is not None and len(problems) == before:
            parsed.put(key, doc)
        return doc
    return _parse(data, label, problems, list_file=list_file)


def read_case_bytes(data: bytes, label: str) -> YamlDoc | None:
    """A case file's bytes (an earlier version of one, from git) read as `read_yaml` reads the
    file, under the same limits; None when it cannot be read."""
    if len(data) > MAX_CASE_FILE_BYTES:
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    problems: list[Problem] = []
    doc = _parse(data, label, problems)
    return doc if doc is not None and not problems else None


def _parse(data: bytes, label: str, problems: list[Problem], *, list_file: bool = False) -> YamlDoc | None:
    """`read_yaml` of a file's bytes (size already checked, byte-order mark removed)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(
            Problem(
                label,
                line,
                "",
                f"the file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be read); "
                "save it as UTF-8",
            )
        )
        return None
    doc = YamlDoc(file=label, is_list_file=list_file)
    if not text.strip():
        return doc
    try:
        too_deep = _too_deep_line(text) if _might_nest_deeper_than(text, _SAFE_COMPOSE_DEPTH) else None
        if too_deep is not None:
            problems.append(Problem(label, too_deep, "", _TOO_DEEP))
            return None
        root = yaml.compose(text, Loader=_YamlLoader)
    except yaml.MarkedYAMLError as error:
        problems.append(_yaml_syntax_problem(label, error, text))
        return None
    except yaml.YAMLError:  # a ReaderError: a character YAML does not allow
        problems.append(_bad_character_problem(label, text))
        return None
    if root is None:
        return doc
    doc.lines[()] = root.start_mark.line + 1
    node_problems: list[Problem] = []
    try:
        doc.value = _plain(root, (), doc, node_problems, _Walk())
    except _Refused as refused:
        problems.append(refused.problem)
        return None
    if node_problems:
        problems.extend(node_problems)
        return None
    return doc


_TOO_DEEP = (f"lists and mappings are nested more than {MAX_NESTING_DEPTH} levels deep here; "
             "check the indentation and the brackets")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:g} MB"


def _might_nest_deeper_than(text: str, depth: int) -> bool:
    """A quick upper bound on nesting: every level opens a bracket, or starts
    further right than its parent (at most two levels per column of indentation
    and indicators such as "- ")."""
    brackets = text.count("[") + text.count("{")
    if brackets > depth:
        return True
    widest = max((len(match) for match in _LEADING_INDICATORS.findall(text)), default=0)
    return brackets + 2 * (widest + 1) > depth


def _too_deep_line(text: str) -> int | None:
    """The line where nesting first passes MAX_NESTING_DEPTH, found from the
    parser's events (no recursion, unlike composing), or None."""
    depth = 0
    for event in yaml.parse(text, Loader=_YamlLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING_DEPTH:
                return event.start_mark.line + 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


@dataclass
class _Walk:
    """What `_plain` tracks while it walks one file's nodes."""

    stack: set[int] = field(default_factory=set)  # collections being walked (to catch self-reference)
    seen: set[int] = field(default_factory=set)  # every node walked once
    alias_values: int = 0  # values walked again because an alias (*name) repeats them
    alias_path: Path_ | None = None  # where the alias being expanded is used


class _Refused(Exception):
    """A file too hostile to walk further (nesting, alias bombs): one problem, stop."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _bad_character_problem(label: str, text: str) -> Problem:
    # Found here rather than from the error's position, which libyaml gives in
    # bytes and PyYAML in characters.
    match = _NON_PRINTABLE.search(text)
    if match is None:
        return Problem(label, None, "", "the file contains a character YAML does not allow; delete it")
    line = text.count("\n", 0, match.start()) + 1
    code = f"U+{ord(match.group()):04X}"
    return Problem(label, line, "", f"the file contains an invisible control character ({code}) "
                                    "that YAML does not allow; delete it")


def _yaml_syntax_problem(label: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    """A YAML error in plain words, at the line where the fix is needed."""
    mark = error.problem_mark or error.context_mark
    what = error.problem or error.context or "the YAML cannot be read"
    context = error.context or ""
    hint = ""
    runaway_quote = _runaway_quote_line(text, mark.line) if mark is not None else None
    if "quoted scalar" in context and error.context_mark is not None:
        # The end of the file is where PyYAML noticed; the opening quote is the fix.
        mark = error.context_mark
        what, hint = "a quoted text starting on this line is never closed", " (add the closing quote)"
    elif runaway_quote is not None:
        # `status: "detained` runs on to the next line's quote, where the error
        # shows; the missing quote is on the line it started.
        return Problem(label, runaway_quote, "", "YAML syntax error: a quoted text starting on this line "
                                                 "is never closed (add the closing quote)")
    elif "expected a single document" in context:
        what, hint = "the file holds more than one YAML document", " (remove the extra ---)"
    elif "cannot start any token" in what and mark is not None:
        lines = text.splitlines()
        line_text = lines[mark.line] if mark.line < len(lines) else ""
        char = line_text[mark.column] if mark.column < len(line_text) else ""
        if char == "\t":
            what, hint = "a tab character, which YAML does not allow here", " (indent with spaces)"
        elif char:
            hint = f" (put text that starts with {char} in quotes)"
    elif "mapping values are not allowed" in what:
        hint = ' (put text that contains ": " in quotes, and check the field above has its colon)'
    elif "expected '-' indicator" in what or "expected key" in what or "expected <block end>" in what:
        hint = " (check the indentation: the fields of one item must line up)"
    line = mark.line + 1 if mark is not None else None
    return Problem(label, line, "", f"YAML syntax error: {what}{hint}")


def _runaway_quote_line(text: str, error_line: int) -> int | None:
    """The line (1-based) of a quoted text that spans lines and ends on the line
    of a syntax error, or None: its closing quote was most likely meant as the
    next field's opening one."""
    last_quoted = None
    try:
        for token in yaml.scan(text, Loader=_YamlLoader):
            if token.start_mark.line > error_line:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                last_quoted = token
    except yaml.YAMLError:
        pass  # the error being explained
    if (last_quoted is not None and last_quoted.end_mark.line == error_line
            and last_quoted.start_mark.line < error_line):
        return last_quoted.start_mark.line + 1
    return None


def _plain(node: Node, path: Path_, doc: YamlDoc, problems: list[Problem], walk: _Walk,
           repeated: bool = False) -> Any:
    """Turn a composed YAML node into plain values, recording lines on the way.

    Dates stay strings (PyYAML would make `2023-02-30` a crash and `2023-4-1` a
    silent date): `parse_partial_date` judges them later with a clear message.
    """
    if not repeated:
        if id(node) in walk.seen:
            return _plain_again(node, path, doc, problems, walk)
        walk.seen.add(id(node))
    if isinstance(node, ScalarNode):
        return _scalar(node, path, doc, problems)
    if len(path) >= MAX_NESTING_DEPTH:
        raise _Refused(Problem(doc.file, node.start_mark.line + 1, doc.field_name(path), _TOO_DEEP))
    stack = walk.stack
    if id(node) in stack:
        problems.append(doc.problem(path, f"{doc.field_name(path) or 'the file'} refers to itself "
                                          "through a YAML alias (*); write the value out"))
        return None
    if node.tag not in _PLAIN_COLLECTION_TAGS:
        problems.append(_unsupported_tag(node, path, doc))
        return None
    stack.add(id(node))
    try:
        if isinstance(node, SequenceNode):
            items = []
            for index, child in enumerate(node.value):
                child_path = path + (index,)
                doc.lines[child_path] = child.start_mark.line + 1
                items.append(_plain(child, child_path, doc, problems, walk))
            return items
        if isinstance(node, MappingNode):
            mapping: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key_line = key_node.start_mark.line + 1
                if key_node.tag == "tag:yaml.org,2002:merge":
                    problems.append(Problem(doc.file, key_line, doc.field_name(path),
                                            "YAML merge keys (<<) are not supported; write the fields out"))
                    continue
                if not isinstance(key_node, ScalarNode):
                    problems.append(Problem(doc.file, key_line, doc.field_name(path),
                                            "a field name must be plain text, not a list or mapping"))
                    continue
                key = key_node.value  # the text as written: `on:` stays "on", not True
                child_path = path + (key,)
                if key in mapping:
                    first = doc.lines[child_path]
                    problems.append(Problem(doc.file, key_line, doc.field_name(child_path),
                                            f"{doc.field_name(child_path)} appears twice "
                                            f"(first on line {first}); keep one"))
                    continue
                doc.lines[child_path] = key_line
                mapping[key] = _plain(value_node, child_path, doc, problems, walk)
            return mapping
    finally:
        stack.discard(id(node))
    raise AssertionError(f"unexpected YAML node {node!r}")


def _plain_again(node: Node, path: Path_, doc: YamlDoc, problems: list[Problem], walk: _Walk) -> Any:
    """A node walked before: an alias (*name) repeats it here. Counted, so that
    aliases of aliases ("billion laughs") stop long before memory runs out."""
    outermost = walk.alias_path is None
    if outermost:
        walk.alias_path = path
    try:
        walk.alias_values += 1
        if walk.alias_values > MAX_ALIAS_VALUES:
            used = walk.alias_path
            # A list item's recorded line is its anchor's; the list is where the alias is.
            line = doc.lines.get(used) if used and isinstance(used[-1], str) else doc.line(used[:-1])
            raise _Refused(Problem(doc.file, line, doc.field_name(used),
                                   f"YAML aliases (*) repeat more than {MAX_ALIAS_VALUES:,} values; "
                                   "write the values out instead"))
        return _plain(node, path, doc, problems, walk, repeated=True)
    finally:
        if outermost:
            walk.alias_path = None


def _scalar(node: ScalarNode, path: Path_, doc: YamlDoc, problems: list[Problem]) -> Any:
    tag, text = node.tag, node.value
    if tag == "tag:yaml.org,2002:str":
        return text
    doc.raw[path] = text
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return text.lower() in _BOOL_TRUE
    if tag == "tag:yaml.org,2002:int":
        if not _PLAIN_INT.match(text):
            # YAML 1.1 reads 0123 as octal 83 and 1:20 as 80: refuse to guess.
            problems.append(doc.problem(path, f'{doc.field_name(path) or "the file"} "{text}" is not a '
                                              "plain number: write it without leading zeros, "
                                              "underscores or prefixes, or put it in quotes if it is text"))
            return None
        return int(text)
    if tag == "tag:yaml.org,2002:float":
        return _SCALARS.construct_yaml_float(node)
    if tag == "tag:yaml.org,2002:timestamp":
        return text
    problems.append(_unsupported_tag(node, path, doc))
    return None


def _unsupported_tag(node: Node, path: Path_, doc: YamlDoc) -> Problem:
    shown = node.tag.replace("tag:yaml.org,2002:", "!!")
    return Problem(doc.file, node.start_mark.line + 1, doc.field_name(path),
                   f"{doc.field_name(path) or 'the file'} uses the YAML tag {shown}, which is not "
                   "supported; write plain values")


def describe(value: Any) -> str:
    """How a value reads in a message: "deportd", 12, true, a list, a mapping."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        short = value if len(value) <= 60 else value[:57] + "..."
        return json.dumps(short, ensure_ascii=False)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None
