"""Stage: the search index of every page, in every language (Pagefind; sawt/outputs/search/)."""

from __future__ import annotations

from sawt.errors import SawtError
from sawt.outputs.search.index import build_search_index
from sawt.stages.context import BuildContext

READS = ("config", "site_dir", "caches", "page_keys")
WRITES = ("search_report",)


def run(build: BuildContext) -> None:
    try:
        build.search_report = build_search_index(
            build.site_dir, languages=build.config.codes, cache_dir=build.caches.dir("search"),
            case_pages_per_shard=build.config.search_case_pages_per_shard, page_keys=build.page_keys)
    except RuntimeError as error:
        raise SawtError(str(error)) from None
