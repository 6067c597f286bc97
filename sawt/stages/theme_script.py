"""Stage: the theme's script fetches no sitemap.xml beside the pages' hreflang links (sawt/outputs/theme_script.py)."""

from __future__ import annotations

from sawt.errors import SawtError
from sawt.outputs import theme_script
from sawt.stages.context import BuildContext

READS = ("site_dir",)
WRITES = ()


def run(build: BuildContext) -> None:
    try:
        theme_script.patch_theme_script(build.site_dir)
    except theme_script.ThemeScriptError as error:
        raise SawtError(str(error)) from None
