"""The font subsets and their @font-face rules agree (sawt/fonts.py)."""

from __future__ import annotations

import re

from fontTools.ttLib import TTFont

from sawt import fonts


def test_the_css_block_is_what_sawt_fonts_writes():
    css = fonts.CSS.read_text(encoding="utf-8")
    block = re.search(re.escape(fonts.BEGIN) + ".*?" + re.escape(fonts.END), css, re.S)
    assert block and block.group(0) == fonts.font_faces_css(), "run: .venv/bin/python -m sawt.fonts"


def test_each_code_point_has_one_face_and_the_subsets_lose_no_glyph():
    for weight in fonts.WEIGHTS:
        faces = fonts.faces(weight)
        seen: set[int] = set()
        for file, points in faces:
            assert not (points & seen), f"{file} overlaps another face"
            seen |= points
    for name, original, published, core in fonts.FACES:
        for weight in fonts.WEIGHTS if core else ():
            subset = TTFont(fonts.FONT_DIR / fonts.core_file(name, weight)).getBestCmap()
            whole = TTFont(fonts.FONT_DIR / original.format(weight=weight)).getBestCmap()
            lost = {p for p in fonts.parse_range(published) & set(core) if p in whole and p not in subset}
            assert not lost, f"{name} {weight} lacks {sorted(map(hex, lost))[:10]}"
