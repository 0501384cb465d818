"""ImageSlider: two pictures over each other, a slider showing how much of each."""

from __future__ import annotations

from typing import Any, ClassVar

from reactive.components.base import Component, require_type
from reactive.components.image import ImageType, image_wire, uploaded_image
from reactive.errors import DefinitionError, OutputError
from reactive.media import image as media


def _position(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 100:
        return float(value)
    raise DefinitionError(f"ImageSlider(slider_position=) is a percentage, 0..100: {value!r}")


class ImageSlider(Component):
    """Two images compared: the first shows left of the slider, the second right of it.

    Output: a pair ``(before, after)`` of numpy arrays, PIL images, paths or URLs (either may
    be None). Input: the pair the page holds; the person uploads the first picture (the
    function receives ``(picture, None)``, each as ``type``: numpy, PIL or a file path).
    ``slider_position`` (0..100, where the divide starts) may change with ``gr.update``.
    """

    type = "imageslider"
    heavy_postprocess = True
    slow_preprocess: ClassVar[bool] = True
    updatable: ClassVar[frozenset[str]] = frozenset({"slider_position", "max_height"})

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        type: ImageType = "numpy",
        format: media.ImageFormat = "auto",
        slider_position: float = 50,
        max_height: int | None = 500,
        image_mode: str | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in ("numpy", "pil", "filepath"):
            raise DefinitionError(f"ImageSlider type must be numpy, pil or filepath: {type!r}.")
        if format not in ("auto", "png", "jpeg", "webp"):
            raise DefinitionError(
                f"ImageSlider format must be auto, png, jpeg or webp: {format!r}."
            )
        super().__init__(value, label=label, **kwargs)
        self.image_type: ImageType = type
        self.format: media.ImageFormat = format
        self.slider_position = _position(slider_position)
        self.max_height = max_height
        self.image_mode = image_mode

    def set_prop(self, name: str, value: Any) -> None:
        super().set_prop(name, _position(value) if name == "slider_position" else value)

    def extra_props(self) -> dict[str, Any]:
        return {"slider_position": self.slider_position, "max_height": self.max_height}

    @property
    def saves_uploads(self) -> bool:
        return self.image_type == "filepath"

    def check_output(self, value: Any) -> None:
        if value is not None and not (isinstance(value, tuple | list) and len(value) == 2):
            raise OutputError(
                f"{self!r} takes a pair of images (before, after); got {type(value).__name__}."
            )

    def postprocess(self, value: Any) -> list[Any] | None:
        self.check_output(value)
        if value is None:
            return None
        return [image_wire(self, image, self.format, 90) for image in value]

    def preprocess(self, value: Any) -> tuple[Any, Any] | None:
        if value is None:
            return None
        require_type(self, value, (list,), "a pair of pictures")
        if len(value) != 2:
            raise self.invalid(f"expected two pictures, got {len(value)}.")
        first, second = (
            None if wire is None else uploaded_image(self, wire, self.image_type, self.image_mode)
            for wire in value
        )
        return first, second

    def example_cell(self, value: Any) -> Any:
        return "2 images" if isinstance(value, tuple | list) else ""
