"""Search in the offline copy: the site's Pagefind bundle, made loadable from file://.

A page opened from file:// may not fetch() and may not import a module script
(Pagefind issue #202), which is how Pagefind loads its code and index. It may
still load a classic <script>. So, in the offline copy only (the published site
keeps Pagefind as it is):

* pagefind.js, the ES module, becomes the classic script pagefind-offline.js:
  Pagefind's code is placed unchanged inside offline_search.js, with three
  mechanical edits, each checked to apply exactly where expected: the module's
  closing `export {...}` becomes a `return {...}`, `import.meta.url` becomes the
  bundle's own address, and the `fetch` it calls is the wrapper's (a function
  parameter of that name, so no global is replaced).
* every index file (pagefind-entry.json, the .pf_meta, the WebAssembly, the
  .pf_index chunks, the .pf_fragment pages and .pf_filter files) becomes
  `<name>.js`, a script that hands its bytes (base64) to the wrapper, which
  answers Pagefind's fetch with them. Pagefind still loads only the chunks and
  fragments a query needs, and ranks, stems and excerpts as it does online.

The worker and the module copy are left out (they cannot run from file://). The
component UI's script and stylesheet stay as they are: a classic script and a
stylesheet load from file://.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from pathlib import Path

from sawt.outputs.search.index import BUNDLE_SUBDIR

WRAPPER = Path(__file__).with_name("offline_search.js")
OFFLINE_SCRIPT = "pagefind-offline.js"
#: Bundle files loaded as they are (a classic script, a stylesheet).
KEPT_AS_IS = ("pagefind-component-ui.js", "pagefind-component-ui.css")
#: Bundle files that cannot run from file:// and are replaced by OFFLINE_SCRIPT.
LEFT_OUT = ("pagefind.js", "pagefind-worker.js")
_INSERT_AT = "/* sawt:pagefind */"
_MODULE_URL = "import.meta.url"
_EXPORT = re.compile(r"export\s*\{\s*([A-Za-z_$][\w$]*(?:\s*,\s*[A-Za-z_$][\w$]*)*)\s*,?\s*\}\s*;?\s*$")
#: What would still make the code a module (or reach outside the wrapper) after the edits.
_MODULE_SYNTAX = re.compile(
    r"\bimport\s*\(|\bimport\.meta\b|\bexport\s*\{|\bexport\s+(?:default|const|let|var|function|class|async)\b"
    r"|\bimport\s*[{*\"']|\bimport\s+[\w$]+\s*(?:,|from\b)"
)
#: The exports sawt-search.js uses.
REQUIRED_EXPORTS = ("createInstance",)


class OfflineSearchError(RuntimeError):
    """The Pagefind bundle is not the shape this conversion was written for."""


@dataclass(frozen=True)
class OfflineBundle:
    files: int  # index files turned into scripts
    bytes: int  # size of the bundle folder afterwards


def classic_pagefind(module_source: str, wrapper: str | None = None) -> str:
    """Pagefind's ES module as the body of the classic-script wrapper."""
    wrapper = WRAPPER.read_text(encoding="utf-8") if wrapper is None else wrapper
    if wrapper.count(_INSERT_AT) != 1:
        raise OfflineSearchError(f"{WRAPPER.name}: expected one {_INSERT_AT} marker")
    export = _EXPORT.search(module_source)
    if export is None:
        raise OfflineSearchError("pagefind.js does not end with export {...}: a Pagefind version this was not written for")
    names = [name.strip() for name in export.group(1).split(",")]
    missing = [name for name in REQUIRED_EXPORTS if name not in names]
    if missing:
        raise OfflineSearchError(f"pagefind.js does not export {', '.join(missing)}")
    body = module_source[: export.start()]
    if _MODULE_URL not in body:
        raise OfflineSearchError("pagefind.js no longer reads import.meta.url: a Pagefind version this was not written for")
    body = body.replace(_MODULE_URL, "sawtModuleUrl")
    leftover = _MODULE_SYNTAX.search(_without_strings(body))
    if leftover:
        raise OfflineSearchError(f"pagefind.js still has module syntax after conversion: {leftover.group(0)!r}")
    returned = "return {" + ", ".join(f"{name}: {name}" for name in names) + "};"
    return wrapper.replace(_INSERT_AT, body + "\n" + returned)


_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')


def _without_strings(source: str) -> str:
    """The code with its string literals emptied (error messages mention `import`)."""
    return _STRING.sub('""', source)


def file_script(relative: str, data: bytes) -> str:
    """One index file as a script that hands its bytes to the wrapper."""
    return f"sawtPagefindFile({json.dumps(relative)},\"{base64.b64encode(data).decode('ascii')}\");\n"


def make_search_offline(site_dir: Path, bundle_subdir: str = BUNDLE_SUBDIR) -> OfflineBundle:
    """Turn site_dir's Pagefind bundle into the file:// form, in place."""
    bundle = site_dir / bundle_subdir
    module = bundle / "pagefind.js"
    if not module.is_file():
        raise OfflineSearchError(f"{module}: no search bundle to convert (was the site built?)")
    offline = classic_pagefind(module.read_text(encoding="utf-8"))
    converted = 0
    for file in sorted(p for p in bundle.rglob("*") if p.is_file()):
        relative = file.relative_to(bundle).as_posix()
        if relative in KEPT_AS_IS:
            continue
        if relative not in LEFT_OUT:
            file.with_name(file.name + ".js").write_text(file_script(relative, file.read_bytes()), encoding="ascii")
            converted += 1
        file.unlink()
    (bundle / OFFLINE_SCRIPT).write_text(offline, encoding="utf-8")
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    return OfflineBundle(files=converted, bytes=size)
