"""Gradio 6's message content as a list of parts: one message, its parts drawn in order."""

from __future__ import annotations

from pathlib import Path

import reactive as rx
from tests.media import generate


def test_a_list_of_parts_is_one_message_whose_parts_are_drawn_in_order(tmp_path: Path) -> None:
    # One message, so the page's message indices (like, edit, select) are the app's.
    song = generate.write_wav(tmp_path / "song.wav", 16000, 0.2)
    chat = rx.Chatbot()
    wire = chat.postprocess([
        {"role": "user", "content": [{"path": str(song)}, "hello",
                                     {"type": "text", "text": "again"}]},
        {"role": "assistant", "content": [{"type": "file", "file": {"path": str(song)}}],
         "options": [{"value": "More"}]},
    ])  # fmt: skip
    assert [m["role"] for m in wire] == ["user", "assistant"]
    first = wire[0]["content"]
    assert first[0]["file"]["name"] == "song.wav"
    assert first[1:] == ["hello", "again"]
    assert wire[1]["content"][0]["file"]["mime"].startswith("audio/")
    assert wire[1]["options"] == [{"value": "More", "label": "More"}]


def test_a_path_and_its_alt_text_stay_one_file(tmp_path: Path) -> None:
    song = generate.write_wav(tmp_path / "song.wav", 16000, 0.2)
    [message] = rx.Chatbot().postprocess([{"role": "user", "content": [str(song), "a tune"]}])
    assert message["content"]["file"]["alt"] == "a tune"
