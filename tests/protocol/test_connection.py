"""The sans-I/O connection: handshake, refusals with close codes, and the ack window."""

from __future__ import annotations

from typing import Any

import msgpack
import pytest

from reactive.errors import LocalProtocolError, RemoteProtocolError
from reactive.protocol.connection import (
    CLOSE_HANDSHAKE,
    CLOSE_TOO_BIG,
    ConnectionState,
    ServerConnection,
)
from reactive.protocol.limits import Limits
from reactive.protocol.messages import Ack, Hello, Input, Update, Welcome


def pack(obj: Any) -> bytes:
    packed: bytes = msgpack.packb(obj, use_bin_type=True)
    return packed


def opened(window: int = 1000) -> ServerConnection:
    connection = ServerConnection(window_bytes=window)
    connection.receive(pack({"t": "hello", "v": 1, "session": None}))
    return connection


def test_hello_opens_the_connection() -> None:
    connection = ServerConnection()
    assert connection.receive(pack({"t": "hello", "v": 1, "session": "s"})) == Hello(1, "s")
    assert connection.state is ConnectionState.OPEN


def test_anything_before_hello_closes_with_4400() -> None:
    connection = ServerConnection()
    with pytest.raises(RemoteProtocolError, match="first message must be 'hello'") as info:
        connection.receive(pack({"t": "input", "c": "x", "v": 1}))
    assert info.value.close_code == CLOSE_HANDSHAKE


def test_garbage_before_hello_closes_with_4400() -> None:
    with pytest.raises(RemoteProtocolError) as info:
        ServerConnection().receive(b"\xc1")
    assert info.value.close_code == CLOSE_HANDSHAKE


def test_wrong_version_is_refused_with_a_hint() -> None:
    with pytest.raises(RemoteProtocolError, match="Reload the page") as info:
        ServerConnection().receive(pack({"t": "hello", "v": 2, "session": None}))
    assert (info.value.code, info.value.close_code) == ("version", CLOSE_HANDSHAKE)


def test_second_hello_is_a_bad_frame_but_not_fatal() -> None:
    connection = opened()
    with pytest.raises(RemoteProtocolError, match="only be sent once") as info:
        connection.receive(pack({"t": "hello", "v": 1, "session": None}))
    assert info.value.close_code is None
    assert connection.receive(pack({"t": "input", "c": "x", "v": 1})) == Input("x", 1)


def test_batches_are_numbered_and_fill_the_window_until_acked() -> None:
    connection = opened(window=100)
    first = msgpack.unpackb(connection.send_batch([Update("c", 1, "x" * 60)]))
    second = msgpack.unpackb(connection.send_batch([Update("c", 1, "y" * 60)]))
    assert (first["n"], second["n"]) == (1, 2)
    assert not connection.window_open
    assert connection.receive(pack({"t": "ack", "n": 1})) == Ack(1)
    assert connection.window_open
    connection.receive(pack({"t": "ack", "n": 2}))
    assert connection.unacked_bytes == 0


def test_ack_of_an_unsent_batch_is_refused() -> None:
    with pytest.raises(RemoteProtocolError, match="never sent"):
        opened().receive(pack({"t": "ack", "n": 1}))


def test_sending_before_the_handshake_is_a_local_error() -> None:
    with pytest.raises(LocalProtocolError, match="Expected an open connection"):
        ServerConnection().send_welcome(Welcome("s", False, {}))


def test_empty_batch_is_a_local_error() -> None:
    with pytest.raises(LocalProtocolError, match="at least one event"):
        opened().send_batch([])


def test_a_frame_over_the_size_limit_is_refused_and_closes_with_1009() -> None:
    connection = ServerConnection(Limits(max_message_bytes=64))
    connection.receive(pack({"t": "hello", "v": 1, "session": None}))
    with pytest.raises(RemoteProtocolError) as info:
        connection.receive(pack({"t": "input", "c": "q", "v": "x" * 100}))
    assert info.value.code == "too_large"
    assert info.value.close_code == CLOSE_TOO_BIG


def test_an_oversized_hello_closes_with_1009_too() -> None:
    with pytest.raises(RemoteProtocolError) as info:
        ServerConnection(Limits(max_message_bytes=8)).receive(pack({"t": "hello", "v": 1}))
    assert info.value.close_code == CLOSE_TOO_BIG


def test_a_text_frame_is_a_bad_frame_but_not_fatal() -> None:
    connection = opened()
    with pytest.raises(RemoteProtocolError) as info:
        connection.receive('{"t": "input"}')
    assert info.value.code == "bad_frame"
    assert info.value.close_code is None
    assert connection.state is ConnectionState.OPEN
