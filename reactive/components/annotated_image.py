"""AnnotatedImage: a picture with labelled boxes and masks drawn over it, and a legend."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import numpy as np
from PIL import Image as PILImage

from reactive.components.base import Component
from reactive.components.image import image_wire
from reactive.errors import DefinitionError, OutputError
from reactive.media import image as media

#: Colors for labels the color map does not name, in the order labels first appear.
PALETTE = (
    "#ef4444", "#3b82f6", "#22c55e", "#eab308", "#a855f7", "#f97316", "#14b8a6", "#ec4899",
    "#84cc16", "#6366f1",
)  # fmt: skip


class AnnotatedImage(Component):
    """Shows ``(image, [(annotation, label), ...])``: each annotation a box
    ``(x1, y1, x2, y2)`` in pixels or a mask (an HxW array, 0..1 or bool, the image's size).

    ``color_map={label: "#rrggbb"}`` colors labels (others take a palette color);
    ``show_legend`` lists the labels, and a click on one (or on its box) is the ``.select``
    event, with ``evt.index`` the annotation's index and ``evt.value`` its label.
    """

    type = "annotatedimage"
    accepts_input: ClassVar[bool] = False
    heavy_postprocess = True
    updatable: ClassVar[frozenset[str]] = frozenset({"color_map", "show_legend", "height", "width"})

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        format: media.ImageFormat = "auto",
        show_legend: bool = True,
        height: int | str | None = None,
        width: int | str | None = None,
        color_map: Mapping[str, str] | None = None,
        mask_opacity: float = 0.5,
        **kwargs: Any,
    ) -> None:
        if not 0 <= mask_opacity <= 1:
            raise DefinitionError(f"AnnotatedImage(mask_opacity=) is 0..1: {mask_opacity!r}")
        super().__init__(value, label=label, **kwargs)
        self.format: media.ImageFormat = format
        self.show_legend = show_legend
        self.height, self.width = height, width
        self.color_map = dict(color_map or {})
        self.mask_opacity = mask_opacity

    def extra_props(self) -> dict[str, Any]:
        return {"show_legend": self.show_legend, "height": self.height, "width": self.width}

    def check_output(self, value: Any) -> None:
        if value is None:
            return
        if not (isinstance(value, tuple | list) and len(value) == 2):
            raise OutputError(
                f"{self!r} takes (image, [(box or mask, label), ...]); got {type(value).__name__}."
            )
        if not isinstance(value[1], list | tuple):
            raise OutputError(f"{self!r}: the annotations are a list of (box or mask, label).")

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        self.check_output(value)
        if value is None:
            return None
        base, annotations = value
        picture = image_wire(self, base, self.format, 90)
        labels: list[str] = []
        drawn = [self._annotation(item, labels, i) for i, item in enumerate(annotations)]
        return {"image": picture, "annotations": drawn}

    def _annotation(self, item: Any, labels: list[str], index: int) -> dict[str, Any]:
        if not (isinstance(item, tuple | list) and len(item) == 2):
            raise OutputError(f"{self!r}: annotation {index} is not a (box or mask, label) pair.")
        shape, label = item[0], str(item[1])
        if label not in labels:
            labels.append(label)
        color = self.color_map.get(label) or PALETTE[labels.index(label) % len(PALETTE)]
        if isinstance(shape, tuple | list) and len(shape) == 4:
            box = [_number(self, v, index) for v in shape]
            return {"label": label, "color": color, "box": box}
        if isinstance(shape, np.ndarray) and shape.ndim == 2:
            return {"label": label, "color": color, "mask": self._mask(shape, color)}
        raise OutputError(
            f"{self!r}: annotation {index} must be a box (x1, y1, x2, y2) or an HxW mask array."
        )

    def _mask(self, mask: np.ndarray[Any, Any], color: str) -> dict[str, Any]:
        """The mask drawn in its color, its strength as transparency (a PNG the page lays over)."""
        strength = mask.astype(np.float32)
        if mask.dtype != np.bool_ and strength.max(initial=0) > 1:
            strength = strength / 255.0
        rgb = _rgb(color)
        pixels = np.zeros((*mask.shape, 4), dtype=np.uint8)
        pixels[..., :3] = rgb
        pixels[..., 3] = (np.clip(strength, 0, 1) * self.mask_opacity * 255).astype(np.uint8)
        wire = media.to_browser(PILImage.fromarray(pixels, "RGBA"), "png")
        assert wire is not None
        return wire


def _number(owner: Component, value: Any, index: int) -> float:
    if isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool):
        return float(value)
    raise OutputError(f"{owner!r}: annotation {index}'s box holds a non-number {value!r}.")


def _rgb(color: str) -> tuple[int, int, int]:
    """``#rgb`` / ``#rrggbb`` (or a name Pillow knows) as RGB."""
    try:
        from PIL import ImageColor

        red, green, blue = ImageColor.getrgb(color)[:3]
    except ValueError:
        raise OutputError(f"AnnotatedImage: {color!r} is not a color.") from None
    return red, green, blue
