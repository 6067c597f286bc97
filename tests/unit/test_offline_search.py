"""The conversion of Pagefind's bundle into scripts a file:// page can load."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from sawt.outputs.offline_search import (
    OFFLINE_SCRIPT,
    OfflineSearchError,
    classic_pagefind,
    file_script,
    make_search_offline,
)

MODULE = (
    'const v="1.5.2";let x=(function(exports){return exports;})({});'
    'var base=()=>{if(typeof import.meta.url!=="undefined"){return import.meta.url.match(/x/)}};'
    'async function get(u){return await fetch(u)};'
    "function createInstance(){return 1}function search(){return 2}"
    "export{createInstance,search};"
)


def test_the_module_becomes_a_classic_script_returning_its_exports():
    script = classic_pagefind(MODULE)
    code = script.split("(function (fetch, sawtModuleUrl) {", 1)[1]  # after the wrapper's comments
    assert "export" not in code.replace("exports", "")
    assert "import.meta" not in code
    assert "return {createInstance: createInstance, search: search};" in script
    # Pagefind's fetch is the wrapper's: its code sits inside function (fetch, sawtModuleUrl).
    assert re.search(r"\(function \(fetch, sawtModuleUrl\) \{\s*const v=", script)


@pytest.mark.parametrize(
    ("module", "message"),
    [
        (MODULE.replace("export{createInstance,search};", ""), "export"),
        (MODULE.replace("createInstance,", ""), "createInstance"),
        (MODULE.replace("import.meta.url", "location.href"), "import.meta.url"),
        (MODULE.replace("async function", 'import("./x.js");async function'), "module syntax"),
    ],
)
def test_a_bundle_of_another_shape_is_refused_with_a_reason(module, message):
    with pytest.raises(OfflineSearchError, match=message):
        classic_pagefind(module)


def test_an_index_file_becomes_a_script_carrying_its_bytes():
    data = bytes(range(256))
    script = file_script("fragment/ar_1.pf_fragment", data)
    match = re.fullmatch(r'sawtPagefindFile\("fragment/ar_1\.pf_fragment","([A-Za-z0-9+/=]+)"\);\n', script)
    assert match and base64.b64decode(match.group(1)) == data


def test_the_bundle_is_converted_in_place(tmp_path: Path):
    bundle = tmp_path / "pagefind"
    (bundle / "fragment").mkdir(parents=True)
    (bundle / "pagefind.js").write_text(MODULE)
    (bundle / "pagefind-worker.js").write_text("worker")
    (bundle / "pagefind-component-ui.js").write_text("ui")
    (bundle / "pagefind-entry.json").write_text("{}")
    (bundle / "fragment" / "en_1.pf_fragment").write_bytes(b"\x1f\x8b")
    report = make_search_offline(tmp_path)
    files = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
    assert files == [
        "fragment/en_1.pf_fragment.js",
        "pagefind-component-ui.js",
        "pagefind-entry.json.js",
        OFFLINE_SCRIPT,
    ]
    assert report.files == 2
