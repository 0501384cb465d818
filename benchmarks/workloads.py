"""One run of each workload on one target; the probes in page_probes do the timing."""

from __future__ import annotations

import secrets
from typing import Any

from benchmarks.measures import ImageRun, KeystrokeSamples, StreamRun, TypingRun
from benchmarks.page_probes import IMAGES, KEYSTROKES, STREAM, TYPING
from benchmarks.payloads import stream_text
from benchmarks.targets import Target

KEY_GAP_MS = (5, 25)  # random pause between keystrokes
TYPING_KEYS = 20
TYPING_INTERVAL_MS = 30
# Time left after a typing run for superseded sync runs (100 ms each) to end before counting.
TYPING_SETTLE_MS = 350
# Time left after a stream or image run for its last frames (the "done" status) to be counted.
WIRE_SETTLE_MS = 150
IMAGES_QUIET_MS = 400  # the image run is over once no new image came for this long
TIMEOUT_MS = 15_000


def keystrokes(target: Target, count: int) -> KeystrokeSamples:
    """Workload 1: ``count`` keystrokes into ``key_in``, each timed to ``key_out``'s change."""
    args = {
        "input": "key_in",
        "output": "key_out",
        "count": count,
        "gapMs": list(KEY_GAP_MS),
        "timeoutMs": TIMEOUT_MS,
    }
    found: dict[str, list[float]] = target.page.evaluate(KEYSTROKES, args)
    return KeystrokeSamples(found["dom"], found["painted"])


def typing(target: Target, variant: str) -> TypingRun:
    """Workload 2: 20 keystrokes 30 ms apart into a 100 ms function."""
    runs = target.typing_runs[variant]
    runs.reset()
    args = {
        "input": f"typing_{variant}_in",
        "output": f"typing_{variant}_out",
        "keys": TYPING_KEYS,
        "intervalMs": TYPING_INTERVAL_MS,
        "timeoutMs": TIMEOUT_MS,
    }
    found: dict[str, Any] = target.page.evaluate(TYPING, args)
    target.page.wait_for_timeout(TYPING_SETTLE_MS)
    counts = runs.read()
    shown: list[str] = found["shown"]
    return TypingRun(
        final=found["final"],
        painted=found["painted"],
        started=counts.started,
        finished=counts.finished,
        stale_shown=len(shown) - 1,
    )


def stream(target: Target, variant: str) -> StreamRun:
    """Workload 3: a click streams the growing text of 2000 tokens."""
    tag = f"run-{secrets.token_hex(4)} "  # each run's text differs from the one shown before
    expected = stream_text(tag)
    args = {
        "tagInput": "stream_tag",
        "button": f"stream_{variant}_go",
        "output": f"stream_{variant}_out",
        "tag": tag,
        "expected": expected,
        "timeoutMs": TIMEOUT_MS,
    }
    target.wire.start()
    found: dict[str, Any] = target.page.evaluate(STREAM, args)
    target.page.wait_for_timeout(WIRE_SETTLE_MS)
    wire = target.wire.stop()
    return StreamRun(
        first=found["first"],
        first_painted=found["firstPainted"],
        final=found["final"],
        painted=found["painted"],
        mutations=found["mutations"],
        wire_frames=wire.frames,
        wire_bytes=wire.bytes,
        text_length=len(expected),
        complete=found["ok"],
    )


def images(target: Target) -> ImageRun:
    """Workload 4: a click streams 31 noise images into one image output."""
    args = {
        "button": "images_go",
        "image": "images_out",
        "quietMs": IMAGES_QUIET_MS,
        "timeoutMs": TIMEOUT_MS,
    }
    target.wire.start()
    found: dict[str, Any] = target.page.evaluate(IMAGES, args)
    wire = target.wire.stop()  # the quiet period already let the last frames in
    return ImageRun(
        last_set=found["lastSet"],
        last_painted=found["lastPainted"],
        shown=found["sets"],
        received=wire.pictures,
        loaded=found["loads"],
        painted=found["painted"],
        wire_frames=wire.frames,
        wire_bytes=wire.bytes,
        final_bytes=found["finalBytes"],
        expected_final_bytes=target.final_image_bytes,
    )
