"""A lean WebSocket client for load: thousands of sockets from one process without saturating it.

The ``websockets`` client costs the load generator more CPU per message than the server under
test spends, so at 5,000 keystrokes a second the client, not the server, sets the latency. This
driver speaks just enough RFC 6455 over a plain :class:`asyncio.Protocol`: one upgrade request,
then frames parsed from the buffer by hand. Client frames carry an all-zero mask (allowed; the
payload is then sent as it is), so sending is one ``bytes`` join.
"""

from __future__ import annotations

import asyncio
import struct
from collections.abc import Callable

_KEY = "dGhlIHNhbXBsZSBub25jZQ=="  # any 16 bytes, base64: the server only echoes a hash of it
_ZERO_MASK = b"\x00\x00\x00\x00"
_TEXT, _BINARY, _CLOSE, _PING = 0x1, 0x2, 0x8, 0x9


def frame(payload: bytes, opcode: int = _BINARY) -> bytes:
    """One final client frame (masked with zeros) holding ``payload``."""
    size = len(payload)
    if size < 126:
        header = struct.pack("!BB", 0x80 | opcode, 0x80 | size)
    elif size < 1 << 16:
        header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, size)
    else:
        header = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, size)
    return header + _ZERO_MASK + payload


class LeanSocket(asyncio.Protocol):
    """One client WebSocket; ``on_message(payload)`` is called for every data frame."""

    def __init__(self, host: str, port: int, path: str, on_message: Callable[[bytes], None]):
        self._request = (
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {_KEY}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
        self._on_message = on_message
        self._buffer = bytearray()
        self._upgraded = False
        self.opened: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        transport.write(self._request)

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        if not self._upgraded:
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            status = bytes(self._buffer[: self._buffer.find(b"\r\n")])
            del self._buffer[: end + 4]
            if b" 101 " not in status:
                self.opened.set_exception(ConnectionError(status.decode(errors="replace")))
                return
            self._upgraded = True
            self.opened.set_result(None)
        self._parse()

    def _parse(self) -> None:
        buffer = self._buffer
        while len(buffer) >= 2:
            opcode, size = buffer[0] & 0x0F, buffer[1] & 0x7F
            start = 2
            if size == 126:
                if len(buffer) < 4:
                    return
                size, start = struct.unpack_from("!H", buffer, 2)[0], 4
            elif size == 127:
                if len(buffer) < 10:
                    return
                size, start = struct.unpack_from("!Q", buffer, 2)[0], 10
            if len(buffer) < start + size:
                return
            payload = bytes(buffer[start : start + size])
            del buffer[: start + size]
            if opcode in (_TEXT, _BINARY, 0x0):
                self._on_message(payload)
            elif opcode == _PING:
                self.send(payload, 0xA)  # pong
            elif opcode == _CLOSE:
                self.close()
                return

    def send(self, payload: bytes, opcode: int = _BINARY) -> None:
        if self._transport is not None and not self._transport.is_closing():
            self._transport.write(frame(payload, opcode))

    def send_text(self, text: str) -> None:
        self.send(text.encode(), _TEXT)

    def close(self) -> None:
        if self._transport is not None and not self._transport.is_closing():
            self._transport.write(frame(struct.pack("!H", 1000), _CLOSE))
            self._transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.opened.done():
            self.opened.set_exception(exc or ConnectionError("closed before the upgrade"))
        if not self.closed.done():
            self.closed.set_result(None)


async def open_socket(
    host: str, port: int, path: str, on_message: Callable[[bytes], None], timeout: float
) -> LeanSocket:
    loop = asyncio.get_running_loop()
    _, protocol = await loop.create_connection(
        lambda: LeanSocket(host, port, path, on_message), host, port
    )
    await asyncio.wait_for(asyncio.shield(protocol.opened), timeout)
    return protocol
