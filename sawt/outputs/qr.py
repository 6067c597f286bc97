"""QR codes as inline SVG, for the share block and for print.

The SVG is built from the code's module matrix (encoded by zxing-cpp's C++ encoder,
which chooses the mask the standard asks for in a quarter of a millisecond) rather
than from an encoder's own SVG writer, so that it is accessible (role="img", <title>, aria-label) and has
exactly the shape the tests check: one white square with the quiet zone and
one black path of dark modules. Black on white (not currentColor) because a
dark theme would otherwise draw light modules on a dark page, which many
phone scanners cannot read.

Every case page has a code in each language: matrices are kept by content (the URL,
the error level, the encoder's version and QR_RENDERER_VERSION) in memory and under
`.cache/qr/`, so a rebuild with nothing changed computes none. (segno, in pure
Python, took 5-10 ms a code choosing its mask: most of a cold build's page time.)
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from importlib.metadata import version

import zxingcpp

from sawt.outputs.cards import write_atomically

SVG_NS = "http://www.w3.org/2000/svg"
#: The quiet zone the QR standard asks for, in modules.
QUIET_ZONE = 4
#: Medium error correction: a printed appeal survives a fold or a smudge.
ERROR_CORRECTION = "M"
ENCODER = f"zxing-cpp {version('zxing-cpp')}"
DARK = "#000"
LIGHT = "#fff"
#: Bump when the matrix or the way it is stored changes, so cached codes are remade.
QR_RENDERER_VERSION = "2"
#: Relative to the working directory of the build (the repository root).
DEFAULT_CACHE_DIR = Path(".cache/qr")

Matrix = tuple[tuple[bool, ...], ...]


def qr_matrix(url: str) -> Matrix:
    """The QR code's modules, without quiet zone; True is dark.

    Always a full QR code (never a Micro QR, which many phone apps cannot
    read), with the smallest version that holds the URL.
    """
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_CORRECTION)
    pixels = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # one byte a module, 0 is dark
    rows, columns = pixels.shape
    data = pixels.tobytes()
    return tuple(tuple(data[r * columns + c] == 0 for c in range(columns)) for r in range(rows))


def qr_cache_key(url: str) -> str:
    """Everything the modules of `url`'s code depend on."""
    payload = {"renderer": QR_RENDERER_VERSION, "encoder": ENCODER, "error": ERROR_CORRECTION, "url": url}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()[:32]


def _parse_matrix(text: str) -> Matrix | None:
    rows = text.split()
    if not rows or any(len(row) != len(rows) or set(row) - {"0", "1"} for row in rows):
        return None  # not a square of modules: made again
    return tuple(tuple(module == "1" for module in row) for row in rows)


@lru_cache(maxsize=None)
def cached_qr_matrix(url: str, cache_dir: Path | None = DEFAULT_CACHE_DIR) -> Matrix:
    """`qr_matrix(url)`, from memory or `cache_dir` when it was made before."""
    path = cache_dir / f"{qr_cache_key(url)}.txt" if cache_dir is not None else None
    if path is not None:
        try:
            matrix = _parse_matrix(path.read_text(encoding="ascii"))
        except (OSError, UnicodeDecodeError):
            matrix = None
        if matrix is not None:
            return matrix
    matrix = qr_matrix(url)
    if path is not None:
        write_atomically(path, "\n".join("".join("1" if m else "0" for m in row) for row in matrix).encode("ascii"))
    return matrix


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


@lru_cache(maxsize=None)
def _modules(url: str, cache_dir: Path | None) -> tuple[int, str]:
    """The SVG's side (quiet zone included) and dark-module path for `url`."""
    matrix = cached_qr_matrix(url, cache_dir)
    return len(matrix) + 2 * QUIET_ZONE, dark_modules_path(matrix)


def qr_svg(url: str, *, title: str, cache_dir: Path | str | None = DEFAULT_CACHE_DIR) -> str:
    """An inline, scalable (viewBox only) SVG QR code for `url`, with no XML declaration."""
    side, dark_path = _modules(url, Path(cache_dir) if cache_dir is not None else None)
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
    ET.SubElement(svg, "path", {"d": dark_path, "fill": DARK})
    # encoding="unicode" writes no XML declaration, as inline SVG in HTML needs.
    return ET.tostring(svg, encoding="unicode")
