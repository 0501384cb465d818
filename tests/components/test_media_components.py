"""rx.Audio and rx.Video as definitions: options, props, values in and out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

import reactive as rx
from reactive.errors import DefinitionError, InvalidValue, OutputError
from reactive.gradio.interface import component_from
from reactive.media import ffmpeg
from reactive.media.audio import AudioStream
from reactive.media.files import UploadedFile
from reactive.media.video import VideoStream
from tests.media import generate


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: rx.Audio(type="pil"), "type must be 'numpy' or 'filepath'"),  # type: ignore[arg-type]
        (lambda: rx.Audio(format="ogg"), "format must be 'wav' or 'mp3'"),  # type: ignore[arg-type]
        (lambda: rx.Audio(sources=["webcam"]), "sources must be among"),
        (lambda: rx.Video(format="avi"), "format must be 'mp4' or None"),
        (lambda: rx.Video(fps=0), "fps must be"),
        (lambda: rx.Audio(max_length=0), "max_length must be a positive number"),
        (lambda: rx.Video(min_length=3, max_length=2), "min_length .* is longer than max_length"),
    ],
)
def test_definition_mistakes_are_clear(make: Any, message: str) -> None:
    with pytest.raises(DefinitionError, match=message):
        make()


def test_recording_sources_are_offered_without_a_warning(recwarn: pytest.WarningsRecorder) -> None:
    assert rx.Video(sources="webcam").sources == ["webcam"]
    assert rx.Audio(sources=["microphone", "upload", "microphone"]).sources == [
        "microphone",
        "upload",
    ]
    assert rx.Audio().sources == ["upload"]
    assert not [w for w in recwarn if issubclass(w.category, UserWarning)]
    app = rx.App()
    mic = rx.Audio(sources=["microphone"], type="filepath", elem_id="mic")
    app.fn(inputs=mic, outputs=rx.Textbox())(lambda path: path)
    assert app.describe()["components"]["mic"]["props"]["sources"] == ["microphone"]


def test_gradio_recording_sources_keep_working_through_the_shim(
    recwarn: pytest.WarningsRecorder,
) -> None:
    import reactive as gr

    assert gr.Audio(sources=["microphone"], type="filepath").sources == ["microphone"]
    assert gr.Video(sources=["webcam"], format="mp4").sources == ["webcam"]
    assert component_from("microphone").sources == ["microphone"]  # type: ignore[attr-defined]
    assert component_from("webcam").sources == ["webcam"]  # type: ignore[attr-defined]
    assert not [w for w in recwarn if issubclass(w.category, UserWarning)]


def test_props_tell_the_page_how_to_play() -> None:
    app = rx.App()
    clip, out = rx.Audio(elem_id="clip"), rx.Audio(streaming=True, autoplay=True, elem_id="out")
    app.fn(inputs=clip, outputs=out)(lambda c: c)
    props = app.describe()["components"]["out"]["props"]
    assert props["interactive"] is False  # an output only: no file picker
    assert props["streaming"] is True
    assert props["autoplay"] is True
    assert app.describe()["components"]["clip"]["props"]["interactive"] is True
    video = rx.Video(height=240, loop=True, show_download_button=False).props()
    assert (video["height"], video["loop"], video["show_download_button"]) == (240, True, False)


def test_streaming_outputs_open_a_stream_per_run() -> None:
    assert isinstance(rx.Audio(streaming=True).open_stream(), AudioStream)
    assert isinstance(rx.Video(streaming=True, fps=12).open_stream(), VideoStream)
    assert rx.Audio().open_stream() is None
    assert rx.Audio(streaming=True).streams
    assert not rx.Video().streams


def test_a_function_with_a_streaming_output_hands_over_every_value() -> None:
    app = rx.App()
    app.fn(inputs=[], outputs=[rx.Text(), rx.Audio(streaming=True)])(lambda: None)
    app.fn(inputs=[], outputs=rx.Text())(lambda: None)
    assert [f.conflates for f in app.functions] == [False, True]


def test_whole_file_outputs() -> None:
    wire = rx.Audio().postprocess((8000, generate.tone(8000, 0.1)))
    assert wire is not None
    assert wire["mime"] == "audio/wav"
    with pytest.raises(OutputError, match="audio output takes"):
        rx.Audio().check_output(["not", "audio"])
    rx.Video().check_output(np.zeros((1, 2, 2, 3)))
    with pytest.raises(OutputError, match="video output takes"):
        rx.Video().check_output(12)


def test_the_initial_value_is_converted_once(tmp_path: Path) -> None:
    clip = generate.write_wav(tmp_path / "clip.wav", 8000, 0.1)
    audio = rx.Audio(value=str(clip), type="numpy")
    assert audio.initial_wire_value() is audio.initial_wire_value()
    rate, first = audio.initial_python_value()
    first[:] = 0  # a session changing its copy
    assert rate == 8000
    assert audio.initial_python_value()[1].any()
    assert rx.Audio(value=str(clip), type="filepath").initial_python_value() == str(clip)


def test_uploads_become_paths_or_samples(tmp_path: Path) -> None:
    data = generate.wav_bytes(8000, 0.1)
    path = tmp_path / "a.wav"
    path.write_bytes(data)
    upload = UploadedFile(path, "a.wav", "audio/wav", len(data))
    assert rx.Audio(type="filepath").preprocess(upload) == str(path)
    rate, samples = rx.Audio().preprocess(upload)
    assert rate == 8000
    assert samples.shape == (800,)
    one_message = rx.Audio(type="filepath").preprocess(
        {"mime": "audio/wav", "data": data, "name": "b.wav"}
    )
    assert Path(one_message).read_bytes() == data
    Path(one_message).unlink()
    assert rx.Audio().preprocess(None) is None


def wav_upload(tmp_path: Path, seconds: float) -> UploadedFile:
    data = generate.wav_bytes(8000, seconds)
    path = tmp_path / f"take-{seconds}.wav"
    path.write_bytes(data)
    return UploadedFile(path, path.name, "audio/wav", len(data))


def test_max_and_min_length_bound_a_recording_or_file(tmp_path: Path) -> None:
    bounded = rx.Audio(sources=["microphone"], type="filepath", max_length=2, min_length=0.5)
    assert bounded.props()["max_length"] == 2  # the page stops a recording there by itself
    assert bounded.preprocess(wav_upload(tmp_path, 2.1)) is not None  # the page's stop lag
    with pytest.raises(InvalidValue, match=r"lasts 3\.0 s; this input takes at most 2 s"):
        bounded.preprocess(wav_upload(tmp_path, 3.0))
    with pytest.raises(InvalidValue, match=r"lasts 0\.2 s; this input needs at least 0\.5 s"):
        bounded.preprocess(wav_upload(tmp_path, 0.2))
    assert not (tmp_path / "take-3.0.wav").exists()  # a refused file goes at once


@pytest.mark.parametrize(
    ("name", "codec"),
    [("webcam.webm", "libvpx"), ("webcam.mp4", "libvpx-vp9"), ("ok.mp4", "libx264")],
)
def test_format_mp4_always_gives_h264_mp4(tmp_path: Path, name: str, codec: str) -> None:
    """Whatever the browser recorded (VP8 WebM, VP9 in MP4), the function gets H.264 MP4."""
    source = tmp_path / name
    ffmpeg.run_sync(
        [
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=64x48:rate=10:duration=0.5",
            "-c:v",
            codec,
            "-pix_fmt",
            "yuv420p",
            "-y",
            str(source),
        ],
        what="test video",
    )
    data = source.read_bytes()
    got = Path(rx.Video(format="mp4").preprocess(UploadedFile(source, name, "", len(data))))
    assert got.suffix == ".mp4"
    assert got.parent == tmp_path
    found = ffmpeg.probe_sync(got)
    assert found is not None
    assert found.video == "h264"
    assert "mp4" in found.container
    assert (got == source) == (codec == "libx264")  # an H.264 MP4 is passed as it is
    assert source.read_bytes() == data  # the upload itself is kept
    assert rx.Video().preprocess(UploadedFile(source, name, "", len(data))) == str(source)


@pytest.mark.parametrize("value", [{"path": "/etc/passwd"}, "x.wav", 3, {"data": "text"}])
def test_nothing_but_uploaded_bytes_is_accepted(value: Any) -> None:
    with pytest.raises(InvalidValue, match="expected an uploaded audio file"):
        rx.Audio(type="filepath").preprocess(value)


def test_a_default_value_that_cannot_be_read_is_a_definition_error(tmp_path: Path) -> None:
    with pytest.raises(DefinitionError, match=r"Audio\(value=...\): .*does not exist"):
        rx.Audio(value=str(tmp_path / "missing.wav"))
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"not a video")
    with pytest.raises(DefinitionError, match=r"Video\(value=...\): .*not a video file"):
        rx.Video(value=str(junk))
