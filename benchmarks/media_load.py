"""Server-side media figures, measured with protocol-level pages (media_client.py).

- CPU time of the server process (and the ffmpeg processes it ran) per second of media streamed;
- bytes on the wire per byte of media payload (msgpack framing, events, statuses);
- ten concurrent 640×480 video streams produced in real time: does every chunk arrive on time?
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from benchmarks.media_client import Tally, stream
from benchmarks.media_server import MediaServer


@dataclass(frozen=True)
class Cost:
    case: str
    media_seconds: float
    cpu_seconds: float
    wire_bytes: int
    payload_bytes: int

    @property
    def cpu_per_second(self) -> float:
        return self.cpu_seconds / self.media_seconds

    @property
    def wire_ratio(self) -> float:
        return self.wire_bytes / self.payload_bytes


AUDIO_CASES: dict[str, dict[str, Any]] = {
    "audio numpy, 100 ms chunks": {"chunk": 0.1, "seconds": 20},
    "audio mp3 files, 1 s chunks": {"chunk": 1.0, "seconds": 20, "kind": "mp3"},
}
VIDEO_CASES: dict[str, dict[str, Any]] = {
    "video 640×480 numpy frames": {"w": 640, "h": 480, "seconds": 10},
    "video 640×480 mp4 files (remux)": {"w": 640, "h": 480, "seconds": 10, "kind": "mp4"},
}


def cost(server: MediaServer, kind: str, case: str, config: dict[str, Any]) -> Cost:
    stream(server.ws_url, kind, {**config, "seconds": 1})  # warm up: imports, first ffmpeg
    before = server.cpu_seconds()
    tally = stream(server.ws_url, kind, config)
    time.sleep(0.2)  # let the server reap its ffmpeg processes
    spent = server.cpu_seconds() - before
    if tally.state != "done":
        raise RuntimeError(f"{case}: the stream ended with {tally.state}: {tally.message}")
    return Cost(case, float(config["seconds"]), spent, tally.wire_bytes, tally.payload_bytes)


def costs(server: MediaServer) -> list[Cost]:
    found = [cost(server, "audio", case, cfg) for case, cfg in AUDIO_CASES.items()]
    return found + [cost(server, "video", case, cfg) for case, cfg in VIDEO_CASES.items()]


@dataclass(frozen=True)
class Concurrent:
    """Lag: when a chunk arrived after the click, less its index (the second it was yielded at).

    A server that keeps up delivers chunk k at a constant lag (start-up plus one encode); one
    that falls behind delivers each chunk later than the one before.
    """

    streams: int
    seconds: int
    first_lag: float  # the worst stream's lag of its first chunk
    worst_lag: float  # the worst lag of any chunk
    growth: float  # the most any stream's lag grew from its first chunk to its last
    cpu_share: float  # server CPU seconds per wall second (2 cores: at most 2)
    complete: bool

    @property
    def real_time(self) -> bool:
        return self.complete and self.growth < 0.25 and self.worst_lag < 1.0


def concurrent(server: MediaServer, streams: int = 10, seconds: int = 10) -> Concurrent:
    """``streams`` pages, each a 640×480 numpy stream yielding one second of frames per second."""
    config = {"w": 640, "h": 480, "seconds": seconds, "pace": True}
    results: list[Tally | None] = [None] * streams
    clicks = [0.0] * streams

    def one(index: int) -> None:
        clicks[index] = time.time()
        results[index] = stream(server.ws_url, "video", config, timeout=seconds * 6)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(streams)]
    before, began = server.cpu_seconds(), time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(0.2)
    share = (server.cpu_seconds() - before) / (time.monotonic() - began)
    tallies = [t for t in results if t is not None]
    complete = len(tallies) == streams and all(
        t.state == "done" and len(t.arrivals) >= seconds for t in tallies
    )
    if not complete:
        never = float("inf")
        return Concurrent(streams, seconds, never, never, never, share, False)
    lags = [
        [
            at - click - k for k, at in enumerate(t.arrivals[:seconds])
        ]  # the encoder's tail: not a yield
        for t, click in zip(tallies, clicks, strict=True)
    ]
    first = max(lag[0] for lag in lags)
    worst = max(max(lag) for lag in lags)
    growth = max(max(lag) - lag[0] for lag in lags)
    return Concurrent(streams, seconds, first, worst, growth, share, True)
