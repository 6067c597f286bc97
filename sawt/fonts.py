"""The site's fonts: a small file for the letters nearly every page shows, the full file for the rest.

Noto Sans Arabic as published (fontsource's "arabic" subset) is 49 KB a weight, because
it also draws Urdu, Sindhi, Quranic marks and presentation forms. The letters of Arabic,
with the few Persian and Kurdish letters that Syrian names use, are 12 KB. So each script
has two faces in the one "Sawt Sans" family, told apart by unicode-range:

- `sawt-arabic-<weight>.woff2`, `sawt-latin-<weight>.woff2`: subsets of the files below
  to CORE_ARABIC / CORE_LATIN (made here, committed);
- the original fontsource files, for every other code point they draw: a browser fetches
  one only for a page that shows such a character.

A page downloads only the faces whose unicode-range its text uses: an English page that
shows Arabic only in its language switcher ("العربية") gets the 12 KB bold Arabic file,
not 99 KB. A word that mixes a core letter with a rarer one (e.g. Urdu ٹ) is drawn from
two files, and its joins across them may break: that is the price of the split.

    .venv/bin/python -m sawt.fonts     # rewrite the subsets and the @font-face block of sawt.css
"""

from __future__ import annotations

import re
from pathlib import Path

from sawt.languages import writes_arabic_script

FONT_DIR = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "fonts"
CSS = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "css" / "sawt.css"
WEIGHTS = (400, 700)

#: The Arabic alphabet with its marks, punctuation and digits, and the Persian and Kurdish
#: letters found in Syrian names (پ چ ژ گ ک ی ڤ ە ۆ ێ ڕ ڵ ھ ۀ), with ZWNJ/ZWJ/LRM/RLM.
CORE_ARABIC = (
    [0x060C, 0x061B, 0x061F, 0x06D4]
    + list(range(0x0621, 0x0660))
    + list(range(0x0660, 0x066E))
    + [0x0670, 0x067E, 0x0686, 0x0698, 0x06A4, 0x06A9, 0x06AF, 0x06CC, 0x06D5, 0x06C6, 0x06CE, 0x0695, 0x06B5, 0x06BE, 0x06C0]
    + list(range(0x06F0, 0x06FA))
    + list(range(0x200C, 0x2010))
)
#: ASCII and the punctuation of English prose (no-break space, dashes, curly quotes, bullet,
#: middle dot, ellipsis, guillemets), and the right-to-left mark, which no other core face draws.
#: The controls too: a page's newlines and tabs count, and would fetch the whole file.
CORE_LATIN = list(range(0x00, 0x7F)) + [0x00A0, 0x00AB, 0x00B7, 0x00BB, 0x2010, 0x2011, 0x2013, 0x2014,
                                          0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x200F]

#: (family member, original file, its unicode-range as fontsource publishes it, core code points)
FACES = [
    ("arabic", "noto-sans-arabic-arabic-{weight}-normal.woff2",
     "U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0898-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC",
     CORE_ARABIC),
    ("latin", "noto-sans-latin-{weight}-normal.woff2",
     "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD",
     CORE_LATIN),
    ("latin-ext", "noto-sans-latin-ext-{weight}-normal.woff2",
     "U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF",
     None),
]
#: OpenType features kept in each subset: all of Arabic's (its letters' joining forms and
#: marks); for Latin, what the site's CSS asks for or text needs (kerning, ligatures, marks),
#: not fraction and tabular-figure glyphs it never turns on (1.2 KB a weight).
LAYOUT_FEATURES = {"arabic": ["*"], "latin": ["ccmp", "dist", "kern", "liga", "locl", "mark", "mkmk"]}
BEGIN, END = "/* sawt-fonts:begin (python -m sawt.fonts writes this block) */", "/* sawt-fonts:end */"


def parse_range(text: str) -> set[int]:
    points: set[int] = set()
    for part in text.split(","):
        low, _, high = part.strip().removeprefix("U+").partition("-")
        points.update(range(int(low, 16), int(high or low, 16) + 1))
    return points


def format_range(points: set[int]) -> str:
    ordered, runs = sorted(points), []
    start = previous = ordered[0]
    for point in ordered[1:] + [None]:
        if point is not None and point == previous + 1:
            previous = point
            continue
        runs.append(f"U+{start:04X}" + (f"-{previous:04X}" if previous != start else ""))
        if point is not None:
            start = previous = point
    return ", ".join(runs)


def core_file(name: str, weight: int) -> str:
    return f"sawt-{name}-{weight}.woff2"


def preloaded_fonts(lang: str, *, case_page: bool) -> list[str]:
    """The core subsets a page's text is drawn in from its first paint, to be asked for with
    the stylesheets instead of after them (`<link rel="preload">`, under assets/fonts/).

    Every page sets Latin text, and the Arabic name of the site (or "العربية") in bold; a page
    in Arabic script, and a case page (its name in both scripts), also Arabic in the regular
    weight. A font preloaded and not used is fetched for nothing: tests/browser/
    test_light_pages.py checks this list against the fonts each page asks for without it."""
    files = [core_file("latin", 400), core_file("latin", 700), core_file("arabic", 700)]
    if writes_arabic_script(lang) or case_page:
        files.append(core_file("arabic", 400))
    return files


def faces(weight: int) -> list[tuple[str, set[int]]]:
    """(file, code points) of each face of one weight. Every code point belongs to one face
    only, the first that claims it: the core subsets first, then the originals. (Where two
    faces overlap, a browser takes the later one, and a zero-width joiner in Arabic text
    would fetch the whole Latin file.)"""
    claimed: set[int] = set()
    chosen = []
    claims = [(core_file(name, weight), parse_range(published) & set(core)) for name, _, published, core in FACES if core]
    claims += [(original.format(weight=weight), parse_range(published)) for _, original, published, _ in FACES]
    for file, points in claims:
        chosen.append((file, points - claimed))
        claimed |= points
    return chosen


def font_faces_css() -> str:
    """The @font-face rules of both weights, a rule per face."""
    rules = [
        f'@font-face {{ font-family: "Sawt Sans"; font-style: normal; font-weight: {weight}; font-display: swap;\n'
        f'  src: url("../fonts/{file}") format("woff2");\n  unicode-range: {format_range(points)}; }}'
        for weight in WEIGHTS for file, points in faces(weight)
    ]
    return "\n".join([BEGIN, *rules, END])


def write_subsets() -> None:
    from fontTools import subset

    for name, original, published, core in FACES:
        if core is None:
            continue
        for weight in WEIGHTS:
            font = subset.load_font(str(FONT_DIR / original.format(weight=weight)), subset.Options())
            options = subset.Options(layout_features=LAYOUT_FEATURES[name], flavor="woff2", name_IDs=["*"], name_languages=["*"],
                                     notdef_outline=True, glyph_names=False)
            subsetter = subset.Subsetter(options)
            subsetter.populate(unicodes=sorted(parse_range(published) & set(core)))
            subsetter.subset(font)
            font.flavor = "woff2"
            font.save(str(FONT_DIR / core_file(name, weight)))


def write_css() -> None:
    css = CSS.read_text(encoding="utf-8")
    block = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    CSS.write_text(block.sub(lambda _: font_faces_css(), css, count=1), encoding="utf-8")


if __name__ == "__main__":
    write_subsets()
    write_css()
    for file in sorted(FONT_DIR.glob("sawt-*.woff2")):
        print(f"{file.name}: {file.stat().st_size:,} bytes")
