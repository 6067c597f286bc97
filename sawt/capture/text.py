"""The text of a captured document, for the site's text view and for search by eye.

HTML is decoded in the document's own encoding, found as a browser finds it: the HTTP
Content-Type's charset, else a BOM or the page's <meta charset> (lxml reads those from the
bytes), with labels mapped the WHATWG way by `webencodings` (so "iso-8859-1" is read as
windows-1252, as every browser does). Many Syrian and Lebanese sites still serve
windows-1256: read as UTF-8 or Latin-1 that Arabic would be mojibake. With no label at all,
charset-normalizer guesses. Scripts, styles and templates are dropped; block elements end a line.

PDF text is pypdf's, page by page.
"""

from __future__ import annotations

import re
from pathlib import Path

import charset_normalizer
import webencodings
from lxml import html as lxml_html

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_DROPPED = ("script", "style", "noscript", "template", "svg", "iframe", "object", "head")
_BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
           "article", "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "figcaption", "main", "nav", "aside"}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    found = webencodings.lookup(label.strip())
    return found.codec_info.name if found is not None else None


def html_encoding(body: bytes, content_type: str = "") -> str:
    """The encoding a browser would read `body` in (a Python codec name)."""
    header = _HEADER_CHARSET.search(content_type or "")
    codec = _codec(header.group(1)) if header else None
    if codec:
        return codec
    if body.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    meta = _META_CHARSET.search(body[:4096])
    codec = _codec(meta.group(1).decode("ascii", "replace")) if meta else None
    if codec:
        return codec
    guess = charset_normalizer.from_bytes(body[:200_000]).best()
    return guess.encoding if guess is not None else "utf-8"


def html_text(body: bytes, content_type: str = "") -> tuple[str, str]:
    """(the page's readable text, the encoding it was read in)."""
    encoding = html_encoding(body, content_type)
    decoded = body.decode(encoding, errors="replace").lstrip("\ufeff")
    if not decoded.strip():
        return "", encoding
    root = lxml_html.document_fromstring(decoded)
    for element in root.iter(*_DROPPED):
        element.drop_tree()
    parts: list[str] = []

    def walk(element) -> None:  # type: ignore[no-untyped-def]
        tag = element.tag if isinstance(element.tag, str) else ""
        if element.text and tag:
            parts.append(element.text)
        for child in element:
            walk(child)
            if isinstance(child.tag, str) and child.tag.lower() in _BLOCKS:
                parts.append("\n")
            if child.tail:
                parts.append(child.tail)

    body_element = root.find("body")
    walk(body_element if body_element is not None else root)
    lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in "".join(parts).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return text, encoding


def pdf_text(path: Path) -> str:
    """The text of every page of a PDF, a blank line between pages ("" if it has none, e.g. a scan)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError):
        return ""
    return "\n\n".join(page for page in pages if page)


def is_html(content_type: str, name: str = "") -> bool:
    kind = (content_type or "").split(";")[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml") or (not kind and name.lower().endswith((".html", ".htm")))


def is_pdf(content_type: str, name: str = "", head: bytes = b"") -> bool:
    kind = (content_type or "").split(";")[0].strip().lower()
    return kind == "application/pdf" or name.lower().endswith(".pdf") or head.startswith(b"%PDF-")
