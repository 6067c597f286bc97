"""Throwaway copies of the sample project, changed by a test and built for real."""

from __future__ import annotations

import subprocess
from pathlib import Path

from bench.build_bench import copy_project  # noqa: F401  (one copy recipe for tests and benchmarks)
from tests.conftest import build_site


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return build_site(project, project / "site")


def output_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def readable_bytes(path: Path) -> bytes:
    """A file's bytes as a reader or crawler could get them (gzip opened)."""
    import gzip

    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(data)
        except OSError:
            return data
    return data
