"""Tests that start processes: the command line, git, Pagefind, node, forked workers and the
setup guard's fresh interpreters. Unit tests (tests/unit/) may not (their conftest refuses it),
so that `make test-unit` stays pure Python and quick."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.conftest import _not_on_github  # noqa: F401  (the same environment as the unit tests)

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.process)
