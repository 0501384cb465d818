"""Image: shows numpy / PIL / file / bytes results; as an input, takes an uploaded picture."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path
from typing import Any, ClassVar, Literal

import numpy as np
from PIL import Image as PILImage

from reactive.components.base import Component, require_type, warn_unsupported
from reactive.components.upload_folder import upload_dir
from reactive.errors import DefinitionError, InvalidValue, OutputError
from reactive.media import image as media

ImageType = Literal["numpy", "pil", "filepath"]


def is_url(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def image_wire(
    owner: Component, value: Any, fmt: media.ImageFormat, quality: int
) -> dict[str, Any] | None:
    """An image result as the page shows it: ``{mime, data, w, h}``, or ``{url}`` for a URL.

    A path is read only where ``owner`` may serve files from (:meth:`Component.served`).
    """
    if is_url(value):
        return {"url": value}
    return media.to_browser(owner.served(value), fmt, quality)


class Image(Component):
    """An image. Output: numpy (uint8 or float 0..1), PIL image, path or bytes.

    Input (upload): the function receives a numpy ``uint8`` array (``type="numpy"``, HxWx3, or
    HxWx4 with transparency), a PIL image (``"pil"``) or a file path (``"filepath"``).
    Results are sent as JPEG (``format="auto"``, PNG when transparent) or as asked.
    """

    type = "image"
    heavy_postprocess = True
    #: Decoding an upload is costly: the session does it in a worker thread, off the loop.
    slow_preprocess: ClassVar[bool] = True
    updatable: ClassVar[frozenset[str]] = frozenset({"height", "width"})

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        type: ImageType = "numpy",
        format: media.ImageFormat = "auto",
        quality: int = media.DEFAULT_QUALITY,
        image_mode: Literal["RGB", "RGBA", "L"] | None = None,
        sources: list[str] | str | None = None,
        streaming: bool = False,
        height: int | str | None = None,
        width: int | str | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in ("numpy", "pil", "filepath"):
            raise DefinitionError(f"Image type must be 'numpy', 'pil' or 'filepath', got {type!r}.")
        if format not in ("auto", "png", "jpeg", "webp"):
            raise DefinitionError(
                f"Image format must be 'auto', 'png', 'jpeg' or 'webp', got {format!r}."
            )
        if isinstance(quality, bool) or not isinstance(quality, int) or not 1 <= quality <= 100:
            raise DefinitionError(
                f"Image quality must be a whole number from 1 to 100 (JPEG and WebP; "
                f"{media.DEFAULT_QUALITY} by default), got {quality!r}."
            )
        if isinstance(sources, str):  # Gradio takes one source as a string
            sources = [sources]
        if streaming and "webcam" not in (sources or []):
            raise DefinitionError(
                "Image(streaming=True) streams the webcam: give sources=['webcam'] too."
            )
        # webcam without streaming: streamed once a Blocks binds .stream (else warned when drawn)
        if sources is not None and set(sources) - {"upload", "clipboard", "webcam"}:
            warn_unsupported("Image", {f"sources={sources}": None})
        self.streaming = streaming
        self.sources = list(sources or ["upload", "clipboard"])
        super().__init__(value, label=label, **kwargs)
        self.image_type: ImageType = type
        self.format: media.ImageFormat = format
        self.quality = quality
        self.image_mode = image_mode
        self.height, self.width = height, width

    @property
    def saves_uploads(self) -> bool:
        return self.image_type == "filepath"

    def extra_props(self) -> dict[str, Any]:
        props: dict[str, Any] = {"height": self.height, "width": self.width}
        if "webcam" in self.sources and not self.streaming:
            warn_unsupported("Image", {"sources=['webcam'] (without streaming or .stream)": None})
        if self.streaming:
            props |= {"streaming": True, "sources": self.sources}
        return props

    @property
    def captures(self) -> str | None:
        return "latest" if self.streaming else None

    def from_stream(self, kind: str, data: bytes, rate: int | None, mime: str | None) -> Any:
        """One webcam frame, as an upload of it would arrive (numpy, PIL or a path)."""
        if kind != "image":
            raise self.invalid(f"a webcam stream sends pictures, got {kind!r}.")
        return self.preprocess({"mime": mime, "data": data, "name": "webcam.jpg"})

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        return image_wire(self, value, self.format, self.quality)

    def example_cell(self, value: Any) -> Any:
        """A small thumbnail of the example image."""
        if is_url(value):
            return {"url": value}
        try:
            wire = media.to_browser(value, "auto", 80)
            if wire is None:
                return ""
            with PILImage.open(io.BytesIO(wire["data"])) as image:
                image.thumbnail((96, 96))
                return media.to_browser(image.convert("RGB"), "jpeg", 80)
        except (OutputError, OSError, ValueError):
            return super().example_cell(value)

    def check_output(self, value: Any) -> None:
        if value is None or isinstance(value, str | Path | bytes | bytearray | np.ndarray):
            return
        if type(value).__module__.startswith("PIL."):
            return
        raise OutputError(
            f"{self!r} takes a numpy array, a PIL image, a file path or bytes; "
            f"got {type(value).__name__}."
        )

    def preprocess(self, value: Any) -> Any:
        return (
            None if value is None else uploaded_image(self, value, self.image_type, self.image_mode)
        )


def uploaded_image(owner: Component, value: Any, kind: ImageType, mode: str | None) -> Any:
    """An uploaded picture ``{mime, data, name}`` as ``kind``: numpy, PIL or a saved file's path."""
    require_type(owner, value, (dict,), "an uploaded image {mime, data, name}")
    data = value.get("data")
    if not isinstance(data, bytes):
        raise owner.invalid("the upload has no image bytes.")
    try:
        image = media.decode_upload(data, owner.media_limits.max_image_pixels)
    except InvalidValue as exc:
        raise owner.invalid(str(exc)) from None
    if kind == "filepath":
        return _save(data, str(value.get("name") or "upload"))
    if mode is not None and image.mode != mode:
        image = image.convert(mode)
    if kind == "pil":
        return image
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.mode else "RGB")
    return np.asarray(image)


def _save(data: bytes, name: str) -> str:
    folder = upload_dir.get()
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="reactive-upload-"))
    suffix = Path(name).suffix[:10]
    with tempfile.NamedTemporaryFile(dir=folder, suffix=suffix, delete=False) as handle:
        handle.write(data)
        return handle.name
