"""A built site carried away from its web host: what the offline copy (`make offline`,
sawt/outputs/offline.py) and the Kiwix ZIM file (`make zim`, sawt/outputs/zim.py) share.

Both hold the files of one build, read by something that is not a web server
answering folder addresses with their index.html (a browser on file://, a Kiwix
reader looking up ZIM entries by path). So both:

* take the same files (`carried_files`): everything in the build except what no
  reader loads (NEVER_LOADED_FOLDERS, NEVER_LOADED_SUFFIXES), and except what each
  leaves out for its own reason (the offline copy: share cards; the ZIM: the
  Pagefind bundle, which Kiwix's own index replaces);
* rewrite every relative link to a folder into a link to its index.html
  (`file_link`, `file_links`): `../about/` becomes `../about/index.html`;
* say the same things about the copy (`CopyFacts`, `copy_facts`): the site's names,
  its published address, how many cases and when they were last verified, and the
  day the copy was made (`build_date`, SOURCE_DATE_EPOCH when set).
"""

from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Iterable
from urllib.parse import urlsplit

from sawt.dates import archive_today
from sawt.languages import ARABIC_TEXT_LANGUAGE, url_in_language

_HREF = re.compile(r'(\bhref=")([^"]*)(")')


def file_link(href: str) -> str:
    """A relative link to a folder ("cases/x/", "../", ".") becomes one to its
    index.html; links with a scheme, absolute paths, fragments and files stay."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("/", "#")) or not parts.path:
        return href
    path = parts.path
    if path.rsplit("/", 1)[-1] in (".", ".."):  # ".", "../..": folders written without their slash
        path += "/"
    if not path.endswith("/"):
        return href
    rebuilt = path + "index.html"
    if parts.query:
        rebuilt += "?" + parts.query
    if parts.fragment:
        rebuilt += "#" + parts.fragment
    return rebuilt


def file_links(page_html: str) -> str:
    """Every href of a page through `file_link`."""
    return _HREF.sub(lambda m: m.group(1) + file_link(m.group(2)) + m.group(3), page_html)


#: What no reader of a carried copy loads, in neither form: the theme's lunr search (Sawt
#: searches with Pagefind) and source maps (for developer tools).
NEVER_LOADED_FOLDERS = ("assets/javascripts/lunr",)
NEVER_LOADED_SUFFIXES = (".map",)
#: Share cards: only share previews name them, by their address on the published site.
#: The offline copy leaves them out (at 10,000 cases they would be most of its zip); the
#: ZIM keeps them, as the archive's record of each case's card.
SHARE_CARDS_FOLDER = "assets/cards"


def _inside(relative: str, folders: Iterable[str]) -> bool:
    return any(relative == folder or relative.startswith(folder + "/") for folder in folders)


def carried_files(site_dir: Path, *, also_left_out: Iterable[str] = ()) -> list[tuple[str, Path]]:
    """The build's files a copy carries, as (site-relative path, file), sorted by path:
    all but NEVER_LOADED_* and the folders or files in `also_left_out`."""
    left_out = (*NEVER_LOADED_FOLDERS, *also_left_out)
    carried = []
    for file in site_dir.rglob("*"):
        relative = file.relative_to(site_dir).as_posix()
        if file.is_file() and not relative.endswith(NEVER_LOADED_SUFFIXES) and not _inside(relative, left_out):
            carried.append((relative, file))
    return sorted(carried)


@dataclass(frozen=True)
class CopyFacts:
    """What a copy says about itself (the offline landing page, the ZIM's metadata), read from the built site."""

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


#: The address `make offline` and `make zim` use when no SAWT_SITE_URL is given: not a real site.
_PLACEHOLDER_HOST = ".invalid"
_SITE_NAME = re.compile(r'<meta property="og:site_name" content="([^"]*)"')
_SITE_URL = re.compile(r'<link rel="canonical" href="([^"]*)"')


def copy_facts(site_dir: Path, built: date) -> CopyFacts:
    home_en = (site_dir / "index.html").read_text(encoding="utf-8")
    home_ar_path = site_dir / url_in_language("index.html", ARABIC_TEXT_LANGUAGE)
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
