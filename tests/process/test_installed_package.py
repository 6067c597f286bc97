"""Sawt installed as a package (`pip install .`, not editable) builds the sample with the source
tree out of the import path: its templates, schemas, catalogs and scripts are found from the
installed package or from the project's config paths, never from `<package>/..`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import SITE_URL

ROOT = Path(__file__).resolve().parents[2]


def test_a_non_editable_install_builds_the_sample(tmp_path: Path):
    # Built from a copy of the source tree: an in-place build would leave build/ in the repository,
    # and a stale one there could hide a file missing from the package data.
    source = tmp_path / "source"
    shutil.copytree(ROOT / "sawt", source / "sawt", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    installed = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
                    "--no-build-isolation", "--no-index", "--target", str(installed), str(source)],
                   check=True, capture_output=True, text=True, timeout=600)
    project = tmp_path / "project"  # the site's own files only: no sawt/ beside mkdocs.yml
    project.mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "watch:\n  - data\n  - sawt\n" in config
    # A site built with an installed Sawt watches its own data only (`make serve` in this repository
    # also reloads on a change to Sawt's source, which such a site does not have).
    (project / "mkdocs.yml").write_text(config.replace("  - sawt\n", "", 1), encoding="utf-8")
    for folder in ("hooks", "overrides", "docs", "data", "archive"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, project / folder)
    env = {**os.environ, "PYTHONPATH": str(installed), "NO_MKDOCS_2_WARNING": "1", "SAWT_SITE_URL": SITE_URL}
    where = subprocess.run([sys.executable, "-c", "import sawt; print(sawt.__file__)"], cwd=project, env=env,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(installed), where  # the installed copy, not the source tree
    shutil.rmtree(installed / "sawt" / "__pycache__", ignore_errors=True)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    site = project / "site"
    arabic_case = (site / "ar" / "cases" / "osama" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="معلومات أساسية"' in arabic_case  # a string from the installed Arabic catalog
    assert (site / "cases" / "osama" / "text.html").is_file() and (site / "pagefind" / "pagefind.js").is_file()
    assert list((site / "assets" / "cards" / "ar").glob("*.png"))  # drawn with the project's fonts (config.font_dir)
