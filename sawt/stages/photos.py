"""Stage: the photos of published cases only (never the whole data/photos folder)."""

from __future__ import annotations

from sawt.data.photos import PHOTO_DIR, PhotoError, publish_photo, published_photo_name
from sawt.errors import SawtError
from sawt.stages.context import BuildContext

READS = ("config", "archive", "site_dir")
WRITES = ()


def run(build: BuildContext) -> None:
    for case in build.archive.cases:
        if case.photo:
            target = build.site_dir / PHOTO_DIR / published_photo_name(case.slug, case.photo)
            try:
                publish_photo(build.config.data_dir, case.photo, target)
            except PhotoError as error:  # changed on disk since the check
                raise SawtError(f'{case.source_file}: photo "{case.photo}" {error}') from None
