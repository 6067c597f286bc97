"""Reading the built site with a real HTML parser."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup


@lru_cache(maxsize=4096)
def _parse(path: str, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "lxml")


def soup(path: Path) -> BeautifulSoup:
    return _parse(str(path), path.stat().st_mtime)


def html_pages(site_dir: Path) -> list[Path]:
    """Every page a reader can open (search bundles and assets excluded)."""
    return sorted(
        p for p in site_dir.rglob("*.html")
        if not any(part in {"assets", "pagefind"} for part in p.relative_to(site_dir).parts)
    )


def page_language(site_dir: Path, path: Path) -> str:
    return "ar" if path.relative_to(site_dir).parts[0] == "ar" else "en"


def canonical_path(site_dir: Path, path: Path) -> str:
    """The address a page names as its own: its url_path, except that a case's text-only
    version (cases/x/text.html) names the full page it is a lighter copy of (cases/x/)."""
    here = url_path(site_dir, path)
    return here.removesuffix("text.html") if path.name == "text.html" and "/cases/" in here else here


def url_path(site_dir: Path, path: Path) -> str:
    """/about/ for site/about/index.html."""
    rel = path.relative_to(site_dir).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
