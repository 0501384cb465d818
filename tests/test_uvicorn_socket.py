"""The cli's WebSocket protocol stops reading its socket only past a bound, never per message."""

from __future__ import annotations

import asyncio
from typing import Any

import uvicorn
from uvicorn.server import ServerState

from reactive.uvicorn_socket import LARGE_MESSAGE_BYTES, QUEUED_MESSAGES, WebSocketProtocol

UPGRADE = (
    b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:8000\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)


def client_frame(payload: bytes) -> bytes:
    """A final binary frame, masked with zeros (so the payload goes as it is)."""
    size = len(payload)
    if size < 126:
        header = bytes([0x82, 0x80 | size])
    elif size < 1 << 16:
        header = bytes([0x82, 0x80 | 126]) + size.to_bytes(2, "big")
    else:
        header = bytes([0x82, 0x80 | 127]) + size.to_bytes(8, "big")
    return header + b"\x00\x00\x00\x00" + payload


class Transport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.pauses = 0
        self.resumes = 0
        self.closing = False

    def write(self, data: Any) -> None:
        pass

    def pause_reading(self) -> None:
        self.pauses += 1

    def resume_reading(self) -> None:
        self.resumes += 1

    def is_closing(self) -> bool:
        return self.closing

    def close(self) -> None:
        self.closing = True

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"sockname": ("127.0.0.1", 8000), "peername": ("127.0.0.1", 50000)}.get(
            name, default
        )


async def opened() -> tuple[WebSocketProtocol, Transport]:
    """A protocol whose app accepted the socket and then reads only when told."""
    accepted = asyncio.Event()

    async def app(scope: Any, receive: Any, send: Any) -> None:
        await receive()  # websocket.connect
        await send({"type": "websocket.accept"})
        accepted.set()
        await asyncio.Event().wait()  # reads nothing: the test reads through the protocol

    config = uvicorn.Config(app, ws=WebSocketProtocol, lifespan="off", log_level="warning")
    config.load()
    protocol = WebSocketProtocol(config=config, server_state=ServerState(), app_state={})
    transport = Transport()
    protocol.connection_made(transport)
    protocol.data_received(UPGRADE)
    await asyncio.wait_for(accepted.wait(), 5)
    return protocol, transport


async def test_small_messages_queue_up_to_the_bound_before_reading_pauses() -> None:
    protocol, transport = await opened()
    for index in range(QUEUED_MESSAGES - 1):
        protocol.data_received(client_frame(b"key %d" % index))
    assert transport.pauses == 0  # uvicorn's own protocol pauses after the first
    protocol.data_received(client_frame(b"one more"))
    assert transport.pauses == 1
    while not protocol.queue.empty():
        await protocol.receive()
    assert transport.resumes == 1  # reading again once the app has taken them all
    protocol.transport.close()


async def test_a_large_message_pauses_reading_at_once() -> None:
    protocol, transport = await opened()
    protocol.data_received(client_frame(b"x" * LARGE_MESSAGE_BYTES))
    assert transport.pauses == 1
    message: Any = await protocol.receive()
    assert len(message["bytes"]) == LARGE_MESSAGE_BYTES
    assert transport.resumes == 1
    protocol.transport.close()
