"""Last touches on every rendered HTML page: direction on <html>, and the privacy policy.

These are string operations on the final HTML because the theme writes the
<html> tag and inline scripts outside any template block we could override.
"""

from __future__ import annotations

import base64
import hashlib
import re

from sawt.languages import direction
from sawt.outputs.bidi import with_isolated_latin_runs
from sawt.render.theme_fixes import without_invalid_theme_markup

_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
#: The page's own content (Markdown rendered by the theme); sanitised, so it has no script
#: of its own, and whatever script might still be found there is never allowlisted.
_PAGE_CONTENT = re.compile(r'<article class="md-content__inner\b[^>]*>.*?</article>', re.DOTALL | re.IGNORECASE)
_CHARSET_META = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)
_HREFLANG_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def with_language_and_direction(html: str, lang: str) -> str:
    """Set lang and dir on <html>: the theme puts dir on <body> only, so the
    document's own direction (and the browser's default alignment of form
    controls, scrollbars and UA styles) would stay left-to-right."""

    def replace(match: re.Match[str]) -> str:
        attrs = re.sub(r'\s(lang|dir)="[^"]*"', "", match.group(1))
        return f'<html lang="{lang}" dir="{direction(lang)}"{attrs}>'

    return _HTML_TAG.sub(replace, html, count=1)


def without_hreflang_links(html: str) -> str:
    """Drop the theme's per-page <link rel="alternate" hreflang> tags.

    The theme's script fetches "sitemap.xml" next to every such link (one 404 per
    language on every page view, costly on a slow network) and rewrites clicks on
    links under them. The sitemap already carries the hreflang alternates, and
    the language switcher links each page to its translation."""
    return _HREFLANG_LINK.sub("", html)


def content_security_policy(html: str, *, live_reload: bool = False) -> str:
    """A policy that allows this site's own origin only.

    Inline scripts the theme writes are allowed by their hashes rather than
    'unsafe-inline', and only those outside the page's content: a script that
    content brought (should one ever get past sawt/sanitise.py) is not hashed, so
    it does not run. 'wasm-unsafe-eval' lets the search engine's WebAssembly run.
    Under `mkdocs serve` only (`live_reload`), the dev server injects a live-reload
    script that changes on every request, so inline scripts are allowed there.
    """
    if live_reload:
        hashes = ["'unsafe-inline'"]
    else:
        hashes = sorted(
        {
                "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
                for body in _INLINE_SCRIPT.findall(_PAGE_CONTENT.sub("", html))
            }
        )
    script_src = " ".join(["'self'", "'wasm-unsafe-eval'", *hashes])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {script_src}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-src 'none'",
        ]
    )


#: The tags with_privacy_meta writes, as they appear in a page: the policy is group 1. The
#: published `_headers` reads the policy back from them, and a page written beside a frame
#: (a case's text-only version) copies them whole.
PRIVACY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"><meta name="referrer" content="no-referrer">')


def privacy_tags(page: str) -> str:
    """The privacy tags of a finished page, to copy into a page written beside it."""
    match = PRIVACY_META.search(page)
    if match is None:
        raise ValueError("page has no Content-Security-Policy and referrer meta tags to copy")
    return match.group(0)


def with_privacy_meta(html: str, *, live_reload: bool = False) -> str:
    """Insert the Content-Security-Policy and no-referrer meta tags right after
    <meta charset>, before anything that could load a resource."""
    policy = content_security_policy(html, live_reload=live_reload)
    tags = (
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="referrer" content="no-referrer">'
    )
    match = _CHARSET_META.search(html)
    if match is None:
        raise ValueError("page has no <meta charset> to anchor the privacy meta tags")
    return html[: match.end()] + tags + html[match.end():]


def finish_html(html: str, *, lang: str, live_reload: bool = False) -> str:
    """Everything a rendered page gets before it is written, in order."""
    html = without_hreflang_links(with_language_and_direction(html, lang))
    html = without_invalid_theme_markup(html)
    if direction(lang) == "rtl":
        html = with_isolated_latin_runs(html)
    return with_privacy_meta(html, live_reload=live_reload)


def finished_article_content(content: str, *, lang: str) -> str:
    """What `finish_html` does to the content of a page's <article>, for content put into a page
    already finished (a development server's preview of an edited page, sawt/engine/preview.py)."""
    if direction(lang) != "rtl":
        return content
    return with_isolated_latin_runs(f"<article>{content}</article>")[len("<article>"):-len("</article>")]

