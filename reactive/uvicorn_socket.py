"""The WebSocket protocol our uvicorn servers run: uvicorn's sans-I/O one, with a direct socket.

uvicorn's protocol hands every message to the ASGI app through a queue (a dict per message, a
task woken per message) and stops reading its socket after each one until the app has taken it.
Ours offers itself in the scope as a :class:`reactive.direct.DirectSocket`: once the server's
pump sets a receiver, each message goes to it as it is parsed and batches are written straight
to the transport. Until then (the handshake), and for any app that does not ask, messages go
through the queue, with reading paused only once a few messages, or one large one, wait unread.
Only :mod:`reactive.cli` uses it (the one uvicorn import).
"""

from __future__ import annotations

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from websockets.exceptions import InvalidState
from websockets.http11 import Request

from reactive.direct import EXTENSION, Receiver

#: Messages that may wait unread in the ASGI queue before the socket stops being read.
QUEUED_MESSAGES = 4
#: A message at least this large stops reading at once, as uvicorn's own protocol does.
LARGE_MESSAGE_BYTES = 64 * 1024


class WebSocketProtocol(WebSocketsSansIOProtocol):
    """uvicorn's ``websockets-sansio`` protocol, offering a direct socket to the app."""

    _receiver: Receiver | None = None

    def handle_connect(self, event: Request) -> None:
        super().handle_connect(event)
        if self.response.status_code == 101:  # the ASGI task starts later: the scope is ours
            extensions: dict[str, object] = self.scope["extensions"]  # type: ignore[assignment]
            extensions[EXTENSION] = self

    # ---------------------------------------------------------------- DirectSocket

    def set_receiver(self, receiver: Receiver | None) -> None:
        self._receiver = receiver
        if receiver is None:
            return
        kept = []
        while not self.queue.empty():  # what arrived before the pump took over, in order
            message = self.queue.get_nowait()
            if message["type"] == "websocket.receive":
                data = message.get("bytes")
                receiver(data if data is not None else message.get("text") or "")
            else:
                kept.append(message)  # a disconnect: the app still reads it from the queue
        for message in kept:
            self.queue.put_nowait(message)
        self.resume_reading()

    def send_now(self, data: bytes) -> bool:
        if not self.writable.is_set():
            return False
        if self.disconnected or self.close_sent:
            return True  # nobody reads any more: the pump is about to learn it
        try:
            self.conn.send_binary(data)
        except InvalidState:
            return True
        self.transport.write(b"".join(self.conn.data_to_send()))
        return True

    async def wait_writable(self) -> None:
        await self.writable.wait()

    def pause_reading(self) -> None:
        if not self.read_paused:
            self.read_paused = True
            self.transport.pause_reading()

    def resume_reading(self) -> None:
        if self.read_paused:
            self.read_paused = False
            self.transport.resume_reading()

    # ---------------------------------------------------------------- the ASGI queue

    def send_receive_event_to_app(self) -> None:
        receiver = self._receiver
        if receiver is not None and not self.close_sent:
            data = self.frames[0] if len(self.frames) == 1 else b"".join(self.frames)
            self.frames = []
            if self.curr_msg_data_type == "bytes":
                receiver(data)
                return
            try:
                text = data.decode()
            except UnicodeDecodeError:
                self.conn.send_close(1007)
                self.handle_parser_exception()
                return
            receiver(text)
            return
        size = sum(len(frame) for frame in self.frames)
        paused = self.read_paused
        self.read_paused = True  # keeps the parent from pausing after this one message
        try:
            super().send_receive_event_to_app()
        finally:
            self.read_paused = paused
        if not paused and (self.queue.qsize() >= QUEUED_MESSAGES or size >= LARGE_MESSAGE_BYTES):
            self.pause_reading()
