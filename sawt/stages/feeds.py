"""Stage: one Atom feed per language, of new cases, status changes and dated news pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from sawt.errors import SawtError
from sawt.languages import url_in_language
from sawt.outputs import feeds, share
from sawt.render import strings
from sawt.render.front_matter import front_matter_yaml
from sawt.stages.context import BuildContext

READS = ("config", "archive", "site_dir")
WRITES = ()


def run(build: BuildContext) -> None:
    site_url = build.config.site_url
    for lang in build.config.codes:
        def case_url(slug: str) -> str:
            return share.absolute_url(site_url, url_in_language(f"cases/{slug}/", lang))

        news = [
            feeds.NewsItem(title=item.title, url=share.absolute_url(site_url, url_in_language(item.url, lang)),
                           date=item.date, summary=item.description)
            for item in news_items(build.config.docs_dir, lang)
        ]
        xml = feeds.atom_feed(
            feeds.feed_entries(build.archive, lang, case_url, news, limit=feeds.DEFAULT_LIMIT),
            lang=lang,
            feed_url=share.absolute_url(site_url, feeds.feed_path(lang)),
            site_url=share.absolute_url(site_url, url_in_language("", lang)),
            title=strings.text("feed_title", lang),
            updated=None,
        )
        (build.site_dir / feeds.feed_path(lang)).write_text(xml, encoding="utf-8")


@dataclass(frozen=True)
class NewsPage:
    url: str  # language-neutral, "news/2025-11-extradition-talks/"
    title: str
    description: str
    date: date


def news_items(docs_dir: Path, lang: str) -> list[NewsPage]:
    """Dated pages under docs/<lang>/news/ (front matter `date:`), for the feeds."""
    items = []
    for path in sorted((docs_dir / lang / "news").glob("*.md")):
        if path.name == "index.md":
            continue
        text = path.read_text(encoding="utf-8-sig")
        block = front_matter_yaml(text)
        meta = yaml.safe_load(block) if block is not None else None
        if not isinstance(meta, dict) or not isinstance(meta.get("date"), date):
            raise SawtError(
                f"{path.relative_to(docs_dir.parent).as_posix()}:1: a news item needs a date in its front matter, "
                "e.g. `date: 2025-11-03` between the --- lines, so that it can appear in the feeds"
            )
        items.append(NewsPage(f"news/{path.stem}/", str(meta.get("title", path.stem)), str(meta.get("description", "")), meta["date"]))
    return items
