"""What search engines and the browser read in every page's head, parsed from the built site:
language alternates that name both versions absolutely, and nothing fetched twice."""

from __future__ import annotations

from pathlib import Path

from tests.build.site_html import canonical_path, html_pages, soup, url_path
from tests.conftest import SITE_URL


def test_every_page_names_both_language_versions_with_absolute_urls(site_dir: Path):
    checked = 0
    for path in html_pages(site_dir):
        if path.name == "404.html":
            continue  # one page for both languages, at no address of its own
        head = soup(path).head
        # rel="alternate" exactly: the page's translations (the feeds are rel="alternate feed").
        links = {link["hreflang"]: link["href"] for link in head.find_all("link", hreflang=True) if link.get("rel") == ["alternate"]}
        here = canonical_path(site_dir, path).lstrip("/")
        english = here.removeprefix("ar/")
        assert links == {"en": SITE_URL + english, "ar": SITE_URL + "ar/" + english, "x-default": SITE_URL + english}, path
        assert all(link["href"].startswith(SITE_URL) for link in head.find_all("link", hreflang=True)
                   if "feed" not in link.get("rel", [])), path
        checked += 1
    assert checked > 20


def test_the_logo_is_drawn_without_a_fetch_and_the_theme_script_fetches_no_sitemap(site_dir: Path):
    page = soup(site_dir / "index.html")
    # Drawn by the stylesheet from favicon.svg's own data (tests/build/test_icons.py), not inlined in every page.
    assert page.select_one(".md-header .md-logo span.sawt-logo") is not None
    assert page.select("img[src$='favicon.svg']") == []  # the tab's icon is the one fetch of it
    bundle = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    assert '"link[rel=alternate]")' not in bundle
