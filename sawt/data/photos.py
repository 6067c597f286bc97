"""Case photos: checked like any other hostile input, then published without the
metadata a camera or phone writes into them.

EXIF can carry the place a photo was taken, the device and the date: for the
people documented here that can be dangerous, so every photo is re-encoded from
its pixels alone.

A photo comes from a pull request like everything else in data/, so before it is
published it must be a real JPEG, PNG or WebP image of reasonable size that
decodes to the end, and a plain file inside data/: a symbolic link could make
the build publish any file on the build machine.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path, PurePosixPath

from PIL import Image, ImageOps

PHOTO_DIR = "assets/photos"

#: The formats a photo may be in, by the file name endings that go with them.
PHOTO_FORMATS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
#: Largest photo file, in bytes (a phone's full-size photo is 3 to 8 MB).
MAX_PHOTO_BYTES = 20_000_000
#: Most pixels in a photo (a 48-megapixel phone photo is 8000 x 6000).
MAX_PHOTO_PIXELS = 50_000_000

_FORMAT_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}


class PhotoError(Exception):
    """A photo that must not be published; the message completes 'photo "x" ...'."""


def published_photo_name(slug: str, photo: str) -> str:
    """One file per case, named by the case (two cases' photos never collide)."""
    return f"{slug}{Path(photo).suffix.lower()}"


def published_photo_path(slug: str, photo: str) -> str:
    """Where a case's photo is published, relative to the site's root (both languages share it)."""
    return f"{PHOTO_DIR}/{published_photo_name(slug, photo)}"


def photo_problem(data_dir: Path, photo: str) -> str | None:
    """What is wrong with data/<photo>, as the end of a sentence that starts
    'photo "<photo>"', or None if it can be published. `photo` is the relative
    path the schema accepted (no "..", not absolute)."""
    try:
        _open_checked(data_dir, photo, decode=True).close()
    except PhotoError as error:
        return str(error)
    return None


def publish_photo(data_dir: Path, photo: str, target: Path) -> None:
    """Write data/<photo> to `target` with no metadata: orientation applied, pixels only.

    The same checks as `photo_problem` run again (the file is opened without
    following symbolic links), so nothing but a checked image is ever published.
    """
    image = _open_checked(data_dir, photo, decode=False)
    with image:
        image.load()
        upright = ImageOps.exif_transpose(image)
        if upright.mode in ("P", "PA"):  # a palette image: keep its colours, not its indexes
            upright = upright.convert("RGBA")
        save_format = next(f for f, endings in PHOTO_FORMATS.items() if target.suffix.lower() in endings)
        if save_format == "JPEG" and upright.mode not in ("L", "RGB", "CMYK"):
            upright = upright.convert("RGB")
        # A new image from the pixels alone: no EXIF, XMP, ICC or text chunks.
        pixels = Image.frombytes(upright.mode, upright.size, upright.tobytes())
        target.parent.mkdir(parents=True, exist_ok=True)
        pixels.save(target, format=save_format)


def _open_checked(data_dir: Path, photo: str, *, decode: bool) -> Image.Image:
    """data/<photo> opened with Pillow, or PhotoError saying what is wrong.

    `decode` reads the whole image once (to find a file cut short); the caller
    closes the image it gets.
    """
    shown = f"{data_dir.name or 'data'}/{photo}"
    path = data_dir
    try:
        for part in PurePosixPath(photo).parts:
            path = path / part
            if path.is_symlink():
                where = f"{data_dir.name or 'data'}/{path.relative_to(data_dir).as_posix()}"
                raise PhotoError(f"is a symbolic link ({where}); put the image file itself in data/")
        if not path.exists():
            raise PhotoError(f"does not exist (looked for {shown}); add the file or fix the path")
        if not path.is_file():
            raise PhotoError(f"is not a file ({shown} is a folder); give the path of the image")
    except OSError as error:  # a name too long for the file system, a folder we may not read ...
        raise PhotoError(f"cannot be read ({error.strerror})") from None
    try:
        # O_NOFOLLOW: a link swapped in after the check above is still not followed.
        file = os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb")
    except OSError as error:
        raise PhotoError(f"cannot be read ({error.strerror})") from None
    try:
        size = os.fstat(file.fileno()).st_size
        if size == 0:
            raise PhotoError("is an empty file; add the image again")
        if size > MAX_PHOTO_BYTES:
            raise PhotoError(f"is {size / 1_000_000:.1f} MB, more than the {MAX_PHOTO_BYTES // 1_000_000} MB "
                             "allowed; save it smaller (2,000 pixels wide is plenty)")
        image = _open_image(file, photo, decode=decode)
    except BaseException:
        file.close()
        raise
    return image


def _open_image(file, photo: str, *, decode: bool) -> Image.Image:
    allowed = " or ".join(", ".join(_FORMAT_NAMES.values()).rsplit(", ", 1))
    head = file.read(512)
    file.seek(0)
    with warnings.catch_warnings():
        # Pillow only warns about sizes between its two bomb limits; refuse them all.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(file, formats=list(PHOTO_FORMATS))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise PhotoError(_too_many_pixels(None)) from None
        except Exception:  # Pillow raises many kinds for hostile bytes
            looks = " (it is text, perhaps SVG or HTML)" if head.lstrip()[:1] == b"<" else ""
            raise PhotoError(f"is not a {allowed} image{looks}; export it as JPEG") from None
    try:
        fmt = image.format or ""
        ending = PurePosixPath(photo).suffix.lower()
        if ending not in PHOTO_FORMATS.get(fmt, ()):
            raise PhotoError(f"is a {_FORMAT_NAMES.get(fmt, fmt)} image but its name ends in {ending}; "
                             f"rename it to end in {PHOTO_FORMATS[fmt][0]}")
        if image.width * image.height > MAX_PHOTO_PIXELS:
            raise PhotoError(_too_many_pixels(image.size))
        if decode:
            _decode_to_the_end(image)
    except BaseException:
        image.close()
        raise
    return image


def _decode_to_the_end(image: Image.Image) -> None:
    """Read every byte of the image data, so that a file cut short is found now
    and not in the middle of a build."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if image.format == "JPEG":
                # Decoding at 1/8 scale still reads all the data, three times faster.
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except Exception:
        raise PhotoError("is damaged or cut short (its image data cannot be read to the end); "
                         "export it again") from None


def _too_many_pixels(size: tuple[int, int] | None) -> str:
    limit = f"{MAX_PHOTO_PIXELS // 1_000_000} megapixels"
    if size is None:
        return f"has far more than the {limit} allowed; scale it down"
    width, height = size
    return (f"is {width:,} x {height:,} pixels, more than the {limit} allowed; scale it down "
            "(2,000 pixels wide is plenty)")
