"""Every internal link in the built site leads somewhere: each href and src of every
built HTML file names a file that was built, and each #fragment an id in its target."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.build.site_html import soup, url_path
from tests.conftest import SITE_URL

LINK_ATTRIBUTES = ("href", "src", "srcset")
SITE = urlsplit(SITE_URL)


def internal_path(page_url: str, reference: str) -> tuple[str, str] | None:
    """(site path, fragment) of a reference made on page_url, or None when it leaves the site."""
    absolute = urlsplit(urljoin(SITE_URL.rstrip("/") + page_url, reference))
    if (absolute.scheme, absolute.netloc) != (SITE.scheme, SITE.netloc) or not absolute.path.startswith(SITE.path):
        return None
    return "/" + unquote(absolute.path)[len(SITE.path):], unquote(absolute.fragment)


def built_file(site_dir: Path, path: str) -> Path | None:
    candidate = site_dir / path.lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def ids_in(path: Path) -> set[str]:
    document = soup(path)
    return {tag["id"] for tag in document.find_all(id=True)} | {a["name"] for a in document.find_all("a", attrs={"name": True})}


def references(path: Path):
    for tag in soup(path).find_all(True):
        for attribute in LINK_ATTRIBUTES:
            value = tag.get(attribute)
            if not value:
                continue
            values = [part.split()[0] for part in value.split(",") if part.strip()] if attribute == "srcset" else [value]
            for reference in values:
                yield tag, attribute, reference


def test_every_internal_link_and_anchor_resolves(site_dir: Path):
    pages = sorted(site_dir.rglob("*.html"))
    broken: list[str] = []
    checked = 0
    for page in pages:
        page_url = url_path(site_dir, page)
        where = page.relative_to(site_dir).as_posix()
        for tag, attribute, reference in references(page):
            resolved = internal_path(page_url, reference)
            if resolved is None:
                continue
            path, fragment = resolved
            target = page if reference.startswith("#") else built_file(site_dir, path)
            checked += 1
            if target is None:
                broken.append(f"{where}: <{tag.name} {attribute}=\"{reference}\">: {path} was not built")
            elif fragment and target.suffix == ".html" and fragment not in ids_in(target):
                broken.append(f"{where}: <{tag.name} {attribute}=\"{reference}\">: no id=\"{fragment}\" in {target.relative_to(site_dir).as_posix()}")
    assert checked > 500, f"only {checked} internal references were found: is the checker reading the pages?"
    assert broken == [], f"{len(broken)} broken internal links:\n" + "\n".join(broken)
