"""Throwaway copies of the sample project, changed by a test and built for real."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT, build_site


def copy_project(target: Path) -> Path:
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, target / name)
    for folder in ("hooks", "overrides", "docs", "data"):
        shutil.copytree(ROOT / folder, target / folder)
    (target / "sawt").symlink_to(ROOT / "sawt")  # mkdocs.yml watches it during `serve`
    return target


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
