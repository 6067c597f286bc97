"""Run per-item work on every core, in forked worker processes that inherit the work.

A build's large stages (case pages, share cards) do the same thing to thousands of items.
Forked workers inherit the items and the function from the parent's memory, so they are
handed only where their slice starts: no case (with its long summary) is pickled on the
way. "fork" is safe here because these stages run in the build's own thread, after the
engine's pages are done.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_ITEMS: Sequence = ()
_RUN: Callable | None = None


def in_workers(items: Sequence[Item], run: Callable[[Sequence[Item]], Result], *, slice_size: int,
               minimum: int) -> list[Result]:
    """`run` on consecutive slices of `items`, one worker process per core; in this process,
    as one slice, below `minimum` items or on one core. Returns each slice's result, in order."""
    if len(items) < minimum or (os.cpu_count() or 1) < 2:
        return [run(items)]
    global _ITEMS, _RUN
    _ITEMS, _RUN = items, run
    try:
        with ProcessPoolExecutor(max_workers=os.cpu_count(), mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_run_slice, range(0, len(items), slice_size), [slice_size] * -(-len(items) // slice_size)))
    finally:
        _ITEMS, _RUN = (), None


def _run_slice(start: int, size: int):
    assert _RUN is not None
    return _RUN(_ITEMS[start : start + size])
