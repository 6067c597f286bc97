"""A build that stops for any reason leaves the last complete site in place, never half a site."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.build.projects import build, copy_project
from tests.conftest import SITE_URL

pytestmark = pytest.mark.build


def test_a_failed_build_keeps_the_last_complete_site(tmp_path: Path):
    project = copy_project(tmp_path)
    assert build(project).returncode == 0
    site = project / "site"
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    (project / "data/cases/osama.yml").write_text("name: [unclosed\n", encoding="utf-8")
    result = build(project)
    assert result.returncode != 0 and "data/cases/osama.yml" in result.stderr
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    assert not (project / "site.partial").exists()


def test_a_killed_build_publishes_nothing(tmp_path: Path):
    project = copy_project(tmp_path)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SAWT_SITE_URL": SITE_URL}
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    staging = project / "site.partial"
    deadline = time.monotonic() + 60
    while not (staging / "index.html").exists() and time.monotonic() < deadline:  # the build is half-way
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the build ended before it could be killed"
    assert not (project / "site").exists()
    # The next build starts from nothing and publishes a whole site.
    assert build(project).returncode == 0
    assert (project / "site/ar/cases/osama/index.html").exists() and not staging.exists()


def test_a_rebuild_replaces_the_site_and_the_last_one_goes(tmp_path: Path):
    # The last site is deleted in a process of its own after the swap (sawt.build.staging):
    # the new site is whole at once, and the old one does not stay behind.
    project = copy_project(tmp_path)
    assert build(project).returncode == 0
    (project / "site/stale-marker.txt").write_text("from the last build", encoding="utf-8")
    assert build(project).returncode == 0
    assert (project / "site/ar/cases/osama/index.html").exists() and not (project / "site/stale-marker.txt").exists()
    deadline = time.monotonic() + 60
    while list(project.glob("site.previous*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not list(project.glob("site.previous*")), "the last site was left behind"
