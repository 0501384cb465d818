"""Flow control in one place: the window decides the gate; detach pauses, close releases."""

from __future__ import annotations

from reactive.session.channel import Channel
from reactive.session.flow import Flow


class NoTransport:
    def try_send(self, data: bytes) -> bool:
        raise AssertionError("nothing is sent")

    async def send(self, data: bytes) -> None:
        raise AssertionError("nothing is sent")

    async def close(self, code: int, reason: str = "") -> None:
        raise AssertionError("nothing is closed")


async def test_the_window_decides_the_gate() -> None:
    flow = Flow()
    assert flow.gate.is_open
    flow.sync(None)  # no page attached
    assert not flow.gate.is_open
    flow.sync(Channel(NoTransport()))  # a fresh window has room
    assert flow.gate.is_open
    flow.pause()
    assert not flow.gate.is_open
    flow.release()
    assert flow.gate.is_open
