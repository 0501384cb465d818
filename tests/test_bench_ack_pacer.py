"""The bench pages pace their acks as the browser page does (client/src/render/ackPacer.ts)."""

from __future__ import annotations

from benchmarks.ack_pacer import ACK_BYTES, ACK_DELAY_SECONDS, AckPacer


def test_small_batches_wait_for_the_delay_then_one_ack_covers_them() -> None:
    pacer = AckPacer()
    assert pacer.read(1, 100, now=10.0) is None
    assert pacer.read(2, 100, now=10.05) is None
    assert pacer.take_due(10.0 + ACK_DELAY_SECONDS / 2) is None
    assert pacer.take_due(10.0 + ACK_DELAY_SECONDS) == 2
    assert pacer.take_due(11.0) is None  # nothing twice
    assert pacer.due is None


def test_an_ack_leaves_at_once_past_the_byte_threshold_and_the_count_restarts() -> None:
    pacer = AckPacer()
    assert pacer.read(1, ACK_BYTES - 1, now=0.0) is None
    assert pacer.read(2, 1, now=0.0) == 2
    assert pacer.due is None
    assert pacer.read(3, 10, now=1.0) is None
    assert pacer.due == 1.0 + ACK_DELAY_SECONDS
