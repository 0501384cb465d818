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


def test_get_file_gives_a_table() -> None:
    assert Path(rx.media.get_file()).read_text().startswith("name,age,sex,survived\n")
    assert json.loads(Path(rx.media.get_file("people-test.json")).read_text())[0]["name"] == "Allen"


@pytest.mark.parametrize("name", ["../escape.png", "picture.bmp", "sub/dir.png"])
def test_names_that_are_not_plain_files_of_a_known_kind_are_refused(name: str) -> None:
    with pytest.raises(DefinitionError, match="plain file name"):
        rx.media.get_image(name)
