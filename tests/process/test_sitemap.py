"""The sitemaps checked with xmllint against the protocol's schema (tests/unit/test_sitemap.py
has the rest), at 112,414 cases: the size of SNHR's count of the forcibly disappeared."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from bench.sitemap_bench import SCHEMAS, archive_page_paths
from sawt.outputs.sitemap import INDEX_SITEMAP, MAX_BYTES_PER_FILE, MAX_URLS_PER_FILE, page_sitemaps, sitemap_index_xml

SITE = "https://example.org/sawt/"


def _xmllint(schema: str, files: list[Path]) -> subprocess.CompletedProcess[str]:
    xmllint = shutil.which("xmllint")
    assert xmllint, "xmllint is not installed (Debian: apt-get install libxml2-utils; make test installs it)"
    return subprocess.run([xmllint, "--noout", "--huge", "--schema", str(SCHEMAS / schema), *map(str, files)],
                          capture_output=True, text=True)


def test_the_schema_check_can_fail(tmp_path: Path):
    [sitemap] = page_sitemaps(["about/"], SITE)
    broken = tmp_path / "broken.xml"
    broken.write_text(sitemap.text.replace("<loc>", "<where>").replace("</loc>", "</where>"), encoding="utf-8")
    assert _xmllint("urlset.xsd", [broken]).returncode != 0


def test_at_112414_cases_every_file_is_under_the_limits_and_valid(tmp_path: Path):
    """The size of SNHR's count of the forcibly disappeared (December 2024), both languages."""
    paths = archive_page_paths(112_414)
    files = []
    for sitemap in page_sitemaps(paths, SITE):
        path = tmp_path / sitemap.name
        path.write_text(sitemap.text, encoding="utf-8")
        assert sitemap.url_count <= MAX_URLS_PER_FILE and path.stat().st_size <= MAX_BYTES_PER_FILE, sitemap.name
        files.append(path)
    assert sum(f.read_text(encoding="utf-8").count("<url>") for f in files) == 2 * len(paths)
    assert len(files) == 5
    index = tmp_path / INDEX_SITEMAP
    index.write_text(sitemap_index_xml(SITE, [f.name for f in files]), encoding="utf-8")
    checked = _xmllint("urlset.xsd", files)
    assert checked.returncode == 0, checked.stderr[-2000:]
    checked = _xmllint("siteindex.xsd", [index])
    assert checked.returncode == 0, checked.stderr
