"""Size limits the decoder enforces on every client frame (see docs/protocol.md)."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024

DEFAULT_MAX_UPLOAD_BYTES = 1024 * MiB
"""The largest file the session accepts, summed over its parts (``rx.App(max_upload_bytes=)``)."""

MAX_STREAM_CHUNK_BYTES = 4 * MiB
"""The largest piece of a streaming input (a webcam frame, a stretch of microphone PCM)."""
MIN_STREAM_RATE, MAX_STREAM_RATE = 8_000, 192_000


@dataclass(frozen=True, slots=True)
class Limits:
    """Upper bounds for one decoded client message."""

    max_message_bytes: int = 16 * MiB
    max_str_bytes: int = 1 * MiB
    max_bin_bytes: int = 16 * MiB
    max_container_len: int = 10_000
    max_depth: int = 32
    #: Values in one message, every container, key and element counted: bounds decode time.
    max_objects: int = 20_000
    #: Decoded memory may be at most ``max_expansion`` times the frame, plus the allowance.
    max_expansion: int = 10
    expansion_allowance: int = 1 * MiB


DEFAULT_LIMITS = Limits()
