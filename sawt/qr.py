"""QR codes as inline SVG, for the share block and for print.

The SVG is built from segno's module matrix rather than from segno's own SVG
writer so that it is accessible (role="img", <title>, aria-label) and has
exactly the shape the tests check: one white square with the quiet zone and
one black path of dark modules. Black on white (not currentColor) because a
dark theme would otherwise draw light modules on a dark page, which many
phone scanners cannot read.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Sequence

import segno

SVG_NS = "http://www.w3.org/2000/svg"
#: The quiet zone the QR standard asks for, in modules.
QUIET_ZONE = 4
#: At least medium error correction (segno raises it when that costs no size).
ERROR_CORRECTION = "m"
DARK = "#000"
LIGHT = "#fff"


def qr_matrix(url: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's modules, without quiet zone; True is dark.

    Always a full QR code (never a Micro QR, which many phone apps cannot
    read), with the smallest version that holds the URL.
    """
    code = segno.make_qr(url, error=ERROR_CORRECTION)
    return tuple(tuple(bool(module) for module in row) for row in code.matrix)


def dark_modules_path(matrix: Sequence[Sequence[bool]], offset: int = QUIET_ZONE) -> str:
    """SVG path data: one rectangle per horizontal run of dark modules."""
    parts: list[str] = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            parts.append(f"M{start + offset} {y + offset}h{x - start}v1h{start - x}z")
    return "".join(parts)


def qr_svg(url: str, *, title: str) -> str:
    """An inline, scalable (viewBox only) SVG QR code for `url`, with no XML declaration."""
    matrix = qr_matrix(url)
    side = len(matrix) + 2 * QUIET_ZONE
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": f"0 0 {side} {side}",
            "role": "img",
            "aria-label": title,
            "class": "sawt-qr",
            "shape-rendering": "crispEdges",
        },
    )
    ET.SubElement(svg, "title").text = title
    ET.SubElement(svg, "rect", {"width": str(side), "height": str(side), "fill": LIGHT})
    ET.SubElement(svg, "path", {"d": dark_modules_path(matrix), "fill": DARK})
    # encoding="unicode" writes no XML declaration, as inline SVG in HTML needs.
    return ET.tostring(svg, encoding="unicode")
