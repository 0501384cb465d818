"""MultimodalTextbox(sources=): files picked ("upload") and recorded ("microphone")."""

from __future__ import annotations

import wave
from typing import Any

import pytest

import reactive as rx
from reactive.errors import DefinitionError
from reactive.testing import AppTester
from tests.media import generate


def test_sources_reach_the_page_only_when_not_the_default() -> None:
    assert "sources" not in rx.MultimodalTextbox().extra_props()
    assert "sources" not in rx.MultimodalTextbox(sources=["upload"]).extra_props()
    box = rx.MultimodalTextbox(sources=["microphone", "upload"])
    assert box.extra_props()["sources"] == ["microphone", "upload"]


@pytest.mark.parametrize("sources", [["webcam"], [], ["upload", "clipboard"]])
def test_other_sources_are_refused_naming_the_supported_ones(sources: list[str]) -> None:
    with pytest.raises(DefinitionError, match="'upload' and 'microphone'"):
        rx.MultimodalTextbox(sources=sources)


async def test_a_recording_arrives_as_a_wav_file_with_the_text() -> None:
    def heard(message: dict[str, Any]) -> str:
        [path] = message["files"]
        with wave.open(path) as recording:
            seconds = recording.getnframes() / recording.getframerate()
        return f"{message['text']}: {path.rsplit('/', 1)[-1]} {seconds:.1f}s"

    with rx.Blocks() as app:
        box = rx.MultimodalTextbox(sources=["microphone"], elem_id="box")
        box.submit(heard, box, rx.Textbox(elem_id="out"))

    sound = generate.wav_bytes(16000, 0.5)
    async with AppTester(app) as page:
        await page.input("box", {"text": "listen", "files": [
            {"name": "microphone.wav", "mime": "audio/wav", "data": sound}]})  # fmt: skip
        await page.submit("box")
        assert await page.wait_value("out", "listen: microphone.wav 0.5s")
