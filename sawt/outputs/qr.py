"""QR codes as inline SVG, for the share block and for print.

The SVG is built from the code's module matrix (encoded by zxing-cpp's C++ encoder,
which chooses the mask the standard asks for in a quarter of a millisecond) rather
than from an encoder's own SVG writer, so that it is accessible (role="img", <title>, aria-label) and has
exactly the shape the tests check: one white square with the quiet zone and
one black path of dark modules, drawn as a 1-module-wide stroke along each horizontal run
(`M x y.5` for the first run, then `m dx dy h n` relative moves: about 1.8 KB for a case's
address, where a filled rectangle a run took 4 KB in every case page). Black on white (not currentColor) because a
dark theme would otherwise draw light modules on a dark page, which many
phone scanners cannot read.

Every case page has a code in each language. A code costs about 0.5 ms here; it is kept
in memory by URL for the build, and on disk only as part of its case page's cached
article (.cache/pages/), so a rebuild with nothing changed computes none. A file per
code under .cache/ was tried and dropped: creating it cost more (1.1 ms) than the code.
(segno, in pure Python, took 5-10 ms a code choosing its mask.)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from importlib.metadata import version

import zxingcpp

SVG_NS = "http://www.w3.org/2000/svg"
#: The quiet zone the QR standard asks for, in modules.
QUIET_ZONE = 4
#: Medium error correction: a printed appeal survives a fold or a smudge.
ERROR_CORRECTION = "M"
ENCODER = f"zxing-cpp {version('zxing-cpp')}"
DARK = "#000"
LIGHT = "#fff"
_DARK_RUN = re.compile(b"\x00+")

Matrix = tuple[tuple[bool, ...], ...]


def qr_matrix(url: str) -> Matrix:
    """The QR code's modules, without quiet zone; True is dark.

    Always a full QR code (never a Micro QR, which many phone apps cannot
    read), with the smallest version that holds the URL.
    """
    return tuple(tuple(module == 0 for module in row) for row in _module_rows(url))


def _module_rows(url: str) -> list[bytes]:
    """One byte a module, row by row, without quiet zone; 0 is dark."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_CORRECTION)
    pixels = memoryview(code.to_image(scale=1, add_quiet_zones=False))
    rows, columns = pixels.shape
    data = pixels.tobytes()
    return [data[r * columns:(r + 1) * columns] for r in range(rows)]


def dark_modules_path(matrix: Sequence[Sequence[bool]], offset: int = QUIET_ZONE) -> str:
    """SVG path data: one horizontal line a run of dark modules, along the middle of its row
    (stroked 1 module wide, it covers exactly the run's squares)."""
    return _runs_path([bytes(0 if dark else 255 for dark in row) for row in matrix], offset)


def _runs_path(rows: Sequence[bytes], offset: int) -> str:
    """`dark_modules_path` of module rows as zxing gives them (one byte a module, 0 dark):
    the first run from an absolute move, every other from a move relative to where the
    last one ended, so that the numbers stay short."""
    parts: list[str] = []
    x = y = 0
    for row_index, row in enumerate(rows):
        for run in _DARK_RUN.finditer(row):
            start, end = run.start() + offset, run.end() + offset
            here = row_index + offset
            if parts:
                parts.append(f"m{start - x} {here - y}h{end - start}")
            else:
                parts.append(f"M{start} {here}.5h{end - start}")
            x, y = end, here
    return "".join(parts)


@lru_cache(maxsize=4096)
def _modules(url: str) -> tuple[int, str]:
    """The SVG's side (quiet zone included) and dark-module path for `url`
    (zxing's rows straight to the path: no matrix of booleans in between)."""
    rows = _module_rows(url)
    return len(rows) + 2 * QUIET_ZONE, _runs_path(rows, QUIET_ZONE)


def qr_svg(url: str, *, title: str) -> str:
    """An inline, scalable (viewBox only) SVG QR code for `url`, with no XML declaration.

    Written as text, escaped as ElementTree escapes (the same bytes as `ET.tostring` gave, for
    titles with quotes, ampersands and line breaks): 0.001 ms where ElementTree's tree and
    serializer took 0.03 ms, beside 0.59 ms for the code's modules."""
    side, dark_path = _modules(url)
    return (f'<svg xmlns="{SVG_NS}" viewBox="0 0 {side} {side}" role="img" aria-label="{_attribute(title)}" '
            f'class="sawt-qr" shape-rendering="crispEdges"><title>{_text(title)}</title>'
            f'<rect width="{side}" height="{side}" fill="{LIGHT}" /><path d="{dark_path}" stroke="{DARK}" /></svg>')


_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                                    "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"})


def _text(value: str) -> str:
    return value.translate(_TEXT_ESCAPES)


def _attribute(value: str) -> str:
    return value.translate(_ATTRIBUTE_ESCAPES)
