"""How long each part of a build took, in wall and CPU seconds, and its memory.

The build log's `sawt stages:` line (read by bench/scale_bench.py and bench/serve_bench.py)
comes from here. CPU seconds count this process and its finished children (page and card
workers, Pagefind): on 2 cores a stage that keeps both busy shows about twice its wall time.
"""

from __future__ import annotations

import resource
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator


def cpu_seconds() -> float:
    """User + system seconds of this process and its finished children."""
    return sum(usage.ru_utime + usage.ru_stime
               for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


@dataclass
class StageClock:
    """Started when a build begins; each stage is timed in turn."""

    started: tuple[float, float] = field(default_factory=lambda: (time.perf_counter(), cpu_seconds()))
    seconds: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)
    peak_mb: dict[str, float] = field(default_factory=dict)

    def since_start(self, name: str) -> None:
        """Record everything from the build's start until now as one part (the engine's pages)."""
        self.seconds[name] = time.perf_counter() - self.started[0]
        self.cpu[name] = cpu_seconds() - self.started[1]

    @contextmanager
    def timing(self, name: str) -> Iterator[None]:
        started, cpu_started = time.perf_counter(), cpu_seconds()
        yield
        self.seconds[name] = time.perf_counter() - started
        self.cpu[name] = cpu_seconds() - cpu_started
        self.peak_mb[name] = peak_rss_mb()

    def summary(self) -> str:
        stages = ", ".join(f"{name} {seconds:.1f}s ({self.cpu.get(name, 0):.1f} CPU)" for name, seconds in self.seconds.items())
        # Peak RSS of this process after each stage, and of the largest finished child:
        # where a large archive's memory goes.
        peaks = " ".join(f"{self.peak_mb[name]:.0f}" for name in self.seconds if name in self.peak_mb)
        return f"sawt stages: {stages}; peak RSS MB after each: {peaks}, largest child {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f}"
