"""Share cards: rendering against a reference, shaping, bidi, coverage, caching, metadata."""

from __future__ import annotations

import io
import os
import struct
import zlib
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageStat

from sawt.config import load_site_config
from sawt.data.load import load_archive
from sawt.data.model import Case, Event, PartialDate, Text
from sawt.data.synthetic import write_synthetic_archive
from sawt.dates import status_label
from sawt.outputs import cards

REFERENCE = Path(__file__).parent / "reference" / "card-ar.png"
SITE_NAME = {"ar": "صوت — Sawt", "en": "Sawt — صوت"}
LABEL = {"ar": "محتجز", "en": "Detained"}  # literal, so the reference does not follow label edits
#: The sample site's fonts, found as a build finds them: from its config.
FONTS = cards.CardFonts(load_site_config(Path(__file__).resolve().parents[2] / "mkdocs.yml").font_dir)


def fictional_case(**changes: object) -> Case:
    """A fictional case whose Arabic text mixes in Latin, digits and an em dash."""
    fields: dict[str, object] = dict(
        slug="test-person",
        name=Text("Test Person", "شخص تجريبي"),
        status="detained",
        summary=Text("A fictional person used in tests.", "شخص خيالي يُستخدم في الاختبارات."),
        ask=Text(
            "Release Test Person immediately, disclose where he is held, and let his family "
            "and lawyers visit him — now, in 2024.",
            "نطالب بالإفراج الفوري عن الشخص التجريبي Test Person، والكشف عن مكان احتجازه منذ 2019، "
            "والسماح لعائلته ومحاميه بزيارته — فورًا ودون شروط، وإنهاء الاحتجاز التعسفي بحقه وبحق "
            "جميع المحتجزين تعسفيًا في السجون ومراكز الاحتجاز.",
        ),
        pseudonym=True,
        events=(Event(PartialDate(2019, 4, 19), "arrested", Text("Arrested.", "اعتُقل.")),),
    )
    fields.update(changes)
    return Case(**fields)  # type: ignore[arg-type]


def draw(case: Case, lang: str) -> cards.CardDrawing:
    content = cards.card_content(case, lang, site_name=SITE_NAME[lang], status_label=LABEL[lang])
    return cards.draw_card(FONTS, content)


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute pixel difference as a fraction of full scale."""
    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB"))
    return sum(ImageStat.Stat(diff).mean) / 3 / 255


def ink_bbox(image: Image.Image, box: cards.Box) -> tuple[int, int, int, int]:
    """Where the ink is inside `box`, in card coordinates (x) and band coordinates (y)."""
    band = image.crop((int(box.left), int(box.top), int(box.right), int(box.bottom)))
    paper = Image.new("RGB", band.size, cards.PAPER)
    diff = ImageChops.difference(band, paper).convert("L").point(lambda v: 255 if v > 40 else 0)
    bbox = diff.getbbox()
    assert bbox is not None, "nothing drawn in the band"
    return (bbox[0] + int(box.left), bbox[1], bbox[2] + int(box.left), bbox[3])


# ---------------------------------------------------------------- rendering


def test_arabic_card_matches_reference() -> None:
    image = draw(fictional_case(), "ar").image
    if os.environ.get("SAWT_UPDATE_REFERENCE") == "1":  # regenerate deliberately, then LOOK at it
        REFERENCE.write_bytes(cards.png_bytes(image))
    reference = Image.open(REFERENCE)
    assert reference.size == image.size == (1200, 630)
    assert mean_difference(image, reference) < 0.02


def test_reference_comparison_would_notice_a_different_card() -> None:
    # Guards the tolerance: the same card in English is far from the Arabic reference.
    assert mean_difference(draw(fictional_case(), "en").image, Image.open(REFERENCE)) > 0.02


def test_raqm_joins_arabic_letters_where_basic_layout_does_not() -> None:
    text = "شخص تجريبي"
    joined = cards.render_line_image(FONTS, text, "ar", engine=ImageFont.Layout.RAQM)
    isolated = cards.render_line_image(FONTS, text, "ar", engine=ImageFont.Layout.BASIC)
    assert ImageChops.difference(joined, isolated).getbbox() is not None
    assert mean_difference(joined, isolated) > 0.005


def test_arabic_name_ink_sits_on_the_right_half() -> None:
    drawing = draw(fictional_case(), "ar")
    left, _, right, _ = ink_bbox(drawing.image, drawing.name_box)
    assert left > cards.CARD_WIDTH / 2
    assert right <= cards.CARD_WIDTH - cards.MARGIN_X - cards.STRIPE + 2  # right-aligned to the margin
    assert right >= cards.CARD_WIDTH - cards.MARGIN_X - cards.STRIPE - 10


def test_english_name_ink_sits_on_the_left_half() -> None:
    drawing = draw(fictional_case(), "en")
    left, _, right, _ = ink_bbox(drawing.image, drawing.name_box)
    assert right < cards.CARD_WIDTH / 2
    assert abs(left - (cards.MARGIN_X + cards.STRIPE)) <= 10


def test_long_ask_is_wrapped_to_three_lines_with_an_ellipsis() -> None:
    drawing = draw(fictional_case(), "ar")
    assert len(drawing.ask_lines) == cards.ASK_MAX_LINES
    assert drawing.ask_lines[-1].endswith(cards.ELLIPSIS)
    max_width = cards.CARD_WIDTH - 2 * cards.MARGIN_X - cards.STRIPE
    for line in drawing.ask_lines:
        assert cards.line_width(FONTS, line, "ar", 400, cards.ASK_SIZE) <= max_width


def test_short_ask_is_not_ellipsized() -> None:
    drawing = draw(fictional_case(), "en")
    assert len(drawing.ask_lines) == 2
    assert not any(line.endswith(cards.ELLIPSIS) for line in drawing.ask_lines)
    assert " ".join(drawing.ask_lines) == cards.normalize_text(fictional_case().ask.en)


def test_a_very_long_name_shrinks_then_wraps_within_the_card() -> None:
    long_name = Text("Test Person " * 8, "شخص تجريبي " * 8)
    for lang in ("en", "ar"):
        drawing = draw(fictional_case(name=long_name), lang)
        assert len(drawing.name_lines) == cards.NAME_MAX_LINES
        assert drawing.name_lines[-1].endswith(cards.ELLIPSIS)


def test_case_without_ask_shows_its_summary() -> None:
    drawing = draw(fictional_case(ask=None), "en")
    assert drawing.ask_lines == ("A fictional person used in tests.",)


def test_site_card_draws() -> None:
    content = cards.site_card_content("ar", site_name="صوت", tagline="أرشيف حالات تجريبي")
    assert cards.draw_card(FONTS, content).image.size == (1200, 630)


# ---------------------------------------------------------------- bidi and fonts


# Raqm (FriBiDi + HarfBuzz) orders each line. These tests check the order the
# reader sees: a whole line drawn by the card must look like its expected visual
# runs drawn one by one, left to right, each in its own direction. The same runs
# in another order must not.

LINE_SIZE = 48


def line_mask(text: str, lang: str) -> Image.Image:
    """`text` as the card draws a line, starting 20 px from the left edge."""
    image = Image.new("L", (1400, 2 * LINE_SIZE), 0)
    width = cards.line_width(FONTS, text, lang, 400, LINE_SIZE)
    cards.draw_line(FONTS, ImageDraw.Draw(image), text, lang=lang, weight=400, size=LINE_SIZE,
                    start_x=20 + width if lang == "ar" else 20, baseline=1.4 * LINE_SIZE, fill=255)
    return image


def runs_mask(runs: list[tuple[str, bool]]) -> Image.Image:
    """Visual runs drawn one after another from the left: (text in logical order, right-to-left?).

    A right-to-left run's first character is its rightmost: ("شخص ", True) ends in a space on its left.
    """
    image = Image.new("L", (1400, 2 * LINE_SIZE), 0)
    draw, x = ImageDraw.Draw(image), 20.0
    for text, rtl in runs:
        lang = "ar" if rtl else "en"
        width = cards.line_width(FONTS, text, lang, 400, LINE_SIZE)
        cards.draw_line(FONTS, draw, text, lang=lang, weight=400, size=LINE_SIZE,
                        start_x=x + width if rtl else x, baseline=1.4 * LINE_SIZE, fill=255)
        x += width
    return image


def assert_visual_order(text: str, lang: str, runs: list[tuple[str, bool]]) -> None:
    drawn = line_mask(text, lang)
    expected = mean_difference(drawn, runs_mask(runs))
    assert expected < 0.002, f"{text!r} is not drawn as {runs}"
    # Guards the tolerance: the runs in the reverse order look clearly different.
    assert mean_difference(drawn, runs_mask(runs[::-1])) > max(0.004, 4 * expected)


def test_latin_and_digits_inside_arabic_are_ordered_right_to_left_as_runs() -> None:
    assert_visual_order("شخص Test Person 2019 — تجريبي", "ar", [
        ("تجريبي", True),
        (" — ", True),
        ("Test Person 2019", False),
        ("شخص ", True),
    ])


def test_numbers_between_arabic_words_stay_in_place() -> None:
    assert_visual_order("منذ 2019 و 2020", "ar", [("2020", False), ("و ", True), (" ", True), ("2019", False), ("منذ ", True)])
    # A thousands separator stays inside the number.
    assert_visual_order("نحو 1,000 شخص", "ar", [("شخص", True), (" ", True), ("1,000", False), ("نحو ", True)])
    # After Arabic letters digits are Arabic numbers, so "%" is neutral and goes
    # to their left, as browsers show it ("%50").
    assert_visual_order("نحو 50% منهم", "ar", [("منهم", True), ("% ", True), ("50", False), ("نحو ", True)])
    # After Latin letters a percent sign is part of the number.
    assert_visual_order("Test 50% صوت", "en", [("Test 50% ", False), ("صوت", True)])


def test_arabic_inside_english_is_one_right_to_left_run() -> None:
    assert_visual_order("Sawt — صوت", "en", [("Sawt — ", False), ("صوت", True)])
    # Digits after Arabic letters belong to the Arabic run, even in an English line.
    assert_visual_order("Sawt صوت تجريبي 2019", "en", [("Sawt ", False), ("2019", False), ("صوت تجريبي ", True)])


def test_directional_marks_steer_but_are_not_drawn() -> None:
    assert ImageChops.difference(line_mask("\u200fشخص\u200f", "ar"), line_mask("شخص", "ar")).getbbox() is None
    assert cards.uncovered_characters(FONTS, "\u200f\u200eشخص\u202b") == set()


def test_english_inside_arabic_keeps_its_own_left_to_right_order() -> None:
    # Nested levels (1, 2, 2, 1): the Latin words are not reversed with the Arabic ones.
    assert_visual_order("قال Test Person Two اليوم", "ar", [("اليوم", True), (" ", True), ("Test Person Two", False), ("قال ", True)])


def test_explicit_bidi_overrides_are_removed_so_they_cannot_reverse_a_line() -> None:
    assert cards.normalize_text("\u202eTest Person\u202c") == "Test Person"


def test_uncovered_characters_reports_what_no_font_has() -> None:
    assert cards.uncovered_characters(FONTS, "شخص Test 2024 — ٢٠٢٤ «é» …") == set()
    assert cards.uncovered_characters(FONTS, "Test 中文") == {"中", "文"}


def test_every_character_of_every_card_is_covered(tmp_path: Path) -> None:
    write_synthetic_archive(tmp_path, 60, seed=7)
    archive = load_archive(tmp_path, today=date(2025, 1, 1))
    assert archive.cases
    contents = [
        cards.card_content(case, lang, site_name=SITE_NAME[lang], status_label=status_label(case.status, lang))
        for case in (*archive.cases, fictional_case())
        for lang in ("en", "ar")
    ]
    texts = "".join(text for content in contents for text in content.texts())
    assert cards.uncovered_characters(FONTS, texts) == set()


# ---------------------------------------------------------------- caching and files


def png_chunk_types(data: bytes) -> list[str]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    types, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        types.append(data[offset + 4 : offset + 8].decode("ascii"))
        offset += 12 + length
    return types


def test_card_png_has_no_metadata_chunks(tmp_path: Path) -> None:
    path = cards.ensure_share_card(
        fictional_case(), "ar", fonts=FONTS, site_name=SITE_NAME["ar"], status_label=LABEL["ar"],
        out_path=tmp_path / "out" / "card.png", cache_dir=None,
    ).path
    data = path.read_bytes()
    assert set(png_chunk_types(data)) <= {"IHDR", "PLTE", "IDAT", "IEND"}
    with Image.open(path) as image:
        assert image.size == (1200, 630)
        assert image.info == {}  # no text, EXIF, ICC, gamma or dpi
    assert set(png_chunk_types(REFERENCE.read_bytes())) <= {"IHDR", "PLTE", "IDAT", "IEND"}


def test_second_render_comes_from_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    kwargs = dict(fonts=FONTS, site_name=SITE_NAME["en"], status_label=LABEL["en"], cache_dir=cache)
    first = cards.ensure_share_card(fictional_case(), "en", out_path=tmp_path / "a.png", **kwargs)
    second = cards.ensure_share_card(fictional_case(), "en", out_path=tmp_path / "b.png", **kwargs)
    assert first.drawn and not second.drawn
    assert first.key == second.key
    assert (cache / f"{first.key}.png").read_bytes() == first.path.read_bytes() == second.path.read_bytes()
    changed = cards.ensure_share_card(fictional_case(status="released"), "en", out_path=tmp_path / "c.png", **kwargs)
    assert changed.drawn and changed.key != first.key


def test_cache_key_covers_everything_drawn_and_the_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    def key(case: Case = fictional_case(), lang: str = "en", site: str = "Sawt", label: str = "Detained") -> str:
        return cards.card_cache_key(case, lang, fonts=FONTS, site_name=site, status_label=label)

    base = key()
    assert base == key()
    variants = {
        key(lang="ar"),
        key(site="Other"),
        key(label="Held"),
        key(fictional_case(name=Text("Other Person", "شخص آخر"))),
        key(fictional_case(ask=Text("Other ask", "مطلب آخر"))),
        key(fictional_case(pseudonym=False)),
        key(fictional_case(status="released")),
    }
    assert base not in variants and len(variants) == 7
    # Things not drawn do not change the key.
    assert key(fictional_case(slug="another-slug", events=())) == base
    monkeypatch.setattr(cards, "RENDERER_VERSION", "test-bump")
    assert key() != base
    monkeypatch.undo()
    monkeypatch.setattr(cards.CardFonts, "digests", lambda fonts: {"font": "changed"})
    assert key() != base


def test_rendering_is_deterministic() -> None:
    assert cards.png_bytes(draw(fictional_case(), "ar").image) == cards.png_bytes(draw(fictional_case(), "ar").image)


def png_idat(data: bytes) -> bytes:
    """The concatenated IDAT data of a PNG, every chunk's CRC checked."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, kinds = 8, b"", []
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        assert zlib.crc32(kind + body) == struct.unpack(">I", data[position + 8 + length : position + 12 + length])[0]
        kinds.append(kind)
        idat += body if kind == b"IDAT" else b""
        position += 12 + length
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND"
    return idat


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("which", ["ask", "summary", "site"])
def test_the_written_card_is_the_drawn_card(tmp_path: Path, lang: str, which: str) -> None:
    # A card's PNG is assembled from rows compressed once per chrome and the rows
    # with text (sawt.outputs.cards._ChromePng): every pixel must survive that.
    if which == "site":
        content = cards.site_card_content(lang, site_name=SITE_NAME[lang], tagline="A tagline — شعار")
    else:
        case = fictional_case() if which == "ask" else fictional_case(ask=None, summary=Text("word " * 400, "كلمة " * 400))
        content = cards.card_content(case, lang, site_name=SITE_NAME[lang], status_label=LABEL[lang])
    written = cards.ensure_card(FONTS, content, tmp_path / "card.png", cache_dir=tmp_path / "cache").path.read_bytes()
    raw = zlib.decompress(png_idat(written))  # checks the stream's Adler-32 too
    assert len(raw) == cards.CARD_HEIGHT * (cards.CARD_WIDTH + 1)
    decoded = Image.open(io.BytesIO(written))
    expected = cards.draw_card(FONTS, content).image
    assert decoded.mode == "P" and decoded.size == expected.size
    assert decoded.convert("RGB").tobytes() == expected.tobytes()
    # The same again from the chrome's remembered parts.
    assert cards.draw_card(FONTS, content).png() == written


def test_adler32_combine_is_zlibs() -> None:
    for first, second in ((b"", b"x"), (b"abc", b""), (b"\xff" * 70_000, b"paper" * 30_001), (b"a" * 65_521, b"b" * 65_522)):
        combined = cards.adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second))
        assert combined == zlib.adler32(first + second)


# ---------------------------------------------------------------- long text stays cheap


def count_measurements(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Lengths of every text the card measures from now on."""
    lengths: list[int] = []
    measure = cards.line_width.__wrapped__  # uncached, so every measurement is seen

    def counted(fonts: cards.CardFonts, text: str, lang: str, weight: int, size: int) -> float:
        lengths.append(len(text))
        return measure(fonts, text, lang, weight, size)

    monkeypatch.setattr(cards, "line_width", counted)
    return lengths


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_huge_summary_costs_what_a_short_one_costs(monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    word = {"en": "word", "ar": "كلمة"}[lang]
    sizes = {}
    for words in (300, 4_000_000):  # 4 million words: a 20 MB summary
        summary = Text(" ".join([word] * words), " ".join([word] * words))
        content = cards.card_content(fictional_case(ask=None, summary=summary), lang,
                                     site_name=SITE_NAME[lang], status_label=LABEL[lang])
        assert len(content.ask) < 2_000 and content.ask_cut  # only what can show is kept
        lengths = count_measurements(monkeypatch)
        drawing = cards.draw_card(FONTS, content)
        monkeypatch.undo()
        assert len(drawing.ask_lines) == cards.ASK_MAX_LINES and drawing.ask_lines[-1].endswith(cards.ELLIPSIS)
        # Breaks are found by bisection: a few dozen measurements of line-sized texts,
        # never one a word (the old wrap measured the whole rest once per word dropped).
        assert len(lengths) <= 60 and max(lengths) <= 3 * cards._max_line_chars(cards.ASK_SIZE, cards.CONTENT_WIDTH)
        sizes[words] = (len(lengths), drawing.ask_lines)
    assert sizes[300] == sizes[4_000_000]


def test_one_huge_word_is_cut_by_characters_with_an_ellipsis() -> None:
    drawing = draw(fictional_case(ask=Text("x" * 1_000_000, "ش" * 1_000_000)), "en")
    assert len(drawing.ask_lines) == 1 and drawing.ask_lines[0].endswith(cards.ELLIPSIS)
    assert cards.line_width(FONTS, drawing.ask_lines[0], "en", 400, cards.ASK_SIZE) <= cards.CONTENT_WIDTH


def test_wrapped_lines_are_as_long_as_they_can_be() -> None:
    # Bisection must find the greedy break: one more word never fits on a line.
    text = cards.normalize_text(fictional_case().ask.ar + " " + fictional_case().ask.ar)
    lines = cards.wrap_text(FONTS, text, "ar", weight=400, size=cards.ASK_SIZE, max_width=cards.CONTENT_WIDTH, max_lines=3)
    words = text.split(" ")
    for index, line in enumerate(lines[:-1]):
        next_word = words[len(" ".join(lines[: index + 1]).split(" "))]
        assert cards.line_width(FONTS, line + " " + next_word, "ar", 400, cards.ASK_SIZE) > cards.CONTENT_WIDTH
    assert " ".join(lines[:-1]) == " ".join(words[: len(" ".join(lines[:-1]).split(" "))])


def test_leading_text_keeps_whole_words_and_says_when_it_cut() -> None:
    assert cards.leading_text("  one\u202e two   three ", 100) == ("one two three", False)
    assert cards.leading_text("one two three", 9) == ("one two", True)
    assert cards.leading_text("abcdefghij", 4) == ("abcd", True)
    assert cards.leading_text(" " * 10_000 + "late words", 40) == ("late words", False)


# ---------------------------------------------------------------- cache keys


def case_key(case: Case, lang: str = "en", fonts: cards.CardFonts = FONTS) -> str:
    return cards.card_cache_key(case, lang, fonts=fonts, site_name="Sawt", status_label="Detained")


def test_cache_key_follows_the_summary_a_card_without_ask_shows() -> None:
    without_ask = fictional_case(ask=None)
    base = case_key(without_ask)
    assert case_key(fictional_case(ask=None, summary=Text("Another summary.", "ملخص آخر."))) != base
    # With an ask, the summary is not drawn and does not change the key.
    assert case_key(fictional_case(summary=Text("Another summary.", "ملخص آخر."))) == case_key(fictional_case())


def test_cache_key_ignores_text_beyond_what_the_card_can_show() -> None:
    long = " ".join(f"word{i}" for i in range(2_000))
    base = case_key(fictional_case(ask=Text(long, long)))
    assert case_key(fictional_case(ask=Text(long + " edited", long))) == base  # the end is never drawn
    assert case_key(fictional_case(ask=Text("edited " + long, long))) != base


def test_cache_key_follows_layout_and_font_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = case_key(fictional_case())
    for name, value in (("ASK_SIZE", 35), ("PAPER", (255, 255, 255)), ("NAME_SIZES", (70, 60)), ("INK_LEVELS", 32)):
        with monkeypatch.context() as patch:
            patch.setattr(cards, name, value)
            assert case_key(fictional_case()) != base, name
    # One changed byte in one font file.
    folder = tmp_path / "fonts"
    folder.mkdir()
    for source in FONTS.folder.glob("*.woff2"):
        (folder / source.name).write_bytes(source.read_bytes())
    fonts = cards.CardFonts(folder)
    assert case_key(fictional_case(), fonts=fonts) == base  # same bytes elsewhere: same key
    merged_before = {weight: cards.merged_font_key(fonts, weight) for weight in cards.WEIGHTS}
    changed = fonts.path(cards.LATIN, 700)
    changed.write_bytes(changed.read_bytes() + b"\0")
    assert case_key(fictional_case(), fonts=fonts) != base
    # The merged font of that weight is made again; the other weight's is kept.
    assert cards.merged_font_key(fonts, 700) != merged_before[700]
    assert cards.merged_font_key(fonts, 400) == merged_before[400]


def test_an_unchanged_case_is_not_drawn_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kwargs = dict(fonts=FONTS, site_name=SITE_NAME["ar"], status_label=LABEL["ar"], cache_dir=tmp_path / "cache")
    case = fictional_case(ask=None)
    first = cards.ensure_share_card(case, "ar", out_path=tmp_path / "site/a.png", **kwargs)
    assert first.drawn

    def no_drawing(fonts: cards.CardFonts, content: cards.CardContent) -> cards.CardDrawing:
        raise AssertionError("drawn again")

    monkeypatch.setattr(cards, "draw_card", no_drawing)
    again = cards.ensure_share_card(case, "ar", out_path=tmp_path / "site2/a.png", **kwargs)
    assert not again.drawn and again.path.read_bytes() == first.path.read_bytes()
    with pytest.raises(AssertionError, match="drawn again"):
        cards.ensure_share_card(fictional_case(ask=None, pseudonym=False), "ar", out_path=tmp_path / "b.png", **kwargs)


def test_a_cards_input_key_covers_every_field_it_draws(monkeypatch: pytest.MonkeyPatch) -> None:
    """The key an unchanged case finds its card by without measuring its text: any drawn
    field, the language, the site's name, the label, the renderer changes it; nothing else does."""
    def key(case: Case = fictional_case(), lang: str = "en", site: str = "Sawt", label: str = "Detained") -> str:
        return cards.share_card_input_key(case, lang, fonts=FONTS, site_name=site, status_label=label)

    base = key()
    variants = {
        key(lang="ar"), key(site="Other"), key(label="Held"),
        key(fictional_case(name=Text("Other Person", "شخص آخر"))),
        key(fictional_case(ask=Text("Other ask", "مطلب آخر"))),
        key(fictional_case(ask=None)),
        key(fictional_case(pseudonym=False)),
        key(fictional_case(status="released")),
    }
    assert base not in variants and len(variants) == 8
    assert key(fictional_case(slug="another-slug", events=())) == base
    # Without an ask the summary is drawn: then, and only then, it is part of the key.
    assert key(fictional_case(summary=Text("Other", "آخر"))) == base
    assert key(fictional_case(ask=None, summary=Text("Other", "آخر"))) != key(fictional_case(ask=None))
    monkeypatch.setattr(cards, "RENDERER_VERSION", "test-bump")
    assert key() != base


def test_a_rebuild_finds_an_unchanged_cards_file_without_measuring_its_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kwargs = dict(fonts=FONTS, site_name=SITE_NAME["ar"], status_label=LABEL["ar"], cache_dir=tmp_path / "cache")
    case = fictional_case(ask=None)
    first = cards.ensure_share_card(case, "ar", out_path=tmp_path / "site/a.png", **kwargs)
    monkeypatch.setattr(cards, "card_content", lambda *a, **k: pytest.fail("measured again"))
    again = cards.ensure_share_card(case, "ar", out_path=tmp_path / "site2/a.png", **kwargs)
    assert not again.drawn and again.key == first.key and again.path.read_bytes() == first.path.read_bytes()
