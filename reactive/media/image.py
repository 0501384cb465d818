"""Images between Python values and bytes a browser shows.

numpy (uint8, or float in [0, 1]; HxW, HxWx1, HxWx3, HxWx4), PIL images, file paths and encoded
bytes become ``{mime, data, w, h}``; uploads become numpy, PIL or a file path. Pillow does the
encoding: JPEG (fast, small) for opaque images by default, PNG when there is transparency or
``format="png"`` asks for lossless.

The default quality, 80, is Pillow's default for WebP and what Gradio's WebP images use. At 80
a JPEG encodes 5 to 20 times faster than a WebP of the same fidelity (PSNR within 0.1 dB on
photos and noise); a WebP of a photo is about a quarter smaller (``format="webp"``).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Literal

import numpy as np
from PIL import Image as PILImage

from reactive.errors import InvalidValue, OutputError
from reactive.media.limits import DEFAULT_MAX_IMAGE_PIXELS, megapixels

ImageFormat = Literal["auto", "png", "jpeg", "webp"]
#: JPEG and WebP quality when an app does not choose one (see the module's docstring).
DEFAULT_QUALITY = 80

# Formats every browser decodes, so such files and bytes are sent untouched.
BROWSER_MIMES = {
    "PNG": "image/png",
    "JPEG": "image/jpeg",
    "GIF": "image/gif",
    "WEBP": "image/webp",
}
_SUFFIX_MIMES = {".svg": "image/svg+xml"}


def array_to_pil(array: np.ndarray[Any, Any]) -> PILImage.Image:
    """A PIL image from an array of shape HxW, HxWx1, HxWx3 or HxWx4."""
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    if array.ndim not in (2, 3) or (array.ndim == 3 and array.shape[2] not in (3, 4)):
        raise OutputError(f"An image array must be HxW, HxWx3 or HxWx4; got shape {array.shape}.")
    if array.dtype != np.uint8:
        if array.dtype.kind == "f":
            array = (np.clip(array, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
        elif array.dtype.kind in "iub":
            array = np.clip(array, 0, 255).astype(np.uint8)
        else:
            raise OutputError(f"An image array must hold numbers, got dtype {array.dtype}.")
    return PILImage.fromarray(np.ascontiguousarray(array))


def encode_pil(image: PILImage.Image, fmt: ImageFormat, quality: int) -> tuple[str, bytes]:
    """Encode for the browser; returns (mime, bytes)."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    if fmt == "auto":
        fmt = "png" if has_alpha or image.mode == "P" else "jpeg"
    buffer = io.BytesIO()
    if fmt == "jpeg":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(buffer, "JPEG", quality=quality)
    elif fmt == "webp":
        image.save(buffer, "WEBP", quality=quality, method=0)
    else:
        image.save(buffer, "PNG", compress_level=1)
    return f"image/{fmt}", buffer.getvalue()


def sniff(data: bytes) -> tuple[str, int, int] | None:
    """(mime, width, height) of encoded image bytes a browser can show as they are, else None."""
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            mime = BROWSER_MIMES.get(image.format or "")
            return (mime, image.width, image.height) if mime else None
    except (OSError, ValueError, PILImage.DecompressionBombError):
        return None


def to_browser(
    value: Any, fmt: ImageFormat = "auto", quality: int = DEFAULT_QUALITY
) -> dict[str, Any] | None:
    """Convert an image result to the wire value ``{mime, data, w, h}`` (None clears)."""
    if value is None:
        return None
    if isinstance(value, str | Path):
        return _file_to_browser(Path(value), fmt, quality)
    if isinstance(value, bytes | bytearray):
        return _bytes_to_browser(bytes(value), fmt, quality, "the returned bytes")
    if isinstance(value, np.ndarray):
        image = array_to_pil(value)
    elif isinstance(value, PILImage.Image):
        image = value
    else:
        raise OutputError(
            f"An image output takes a numpy array, a PIL image, a file path or bytes; "
            f"got {type(value).__name__}."
        )
    mime, data = encode_pil(image, fmt, quality)
    return {"mime": mime, "data": data, "w": image.width, "h": image.height}


def _file_to_browser(path: Path, fmt: ImageFormat, quality: int) -> dict[str, Any]:
    if not path.is_file():
        raise OutputError(f"Image file {str(path)!r} does not exist.")
    data = path.read_bytes()
    if path.suffix.lower() in _SUFFIX_MIMES:
        return {"mime": _SUFFIX_MIMES[path.suffix.lower()], "data": data, "w": 0, "h": 0}
    return _bytes_to_browser(data, fmt, quality, f"file {str(path)!r}")


def _bytes_to_browser(data: bytes, fmt: ImageFormat, quality: int, what: str) -> dict[str, Any]:
    known = sniff(data) if fmt == "auto" else None
    if known is not None:
        mime, width, height = known
        return {"mime": mime, "data": data, "w": width, "h": height}
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            image.load()
            mime, encoded = encode_pil(image, fmt, quality)
            return {"mime": mime, "data": encoded, "w": image.width, "h": image.height}
    except (OSError, ValueError, PILImage.DecompressionBombError) as exc:
        raise OutputError(f"{what} is not an image Pillow can read ({exc}).") from exc


def allow_pixels(count: int) -> None:
    """Let Pillow open pictures of up to ``count`` pixels: its own bomb check
    (``PIL.Image.MAX_IMAGE_PIXELS``, 89 MP by default) is raised to the app's limit, never
    lowered, so an app may accept larger pictures than Pillow would."""
    if PILImage.MAX_IMAGE_PIXELS is not None and count > PILImage.MAX_IMAGE_PIXELS:
        PILImage.MAX_IMAGE_PIXELS = count


def decode_upload(data: bytes, max_pixels: int = DEFAULT_MAX_IMAGE_PIXELS) -> PILImage.Image:
    """Open uploaded bytes as an image, or raise InvalidValue saying it is not one.

    The picture's size comes from its header (Pillow reads only that until ``load()``), so a
    picture of more than ``max_pixels`` is refused before any pixel buffer is allocated.
    """
    try:
        image = PILImage.open(io.BytesIO(data))
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise InvalidValue(_too_large(None, max_pixels)) from None  # past Pillow's own limit
    except (OSError, ValueError) as exc:
        raise InvalidValue(f"the upload is not an image this server can read ({exc}).") from exc
    if image.width * image.height > max_pixels:
        image.close()
        raise InvalidValue(_too_large(image.size, max_pixels))
    try:
        image.load()
    except (OSError, ValueError) as exc:
        raise InvalidValue(f"the upload is not an image this server can read ({exc}).") from exc
    return image


def _too_large(size: tuple[int, int] | None, max_pixels: int) -> str:
    shown = (
        "larger than Pillow opens"
        if size is None
        else (f"{size[0]}×{size[1]} pixels ({megapixels(size[0] * size[1])})")
    )
    return (
        f"the picture is {shown}; this app takes pictures of at most {megapixels(max_pixels)}. "
        "Send a smaller picture, or raise the limit with rx.App(max_image_pixels=...)."
    )
