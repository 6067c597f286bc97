"""How big a built site is, against what a host accepts (the publish workflow's check).

GitHub Pages serves at most 1 GB a site; a bigger artifact is refused at deploy time, after
the whole build, with GitHub's own message that names neither Sawt's size nor a way out.
The issue's measurement (100,000 fictional cases: 21.9 GB, about 220 KB a case in both
languages) puts that limit at about 4,500 cases, so the publish workflow measures `site/`
before uploading it and stops with one line that says the size, the limit and where the
README explains the hosts without that cap.

Every file counts at its full size, hard links included: a page linked unchanged from the
last build (sawt/machinery/reuse.py) is still one more file in the uploaded artifact.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: GitHub Pages: "Published GitHub Pages sites may be no larger than 1 GB" (GitHub's docs,
#: "GitHub Pages limits"); counted in decimal bytes, the stricter reading.
GITHUB_PAGES_LIMIT_BYTES = 1_000_000_000
#: The README section on archives over that limit.
LARGE_ARCHIVES_SECTION = 'README.md, section "Large archives: hosts without a size cap"'


@dataclass(frozen=True)
class SiteSize:
    bytes: int
    files: int


def measure_site(site_dir: Path) -> SiteSize:
    """Every regular file under `site_dir`, each at its size (symbolic links are not followed)."""
    total = files = 0
    for folder, _, names in os.walk(site_dir):
        for name in names:
            stat = os.lstat(os.path.join(folder, name))
            if not os.path.islink(os.path.join(folder, name)):
                total += stat.st_size
                files += 1
    return SiteSize(total, files)


def _size(n: int) -> str:
    return f"{n / 1e9:.2f} GB" if n >= 1e9 else f"{n / 1e6:.1f} MB"


def size_report(site: SiteSize, shown: str, limit: int = GITHUB_PAGES_LIMIT_BYTES,
                host: str = "GitHub Pages") -> tuple[bool, str]:
    """(fits, one line): the size, the limit, and when over it, where to read on."""
    if site.bytes > limit:
        return False, (f"{shown} is {_size(site.bytes)} ({site.files:,} files), over the limit of "
                       f"{host}, {_size(limit)} a site: nothing was deployed. See {LARGE_ARCHIVES_SECTION}.")
    return True, f"{shown} is {_size(site.bytes)} ({site.files:,} files), within the limit of {host}, {_size(limit)} a site."
