"""One repair to the theme's script, in the built site's copy of it.

Material's bundle fetches `sitemap.xml` beside every `<link rel="alternate">` in a page
(it uses the sitemap to keep the reader on the same page when its language selector is
used; Sawt's switcher links each page to its twin directly). Every page names its two
language versions with absolute `<link rel="alternate" hreflang>` links, as search engines
ask, so the script would fetch `https://<site>/ar/<page>/sitemap.xml` (a 404) on every
page view, and, on a copy of the site served from anywhere else, ask the published site
for it; the two feed links made it fetch the root's sitemap.xml twice. The lookup is made
to find no link at all: the script fetches no sitemap.

The patch looks for the one selector it changes and stops the build if the theme's script
no longer has it (a new Material version), rather than publishing an unpatched copy.
"""

from __future__ import annotations

import re
from pathlib import Path

BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"
_SELECTOR = re.compile(r'(\b[A-Za-z_$][\w$]*\()"link\[rel=alternate\]"\)')
#: A marker no Sawt page writes: the lookup finds nothing, so the script fetches no sitemap.
PATCHED = '"link[rel=alternate][data-sawt-theme-sitemap]")'


class ThemeScriptError(Exception):
    pass


def patched_bundle(script: str) -> str:
    if PATCHED in script:
        return script
    found = _SELECTOR.findall(script)
    if len(found) != 1:
        raise ThemeScriptError(
            f'the theme\'s script has {len(found)} "link[rel=alternate]" lookups, not 1: sawt/outputs/theme_script.py '
            "needs updating for this version of mkdocs-material"
        )
    return _SELECTOR.sub(lambda m: m.group(1) + PATCHED, script, count=1)


def patch_theme_script(site_dir: Path) -> None:
    bundles = sorted(site_dir.glob(BUNDLE_GLOB))
    if len(bundles) != 1:
        raise ThemeScriptError(f"expected one theme script ({BUNDLE_GLOB}) in the built site, found {len(bundles)}")
    bundle = bundles[0]
    bundle.write_text(patched_bundle(bundle.read_text(encoding="utf-8")), encoding="utf-8")
