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
    """The unit squares a path of horizontal runs covers when stroked 1 wide: "Mx y.5hN" for
    the first run, then "mdx dyhN" moves relative to the end of the last run."""
    cells: set[tuple[int, int]] = set()
    commands = re.findall(r"([Mm])(-?\d+) (-?\d+)(\.5)?h(\d+)", path_data)
    assert re.sub(r"[Mm]-?\d+ -?\d+(?:\.5)?h\d+", "", path_data) == "", "unexpected path commands"
    assert commands and commands[0][0] == "M" and commands[0][3] == ".5", "the first run starts mid-row"
    assert all(c[0] == "m" and not c[3] for c in commands[1:]), "every later run moves relatively"
    x = y = 0
    for absolute, dx, dy, _, width in commands:
        x, y = (int(dx), int(dy)) if absolute == "M" else (x + int(dx), y + int(dy))
        cells |= {(x + i, y) for i in range(int(width))}
        x += int(width)
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
    assert path is not None and path.get("stroke") == "#000"  # black on white in any theme
    assert path.get("stroke-width") in (None, "1") and path.get("fill") is None  # 1 module wide: the runs' squares


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
    qr._modules.cache_clear()  # as a new build process starts
    yield
    qr._modules.cache_clear()


def no_encoder(*args, **kwargs):
    raise AssertionError("the encoder was asked again")


def test_one_build_encodes_each_url_once(monkeypatch, fresh_memory) -> None:
    first = qr_svg(URL, title="t")
    monkeypatch.setattr(qr.zxingcpp, "create_barcode", no_encoder)
    assert qr_svg(URL, title="t") == first
    assert qr_svg(URL, title="another title").count("another title") == 2  # the title is not cached
    with pytest.raises(AssertionError, match="the encoder was asked again"):
        qr_svg(URL + "x/", title="t")  # another URL is another code


@pytest.mark.parametrize("url", [URL, "https://sawt.example.org/", "https://mirror.example/sawt/cases/" + "long-slug-" * 12 + "/"])
def test_the_fast_path_draws_exactly_the_matrix(url: str, fresh_memory) -> None:
    side, path_data = qr._modules(url)
    matrix = qr_matrix(url)
    assert side == len(matrix) + 2 * QUIET_ZONE
    assert path_data == qr.dark_modules_path(matrix)


def test_a_case_page_from_the_page_cache_computes_no_qr_code(tmp_path, monkeypatch, fresh_memory) -> None:
    """The code is stored on disk inside its page's cached article: a rebuild with nothing
    changed, in a new process, neither encodes it nor asks for the share block."""
    from datetime import date
    from types import SimpleNamespace

    from sawt.stages import case_pages
    from tests.unit.test_cards import fictional_case

    asked: list[str] = []

    def share_block(case, lang):
        asked.append(lang)
        return qr_svg(f"https://sawt.example.org/cases/{case.slug}/", title="t")

    job = SimpleNamespace(site_names={"en": "Sawt", "ar": "صوت"}, stories={}, archive=SimpleNamespace(appeals={}),
                          today=date(2026, 1, 1), cache_dir=tmp_path, site_url="https://sawt.example.org/",
                          share_block=share_block, histories=None)
    case = fictional_case()

    def content():
        options = case_pages._options(job, case, "en", f"cases/{case.slug}/")
        return case_pages._content(job, case, "en", options, case_pages._content_key(job, case, "en", options))

    first = content()
    assert asked == ["en"] and "sawt-qr" in first.body_html
    qr._modules.cache_clear()
    monkeypatch.setattr(qr.zxingcpp, "create_barcode", no_encoder)
    assert content() == first
    assert asked == ["en"]
