"""QR codes: the SVG's structure, a full QR code of the smallest size, and a real decode."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
import segno
from PIL import Image, ImageDraw

from sawt.outputs import qr
from sawt.outputs.qr import QUIET_ZONE, qr_matrix, qr_svg

URL = "https://sawt.example.org/ar/cases/test-person/"
SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def dark_cells(path_data: str) -> set[tuple[int, int]]:
    """The unit squares a path of "Mx yhNv1h-Nz" rectangles covers."""
    cells: set[tuple[int, int]] = set()
    for x, y, width, back in re.findall(r"M(\d+) (\d+)h(\d+)v1h-(\d+)z", path_data):
        assert width == back
        cells |= {(int(x) + i, int(y)) for i in range(int(width))}
    assert re.sub(r"M\d+ \d+h\d+v1h-\d+z", "", path_data) == "", "unexpected path commands"
    return cells


def test_svg_is_inline_accessible_and_scalable() -> None:
    svg = qr_svg(URL, title="QR code for this page")
    assert svg.startswith("<svg ") and "<?xml" not in svg
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "QR code for this page"
    assert root[0].tag == f"{SVG}title" and root[0].text == "QR code for this page"
    assert root.get("width") is None and root.get("height") is None  # CSS sizes it
    side = len(qr_matrix(URL)) + 2 * QUIET_ZONE
    assert root.get("viewBox") == f"0 0 {side} {side}"
    path = root.find(f"{SVG}path")
    assert path is not None and path.get("fill") in ("#000", "currentColor")


def test_title_is_escaped() -> None:
    root = parse(qr_svg(URL, title='رمز <QR> & "x"'))
    assert root.find(f"{SVG}title").text == 'رمز <QR> & "x"'


def test_matrix_is_a_full_qr_code_of_the_smallest_size() -> None:
    # The smallest version that holds the URL at medium correction (segno, an independent encoder, agrees).
    smallest = segno.make_qr(URL, error="m", boost_error=False)
    assert not smallest.is_micro and len(qr_matrix(URL)) == smallest.symbol_size(border=0)[0]
    assert all(len(row) == len(qr_matrix(URL)) for row in qr_matrix(URL))
    # Even a very short URL gives a full QR code, not a Micro QR most phones cannot read.
    assert len(qr_matrix("https://x.y/")) >= 21


def test_svg_draws_exactly_the_dark_modules() -> None:
    matrix = qr_matrix(URL)
    root = parse(qr_svg(URL, title="t"))
    cells = dark_cells(root.find(f"{SVG}path").get("d"))
    expected = {
        (x + QUIET_ZONE, y + QUIET_ZONE) for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark
    }
    assert cells == expected
    assert 0.3 < len(cells) / len(matrix) ** 2 < 0.7  # a masked code: neither blank nor solid


def rasterize(svg: str, scale: int = 8) -> Image.Image:
    """Draw the SVG's own rectangles with Pillow (no SVG renderer needed)."""
    root = parse(svg)
    side = int(root.get("viewBox").split()[2])
    image = Image.new("L", (side * scale, side * scale), 255)
    draw = ImageDraw.Draw(image)
    for x, y in dark_cells(root.find(f"{SVG}path").get("d")):
        draw.rectangle((x * scale, y * scale, (x + 1) * scale - 1, (y + 1) * scale - 1), fill=0)
    return image


@pytest.mark.parametrize("url", [URL, "https://sawt.example.org/cases/test-person/?x=1#top", "https://x.y/"])
def test_svg_decodes_back_to_the_url(url: str) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")  # test extra: zxing-cpp
    results = zxingcpp.read_barcodes(rasterize(qr_svg(url, title="t")))
    assert [r.text for r in results] == [url]
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode
    assert results[0].ec_level == "M"


# ---------------------------------------------------------------- cache


@pytest.fixture
def fresh_memory():
    def forget() -> None:  # as a new build process starts
        qr.cached_qr_matrix.cache_clear()
        qr._modules.cache_clear()

    forget()
    yield forget
    forget()


def test_a_rebuild_with_nothing_changed_computes_no_qr_code(tmp_path, monkeypatch, fresh_memory) -> None:
    first = qr_svg(URL, title="t", cache_dir=tmp_path)
    assert first == qr_svg(URL, title="t", cache_dir=None)  # the cache changes nothing drawn
    assert len(list(tmp_path.glob("*.txt"))) == 1
    fresh_memory()

    def no_encoder(*args, **kwargs):
        raise AssertionError("the encoder was asked again")

    monkeypatch.setattr(qr.zxingcpp, "create_barcode", no_encoder)
    assert qr_svg(URL, title="t", cache_dir=tmp_path) == first  # from disk
    assert qr_svg(URL, title="another title", cache_dir=tmp_path).count("another title") == 2  # title is not cached
    with pytest.raises(AssertionError, match="the encoder was asked again"):
        qr_svg(URL + "x/", title="t", cache_dir=tmp_path)  # another URL is another code


def test_qr_cache_key_follows_url_renderer_and_encoder(monkeypatch) -> None:
    base = qr.qr_cache_key(URL)
    assert qr.qr_cache_key(URL) == base
    assert qr.qr_cache_key(URL + "x/") != base
    monkeypatch.setattr(qr, "QR_RENDERER_VERSION", "test-bump")
    assert qr.qr_cache_key(URL) != base
    monkeypatch.undo()
    monkeypatch.setattr(qr, "ENCODER", "zxing-cpp 0.0.0")
    assert qr.qr_cache_key(URL) != base
    monkeypatch.undo()
    monkeypatch.setattr(qr, "ERROR_CORRECTION", "h")
    assert qr.qr_cache_key(URL) != base


def test_a_damaged_cache_entry_is_made_again(tmp_path, fresh_memory) -> None:
    (tmp_path / f"{qr.qr_cache_key(URL)}.txt").write_text("0101\n11", encoding="ascii")
    assert qr_svg(URL, title="t", cache_dir=tmp_path) == qr_svg(URL, title="t", cache_dir=None)
    assert qr.cached_qr_matrix(URL, tmp_path) == qr_matrix(URL)
