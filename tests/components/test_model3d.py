"""Model3D: model files out, uploaded models in, definition checks."""

from __future__ import annotations

from pathlib import Path

import pytest

import reactive as rx
from reactive.errors import DefinitionError, InvalidValue, OutputError


def test_a_model_file_is_sent_with_its_name_and_bytes() -> None:
    path = rx.media.get_model3d("unit-cube.obj")
    wire = rx.Model3D(clear_color=[0, 0, 0, 1]).postprocess(path)
    assert wire is not None
    assert wire["name"] == "unit-cube.obj"
    assert wire["data"] == Path(path).read_bytes()
    assert rx.Model3D().postprocess(None) is None


def test_an_uploaded_model_is_saved_under_its_name() -> None:
    data = Path(rx.media.get_model3d("upload-cube.glb")).read_bytes()
    path = rx.Model3D().preprocess({"name": "mine.glb", "mime": "model/gltf-binary", "data": data})
    assert path is not None
    assert Path(path).name == "mine.glb"
    assert Path(path).read_bytes() == data
    with pytest.raises(InvalidValue, match="is not a"):
        rx.Model3D().preprocess({"name": "notes.txt", "data": b"x"})


def test_wrong_files_and_options_are_refused() -> None:
    with pytest.raises(OutputError, match=r"\.obj, \.glb"):
        rx.Model3D().postprocess("picture.png")
    with pytest.raises(DefinitionError, match="clear_color"):
        rx.Model3D(clear_color=[1, 1, 1])
    with pytest.raises(DefinitionError, match="camera_position"):
        rx.Model3D(camera_position=(1, 2))


def test_a_gltf_goes_to_the_page_as_one_glb_with_its_buffer_beside_it_packed_in(
    tmp_path: Path,
) -> None:
    import json

    from reactive.media.paths import trusted

    (tmp_path / "mesh.bin").write_bytes(b"\1\2\3\4")
    document = {"asset": {"version": "2.0"}, "buffers": [{"uri": "mesh.bin", "byteLength": 4}],
                "bufferViews": [{"buffer": 0, "byteLength": 4}]}  # fmt: skip
    (tmp_path / "scene.gltf").write_text(json.dumps(document))
    with trusted():
        wire = rx.Model3D().postprocess(str(tmp_path / "scene.gltf"))
    assert wire is not None
    assert wire["name"] == "scene.glb"
    data = wire["data"]
    assert data[:4] == b"glTF"
    assert data.endswith(b"BIN\0\1\2\3\4")
    (tmp_path / "escape.gltf").write_text(json.dumps({"buffers": [{"uri": "../x.bin"}]}))
    with trusted(), pytest.raises(OutputError, match="only files beside it"):
        rx.Model3D().postprocess(str(tmp_path / "escape.gltf"))
