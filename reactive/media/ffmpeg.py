"""The one wrapper of the ffmpeg binary (shipped by imageio-ffmpeg): the only code that starts it.

ffmpeg is located and started only when a conversion needs it. :func:`run` and :class:`Process`
are asyncio subprocesses, so the event loop never waits on ffmpeg; :func:`run_sync` is for code
already running in a worker thread. A cancelled run kills its process. A failure becomes an
:class:`~reactive.errors.OutputError` quoting ffmpeg's own complaint.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg

from reactive.errors import OutputError

QUIET = ("-hide_banner", "-loglevel", "error")
_STDERR_KEEP = 8192
_READ_SIZE = 1 << 16

_executable: str | None = None


def executable() -> str:
    """The path of the ffmpeg binary (looked up once, on first use)."""
    global _executable
    if _executable is None:
        _executable = imageio_ffmpeg.get_ffmpeg_exe()
    return _executable


def failure(what: str, stderr: bytes, code: int | None) -> OutputError:
    """An OutputError naming ``what`` could not be converted, with ffmpeg's last words."""
    lines = [line.strip() for line in stderr.decode(errors="replace").splitlines()]
    lines = [line for line in lines if line and not line.startswith("Last message repeated")]
    detail = "; ".join(lines[-2:]) if lines else f"ffmpeg exited with code {code}"
    detail = re.sub(r"/[^\s:]*/([^/\s:]+)", r"\1", detail)  # file names, not server paths
    return OutputError(f"Cannot convert {what}: {detail[-400:]}")


def _command(args: Sequence[str], stdin: bool) -> list[str]:
    return [executable(), *QUIET, *([] if stdin else ["-nostdin"]), *args]


async def run(args: Sequence[str], *, what: str, stdin: bytes | None = None) -> bytes:
    """Run ffmpeg to the end without blocking the loop; its stdout. Killed if cancelled."""
    process = await asyncio.create_subprocess_exec(
        *_command(args, stdin is not None),
        stdin=asyncio.subprocess.PIPE if stdin is not None else asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await process.communicate(stdin)
    except BaseException:
        await _kill(process)
        raise
    if process.returncode != 0:
        raise failure(what, err, process.returncode)
    return out


def run_sync(args: Sequence[str], *, what: str, stdin: bytes | None = None) -> bytes:
    """Run ffmpeg to the end in this (worker) thread; its stdout."""
    done = subprocess.run(
        _command(args, stdin is not None),
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise failure(what, done.stderr, done.returncode)
    return done.stdout


async def _kill(process: asyncio.subprocess.Process) -> None:
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
    drains = [pipe.read() for pipe in (process.stdout, process.stderr) if pipe is not None]
    await asyncio.gather(process.wait(), *drains, return_exceptions=True)


class Process:
    """A long-lived ffmpeg fed on stdin while its stdout is read (a streaming encoder)."""

    def __init__(self, process: asyncio.subprocess.Process, what: str) -> None:
        self._process = process
        self._what = what
        self._stderr = bytearray()
        self._stderr_task = asyncio.get_running_loop().create_task(self._drain_stderr())

    @classmethod
    async def start(cls, args: Sequence[str], *, what: str) -> Process:
        process = await asyncio.create_subprocess_exec(
            *_command(args, True),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        return cls(process, what)

    async def _drain_stderr(self) -> None:
        assert self._process.stderr is not None
        while chunk := await self._process.stderr.read(_READ_SIZE):
            self._stderr += chunk
            del self._stderr[:-_STDERR_KEEP]

    async def write(self, data: bytes | memoryview) -> None:
        """Feed ``data``; waits while ffmpeg's input pipe is full. Raises if ffmpeg died."""
        stdin = self._process.stdin
        assert stdin is not None
        try:
            stdin.write(data)
            await stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            raise await self._failed() from None

    async def read(self) -> bytes:
        """The next bytes of its output; ``b""`` once ffmpeg closed it."""
        assert self._process.stdout is not None
        return await self._process.stdout.read(_READ_SIZE)

    async def close_input(self) -> None:
        stdin = self._process.stdin
        if stdin is not None and not stdin.is_closing():
            stdin.close()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                await stdin.wait_closed()

    async def wait(self) -> None:
        """Wait for the end (input closed, output read); raise if ffmpeg failed."""
        code = await self._process.wait()
        await self._stderr_task
        if code != 0:
            raise failure(self._what, bytes(self._stderr), code)

    async def _failed(self) -> OutputError:
        code = await self._process.wait()
        await self._stderr_task
        return failure(self._what, bytes(self._stderr), code)

    async def kill(self) -> None:
        """Stop it now (cancelled stream); safe to call more than once."""
        if self._process.stdin is not None:
            self._process.stdin.close()
        await _kill(self._process)
        self._stderr_task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._stderr_task

    @property
    def running(self) -> bool:
        return self._process.returncode is None


# ---------------------------------------------------------------- probing

_INPUT = re.compile(r"^Input #0, ([\w,]+), from", re.MULTILINE)
_STREAM = re.compile(r"Stream #0:\d+\S*: (Video|Audio): (\w+)([^\n]*)")
_SIZE = re.compile(r"\b(\d{2,5})x(\d{2,5})\b")
_DURATION = re.compile(r"Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)")


@dataclass(frozen=True, slots=True)
class Probe:
    """What ``ffmpeg -i`` says of a file: container and the first video and audio streams."""

    container: str
    video: str | None = None  # codec name, e.g. "h264"
    pixel_format: str | None = None
    width: int = 0
    height: int = 0
    audio: str | None = None
    duration: float | None = None


def parse_probe(text: str) -> Probe | None:
    """A :class:`Probe` from ffmpeg's stderr; None when ffmpeg could not read the input."""
    found = _INPUT.search(text)
    if found is None:
        return None
    video = audio = pixel_format = None
    width = height = 0
    for kind, codec, rest in _STREAM.findall(text):
        if kind == "Video" and video is None:
            video = codec
            fields = [f.strip() for f in re.split(r",(?![^(]*\))", rest)]
            pixel_format = fields[1].split("(")[0].strip() if len(fields) > 1 else None
            size = _SIZE.search(rest)
            if size is not None:
                width, height = int(size[1]), int(size[2])
        elif kind == "Audio" and audio is None:
            audio = codec
    duration = _DURATION.search(text)
    seconds = (
        None
        if duration is None
        else int(duration[1]) * 3600 + int(duration[2]) * 60 + float(duration[3])
    )
    return Probe(found[1], video, pixel_format or None, width, height, audio, seconds)


def _probe_args(path: Path) -> list[str]:
    return [executable(), "-hide_banner", "-nostdin", "-i", str(path)]


def probe_sync(path: Path) -> Probe | None:
    """Probe a file from a worker thread (None: not a media file ffmpeg reads)."""
    done = subprocess.run(_probe_args(path), capture_output=True, check=False)
    return parse_probe(done.stderr.decode(errors="replace"))


async def probe(path: Path) -> Probe | None:
    """Probe a file without blocking the loop (None: not a media file ffmpeg reads)."""
    process = await asyncio.create_subprocess_exec(
        *_probe_args(path),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        _, err = await process.communicate()
    except BaseException:
        await _kill(process)
        raise
    return parse_probe(err.decode(errors="replace"))
