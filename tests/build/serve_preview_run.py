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
    shown = state.preview_edited_cases()
    previewed = {url: _page(site, url) for url in (f"cases/{EDITED}/", f"ar/cases/{EDITED}/")}
    result = {
        "shown": sorted(shown),
        "preview_has_sentinel": SENTINEL in (previewed[f"cases/{EDITED}/"] or ""),
        "withheld_after_preview": [url for url in (f"cases/{UNPUBLISHED}/", f"ar/cases/{UNPUBLISHED}/") if (site / url).exists()],
        "untouched_by_preview": [url for url, html in untouched.items() if _page(site, url) == html],
        "index_has_sentinel_before_rebuild": SENTINEL in (_page(site, "cases/") or ""),
    }
    _build(project)
    result["same_after_rebuild"] = [url for url, html in previewed.items() if _page(site, url) == html]
    result["preview_after_rebuild"] = state.preview_edited_cases()  # nothing new was saved
    result["withheld_after_rebuild"] = [url for url in (f"cases/{UNPUBLISHED}/", f"ar/cases/{UNPUBLISHED}/") if (site / url).exists()]
    print(json.dumps(result))


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve())
