"""Gallery: a grid of images, each with an optional caption."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from reactive.components.base import Component
from reactive.components.image import image_wire
from reactive.errors import OutputError


class Gallery(Component):
    """Shows a list of images: numpy arrays, PIL images, paths, URLs or bytes, or
    ``(image, caption)`` pairs."""

    type = "gallery"
    accepts_input: ClassVar[bool] = False
    heavy_postprocess = True
    updatable: ClassVar[frozenset[str]] = frozenset({"columns", "height"})

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        columns: int | None = 3,
        height: int | str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, label=label, **kwargs)
        self.columns = columns
        self.height = height

    def extra_props(self) -> dict[str, Any]:
        return {"columns": self.columns, "height": self.height}

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
        wire = image_wire(self, item, "auto", 85)
        if wire is None:
            raise OutputError(f"{self!r}: a gallery item cannot be None.")
        if caption is not None:
            wire["caption"] = str(caption)
        return wire

    def example_cell(self, value: Any) -> Any:
        return f"{len(value)} images" if isinstance(value, list | tuple) else ""


def _is_pixel_row(item: Any) -> bool:
    """A 2-element list of numbers is an image row, not an (image, caption) pair."""
    return all(isinstance(x, int | float) for x in item) and not isinstance(item[0], str | Path)
