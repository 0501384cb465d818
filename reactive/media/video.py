"""Video between Python values and the page: whole files, uploads, and streams of fMP4 chunks.

A streamed output sends every yielded chunk as fragmented MP4 / H.264 (``{k: "fmp4", mime,
data}``) which the page appends to one MediaSource buffer in ``sequence`` mode, so chunks play
back to back whatever their own timestamps. Per yield it takes an .mp4 / .ts (or any
ffmpeg-readable) path, the bytes of such a file, or numpy frames shaped (T, H, W, 3):

* H.264 files are remuxed (``-c copy``: no re-encoding, ~20 ms); other codecs, and H.264 in a
  profile browsers do not decode (10-bit, 4:2:2, 4:4:4), are re-encoded with x264.
* numpy frames go to one x264 encoder per stream that runs as long as the stream, fed on stdin
  (the cheapest way: no process start or rate-control warm-up per chunk). It writes one fragment
  per frame; a chunk is sent once its frames are out, except the very last frame, which the MP4
  muxer keeps until the next frame (or the end of the stream) gives its duration.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shutil
import tempfile
from collections.abc import AsyncGenerator
from contextlib import aclosing
from pathlib import Path
from typing import Any

import numpy as np

from reactive.errors import OutputError
from reactive.media import ffmpeg, fmp4
from reactive.media.files import read_file, temp_copy, video_container
from reactive.media.paths import DEFAULT_SERVED, ServedPaths
from reactive.media.stream import OutputStream

log = logging.getLogger("reactive")

ACCEPTED = "an .mp4/.ts file path, the bytes of a video file, or frames shaped (T, H, W, 3)"
FRAGMENTED = ["-f", "mp4", "-movflags", "frag_keyframe+empty_moov+default_base_moof"]
EVEN_SIZE = ["-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2"]  # 4:2:0 needs even width and height
# Streams: superfast is both cheaper (0.07 vs 0.12 CPU s per second of 640x480) and, on typical
# content, smaller than veryfast; zerolatency: no frame is held back for lookahead or B-frames.
X264 = ["-c:v", "libx264", "-preset", "superfast", "-tune", "zerolatency", "-pix_fmt", "yuv420p"]
# Whole files are not played while they are made: a little more effort, smaller files.
X264_FILE = ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"]
# A held-back fragment never takes this long once its frames are written; past it, send what is out.
STALL_SECONDS = 2.0

_MP4_VIDEO = {"h264", "av1", "vp9"}
_MP4_AUDIO = {None, "aac", "mp3", "opus", "flac"}
_WEBM_VIDEO = {"vp8", "vp9", "av1"}
_WEBM_AUDIO = {None, "opus", "vorbis"}


def mime_of(init: bytes) -> str:
    codec = fmp4.codec_string(init) or "avc1.42E01E"
    return f'video/mp4; codecs="{codec}"'


def payload(data: bytes, mime: str) -> dict[str, Any]:
    """The ``chunk`` payload: fMP4 bytes (an init segment first when the format starts anew)."""
    return {"k": "fmp4", "mime": mime, "data": data}


def check_value(value: Any) -> None:
    if value is None or isinstance(value, str | Path | bytes | bytearray | np.ndarray):
        return
    raise OutputError(f"A video output takes {ACCEPTED}; got {type(value).__name__}.")


def as_frames(value: np.ndarray[Any, Any]) -> np.ndarray[Any, np.dtype[np.uint8]]:
    """uint8 RGB frames (T, H, W, 3) from (T, H, W, 3|4|1) or (T, H, W), uint8 or float 0..1."""
    frames = value[..., None] if value.ndim == 3 else value
    if frames.ndim != 4 or frames.shape[3] not in (1, 3, 4) or 0 in frames.shape[:3]:
        raise OutputError(
            f"Video frames must be shaped (T, H, W, 3), got {value.shape}: "
            "stack the frames of a chunk along the first axis."
        )
    if frames.dtype.kind == "f":
        frames = (np.clip(frames, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
    elif frames.dtype != np.uint8:
        if frames.dtype.kind not in "iub":
            raise OutputError(f"Video frames must be uint8 or float; got dtype {frames.dtype}.")
        frames = np.clip(frames, 0, 255).astype(np.uint8)
    if frames.shape[3] == 4:
        frames = frames[..., :3]
    elif frames.shape[3] == 1:
        frames = np.repeat(frames, 3, axis=3)
    return np.ascontiguousarray(frames)


# ---------------------------------------------------------------- file chunks


async def fragment_file(path: Path, what: str) -> bytes:
    """A whole video file as fMP4 / H.264: remuxed when it is browser H.264, else re-encoded."""
    source = ["-i", str(path), "-map", "0:v:0", "-an", "-sn", "-dn"]
    try:
        out = await ffmpeg.run([*source, "-c:v", "copy", *FRAGMENTED, "pipe:1"], what=what)
        init, segments = fmp4.split(out)
        if segments and fmp4.browser_playable_avc(init):
            return out
    except OutputError:
        pass  # a codec MP4 cannot hold: re-encoding says whether the file is readable at all
    out = await ffmpeg.run([*source, *EVEN_SIZE, *X264, *FRAGMENTED, "pipe:1"], what=what)
    if not fmp4.split(out)[1]:
        raise OutputError(f"Cannot convert {what}: it holds no video frames.")
    return out


# ---------------------------------------------------------------- the persistent encoder


class FrameEncoder:
    """One x264 process for a stream of numpy frames, writing one fMP4 fragment per frame."""

    def __init__(self, process: ffmpeg.Process, width: int, height: int, fps: float) -> None:
        self.size = (width, height)
        self.fps = fps
        self.mime = mime_of(b"")
        self._process = process
        self._splitter = fmp4.FragmentSplitter()
        self._out = bytearray()
        self._frames_in = 0
        self._frames_out = 0
        self._progress = asyncio.Event()
        self._eof = False
        self._reader = asyncio.get_running_loop().create_task(self._read())

    @classmethod
    async def start(cls, width: int, height: int, fps: float) -> FrameEncoder:
        gop = str(max(1, round(fps)))
        raw = ["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-r", str(fps)]
        args = [
            *raw,
            "-i",
            "pipe:0",
            *EVEN_SIZE,
            *X264,
            *("-g", gop, "-keyint_min", gop, "-sc_threshold", "0"),
            *("-f", "mp4", "-movflags", "frag_every_frame+empty_moov+default_base_moof"),
            "pipe:1",
        ]
        process = await ffmpeg.Process.start(args, what="video frames")
        return cls(process, width, height, fps)

    async def _read(self) -> None:
        while data := await self._process.read():
            for piece in self._splitter.feed(data):
                if piece.init:
                    self.mime = mime_of(piece.data)
                self._out += piece.data
                self._frames_out += piece.samples
            self._progress.set()
        self._eof = True
        self._progress.set()

    async def encode(
        self, frames: np.ndarray[Any, np.dtype[np.uint8]]
    ) -> AsyncGenerator[bytes, None]:
        """Feed a chunk's frames a few at a time, giving the fMP4 bytes out after each group.

        The first frame is out after one small group; at the end, every frame of the chunk is
        out except the held-back last one.
        """
        group = 2 if self._frames_in == 0 else max(1, round(self.fps / 5))
        for start in range(0, len(frames), group):
            part = frames[start : start + group]
            self._frames_in += len(part)
            await self._process.write(part.data.cast("B"))  # the frames, not a copy of them
            if start + group >= len(frames):
                await self._wait_for(self._frames_in - 1)
            if data := self._take():
                yield data

    async def _wait_for(self, frames: int) -> None:
        while self._frames_out < frames and not self._eof:
            self._progress.clear()
            try:
                await asyncio.wait_for(self._progress.wait(), STALL_SECONDS)
            except TimeoutError:
                log.warning("The video encoder holds back more frames than expected.")
                return
        if self._eof:
            await self._reader
            await self._process.wait()  # raises with ffmpeg's message when it failed

    async def finish(self) -> bytes:
        """Close the input and return the rest (the last frame's fragment)."""
        await self._process.close_input()
        await self._reader
        await self._process.wait()
        return self._take()

    async def kill(self) -> None:
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader
        await self._process.kill()

    def _take(self) -> bytes:
        data = bytes(self._out)
        self._out.clear()
        return data


# ---------------------------------------------------------------- streams


class VideoStream(OutputStream):
    """One run of a streaming video output."""

    def __init__(self, fps: float, served: ServedPaths = DEFAULT_SERVED) -> None:
        self.fps = fps
        self._served = served  # where a yielded path may be read from
        self._encoder: FrameEncoder | None = None
        self._folder: Path | None = None

    async def convert(self, value: Any) -> AsyncGenerator[Any, None]:
        if value is None:
            return
        if isinstance(value, np.ndarray):
            async with aclosing(self._frames(as_frames(value))) as items:
                async for item in items:
                    yield item
            return
        for item in await self._close_encoder():
            yield item
        if isinstance(value, str | Path):
            path = await asyncio.to_thread(self._served.check, value, "Video")
            if not await asyncio.to_thread(path.is_file):
                raise OutputError(f"Video file {str(path)!r} does not exist.")
            data = await fragment_file(path, f"video chunk {path.name!r}")
        elif isinstance(value, bytes | bytearray):
            data = await self._fragment_bytes(bytes(value))
        else:
            raise OutputError(
                f"A streaming video output takes {ACCEPTED}; got {type(value).__name__}."
            )
        yield payload(data, mime_of(data))

    async def _frames(
        self, frames: np.ndarray[Any, np.dtype[np.uint8]]
    ) -> AsyncGenerator[Any, None]:
        height, width = frames.shape[1:3]
        if self._encoder is not None and self._encoder.size != (width, height):
            for item in await self._close_encoder():  # a new size: a new encoder and init segment
                yield item
        if self._encoder is None:
            self._encoder = await FrameEncoder.start(width, height, self.fps)
        encoder = self._encoder
        async with aclosing(encoder.encode(frames)) as pieces:
            async for data in pieces:
                yield payload(data, encoder.mime)

    async def _fragment_bytes(self, data: bytes) -> bytes:
        if self._folder is None:
            self._folder = Path(await asyncio.to_thread(tempfile.mkdtemp, prefix="reactive-video-"))
        path = await asyncio.to_thread(temp_copy, data, ".video", self._folder)
        try:
            return await fragment_file(path, "the video bytes")
        finally:
            path.unlink(missing_ok=True)

    async def _close_encoder(self) -> list[Any]:
        encoder, self._encoder = self._encoder, None
        if encoder is None:
            return []
        data = await encoder.finish()
        return [payload(data, encoder.mime)] if data else []

    async def finish(self) -> list[Any]:
        try:
            return await self._close_encoder()
        finally:
            self._remove_folder()

    async def abort(self) -> None:
        encoder, self._encoder = self._encoder, None
        try:
            if encoder is not None:
                await encoder.kill()
        finally:
            self._remove_folder()

    def _remove_folder(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None


# ---------------------------------------------------------------- whole files


def browser_plays(data: bytes, probe: ffmpeg.Probe) -> bool:
    """Whether <video> plays this file as it is (MP4 or WebM with codecs browsers decode)."""
    container = video_container(data)
    if container == "video/mp4":
        h264_ok = probe.video != "h264" or probe.pixel_format in ("yuv420p", "yuvj420p")
        return probe.video in _MP4_VIDEO and h264_ok and probe.audio in _MP4_AUDIO
    if container == "video/webm" and b"webm" in data[:64]:
        return probe.video in _WEBM_VIDEO and probe.audio in _WEBM_AUDIO
    return False


def to_browser(value: Any, fps: float, name: str | None = None) -> dict[str, Any] | None:
    """A whole-video result → ``{mime, data, name}`` for the page's <video> (None clears)."""
    if value is None:
        return None
    if isinstance(value, np.ndarray):
        data = encode_frames(as_frames(value), fps)
        return {"mime": "video/mp4", "data": data, "name": name or "video.mp4"}
    if isinstance(value, str | Path):
        return _file_to_browser(Path(value), read_file(value, "Video"), name or Path(value).name)
    if isinstance(value, bytes | bytearray):
        with tempfile.TemporaryDirectory(prefix="reactive-video-") as folder:
            path = temp_copy(bytes(value), ".video", Path(folder))
            return _file_to_browser(path, bytes(value), name or "video")
    raise OutputError(f"A video output takes {ACCEPTED}; got {type(value).__name__}.")


def _file_to_browser(path: Path, data: bytes, name: str) -> dict[str, Any]:
    probe = ffmpeg.probe_sync(path)
    if probe is None or probe.video is None:
        raise OutputError(f"{name!r} is not a video file this server can read.")
    if browser_plays(data, probe):
        return {"mime": video_container(data), "data": data, "name": name}
    converted = to_mp4(path, f"video {name!r}")
    return {"mime": "video/mp4", "data": converted, "name": str(Path(name).with_suffix(".mp4"))}


def to_mp4(path: Path, what: str) -> bytes:
    """Re-encode any video file to an MP4 (H.264 + AAC) that browsers play (worker thread)."""
    with tempfile.TemporaryDirectory(prefix="reactive-video-") as folder:
        out = Path(folder) / "out.mp4"
        args = ["-i", str(path), *EVEN_SIZE, *X264_FILE, "-c:a", "aac", "-movflags", "+faststart"]
        ffmpeg.run_sync([*args, "-y", str(out)], what=what)
        return out.read_bytes()


def encode_frames(frames: np.ndarray[Any, np.dtype[np.uint8]], fps: float) -> bytes:
    """An MP4 of numpy frames (worker thread)."""
    height, width = frames.shape[1:3]
    raw = ["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-r", str(fps)]
    with tempfile.TemporaryDirectory(prefix="reactive-video-") as folder:
        out = Path(folder) / "out.mp4"
        args = [*raw, "-i", "pipe:0", *EVEN_SIZE, *X264_FILE, "-movflags", "+faststart"]
        args += ["-y", str(out)]
        ffmpeg.run_sync(args, what="video frames", stdin=frames.tobytes())
        return out.read_bytes()


def is_h264_mp4(path: Path, probe: ffmpeg.Probe) -> bool:
    """Whether ``path`` is already an .mp4 of H.264 (4:2:0) and AAC/MP3 (or no) sound."""
    return (
        path.suffix.lower() == ".mp4"
        and "mp4" in probe.container.split(",")
        and probe.video == "h264"
        and probe.pixel_format in ("yuv420p", "yuvj420p")
        and probe.audio in (None, "aac", "mp3")
    )


def check_upload(path: Path) -> ffmpeg.Probe:
    probe = ffmpeg.probe_sync(path)
    if probe is None or probe.video is None:
        raise OutputError(f"{path.name!r} is not a video file this server can read.")
    return probe
