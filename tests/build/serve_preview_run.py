"""Run by tests/build/test_serve_preview.py in a process of its own: build a project the way
`mkdocs serve` does, edit case files, preview, rebuild, and print what each step left in the
served site as JSON. (In its own process because MkDocs keeps the hooks module loaded.)"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"
EDITED, UNPUBLISHED = "muhammad-abdulatif", "osama"
SENTINEL = "Preview sentinel 7f3a"
SENTINEL_AR = "جملة للمعاينة ٧ف٣"


def _build(project: Path) -> None:
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL)


def _page(site: Path, url: str) -> str | None:
    path = site / url / "index.html"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _later_save(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))


def main(project: Path) -> None:
    os.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    _build(project)
    hooks = next(m for m in list(sys.modules.values()) if (getattr(m, "__file__", None) or "").endswith("sawt_hooks.py"))
    state = hooks._sawt.session
    site = project / "site"
    untouched = {url: _page(site, url) for url in ("cases/saleh-al-samar/", "ar/cases/saleh-al-samar/", "cases/")}

    case = project / "data" / "cases" / f"{EDITED}.yml"
    _later_save(case, case.read_text(encoding="utf-8").replace("A man from the Quneitra countryside;",
                                                                f"A man from the Quneitra countryside ({SENTINEL});", 1))
    other = project / "data" / "cases" / f"{UNPUBLISHED}.yml"
    _later_save(other, other.read_text(encoding="utf-8") + "publish: false\n")
    from sawt.data import yamldoc

    parse, parsed = yamldoc._parse, []
    yamldoc._parse = lambda data, label, *args, **kwargs: (parsed.append(label), parse(data, label, *args, **kwargs))[1]
    try:
        shown = state.preview_edits()
    finally:
        yamldoc._parse = parse
    previewed = {url: _page(site, url) for url in (f"cases/{EDITED}/", f"ar/cases/{EDITED}/")}
    result = {
        "shown": sorted(shown),
        "preview_has_sentinel": SENTINEL in (previewed[f"cases/{EDITED}/"] or ""),
        "withheld_after_preview": [url for url in (f"cases/{UNPUBLISHED}/", f"ar/cases/{UNPUBLISHED}/") if (site / url).exists()],
        "untouched_by_preview": [url for url, html in untouched.items() if _page(site, url) == html],
        "index_has_sentinel_before_rebuild": SENTINEL in (_page(site, "cases/") or ""),
        "parsed_by_preview": sorted(parsed),
    }
    _build(project)
    result["same_after_rebuild"] = [url for url, html in previewed.items() if _page(site, url) == html]
    result["preview_after_rebuild"] = state.preview_edits()  # nothing new was saved
    result["withheld_after_rebuild"] = [url for url in (f"cases/{UNPUBLISHED}/", f"ar/cases/{UNPUBLISHED}/") if (site / url).exists()]

    # Hand-written pages: an appeal (it carries the share block) with a link to another page and a
    # count, an Arabic page, and a page whose edit brings a <script> (no preview: the rebuild reports it).
    appeal = project / "docs" / "en" / "appeals" / "be-their-voice.md"
    _later_save(appeal, appeal.read_text(encoding="utf-8").replace(
        "## Who is asking", f"{SENTINEL}: see [the method](../methodology.md), <!-- sawt:count -->.\n\n## Who is asking", 1))
    about_ar = project / "docs" / "ar" / "about.md"
    _later_save(about_ar, about_ar.read_text(encoding="utf-8") + f"\n\n{SENTINEL_AR}\n")
    hostile = project / "docs" / "en" / "figures.md"
    figures = hostile.read_text(encoding="utf-8")
    _later_save(hostile, figures + f"\n\n<script>alert('{SENTINEL}')</script>\n")
    broken = project / "docs" / "en" / "data.md"
    data_page = broken.read_text(encoding="utf-8")
    _later_save(broken, data_page + f"\n\n{SENTINEL}: [a page that is not there](no-such-page.md)\n")
    pages = ("appeals/be-their-voice/", "ar/about/", "figures/", "data/")
    untouched = {url: _page(site, url) for url in ("about/", "ar/appeals/be-their-voice/", "cases/")}
    result["pages_shown"] = sorted(state.preview_edits())
    previewed = {url: _page(site, url) for url in pages}
    result["pages_untouched_by_preview"] = sorted(url for url, html in untouched.items() if _page(site, url) == html)
    result["hostile_previewed"] = SENTINEL in (previewed["figures/"] or "")
    result["broken_link_previewed"] = SENTINEL in (previewed["data/"] or "")
    _later_save(hostile, figures)  # (the sample builds strictly: the rebuild would stop on these)
    _later_save(broken, data_page)
    _build(project)
    rebuilt = {url: _page(site, url) for url in pages}
    result["pages_content"] = {url: [_content(previewed[url]), _content(rebuilt[url])] for url in pages[:2]}
    print(json.dumps(result))


def _content(page: str | None) -> str | None:
    """What a hand-written page shows between its development-server markers."""
    from sawt.engine.preview import CONTENT_END, CONTENT_START

    if page is None or CONTENT_START not in page:
        return None
    return page.split(CONTENT_START, 1)[1].split(CONTENT_END, 1)[0]


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
