"""The history of each record read from a real git repository (sawt/data/gitlog.py, sawt/data/history.py):
what a reader is told, a shallow clone and a folder without git, and the cache of versions by blob."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from sawt.data import history as history_module
from sawt.data.history import HistoryEntry, read_histories
from tests.history_repo import EXPECTED, SLUG, VERSIONS, commit_history, git, start_repo

TODAY = date(2026, 12, 7)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("history")
    (repo / "data" / "cases").mkdir(parents=True)
    (repo / "README").write_text("x\n")
    start_repo(repo)
    commit_history(repo, repo / "data")
    return repo


def expected_entries():
    return tuple(HistoryEntry(date.fromisoformat(day), first, changes) for day, first, changes in EXPECTED)


def test_the_history_tells_what_changed_in_public_and_nothing_else(repo: Path, tmp_path: Path):
    histories = read_histories(repo / "data", [SLUG], today=TODAY, cache_dir=tmp_path)
    assert histories.unavailable is None
    # Two commits while unpublished and one that changed only a private note show nothing.
    assert histories.of(SLUG).entries == expected_entries()
    assert len(VERSIONS) == 6


def test_versions_are_read_once_and_kept_by_blob_not_by_path_or_time(repo: Path, tmp_path: Path, monkeypatch):
    read_histories(repo / "data", [SLUG], today=TODAY, cache_dir=tmp_path)
    # A clone elsewhere, with new file times: every version comes from the cache.
    clone = tmp_path / "elsewhere" / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    monkeypatch.setattr(history_module, "read_blobs", lambda *args: pytest.fail("a cached version was read again"))
    assert read_histories(clone / "data", [SLUG], today=TODAY, cache_dir=tmp_path).of(SLUG).entries == expected_entries()


def test_a_shallow_clone_has_no_history_rather_than_a_wrong_one(repo: Path, tmp_path: Path):
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{repo}", str(shallow))
    histories = read_histories(shallow / "data", [SLUG], today=TODAY, cache_dir=tmp_path)
    assert "shallow clone" in histories.unavailable and "fetch-depth: 0" in histories.unavailable
    assert histories.of(SLUG).available is False and histories.of(SLUG).entries == ()


def test_a_folder_without_git_has_no_history(repo: Path, tmp_path: Path):
    copy = tmp_path / "tarball"
    shutil.copytree(repo / "data", copy / "data")
    histories = read_histories(copy / "data", [SLUG], today=TODAY, cache_dir=None)
    assert "not in a git repository" in histories.unavailable
    assert histories.of(SLUG).available is False


def test_a_case_never_committed_has_no_history_to_tell(repo: Path, tmp_path: Path):
    histories = read_histories(repo / "data", ["not-committed"], today=TODAY, cache_dir=None)
    assert histories.unavailable is None and histories.of("not-committed").available is False


def test_one_git_log_and_one_cat_file_for_every_case(repo: Path, tmp_path: Path, monkeypatch):
    from sawt.data import gitlog
    calls = []
    real = gitlog._git
    monkeypatch.setattr(gitlog, "_git", lambda cwd, *args, **kw: calls.append(args[0]) or real(cwd, *args, **kw))
    read_histories(repo / "data", [SLUG, "other"], today=TODAY, cache_dir=tmp_path / "fresh")
    assert calls == ["rev-parse", "log", "cat-file"]


def test_versions_are_read_in_batches_that_bound_the_memory_held(repo: Path, tmp_path: Path, monkeypatch):
    """A cold build at 112,414 cases must not hold every version's YAML at once: with one version
    a call, the same history comes from one `git cat-file` a version."""
    from sawt.data import gitlog
    calls = []
    real = gitlog._git
    monkeypatch.setattr(gitlog, "_git", lambda cwd, *args, **kw: calls.append(args[0]) or real(cwd, *args, **kw))
    monkeypatch.setattr(history_module, "BLOBS_PER_GIT_CALL", 1)
    histories = read_histories(repo / "data", [SLUG], today=TODAY, cache_dir=tmp_path / "batched")
    assert histories.of(SLUG).entries == expected_entries()
    blobs = {version.blob for version in gitlog.read_case_log(repo / "data").versions[SLUG] if version.blob}
    assert calls.count("cat-file") == len(blobs) > 1
