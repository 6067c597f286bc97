"""Cache lifetimes for static hosts: the generated _headers file and the nginx snippet."""

from __future__ import annotations

import re
from pathlib import Path

from sawt.outputs.headers import FONTS_CACHE, FONTS_FOLDER, HASHED_FOLDERS, IMMUTABLE, cache_rules, headers_file

NGINX = Path(__file__).resolve().parents[2] / "hosting" / "nginx.conf"


def _tree(root: Path, files: list[str]) -> Path:
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x")
    return root


def test_only_folders_of_hashed_names_are_kept_for_a_year(tmp_path: Path):
    site = _tree(tmp_path, [
        "assets/stylesheets/main.57a0d79d.min.css",
        "assets/stylesheets/main.57a0d79d.min.css.map",
        "pagefind/fragment/ar_1b8e567.pf_fragment",
        "pagefind/index/en_d4d25eb.pf_index",
        "pagefind/index/latest.pf_index",  # one name without a hash: the folder is left out
        "assets/fonts/noto-sans-arabic-arabic-400-normal.woff2",
    ])
    assert cache_rules(site) == [
        ("assets/stylesheets", IMMUTABLE),
        ("pagefind/fragment", IMMUTABLE),
        (FONTS_FOLDER, FONTS_CACHE),
    ]
    text = headers_file("default-src 'self'", cache_rules(site))
    assert "/assets/stylesheets/*\n  Cache-Control: public, max-age=31536000, immutable\n" in text
    assert "/pagefind/index/*" not in text
    # The security block stays first and its /* rule never sets Cache-Control (hosts join the
    # values of every matching rule, so it would be added to the immutable ones).
    security = text.split("\n\n")[0]
    assert security.startswith("# Security") and "Cache-Control" not in security


def test_the_nginx_snippet_gives_the_same_lifetimes_as_the_headers_file():
    snippet = NGINX.read_text(encoding="utf-8")
    rules = dict(re.findall(r'~\^/(\S+?)/?\s+"([^"]+)";', snippet))
    for folder in HASHED_FOLDERS:
        assert rules.get(folder) == IMMUTABLE, folder
    assert rules.get(FONTS_FOLDER) == FONTS_CACHE
    assert re.search(r'default\s+"no-cache";', snippet)
    assert "gzip on;" in snippet and "Content-Security-Policy" in snippet
