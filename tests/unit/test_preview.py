"""Which saves a development server may preview before its rebuild (sawt/engine/preview.py)."""

from __future__ import annotations

import os
from pathlib import Path

from sawt.engine.preview import (CONTENT_END, CONTENT_START, edited_case_files, edited_page_files, fingerprint, marked_content,
                                 remove_pages, replace_pages, spliced_content)


def _archive(tmp_path):
    cases = tmp_path / "data" / "cases"
    cases.mkdir(parents=True)
    (cases / "a.yml").write_text("name: a\n")
    (cases / "b.yml").write_text("name: b\n")
    (tmp_path / "data" / "sources.yml").write_text("[]\n")
    return tmp_path / "data"


def _touch(path, text):
    path.write_text(text)
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))  # a later save, even on a coarse clock


def test_an_edited_case_file_is_the_one_previewed(tmp_path):
    data = _archive(tmp_path)
    before = fingerprint(data)
    assert sorted(os.path.basename(path) for path in before) == ["a.yml", "b.yml", "sources.yml"]
    _touch(data / "cases" / "b.yml", "name: bb\n")
    assert edited_case_files(before, fingerprint(data), data / "cases") == [data / "cases" / "b.yml"]


def test_nothing_is_previewed_when_anything_but_case_files_changed(tmp_path):
    data = _archive(tmp_path)
    before = fingerprint(data)
    _touch(data / "cases" / "a.yml", "name: aa\n")
    _touch(data / "sources.yml", "- id: x\n")  # every page citing a source may change
    assert edited_case_files(before, fingerprint(data), data / "cases") == []


def test_nothing_is_previewed_when_a_case_is_added_or_removed(tmp_path):
    data = _archive(tmp_path)
    before = fingerprint(data)
    (data / "cases" / "c.yml").write_text("name: c\n")  # the index and the counts change too
    assert edited_case_files(before, fingerprint(data), data / "cases") == []
    (data / "cases" / "c.yml").unlink()
    (data / "cases" / "a.yml").unlink()
    assert edited_case_files(before, fingerprint(data), data / "cases") == []


def test_nothing_is_previewed_before_a_first_build_or_when_nothing_changed(tmp_path):
    data = _archive(tmp_path)
    assert edited_case_files({}, fingerprint(data), data / "cases") == []
    assert edited_case_files(fingerprint(data), fingerprint(data), data / "cases") == []


def test_previewed_pages_replace_the_served_files_and_withheld_ones_go(tmp_path):
    site, written = tmp_path / "site", tmp_path / "site.preview"
    for folder, text in ((site, "old"), (written, "new")):
        (folder / "cases" / "a").mkdir(parents=True)
        (folder / "cases" / "a" / "index.html").write_text(text)
    served = site / "cases" / "a" / "index.html"
    inode = served.stat().st_ino
    (site / "cases" / "gone").mkdir()
    (site / "cases" / "gone" / "index.html").write_text("withheld now")
    replace_pages(written, site, ["cases/a/"], ("index.html", "text.html"))
    assert served.read_text() == "new" and served.stat().st_ino != inode  # replaced, never written in place
    assert not written.exists()
    remove_pages(site, ["cases/gone/"])
    assert not (site / "cases" / "gone").exists()


def test_only_an_edit_of_pages_the_served_site_shows_is_previewed(tmp_path):
    docs = tmp_path / "docs"
    (docs / "en").mkdir(parents=True)
    for name in ("about.md", "index.md"):
        (docs / "en" / name).write_text("# page\n")
    known = {os.path.realpath(docs / "en" / name): () for name in ("about.md", "index.md")}
    before = fingerprint(docs)
    _touch(docs / "en" / "about.md", "# about, edited\n")
    assert edited_page_files(before, fingerprint(docs), known) == [Path(os.path.realpath(docs / "en" / "about.md"))]
    # A page added, or a file the served site does not show as a page, waits for the rebuild.
    (docs / "en" / "new.md").write_text("# new\n")
    assert edited_page_files(before, fingerprint(docs), known) == []
    (docs / "en" / "new.md").unlink()
    _touch(docs / "en" / "index.md", "# index, edited\n")
    assert edited_page_files(before, fingerprint(docs), {k: v for k, v in known.items() if not k.endswith("index.md")}) == []


def test_the_content_between_the_markers_is_replaced_and_nothing_else():
    page = f"<header>menu</header><article>{marked_content('<p>old</p>')}<nav>toc</nav></article>"
    assert spliced_content(page, "<p>new</p>") == (
        f"<header>menu</header><article>{CONTENT_START}<p>new</p>{CONTENT_END}<nav>toc</nav></article>")
    assert spliced_content("<article><p>built by make build</p></article>", "<p>new</p>") is None

