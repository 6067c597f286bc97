"""The publish workflow's size check: every file counted, one line naming the size, the
limit and the README section that exists."""

from __future__ import annotations

import os
from pathlib import Path

from sawt.outputs.host_limits import GITHUB_PAGES_LIMIT_BYTES, LARGE_ARCHIVES_SECTION, SiteSize, measure_site, size_report

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_file_counts_hard_links_too_but_not_symbolic_links(tmp_path: Path) -> None:
    (tmp_path / "cases" / "x").mkdir(parents=True)
    (tmp_path / "index.html").write_bytes(b"a" * 1000)
    (tmp_path / "cases" / "x" / "index.html").write_bytes(b"b" * 500)
    os.link(tmp_path / "index.html", tmp_path / "cases" / "linked.html")  # uploaded as a second copy
    (tmp_path / "elsewhere.html").symlink_to(tmp_path / "index.html")
    assert measure_site(tmp_path) == SiteSize(2500, 3)


def test_over_the_limit_one_line_names_size_limit_and_the_readme_section() -> None:
    fits, line = size_report(SiteSize(2_204_000_000, 40_123), "site/")
    assert not fits
    assert line == ("site/ is 2.20 GB (40,123 files), over the limit of GitHub Pages, 1.00 GB a site: nothing was "
                    f"deployed. See {LARGE_ARCHIVES_SECTION}.")
    assert size_report(SiteSize(GITHUB_PAGES_LIMIT_BYTES, 10), "site/")[0]


def test_the_section_the_line_names_is_in_the_readme() -> None:
    heading = LARGE_ARCHIVES_SECTION.split('"')[1]
    assert f"\n## {heading}\n" in README.read_text(encoding="utf-8")
