"""The offline copy: a built site made to work from a folder opened as file://.

The copy is a folder (`make offline`: site-offline/) holding

    index.html   what this copy is and when it was made, in both languages,
                 linking to both homes (LANDING_TEMPLATE)
    site/        the built site, changed for file:// in place:

* browsers show a folder listing, not its index.html, for a file:// link that
  ends in "/", so every relative link to a folder is made to name its index.html;
* search works from the Pagefind bundle made loadable by classic scripts
  (sawt/outputs/offline_search.py).

It is zipped deterministically (sorted names, fixed dates and modes), so the
same copy gives the same zip byte for byte; the landing page gives the build
date as a day (SOURCE_DATE_EPOCH when set, as for any reproducible build).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from sawt.data.model import PartialDate
from sawt.dates import archive_today, format_number
from sawt.machinery.cached_files import write_atomically
from sawt.outputs.offline_search import OfflineSearchError, make_search_offline
from sawt.render.markup import ENV, bdi, time_html

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


#: A font preload asks for the font in CORS mode, which Chromium refuses from file://
#: ("Access to font ... blocked by CORS policy"); the stylesheet's own request works there.
FONT_PRELOAD = re.compile(r'<link rel="preload"[^>]*\bas="font"[^>]*>\n?')


def offline_html(html: str) -> str:
    html = FONT_PRELOAD.sub("", html)
    return _HREF.sub(lambda m: m.group(1) + offline_href(m.group(2)) + m.group(3), html)


def make_offline(site_dir: Path) -> int:
    """Rewrite every HTML page under site_dir; the number of pages. Each is replaced, not
    written in place: a page may share its file with the build cache (sawt/machinery/cached_files.py)."""
    pages = sorted(site_dir.rglob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        write_atomically(page, offline_html(text).encode("utf-8"))
    return len(pages)


#: What a reader of the copy never loads, left out of it: share cards (only share previews
#: name them, by their address on the published site; at 10,000 cases they would be most
#: of the zip), the theme's unused lunr search, and source maps (for developer tools).
LEFT_OUT_FOLDERS = ("assets/cards", "assets/javascripts/lunr")
LEFT_OUT_SUFFIXES = (".map",)


def prune(site_dir: Path) -> int:
    """Remove what the copy does not need (LEFT_OUT_FOLDERS, LEFT_OUT_SUFFIXES); bytes removed."""
    removed = 0
    for folder in LEFT_OUT_FOLDERS:
        target = site_dir / folder
        if target.is_dir():
            removed += sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
            shutil.rmtree(target)
    for file in [p for p in site_dir.rglob("*") if p.is_file() and p.name.endswith(LEFT_OUT_SUFFIXES)]:
        removed += file.stat().st_size
        file.unlink()
    return removed


#: Where the built site sits inside the copy, and the copy's first page.
SITE_FOLDER = "site"
LANDING = "index.html"
LANDING_TEMPLATE = "offline_landing.html.j2"
#: The address `make offline` uses when no SAWT_SITE_URL is given: not a real site.
_PLACEHOLDER_HOST = ".invalid"
_SITE_NAME = re.compile(r'<meta property="og:site_name" content="([^"]*)"')
_SITE_URL = re.compile(r'<link rel="canonical" href="([^"]*)"')


@dataclass(frozen=True)
class CopyFacts:
    """What the landing page says about the copy, read from the built site."""

    site_name_en: str
    site_name_ar: str
    address: str | None  # the published site's address; None for a placeholder
    cases: int | None  # published cases, from the open-data export
    last_verified: date | None  # the newest last_verified among them
    built: date


def build_date(environ: dict[str, str] | os._Environ[str] = os.environ) -> date:
    """The day the copy was made: SOURCE_DATE_EPOCH (seconds) when set, else today in the archive's time zone."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise ValueError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970") from None
    return archive_today()


def copy_facts(site_dir: Path, built: date) -> CopyFacts:
    home_en = (site_dir / "index.html").read_text(encoding="utf-8")
    home_ar_path = site_dir / "ar" / "index.html"
    home_ar = home_ar_path.read_text(encoding="utf-8") if home_ar_path.is_file() else ""
    name_en = _SITE_NAME.search(home_en)
    name_ar = _SITE_NAME.search(home_ar)
    canonical = _SITE_URL.search(home_en)
    address = html.unescape(canonical.group(1)) if canonical else None
    if address and (urlsplit(address).hostname or "").endswith(_PLACEHOLDER_HOST):
        address = None
    cases = last_verified = None
    export = site_dir / "data" / "cases.json"
    if export.is_file():
        records = json.loads(export.read_text(encoding="utf-8")).get("cases", [])
        cases = len(records)
        dates = sorted(str(r["last_verified"]) for r in records if r.get("last_verified"))
        if dates:
            last_verified = date.fromisoformat(dates[-1][:10])
    return CopyFacts(
        site_name_en=html.unescape(name_en.group(1)) if name_en else "Sawt",
        site_name_ar=html.unescape(name_ar.group(1)) if name_ar else "صوت",
        address=address,
        cases=cases,
        last_verified=last_verified,
        built=built,
    )


def _day(value: date) -> PartialDate:
    return PartialDate(value.year, value.month, value.day)


def landing_page(facts: CopyFacts) -> str:
    """The copy's first page, in Arabic then English."""
    verified = facts.last_verified
    return ENV.get_template(LANDING_TEMPLATE).render(
        copy=facts,
        built_en=time_html(_day(facts.built), "en"),
        built_ar=time_html(_day(facts.built), "ar"),
        verified_en=time_html(_day(verified), "en") if verified else None,
        verified_ar=time_html(_day(verified), "ar") if verified else None,
        cases_en=bdi(format_number(facts.cases, "en")) if facts.cases else None,
        cases_ar=bdi(format_number(facts.cases, "ar")) if facts.cases else None,
        address=bdi(facts.address, "en") if facts.address else None,
    )


def write_zip(copy_dir: Path, zip_path: Path) -> None:
    """Zip copy_dir under one top folder, the same bytes for the same files. Written beside
    zip_path and renamed when complete, so a failed run never leaves half a zip to pass on."""
    top = zip_path.stem
    partial = zip_path.with_name(zip_path.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for file in sorted(p for p in copy_dir.rglob("*") if p.is_file()):
                info = zipfile.ZipInfo(f"{top}/{file.relative_to(copy_dir).as_posix()}", date_time=_ZIP_DATE)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, file.read_bytes(), compresslevel=9)
        partial.replace(zip_path)
    finally:
        partial.unlink(missing_ok=True)


def make_copy(copy_dir: Path, zip_path: Path, *, built: date) -> str:
    """Turn copy_dir/site (a fresh build) into the offline copy and zip it; a one-line summary."""
    site_dir = copy_dir / SITE_FOLDER
    pages = make_offline(site_dir)
    pruned = prune(site_dir)
    search = make_search_offline(site_dir)
    (copy_dir / LANDING).write_text(landing_page(copy_facts(site_dir, built)), encoding="utf-8")
    write_zip(copy_dir, zip_path)
    return (
        f"{zip_path}: {pages} pages, search index in {search.files} scripts ({search.bytes / 1e6:.1f} MB), "
        f"{pruned / 1e6:.1f} MB of share cards and source maps left out, "
        f"{zip_path.stat().st_size} bytes"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(f"usage: python -m sawt.outputs.offline COPY_DIR ZIP_FILE  (the site built into COPY_DIR/{SITE_FOLDER}/)",
              file=sys.stderr)
        return 2
    copy_dir, zip_path = Path(argv[0]), Path(argv[1])
    if not (copy_dir / SITE_FOLDER / "index.html").is_file():
        print(f"{copy_dir / SITE_FOLDER}: no built site here (no index.html); build it first "
              f"(mkdocs build --site-dir {copy_dir / SITE_FOLDER})", file=sys.stderr)
        return 1
    try:
        built = build_date()
        print(make_copy(copy_dir, zip_path, built=built))
    except (ValueError, OfflineSearchError) as error:
        print(f"offline copy: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
