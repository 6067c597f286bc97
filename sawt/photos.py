"""Case photos, published without the metadata a camera or phone writes into them.

EXIF can carry the place a photo was taken, the device and the date: for the
people documented here that can be dangerous, so every photo is re-encoded from
its pixels alone.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageOps

PHOTO_DIR = "assets/photos"


def published_photo_name(slug: str, photo: str) -> str:
    """One file per case, named by the case (two cases' photos never collide)."""
    return f"{slug}{Path(photo).suffix.lower()}"


def publish_photo(source: Path, target: Path) -> None:
    """Write `source` to `target` with no metadata: orientation applied, pixels only."""
    with Image.open(source) as image:
        upright = ImageOps.exif_transpose(image)
        pixels = Image.new(upright.mode, upright.size)
        pixels.putdata(list(upright.getdata()))
        target.parent.mkdir(parents=True, exist_ok=True)
        save_format = "JPEG" if target.suffix in (".jpg", ".jpeg") else "PNG" if target.suffix == ".png" else "WEBP"
        pixels.save(target, format=save_format)
