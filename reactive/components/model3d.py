"""Model3D: a 3D model (.obj, .glb, .gltf, .stl) the page draws with three.js; uploads in."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from reactive.components.base import Component, require_type
from reactive.components.file import download_wire, save_upload
from reactive.errors import DefinitionError, OutputError
from reactive.media.gltf import gltf_to_glb

FORMATS = (".obj", ".glb", ".gltf", ".stl")


class Model3D(Component):
    """Shows a 3D model from a file path; the person orbits it by dragging and zooms with the
    wheel. As an input (``interactive=True``)
    the function receives the uploaded model's file path.

    ``clear_color`` is the background ``[r, g, b, a]`` (0..1); ``camera_position`` is
    ``(azimuth°, polar°, distance)``, each None to fit the model.
    """

    type = "model3d"
    heavy_postprocess = True
    updatable: ClassVar[frozenset[str]] = frozenset({"clear_color", "camera_position", "height"})

    def __init__(
        self,
        value: str | Path | None = None,
        *,
        label: str | None = None,
        clear_color: Sequence[float] | None = None,
        camera_position: Sequence[float | None] = (None, None, None),
        zoom_speed: float = 1,
        pan_speed: float = 1,
        height: int | None = None,
        **kwargs: Any,
    ) -> None:
        if clear_color is not None and len(clear_color) != 4:
            raise DefinitionError(f"Model3D clear_color takes [r, g, b, a]; got {clear_color!r}.")
        if len(camera_position) != 3:
            raise DefinitionError(
                f"Model3D camera_position takes (azimuth, polar, distance): {camera_position!r}."
            )
        super().__init__(value, label=label, **kwargs)
        self.clear_color = list(clear_color) if clear_color is not None else None
        self.camera_position = list(camera_position)
        self.zoom_speed, self.pan_speed, self.height = zoom_speed, pan_speed, height

    @property
    def saves_uploads(self) -> bool:
        return True

    def extra_props(self) -> dict[str, Any]:
        return {
            "clear_color": self.clear_color,
            "camera_position": self.camera_position,
            "zoom_speed": self.zoom_speed,
            "pan_speed": self.pan_speed,
            "height": self.height,
        }

    def check_output(self, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, str | Path):
            raise OutputError(
                f"{self!r} shows a model file: return its path, not {type(value).__name__}."
            )
        if Path(value).suffix.lower() not in FORMATS:
            raise OutputError(
                f"{self!r} shows {', '.join(FORMATS)} files; got {Path(value).name!r}."
            )

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        self.check_output(value)
        if value is None:
            return None
        served = self.served(value)
        if Path(value).suffix.lower() == ".gltf":  # its buffers packed in: the page fetches none
            name = Path(value).with_suffix(".glb").name
            return {"name": name, "mime": "model/gltf-binary", "data": gltf_to_glb(Path(served))}
        return download_wire(value, served)

    def preprocess(self, value: Any) -> str | None:
        if value is None:
            return None
        require_type(self, value, (dict,), "an uploaded model {name, mime, data}")
        data, name = value.get("data"), Path(str(value.get("name") or "model")).name
        if not isinstance(data, bytes):
            raise self.invalid("the upload has no file bytes.")
        if Path(name).suffix.lower() not in FORMATS:
            raise self.invalid(f"{name!r} is not a {', '.join(FORMATS)} file.")
        return save_upload(data, name)

    def example_cell(self, value: Any) -> Any:
        return Path(str(value)).name if isinstance(value, str | Path) else ""
