"""Share-card benchmark: N fictional cases with realistic long summaries, cold and cached.

    .venv/bin/python bench/cards_bench.py [N]      (default: 1000; keep N <= 1000 on this machine)

Draws every card in both languages in one process with an empty cache, then again
with the cache filled (nothing may be redrawn), and prints milliseconds per card,
wall and CPU (CPU time is what others' load on a shared machine leaves out); then
once more cold on every core, as a build draws them.
About 40% of the cases have no `ask`, so their card falls back to a summary of
~300 words a language (the case the quadratic wrap made slow). Then a few single
cards with very long summaries (4,000 words, 20 MB), which must stay fast.
Every person here is invented (bench/synthetic_site.py's name lists).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from bench.synthetic_site import AGENCIES, EVENTS, JOBS, PLACES, fictional_cases
from sawt.config import load_site_config
from sawt.data.model import LANGS, Case, Text
from sawt.dates import status_label
from sawt.outputs.cards import FONT_CACHE_DIR, WEIGHTS, CardFonts, ensure_share_card, merged_font_bytes, merged_font_key

CONFIG = load_site_config(Path(__file__).resolve().parent.parent / "mkdocs.yml")
SITE_NAMES = CONFIG.site_names
FONTS = CardFonts(CONFIG.font_dir)
SUMMARY_WORDS = 300
WITHOUT_ASK = 0.4


def long_summary(rng: random.Random, words: int) -> Text:
    """Fictional sentences in both languages until each has about `words` words."""
    en: list[str] = ["This is a fictional case made for benchmarks; this person does not exist."]
    ar: list[str] = ["هذه حالة خيالية أُنشئت لاختبار الأداء، وهذا الشخص غير موجود."]
    while sum(len(s.split()) for s in en) < words or sum(len(s.split()) for s in ar) < words:
        template, place, agency, job = rng.choice(EVENTS), rng.choice(PLACES), rng.choice(AGENCIES), rng.choice(JOBS)
        year = rng.randint(2011, 2024)
        en.append(f"In {year} he was {template[0].format(place=place[0], agency=agency[0])}; "
                  f"before that he worked as {job[0]} in {place[0]} for {rng.randint(2, 19)} years.")
        ar.append(f"في عام {year} {template[1].format(place=place[1], agency=agency[1])}، "
                  f"وكان قبل ذلك يعمل {job[1]} في {place[1]} منذ {rng.randint(2, 19)} سنوات.")
    return Text(" ".join(en), " ".join(ar))


def bench_cases(n: int, seed: int = 0) -> list[Case]:
    rng = random.Random(seed)
    cases = []
    for fictional in fictional_cases(n, seed):
        has_ask = rng.random() >= WITHOUT_ASK
        cases.append(Case(
            slug=fictional.slug,
            name=Text(fictional.name_en, fictional.name_ar),
            status=fictional.status,
            summary=long_summary(rng, SUMMARY_WORDS),
            ask=Text(f"Release {fictional.name_en} and disclose where he is held.",
                     f"نطالب بالإفراج عن {fictional.name_ar} والكشف عن مكان احتجازه.") if has_ask else None,
            pseudonym=rng.random() < 0.2,
        ))
    return cases


def draw_all(cases: list[Case], out: Path, cache: Path | None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of this process (others' load on a shared machine aside), cards drawn."""
    start, cpu_start = time.perf_counter(), time.process_time()
    drawn = 0
    for case in cases:
        for lang in LANGS:
            result = ensure_share_card(case, lang, fonts=FONTS, site_name=SITE_NAMES[lang], status_label=status_label(case.status, lang),
                                       out_path=out / lang / f"{case.slug}.png", cache_dir=cache)
            drawn += result.drawn
    return time.perf_counter() - start, time.process_time() - cpu_start, drawn


def main(n: int) -> None:
    cases = bench_cases(n)
    without_ask = sum(case.ask is None for case in cases)
    print(f"{n} fictional cases, {2 * n} cards; {without_ask} cases show a ~{SUMMARY_WORDS}-word summary")
    start = time.perf_counter()
    merged = [weight for weight in WEIGHTS if not (FONT_CACHE_DIR / f"{merged_font_key(FONTS, weight)}-{weight}.ttf").is_file()]
    for weight in WEIGHTS:
        merged_font_bytes(FONTS, weight)
    print(f"card fonts: {time.perf_counter() - start:.2f} s "
          f"({'merged now, once per machine' if merged else 'read from ' + str(FONT_CACHE_DIR)})")
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        cold, cold_cpu, drawn = draw_all(cases, Path(tmp) / "out-cold", cache)
        warm, warm_cpu, redrawn = draw_all(cases, Path(tmp) / "out-warm", cache)
        size = sum(p.stat().st_size for p in (Path(tmp) / "out-cold").rglob("*.png"))
        print(f"{'':>8} {'wall s':>7} {'ms/card':>8} {'CPU ms/card':>12} {'drawn':>6}")
        for label, wall, cpu, count in (("cold", cold, cold_cpu, drawn), ("cached", warm, warm_cpu, redrawn)):
            print(f"{label:>8} {wall:>7.2f} {1000 * wall / (2 * n):>8.2f} {1000 * cpu / (2 * n):>12.2f} {count:>6}")
        print(f"mean PNG size: {size / drawn / 1024:.1f} KiB")
        # As a build draws a large archive's cards: one worker process a core (forked
        # after the fonts are loaded, so they are shared).
        workers = os.cpu_count() or 1
        start = time.perf_counter()
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            chunks = [cases[i::workers] for i in range(workers)]
            pooled = sum(count for _, _, count in pool.map(draw_all, chunks, [Path(tmp) / "out-pool"] * workers,
                                                           [Path(tmp) / "cache-pool"] * workers))
        wall = time.perf_counter() - start
        print(f"cold, {workers} processes: {wall:.2f} s wall, {1000 * wall / (2 * n):.2f} ms a card ({pooled} drawn)")

        rng = random.Random(1)
        huge = Text("word " * 4_000_000, "كلمة " * 4_000_000)  # 20 MB a language
        for label, summary in (("4,000 words", long_summary(rng, 4000)), ("20 MB", huge)):
            case = Case(slug="long", name=Text("Long Summary", "ملخص طويل"), status="detained", summary=summary)
            seconds, cpu, _ = draw_all([case], Path(tmp) / "out-long", None)
            print(f"one case, {label} summary: {1000 * seconds / 2:.1f} ms a card ({1000 * cpu / 2:.1f} ms CPU)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
