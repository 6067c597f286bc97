"""Stage: one sitemap for the whole site, at the root (the theme's per-language ones go)."""

from __future__ import annotations

from sawt.outputs.sitemap import PAGES_SITEMAP, robots_txt, sitemap_index_xml, sitemap_xml
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
    paths = sorted(build.engine_paths | build.generated_paths)
    (site_dir / PAGES_SITEMAP).write_text(sitemap_xml(paths, build.config.site_url), encoding="utf-8")
    (site_dir / "sitemap.xml").write_text(sitemap_index_xml(build.config.site_url), encoding="utf-8")
    (site_dir / "robots.txt").write_text(robots_txt(build.config.site_url), encoding="utf-8")
