"""Fictional case archives for the search benchmark, as built pages or as a MkDocs project.

Every person here is invented: names are random pairings from common-name
lists, and every summary says the case is fictional. The output is
deterministic for a given (n, seed). Two shapes:

* write_html_site(): pages shaped like Sawt's Material output, written directly
  (seconds for 10,000 cases per language);
* write_mkdocs_project(): the same cases as Markdown in a Material + i18n
  project, to time a real MkDocs build next to the indexing.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass
from pathlib import Path

FIRST = [
    ("أحمد", "Ahmad"), ("محمد", "Mohammad"), ("خالد", "Khaled"), ("عمر", "Omar"), ("يوسف", "Youssef"),
    ("مصطفى", "Mustafa"), ("حسن", "Hassan"), ("علي", "Ali"), ("إبراهيم", "Ibrahim"), ("سامر", "Samer"),
    ("مريم", "Mariam"), ("فاطمة", "Fatima"), ("رنا", "Rana"), ("لينا", "Lina"), ("هبة", "Hiba"),
    ("نور", "Nour"), ("عبد الله", "Abdullah"), ("طارق", "Tareq"), ("ماهر", "Maher"), ("وليد", "Walid"),
    ("زينب", "Zeinab"), ("سلمى", "Salma"), ("جمال", "Jamal"), ("رامي", "Rami"), ("باسل", "Basel"),
    ("صالح", "Saleh"), ("نمر", "Nemer"), ("أنس", "Anas"), ("عائشة", "Aisha"), ("إياد", "Iyad"),
    ("غسان", "Ghassan"), ("منى", "Mona"), ("هادي", "Hadi"), ("ياسر", "Yasser"), ("قصي", "Qusai"),
]
FAMILY = [
    ("الحمصي", "al-Homsi"), ("الحلبي", "al-Halabi"), ("درويش", "Darwish"), ("السمر", "al-Samar"),
    ("العلي", "al-Ali"), ("حداد", "Haddad"), ("الخطيب", "al-Khatib"), ("قاسم", "Qassem"),
    ("المصري", "al-Masri"), ("الشامي", "al-Shami"), ("النجار", "al-Najjar"), ("عثمان", "Othman"),
    ("الأحمد", "al-Ahmad"), ("إدريس", "Idris"), ("الزعبي", "al-Zoubi"), ("الحوراني", "al-Hourani"),
    ("البيطار", "al-Bitar"), ("العمر", "al-Omar"), ("السيد", "al-Sayed"), ("الرفاعي", "al-Rifai"),
    ("الإدلبي", "al-Idlibi"), ("الدرعاوي", "al-Daraawi"), ("القلموني", "al-Qalamouni"), ("الديري", "al-Deiri"),
    ("الحسن", "al-Hassan"), ("يونس", "Younes"), ("سليمان", "Suleiman"), ("موسى", "Moussa"),
    ("شحادة", "Shehadeh"), ("بركات", "Barakat"),
]
STATUSES = [
    ("at-risk", "At risk", "معرّض للخطر"), ("detained", "Detained", "محتجز"),
    ("disappeared", "Disappeared", "مختفٍ قسرًا"), ("deported", "Deported", "مُرحَّل"),
    ("released", "Released", "أُفرج عنه"), ("died-in-custody", "Died in custody", "توفي في الاحتجاز"),
]
PLACES = [
    ("Arsal", "عرسال"), ("Tripoli", "طرابلس"), ("Beirut", "بيروت"), ("the Masnaa crossing", "معبر المصنع"),
    ("Saida", "صيدا"), ("Baalbek", "بعلبك"), ("Akkar", "عكار"), ("Zahle", "زحلة"), ("Homs", "حمص"),
    ("Damascus", "دمشق"), ("Daraa", "درعا"), ("Idlib", "إدلب"), ("Hama", "حماة"), ("Aleppo", "حلب"),
]
AGENCIES = [
    ("General Security", "الأمن العام"), ("Military Intelligence", "المخابرات العسكرية"),
    ("Air Force Intelligence", "المخابرات الجوية"), ("the Lebanese Army", "الجيش اللبناني"),
    ("State Security", "أمن الدولة"), ("Political Security", "الأمن السياسي"),
]
JOBS = [
    ("a teacher", "معلّم"), ("a nurse", "ممرّض"), ("a defector from the army", "منشقّ عن الجيش"),
    ("a student", "طالب"), ("a journalist", "صحفي"), ("a farmer", "مزارع"), ("a lawyer", "محامٍ"),
    ("a mechanic", "ميكانيكي"), ("a pharmacist", "صيدلاني"), ("a volunteer paramedic", "مسعف متطوع"),
]
EVENTS = [
    ("arrested at a checkpoint in {place} by {agency}", "اعتُقل على حاجز في {place} على يد {agency}"),
    ("transferred to a detention centre run by {agency}", "نُقل إلى مركز احتجاز تابع لـ{agency}"),
    ("handed over at {place} after a deportation order", "سُلِّم في {place} بعد قرار ترحيل"),
    ("interrogated about his family in {place}", "استُجوب عن عائلته في {place}"),
    ("seen by a fellow detainee in {place}", "شاهده معتقل آخر في {place}"),
    ("family received no news after the raid in {place}", "لم تتلقَّ العائلة أي خبر بعد المداهمة في {place}"),
]


@dataclass(frozen=True)
class FictionalCase:
    slug: str
    name_en: str
    name_ar: str
    aliases: tuple[str, ...]
    status: str
    status_en: str
    status_ar: str
    summary_en: str
    summary_ar: str
    events: tuple[tuple[str, str, str], ...]  # (date, en, ar)


def fictional_cases(n: int, seed: int = 0) -> list[FictionalCase]:
    rng = random.Random(seed)
    cases = []
    for number in range(1, n + 1):
        first, middle, family = rng.choice(FIRST), rng.choice(FIRST), rng.choice(FAMILY)
        name_ar = f"{first[0]} {middle[0]} {family[0]}"
        name_en = f"{first[1]} {middle[1]} {family[1]}"
        status, status_en, status_ar = rng.choice(STATUSES)
        job, place, agency = rng.choice(JOBS), rng.choice(PLACES), rng.choice(AGENCIES)
        year = rng.randint(2011, 2024)
        events = []
        for _ in range(rng.randint(1, 5)):
            template, where, who = rng.choice(EVENTS), rng.choice(PLACES), rng.choice(AGENCIES)
            date = f"{rng.randint(2011, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            events.append((date, template[0].format(place=where[0], agency=who[0]),
                           template[1].format(place=where[1], agency=who[1])))
        cases.append(FictionalCase(
            slug=f"fictional-{number:05d}",
            name_en=name_en,
            name_ar=name_ar,
            aliases=(f"{first[1]} {family[1]}", f"{first[0]} {family[0]}") if rng.random() < 0.5 else (),
            status=status,
            status_en=status_en,
            status_ar=status_ar,
            summary_en=(f"Fictional case {number} for benchmarks: {job[0]} from {place[0]}, "
                        f"arrested by {agency[0]} in {year}. This person does not exist."),
            summary_ar=(f"حالة خيالية رقم {number} لاختبار الأداء: {job[1]} من {place[1]}، "
                        f"اعتقله {agency[1]} عام {year}. هذا الشخص غير موجود."),
            events=tuple(sorted(events)),
        ))
    return cases


def case_header_html(case: FictionalCase, lang: str) -> str:
    """The case header as the renderer writes it (with data-sawt-aliases)."""
    other_lang = "en" if lang == "ar" else "ar"
    other_name = case.name_en if lang == "ar" else case.name_ar
    label = case.status_ar if lang == "ar" else case.status_en
    summary = case.summary_ar if lang == "ar" else case.summary_en
    direction = "rtl" if other_lang == "ar" else "ltr"
    return (
        f'<div class="sawt-case sawt-case--{case.status}" data-sawt-case="{case.slug}" '
        f'data-sawt-aliases="{html.escape("|".join(case.aliases), quote=True)}">\n'
        f'<p class="sawt-case__other-name"><bdi lang="{other_lang}" dir="{direction}">{html.escape(other_name)}</bdi></p>\n'
        f'<p class="sawt-case__status"><span class="sawt-status sawt-status--{case.status}">{html.escape(label)}</span></p>\n'
        f'<p class="sawt-case__summary">{html.escape(summary)}</p>\n'
        "</div>\n"
    )


def _timeline_html(case: FictionalCase, lang: str) -> str:
    title = "التسلسل الزمني" if lang == "ar" else "Timeline"
    items = "".join(
        f'<li><time datetime="{date}">{date}</time>: {html.escape(ar if lang == "ar" else en)}</li>'
        for date, en, ar in case.events
    )
    return f'<h2 id="timeline">{title}<a class="headerlink" href="#timeline">#</a></h2>\n<ol>{items}</ol>\n'


def _mention_html(cases: list[FictionalCase], lang: str) -> str:
    if lang == "ar":
        lines = [f"<p>ومن بين من وثّقنا حالاتهم {c.name_ar}، الذي {c.events[0][2]}.</p>" for c in cases]
    else:
        lines = [f"<p>Among the cases we documented is {c.name_en}, who was {c.events[0][1]}.</p>" for c in cases]
    return "\n".join(lines)


def _material_page(url: str, lang: str, title: str, body: str) -> str:
    """A page shaped like Material's output (header, nav, article, footer, scripts)."""
    depth = len([p for p in url.strip("/").split("/") if p])
    root = "../" * depth if depth else "./"
    direction = "rtl" if lang == "ar" else "ltr"
    nav = "".join(f'<li class="md-nav__item"><a class="md-nav__link" href="{root}{s}/">{s}</a></li>'
                  for s in ("cases", "appeals", "reports", "news", "figures", "about"))
    return f"""<!doctype html>
<html lang="{lang}" dir="{direction}" class="no-js">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(title)} - Sawt</title>
<link rel="stylesheet" href="{root}assets/css/sawt-search.css"></head>
<body dir="{direction}">
<header class="md-header" data-md-component="header"><nav class="md-header__inner md-grid">
<a href="{root}" class="md-header__button md-logo">Sawt</a>
<div class="md-header__option sawt-search" data-sawt-search></div></nav></header>
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">
<div class="md-sidebar md-sidebar--primary"><nav class="md-nav md-nav--primary"><ul class="md-nav__list">{nav}</ul></nav></div>
<div class="md-content" data-md-component="content">
<article class="md-content__inner md-typeset">
<h1 id="title">{html.escape(title)}<a class="headerlink" href="#title">#</a></h1>
{body}
</article></div></div></main>
<footer class="md-footer"><div class="md-footer-meta">Sawt</div></footer></div>
<script src="{root}assets/js/sawt-search.js" defer></script>
</body></html>
"""


def write_html_site(site: Path, cases: list[FictionalCase], *, assets: Path, mentions: int = 200, seed: int = 0) -> Path:
    """Write Material-shaped pages for `cases` in both languages, plus `mentions`
    report pages per language that each mention a few cases by name."""
    import shutil

    rng = random.Random(seed + 1)
    site.mkdir(parents=True, exist_ok=True)
    (site / "assets" / "js").mkdir(parents=True, exist_ok=True)
    (site / "assets" / "css").mkdir(parents=True, exist_ok=True)
    shutil.copy2(assets / "js" / "sawt-search.js", site / "assets" / "js" / "sawt-search.js")
    shutil.copy2(assets / "css" / "sawt-search.css", site / "assets" / "css" / "sawt-search.css")

    def write(url: str, page: str) -> None:
        target = site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")

    for lang, prefix in (("en", ""), ("ar", "/ar")):
        write(f"{prefix}/", _material_page(f"{prefix}/", lang, "Sawt" if lang == "en" else "صوت",
                                           "<p>An archive of fictional cases.</p>" if lang == "en" else "<p>أرشيف حالات خيالية.</p>"))
        for case in cases:
            url = f"{prefix}/cases/{case.slug}/"
            title = case.name_ar if lang == "ar" else case.name_en
            write(url, _material_page(url, lang, title, case_header_html(case, lang) + _timeline_html(case, lang)))
        for number in range(1, mentions + 1):
            url = f"{prefix}/news/fictional-report-{number:04d}/"
            title = f"تقرير خيالي {number}" if lang == "ar" else f"Fictional report {number}"
            write(url, _material_page(url, lang, title, _mention_html(rng.sample(cases, min(12, len(cases))), lang)))
    return site


def write_mkdocs_project(project: Path, cases: list[FictionalCase], *, assets: Path, mentions: int = 200, seed: int = 0) -> Path:
    """The same archive as a Material + mkdocs-static-i18n project (cases not in the nav)."""
    import shutil

    rng = random.Random(seed + 1)
    docs = project / "docs"
    for lang in ("en", "ar"):
        (docs / lang / "cases").mkdir(parents=True, exist_ok=True)
        (docs / lang / "news").mkdir(parents=True, exist_ok=True)
        (docs / lang / "index.md").write_text("# Sawt\n\nFictional archive.\n" if lang == "en" else "# صوت\n\nأرشيف خيالي.\n",
                                              encoding="utf-8")
        for case in cases:
            title = case.name_ar if lang == "ar" else case.name_en
            timeline = "\n".join(f"- {date}: {ar if lang == 'ar' else en}" for date, en, ar in case.events)
            heading = "التسلسل الزمني" if lang == "ar" else "Timeline"
            (docs / lang / "cases" / f"{case.slug}.md").write_text(
                f"# {title}\n\n{case_header_html(case, lang)}\n## {heading} {{ #timeline }}\n\n{timeline}\n", encoding="utf-8")
        for number in range(1, mentions + 1):
            title = f"تقرير خيالي {number}" if lang == "ar" else f"Fictional report {number}"
            body = _mention_html(rng.sample(cases, min(12, len(cases))), lang)
            (docs / lang / "news" / f"fictional-report-{number:04d}.md").write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    (docs / "assets" / "js").mkdir(parents=True, exist_ok=True)
    (docs / "assets" / "css").mkdir(parents=True, exist_ok=True)
    shutil.copy2(assets / "js" / "sawt-search.js", docs / "assets" / "js" / "sawt-search.js")
    shutil.copy2(assets / "css" / "sawt-search.css", docs / "assets" / "css" / "sawt-search.css")
    (project / "overrides" / "partials").mkdir(parents=True, exist_ok=True)
    (project / "overrides" / "partials" / "header.html").write_text(header_with_search_slot(), encoding="utf-8")
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return project


SEARCH_SLOT = '<div class="md-header__option sawt-search" data-sawt-search></div>'


def header_with_search_slot() -> str:
    """Material's header partial with its search (plugin-only) block replaced by
    Sawt's search slot: the change the site's own overrides/partials/header.html makes."""
    import re

    import material

    source = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text(encoding="utf-8")
    block = re.compile(r'\{% if "material/search" in config\.plugins %\}.*?\{% endif %\}\s*\{% endif %\}', re.DOTALL)
    replaced, count = block.subn(SEARCH_SLOT, source)
    if count != 1:
        raise RuntimeError("Material's header partial changed: cannot find its search block")
    return replaced


MKDOCS_YML = """site_name: Sawt bench
site_url: http://127.0.0.1:8000/
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  custom_dir: overrides
  language: en
  font: false
extra_css: [assets/css/sawt-search.css]
extra_javascript: [assets/js/sawt-search.js]
plugins:
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: false
      languages:
        - {locale: en, name: English, default: true, build: true}
        - {locale: ar, name: العربية, build: true}
markdown_extensions: [attr_list, md_in_html, {toc: {permalink: "#"}}]
nav:
  - Home: index.md
"""
