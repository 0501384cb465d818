"""Flow control: the page's ack window decides whether a session's producers may run.

This is the only place the session's :class:`Gate` is opened or closed. The writer, the streams
and the executor only wait on it: while the page is behind (its window is full) or gone, results
stay pending and generators pause at their next yield.
"""

from __future__ import annotations

from reactive.scheduler.gate import Gate
from reactive.session.channel import Channel


class Flow:
    """The window → gate decision of one session."""

    def __init__(self) -> None:
        self.gate = Gate()

    def sync(self, channel: Channel | None) -> None:
        """Open the gate while a page is attached and its window has room, else close it."""
        if channel is not None and channel.connection.window_open:
            self.gate.open()
        else:
            self.gate.close()

    def pause(self) -> None:
        """The page went away: hold producers until one comes back."""
        self.gate.close()

    def release(self) -> None:
        """The session is closing: let paused producer threads see that they were stopped."""
        self.gate.open()
