"""The WebSocket protocol our uvicorn servers run: uvicorn's sans-I/O one, paused less often.

uvicorn's protocol stops reading its socket after every message until the app has taken it, and
starts again after: two ``epoll_ctl`` calls and their bookkeeping for each keystroke and each
ack. Ours stops only once a few messages, or one large one, wait unread, which bounds what one
socket may queue just as well. Only :mod:`reactive.cli` uses it (the one uvicorn import).
"""

from __future__ import annotations

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

#: Messages that may wait unread before the socket stops being read.
QUEUED_MESSAGES = 4
#: A message at least this large stops reading at once, as uvicorn's own protocol does.
LARGE_MESSAGE_BYTES = 64 * 1024


class WebSocketProtocol(WebSocketsSansIOProtocol):
    """uvicorn's ``websockets-sansio`` protocol with reading paused only past a bound."""

    def send_receive_event_to_app(self) -> None:
        size = sum(len(frame) for frame in self.frames)
        paused = self.read_paused
        self.read_paused = True  # keeps the parent from pausing after this one message
        try:
            super().send_receive_event_to_app()
        finally:
            self.read_paused = paused
        if not paused and (self.queue.qsize() >= QUEUED_MESSAGES or size >= LARGE_MESSAGE_BYTES):
            self.read_paused = True
            self.transport.pause_reading()
