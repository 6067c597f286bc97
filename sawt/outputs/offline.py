"""The offline copy: a built site made to work from a folder opened as file://.

Browsers show a folder listing, not its index.html, for a file:// link that ends
in "/", so every relative link to a folder is made to name its index.html. The
result is zipped deterministically (sorted names, fixed dates and modes), so the
same site gives the same zip byte for byte.

Not done yet (issue 11): search over a bundled index, the theme's sitemap.xml
fetch, and the landing page; see the branch report.
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

_HREF = re.compile(r'(\bhref=")([^"]*)(")')
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def offline_href(href: str) -> str:
    """A relative link to a folder ("cases/x/", "../", ".") becomes one to its
    index.html; links with a scheme, absolute paths, fragments and files stay."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("/", "#")) or not parts.path:
        return href
    path = parts.path
    if path in (".", ".."):
        path += "/"
    if not path.endswith("/"):
        return href
    rebuilt = path + "index.html"
    if parts.query:
        rebuilt += "?" + parts.query
    if parts.fragment:
        rebuilt += "#" + parts.fragment
    return rebuilt


def offline_html(html: str) -> str:
    return _HREF.sub(lambda m: m.group(1) + offline_href(m.group(2)) + m.group(3), html)


def make_offline(site_dir: Path) -> int:
    """Rewrite every HTML page under site_dir in place; the number of pages."""
    pages = sorted(site_dir.rglob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        page.write_text(offline_html(text), encoding="utf-8")
    return len(pages)


def write_zip(site_dir: Path, zip_path: Path) -> None:
    """Zip site_dir under one top folder, the same bytes for the same files."""
    top = zip_path.stem
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{top}/{file.relative_to(site_dir).as_posix()}", date_time=_ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, file.read_bytes(), compresslevel=9)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m sawt.outputs.offline SITE_DIR ZIP_FILE", file=sys.stderr)
        return 2
    site_dir, zip_path = Path(argv[0]), Path(argv[1])
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir}: no built site here (no index.html); build it first", file=sys.stderr)
        return 1
    pages = make_offline(site_dir)
    write_zip(site_dir, zip_path)
    print(f"{zip_path}: {pages} pages, {zip_path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
