"""The built site, read as files: languages, directions, links, privacy of resources."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.build.site_html import html_pages, page_language, soup, url_path
from tests.conftest import SITE_URL

pytestmark = pytest.mark.build

THIRD_PARTY = re.compile(r"^(https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def test_every_page_declares_its_language_and_direction_on_html(site_dir: Path):
    pages = html_pages(site_dir)
    assert len(pages) > 10
    for path in pages:
        if path.name == "404.html" and path.parent == site_dir:
            assert soup(path).html.get("dir") == "ltr"  # English frame, both languages inside
            continue
        html = soup(path).html
        lang = page_language(site_dir, path)
        assert html.get("lang") == lang, path
        assert html.get("dir") == ("rtl" if lang == "ar" else "ltr"), path


def test_language_switcher_leads_to_the_same_page_in_the_other_language(site_dir: Path):
    for path in html_pages(site_dir):
        if path.name == "404.html":
            continue
        links = soup(path).select("a[data-sawt-switch]")
        assert len(links) == 1, path
        target_url = urljoin(url_path(site_dir, path), links[0]["href"])
        # A folder's page, or a named file (a case's text-only version, cases/x/text.html).
        target = site_dir / target_url.lstrip("/")
        target = target if target_url.endswith(".html") else target / "index.html"
        assert target.exists(), f"{path}: switcher points to missing {target_url}"
        other = links[0]["data-sawt-switch"]
        assert page_language(site_dir, target) == other
        # ... and back again to where we started
        back = soup(target).select_one("a[data-sawt-switch]")
        assert urljoin(target_url, back["href"]) == url_path(site_dir, path)


def test_no_page_loads_anything_from_a_third_party(site_dir: Path):
    offenders = []
    for path in html_pages(site_dir):
        doc = soup(path)
        for tag in doc.find_all(["script", "img", "iframe", "source", "audio", "video", "embed", "object", "track"]):
            for attr in ("src", "data", "poster"):
                if tag.get(attr) and THIRD_PARTY.match(tag[attr]):
                    offenders.append((path, tag.name, tag[attr]))
            for candidate in (tag.get("srcset") or "").split(","):
                if candidate.strip() and THIRD_PARTY.match(candidate.strip()):
                    offenders.append((path, tag.name, candidate))
        for link in doc.find_all("link"):
            rel = set(link.get("rel") or [])
            if rel & {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch", "modulepreload", "manifest"}:
                if THIRD_PARTY.match(link.get("href", "")):
                    offenders.append((path, "link", link["href"]))
        for style in doc.find_all("style"):
            offenders += [(path, "style", u) for u in CSS_URL.findall(style.text) if THIRD_PARTY.match(u)]
        for tag in doc.find_all(style=True):
            offenders += [(path, "style=", u) for u in CSS_URL.findall(tag["style"]) if THIRD_PARTY.match(u)]
    for css in site_dir.rglob("*.css"):
        for ref in CSS_URL.findall(css.read_text(encoding="utf-8")):
            if THIRD_PARTY.match(ref):
                offenders.append((css, "css", ref))
    assert offenders == []


def test_fonts_referenced_by_our_css_exist_and_are_woff2(site_dir: Path):
    css = site_dir / "assets" / "css" / "sawt.css"
    refs = [r for r in CSS_URL.findall(css.read_text(encoding="utf-8")) if not r.startswith("data:")]
    assert any("arabic" in r for r in refs) and any("latin" in r for r in refs)
    for ref in refs:
        font = (css.parent / ref).resolve()
        assert font.exists(), ref
        assert font.read_bytes()[:4] == b"wOF2", ref


def test_every_page_has_a_strict_own_origin_policy_and_no_referrer(site_dir: Path):
    for path in html_pages(site_dir):
        head = soup(path).head
        csp = head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp is not None, path
        policy = csp["content"]
        assert "default-src 'self'" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
        assert "http" not in policy, f"{path}: the policy names another origin"
        assert head.find("meta", attrs={"name": "referrer", "content": "no-referrer"}), path
        # The policy must come before anything that loads a resource.
        order = list(head.find_all(True))
        first_loader = head.find(["link", "script", "style"])
        assert order.index(csp) < order.index(first_loader), path


def test_inline_scripts_are_allowed_by_hash_only(site_dir: Path):
    import base64
    import hashlib

    for path in html_pages(site_dir)[:20]:
        doc = soup(path)
        policy = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        for script in doc.find_all("script", src=False):
            digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in policy, path


def test_arabic_headings_have_readable_anchors(site_dir: Path):
    # Hand-written pages; generated case pages give their sections fixed anchors
    # (#timeline, #sources) shared by both languages.
    ids = [h["id"] for p in html_pages(site_dir) if page_language(site_dir, p) == "ar"
           and "/cases/" not in p.as_posix()
           for h in soup(p).select("article > h2[id], article > h3[id]")]
    assert ids, "no Arabic headings found"
    for anchor in ids:
        assert re.search(r"[\u0600-\u06FF]", anchor), anchor
        assert not re.fullmatch(r"_\d+", anchor)


def test_sitemap_lists_both_languages_with_hreflang_and_x_default(site_dir: Path):
    from lxml import etree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    # /sitemap.xml is a small index (the theme downloads it on every page view) ...
    index = site_dir / "sitemap.xml"
    assert index.stat().st_size < 1024
    pages_sitemaps = [loc.text for loc in etree.parse(str(index)).iterfind("s:sitemap/s:loc", namespaces=ns)]
    assert pages_sitemaps and all(loc.startswith(SITE_URL) for loc in pages_sitemaps)
    robots = (site_dir / "robots.txt").read_text().splitlines()
    assert [line.removeprefix("Sitemap: ") for line in robots if line.startswith("Sitemap:")] == pages_sitemaps
    # ... pointing to the lists of every page in both languages.
    site_path = lambda url: "/" + url.removeprefix(SITE_URL)  # the same under a mirror's sub-path
    urls = [url for loc in pages_sitemaps
            for url in etree.parse(str(site_dir / loc.removeprefix(SITE_URL))).findall("s:url", ns)]
    locs = [site_path(u.findtext("s:loc", namespaces=ns)) for u in urls]
    pages = {url_path(site_dir, p) for p in html_pages(site_dir) if p.name == "index.html"}
    assert sorted(locs) == sorted(pages)
    for url in urls:
        langs = {link.get("hreflang"): site_path(link.get("href")) for link in url.findall("x:link", ns)}
        assert set(langs) == {"en", "ar", "x-default"}
        assert langs["x-default"] == langs["en"]
        assert langs["ar"].startswith("/ar/")
    assert not (site_dir / "ar" / "sitemap.xml").exists()


def test_the_404_page_speaks_both_languages(site_dir: Path):
    doc = soup(site_dir / "404.html")
    sections = {s["lang"]: s for s in doc.select(".sawt-404 section[lang]")}
    assert set(sections) == {"en", "ar"}
    assert sections["ar"]["dir"] == "rtl" and sections["en"]["dir"] == "ltr"
    assert "غير موجودة" in sections["ar"].text and "not found" in sections["en"].text.lower()
