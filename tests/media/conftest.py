"""Media files made once per test session (in a temporary folder; nothing is committed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.media import generate


@pytest.fixture(scope="session")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("media")
    return {
        "wav": generate.write_wav(folder / "tone.wav", 48000, 0.5),
        "wav16k": generate.write_wav(folder / "tone16k.wav", 16000, 0.5),
        "mp3": generate.write_mp3(folder / "tone.mp3", 48000, 0.5),
        "mp3_44k": generate.write_mp3(folder / "tone44k.mp3", 44100, 0.5),
        "mp4": generate.write_video(folder / "red.mp4", 64, 48, 0.4, 0),
        "ts": generate.write_video(folder / "green.ts", 64, 48, 0.4, 1),
        "webm": generate.write_video(
            folder / "blue.webm", 64, 48, 0.4, 2, codec="libvpx", extra=("-b:v", "200k")
        ),
        "high10": generate.write_video(
            folder / "deep.mp4", 64, 48, 0.4, 3, extra=("-pix_fmt", "yuv420p10le")
        ),
        "corrupt": _corrupt(folder / "corrupt.mp4"),
    }


def _corrupt(path: Path) -> Path:
    path.write_bytes(b"\x00\x00\x00\x18ftypisom" + bytes(range(256)) * 8)
    return path
