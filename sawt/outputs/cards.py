"""Share cards: the 1200×630 PNG a case shows when its page is shared.

Pure functions over the model; no MkDocs here. The hooks call
`ensure_share_card`, which also says whether it drew or reused a cached card.

Text: the bundled fonts are web subsets (the Arabic one has no Latin letters
or ASCII digits, the Latin ones no Arabic) and Pillow has no font fallback.
So the subsets are merged, once per machine, into one font per weight
(fontTools.merge, cached by the source fonts' hashes), and each line is laid
out whole by Pillow's raqm engine: fribidi orders the Latin names and digits
inside Arabic (the full Unicode Bidirectional Algorithm), HarfBuzz joins the
Arabic letters and mirrors brackets.

Speed: a card shows a few lines, so only the text that can possibly fit is
kept (a 20 MB summary costs no more than a 300-word one) and line breaks are
found by galloping bisection from an estimate, never by dropping one word at
a time. What every card of a language and status shares (paper, band, badge,
footer) is drawn once per process.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import re
import unicodedata
import zlib
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from math import ceil
from pathlib import Path
from typing import Callable

import fontTools
from fontTools.merge import Merger
from fontTools.ttLib import OPTIMIZE_FONT_SPEED, TTFont
from PIL import Image, ImageDraw, ImageFont, features

from sawt import catalogs
from sawt.data.model import LANGS, Case
from sawt.languages import direction, writes_arabic_script
from sawt.machinery.cached_files import COMPRESSED_SUFFIX, pack_values, publish_cached, unpack_values, write_atomically

#: Bump when the drawing changes, so cached cards are redrawn.
RENDERER_VERSION = "3"

CARD_WIDTH, CARD_HEIGHT = 1200, 630

ARABIC, LATIN, LATIN_EXT = "arabic", "latin", "latin-ext"
_FONT_FILES: dict[str, str] = {
    ARABIC: "noto-sans-arabic-arabic-{weight}-normal.woff2",
    LATIN: "noto-sans-latin-{weight}-normal.woff2",
    LATIN_EXT: "noto-sans-latin-ext-{weight}-normal.woff2",
}
WEIGHTS = (400, 700)
#: Merge order: a character in several subsets (space, punctuation) takes the first one's glyph.
MERGE_ORDER = (LATIN, ARABIC, LATIN_EXT)
#: Bump when the merge recipe changes, so merged fonts are rebuilt.
MERGE_VERSION = "1"
#: Merged fonts are shared by every project on the machine (keyed by content, never stale);
#: merging takes about 2 s a weight, too much to repeat for every fresh `.cache/`.
FONT_CACHE_DIR = Path(os.environ.get("SAWT_FONT_CACHE")
                      or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sawt" / "card-fonts")
#: Raqm's paragraph direction and OpenType language, by card layout language (`layout_language`).
LAYOUT = {lang: {"direction": direction(lang), "language": lang} for lang in LANGS}

ELLIPSIS = "\u2026"
#: Shown on cards of pseudonymous cases: the name is not the person's own.

# Colours: dark ink on paper; white badge text on each status colour has a
# contrast ratio of at least 4.5:1.
PAPER = (251, 248, 243)
INK = (27, 27, 27)
MUTED_INK = (72, 72, 72)
RULE = (214, 208, 198)
BADGE_TEXT = (255, 255, 255)
STATUS_COLOURS: dict[str, tuple[int, int, int]] = {
    "at-risk": (180, 83, 9),
    "detained": (185, 28, 28),
    "disappeared": (109, 40, 217),
    "deported": (194, 65, 12),
    "released": (21, 128, 61),
    "died-in-custody": (31, 41, 55),
}
DEFAULT_STATUS_COLOUR = (55, 65, 81)

# Geometry (pixels).
STRIPE = 16  # status-coloured band on the start edge
MARGIN_X = 80
TOP = 60
NAME_SIZES = (76, 68, 60, 54)  # tried in turn until the name fits one line
NAME_MAX_LINES = 2
ASK_SIZE = 34
ASK_MAX_LINES = 3
BADGE_SIZE = 26
SITE_SIZE = 28
NOTICE_SIZE = 22
FOOTER_RULE_Y = 528
FOOTER_BASELINE = 584
LINE_HEIGHT = {lang: 1.55 if writes_arabic_script(lang) else 1.3 for lang in LANGS}  # Arabic marks need taller lines
CONTENT_WIDTH = CARD_WIDTH - 2 * MARGIN_X - STRIPE
#: The text band (name and ask) ends above the footer rule, which is chrome.
_BAND_BOTTOM = FOOTER_RULE_Y - 1

# --------------------------------------------------------------------------
# Fonts and coverage


@dataclass(frozen=True)
class CardFonts:
    """The web fonts cards are drawn with: the site's own (`SiteConfig.font_dir`), found in the
    project, not beside the package. Made once from the config and handed to every drawing
    function (and to the worker processes that draw), so its folder is part of every cached
    font and measurement; cache keys hold the fonts' bytes (`digests`), never their folder."""

    folder: Path

    def path(self, family: str, weight: int) -> Path:
        return self.folder / _FONT_FILES[family].format(weight=weight)

    def digests(self) -> dict[str, str]:
        """sha256 of every font file, so a font update changes every cache key."""
        return {name: _file_digest(path) for name, path in _font_files(self.folder)}


@lru_cache(maxsize=None)
def _cmap(fonts: CardFonts, family: str, weight: int) -> frozenset[int]:
    # lazy=True avoids parsing glyph outlines; the cmap is all we need.
    return frozenset(TTFont(str(fonts.path(family, weight)), lazy=True).getBestCmap())


@lru_cache(maxsize=None)
def _digest(path: str, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _file_digest(path: Path | str) -> str:
    # Keyed by modification time and size too: `make serve` outlives a font update.
    stat = os.stat(path)
    return _digest(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _font_files(font_dir: Path) -> tuple[tuple[str, str], ...]:
    """(file name, path) of every bundled font in `font_dir`: CardFonts.digests runs twice a card."""
    names = [_FONT_FILES[family].format(weight=weight) for family in _FONT_FILES for weight in WEIGHTS]
    return tuple((name, os.path.join(font_dir, name)) for name in names)


def covers(fonts: CardFonts, family: str, weight: int, char: str) -> bool:
    return ord(char) in _cmap(fonts, family, weight)


def merged_font_key(fonts: CardFonts, weight: int) -> str:
    """What the merged font of `weight` is made from: the sources' bytes, the recipe, fontTools."""
    parts = [MERGE_VERSION, fontTools.version, *(_file_digest(fonts.path(family, weight)) for family in MERGE_ORDER)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def _merge_fonts(fonts: CardFonts, weight: int) -> bytes:
    # fontTools reports every code point two subsets share (the space...): expected here.
    logger = logging.getLogger("fontTools.merge")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        merged = Merger().merge([str(fonts.path(family, weight)) for family in MERGE_ORDER])
    finally:
        logger.setLevel(level)
    merged.flavor = None  # plain TrueType: no need to compress what only Pillow reads
    merged.cfg[OPTIMIZE_FONT_SPEED] = True
    buffer = io.BytesIO()
    merged.save(buffer)
    return buffer.getvalue()


@lru_cache(maxsize=None)
def merged_font_bytes(fonts: CardFonts, weight: int) -> bytes:
    """The bundled subsets of `weight` as one font, from the machine-wide cache if it has it."""
    cached = FONT_CACHE_DIR / f"{merged_font_key(fonts, weight)}-{weight}.ttf"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    data = _merge_fonts(fonts, weight)
    try:
        write_atomically(cached, data)
    except OSError:
        pass  # a read-only home only costs the merge again next time
    return data


#: The fonts' digests as the cached fonts, measurements and drawings of each CardFonts were made.
_fonts_in_use: dict[CardFonts, dict[str, str]] = {}


def _use_current_fonts(fonts: CardFonts) -> None:
    """Forgets fonts, measurements and shared drawings made from font files that have changed since."""
    digests = fonts.digests()
    if digests != _fonts_in_use.get(fonts):
        for cached in (_cmap, merged_font_bytes, _font, line_width, _chrome):
            cached.cache_clear()
        _fonts_in_use.clear()
        _fonts_in_use[fonts] = digests


RAQM_MISSING = (
    "Share cards need Pillow's raqm text layout to join Arabic letters and order mixed "
    "Arabic and Latin text, and raqm needs the FriBiDi library. Install it with "
    "`sudo apt-get install libfribidi0` (Debian/Ubuntu), then build again."
)


@lru_cache(maxsize=None)
def _font(fonts: CardFonts, weight: int, size: int, engine: ImageFont.Layout = ImageFont.Layout.RAQM) -> ImageFont.FreeTypeFont:
    if engine == ImageFont.Layout.RAQM and not (features.check("raqm") and features.check("fribidi")):
        # Pillow would fall back to basic layout: unjoined Arabic in the wrong order.
        raise RuntimeError(RAQM_MISSING)
    return ImageFont.truetype(io.BytesIO(merged_font_bytes(fonts, weight)), size, layout_engine=engine)


# Explicit embeddings, overrides and isolates (bidi classes LRE, RLE, PDF, LRO,
# RLO and LRI, RLI, FSI, PDI: exactly these code points) are removed: an
# unmatched override in a name would otherwise reverse the rest of its line.
_EXPLICIT_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
# Directional marks steer the ordering but have no glyph.
_MARKS = frozenset({"\u200e", "\u200f", "\u061c"})


def normalize_text(text: str) -> str:
    """NFC, whitespace collapsed to single spaces, explicit bidi controls removed."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_EXPLICIT_BIDI_CONTROLS)
    return " ".join(text.split())


def uncovered_characters(fonts: CardFonts, text: str) -> set[str]:
    """Characters of `text` that no bundled font (in either weight) can draw."""
    return {
        char
        for char in normalize_text(text)
        if char not in _MARKS
        and not all(any(covers(fonts, family, weight, char) for family in _FONT_FILES) for weight in WEIGHTS)
    }


# --------------------------------------------------------------------------
# Measuring and drawing one line


@lru_cache(maxsize=8192)
def line_width(fonts: CardFonts, text: str, lang: str, weight: int, size: int) -> float:
    return _font(fonts, weight, size).getlength(text, **LAYOUT[lang])


def draw_line(
    fonts: CardFonts,
    draw: ImageDraw.ImageDraw,
    text: str,
    *,
    lang: str,
    weight: int,
    size: int,
    start_x: float,
    baseline: float,
    fill: tuple[int, int, int] | int,
) -> tuple[float, float]:
    """Draws one line from its start edge (right for Arabic); returns (left, right)."""
    width = line_width(fonts, text, lang, weight, size)
    left = start_x - width if direction(lang) == "rtl" else start_x
    draw.text((left, baseline), text, font=_font(fonts, weight, size), fill=fill, anchor="ls", **LAYOUT[lang])
    return left, left + width


def render_line_image(
    fonts: CardFonts, text: str, lang: str, *, size: int = 64, engine: ImageFont.Layout = ImageFont.Layout.RAQM
) -> Image.Image:
    """One line in the card font with a chosen layout engine, drawn from the left edge.

    Exists so tests can show that shaping and ordering happen (BASIC draws Arabic
    letters unjoined, in isolated forms, and in logical order).
    """
    font = _font(fonts, 400, size, engine)
    image = Image.new("L", (CARD_WIDTH, size * 2), 0)
    kwargs = LAYOUT[lang] if engine == ImageFont.Layout.RAQM else {}
    ImageDraw.Draw(image).text((20, size * 1.4), text, font=font, fill=255, anchor="ls", **kwargs)
    return image


# --------------------------------------------------------------------------
# Wrapping by measured width

#: No glyph a card draws is narrower than this (Noto's "i", "l", "." and "ا" are
#: about 0.25 em), and Arabic text carries at most two zero-width marks a letter.
#: So no line holds more characters than `_max_line_chars` says.
NARROWEST_ADVANCE_EM = 0.2
CHARACTERS_PER_ADVANCE = 3
#: Where the first break of a text is looked for (then corrected from each line measured).
TYPICAL_ADVANCE_EM = 0.5


def _max_line_chars(size: int, max_width: float) -> int:
    return ceil(max_width / (size * NARROWEST_ADVANCE_EM)) * CHARACTERS_PER_ADVANCE


def leading_text(text: str, max_chars: int) -> tuple[str, bool]:
    """The normalized start of `text` cut at a space (or, in one long word, a character)
    to at most `max_chars` characters, and whether anything was left.

    Reads only a little more than it keeps: a 20 MB text costs what its first
    words cost.
    """
    size = 2 * max_chars + 64
    while True:
        normal = normalize_text(text[:size])
        whole = size >= len(text)
        if whole and len(normal) <= max_chars:
            return normal, False
        if whole or len(normal) > max_chars:
            break
        size *= 4  # mostly whitespace or controls so far: read further
    space = normal.rfind(" ", 0, max_chars + 1)
    return (normal[:space] if space > 0 else normal[:max_chars]), True


def _last_fitting(fits: Callable[[int], bool], low: int, high: int, guess: int) -> int:
    """The largest i in [low, high] for which `fits(i)`, or low - 1: fits is true, then false.

    Gallops from `guess` until the answer is bracketed, then bisects: a few
    measurements when the guess is close, log2(high - low) when it is not.
    """
    good, bad = low - 1, high + 1
    probe, step = min(max(guess, low), high), 1
    while bad - good > 1:
        if fits(probe):
            good = probe
            probe = probe + step if bad == high + 1 else (good + bad) // 2
        else:
            bad = probe
            probe = probe - step if good == low - 1 else (good + bad) // 2
        step *= 2
        probe = min(max(probe, good + 1), bad - 1)
    return good


def _trim_for_ellipsis(text: str) -> str:
    return text.rstrip(" ,.;:\u060c\u061b\u2014-")


class _Wrapper:
    """One text's words, with the measuring the line breaks need (prefix sums of word lengths)."""

    def __init__(self, fonts: CardFonts, words: list[str], lang: str, weight: int, size: int, max_width: float) -> None:
        self.fonts = fonts
        self.words, self.lang, self.weight, self.size, self.max_width = words, lang, weight, size, max_width
        self.offsets = [0]  # offsets[i]: characters before word i, spaces included
        for word in words:
            self.offsets.append(self.offsets[-1] + len(word) + 1)
        self.advance = size * TYPICAL_ADVANCE_EM  # pixels a character, corrected as lines are measured
        self.max_chars = _max_line_chars(size, max_width)

    def fits(self, text: str) -> bool:
        return line_width(self.fonts, text, self.lang, self.weight, self.size) <= self.max_width

    def join(self, start: int, end: int) -> str:
        return " ".join(self.words[start:end])

    def _word_limit(self, start: int, chars: float) -> int:
        """The last word end from `start` within `chars` characters."""
        end = bisect_right(self.offsets, self.offsets[start] + chars + 1) - 1
        return min(max(end, start + 1), len(self.words))

    def next_break(self, start: int) -> int:
        """The end of the longest line from word `start` (at least one word, even if it is too wide)."""
        high = self._word_limit(start, self.max_chars)
        guess = self._word_limit(start, self.max_width / self.advance)
        end = max(start + 1, _last_fitting(lambda e: self.fits(self.join(start, e)), start + 1, high, guess))
        line = self.join(start, end)
        self.advance = max(1.0, line_width(self.fonts, line, self.lang, self.weight, self.size) / max(1, len(line)))
        return end

    def ellipsized(self, start: int) -> str:
        """Words from `start`, cut at a word (or, for one long word, a character) so `text…` fits."""
        high = self._word_limit(start, self.max_chars)
        guess = self._word_limit(start, self.max_width / self.advance)
        end = _last_fitting(
            lambda e: self.fits(_trim_for_ellipsis(self.join(start, e)) + ELLIPSIS), start + 1, high, guess
        )
        if end >= start + 1:
            return _trim_for_ellipsis(self.join(start, end)) + ELLIPSIS
        word = self.words[start][: self.max_chars]
        chars = _last_fitting(
            lambda k: self.fits(_trim_for_ellipsis(word[:k]) + ELLIPSIS), 1, len(word),
            int(self.max_width / self.advance),
        )
        return _trim_for_ellipsis(word[: max(chars, 0)]) + ELLIPSIS


def wrap_text(
    fonts: CardFonts, text: str, lang: str, *, weight: int, size: int, max_width: float, max_lines: int, more: bool = False
) -> list[str]:
    """Greedy word wrap by measured width; an ellipsis ends the last line if text is left over.

    `more`: the text was cut before (see `leading_text`), so the last line ends
    with an ellipsis even if what is left fits.
    """
    text, cut = leading_text(text, max_lines * _max_line_chars(size, max_width))
    more = more or cut
    wrapper = _Wrapper(fonts, text.split(" "), lang, weight, size, max_width)
    count = len(wrapper.words)
    lines: list[str] = []
    start = 0
    while True:
        if len(lines) == max_lines - 1:
            rest = wrapper.join(start, count)
            lines.append(rest if not more and wrapper.fits(rest) else wrapper.ellipsized(start))
            return lines
        end = wrapper.next_break(start)
        if end == count and more:  # the text left no words over, but it was cut before
            lines.append(wrapper.ellipsized(start))
            return lines
        line = wrapper.join(start, end)
        # A single word wider than the line is cut too.
        lines.append(line if wrapper.fits(line) else wrapper.ellipsized(start))
        if end == count:
            return lines
        start = end


# --------------------------------------------------------------------------
# What a card shows


def _kept(text: str, size: int, max_width: float, max_lines: int) -> tuple[str, bool]:
    """The part of `text` a card can show in `max_lines` lines at `size`, and whether any was left."""
    return leading_text(text, max_lines * _max_line_chars(size, max_width))


@dataclass(frozen=True)
class CardContent:
    """Everything drawn on a card, and so everything its cache key depends on.

    Long texts are kept only as far as they can show (`_kept`); `*_cut` says
    something was left, so that the card ends them with an ellipsis.
    """

    lang: str
    name: str
    status: str  # chooses the colour
    status_label: str
    ask: str  # the campaign's ask; the summary when a case has none
    site_name: str
    notice: str  # pseudonym notice, or ""
    name_cut: bool = False
    ask_cut: bool = False

    def texts(self) -> tuple[str, ...]:
        """Every string the card may draw (with the ellipsis wrapping may add)."""
        return (self.name, self.status_label, self.ask, self.site_name, self.notice, ELLIPSIS)


def layout_language(lang: str) -> str:
    """The layout a card in `lang` is drawn with (LAYOUT, LINE_HEIGHT): the text language written in
    the same direction, so a card in a language added in mkdocs.yml is drawn like one in English
    or Arabic."""
    return lang if lang in LANGS else next(code for code in LANGS if direction(code) == direction(lang))


def _content(lang: str, *, name: str, status: str, status_label: str, ask: str, site_name: str, notice: str) -> CardContent:
    lang = layout_language(lang)
    name, name_cut = _kept(name, NAME_SIZES[-1], CONTENT_WIDTH, NAME_MAX_LINES)
    ask, ask_cut = _kept(ask, ASK_SIZE, CONTENT_WIDTH, ASK_MAX_LINES)
    return CardContent(
        lang=lang, name=name, status=status,
        status_label=_kept(status_label, BADGE_SIZE, CONTENT_WIDTH, 1)[0],
        ask=ask, site_name=_kept(site_name, SITE_SIZE, CONTENT_WIDTH, 1)[0], notice=notice,
        name_cut=name_cut, ask_cut=ask_cut,
    )


def card_content(case: Case, lang: str, *, site_name: str, status_label: str) -> CardContent:
    return _content(
        lang, name=case.name[lang], status=case.status, status_label=status_label,
        ask=case.ask[lang] if case.ask is not None else case.summary[lang],
        site_name=site_name, notice=catalogs.text("card:pseudonym", lang) if case.pseudonym else "",
    )


def site_card_content(lang: str, *, site_name: str, tagline: str) -> CardContent:
    """The site's own card (home and other pages): no badge, the tagline in place of an ask."""
    return _content(lang, name=site_name, status="", status_label="", ask=tagline, site_name=site_name, notice="")


#: Layout constants a card's pixels depend on; a change to any of them changes every key.
def _layout_fingerprint() -> dict[str, object]:
    return {
        "size": [CARD_WIDTH, CARD_HEIGHT], "stripe": STRIPE, "margin": MARGIN_X, "top": TOP,
        "name_sizes": list(NAME_SIZES), "name_lines": NAME_MAX_LINES, "ask": [ASK_SIZE, ASK_MAX_LINES],
        "badge": BADGE_SIZE, "site": SITE_SIZE, "notice": NOTICE_SIZE,
        "footer": [FOOTER_RULE_Y, FOOTER_BASELINE], "line_height": LINE_HEIGHT,
        "colours": [PAPER, INK, MUTED_INK, RULE, BADGE_TEXT, STATUS_COLOURS, DEFAULT_STATUS_COLOUR],
        "palette": [CHROME_COLOURS, INK_LEVELS], "merge": [MERGE_VERSION, list(MERGE_ORDER)],
    }


def cache_generation(fonts: CardFonts) -> str:
    """What every card's key depends on besides its content: the renderer version, the
    layout and the fonts (the card cache keeps a folder per generation, sawt/machinery/caches.py)."""
    return json.dumps({"renderer": RENDERER_VERSION, "layout": _layout_fingerprint(), "fonts": fonts.digests()},
                      sort_keys=True, default=str)


def content_cache_key(fonts: CardFonts, content: CardContent) -> str:
    payload = {
        "renderer": RENDERER_VERSION,
        "layout": _layout_fingerprint(),
        "content": asdict(content),
        "fonts": fonts.digests(),
    }
    encoded = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()[:32]


def card_cache_key(case: Case, lang: str, *, fonts: CardFonts, site_name: str, status_label: str) -> str:
    """Hash of all that is drawn, the layout, the renderer version and the fonts' hashes."""
    return content_cache_key(fonts, card_content(case, lang, site_name=site_name, status_label=status_label))


# --------------------------------------------------------------------------
# Drawing

#: The parts every card of one language, status and footer shares (paper, band,
#: badge, rule, site name, notice) are drawn once and reduced to this many
#: palette colours; the name and the ask are drawn per card as anti-aliased
#: masks and mapped onto ramps of INK_LEVELS shades each (ink, muted ink). 16 shades of
#: anti-aliasing look the same as 64 at this size (compared side by side, Arabic and Latin),
#: and make a card about 40% smaller: fewer distinct bytes in the text rows compress better.
CHROME_COLOURS = 64
INK_LEVELS = 16
_INK_BASE, _MUTED_BASE = CHROME_COLOURS, CHROME_COLOURS + INK_LEVELS


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class CardDrawing:
    chrome: _Chrome
    text_rows: Image.Image  # "L": the text band's rows with text in them, as PNG rows (see _ChromePng)
    text_top: int  # where those rows start in the text band
    name_box: Box  # the band the name was drawn in (for tests and debugging)
    ask_lines: tuple[str, ...]
    name_lines: tuple[str, ...]

    @property
    def palette_image(self) -> Image.Image:
        """The card as a "P" image, as it is saved."""
        indices = self.chrome.indices.copy()
        if self.text_rows.height:
            indices.paste(self.text_rows.crop((1, 0, self.text_rows.width, self.text_rows.height)),
                          (0, self.chrome.png.band_top + self.text_top))
        image = Image.frombytes("P", indices.size, indices.tobytes())
        image.putpalette(self.chrome.palette)
        return image

    @property
    def image(self) -> Image.Image:
        """The card in RGB, as a viewer sees it."""
        return self.palette_image.convert("RGB")

    def png(self) -> bytes:
        """The card as a PNG, the same pixels as `png_bytes(self.palette_image)`: only the
        text band is compressed here (the rows above and below come compressed with the chrome)."""
        return self.chrome.png.encode(self.text_rows, self.text_top)


def _fit_name(fonts: CardFonts, name: str, lang: str, max_width: float, cut: bool) -> tuple[int, list[str]]:
    if not cut:
        for size in NAME_SIZES:
            if line_width(fonts, name, lang, 700, size) <= max_width:
                return size, [name]
    size = NAME_SIZES[-1]
    return size, wrap_text(fonts, name, lang, weight=700, size=size, max_width=max_width, max_lines=NAME_MAX_LINES, more=cut)


def _draw_badge(fonts: CardFonts, draw: ImageDraw.ImageDraw, label: str, lang: str, start_x: float, colour: tuple[int, int, int]) -> float:
    """The status label on a rounded rectangle at the top start corner; returns its height."""
    rtl = direction(lang) == "rtl"
    pad_x, pad_y = 18, 10
    height = round(BADGE_SIZE * LINE_HEIGHT[lang]) + 2 * pad_y - 8
    width = line_width(fonts, label, lang, 700, BADGE_SIZE) + 2 * pad_x
    left = start_x - width if rtl else start_x
    draw.rounded_rectangle((left, TOP, left + width, TOP + height), radius=10, fill=colour)
    # Optical centring: Arabic glyphs sit higher on the baseline than Latin capitals.
    baseline = TOP + height / 2 + BADGE_SIZE * (0.42 if rtl else 0.36)
    draw_line(
        fonts, draw, label, lang=lang, weight=700, size=BADGE_SIZE,
        start_x=start_x - pad_x if rtl else start_x + pad_x, baseline=baseline, fill=BADGE_TEXT,
    )
    return height


@dataclass(frozen=True)
class _Geometry:
    rtl: bool
    content_left: int
    content_right: int

    @property
    def start_x(self) -> int:
        return self.content_right if self.rtl else self.content_left

    @property
    def max_width(self) -> int:
        return self.content_right - self.content_left

    @property
    def text_band(self) -> tuple[int, int]:
        """Columns the name and ask may use: everything but the status band."""
        return (0, CARD_WIDTH - STRIPE) if self.rtl else (STRIPE, CARD_WIDTH)


def _geometry(lang: str) -> _Geometry:
    rtl = direction(lang) == "rtl"
    return _Geometry(rtl, MARGIN_X + (0 if rtl else STRIPE), CARD_WIDTH - MARGIN_X - (STRIPE if rtl else 0))


@dataclass(frozen=True)
class _Chrome:
    indices: Image.Image  # "L": palette indices of the shared parts
    palette: bytes  # RGB triples: chrome colours, then the ink and muted-ink ramps
    paper_index: int
    text_top: int  # the first row the name and ask may use (below the badge)
    name_top: float  # where the name's first line box starts
    png: "_ChromePng"  # the rows above and below the text band, already compressed


def _ramp(colour: tuple[int, int, int]) -> list[int]:
    """INK_LEVELS shades from just above paper to `colour` (level 0 is the paper itself)."""
    return [
        round(p + (c - p) * level / INK_LEVELS)
        for level in range(1, INK_LEVELS + 1)
        for p, c in zip(PAPER, colour)
    ]


@lru_cache(maxsize=256)
def _chrome(fonts: CardFonts, lang: str, colour: tuple[int, int, int], status_label: str, site_name: str, notice: str) -> _Chrome:
    """What cards of one language, colour, label and footer share, drawn once per process."""
    geometry = _geometry(lang)
    rtl = geometry.rtl
    image = Image.new("RGB", (CARD_WIDTH, CARD_HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    # The status band on the start edge (right in Arabic).
    stripe_x = CARD_WIDTH - STRIPE if rtl else 0
    draw.rectangle((stripe_x, 0, stripe_x + STRIPE - 1, CARD_HEIGHT), fill=colour)
    text_top = 0
    name_top = TOP
    if status_label:  # none on the site's own card
        badge_height = _draw_badge(fonts, draw, status_label, lang, geometry.start_x, colour)
        text_top = TOP + int(badge_height) + 1
        name_top = TOP + badge_height + 28
    # Footer: site name on the start side, pseudonym notice on the end side.
    left, right, max_width = geometry.content_left, geometry.content_right, geometry.max_width
    draw.line((left, FOOTER_RULE_Y, right, FOOTER_RULE_Y), fill=RULE, width=2)
    site = wrap_text(fonts, site_name, lang, weight=700, size=SITE_SIZE, max_width=max_width / 2, max_lines=1)[0]
    draw_line(fonts, draw, site, lang=lang, weight=700, size=SITE_SIZE, start_x=geometry.start_x, baseline=FOOTER_BASELINE, fill=INK)
    if notice:
        notice = wrap_text(fonts, notice, lang, weight=400, size=NOTICE_SIZE, max_width=max_width / 2 - 24, max_lines=1)[0]
        width = line_width(fonts, notice, lang, 400, NOTICE_SIZE)
        # The end edge: left in Arabic, right in English.
        end_start = left + width if rtl else right - width
        draw_line(fonts, draw, notice, lang=lang, weight=400, size=NOTICE_SIZE, start_x=end_start, baseline=FOOTER_BASELINE, fill=MUTED_INK)
    # Dithering would speckle the flat paper; octree is fast and deterministic.
    quantized = image.quantize(CHROME_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    chrome_palette = (quantized.getpalette() or [])[: 3 * CHROME_COLOURS]
    chrome_palette += [0] * (3 * CHROME_COLOURS - len(chrome_palette))
    palette = bytes(chrome_palette + _ramp(INK) + _ramp(MUTED_INK))
    indices = Image.frombytes("L", image.size, quantized.tobytes())
    paper_index = indices.getpixel((CARD_WIDTH // 2, FOOTER_RULE_Y - 4))
    assert isinstance(paper_index, int)
    return _Chrome(indices, palette, paper_index, text_top, name_top, _chrome_png(indices, palette, text_top))


@lru_cache(maxsize=None)
def _ramp_lut(paper_index: int, base: int) -> list[int]:
    """Mask value (0 paper .. 255 full ink) to palette index."""
    return [paper_index if value == 0 else base + (value * INK_LEVELS - 1) // 255 for value in range(256)]


def draw_card(fonts: CardFonts, content: CardContent) -> CardDrawing:
    """Draws the card in memory (no file IO)."""
    _use_current_fonts(fonts)
    lang = content.lang
    geometry = _geometry(lang)
    rtl = geometry.rtl
    colour = STATUS_COLOURS.get(content.status, DEFAULT_STATUS_COLOUR)
    chrome = _chrome(fonts, lang, colour, content.status_label, content.site_name, content.notice)
    band_left, band_right = geometry.text_band
    band_top, band_bottom = chrome.text_top, _BAND_BOTTOM
    # The name and the ask, as coverage masks of the text band.
    mask = Image.new("L", (band_right - band_left, band_bottom - band_top), 0)
    draw = ImageDraw.Draw(mask)
    start_x = geometry.start_x - band_left
    line_height = LINE_HEIGHT[lang]

    # Name, large.
    y = chrome.name_top
    name_size, name_lines = _fit_name(fonts, content.name, lang, geometry.max_width, content.name_cut)
    name_top = y
    for line in name_lines:
        baseline = y + name_size * (1.05 if rtl else 1.0)
        draw_line(fonts, draw, line, lang=lang, weight=700, size=name_size, start_x=start_x, baseline=baseline - band_top, fill=255)
        y += name_size * line_height
    name_box = Box(geometry.content_left, name_top, geometry.content_right, y)

    # What we ask for, wrapped, at most three lines.
    y += 18
    ask_lines = wrap_text(fonts, content.ask, lang, weight=400, size=ASK_SIZE, max_width=geometry.max_width,
                          max_lines=ASK_MAX_LINES, more=content.ask_cut)
    for line in ask_lines:
        baseline = y + ASK_SIZE * (1.05 if rtl else 1.0)
        draw_line(fonts, draw, line, lang=lang, weight=400, size=ASK_SIZE, start_x=start_x, baseline=baseline - band_top, fill=255)
        y += ASK_SIZE * line_height

    # Only the rows with text differ from the chrome: they alone are mapped and kept.
    text_box = mask.getbbox()
    top, bottom = (text_box[1], text_box[3]) if text_box else (0, 0)
    rows = chrome.png.band_rows(top, bottom)  # PNG rows: a filter byte, then the row (a copy)
    # The name is in ink, the ask in muted ink: split the mask halfway between them.
    split = min(max(int(name_box.bottom + 9) - band_top, top), bottom)
    if split > top:
        rows.paste(mask.crop((0, top, mask.width, split)).point(_ramp_lut(chrome.paper_index, _INK_BASE)),
                   (1 + band_left, 0))
    if split < bottom:
        rows.paste(mask.crop((0, split, mask.width, bottom)).point(_ramp_lut(chrome.paper_index, _MUTED_BASE)),
                   (1 + band_left, split - top))
    return CardDrawing(chrome=chrome, text_rows=rows, text_top=top, name_box=name_box,
                       ask_lines=tuple(ask_lines), name_lines=tuple(name_lines))


#: zlib level 6: the text rows compress to about 60% of level 1's output (a card of 1,000
#: fictional cases went from 22 to 13 KB, with 16 ink shades) for about 1 ms more a card;
#: level 9 took 3 times as long for 10% less.
PNG_ZLIB_LEVEL = 6
#: The chrome's rows (paper, badge, footer) are deflated once per process for every card that
#: shares them, so they take zlib's smallest: 0.7 KB less a card, at no cost a card.
CHROME_ZLIB_LEVEL = 9
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: A zlib stream header: deflate, 32 KiB window, "default" level (CMF*256+FLG divisible by 31).
_ZLIB_HEADER = b"\x78\x9c"
_ADLER_BASE = 65521


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(data, zlib.crc32(kind)).to_bytes(4, "big")


def _scanlines(indices: Image.Image) -> Image.Image:
    """An "L" image of palette indices as PNG rows (its bytes are the rows): a column
    in front for each row's filter byte, 0 (none)."""
    with_filter = Image.new("L", (indices.width + 1, indices.height), 0)
    with_filter.paste(indices, (1, 0))
    return with_filter


def _deflate(data: bytes, flush: int, level: int = PNG_ZLIB_LEVEL) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(flush)


def adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of A + B from those of A and B and B's length (zlib's adler32_combine)."""
    remainder = second_length % _ADLER_BASE
    sum1 = first & 0xFFFF
    sum2 = (remainder * sum1) % _ADLER_BASE
    sum1 = (sum1 + (second & 0xFFFF) + _ADLER_BASE - 1) % _ADLER_BASE
    sum2 = (sum2 + (first >> 16) + (second >> 16) + _ADLER_BASE - remainder) % _ADLER_BASE
    return sum1 | (sum2 << 16)


@dataclass(frozen=True)
class _ChromePng:
    """What every card of one chrome shares in its PNG: the header and palette, and the
    rows with no text (the badge above, the footer below, and the empty rows of the text
    band around the text), compressed once.

    A card's zlib stream is chrome rows + its text rows + chrome rows, each part
    deflated on its own (a full flush ends every part but the last, so no part
    refers back into another: one valid deflate stream), with the stream's
    Adler-32 combined from the parts'.
    """

    head: bytes  # signature, IHDR, PLTE
    band_top: int  # the text band's first row on the card
    scanlines: Image.Image  # "L", the chrome as PNG rows: one column wider, column 0 the filter byte (0)
    _parts: dict[tuple[int, int, bool], tuple[bytes, int, int]] = field(default_factory=dict, compare=False)

    def band_rows(self, top: int, bottom: int) -> Image.Image:
        """Rows [top, bottom) of the text band in the chrome, as PNG rows, to draw a card's text into."""
        return self.scanlines.crop((0, self.band_top + top, self.scanlines.width, self.band_top + bottom))

    def _chrome_part(self, top: int, bottom: int, last: bool) -> tuple[bytes, int, int]:
        """Chrome rows [top, bottom) deflated, their Adler-32 and length (kept: a few row ranges recur)."""
        key = (top, bottom, last)
        part = self._parts.get(key)
        if part is None:
            if len(self._parts) > 512:
                self._parts.clear()
            rows = self.scanlines.crop((0, top, self.scanlines.width, bottom)).tobytes() if bottom > top else b""
            part = self._parts[key] = (_deflate(rows, zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH, CHROME_ZLIB_LEVEL),
                                       zlib.adler32(rows), len(rows))
        return part

    def encode(self, rows: Image.Image, text_top: int) -> bytes:
        """The PNG of a card whose text is all in `rows` (PNG rows, as `band_rows`), from the
        text band's row `text_top` down; every other row is the chrome's."""
        top = self.band_top + text_top
        bottom = top + rows.height
        text_rows = rows.tobytes() if rows.height else b""
        above, above_adler, above_length = self._chrome_part(0, top, False)
        below, below_adler, below_length = self._chrome_part(bottom, self.scanlines.height, True)
        adler = adler32_combine(above_adler, zlib.adler32(text_rows), len(text_rows))
        adler = adler32_combine(adler, below_adler, below_length)
        stream = _ZLIB_HEADER + above + _deflate(text_rows, zlib.Z_FULL_FLUSH) + below + adler.to_bytes(4, "big")
        return self.head + _png_chunk(b"IDAT", stream) + _png_chunk(b"IEND", b"")


def _chrome_png(indices: Image.Image, palette: bytes, band_top: int) -> _ChromePng:
    width, height = indices.size
    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 3, 0, 0, 0])  # 8-bit palette
    head = _PNG_SIGNATURE + _png_chunk(b"IHDR", header) + _png_chunk(b"PLTE", palette)
    return _ChromePng(head=head, band_top=band_top, scanlines=_scanlines(indices))


def png_bytes(image: Image.Image) -> bytes:
    """A palette PNG of a card, with no metadata: no text, EXIF, ICC, time or dpi chunks."""
    if image.mode != "P":
        # Dithering would speckle the flat paper; octree is fast and deterministic.
        image = image.quantize(CHROME_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    image.info.clear()
    buffer = io.BytesIO()
    # Run-length zlib: the flat paper compresses as well as at level 6, in a quarter of the time.
    image.save(buffer, format="PNG", compress_level=1, compress_type=zlib.Z_RLE)
    return buffer.getvalue()


@dataclass(frozen=True)
class CardResult:
    path: Path
    drawn: bool  # False when the card came from the cache
    key: str


def ensure_card(fonts: CardFonts, content: CardContent, out_path: Path | str,
                cache_dir: Path | str | None) -> CardResult:
    """Writes the card to `out_path`, drawing it only if the cache has no card for its key."""
    out = Path(out_path)
    if cache_dir is None:
        write_atomically(out, draw_card(fonts, content).png())
        return CardResult(out, drawn=True, key=content_cache_key(fonts, content))
    cached, drawn, key = cache_card(fonts, content, Path(cache_dir))
    publish_cached(cached, out)
    return CardResult(out, drawn=drawn, key=key)


def cache_card(fonts: CardFonts, content: CardContent, cache_dir: Path) -> tuple[Path, bool, str]:
    """The card's file in `cache_dir`, drawn there first if it is not there yet; whether
    it was drawn, and its key."""
    key = content_cache_key(fonts, content)
    cached = cache_dir / f"{key}.png"
    if cached.is_file():
        return cached, False, key
    write_atomically(cached, draw_card(fonts, content).png())
    return cached, True, key


def ensure_share_card(
    case: Case,
    lang: str,
    *,
    fonts: CardFonts,
    site_name: str,
    status_label: str,
    out_path: Path | str,
    cache_dir: Path | str | None,
) -> CardResult:
    """A case's card at `out_path`, and whether it had to be drawn (False: copied from the cache).
    `cache_dir`: the build's cards cache (Caches.dir("cards"), under the config's cache_dir), or
    None to draw without one; never a folder relative to the working directory."""
    if cache_dir is None:
        return ensure_card(fonts, card_content(case, lang, site_name=site_name, status_label=status_label), out_path, None)
    cached, drawn, key = cache_share_card(case, lang, fonts=fonts, site_name=site_name, status_label=status_label,
                                          cache_dir=Path(cache_dir))
    publish_cached(cached, Path(out_path))
    return CardResult(Path(out_path), drawn=drawn, key=key)


def cache_share_card(case: Case, lang: str, *, fonts: CardFonts, site_name: str, status_label: str,
                     cache_dir: Path, input_key: str | None = None) -> tuple[Path, bool, str]:
    """A case's card in `cache_dir`, drawn there first if it is not there yet; whether it
    was drawn, and its key.

    Working out a card's content measures its text (a long ask is cut to fit), about half a
    millisecond a card, which a rebuild of 20,000 unchanged cards would spend for nothing. So
    the cache also keeps, by a key of the case's own drawn fields (`share_card_input_key`),
    the content key of the card they made: an unchanged case finds its card without measuring.
    (The cards stage reads those keys from one index, `CardIndex`, before it comes here.)"""
    if input_key is None:
        input_key = share_card_input_key(case, lang, fonts=fonts, site_name=site_name, status_label=status_label)
    pointer = cache_dir / "by-input" / f"{input_key}.key"
    try:
        key = pointer.read_text(encoding="ascii")
        if _CARD_KEY.fullmatch(key) and (cache_dir / f"{key}.png").is_file():
            return cache_dir / f"{key}.png", False, key
    except (OSError, UnicodeDecodeError):
        pass
    cached, drawn, key = cache_card(fonts, card_content(case, lang, site_name=site_name, status_label=status_label), cache_dir)
    try:  # written in place: a torn pointer is not a key, and is read past
        pointer.parent.mkdir(parents=True, exist_ok=True)
        pointer.write_text(key, encoding="ascii")
    except OSError:
        pass  # a cache that cannot be written is only slower
    return cached, drawn, key


def cached_share_cards(cache_dir: Path) -> int:
    """How many case cards the cache can find by their inputs (its pointers): a cheap count,
    to tell a cache that holds an archive's cards from one that does not."""
    try:
        return sum(1 for _ in os.scandir(cache_dir / "by-input"))
    except OSError:
        return 0


_CARD_KEY = re.compile(r"[0-9a-f]{32}")


class CardIndex:
    """Every case card's key by its input key, in one file of the card cache.

    A rebuild used to find each unchanged card through its own pointer file: at 112,414 cases,
    225,000 small files opened and read took 27 of the 68 s the cards stage spent on an unchanged
    build (py-spy), and hashing each card's inputs with the fonts' digests (9 files looked at a
    card) 11 s more. The index is read once (8.9 MB and 0.3 s at that size), the fonts hashed once a
    build (`input_keys`), and it is written again only when a card changed. The pointer files
    stay, for the cards drawn ahead in another process and for a damaged or missing index."""

    FILE = f"by-input{COMPRESSED_SUFFIX}"

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / self.FILE
        try:
            loaded = unpack_values(self.path.read_bytes())
        except (OSError, ValueError):
            loaded = {}
        self.keys: dict[str, str] = loaded if isinstance(loaded, dict) else {}
        self._changed = False

    def get(self, input_key: str) -> str | None:
        key = self.keys.get(input_key)
        return key if isinstance(key, str) and _CARD_KEY.fullmatch(key) else None

    def update(self, found: dict[str, str]) -> None:
        for input_key, key in found.items():
            if self.keys.get(input_key) != key:
                self.keys[input_key] = key
                self._changed = True

    def save(self, keep: set[str]) -> None:
        """Written if anything changed, with the input keys in `keep` only (today's cards)."""
        if self.keys.keys() - keep:
            self.keys = {input_key: key for input_key, key in self.keys.items() if input_key in keep}
            self._changed = True
        if self._changed:
            try:
                write_atomically(self.path, pack_values(self.keys))
            except OSError:
                pass  # a cache that cannot be written is only slower
            self._changed = False


def input_keys(fonts: CardFonts) -> Callable[[Case, str, str, str], str]:
    """`share_card_input_key` with what every card shares (renderer, layout, fonts) hashed once."""
    fixed = hashlib.sha256(cache_generation(fonts).encode("utf-8")).hexdigest()

    def input_key(case: Case, lang: str, site_name: str, status_label: str) -> str:
        fields = [fixed, lang, case.name[lang], case.status, status_label,
                  case.ask[lang] if case.ask is not None else None,
                  case.summary[lang] if case.ask is None else None, site_name, case.pseudonym]
        return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()[:32]

    return input_key


def share_card_input_key(case: Case, lang: str, *, fonts: CardFonts, site_name: str, status_label: str) -> str:
    """A hash of every field of the case its card draws (before any is measured or cut), the
    layout, the renderer version and the fonts: equal keys make equal cards."""
    return input_keys(fonts)(case, lang, site_name, status_label)


def render_site_card(
    lang: str,
    *,
    fonts: CardFonts,
    site_name: str,
    tagline: str,
    out_path: Path | str,
    cache_dir: Path | str | None,
) -> Path:
    """The site's own card (for pages that are not a case)."""
    return ensure_card(fonts, site_card_content(lang, site_name=site_name, tagline=tagline), out_path, cache_dir).path
