"""Stage: the sitemaps for the whole site, at the root (the theme's per-language ones go).

Each pages sitemap is written as soon as it is made, so one file's text is held at a time."""

from __future__ import annotations

from sawt.outputs.sitemap import INDEX_SITEMAP, page_sitemaps, robots_txt, sitemap_index_xml
from sawt.stages.context import BuildContext

READS = ("config", "site_dir", "engine_paths", "generated_paths")
WRITES = ()


def run(build: BuildContext) -> None:
    site_dir = build.site_dir
    for language in build.config.languages:
        if language.url_prefix:
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site_dir / language.url_prefix / name).unlink(missing_ok=True)
    (site_dir / "sitemap.xml.gz").unlink(missing_ok=True)
    names: list[str] = []
    for sitemap in page_sitemaps(build.engine_paths | build.generated_paths, build.config.site_url):
        (site_dir / sitemap.name).write_text(sitemap.text, encoding="utf-8")
        names.append(sitemap.name)
    (site_dir / INDEX_SITEMAP).write_text(sitemap_index_xml(build.config.site_url, names), encoding="utf-8")
    (site_dir / "robots.txt").write_text(robots_txt(build.config.site_url, names), encoding="utf-8")
