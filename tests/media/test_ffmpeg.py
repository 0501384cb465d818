"""The ffmpeg wrapper: one-shot runs, long-lived pipes, cancellation, probing."""

from __future__ import annotations

import asyncio
from pathlib import Path

import imageio_ffmpeg
import pytest

from reactive.errors import OutputError
from reactive.media import ffmpeg
from tests.session.census import children_by_pid

SINE = ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000:duration=0.1"]


def ffmpeg_children() -> list[int]:
    """Live (not zombie) ffmpeg processes started by this test process."""
    return [
        pid
        for pid, (name, state) in children_by_pid().items()
        if name.startswith("ffmpeg") and state != "Z"
    ]


async def test_run_gives_stdout() -> None:
    out = await ffmpeg.run([*SINE, "-f", "s16le", "pipe:1"], what="a tone")
    assert len(out) == 1600


async def test_a_failure_quotes_ffmpeg() -> None:
    with pytest.raises(OutputError, match=r"Cannot convert the input: .*No such file"):
        await ffmpeg.run(["-i", "/nonexistent.wav", "-f", "wav", "pipe:1"], what="the input")


def test_run_sync_with_stdin() -> None:
    raw = bytes(3200)
    out = ffmpeg.run_sync(
        ["-f", "s16le", "-ar", "8000", "-ac", "1", "-i", "pipe:0", "-f", "s16le", "pipe:1"],
        what="silence",
        stdin=raw,
    )
    assert out == raw


async def test_a_cancelled_run_kills_its_process() -> None:
    endless = ["-re", "-f", "lavfi", "-i", "sine=sample_rate=8000", "-f", "null", "-"]
    task = asyncio.create_task(ffmpeg.run(endless, what="endless"))
    for _ in range(100):
        await asyncio.sleep(0.02)
        if ffmpeg_children():
            break
    assert ffmpeg_children()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert ffmpeg_children() == []


async def test_a_process_is_fed_and_read_while_it_runs() -> None:
    args = ["-f", "s16le", "-ar", "8000", "-ac", "1", "-i", "pipe:0", "-f", "s16le", "pipe:1"]
    process = await ffmpeg.Process.start(args, what="echo")
    await process.write(bytes(range(256)) * 64)
    await process.close_input()
    out = bytearray()
    while chunk := await process.read():
        out += chunk
    await process.wait()
    assert bytes(out) == bytes(range(256)) * 64
    assert not process.running


async def test_a_killed_process_leaves_nothing_behind() -> None:
    args = ["-f", "s16le", "-ar", "8000", "-ac", "1", "-i", "pipe:0", "-f", "s16le", "pipe:1"]
    process = await ffmpeg.Process.start(args, what="echo")
    await process.write(bytes(1000))
    await process.kill()
    await process.kill()  # twice is fine
    assert not process.running
    assert ffmpeg_children() == []


async def test_writing_to_a_dead_process_says_why() -> None:
    process = await ffmpeg.Process.start(["-f", "bogus_format", "-i", "pipe:0"], what="bogus")

    async def feed() -> None:
        for _ in range(200):
            await process.write(bytes(65536))

    with pytest.raises(OutputError, match="Cannot convert bogus"):
        await feed()
    await process.kill()


def test_the_binary_is_looked_up_once_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def find() -> str:
        calls.append(1)
        return "ff"

    monkeypatch.setattr(ffmpeg, "_executable", None)
    monkeypatch.setattr(imageio_ffmpeg, "get_ffmpeg_exe", find)
    assert ffmpeg.executable() == ffmpeg.executable() == "ff"
    assert calls == [1]


PROBE_TEXT = """Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'x.mp4':
  Duration: 00:01:02.50, start: 0.000000, bitrate: 1 kb/s
  Stream #0:0[0x1](und): Video: h264 (High 10) (avc1 / 0x31637661), yuv420p10le(progressive), \
640x480 [SAR 1:1 DAR 4:3], 2 kb/s, 25 fps
  Stream #0:1[0x2](und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, stereo, fltp
"""


def test_probe_text_is_parsed() -> None:
    probe = ffmpeg.parse_probe(PROBE_TEXT)
    assert probe == ffmpeg.Probe(
        "mov,mp4,m4a,3gp,3g2,mj2", "h264", "yuv420p10le", 640, 480, "aac", 62.5
    )
    assert ffmpeg.parse_probe("x.bin: Invalid data found when processing input") is None


async def test_probe_real_files(media: dict[str, Path]) -> None:
    mp4 = await ffmpeg.probe(media["mp4"])
    assert mp4 is not None
    assert (mp4.video, mp4.pixel_format, mp4.width, mp4.height, mp4.audio) == (
        "h264", "yuv420p", 64, 48, None
    )  # fmt: skip
    mp3 = ffmpeg.probe_sync(media["mp3"])
    assert mp3 is not None
    assert (mp3.video, mp3.audio) == (None, "mp3")
    assert await ffmpeg.probe(media["corrupt"]) is None


def test_the_wrappers_are_the_only_modules_that_start_processes() -> None:
    # ffmpeg.py starts every ffmpeg; forkserver.py the one Python fork server of run_in="process".
    package = Path(__file__).parent.parent.parent / "reactive"
    starters = ("import subprocess", "create_subprocess", "imageio_ffmpeg", "os.system", "Popen")
    users = {
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if any(word in path.read_text() for word in starters)
    }
    assert users == {"media/ffmpeg.py", "scheduler/forkserver.py"}
