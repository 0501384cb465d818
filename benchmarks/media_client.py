"""A protocol-level page (no browser): starts a stream, acknowledges every batch, counts bytes.

Used where the browser would only add noise: the server's CPU time per second of media, bytes
on the wire per byte of media, and many concurrent streams.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import msgpack
from websockets.sync.client import connect


@dataclass
class Tally:
    wire_bytes: int = 0
    payload_bytes: int = 0
    chunks: int = 0
    arrivals: list[float] = field(default_factory=list)  # wall-clock seconds, per chunk
    state: str = ""
    message: str = ""


def _pack(message: dict[str, Any]) -> bytes:
    packed: bytes = msgpack.packb(message, use_bin_type=True)
    return packed


def stream(ws_url: str, kind: str, config: dict[str, Any], timeout: float = 120.0) -> Tally:
    """Run the ``kind`` ("audio" or "video") function with ``config`` and take in its stream."""
    tally = Tally()
    with connect(ws_url, max_size=None, compression=None) as ws:
        ws.send(_pack({"t": "hello", "v": 1, "session": None}))
        ws.recv(timeout)
        ws.send(_pack({"t": "input", "c": f"{kind}_cfg", "v": json.dumps(config)}))
        ws.send(_pack({"t": "trigger", "c": f"{kind}_go", "e": "click"}))
        deadline = time.monotonic() + timeout
        while tally.state not in ("done", "error"):
            data = ws.recv(max(0.1, deadline - time.monotonic()))
            assert isinstance(data, bytes)
            _take(tally, data, kind)
            message = msgpack.unpackb(data, raw=False)
            if message["t"] == "batch":
                ws.send(_pack({"t": "ack", "n": message["n"]}))
    return tally


def _take(tally: Tally, data: bytes, kind: str) -> None:
    tally.wire_bytes += len(data)
    message = msgpack.unpackb(data, raw=False)
    if message["t"] != "batch":
        return
    now = time.time()
    for event in message["e"]:
        if event["t"] == "chunk" and event["c"] == f"{kind}_out":
            tally.chunks += 1
            tally.payload_bytes += len(event["v"]["data"])
            tally.arrivals.append(now)
        elif event["t"] == "status" and event["f"] == kind:
            tally.state = event["s"]
            tally.message = event.get("msg", "")
