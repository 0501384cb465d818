"""ImageEditor (and Gradio's Sketchpad, Paint, ImageMask): a canvas to draw on over a picture.

The value is Gradio's EditorValue, ``{"background", "layers", "composite"}``: the picture drawn
on (or None), one image per drawing layer (transparent where nothing was drawn), and what the
person sees, everything flattened. The page sends all three, each an encoded picture
``{mime, data, name}`` as an upload of ``rx.Image`` is, after a stroke ends.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, ClassVar, Literal

import numpy as np
from PIL import Image as PILImage

from reactive.components.base import Component, require_type
from reactive.components.editor_options import (
    Brush,
    Eraser,
    LayerOptions,
    WebcamOptions,
    check_canvas_size,
    check_sources,
    check_transforms,
    layer_options,
)
from reactive.components.image import ImageType, image_wire, is_url, uploaded_image
from reactive.components.listeners import _listener
from reactive.components.upload_folder import upload_dir
from reactive.errors import DefinitionError, OutputError
from reactive.media import image as media

PARTS = ("background", "layers", "composite")


class ImageEditor(Component):
    """Draw on a picture. Input: ``{"background", "layers", "composite"}``, each image a numpy
    array (``type="numpy"``, HxWx4 by default: ``image_mode="RGBA"``), a PIL image or a file path.

    Output: such a dict (of numpy arrays, PIL images, paths or URLs), or one image, which becomes
    the background. ``brush=`` / ``eraser=`` set the tools (``False`` hides one), ``layers=`` the
    drawing layers, ``canvas_size=`` the blank canvas (a picture resizes it unless
    ``fixed_canvas=True``, which fits the picture into it), ``transforms=("crop",)`` a crop tool,
    ``sources=`` where a background may come from (``"upload"``, ``"webcam"``: a snapshot,
    ``"clipboard"``: a paste), ``webcam_options=gr.WebcamOptions(mirror=, constraints=)``.
    """

    type = "imageeditor"
    heavy_postprocess = True
    slow_preprocess: ClassVar[bool] = True
    updatable: ClassVar[frozenset[str]] = frozenset(
        {"brush", "eraser", "layers", "canvas_size", "fixed_canvas", "height", "width"}
    )
    apply = _listener("apply")  # a stroke, an erase or a crop finished (the value is sent)
    brush: Brush | Literal[False]
    eraser: Eraser | Literal[False]
    layers: LayerOptions
    canvas_size: tuple[int, int]

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        type: ImageType = "numpy",
        image_mode: Literal["RGBA", "RGB", "L"] | None = "RGBA",
        sources: list[str] | tuple[str, ...] | str | None = ("upload", "webcam", "clipboard"),
        height: int | str | None = None,
        width: int | str | None = None,
        placeholder: str | None = None,
        transforms: list[str] | tuple[str, ...] | None = ("crop",),
        eraser: Eraser | Literal[False] | None = None,
        brush: Brush | Literal[False] | None = None,
        format: media.ImageFormat = "auto",
        layers: bool | LayerOptions = True,
        canvas_size: tuple[int, int] = (800, 800),
        fixed_canvas: bool = False,
        crop_size: Any = None,
        webcam_options: WebcamOptions | None = None,
        **kwargs: Any,
    ) -> None:
        if type not in ("numpy", "pil", "filepath"):
            raise DefinitionError(
                f"ImageEditor type must be 'numpy', 'pil' or 'filepath', got {type!r}."
            )
        if crop_size is not None:
            raise DefinitionError(
                "ImageEditor(crop_size=...) is refused: reactive does not force a crop ratio. "
                "Leave it out; the person crops with the crop tool (transforms=('crop',))."
            )
        if format not in ("auto", "png", "jpeg", "webp"):
            raise DefinitionError(
                f"ImageEditor format must be auto, png, jpeg or webp: {format!r}."
            )
        self.sources = check_sources(sources)
        self.transforms = check_transforms(transforms)
        super().__init__(value, label=label, **kwargs)
        self.image_type: ImageType = type
        self.image_mode = image_mode
        self.height, self.width, self.placeholder = height, width, placeholder
        self.format: media.ImageFormat = format
        self.set_prop("brush", brush)
        self.set_prop("eraser", eraser)
        self.set_prop("layers", layers)
        self.set_prop("canvas_size", canvas_size)
        self.fixed_canvas = fixed_canvas
        if webcam_options is not None and not isinstance(webcam_options, WebcamOptions):
            raise DefinitionError(
                f"ImageEditor(webcam_options=) takes gr.WebcamOptions(...): {webcam_options!r}"
            )
        self.webcam_options = webcam_options or WebcamOptions()
        self._blank_path: str | None = None

    # ---------------------------------------------------------------- props

    def set_prop(self, name: str, value: Any) -> None:
        if name == "brush":
            value = Brush() if value is None or value is True else value
            if value is not False and not isinstance(value, Brush):
                raise DefinitionError(
                    f"ImageEditor(brush=) takes gr.Brush(...) or False: {value!r}"
                )
        elif name == "eraser":
            value = Eraser() if value is None or value is True else value
            if value is not False and not isinstance(value, Eraser):
                raise DefinitionError(
                    f"ImageEditor(eraser=) takes gr.Eraser(...) or False: {value!r}"
                )
        elif name == "layers":
            value = layer_options(value)
        elif name == "canvas_size":
            value = check_canvas_size(value)
        super().set_prop(name, value)

    def extra_props(self) -> dict[str, Any]:
        brush = self.brush.wire() if isinstance(self.brush, Brush) else None
        eraser = self.eraser.wire() if isinstance(self.eraser, Eraser) and brush else None
        return {
            "brush": brush,
            "eraser": eraser,
            "layers": self.layers.wire(),
            "canvas_size": list(self.canvas_size),
            "fixed_canvas": self.fixed_canvas,
            "transforms": self.transforms,
            "sources": self.sources,
            "webcam_options": self.webcam_options.wire(),
            "height": self.height,
            "width": self.width,
            "placeholder": self.placeholder,
        }

    @property
    def saves_uploads(self) -> bool:
        return self.image_type == "filepath"

    # ---------------------------------------------------------------- values

    def initial_python_value(self) -> Any:
        """The author's value as the function would receive it from the page."""
        return self.as_input(self.value)

    def as_input(self, value: Any) -> Any:
        """``value`` (the author's, or another function's result) as a function reading this
        editor receives it: each picture as ``type``; nothing is a blank canvas, as the page's."""
        if value is None:
            return self.blank()
        try:
            parts = self._filled(editor_dict(value))
        except OutputError:
            return value  # the output's own conversion says what is wrong with it
        return {
            "background": self._typed(parts["background"]),
            "layers": [self._typed(layer) for layer in parts["layers"]],
            "composite": self._typed(parts["composite"]),
        }

    def _filled(self, parts: dict[str, Any]) -> dict[str, Any]:
        """What the page sends for a picture: blank layers of its size when none are given,
        and the composite (the picture with the layers over it) when it is None."""
        back = _opened(parts["background"])
        if back is None:
            return parts
        layers = parts["layers"] or [
            PILImage.new("RGBA", back.size) for _ in range(len(self.layers.layers or [None]))
        ]
        composite = parts["composite"]
        if composite is None:
            composite = back.convert("RGBA")
            for layer in map(_opened, layers):
                if layer is not None and layer.size == composite.size:
                    composite = PILImage.alpha_composite(composite, layer.convert("RGBA"))
        return {"background": parts["background"], "layers": layers, "composite": composite}

    def blank(self) -> dict[str, Any]:
        """An untouched or cleared canvas: no background, each layer and the composite clear
        (``canvas_size``, transparent), as the page shows it."""
        count = len(self.layers.layers or [None])
        if self.image_type == "filepath":  # one blank file, made once, for every session
            if self._blank_path is None or not Path(self._blank_path).is_file():
                self._blank_path = self._typed(self._clear())
            return {"background": None, "layers": [self._blank_path] * count,
                    "composite": self._blank_path}  # fmt: skip
        typed = [self._typed(self._clear()) for _ in range(count + 1)]
        return {"background": None, "layers": typed[:count], "composite": typed[count]}

    def _clear(self) -> np.ndarray[Any, Any]:
        width, height = self.canvas_size
        return np.zeros((height, width, 4), dtype=np.uint8)

    def _typed(self, image: Any) -> Any:
        if image is None or is_url(image):
            return image
        if isinstance(image, str | Path):
            if self.image_type == "filepath":
                return str(image)
            try:
                image = PILImage.open(image)
            except OSError:
                return image  # the output's own conversion says the file is missing
        if isinstance(image, np.ndarray):
            if self.image_type == "numpy" and _in_mode(image, self.image_mode):
                return image  # already what the page's picture would decode to
            image = media.array_to_pil(image)
        if not isinstance(image, PILImage.Image):
            return image
        if self.image_mode is not None and image.mode != self.image_mode:
            image = image.convert(self.image_mode)
        if self.image_type == "pil":
            return image
        if self.image_type == "numpy":
            return np.array(image)  # a copy the function may write to
        return _save_png(image)

    def preprocess(self, value: Any) -> dict[str, Any]:
        if value is None:  # the page's Clear
            return self.blank()
        require_type(self, value, (dict,), "an editor value {background, layers, composite}")
        layers = value.get("layers") or []
        require_type(self, layers, (list,), "a list of layer pictures")
        return {
            "background": self._picture(value.get("background")),
            "layers": [self._picture(layer) for layer in layers],
            "composite": self._picture(value.get("composite")),
        }

    def _picture(self, wire: Any) -> Any:
        if wire is None:
            return None
        return uploaded_image(self, wire, self.image_type, self.image_mode)

    def check_output(self, value: Any) -> None:
        if value is None or isinstance(value, dict):
            return
        if isinstance(value, str | Path | bytes | bytearray | np.ndarray | PILImage.Image):
            return
        raise OutputError(
            f"{self!r} takes a dict {{background, layers, composite}} or one image; "
            f"got {type(value).__name__}."
        )

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        self.check_output(value)
        if value is None:
            return None
        parts = editor_dict(value)
        return {
            "background": image_wire(self, parts["background"], self.format, 90),
            "layers": [image_wire(self, layer, "png", 90) for layer in parts["layers"]],
            "composite": image_wire(self, parts["composite"], self.format, 90),
        }

    def example_cell(self, value: Any) -> Any:
        if isinstance(value, dict):
            value = value.get("composite") or value.get("background")
        return "" if value is None else Path(str(value)).name if isinstance(value, str) else "image"

    def edit_events(self, wire: Any) -> list[str]:
        """What a new page value starts: ``upload`` (a new background), ``clear``, ``apply``.

        The page says which edit it sends (``edit``: ``"upload"`` or ``"apply"``); a value
        without it (an API call) is an upload when it has a background.
        """
        if is_empty(wire):
            return ["clear"]
        edit = wire.get("edit") if isinstance(wire, dict) else None
        if edit in ("upload", "apply"):
            return [edit]
        return ["upload"] if isinstance(wire, dict) and wire.get("background") else ["apply"]


_CHANNELS = {"RGBA": 4, "RGB": 3}


def _in_mode(array: np.ndarray[Any, Any], mode: str | None) -> bool:
    """A uint8 array already in ``mode`` (RGBA: HxWx4, RGB: HxWx3, L: HxW)."""
    if array.dtype != np.uint8:
        return False
    if mode == "L":
        return array.ndim == 2
    return array.ndim == 3 and array.shape[2] == _CHANNELS.get(mode or "", -1)


def _opened(image: Any) -> PILImage.Image | None:
    """A local picture as PIL (None for a URL, a missing file or no picture)."""
    if isinstance(image, PILImage.Image):
        return image
    if isinstance(image, np.ndarray):
        return media.array_to_pil(image)
    if isinstance(image, str | Path) and not is_url(image):
        try:
            with PILImage.open(image) as opened:
                opened.load()
                return opened.copy()
        except OSError:
            return None
    return None


def is_empty(wire: Any) -> bool:
    """No picture and nothing drawn: the page's clear."""
    if not isinstance(wire, dict):
        return wire is None
    return (
        wire.get("background") is None and not wire.get("layers") and wire.get("composite") is None
    )


def editor_dict(value: Any) -> dict[str, Any]:
    """A returned value as ``{background, layers, composite}`` (one image: the background)."""
    if not isinstance(value, dict):
        return {"background": value, "layers": [], "composite": value}
    unknown = set(value) - set(PARTS)
    if unknown:
        raise OutputError(
            f"An ImageEditor value has the keys background, layers and composite; "
            f"got {', '.join(sorted(map(str, unknown)))}."
        )
    layers = value.get("layers") or []
    if not isinstance(layers, list | tuple):
        raise OutputError(f"An ImageEditor value's layers is a list of images, got {layers!r}.")
    return {
        "background": value.get("background"),
        "layers": [layer for layer in layers if layer is not None],
        "composite": value.get("composite"),
    }


def _save_png(image: PILImage.Image) -> str:
    folder = upload_dir.get() or Path(tempfile.mkdtemp(prefix="reactive-editor-"))
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".png", delete=False) as handle:
        image.save(handle, "PNG")
        return handle.name
