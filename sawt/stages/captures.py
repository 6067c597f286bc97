"""Stage: each published source's capture on the site: its download (a WACZ, PDF or screenshot,
under archive/) and its text view (sources/<id>/ in every language: Sawt's own page with the
extracted text escaped; captured HTML is never published).

Only sources the loaded archive publishes are here (a source cited only by unpublished or
embargoed cases was never given to the build, sawt/data/load.py), so their captures and text
never reach the site. It runs after search and the sitemap: text views are a way to read a
source, not pages of the archive, and stay out of its search index.
"""

from __future__ import annotations

import shutil

from sawt.data.captures import archive_dir_for
from sawt.data.model import Archive, Source
from sawt.outputs.htmlpost import privacy_tags
from sawt.render.capture import download_path, text_view_html, text_view_url
from sawt.render.text_page import FAVICON, TEXT_STYLESHEET
from sawt.stages.context import BuildContext

READS = ("config", "archive", "site_dir", "frames")
WRITES = ()


def published_sources(archive: Archive) -> dict[str, Source]:
    """Every source the site shows: the archive's and each published case's (inline ones too)."""
    sources = dict(archive.sources)
    for case in archive.cases:
        sources.update((source.id, source) for source in case.sources)
    return sources


def run(build: BuildContext) -> None:
    folder = archive_dir_for(build.config.data_dir)
    for source in published_sources(build.archive).values():
        capture = source.latest_capture
        if capture is None:
            continue
        for each in source.captures:
            download = download_path(each)
            if download and (folder / each.file).is_file():
                target = build.site_dir / download
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(folder / each.file, target)
        text_path = folder / capture.text_file if capture.text_file else None
        text = text_path.read_text(encoding="utf-8", errors="replace") if text_path and text_path.is_file() else None
        for lang in build.config.codes:
            url = text_view_url(source, lang)
            frame = build.frames[(lang, "case")]
            out = build.site_dir / url / "index.html"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text_view_html(source, text, lang=lang, site_name=build.config.site_names[lang],
                                          privacy_meta=privacy_tags("".join(frame.parts)), page_url=url,
                                          stylesheet=TEXT_STYLESHEET, favicon=FAVICON), encoding="utf-8")
