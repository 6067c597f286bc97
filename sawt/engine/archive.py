"""The archive a build is made from: data/ loaded and checked once per content.

mkdocs-static-i18n runs a whole build per language, and `mkdocs serve` rebuilds on every
save, so data/ is checked again only when one of its files changed (by its fingerprint,
sawt/machinery/fingerprint.py), when the day changed (embargoes lift at midnight), or when the
strictness did.
"""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path

from sawt.data.errors import DataError
from sawt.data.load import CheckedCases, check_archive
from sawt.data.model import Archive
from sawt.data.yamldoc import ParsedFiles
from sawt.errors import SawtError
from sawt.machinery.fingerprint import Fingerprint


class ArchiveLoader:
    """Loads data/ for one build after another, keeping what it can between them."""

    def __init__(self, data_dir: Path, *, remember_cases: bool = False) -> None:
        """`remember_cases` (a development server): keep every case file as read, checked and
        built, so that a rebuild after a saved edit checks and builds only the edited files
        (sawt.data.load.CheckedCases). A build loads data/ once and keeps none of it."""
        self.data_dir = data_dir
        self._checked = CheckedCases() if remember_cases else None
        self.archive: Archive | None = None
        self.withheld_slugs: frozenset[str] = frozenset()
        self.warnings: tuple[str, ...] = ()  # script-direction problems, when not strict
        self.checked_from: Fingerprint = {}  # data/ as the archive was checked
        self.checked_as: tuple[date, bool] | None = None  # (today, strict) of that check
        self._parsed: ParsedFiles | None = None
        self._frozen = False

    @property
    def loaded(self) -> Archive:
        """The archive of this build (loaded by `load` when the build began)."""
        if self.archive is None:
            raise SawtError("internal: the archive was used before it was loaded")
        return self.archive

    def load(self, seen: Fingerprint, *, today: date, strict: bool, cache_dir: Path) -> Archive:
        """The archive of data/ as `seen`, checked again only if needed (see the module's doc).
        Not `strict`, script-direction problems are kept in `warnings` instead of stopping it."""
        if self.archive is None or seen != self.checked_from or self.checked_as != (today, strict):
            try:
                report = check_archive(self.data_dir, today=today, strict=strict, parsed=self._parsed_files(cache_dir),
                                       checked=self._checked)
            except DataError as error:
                self.archive = None
                raise SawtError(f"{error.summary()} in data/:\n{error}") from None
            self.archive, self.withheld_slugs = report.archive, report.withheld_slugs
            self.warnings = tuple(warning.as_warning() for warning in report.warnings)
            self.checked_from, self.checked_as = seen, (today, strict)
        return self.archive

    def _parsed_files(self, cache_dir: Path) -> ParsedFiles:
        """Data files read before, kept by their bytes (in .cache/data/, and in memory for a
        development server's life), so that a rebuild parses only the files that changed."""
        if self._parsed is None or self._parsed.cache_dir != cache_dir:
            self._parsed = ParsedFiles(cache_dir, memory="docs" if self._checked is not None else "nothing")
        return self._parsed

    def freeze(self) -> None:
        """The archive is long-lived objects by the hundred thousand (millions at 100,000
        cases): frozen, the cyclic collector no longer rescans them for the rest of the build,
        nor touches them in the forked workers that share them (gc.freeze's documented use)."""
        if not self._frozen:
            gc.freeze()
            self._frozen = True

    def thaw(self) -> None:
        """When the build ends, so that a development server still collects what its builds leave."""
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
