"""A build that stops for any reason leaves the last complete site in place, never half a site."""

from __future__ import annotations

import hashlib
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


def site_bytes(site: Path) -> dict[str, str]:
    """Every file of a built site, by its path, as a hash of its bytes: the site as a reader gets it."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A project whose site was published once, and that site's bytes."""
    project = copy_project(tmp_path_factory.mktemp("published"))
    assert build(project).returncode == 0
    return project, site_bytes(project / "site")


def test_a_failed_build_keeps_the_last_complete_site(published):
    project, before = published
    case = project / "data/cases/osama.yml"
    good = case.read_text(encoding="utf-8")
    case.write_text("name: [unclosed\n", encoding="utf-8")
    try:
        result = build(project)
    finally:
        case.write_text(good, encoding="utf-8")
    assert result.returncode != 0 and "data/cases/osama.yml" in result.stderr
    assert site_bytes(project / "site") == before
    assert not (project / "site.partial").exists()


@pytest.mark.parametrize("page, text, message", [
    # A warning MkDocs gives itself (a link to a page that does not exist) ...
    ("docs/en/about.md", "\n\n[a broken link](no-such-page.md)\n", "no-such-page.md"),
    # ... and one Sawt gives (a script in a page): either way strict mode stops the build after
    # every page was written, and the written pages must not replace the published ones.
    ("docs/ar/about.md", "\n\n<script>window.__pwned = 1</script>\n", "<script>"),
], ids=["engine-warning", "sawt-warning"])
def test_a_strict_build_that_warned_publishes_nothing(published, page: str, text: str, message: str):
    project, before = published
    path = project / page
    good = path.read_text(encoding="utf-8")
    path.write_text(good + text, encoding="utf-8")
    try:
        result = build(project)
    finally:
        path.write_text(good, encoding="utf-8")
    log = result.stdout + result.stderr
    assert result.returncode != 0 and "strict mode" in log and message in log
    assert site_bytes(project / "site") == before, "the failed build changed the published site"
    assert not (project / "site.partial").exists()


def _stopped_half_way(project: Path, sent: signal.Signals) -> int:
    """Start a build, send it `sent` once it has written its first page, and return its exit status."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SAWT_SITE_URL": SITE_URL}
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (project / "site.partial" / "index.html").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(sent)
    return process.wait(timeout=60)


def test_a_terminated_build_leaves_the_published_site(published):
    project, before = published
    # As a CI timeout or `kill` ends it.
    assert _stopped_half_way(project, signal.SIGTERM) != 0, "the build ended before it could be stopped"
    assert site_bytes(project / "site") == before


def test_a_killed_build_publishes_nothing(tmp_path: Path):
    project = copy_project(tmp_path)
    staging = project / "site.partial"
    assert _stopped_half_way(project, signal.SIGKILL) == -signal.SIGKILL, "the build ended before it could be killed"
    assert not (project / "site").exists()
    # The next build starts from nothing and publishes a whole site.
    assert build(project).returncode == 0
    assert (project / "site/ar/cases/osama/index.html").exists() and not staging.exists()


def test_a_rebuild_replaces_the_site_and_the_last_one_goes(tmp_path: Path):
    # The last site is deleted in a process of its own after the swap (sawt.machinery.staging):
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
