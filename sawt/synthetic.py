"""Plainly fictional archives for benchmarks and tests.

Every person generated here is called "Test Person NNNN" / "شخص تجريبي ٠٠٠١"
and every summary says it is fictional, so a synthetic archive can never be
mistaken for, or leak into, the real one. The output is deterministic for a
given (n, seed).
"""

from __future__ import annotations

import random
from pathlib import Path

from .dates import EVENT_TYPES
from .model import STATUSES

_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_SOURCE_COUNT = 20
_PLACES = [
    ("Test Town A", "بلدة تجريبية أ"),
    ("Test Town B", "بلدة تجريبية ب"),
    ("Test Checkpoint C", "حاجز تجريبي ج"),
    ("Test Branch D", "فرع تجريبي د"),
]


def _q(text: str) -> str:
    """A YAML double-quoted string (our texts contain no quotes or backslashes)."""
    return '"' + text + '"'


def _text(en: str, ar: str) -> str:
    return "{en: " + _q(en) + ", ar: " + _q(ar) + "}"


def _date(rng: random.Random) -> str:
    year = rng.randint(2011, 2024)
    precision = rng.random()
    if precision < 0.15:
        return _q(str(year))
    month = rng.randint(1, 12)
    if precision < 0.35:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def _case_yaml(number: int, rng: random.Random) -> str:
    tag = f"{number:04d}"
    tag_ar = tag.translate(_ARABIC_DIGITS)
    lines = [
        "# Synthetic test data: this person does not exist.",
        f"name: {_text(f'Test Person {tag}', f'شخص تجريبي {tag_ar}')}",
        f"status: {rng.choice(STATUSES)}",
        f"pseudonym: {'true' if rng.random() < 0.2 else 'false'}",
        "summary:",
        f"  en: {_q(f'Fictional test case {tag}, generated for benchmarks. This person does not exist.')}",
        f"  ar: {_q(f'حالة تجريبية خيالية رقم {tag_ar} أُنشئت لاختبار الأداء. هذا الشخص غير موجود.')}",
    ]
    if rng.random() < 0.5:
        lines.append(f"aliases: [{_q(f'T. Person {tag}')}]")
    if rng.random() < 0.6:
        lines.append(f"ask: {_text('Fictional ask: release the test person.', 'مطلب خيالي: الإفراج عن الشخص التجريبي.')}")
    sources = sorted({f"test-source-{rng.randint(1, _SOURCE_COUNT):02d}" for _ in range(rng.randint(1, 2))})
    lines.append("events:")
    for _ in range(rng.randint(1, 5)):
        place = rng.choice(_PLACES)
        lines += [
            f"  - date: {_date(rng)}",
            f"    type: {rng.choice(EVENT_TYPES)}",
            f"    place: {_text(*place)}",
            f"    text: {_text('A fictional event for testing.', 'حدث خيالي لأغراض الاختبار.')}",
            f"    source: {rng.choice(sources)}",
        ]
    lines.append("sources:")
    lines += [f"  - {s}" for s in sources]
    roll = rng.random()
    if roll < 0.02:
        lines.append("publish: false")
    elif roll < 0.04:
        lines.append("embargo_until: 2999-01-01")
    if rng.random() < 0.05:
        lines.append("private: {note: 'fictional private note'}")
    return "\n".join(lines) + "\n"


def write_synthetic_archive(data_dir: Path, n: int, seed: int = 0) -> Path:
    """Write `n` fictional cases plus sources, figures and context events under `data_dir`.

    Returns `data_dir`. Cases are data_dir/cases/test-person-0001.yml ...; about
    2% are `publish: false` and 2% embargoed, so privacy paths are exercised too.
    """
    rng = random.Random(seed)
    data_dir = Path(data_dir)
    cases_dir = data_dir / "cases"
    cases_dir.mkdir(parents=True, exist_ok=True)
    for number in range(1, n + 1):
        (cases_dir / f"test-person-{number:04d}.yml").write_text(_case_yaml(number, rng), encoding="utf-8")

    sources = []
    for i in range(1, _SOURCE_COUNT + 1):
        sources += [
            f"- id: test-source-{i:02d}",
            f"  title: {_q(f'Fictional test report {i}')}",
            '  publisher: "Test Publisher (fictional)"',
            f"  date: 2024-{(i % 12) + 1:02d}",
            "  language: en",
        ]
    (data_dir / "sources.yml").write_text("\n".join(sources) + "\n", encoding="utf-8")

    figures = [
        "- id: test-figure",
        f"  value: {rng.randint(100, 5000)}",
        f"  what: {_text('Fictional people counted for testing', 'أشخاص خياليون يُعدّون لأغراض الاختبار')}",
        "  source: test-source-01",
    ]
    (data_dir / "figures.yml").write_text("\n".join(figures) + "\n", encoding="utf-8")

    events = []
    for year in (2019, 2021, 2023):
        events += [
            f"- date: {year}-06",
            f"  text: {_text(f'Fictional context event of {year}.', f'حدث عام خيالي من عام {year}.')}",
            "  source: test-source-02",
        ]
    (data_dir / "events.yml").write_text("\n".join(events) + "\n", encoding="utf-8")
    return data_dir
