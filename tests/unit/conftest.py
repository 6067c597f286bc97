"""Unit tests are pure Python: no test here may start a process (the command line, git,
Pagefind, node, worker processes), which is what keeps `make test-unit` quick; those tests live
in tests/process/. They also run the same inside GitHub Actions as on a laptop: the check's
extra annotation output is switched on only by the tests that are about it."""

from __future__ import annotations

import os
import subprocess

import pytest


@pytest.fixture(autouse=True)
def _no_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("a unit test started a process: move it to tests/process/ (unit tests are pure Python)")

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    monkeypatch.setattr(os, "fork", refuse)


@pytest.fixture(autouse=True)
def _not_on_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
