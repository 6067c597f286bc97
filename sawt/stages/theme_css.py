"""Stage: the theme's stylesheet without the components Sawt never renders (sawt/outputs/theme_css.py)."""

from __future__ import annotations

from sawt.errors import SawtError
from sawt.outputs import theme_css
from sawt.stages.context import BuildContext

READS = ("site_dir",)
WRITES = ()


def run(build: BuildContext) -> None:
    try:
        theme_css.trim_theme_stylesheet(build.site_dir)
    except theme_css.ThemeCssError as error:
        raise SawtError(str(error)) from None
