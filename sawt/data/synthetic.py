"""Plainly fictional archives for benchmarks and tests.

Every person generated here is called "Test Person NNNN" / "شخص تجريبي ٠٠٠١"
and every summary says it is fictional, so a synthetic archive can never be
mistaken for, or leak into, the real one. The output is deterministic for a
given (n, seed).
"""

from __future__ import annotations

import random
from pathlib import Path

from sawt.data.model import STATUSES
from sawt.dates import EVENT_TYPES

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


#: Sentences of a long fictional summary, as realistic in length and shape as a real one
#: (places, agencies, dates, a family waiting), and never about a real person.
_LONG_SENTENCES = [
    ("{who} worked in {place} before the war and moved to Test Town B with the family in 2014.",
     "عمل {who} في {place} قبل الحرب وانتقل مع عائلته إلى بلدة تجريبية ب عام 2014."),
    ("Relatives say a patrol of the Test Agency stopped the car at {place} and took the documents.",
     "يقول أقاربه إن دورية من الجهاز التجريبي أوقفت السيارة في {place} وأخذت الأوراق."),
    ("For months the family asked at every branch and was told nothing about where the person was held.",
     "سألت العائلة طوال أشهر في كل فرع ولم تُخبَر بشيء عن مكان الاحتجاز."),
    ("A former detainee later said they had seen the person in a crowded cell in {place}.",
     "قال معتقل سابق لاحقاً إنه رأى الشخص في زنزانة مكتظة في {place}."),
    ("No charge was ever shown to a lawyer, and no court date was set.",
     "لم تُعرض أي تهمة على محامٍ، ولم يُحدَّد أي موعد لمحاكمة."),
    ("The children, now at school in Test Town A, still wait for news every week.",
     "ما زال الأطفال، وهم اليوم في مدرسة في بلدة تجريبية أ، ينتظرون الأخبار كل أسبوع."),
]


def _long_summary(who: tuple[str, str], words: int, rng: random.Random) -> tuple[str, str]:
    """About `words` words a language, in paragraphs of three sentences; fictional."""
    english: list[str] = []
    arabic: list[str] = []
    count = 0
    while count < words:
        en, ar = rng.choice(_LONG_SENTENCES)
        place = rng.choice(_PLACES)
        english.append(en.format(who=who[0], place=place[0]))
        arabic.append(ar.format(who=who[1], place=place[1]))
        count += len(english[-1].split())
    def paragraphs(sentences: list[str]) -> str:
        return "\\n\\n".join(" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3))
    return paragraphs(english) + " This person does not exist.", paragraphs(arabic) + " هذا الشخص غير موجود."


def _case_yaml(number: int, rng: random.Random, summary_words: int = 0) -> str:
    tag = f"{number:04d}"
    tag_ar = tag.translate(_ARABIC_DIGITS)
    if summary_words:
        summary_en, summary_ar = _long_summary((f"Test Person {tag}", f"الشخص التجريبي {tag_ar}"), summary_words,
                                               random.Random(number))
    else:
        summary_en = f"Fictional test case {tag}, generated for benchmarks. This person does not exist."
        summary_ar = f"حالة تجريبية خيالية رقم {tag_ar} أُنشئت لاختبار الأداء. هذا الشخص غير موجود."
    lines = [
        "# Synthetic test data: this person does not exist.",
        f"name: {_text(f'Test Person {tag}', f'شخص تجريبي {tag_ar}')}",
        f"status: {rng.choice(STATUSES)}",
        f"pseudonym: {'true' if rng.random() < 0.2 else 'false'}",
        "summary:",
        f"  en: {_q(summary_en)}",
        f"  ar: {_q(summary_ar)}",
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


def write_synthetic_archive(data_dir: Path, n: int, seed: int = 0, *, summary_words: int = 0) -> Path:
    """Write `n` fictional cases plus sources, figures and context events under `data_dir`.

    Returns `data_dir`. Cases are data_dir/cases/test-person-0001.yml ...; about
    2% are `publish: false` and 2% embargoed, so privacy paths are exercised too.
    `summary_words` > 0 gives each summary about that many words a language (a
    benchmark's realistic length); 0 keeps them one line.
    """
    rng = random.Random(seed)
    data_dir = Path(data_dir)
    cases_dir = data_dir / "cases"
    cases_dir.mkdir(parents=True, exist_ok=True)
    for number in range(1, n + 1):
        (cases_dir / f"test-person-{number:04d}.yml").write_text(_case_yaml(number, rng, summary_words), encoding="utf-8")

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
