"""A strict build that logged a warning is a failed build: it must not publish.

MkDocs counts a strict build's warnings itself, but only after its last plugin event
(`on_post_build`), which is where Sawt swaps the finished site in; it then aborts with
the site already replaced. So Sawt keeps its own count, from the start of the build, on
the engine's logger (plain `logging`: nothing here imports the engine), and the build
publishes only when the count is zero.
"""

from __future__ import annotations

import logging


class WarningTally(logging.Handler):
    """Counts the records at warning level or above that reach one logger (and its children)."""

    def __init__(self, logger_name: str) -> None:
        super().__init__(level=logging.WARNING)
        self.logger = logging.getLogger(logger_name)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def start(self) -> None:
        """Count from zero, from now (a development server's builds reuse one tally)."""
        self.count = 0
        if self not in self.logger.handlers:
            self.logger.addHandler(self)

    def stop(self) -> None:
        self.logger.removeHandler(self)
