"""The offline copy: a built site made to work from a folder opened as file://.

What it shares with the ZIM file (which files go in, folder links made file links, what
the copy says about itself) is sawt/outputs/portable.py. The copy is a folder (`make offline`: site-offline/) holding

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

import re
import sys
import zipfile
from datetime import date
from pathlib import Path

from sawt.data.model import LANGS, PartialDate
from sawt.dates import format_number
from sawt.machinery.cached_files import write_atomically
from sawt.outputs.offline_search import OfflineSearchError, make_search_offline
from sawt.outputs.portable import SHARE_CARDS_FOLDER, CopyFacts, build_date, carried_files, copy_facts, file_link, file_links
from sawt.render.markup import ENV, bdi, time_html

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

#: The copy's names for the shared link rewrite (sawt/outputs/portable.py).
offline_href = file_link


#: A font preload asks for the font in CORS mode, which Chromium refuses from file://
#: ("Access to font ... blocked by CORS policy"); the stylesheet's own request works there.
FONT_PRELOAD = re.compile(r'<link rel="preload"[^>]*\bas="font"[^>]*>\n?')


def offline_html(html: str) -> str:
    return file_links(FONT_PRELOAD.sub("", html))


def make_offline(site_dir: Path) -> int:
    """Rewrite every HTML page under site_dir; the number of pages. Each is replaced, not
    written in place: a page may share its file with the build cache (sawt/machinery/cached_files.py)."""
    pages = sorted(site_dir.rglob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        write_atomically(page, offline_html(text).encode("utf-8"))
    return len(pages)


def prune(site_dir: Path) -> int:
    """Remove what the copy does not carry (sawt/outputs/portable.py: what no reader loads, and
    the share cards, which only share previews name, by their published address); bytes removed."""
    carried = {file for _relative, file in carried_files(site_dir, also_left_out=(SHARE_CARDS_FOLDER,))}
    removed = 0
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file() and p not in carried):
        removed += file.stat().st_size
        file.unlink()
    return removed


#: Where the built site sits inside the copy, and the copy's first page.
SITE_FOLDER = "site"
LANDING = "index.html"
LANDING_TEMPLATE = "offline_landing.html.j2"

__all__ = ["CopyFacts", "build_date", "copy_facts", "offline_href", "offline_html", "prune", "make_copy", "write_zip"]


def _day(value: date) -> PartialDate:
    return PartialDate(value.year, value.month, value.day)


def landing_page(facts: CopyFacts) -> str:
    """The copy's first page, in Arabic then English: its dates and count by language."""
    verified = facts.last_verified
    return ENV.get_template(LANDING_TEMPLATE).render(
        copy=facts,
        built={lang: time_html(_day(facts.built), lang) for lang in LANGS},
        verified={lang: time_html(_day(verified), lang) for lang in LANGS} if verified else None,
        cases={lang: bdi(format_number(facts.cases, lang)) for lang in LANGS} if facts.cases else None,
        # A web address reads left to right, as the first text language does.
        address=bdi(facts.address, LANGS[0]) if facts.address else None,
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
