"""Stage: _headers for static hosts, the pages' policy as HTTP headers (after every page exists)."""

from __future__ import annotations

from sawt.outputs.headers import write_headers_file
from sawt.stages.context import BuildContext

READS = ("site_dir", "page_policies")
WRITES = ()


def run(build: BuildContext) -> None:
    write_headers_file(build.site_dir, build.page_policies)
