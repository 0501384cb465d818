"""The page's ack pacing (client/src/render/ackPacer.ts), for the protocol-level bench pages.

A page acknowledges the batches it applied together: once the batches since its last ack reach
``ACK_BYTES``, or ``ACK_DELAY_SECONDS`` after the first of them. The bench pages pace theirs the
same way, so the server's cost per keystroke is measured against the traffic a browser sends.
"""

from __future__ import annotations

ACK_BYTES = 256 * 1024
ACK_DELAY_SECONDS = 0.1


class AckPacer:
    """When to acknowledge, given the batches read and the clock (seconds, any monotonic)."""

    def __init__(self) -> None:
        self._highest: int | None = None
        self._bytes = 0
        self.due: float | None = None  # when the pending ack must leave

    def read(self, seq: int, size: int, now: float) -> int | None:
        """A batch was read (and applied); returns the number to acknowledge now, if any."""
        self._highest = seq if self._highest is None else max(self._highest, seq)
        self._bytes += size
        if self._bytes >= ACK_BYTES:
            return self._take()
        if self.due is None:
            self.due = now + ACK_DELAY_SECONDS
        return None

    def take_due(self, now: float) -> int | None:
        """The number to acknowledge if the pending ack is due at ``now``."""
        if self.due is not None and now >= self.due:
            return self._take()
        return None

    def _take(self) -> int | None:
        seq, self._highest, self._bytes, self.due = self._highest, None, 0, None
        return seq
