"""Stage: each published source's capture on the site: its download (a WACZ, PDF or screenshot,
under archive/) and its text view (sources/<id>/text.html in every language: Sawt's own page
with the extracted text escaped; captured HTML is never published).

Only sources a published case cites are here (`published_sources`), so the captures and text
of a source cited only by unpublished, embargoed or deleted cases never reach the site. It runs after search and the sitemap: text views are a way to read a
source, not pages of the archive, and stay out of its search index.
"""

from __future__ import annotations

import shutil

from sawt.data.captures import archive_dir_for
from sawt.data.model import Archive, Source
from sawt.languages import neutral_path
from sawt.outputs import share
from sawt.outputs.feeds import feed_path
from sawt.outputs.htmlpost import privacy_tags
from sawt.render import strings
from sawt.render.capture import download_path, text_view_html, text_view_url
from sawt.render.case_page import page_sources
from sawt.render.text_page import FAVICON, TEXT_STYLESHEET
from sawt.stages.context import BuildContext

READS = ("config", "archive", "site_dir", "frames")
WRITES = ()


def published_sources(archive: Archive) -> dict[str, Source]:
    """The sources whose copies the site publishes: cited by a published case's page (a source no
    published case cites leaves nothing), and marked `publish_copy: true` by someone who read the
    copy. A copy is a whole document: it can name people the archive must not (a withdrawn case,
    a pseudonym's real name), which no build can tell, so publishing one is a person's decision."""
    return {source.id: source for case in archive.cases for source in page_sources(case) if source.publish_copy}


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
            out = build.site_dir / url
            out.parent.mkdir(parents=True, exist_ok=True)
            head = share.plain_page_head(
                site_url=build.config.site_url, page_url=neutral_path(url), lang=lang,
                title=strings.plain("capture_page_title", lang, title=source.title),
                description=strings.plain("capture_page_notice", lang), site_name=build.config.site_names[lang],
                feeds=[{"href": feed_path(code), "lang": code, "title": strings.text("feed_title", code)} for code in build.config.codes])
            out.write_text(text_view_html(source, text, lang=lang, site_name=build.config.site_names[lang],
                                          privacy_meta=privacy_tags("".join(frame.parts)), page_url=url,
                                          stylesheet=TEXT_STYLESHEET, favicon=FAVICON, head_tags=head), encoding="utf-8")
