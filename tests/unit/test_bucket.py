"""The order in which a site is published to a bucket (sawt/outputs/bucket.py); the upload
itself is tests/process/test_bucket_publish.py."""

from __future__ import annotations

from pathlib import Path

from sawt.outputs.bucket import publish, sync_commands


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _site(root: Path) -> Path:
    """A small built site with the shapes that matter: pages in folders, a hashed stylesheet, a
    font, Pagefind chunks, the host file `_headers`."""
    site = root / "site"
    _write(site / "index.html", "<!doctype html><title>Sawt</title><link rel=stylesheet href=assets/stylesheets/main.0a1b2c3d.min.css>")
    _write(site / "ar" / "index.html", "<!doctype html><html lang=ar dir=rtl><title>صوت</title>")
    _write(site / "cases" / "case-one" / "index.html", "<!doctype html><title>Case one</title>")
    _write(site / "cases" / "case-two" / "index.html", "<!doctype html><title>Case two</title>")
    _write(site / "assets" / "stylesheets" / "main.0a1b2c3d.min.css", "body{color:#111}")
    _write(site / "assets" / "fonts" / "sawt-naskh-400.woff2", "font bytes")
    _write(site / "pagefind" / "index" / "en_4f2a9c1.pf_index", "index chunk")
    _write(site / "sitemap.xml", "<?xml version='1.0'?><sitemapindex/>")
    _write(site / "_headers", "/*\n  Content-Security-Policy: default-src 'self'\n")
    return site


def test_the_commands_put_new_assets_before_the_pages_and_delete_old_ones_after(tmp_path) -> None:
    commands = sync_commands(_site(tmp_path), "bucket:site/")
    verbs = [(c[1], c[-1]) for c in commands]
    pages = verbs.index(("sync", "bucket:site"))
    assert verbs[:pages] and all(verb == "copy" for verb, _ in verbs[:pages])
    assert verbs[pages + 1:] and all(verb == "sync" and target.startswith("bucket:site/") for verb, target in verbs[pages + 1:])
    assert ["--exclude", "/_headers"] == commands[pages][-4:-2]


def test_publish_stops_at_the_first_failed_command_and_says_how_to_finish(tmp_path, capsys) -> None:
    ran = []

    class Result:
        def __init__(self, code: int) -> None:
            self.returncode = code

    def run(command):
        ran.append(command)
        return Result(7 if command[1] == "sync" else 0)

    assert publish(_site(tmp_path), "bucket:site", run=run) == 7
    assert [c[1] for c in ran][-1] == "sync" and sum(c[1] == "sync" for c in ran) == 1
    assert "run the same command again to finish" in capsys.readouterr().out
