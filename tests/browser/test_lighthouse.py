"""Lighthouse 12.2.3 (mobile, the npm package in package.json, on Debian's Chromium) finds
nothing to fix in accessibility, best practices or SEO on the home and a case page, in both
languages, served gzipped like a static host. Performance is measured in bench/lighthouse.py,
not here: a score that depends on the machine's load is not a test. About 60 s."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.first_view import PAGES
from bench.gzip_server import serve
from bench.lighthouse import failing_audits, run_lighthouse

pytestmark = pytest.mark.browser

CATEGORIES = ["accessibility", "best-practices", "seo"]


@pytest.fixture(scope="module")
def gzip_url(site_dir: Path):
    server, url = serve(site_dir, gzip_text=True)
    yield url
    server.shutdown()


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_finds_nothing_to_fix(gzip_url, path, tmp_path):
    if shutil.which("npm") is None:
        pytest.fail("Lighthouse needs Node.js 20 and npm (make test installs package.json's tools)")
    report = run_lighthouse(gzip_url + path, tmp_path / "report.json", CATEGORIES)
    scores = {category: report["categories"][category]["score"] for category in CATEGORIES}
    failing = {category: failing_audits(report, category) for category in CATEGORIES if scores[category] < 1}
    assert scores == dict.fromkeys(CATEGORIES, 1), failing
