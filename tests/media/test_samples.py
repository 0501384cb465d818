"""rx.media sample helpers: real files of the named format, made locally, reused."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import pytest
from PIL import Image as PILImage

import reactive as rx
from reactive.errors import DefinitionError
from reactive.media import ffmpeg


def test_get_image_makes_a_picture_of_the_named_format_once() -> None:
    path = rx.media.get_image("cheetah-test.jpg")
    with PILImage.open(path) as image:
        assert (image.format, image.size) == ("JPEG", (320, 240))
    made = Path(path).stat().st_mtime_ns
    assert rx.media.get_image("cheetah-test.jpg") == path
    assert Path(path).stat().st_mtime_ns == made  # reused, not written again
    with PILImage.open(rx.media.get_image()) as default:
        assert default.format == "PNG"


def test_get_audio_is_a_two_second_tone() -> None:
    with wave.open(rx.media.get_audio()) as sound:
        assert sound.getframerate() == 44_100
        assert sound.getnframes() == 88_200
        assert max(sound.readframes(4410)) > 0  # not silence


@pytest.mark.parametrize("name", ["clip-test.mp4", "clip-test.webm", "tone-test.mp3"])
def test_encoded_samples_decode(name: str) -> None:
    path = rx.media.get_audio(name) if name.endswith(".mp3") else rx.media.get_video(name)
    ffmpeg.run_sync(["-i", path, "-f", "null", "-"], what=name)  # raises if it does not decode
    assert Path(path).stat().st_size > 1000


def test_get_model3d_obj_and_glb_are_a_cube() -> None:
    obj = Path(rx.media.get_model3d()).read_text().splitlines()
    assert sum(line.startswith("v ") for line in obj) == 8
    assert sum(line.startswith("f ") for line in obj) == 12
    data = Path(rx.media.get_model3d("cube-test.glb")).read_bytes()
    assert data[:4] == b"glTF"
    assert int.from_bytes(data[8:12], "little") == len(data)
    length = int.from_bytes(data[12:16], "little")
    document = json.loads(data[20 : 20 + length])
    assert document["accessors"][1]["count"] == 36


def test_get_model3d_gltf_and_stl_are_a_cube() -> None:
    document = json.loads(Path(rx.media.get_model3d("cube-test.gltf")).read_text())
    assert document["buffers"][0]["uri"].startswith("data:application/octet-stream;base64,")
    assert document["accessors"][1]["count"] == 36
    stl = Path(rx.media.get_model3d("cube-test.stl")).read_text()
    assert stl.startswith("solid cube")
    assert stl.count("facet normal") == 12


def test_get_file_gives_a_table() -> None:
    assert Path(rx.media.get_file()).read_text().startswith("name,age,sex,survived\n")
    assert json.loads(Path(rx.media.get_file("people-test.json")).read_text())[0]["name"] == "Allen"


@pytest.mark.parametrize("name", ["../escape.png", "picture.bmp", "sub/dir.png"])
def test_names_that_are_not_plain_files_of_a_known_kind_are_refused(name: str) -> None:
    with pytest.raises(DefinitionError, match="plain file name"):
        rx.media.get_image(name)


def test_gradio_top_level_names_and_media_root() -> None:
    """``gr.get_image`` and ``from gradio.media import MEDIA_PATHS, MEDIA_ROOT`` as Gradio has them;
    every sample lives under MEDIA_ROOT, which apps pass as allowed_paths."""
    from reactive.media import MEDIA_PATHS, MEDIA_ROOT

    assert rx.get_image is rx.media.get_image
    assert rx.get_video is rx.media.get_video
    assert MEDIA_PATHS == [MEDIA_ROOT]
    assert Path(rx.get_file("titanic-test.csv")).parent == MEDIA_ROOT
    rx.App(title="allowed", allowed_paths=MEDIA_PATHS)  # accepted as Gradio apps pass it


@pytest.mark.parametrize(
    ("name", "timing"), [("s-test.srt", "00:00:01,000"), ("s-test.vtt", "00:00:01.000")]
)
def test_get_file_subtitles(name: str, timing: str) -> None:
    text = Path(rx.get_file(name)).read_text()
    assert f"00:00:00{timing[8]}000 --> {timing}" in text
    assert text.startswith("WEBVTT") == name.endswith(".vtt")


def test_processes_making_one_sample_at_once_do_not_collide(tmp_path: Path) -> None:
    """Each process writes its own partial file, so a second one finishing never finds its
    partial renamed away (the FileNotFoundError Gradio's image_mod demo met)."""
    import subprocess
    import sys

    code = "import reactive as rx; rx.get_image('race-test.png')"
    env = {"TMPDIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [subprocess.Popen([sys.executable, "-c", code], env=env) for _ in range(4)]
    assert [run.wait() for run in runs] == [0, 0, 0, 0]
    assert [p.name for p in tmp_path.glob("reactive-media-*/*")] == ["race-test.png"]
