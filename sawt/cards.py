"""Share cards: the 1200×630 PNG a case shows when its page is shared.

Pure functions over the model; no MkDocs here. The hooks call
`ensure_share_card`, which also says whether it drew or reused a cached card.

Why the text machinery below exists: the bundled fonts are web subsets. The
Arabic one has no Latin letters and no ASCII digits; the Latin ones have no
Arabic. Pillow has no font fallback, so every line is split into runs by the
font that covers each character, and since a run of Latin (a name, a year)
inside Arabic must be placed in the right visual order, the runs are ordered
with a compact implementation of the Unicode Bidirectional Algorithm (UBA,
UAX #9: rules W1–W7, N1–N2, I1–I2, L1–L2; explicit embeddings and isolates are
not supported and are removed). Raqm then shapes each run (Arabic joining,
mirroring) on its own.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import unicodedata
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

from .model import Case

#: Bump when the drawing changes, so cached cards are redrawn.
RENDERER_VERSION = "1"

CARD_WIDTH, CARD_HEIGHT = 1200, 630
FONT_DIR = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "fonts"
#: Relative to the working directory of the build (the repository root).
DEFAULT_CACHE_DIR = Path(".cache/cards")

ARABIC, LATIN, LATIN_EXT = "arabic", "latin", "latin-ext"
_FONT_FILES: dict[str, str] = {
    ARABIC: "noto-sans-arabic-arabic-{weight}-normal.woff2",
    LATIN: "noto-sans-latin-{weight}-normal.woff2",
    LATIN_EXT: "noto-sans-latin-ext-{weight}-normal.woff2",
}
WEIGHTS = (400, 700)
#: Which font a character is looked up in first, by card language.
FONT_CHAINS: dict[str, tuple[str, ...]] = {
    "ar": (ARABIC, LATIN, LATIN_EXT),
    "en": (LATIN, LATIN_EXT, ARABIC),
}

ELLIPSIS = "\u2026"
#: Shown on cards of pseudonymous cases: the name is not the person's own.
PSEUDONYM_NOTICE = {"en": "Name changed for safety", "ar": "الاسم مستعار حفاظًا على السلامة"}

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
LINE_HEIGHT = {"en": 1.3, "ar": 1.55}  # Arabic marks need taller lines

# --------------------------------------------------------------------------
# Fonts and coverage


def font_path(family: str, weight: int) -> Path:
    return FONT_DIR / _FONT_FILES[family].format(weight=weight)


@lru_cache(maxsize=None)
def _cmap(family: str, weight: int) -> frozenset[int]:
    # lazy=True avoids parsing glyph outlines; the cmap is all we need.
    return frozenset(TTFont(str(font_path(family, weight)), lazy=True).getBestCmap())


@lru_cache(maxsize=None)
def _font(family: str, weight: int, size: int, engine: ImageFont.Layout) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(family, weight)), size, layout_engine=engine)


@lru_cache(maxsize=None)
def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def font_digests() -> dict[str, str]:
    """sha256 of every font file, so a font update changes every cache key."""
    return {
        font_path(family, weight).name: _file_digest(font_path(family, weight))
        for family in _FONT_FILES
        for weight in WEIGHTS
    }


def covers(family: str, weight: int, char: str) -> bool:
    return ord(char) in _cmap(family, weight)


# Explicit embeddings/overrides/isolates are not supported: removed (UAX #9 X9).
_EXPLICIT_BIDI_CLASSES = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
# Directional marks steer the ordering but have no glyph: never drawn.
_MARKS = frozenset({"\u200e", "\u200f", "\u061c"})


def _bidi_class(char: str) -> str:
    return unicodedata.bidirectional(char) or "ON"


def normalize_text(text: str) -> str:
    """NFC, whitespace collapsed to single spaces, explicit bidi controls removed."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(c for c in text if _bidi_class(c) not in _EXPLICIT_BIDI_CLASSES)
    return " ".join(text.split())


def _is_drawn(char: str) -> bool:
    return char not in _MARKS


def uncovered_characters(text: str) -> set[str]:
    """Characters of `text` that no bundled font (in either weight) can draw."""
    return {
        char
        for char in normalize_text(text)
        if _is_drawn(char)
        and not all(any(covers(family, weight, char) for family in _FONT_FILES) for weight in WEIGHTS)
    }


# --------------------------------------------------------------------------
# Bidi: resolve embedding levels for one line (paragraph direction given)

_NEUTRALS = frozenset({"B", "S", "WS", "ON", "BN"})


def resolve_levels(text: str, rtl: bool) -> list[int]:
    """Embedding level of each character of `text`, per UAX #9 without explicit codes.

    Each line is resolved as its own paragraph, with the card's direction.
    """
    base = 1 if rtl else 0
    embedding = "R" if rtl else "L"
    types = [_bidi_class(c) for c in text]
    n = len(types)
    # W1: a non-spacing mark takes the type of what it sits on.
    for i, t in enumerate(types):
        if t == "NSM":
            types[i] = types[i - 1] if i else embedding
    # W2: European digits after Arabic letters are Arabic numbers. W3: AL -> R.
    last_strong = embedding
    for i, t in enumerate(types):
        if t in ("L", "R", "AL"):
            last_strong = t
        elif t == "EN" and last_strong == "AL":
            types[i] = "AN"
    types = ["R" if t == "AL" else t for t in types]
    # W4: a single separator between two numbers of one type joins them.
    for i in range(1, n - 1):
        if types[i] == "ES" and types[i - 1] == "EN" == types[i + 1]:
            types[i] = "EN"
        elif types[i] == "CS" and types[i - 1] == types[i + 1] and types[i - 1] in ("EN", "AN"):
            types[i] = types[i - 1]
    # W5: terminators (%, $, #...) next to European numbers are part of them.
    i = 0
    while i < n:
        if types[i] != "ET":
            i += 1
            continue
        j = i
        while j < n and types[j] == "ET":
            j += 1
        if (i > 0 and types[i - 1] == "EN") or (j < n and types[j] == "EN"):
            types[i:j] = ["EN"] * (j - i)
        i = j
    # W6: remaining separators and terminators are neutral.
    types = ["ON" if t in ("ES", "ET", "CS") else t for t in types]
    # W7: European numbers in a left-to-right context are left-to-right.
    last_strong = embedding
    for i, t in enumerate(types):
        if t in ("L", "R"):
            last_strong = t
        elif t == "EN" and last_strong == "L":
            types[i] = "L"
    # N1/N2: neutrals between two of one direction take it; others the paragraph's.
    def direction(t: str) -> str:
        return "L" if t == "L" else "R"

    i = 0
    while i < n:
        if types[i] not in _NEUTRALS:
            i += 1
            continue
        j = i
        while j < n and types[j] in _NEUTRALS:
            j += 1
        before = direction(types[i - 1]) if i > 0 else embedding
        after = direction(types[j]) if j < n else embedding
        types[i:j] = [before if before == after else embedding] * (j - i)
        i = j
    # I1/I2.
    levels: list[int] = []
    for t in types:
        if base == 0:
            levels.append(base + (1 if t == "R" else 2 if t in ("AN", "EN") else 0))
        else:
            levels.append(base + (1 if t in ("L", "EN", "AN") else 0))
    # L1: trailing whitespace goes back to the paragraph level.
    k = n
    while k > 0 and _bidi_class(text[k - 1]) in ("WS", "BN", "S", "B"):
        k -= 1
        levels[k] = base
    return levels


def reorder_visually(levels: Sequence[int]) -> list[int]:
    """L2: indices of items in left-to-right visual order."""
    order = list(range(len(levels)))
    if not levels:
        return order
    lowest_odd = min(levels) | 1
    for level in range(max(levels), lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] < level:
                i += 1
                continue
            j = i
            while j < len(order) and levels[order[j]] >= level:
                j += 1
            order[i:j] = reversed(order[i:j])
            i = j
    return order


# --------------------------------------------------------------------------
# Runs: pieces of one line that share a font and a direction


@dataclass(frozen=True)
class Run:
    text: str  # logical order; raqm reverses an RTL run itself
    family: str
    rtl: bool


def _pick_family(char: str, chain: Sequence[str], weight: int, previous: str | None) -> str:
    # Spaces, punctuation and marks stay in the font of what precedes them, so
    # a Latin name in an Arabic line is drawn with one font, spaces included.
    if previous is not None and _bidi_class(char) not in ("L", "R", "AL", "EN", "AN"):
        if covers(previous, weight, char):
            return previous
    for family in chain:
        if covers(family, weight, char):
            return family
    return chain[0]  # draws .notdef; `uncovered_characters` lets tests catch it


def split_runs(text: str, lang: str, weight: int) -> list[Run]:
    """The runs of one line, in left-to-right visual order."""
    rtl = lang == "ar"
    levels = resolve_levels(text, rtl)
    chain = FONT_CHAINS[lang]
    pieces: list[tuple[str, str, int]] = []  # (text, family, level) in logical order
    previous: str | None = None
    for char, level in zip(text, levels):
        if not _is_drawn(char):
            continue
        family = _pick_family(char, chain, weight, previous)
        previous = family
        if pieces and pieces[-1][1] == family and pieces[-1][2] == level:
            pieces[-1] = (pieces[-1][0] + char, family, level)
        else:
            pieces.append((char, family, level))
    order = reorder_visually([level for _, _, level in pieces])
    return [Run(pieces[i][0], pieces[i][1], pieces[i][2] % 2 == 1) for i in order]


def _draw_kwargs(run: Run) -> dict[str, str]:
    kwargs = {"direction": "rtl" if run.rtl else "ltr"}
    if run.family == ARABIC:
        kwargs["language"] = "ar"
    return kwargs


@lru_cache(maxsize=65536)
def _run_width(run: Run, weight: int, size: int) -> float:
    font = _font(run.family, weight, size, ImageFont.Layout.RAQM)
    return font.getlength(run.text, **_draw_kwargs(run))


def line_width(text: str, lang: str, weight: int, size: int) -> float:
    return sum(_run_width(run, weight, size) for run in split_runs(text, lang, weight))


def draw_line(
    draw: ImageDraw.ImageDraw,
    text: str,
    *,
    lang: str,
    weight: int,
    size: int,
    start_x: float,
    baseline: float,
    fill: tuple[int, int, int],
) -> tuple[float, float]:
    """Draws one line from its start edge (right for Arabic); returns (left, right)."""
    runs = split_runs(text, lang, weight)
    widths = [_run_width(run, weight, size) for run in runs]
    total = sum(widths)
    x = start_x - total if lang == "ar" else start_x
    left = x
    for run, width in zip(runs, widths):
        font = _font(run.family, weight, size, ImageFont.Layout.RAQM)
        draw.text((x, baseline), run.text, font=font, fill=fill, anchor="ls", **_draw_kwargs(run))
        x += width
    return left, left + total


def render_line_image(
    text: str, lang: str, *, size: int = 64, engine: ImageFont.Layout = ImageFont.Layout.RAQM
) -> Image.Image:
    """One line in the card's primary font with a chosen layout engine.

    Exists so tests can show that shaping happens (BASIC draws Arabic letters
    unjoined, in isolated forms, and in logical order).
    """
    family = FONT_CHAINS[lang][0]
    font = _font(family, 400, size, engine)
    image = Image.new("L", (CARD_WIDTH, size * 2), 0)
    kwargs = {"direction": "rtl", "language": "ar"} if engine == ImageFont.Layout.RAQM and lang == "ar" else {}
    ImageDraw.Draw(image).text((20, size * 1.4), text, font=font, fill=255, anchor="ls", **kwargs)
    return image


# --------------------------------------------------------------------------
# Wrapping by measured width


def _trim_for_ellipsis(text: str) -> str:
    return text.rstrip(" ,.;:\u060c\u061b\u2014-")


def _ellipsize(text: str, lang: str, weight: int, size: int, max_width: float) -> str:
    """`text` cut at a word (or, for one long word, a character) so `text…` fits."""
    words = text.split(" ")
    while len(words) > 1 and line_width(_trim_for_ellipsis(" ".join(words)) + ELLIPSIS, lang, weight, size) > max_width:
        words.pop()
    line = _trim_for_ellipsis(" ".join(words))
    while line and line_width(line + ELLIPSIS, lang, weight, size) > max_width:
        line = _trim_for_ellipsis(line[:-1])
    return line + ELLIPSIS


def wrap_text(text: str, lang: str, *, weight: int, size: int, max_width: float, max_lines: int) -> list[str]:
    """Greedy word wrap by measured width; an ellipsis ends the last line if text is left over."""
    words = normalize_text(text).split(" ")
    lines: list[str] = []
    current: list[str] = []
    for index, word in enumerate(words):
        candidate = " ".join([*current, word])
        if not current or line_width(candidate, lang, weight, size) <= max_width:
            current.append(word)
            continue
        lines.append(" ".join(current))
        current = [word]
        if len(lines) == max_lines:
            # The text does not fit: the last line takes the rest and is cut.
            rest = " ".join([lines.pop(), *words[index:]])
            lines.append(_ellipsize(rest, lang, weight, size, max_width))
            return lines
    if current:
        lines.append(" ".join(current))
    # A single word wider than the line is cut too.
    return [
        line if line_width(line, lang, weight, size) <= max_width else _ellipsize(line, lang, weight, size, max_width)
        for line in lines
    ]


# --------------------------------------------------------------------------
# What a card shows


@dataclass(frozen=True)
class CardContent:
    """Everything drawn on a card, and so everything its cache key depends on."""

    lang: str
    name: str
    status: str  # chooses the colour
    status_label: str
    ask: str  # the campaign's ask; the summary when a case has none
    site_name: str
    notice: str  # pseudonym notice, or ""

    def texts(self) -> tuple[str, ...]:
        """Every string the card may draw (with the ellipsis wrapping may add)."""
        return (self.name, self.status_label, self.ask, self.site_name, self.notice, ELLIPSIS)


def card_content(case: Case, lang: str, *, site_name: str, status_label: str) -> CardContent:
    ask = case.ask[lang] if case.ask is not None else case.summary[lang]
    return CardContent(
        lang=lang,
        name=normalize_text(case.name[lang]),
        status=case.status,
        status_label=normalize_text(status_label),
        ask=normalize_text(ask),
        site_name=normalize_text(site_name),
        notice=PSEUDONYM_NOTICE[lang] if case.pseudonym else "",
    )


def site_card_content(lang: str, *, site_name: str, tagline: str) -> CardContent:
    """The site's own card (home and other pages): no badge, the tagline in place of an ask."""
    return CardContent(
        lang=lang, name=normalize_text(site_name), status="", status_label="",
        ask=normalize_text(tagline), site_name=normalize_text(site_name), notice="",
    )


def content_cache_key(content: CardContent) -> str:
    payload = {
        "renderer": RENDERER_VERSION,
        "size": [CARD_WIDTH, CARD_HEIGHT],
        "content": asdict(content),
        "fonts": font_digests(),
    }
    encoded = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()[:32]


def card_cache_key(case: Case, lang: str, *, site_name: str, status_label: str) -> str:
    """Hash of all that is drawn, the renderer version and the fonts' hashes."""
    return content_cache_key(card_content(case, lang, site_name=site_name, status_label=status_label))


# --------------------------------------------------------------------------
# Drawing


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class CardDrawing:
    image: Image.Image
    name_box: Box  # the band the name was drawn in (for tests and debugging)
    ask_lines: tuple[str, ...]
    name_lines: tuple[str, ...]


def _fit_name(name: str, lang: str, max_width: float) -> tuple[int, list[str]]:
    for size in NAME_SIZES:
        if line_width(name, lang, 700, size) <= max_width:
            return size, [name]
    size = NAME_SIZES[-1]
    return size, wrap_text(name, lang, weight=700, size=size, max_width=max_width, max_lines=NAME_MAX_LINES)


def _draw_badge(draw: ImageDraw.ImageDraw, label: str, lang: str, start_x: float, colour: tuple[int, int, int]) -> float:
    """The status label on a rounded rectangle at the top start corner; returns its height."""
    rtl = lang == "ar"
    pad_x, pad_y = 18, 10
    height = round(BADGE_SIZE * LINE_HEIGHT[lang]) + 2 * pad_y - 8
    width = line_width(label, lang, 700, BADGE_SIZE) + 2 * pad_x
    left = start_x - width if rtl else start_x
    draw.rounded_rectangle((left, TOP, left + width, TOP + height), radius=10, fill=colour)
    # Optical centring: Arabic glyphs sit higher on the baseline than Latin capitals.
    baseline = TOP + height / 2 + BADGE_SIZE * (0.42 if rtl else 0.36)
    draw_line(
        draw, label, lang=lang, weight=700, size=BADGE_SIZE,
        start_x=start_x - pad_x if rtl else start_x + pad_x, baseline=baseline, fill=BADGE_TEXT,
    )
    return height


def draw_card(content: CardContent) -> CardDrawing:
    """Draws the card in memory (no file IO)."""
    lang = content.lang
    rtl = lang == "ar"
    colour = STATUS_COLOURS.get(content.status, DEFAULT_STATUS_COLOUR)
    image = Image.new("RGB", (CARD_WIDTH, CARD_HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)

    # The status band on the start edge (right in Arabic).
    stripe_x = CARD_WIDTH - STRIPE if rtl else 0
    draw.rectangle((stripe_x, 0, stripe_x + STRIPE - 1, CARD_HEIGHT), fill=colour)
    content_left = MARGIN_X + (0 if rtl else STRIPE)
    content_right = CARD_WIDTH - MARGIN_X - (STRIPE if rtl else 0)
    start_x = content_right if rtl else content_left
    max_width = content_right - content_left
    line_height = LINE_HEIGHT[lang]

    # Status badge (none on the site's own card).
    y = TOP
    if content.status_label:
        y = TOP + _draw_badge(draw, content.status_label, lang, start_x, colour) + 28

    # Name, large.
    name_size, name_lines = _fit_name(content.name, lang, max_width)
    name_top = y
    for line in name_lines:
        baseline = y + name_size * (1.05 if rtl else 1.0)
        draw_line(draw, line, lang=lang, weight=700, size=name_size, start_x=start_x, baseline=baseline, fill=INK)
        y += name_size * line_height
    name_box = Box(content_left, name_top, content_right, y)

    # What we ask for, wrapped, at most three lines.
    y += 18
    ask_lines = wrap_text(content.ask, lang, weight=400, size=ASK_SIZE, max_width=max_width, max_lines=ASK_MAX_LINES)
    for line in ask_lines:
        baseline = y + ASK_SIZE * (1.05 if rtl else 1.0)
        draw_line(draw, line, lang=lang, weight=400, size=ASK_SIZE, start_x=start_x, baseline=baseline, fill=MUTED_INK)
        y += ASK_SIZE * line_height

    # Footer: site name on the start side, pseudonym notice on the end side.
    draw.line((content_left, FOOTER_RULE_Y, content_right, FOOTER_RULE_Y), fill=RULE, width=2)
    site = wrap_text(content.site_name, lang, weight=700, size=SITE_SIZE, max_width=max_width / 2, max_lines=1)[0]
    draw_line(draw, site, lang=lang, weight=700, size=SITE_SIZE, start_x=start_x, baseline=FOOTER_BASELINE, fill=INK)
    if content.notice:
        notice = wrap_text(content.notice, lang, weight=400, size=NOTICE_SIZE, max_width=max_width / 2 - 24, max_lines=1)[0]
        width = line_width(notice, lang, 400, NOTICE_SIZE)
        # The end edge: left in Arabic, right in English.
        end_start = content_left + width if rtl else content_right - width
        draw_line(draw, notice, lang=lang, weight=400, size=NOTICE_SIZE, start_x=end_start, baseline=FOOTER_BASELINE, fill=MUTED_INK)

    return CardDrawing(image=image, name_box=name_box, ask_lines=tuple(ask_lines), name_lines=tuple(name_lines))


#: Cards have a few flat colours plus anti-aliasing ramps: 64 palette entries
#: keep them visually identical (mean error < 0.1%) at a third of the RGB size.
PALETTE_COLOURS = 64


def png_bytes(image: Image.Image) -> bytes:
    """A palette PNG of an RGB card, with no metadata: no text, EXIF, ICC, time or dpi chunks."""
    # Dithering would speckle the flat paper; octree is fast and deterministic.
    palette = image.quantize(
        PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    palette.info.clear()
    buffer = io.BytesIO()
    palette.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class CardResult:
    path: Path
    drawn: bool  # False when the card came from the cache
    key: str


def ensure_card(content: CardContent, out_path: Path | str, cache_dir: Path | str | None = DEFAULT_CACHE_DIR) -> CardResult:
    """Writes the card to `out_path`, drawing it only if the cache has no card for its key."""
    out = Path(out_path)
    key = content_cache_key(content)
    cached = Path(cache_dir) / f"{key}.png" if cache_dir is not None else None
    if cached is not None and cached.is_file():
        if cached.resolve() != out.resolve():
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cached, out)
        return CardResult(out, drawn=False, key=key)
    data = png_bytes(draw_card(content).image)
    if cached is not None:
        _write_atomically(cached, data)
    _write_atomically(out, data)
    return CardResult(out, drawn=True, key=key)


def ensure_share_card(
    case: Case,
    lang: str,
    *,
    site_name: str,
    status_label: str,
    out_path: Path | str,
    cache_dir: Path | str | None = DEFAULT_CACHE_DIR,
) -> CardResult:
    """A case's card at `out_path`, and whether it had to be drawn (False: copied from the cache)."""
    content = card_content(case, lang, site_name=site_name, status_label=status_label)
    return ensure_card(content, out_path, cache_dir)


def render_site_card(
    lang: str,
    *,
    site_name: str,
    tagline: str,
    out_path: Path | str,
    cache_dir: Path | str | None = DEFAULT_CACHE_DIR,
) -> Path:
    """The site's own card (for pages that are not a case)."""
    return ensure_card(site_card_content(lang, site_name=site_name, tagline=tagline), out_path, cache_dir).path
