"""Share-card benchmark: the sample's cases and N fictional ones, cold and cached.

    .venv/bin/python bench/cards_bench.py [N]      (default: 1000)

Prints seconds for drawing every card in both languages with an empty cache, and
again with the cache filled (nothing redrawn). Fictional cases are made here.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sawt.cards import ensure_share_card
from sawt.dates import status_label
from sawt.load import load_archive
from sawt.model import LANGS
from sawt.site import SITE_NAMES
from sawt.synthetic import write_synthetic_archive

ROOT = Path(__file__).resolve().parent.parent


def draw_all(cases, out: Path, cache: Path) -> tuple[float, int]:
    start = time.perf_counter()
    drawn = 0
    for case in cases:
        for lang in LANGS:
            result = ensure_share_card(case, lang, site_name=SITE_NAMES[lang], status_label=status_label(case.status, lang),
                                       out_path=out / lang / f"{case.slug}.png", cache_dir=cache)
            drawn += result.drawn
    return time.perf_counter() - start, drawn


def main(n: int) -> None:
    sample = load_archive(ROOT / "data", today=date.today()).cases
    with tempfile.TemporaryDirectory() as tmp:
        write_synthetic_archive(Path(tmp) / "data", n, 0)
        synthetic = load_archive(Path(tmp) / "data", today=date.today()).cases
        print(f"{'archive':>24} {'cards':>6} {'cold s':>7} {'cached s':>9} {'redrawn':>8}")
        for label, cases in (("sample", sample), (f"{len(synthetic)} fictional cases", synthetic)):
            cache = Path(tmp) / f"cache-{label}"
            cold, _ = draw_all(cases, Path(tmp) / "out-cold", cache)
            warm, redrawn = draw_all(cases, Path(tmp) / "out-warm", cache)
            print(f"{label:>24} {2 * len(cases):>6} {cold:>7.2f} {warm:>9.2f} {redrawn:>8}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
