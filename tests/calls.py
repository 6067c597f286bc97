"""Which calls a function gets while a test runs: for tests that assert work was skipped."""

from __future__ import annotations

from typing import Any, Callable


def record_calls(monkeypatch: Any, owner: object, name: str, describe: Callable[[Any], Any]) -> list[Any]:
    """From now on, `owner.name` still runs, and each call is listed as `describe(its first argument)`."""
    seen: list[Any] = []
    real = getattr(owner, name)

    def recording(first: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(describe(first))
        return real(first, *args, **kwargs)

    monkeypatch.setattr(owner, name, recording)
    return seen
