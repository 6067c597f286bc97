"""What `make serve` adds to pages (the build-error list) never reaches the site `make build` writes."""

from __future__ import annotations

import pytest

from sawt.volunteer.serve_errors import SCRIPT_PATH, STATUS_PATH

pytestmark = pytest.mark.build


def test_the_built_site_has_no_trace_of_the_serve_only_error_list(site_dir):
    leaked = []
    for path in site_dir.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".json", ".xml", ".txt", ""}:
            text = path.read_bytes()
            if b"__sawt__" in text or b"sawt-build-errors" in text:
                leaked.append(str(path.relative_to(site_dir)))
    assert STATUS_PATH.startswith("/__sawt__/") and SCRIPT_PATH.startswith("/__sawt__/")
    assert leaked == []
