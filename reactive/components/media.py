"""Audio and Video: whole files or gapless streams out; uploaded files in.

Outputs show the whole file with the browser's own controls, or, with ``streaming=True``, play
every yielded chunk as it comes (see :mod:`reactive.media.audio` and :mod:`reactive.media.video`
for what a chunk may be). As inputs they take a file from the page (``sources=["upload"]``) or a
recording made in it (``"microphone"`` for Audio, ``"webcam"`` for Video): the function receives
a file path, or ``(rate, samples)`` for ``rx.Audio(type="numpy")``. The page sends a microphone
recording as a WAV file; a webcam recording comes as the browser recorded it (WebM, say) and is
converted to H.264 MP4 by ``rx.Video(format="mp4")``.
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, Literal

import numpy as np

from reactive.components.base import Component, warn_unsupported
from reactive.components.upload_folder import upload_dir
from reactive.components.waveform import WaveformOptions, waveform_rate
from reactive.errors import DefinitionError, OutputError
from reactive.media import audio, video
from reactive.media.files import UploadedFile, remove_upload
from reactive.media.limits import check_frame, check_seconds
from reactive.media.paths import trusted
from reactive.media.pcm import encode_wav, from_array
from reactive.media.stream import OutputStream

AudioType = Literal["numpy", "filepath"]
Source = Literal["upload", "microphone", "webcam"]


def _sources(owner: str, sources: Sequence[str] | str | None, known: set[str]) -> list[str]:
    """The sources the page offers, in the order given: file upload, or a recorder."""
    wanted = [sources] if isinstance(sources, str) else list(sources or ["upload"])
    unknown = set(wanted) - known
    if unknown:
        raise DefinitionError(
            f"{owner} sources must be among {sorted(known)}, got {sorted(unknown)}."
        )
    return list(dict.fromkeys(wanted))


class _Media(Component):
    """What Audio and Video share: file uploads in, results converted off the event loop."""

    heavy_postprocess = True
    #: Takes files uploaded in parts (``upload`` messages), and decodes them in a thread.
    accepts_upload: ClassVar[bool] = True
    slow_preprocess: ClassVar[bool] = True
    noun: ClassVar[str] = "media"
    #: ``return gr.Audio(playback_position=10.0)`` moves the player there.
    updatable: ClassVar[frozenset[str]] = frozenset({"playback_position"})

    def __init__(
        self,
        value: Any,
        *,
        streaming: bool,
        autoplay: bool,
        sources: list[str],
        show_download_button: bool,
        loop: bool,
        max_length: float | None = None,
        min_length: float | None = None,
        playback_position: float = 0,
        **kwargs: Any,
    ) -> None:
        self.max_length, self.min_length = _lengths(type(self).__name__, max_length, min_length)
        self.playback_position = _position(type(self).__name__, playback_position)
        super().__init__(value, **kwargs)
        self.streaming = streaming
        self.autoplay = autoplay
        self.sources = sources
        self.show_download_button = show_download_button
        self.loop = loop

    @property
    def streams(self) -> bool:
        return self.streaming

    @property
    def saves_uploads(self) -> bool:
        return True

    def extra_props(self) -> dict[str, Any]:
        return {
            "streaming": self.streaming,
            "autoplay": self.autoplay,
            "sources": self.sources,
            "show_download_button": self.show_download_button,
            "loop": self.loop,
            "max_length": self.max_length,
            "min_length": self.min_length,
            "playback_position": self.playback_position,
        }

    def set_prop(self, name: str, value: Any) -> None:
        if name == "playback_position":
            try:
                value = _position(type(self).__name__, value)
            except DefinitionError as exc:
                raise OutputError(str(exc)) from None
        super().set_prop(name, value)

    def _convert_value(self) -> None:
        """Convert ``value`` once, where the app is defined: never on the event loop, and a
        missing or unreadable file is a definition error at import time."""
        try:
            with trusted():  # the author's own file
                self._initial_wire = None if self.value is None else self.postprocess(self.value)
        except OutputError as exc:
            raise DefinitionError(f"{type(self).__name__}(value=...): {exc}") from None

    def initial_wire_value(self) -> Any:
        return self._initial_wire

    def preprocess(self, value: Any) -> Any:
        """An :class:`UploadedFile`, or ``{mime, data, name}`` (a small file in one message)."""
        if value is None:
            return None
        if isinstance(value, UploadedFile):
            path = value.path
        elif isinstance(value, dict) and isinstance(value.get("data"), bytes):
            name = Path(str(value.get("name") or "upload")).name or "upload"
            path = _save(value["data"], name)
        else:
            raise self.invalid(
                f"expected an uploaded {self.noun} file, got {type(value).__name__}."
            )
        try:
            return self.from_file(path)
        except OutputError as exc:
            remove_upload(path)  # refused: its file (and folder) go at once
            raise self.invalid(str(exc)) from None

    def from_file(self, path: Path) -> Any:
        raise NotImplementedError

    def check_length(self, seconds: float | None, name: str) -> None:
        """``min_length`` / ``max_length``: OutputError for a recording or file outside them
        (a recording stops by itself at ``max_length``; a quarter second over is its lag)."""
        if seconds is None:
            return
        if self.max_length is not None and seconds > self.max_length + LENGTH_LAG_SECONDS:
            raise OutputError(
                f"{self.noun} {name!r} lasts {seconds:.1f} s; this input takes at most "
                f"{self.max_length:g} s. Record or send a shorter one."
            )
        if self.min_length is not None and seconds < self.min_length:
            raise OutputError(
                f"{self.noun} {name!r} lasts {seconds:.1f} s; this input needs at least "
                f"{self.min_length:g} s. Record or send a longer one."
            )


#: How far past ``max_length`` a recording may run: the page stops it on its next tick.
LENGTH_LAG_SECONDS = 0.25


def _position(owner: str, seconds: Any) -> float:
    """``playback_position``: where the player stands, in seconds from the start."""
    if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not seconds >= 0:
        raise DefinitionError(
            f"{owner} playback_position must be a number of seconds >= 0, got {seconds!r}."
        )
    return float(seconds)


def _lengths(
    owner: str, max_length: float | None, min_length: float | None
) -> tuple[float | None, float | None]:
    for name, value in (("max_length", max_length), ("min_length", min_length)):
        if value is not None and not value > 0:
            raise DefinitionError(
                f"{owner} {name} must be a positive number of seconds, got {value!r}."
            )
    if max_length is not None and min_length is not None and min_length > max_length:
        raise DefinitionError(
            f"{owner} min_length ({min_length:g} s) is longer than max_length ({max_length:g} s)."
        )
    return max_length, min_length


def _save(data: bytes, name: str) -> Path:
    """Write a one-message upload under its own name, in a folder of its own (in the session's
    upload folder), so that refusing it can remove both."""
    folder = upload_dir.get()
    if folder is None:
        target = Path(tempfile.mkdtemp(prefix="reactive-upload-"))
    else:
        target = folder / secrets.token_hex(8)
        target.mkdir(parents=True)
    path = target / name
    path.write_bytes(data)
    return path


def _name(value: Any) -> str | None:
    """The name a returned path shows under (its own, not its real path's)."""
    return Path(value).name if isinstance(value, str | Path) else None


class Audio(_Media):
    """Sound. Output: ``(rate, samples)``, a file path or the bytes of a file.

    With ``streaming=True`` every yield is played as soon as it arrives, gaplessly after the
    previous one. Input: ``type="numpy"`` gives ``(rate, int16 samples)`` shaped (n,) or
    (n, channels); ``type="filepath"`` the uploaded file's path (a .wav for a microphone
    recording, ``sources=["microphone"]``).

    Example::

        @app.fn(inputs=rx.Textbox(), outputs=rx.Audio(streaming=True, autoplay=True))
        def speak(text):
            for word in text.split():
                yield 24000, synthesize(word)
    """

    type = "audio"
    noun = "audio"

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        sources: Sequence[str] | str | None = None,
        type: AudioType = "numpy",
        format: audio.AudioFormat = "wav",
        streaming: bool = False,
        autoplay: bool = False,
        show_download_button: bool = True,
        loop: bool = False,
        waveform_options: WaveformOptions | dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        self.sample_rate = waveform_rate(waveform_options)  # checks it, before anything else
        if isinstance(waveform_options, WaveformOptions) and waveform_options.styled():
            # Only the look of Gradio's waveform, which this page does not draw.
            warn_unsupported(
                "Audio", {f"waveform_options.{n}": None for n in waveform_options.styled()}
            )
        if type not in ("numpy", "filepath"):
            raise DefinitionError(f"Audio type must be 'numpy' or 'filepath', got {type!r}.")
        if format not in ("wav", "mp3"):
            raise DefinitionError(f"Audio format must be 'wav' or 'mp3', got {format!r}.")
        super().__init__(
            value,
            label=label,
            streaming=streaming,
            autoplay=autoplay,
            sources=_sources("Audio", sources, {"upload", "microphone"}),
            show_download_button=show_download_button,
            loop=loop,
            **kwargs,
        )
        self.audio_type: AudioType = type
        self.format: audio.AudioFormat = format
        self._initial_samples = self._samples_of_value()
        self._convert_value()

    def open_stream(self) -> OutputStream | None:
        return audio.AudioStream(self.served_paths) if self.streaming else None

    @property
    def captures(self) -> str | None:
        return "every" if self.streaming and "microphone" in self.sources else None

    @property
    def slow_stream_chunk(self) -> bool:
        return self.audio_type == "filepath"  # numpy: a view of the bytes, microseconds

    def from_stream(self, kind: str, data: bytes, rate: int | None, mime: str | None) -> Any:
        """A stretch of microphone PCM: ``(rate, int16 samples)``, or a WAV file of it."""
        if kind != "pcm" or rate is None:
            raise self.invalid(f"a microphone stream sends PCM, got {kind!r}.")
        samples = np.frombuffer(data, dtype="<i2").astype(np.int16)
        if self.audio_type == "numpy":
            return rate, samples
        folder = upload_dir.get() or Path(tempfile.mkdtemp(prefix="reactive-upload-"))
        path = folder / f"microphone-{secrets.token_hex(6)}.wav"
        path.write_bytes(encode_wav(from_array(rate, samples)))
        return str(path)

    def check_output(self, value: Any) -> None:
        audio.check_value(value)

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        return audio.to_browser(self.served(value), self.format, _name(value))

    def initial_python_value(self) -> Any:
        if self.value is None or self.audio_type == "filepath":
            return self.value
        if audio.is_rate_and_samples(self.value):
            return self.value
        assert self._initial_samples is not None
        rate, samples = self._initial_samples
        return rate, samples.copy()  # each session may change its own

    def _samples_of_value(self) -> tuple[int, np.ndarray[Any, Any]] | None:
        """A file or bytes ``value`` for ``type="numpy"``, decoded once."""
        if self.audio_type != "numpy" or not isinstance(self.value, str | Path | bytes | bytearray):
            return None
        try:
            if isinstance(self.value, bytes | bytearray):
                pcm = audio.decode_bytes(bytes(self.value))
                return pcm.rate, pcm.samples[:, 0] if pcm.channels == 1 else pcm.samples
            return audio.load(Path(self.value))
        except OutputError as exc:
            raise DefinitionError(f"Audio(value=...): {exc}") from None

    def from_file(self, path: Path) -> Any:
        seconds = audio.check_length(path, self.media_limits.max_media_seconds)  # before decoding
        self.check_length(seconds, path.name)
        if self.audio_type == "numpy":  # at WaveformOptions(sample_rate=) when it is given
            return audio.load(path, self.sample_rate)
        if self.sample_rate is not None:
            resampled = path.with_name(f"{path.stem}-{self.sample_rate}.wav")
            resampled.write_bytes(encode_wav(audio.decode_file(path, self.sample_rate)))
            return str(resampled)
        audio.check_upload(path)
        return str(path)


class Video(_Media):
    """Moving pictures. Output: an .mp4/.ts (any ffmpeg-readable) path, bytes, or numpy frames.

    Frames are shaped (T, H, W, 3) and played at ``fps``. With ``streaming=True`` every yield is
    appended to the playing video as soon as it arrives. Input: the path of the uploaded file or
    the webcam recording; with ``format="mp4"`` always an H.264 MP4 (converted when it is not).
    """

    type = "video"
    noun = "video"

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        format: str | None = None,
        sources: Sequence[str] | str | None = None,
        streaming: bool = False,
        autoplay: bool = False,
        fps: float = 25.0,
        height: int | str | None = None,
        width: int | str | None = None,
        show_download_button: bool = True,
        loop: bool = False,
        **kwargs: Any,
    ) -> None:
        if format is not None and format != "mp4":
            raise DefinitionError(f"Video format must be 'mp4' or None, got {format!r}.")
        if not 0 < fps <= 240:
            raise DefinitionError(f"Video fps must be in (0, 240], got {fps!r}.")
        super().__init__(
            value,
            label=label,
            streaming=streaming,
            autoplay=autoplay,
            sources=_sources("Video", sources, {"upload", "webcam"}),
            show_download_button=show_download_button,
            loop=loop,
            **kwargs,
        )
        self.format = format
        self.fps = float(fps)
        self.height, self.width = height, width
        self._convert_value()

    def extra_props(self) -> dict[str, Any]:
        return {**super().extra_props(), "height": self.height, "width": self.width}

    def open_stream(self) -> OutputStream | None:
        return video.VideoStream(self.fps, self.served_paths) if self.streaming else None

    def check_output(self, value: Any) -> None:
        video.check_value(value)

    def postprocess(self, value: Any) -> dict[str, Any] | None:
        return video.to_browser(self.served(value), self.fps, _name(value))

    def from_file(self, path: Path) -> Any:
        probe = video.check_upload(path)
        limits = self.media_limits  # judged by the probe, before anything is converted
        check_frame(probe.width, probe.height, limits.max_video_pixels, f"video {path.name!r}")
        check_seconds(probe.duration, limits.max_media_seconds, f"video {path.name!r}")
        self.check_length(probe.duration, path.name)
        if self.format == "mp4" and not video.is_h264_mp4(path, probe):
            converted = path.with_suffix(".mp4")
            if converted == path:
                converted = path.with_name(f"{path.stem}-h264.mp4")
            converted.write_bytes(video.to_mp4(path, f"video {path.name!r}"))
            return str(converted)
        return str(path)
