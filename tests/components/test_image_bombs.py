"""Decompression bombs (issue 9, item 2): judged by their header, off the event loop.

A PNG of a few KB can hold 13300×13300 pixels. It must be refused from its header, before a
pixel buffer is allocated, in a worker thread, with an error naming ``max_image_pixels``; sound
and films are judged by their probe (``max_media_seconds``, ``max_video_pixels``).
"""

from __future__ import annotations

import asyncio
import io
import resource
import struct
import threading
import zlib
from pathlib import Path
from typing import Any

import pytest
from PIL import Image as PILImage
from PIL import ImageFile

import reactive as rx
from reactive.errors import InvalidValue
from reactive.media import image as pictures
from reactive.testing import AppTester
from tests.media import generate

MiB = 1024 * 1024


def png_bomb(width: int, height: int) -> bytes:
    """A valid 1-bit PNG of zeros: a few KB that decode to width × height bytes."""
    row = b"\0" * (1 + (width + 7) // 8)
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")  # we judge it ourselves
def test_a_bomb_is_refused_from_its_header(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = png_bomb(13300, 13300)
    assert len(bomb) < 100_000
    loads: list[Any] = []
    real_load = ImageFile.ImageFile.load

    def spy(self: ImageFile.ImageFile) -> Any:
        loads.append(self.size)
        return real_load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    with pytest.raises(InvalidValue, match=r"13300×13300 pixels \(176\.9 MP\)") as caught:
        pictures.decode_upload(bomb, 40_000_000)
    assert "rx.App(max_image_pixels=...)" in str(caught.value)
    assert loads == []  # no pixel buffer was ever asked for
    small = io.BytesIO()
    PILImage.new("RGB", (30, 20)).save(small, "PNG")
    assert pictures.decode_upload(small.getvalue(), 600).size == (30, 20)
    with pytest.raises(InvalidValue, match=r"at most 0\.0 MP"):
        pictures.decode_upload(small.getvalue(), 599)


def test_an_app_may_accept_larger_pictures_than_pillow() -> None:
    before = PILImage.MAX_IMAGE_PIXELS
    try:
        rx.App(max_image_pixels=300_000_000)
        assert PILImage.MAX_IMAGE_PIXELS == 300_000_000
        rx.App(max_image_pixels=1000)  # never lowered: other code keeps Pillow's check
        assert PILImage.MAX_IMAGE_PIXELS == 300_000_000
    finally:
        PILImage.MAX_IMAGE_PIXELS = before
    with pytest.raises(rx.DefinitionError, match="max_image_pixels must be positive"):
        rx.App(max_image_pixels=0)


def image_app(**options: Any) -> rx.App:
    app = rx.App(**options)

    @app.fn(inputs=rx.Image(elem_id="pic"), outputs=rx.Text(elem_id="shape"), live=True)
    def shape(picture: Any) -> str:
        return "x".join(str(n) for n in picture.shape)

    return app


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")  # we judge it ourselves
async def test_a_bomb_neither_stalls_the_loop_nor_takes_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bomb = png_bomb(13300, 13300)
    threads: list[str] = []
    real = pictures.decode_upload

    def in_thread(data: bytes, max_pixels: int = 40_000_000) -> PILImage.Image:
        threads.append(threading.current_thread().name)
        return real(data, max_pixels)

    monkeypatch.setattr(pictures, "decode_upload", in_thread)
    async with AppTester(image_app()) as page:
        before = peak_rss()
        await page.input("pic", {"mime": "image/png", "name": "bomb.png", "data": bomb})
        error = await page.wait_error()
        assert error["code"] == "bad_value"
        assert "max_image_pixels" in error["msg"]
        assert threads
        # Decoded in a worker thread, never on the loop (the bomb used to stall it 3 s).
        assert threading.main_thread().name not in threads
        assert peak_rss() - before < 64 * MiB  # 177 MB of pixels were never allocated


async def test_a_picture_under_the_limit_is_decoded_in_a_worker_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[bool] = []
    real = pictures.decode_upload

    def spy(data: bytes, max_pixels: int = 40_000_000) -> PILImage.Image:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(data, max_pixels)

    monkeypatch.setattr(pictures, "decode_upload", spy)
    small = io.BytesIO()
    PILImage.new("RGB", (30, 20)).save(small, "PNG")
    async with AppTester(image_app(max_image_pixels=1000)) as page:
        await page.input("pic", {"mime": "image/png", "name": "a.png", "data": small.getvalue()})
        assert await page.wait_value("shape", "20x30x3")
    assert threads == [False]


MAKE = {
    "wav": lambda folder: generate.write_wav(folder / "tone.wav", 48000, 0.5),
    "mp3": lambda folder: generate.write_mp3(folder / "tone.mp3", 48000, 0.5),
    "mp4": lambda folder: generate.write_video(folder / "red.mp4", 64, 48, 0.4, 0),
}


@pytest.mark.parametrize(
    ("kind", "options", "setting"),
    [
        ("wav", {"max_media_seconds": 0.2}, "max_media_seconds"),
        ("mp3", {"max_media_seconds": 0.2}, "max_media_seconds"),
        ("mp4", {"max_media_seconds": 0.1}, "max_media_seconds"),
        ("mp4", {"max_video_pixels": 1000}, "max_video_pixels"),
    ],
)
async def test_long_or_large_media_is_refused_before_it_is_decoded(
    tmp_path: Path, kind: str, options: dict[str, Any], setting: str
) -> None:
    app = rx.App(**options)
    component: rx.Component = rx.Video(elem_id="in") if kind == "mp4" else rx.Audio(elem_id="in")
    app.fn(inputs=component, outputs=rx.Text(), live=True)(lambda value: str(type(value)))
    path = await asyncio.to_thread(MAKE[kind], tmp_path)
    data = await asyncio.to_thread(path.read_bytes)
    async with AppTester(app) as page:
        await page.upload("in", data, path.name)
        error = await page.wait_error()
        assert error["code"] == "bad_value"
        assert f"rx.App({setting}=...)" in error["msg"]
