"""A mirror under a sub-path: SAWT_SITE_URL=https://mirror.example/sawt/ (one extra build).

Its addresses for the outside world (canonical, share previews, feeds, sitemap,
robots.txt) name the mirror; its own links stay relative, so the same files work
at /sawt/; served there, pages, assets and search work."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.build.site_html import canonical_path, html_pages, soup
from tests.conftest import ROOT, build_site, serve

pytestmark = [pytest.mark.build, pytest.mark.browser]

MIRROR = "https://mirror.example/sawt/"
SUB_PATH = "/sawt/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def mirror_root(tmp_path_factory) -> Path:
    """A web root holding the mirror's build in sawt/."""
    root = tmp_path_factory.mktemp("mirror")
    result = build_site(ROOT, root / SUB_PATH.strip("/"), {"SAWT_SITE_URL": MIRROR})
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return root


@pytest.fixture(scope="module")
def mirror_site(mirror_root: Path) -> Path:
    return mirror_root / SUB_PATH.strip("/")


def _internal(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith(("#", "data:"))


def test_outside_addresses_name_the_mirror_and_internal_links_are_relative(mirror_site: Path):
    for path in html_pages(mirror_site):
        doc = soup(path)
        links = [a.get("href") for a in doc.select("[href]")] + [s.get("src") for s in doc.select("[src]")]
        absolute = [u for u in links if _internal(u) and u.startswith("/")]
        if path.name == "404.html":  # served at any address, so its links start at the mirror's path
            assert absolute and all(u.startswith(SUB_PATH) for u in absolute), path
            continue
        assert absolute == [], f"{path}: {absolute[:5]}"
        canonical = doc.select_one('link[rel="canonical"]')["href"]
        assert canonical == MIRROR + canonical_path(mirror_site, path).lstrip("/"), path
        for prop in ("og:url", "og:image"):
            assert doc.select_one(f'meta[property="{prop}"]')["content"].startswith(MIRROR), (path, prop)
        for link in [u for u in links if _internal(u) and urlsplit(u).path]:
            target = path.parent / urlsplit(link).path
            assert (target / "index.html" if target.is_dir() else target).is_file(), (path, link)


def test_feeds_sitemap_and_robots_name_the_mirror(mirror_site: Path):
    for feed in ("feed-en.xml", "feed-ar.xml"):
        links = [link.get("href") for link in ET.parse(mirror_site / feed).iter(f"{ATOM}link")]
        assert links and all(href.startswith(MIRROR) for href in links), feed
    index = ET.parse(mirror_site / "sitemap.xml")
    sitemaps = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert sitemaps and all(loc.startswith(MIRROR) for loc in sitemaps)
    for sitemap in sitemaps:
        locs = [loc.text for loc in ET.parse(mirror_site / sitemap.removeprefix(MIRROR)).iter(f"{SITEMAP}loc")]
        assert MIRROR + "cases/saleh-al-samar/" in locs and all(loc.startswith(MIRROR) for loc in locs)
    assert f"Sitemap: {MIRROR}sitemap" in (mirror_site / "robots.txt").read_text(encoding="utf-8")


def test_served_under_the_sub_path_pages_assets_and_search_work(browser, mirror_root: Path):
    server, origin = serve(mirror_root)
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    try:
        page.goto(origin + SUB_PATH + "ar/", wait_until="networkidle")
        found = page.evaluate("window.sawtSearch('Saleh', 3)")
        # Not Arabic text: the Arabic page searches the Arabic index, which knows the Latin name too.
        assert found and found[0]["url"] == SUB_PATH + "ar/cases/saleh-al-samar/", found
        page.goto(origin + SUB_PATH + "cases/", wait_until="networkidle")
        found = page.evaluate("window.sawtSearch('Saleh', 3)")
        assert found[0]["url"] == SUB_PATH + "cases/saleh-al-samar/", found
        page.goto(origin + found[0]["url"], wait_until="networkidle")
        assert "Saleh" in page.inner_text("h1")
        # The stylesheet applied (the theme's header is laid out), not a bare page.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
        assert problems == []
    finally:
        context.close()
        server.shutdown()
