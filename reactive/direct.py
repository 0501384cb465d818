"""The direct socket: frames between our uvicorn protocol and a session, past the ASGI queue.

Under ``reactive run`` the WebSocket protocol (:mod:`reactive.uvicorn_socket`) puts itself in the
socket's ASGI scope under :data:`EXTENSION`. The server's pump then takes each frame as the
protocol parses it, in ``data_received``, and writes batches straight to the transport: no ASGI
message dicts, no receive queue, no task woken per frame. The handshake, the Host and Origin
checks and the close still go through Starlette; any other ASGI server (or a parent app that
mounts ours) has no such extension and is served through the ASGI messages as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

#: The key of the ASGI scope's ``extensions`` under which the protocol offers itself.
EXTENSION = "reactive.direct_socket"

#: Takes one whole message: ``bytes`` from a binary frame, ``str`` from a text frame.
Receiver = Callable[[bytes | str], None]


class DirectSocket(Protocol):
    """What the pump needs of the socket's protocol."""

    def set_receiver(self, receiver: Receiver | None) -> None:
        """Hand every message from now on to ``receiver`` (None: back to the ASGI queue).

        Messages that were queued before are handed over first, in order.
        """

    def send_now(self, data: bytes) -> bool:
        """Write one binary message; False (nothing written) while the transport's buffer is
        over its high-water mark. A socket that is closing takes and drops the bytes."""

    async def wait_writable(self) -> None:
        """Wait until the transport's buffer is below its low-water mark again."""

    def pause_reading(self) -> None:
        """Stop reading the socket (the receiver has a backlog)."""

    def resume_reading(self) -> None: ...
