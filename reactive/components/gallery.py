"""Gallery: a grid of images with optional captions; as an input, uploads and a selection."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from reactive.components.base import Component, require_type
from reactive.components.file import save_upload
from reactive.components.image import ImageType, image_wire, is_url, uploaded_image
from reactive.errors import DefinitionError, OutputError
from reactive.media import video


class Gallery(Component):
    """Shows a list of images: numpy arrays, PIL images, paths, URLs or bytes, or
    ``(image, caption)`` pairs.

    As an input (``interactive=True``) the person adds pictures (a drop zone, several at once)
    and removes them; the function receives a list of ``(image, caption)`` pairs, each image a
    file path (``type="filepath"``, Gradio's default), a PIL image or a numpy array. A click on
    a picture selects it (``data-selected`` on it; the page's select event starts there).
    """

    type = "gallery"
    heavy_postprocess = True
    slow_preprocess: ClassVar[bool] = True
    updatable: ClassVar[frozenset[str]] = frozenset({"columns", "height"})

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        columns: int | None = 3,
        height: int | str | None = None,
        type: ImageType = "filepath",
        allow_preview: bool = True,
        **kwargs: Any,
    ) -> None:
        if type not in ("numpy", "pil", "filepath"):
            raise DefinitionError(f"Gallery type must be 'numpy', 'pil' or 'filepath': {type!r}.")
        super().__init__(value, label=label, **kwargs)
        self.columns = columns
        self.height = height
        self.image_type: ImageType = type
        self.allow_preview = allow_preview

    @property
    def saves_uploads(self) -> bool:
        return self.image_type == "filepath"

    def extra_props(self) -> dict[str, Any]:
        return {"columns": self.columns, "height": self.height, "allow_preview": self.allow_preview}

    def initial_python_value(self) -> Any:
        """The author's pictures, as given, in ``(image, caption)`` pairs."""
        if self.value is None:
            return None
        return [_pair(item) for item in self.value]

    def preprocess(self, value: Any) -> list[tuple[Any, str | None]] | None:
        if value is None:
            return None
        require_type(self, value, (list,), "a list of pictures")
        return [self._picture(item) for item in value]

    def _picture(self, item: Any) -> tuple[Any, str | None]:
        require_type(self, item, (dict,), "a picture {mime, data, name, caption?}")
        caption = item.get("caption")
        text = caption if isinstance(caption, str) else None
        if set(item) <= {"url", "caption"} and is_url(item.get("url")):
            return item["url"], text  # a picture or film the app gave by its URL
        mime, data = item.get("mime"), item.get("data")
        if isinstance(mime, str) and mime.startswith("video/") and isinstance(data, bytes):
            name = Path(str(item.get("name") or "")).name or "video.mp4"
            return save_upload(data, name), text  # a film: its path
        return uploaded_image(self, item, self.image_type, None), text

    def check_output(self, value: Any) -> None:
        if value is not None and not isinstance(value, list | tuple):
            raise OutputError(f"{self!r} takes a list of images; got {type(value).__name__}.")

    def postprocess(self, value: Any) -> list[dict[str, Any]]:
        self.check_output(value)
        return [self._item(item) for item in value or []]

    def _item(self, item: Any) -> dict[str, Any]:
        caption: Any = None
        if isinstance(item, tuple | list) and len(item) == 2 and not _is_pixel_row(item):
            item, caption = item
        wire = video_wire(self, item) if is_film(item) else image_wire(self, item, "auto", 85)
        if wire is None:
            raise OutputError(f"{self!r}: a gallery item cannot be None.")
        if caption is not None:
            wire["caption"] = str(caption)
        return wire

    def example_cell(self, value: Any) -> Any:
        return f"{len(value)} images" if isinstance(value, list | tuple) else ""


#: The file endings of films a gallery shows as videos (Gradio's galleries take both).
FILM_SUFFIXES = frozenset({".mp4", ".webm", ".mov", ".ogv", ".m4v", ".mkv", ".avi"})


def is_film(item: Any) -> bool:
    """A path or URL of a film (by its ending), not a picture."""
    if not isinstance(item, str | Path):
        return False
    return Path(str(item).split("?", 1)[0]).suffix.lower() in FILM_SUFFIXES


def video_wire(owner: Component, item: str | Path) -> dict[str, Any] | None:
    """A film in a gallery: ``{url}`` for a URL, else the file as the page's <video> plays it."""
    if is_url(item):
        return {"url": str(item)}
    return video.to_browser(owner.served(item), 25.0)  # fps matters only for frames, not files


def _pair(item: Any) -> tuple[Any, str | None]:
    if isinstance(item, tuple | list) and len(item) == 2 and not _is_pixel_row(item):
        return item[0], None if item[1] is None else str(item[1])
    return item, None


def _is_pixel_row(item: Any) -> bool:
    """A 2-element list of numbers is an image row, not an (image, caption) pair."""
    return all(isinstance(x, int | float) for x in item) and not isinstance(item[0], str | Path)
