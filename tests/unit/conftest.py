"""Unit tests run the same inside GitHub Actions as on a laptop: the check's extra
annotation output is switched on only by the tests that are about it."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _not_on_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
