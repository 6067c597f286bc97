"""The pages' security policy as HTTP headers, and cache lifetimes, for static hosts that
read a `_headers` file (Netlify, Cloudflare Pages). hosting/nginx.conf says the same for nginx.

Every page carries its policy in a <meta> tag (sawt/htmlpost.py, the one place
that defines it). A header can say more than a meta tag: `frame-ancestors`
(no other site may frame these pages) and X-Content-Type-Options are ignored in
<meta>. The header policy is the pages' own, with the hashes of every page's theme
scripts combined (a page is checked against both policies, so the header must allow
each page's scripts too).

The policies are collected as each page is finished (PageServices.finish_page, sawt/engine/pages.py), not read
back from the written site: at 100,000 cases that re-read of 400,000 files from disk took
149 s, most of it waiting on pages already evicted from the file cache. Every page's policy
comes from one finished page: an engine page, or the frame a generated page is filled into.
"""

from __future__ import annotations

import re
from pathlib import Path

from sawt.outputs.htmlpost import PRIVACY_META

HEADERS_FILE = "_headers"

_HEAD_BYTES = 16_384  # the policy is right after <meta charset>, at the top of <head>

#: Said once for every address: never framed, no content-type guessing, no referrer.
EXTRA_DIRECTIVES = ("frame-ancestors 'none'",)
EXTRA_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),  # frame-ancestors for browsers that predate it
)


def combined_policy(policies: list[str]) -> str:
    """One policy allowing what each of `policies` allows: the sources of each
    directive joined, in the order first seen (hashes sorted, for stable output)."""
    directives: dict[str, list[str]] = {}
    for policy in policies:
        for directive in filter(None, (d.strip() for d in policy.split(";"))):
            name, *sources = directive.split()
            known = directives.setdefault(name, [])
            known.extend(s for s in sources if s not in known)
    parts = []
    for name, sources in directives.items():
        plain = [s for s in sources if not s.startswith("'sha")]
        parts.append(" ".join([name, *plain, *sorted(s for s in sources if s.startswith("'sha"))]))
    return "; ".join(parts + [d for d in EXTRA_DIRECTIVES if d.split()[0] not in directives])


def page_policy(page: str) -> str | None:
    """The policy a finished page carries in its meta tag, unescaped; None if it has none."""
    match = PRIVACY_META.search(page, 0, _HEAD_BYTES)
    return match.group(1).replace("&#x27;", "'").replace("&#39;", "'") if match else None


#: Folders whose every file is named after a hash of its content (the theme's compiled CSS and
#: workers, Pagefind's index chunks and page fragments): a changed file is a new name, so a
#: browser may keep these for a year without asking again. A folder is given this lifetime only
#: if every file in it has such a name in this build (HASHED_NAME), so a theme update that
#: added an unhashed file there would not make it stale for a year.
HASHED_FOLDERS = (
    "assets/stylesheets",
    "assets/javascripts/workers",
    "pagefind/fragment",
    "pagefind/index",
    "pagefind/filter",
)
HASHED_NAME = re.compile(r"^[\w-]*?[._]?[0-9a-f]{7,}(?:\.[\w]+)+$")
IMMUTABLE = "public, max-age=31536000, immutable"
#: Fonts keep their names across versions but change rarely: a week, then the host's ETag.
FONTS_FOLDER = "assets/fonts"
FONTS_CACHE = "public, max-age=604800"


def cache_rules(site_dir: Path) -> list[tuple[str, str]]:
    """(folder, Cache-Control) for the folders of this build that qualify. Pages and every
    other file keep the host's default (Netlify and Cloudflare: revalidate every time),
    so a correction is seen at once; rules never overlap, since a host joins the values
    of every rule that matches."""
    rules = []
    for folder in HASHED_FOLDERS:
        files = [p for p in (site_dir / folder).rglob("*") if p.is_file()]
        if files and all(HASHED_NAME.match(p.name) for p in files):
            rules.append((folder, IMMUTABLE))
    if (site_dir / FONTS_FOLDER).is_dir():
        rules.append((FONTS_FOLDER, FONTS_CACHE))
    return rules


def headers_file(policy: str, caching: list[tuple[str, str]] = ()) -> str:
    lines = ["# Security headers for every address (Netlify and Cloudflare Pages read this file).", "/*",
             f"  Content-Security-Policy: {policy}"]
    lines += [f"  {name}: {value}" for name, value in EXTRA_HEADERS]
    if caching:
        lines += ["", "# Cache lifetimes (sawt/outputs/headers.py): files named after their content's hash for a year."]
    for folder, value in caching:
        lines += [f"/{folder}/*", f"  Cache-Control: {value}"]
    return "\n".join(lines) + "\n"


def write_headers_file(site_dir: Path, policies: set[str]) -> None:
    """`policies`: every distinct policy of the site's pages (page_policy of each finished page)."""
    if not policies:
        raise RuntimeError(f"no page in {site_dir} has a Content-Security-Policy to publish as a header")
    (site_dir / HEADERS_FILE).write_text(headers_file(combined_policy(sorted(policies)), cache_rules(site_dir)), encoding="utf-8")
