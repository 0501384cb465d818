"""Parsing client messages: every field checked, clear messages for the wrong ones."""

from __future__ import annotations

from typing import Any

import pytest

from reactive.errors import RemoteProtocolError
from reactive.protocol.messages import (
    Ack,
    Append,
    Cancel,
    Hello,
    Input,
    Status,
    Trigger,
    Update,
    parse_client_message,
)


@pytest.mark.parametrize(
    ("obj", "expected"),
    [
        ({"t": "hello", "v": 1, "session": None}, Hello(1, None)),
        ({"t": "hello", "v": 1, "session": "abc"}, Hello(1, "abc")),
        ({"t": "input", "c": "text", "v": "hi"}, Input("text", "hi")),
        ({"t": "input", "c": "n", "v": None}, Input("n", None)),
        ({"t": "trigger", "c": "go", "e": "click"}, Trigger("go", "click")),
        ({"t": "trigger", "c": "text", "e": "submit"}, Trigger("text", "submit")),
        ({"t": "cancel", "f": "count"}, Cancel("count")),
        ({"t": "ack", "n": 4}, Ack(4)),
    ],
)
def test_valid_messages_parse(obj: dict[str, Any], expected: object) -> None:
    assert parse_client_message(obj) == expected


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        ([1, 2], "must be a map, got list"),
        ({"v": 1}, "Unknown message type None"),
        ({"t": "launch"}, "Unknown message type 'launch'"),
        ({"t": "hello", "session": None}, "missing field 'v'"),
        ({"t": "hello", "v": "1", "session": None}, "field 'v' must be int, got str"),
        ({"t": "hello", "v": True, "session": None}, "got a boolean|got bool"),
        ({"t": "input", "c": "text"}, "missing field 'v'"),
        ({"t": "input", "c": 3, "v": "x"}, "field 'c' must be str, got int"),
        ({"t": "trigger", "c": "go", "e": "hover"}, "must be one of click, submit, select"),
        ({"t": "ack", "n": 1.5}, "field 'n' must be int, got float"),
    ],
)
def test_invalid_messages_are_bad_frames(obj: Any, message: str) -> None:
    with pytest.raises(RemoteProtocolError, match=message) as info:
        parse_client_message(obj)
    assert info.value.code == "bad_frame"


def test_server_events_have_their_wire_shape() -> None:
    assert Update("c", 3, b"x").to_wire() == {"t": "update", "c": "c", "r": 3, "v": b"x"}
    assert Append("c", 3, "ab", 5).to_wire() == {
        "t": "append",
        "c": "c",
        "r": 3,
        "d": "ab",
        "at": 5,
    }
    assert Status("f", 2, "queued", position=1).to_wire() == {
        "t": "status",
        "f": "f",
        "r": 2,
        "s": "queued",
        "pos": 1,
    }
    assert Status("f", 2, "running").to_wire() == {"t": "status", "f": "f", "r": 2, "s": "running"}
