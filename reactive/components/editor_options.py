"""The tool options of an image editor: ``gr.Brush``, ``gr.Eraser``, ``gr.LayerOptions``,
``gr.WebcamOptions``, checked when made and sent to the page as plain props."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from reactive.components.base import warn_unsupported
from reactive.errors import DefinitionError

#: A CSS color, or a CSS color and an opacity (0..1) to paint it with.
Color = str | tuple[str, float]

_SOURCES = ("upload", "clipboard", "webcam")
_TRANSFORMS = ("crop", "resize")
_DEFAULT_COLORS: list[Color] = ["#000000", "#ff0000", "#00aa00", "#0055ff", "#ffdd00"]


def _size(owner: str, size: int | str) -> int | str:
    if size == "auto" or (isinstance(size, int) and not isinstance(size, bool) and size > 0):
        return size
    raise DefinitionError(f"{owner}(default_size=) must be 'auto' or a positive int, got {size!r}.")


def color_wire(owner: str, color: Any) -> list[Any]:
    """``"#f00"`` or ``("#f00", 0.5)`` as ``[css, opacity]`` (the page's canvas parses the CSS)."""
    if isinstance(color, str):
        return [color, 1.0]
    if isinstance(color, tuple | list) and len(color) == 2 and isinstance(color[0], str):
        opacity = color[1]
        if isinstance(opacity, int | float) and not isinstance(opacity, bool) and 0 <= opacity <= 1:
            return [color[0], float(opacity)]
    raise DefinitionError(
        f"{owner}: a color is a CSS color string or (color, opacity 0..1), got {color!r}."
    )


@dataclass
class Eraser:
    """The eraser: ``default_size`` is its radius in pixels ("auto": 1/50 of the canvas)."""

    default_size: int | Literal["auto"] = "auto"

    def __post_init__(self) -> None:
        _size("Eraser", self.default_size)

    def wire(self) -> dict[str, Any]:
        return {"default_size": self.default_size}


@dataclass
class Brush(Eraser):
    """The brush: its radius, the palette offered, and the color it starts with.

    ``color_mode="fixed"`` offers only ``colors``; ``"defaults"`` adds a picker for any color.
    """

    colors: list[Color] | Color | None = None
    default_color: Color | None = None
    color_mode: Literal["fixed", "defaults"] = "defaults"

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.color_mode not in ("fixed", "defaults"):
            raise DefinitionError(
                f"Brush(color_mode=) must be 'fixed' or 'defaults', got {self.color_mode!r}."
            )
        if self.colors is None:
            self.colors = list(_DEFAULT_COLORS)
        elif isinstance(self.colors, str | tuple):
            self.colors = [self.colors]
        if not self.colors:
            raise DefinitionError("Brush(colors=) needs at least one color.")
        if self.default_color is None:
            self.default_color = self.colors[0]

    def wire(self) -> dict[str, Any]:
        colors = self.colors if isinstance(self.colors, list) else []
        return {
            "default_size": self.default_size,
            "colors": [color_wire("Brush", c) for c in colors],
            "default_color": color_wire("Brush", self.default_color),
            "color_mode": self.color_mode,
        }


@dataclass
class LayerOptions:
    """The drawing layers: their names, and whether the person may add more.

    ``disabled=True`` hides the layer tools (one layer is still drawn on).
    """

    allow_additional_layers: bool = True
    layers: list[str] | None = None
    disabled: bool = False

    def __post_init__(self) -> None:
        if not self.layers:
            self.layers = ["Layer 1"]

    def wire(self) -> dict[str, Any]:
        return {
            "names": list(self.layers or ["Layer 1"]),
            "allow_additional": self.allow_additional_layers and not self.disabled,
            "shown": not self.disabled,
        }


@dataclass
class WebcamOptions:
    """The editor's webcam source: ``mirror`` the picture (a selfie view, and the capture as
    seen), and the ``getUserMedia`` ``constraints`` (e.g. ``{"video": {"width": 1024}}``)."""

    mirror: bool = True
    constraints: dict[str, Any] | None = field(default=None)

    def wire(self) -> dict[str, Any]:
        return {"mirror": self.mirror, "constraints": self.constraints}


# ---------------------------------------------------------------- ImageEditor arguments


def check_sources(sources: Any) -> list[str]:
    if sources is None:
        return []
    listed = [sources] if isinstance(sources, str) else list(sources)
    unknown = [s for s in listed if s not in _SOURCES]
    if unknown:
        raise DefinitionError(f"ImageEditor sources are upload, clipboard and webcam: {unknown}.")
    return list(dict.fromkeys(listed))


def check_transforms(transforms: Any) -> list[str]:
    listed = (
        []
        if transforms is None
        else [transforms]
        if isinstance(transforms, str)
        else list(transforms)
    )
    unknown = [t for t in listed if t not in _TRANSFORMS]
    if unknown:
        raise DefinitionError(f"ImageEditor transforms are 'crop' and 'resize': {unknown}.")
    if "resize" in listed:
        warn_unsupported("ImageEditor", {"transforms=['resize'] (the crop tool is offered)": None})
    return [t for t in listed if t == "crop"]


def layer_options(layers: Any) -> LayerOptions:
    if layers is True or layers is None:
        return LayerOptions()
    if layers is False:
        return LayerOptions(allow_additional_layers=False, disabled=True)
    if isinstance(layers, LayerOptions):
        return layers
    raise DefinitionError(
        f"ImageEditor(layers=) takes True, False or gr.LayerOptions(...): {layers!r}"
    )


def check_canvas_size(size: Any) -> tuple[int, int]:
    if (
        isinstance(size, tuple | list)
        and len(size) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) and 0 < n <= 8192 for n in size)
    ):
        return int(size[0]), int(size[1])
    raise DefinitionError(
        f"ImageEditor(canvas_size=) is (width, height) in pixels, 1..8192: {size!r}"
    )
