"""The streaming-input messages: ``stream`` chunks and ``stream_end``, checked field by field."""

from __future__ import annotations

from typing import Any

import pytest

from reactive.errors import RemoteProtocolError
from reactive.protocol.limits import MAX_STREAM_CHUNK_BYTES
from reactive.protocol.messages import StreamChunk, StreamEnd, parse_client_message

PCM = {"t": "stream", "c": "mic", "s": 1, "i": 0, "k": "pcm", "sr": 48000, "d": b"\x01\x00"}
JPEG = {"t": "stream", "c": "cam", "s": 2, "i": 3, "k": "image", "mime": "image/jpeg", "d": b"jp"}


def test_chunks_and_ends_parse() -> None:
    assert parse_client_message(PCM) == StreamChunk("mic", 1, 0, "pcm", b"\x01\x00", rate=48000)
    assert parse_client_message(JPEG) == StreamChunk("cam", 2, 3, "image", b"jp", mime="image/jpeg")
    assert parse_client_message({"t": "stream_end", "c": "cam", "s": 2}) == StreamEnd("cam", 2)


@pytest.mark.parametrize(
    ("obj", "code", "message"),
    [
        (PCM | {"s": -1}, "bad_frame", "must be >= 0"),
        (PCM | {"i": True}, "bad_frame", "'i' must be int"),
        (PCM | {"d": "text"}, "bad_frame", "'d' must be bytes"),
        (PCM | {"d": b"\x01"}, "bad_frame", "whole int16 samples"),
        (PCM | {"sr": 1000}, "bad_frame", "rate in"),
        ({k: v for k, v in PCM.items() if k != "sr"}, "bad_frame", "missing field 'sr'"),
        (PCM | {"k": "opus"}, "bad_frame", "kind must be pcm or image"),
        (JPEG | {"mime": "image/gif"}, "bad_frame", "mime must be one of"),
        (PCM | {"d": bytes(MAX_STREAM_CHUNK_BYTES + 2)}, "too_large", "at most"),
        ({"t": "stream_end", "c": "cam"}, "bad_frame", "missing field 's'"),
        ({"t": "stream_end", "c": "cam", "s": -2}, "bad_frame", "must be >= 0"),
    ],
)
def test_bad_stream_messages_are_refused(obj: dict[str, Any], code: str, message: str) -> None:
    with pytest.raises(RemoteProtocolError, match=message) as caught:
        parse_client_message(obj)
    assert caught.value.code == code
