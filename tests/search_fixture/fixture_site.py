"""A small built site shaped like Sawt's MkDocs + Material output, for the search tests.

Pages are written the way the real build writes them: <html lang dir>, the
Material header with the search slot, the article in `article.md-content__inner`
with heading permalinks, the privacy meta tags (CSP) of sawt.outputs.htmlpost, and the
search script and stylesheet copied from overrides/assets. The search pairs of
sawt/outputs/search/pairs.json each get a page of their own.
"""

from __future__ import annotations

import html
import shutil
from dataclasses import dataclass
from pathlib import Path

from sawt.outputs.htmlpost import with_privacy_meta
from sawt.outputs.search.text import search_pairs

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "overrides" / "assets"

CASE_URL = {"en": "/cases/saleh-al-samar/", "ar": "/ar/cases/saleh-al-samar/"}
OTHER_CASE_URL = {"en": "/cases/mariam-haddad/", "ar": "/ar/cases/mariam-haddad/"}
MENTION_URL = {"en": "/reports/returns-2023/", "ar": "/ar/reports/returns-2023/"}
NOT_FOUND_WORD = {"en": "misplacedpage", "ar": "الضائعة"}


@dataclass(frozen=True)
class PairPage:
    query: str
    text: str
    rule: str
    lang: str
    url: str


def _relative_root(url: str) -> str:
    depth = len([part for part in url.strip("/").split("/") if part])
    return "../" * depth if depth else "./"


def _page(url: str, lang: str, title: str, body: str, *, extra_head: str = "") -> str:
    direction = "rtl" if lang == "ar" else "ltr"
    root = _relative_root(url)
    slug = "page-title"
    return with_privacy_meta(
        f"""<!doctype html>
<html lang="{lang}" dir="{direction}" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(title)}</title>
<link rel="stylesheet" href="{root}assets/css/sawt-search.css">
<style>.md-header{{background:#7a1f1f;color:#fff;padding:.4rem}}.md-header__inner{{display:flex;align-items:center;gap:1rem}}.md-header a{{color:#fff}}</style>
{extra_head}
</head>
<body dir="{direction}">
<header class="md-header" data-md-component="header">
  <nav class="md-header__inner md-grid" aria-label="Header">
    <a href="{root}" class="md-header__button md-logo">Sawt</a>
    <div class="md-header__title"><span class="md-ellipsis">{html.escape(title)}</span></div>
    <div class="md-header__option sawt-search" data-sawt-search></div>
  </nav>
</header>
<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">
<nav class="md-nav">navigation صفحة التنقل not indexed</nav>
<div class="md-content" data-md-component="content">
<article class="md-content__inner md-typeset">
<h1 id="{slug}">{html.escape(title)}<a class="headerlink" href="#{slug}" title="Permanent link">#</a></h1>
{body}
</article>
</div></div></main></div>
<footer class="md-footer">footer text الحاشية not indexed</footer>
<script src="{root}assets/js/sawt-search.js" defer></script>
</body>
</html>
""")


def _case_header(slug: str, status: str, label: str, other_name: str, other_lang: str, aliases: list[str], summary: str) -> str:
    """The case header as sawt/templates/case_header.html.j2 writes it, plus data-sawt-aliases."""
    direction = "rtl" if other_lang == "ar" else "ltr"
    return (
        f'<div class="sawt-case sawt-case--{status}" data-sawt-case="{slug}" '
        f'data-sawt-aliases="{html.escape("|".join(aliases), quote=True)}">\n'
        f'<p class="sawt-case__other-name"><bdi lang="{other_lang}" dir="{direction}">{html.escape(other_name)}</bdi></p>\n'
        f'<p class="sawt-case__status"><span class="sawt-status sawt-status--{status}">{html.escape(label)}</span></p>\n'
        f'<p class="sawt-case__summary">{html.escape(summary)}</p>\n'
        "</div>\n"
    )


FILLER = {
    "en": "The campaign documents forced returns from Lebanon and the fate of those returned. " * 6,
    "ar": "توثّق الحملة عمليات الترحيل القسري من لبنان ومصير المرحّلين بعد عودتهم. " * 6,
}


def _write(site: Path, url: str, page: str) -> None:
    target = site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")


def pair_pages() -> list[PairPage]:
    pages = []
    for number, pair in enumerate(search_pairs(), start=1):
        prefix = "/ar" if pair.lang == "ar" else ""
        pages.append(PairPage(pair.query, pair.text, pair.rule, pair.lang, f"{prefix}/pairs/p{number:02d}/"))
    return pages


def write_fixture_site(site: Path) -> Path:
    """Write the fixture site into `site` (created or replaced). Returns `site`."""
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    shutil.copytree(ASSETS / "js", site / "assets" / "js", ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (site / "assets" / "css").mkdir(parents=True)
    shutil.copy2(ASSETS / "css" / "sawt-search.css", site / "assets" / "css" / "sawt-search.css")

    _write(site, "/", _page("/", "en", "Sawt", f"<p>An archive of detainees. {FILLER['en']}</p>"))
    _write(site, "/ar/", _page("/ar/", "ar", "صوت", f"<p>أرشيف المعتقلين. {FILLER['ar']}</p>"))

    # A case page in each language: the name heading, the case header, a timeline.
    _write(site, CASE_URL["en"], _page(CASE_URL["en"], "en", "Saleh Nemer al-Samar", (
        _case_header("saleh-al-samar", "detained", "Detained", "صالح نمر السمر", "ar", ["Saleh al-Samar", "صالح السمر"],
                     "A defector arrested by General Security after his forced return in April 2023.")
        + '<h2 id="timeline">Timeline<a class="headerlink" href="#timeline">#</a></h2>'
        + "<p>2023-04-19: arrested at the border crossing.</p>"
    )))
    _write(site, CASE_URL["ar"], _page(CASE_URL["ar"], "ar", "صالح نمر السمر", (
        _case_header("saleh-al-samar", "detained", "محتجز", "Saleh Nemer al-Samar", "en", ["Saleh al-Samar", "صالح السمر"],
                     "منشقّ اعتقله الأمن العام بعد ترحيله القسري في نيسان 2023.")
        + '<h2 id="timeline">التسلسل الزمني<a class="headerlink" href="#timeline">#</a></h2>'
        + "<p>2023-04-19: اعتُقل عند المعبر الحدودي.</p>"
    )))
    _write(site, OTHER_CASE_URL["en"], _page(OTHER_CASE_URL["en"], "en", "Mariam Haddad", (
        _case_header("mariam-haddad", "released", "Released", "مريم حداد", "ar", [],
                     "A nurse released in 2024 after eight months in detention.")
    )))
    _write(site, OTHER_CASE_URL["ar"], _page(OTHER_CASE_URL["ar"], "ar", "مريم حداد", (
        _case_header("mariam-haddad", "released", "أُفرج عنها", "Mariam Haddad", "en", [],
                     "ممرضة أُفرج عنها عام 2024 بعد ثمانية أشهر من الاحتجاز.")
    )))

    # A long report that only mentions the person: must rank below the case page.
    _write(site, MENTION_URL["en"], _page(MENTION_URL["en"], "en", "Returns in 2023", (
        f"<p>{FILLER['en']}</p><p>Among those returned was Saleh Nemer al-Samar (Saleh al-Samar), "
        f"whose case we follow.</p><p>{FILLER['en']}</p>"
    )))
    _write(site, MENTION_URL["ar"], _page(MENTION_URL["ar"], "ar", "الترحيل في 2023", (
        f"<p>{FILLER['ar']}</p><p>ومن بين المرحّلين صالح نمر السمر، ونتابع قضيته.</p><p>{FILLER['ar']}</p>"
    )))

    for pair in pair_pages():
        # Title and sentence use no word of any pair, so each query finds few pages.
        title = "مثال" if pair.lang == "ar" else "Example"
        sentence = f"<p>{'جملة' if pair.lang == 'ar' else 'Sentence'} {html.escape(pair.text)} {'هنا' if pair.lang == 'ar' else 'here'}.</p>"
        _write(site, pair.url, _page(pair.url, pair.lang, f"{title} {pair.url.strip('/').split('/')[-1]}", sentence))

    # Pages that must never be searchable.
    for lang, folder in (("en", ""), ("ar", "ar/")):
        not_found = _page(f"/{folder}404.html", lang, "404", f"<p>{NOT_FOUND_WORD[lang]}</p>")
        (site / folder / "404.html").write_text(not_found, encoding="utf-8")
    return site
