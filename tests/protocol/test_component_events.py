"""The events of the component library on the wire: props, progress, toast, and example clicks."""

from __future__ import annotations

import pytest

from reactive.errors import RemoteProtocolError
from reactive.protocol.messages import Example, Progress, Props, Toast, parse_client_message


def test_example_click_is_parsed_strictly() -> None:
    assert parse_client_message({"t": "example", "f": "calc", "i": 2}) == Example("calc", 2)
    with pytest.raises(RemoteProtocolError, match="'example' index must be >= 0"):
        parse_client_message({"t": "example", "f": "calc", "i": -1})
    with pytest.raises(RemoteProtocolError, match="'i' must be int, got bool"):
        parse_client_message({"t": "example", "f": "calc", "i": True})


def test_props_progress_and_toast_wire_forms() -> None:
    assert Props("c", 3, {"visible": False}).to_wire() == {
        "t": "props",
        "c": "c",
        "r": 3,
        "p": {"visible": False},
    }
    assert Progress("f", 3, None).to_wire() == {"t": "progress", "f": "f", "r": 3}
    assert Progress("f", 3, 0.5, "x", 1, 2, "steps", 0.3).to_wire() == {
        "t": "progress",
        "f": "f",
        "r": 3,
        "p": 0.5,
        "msg": "x",
        "i": 1,
        "n": 2,
        "u": "steps",
        "eta": 0.3,
    }
    assert Toast("warning", "careful").to_wire() == {"t": "toast", "l": "warning", "msg": "careful"}
