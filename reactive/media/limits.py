"""How large an uploaded picture, sound or film may be before it is decoded.

A few hundred KB of PNG can hold a 13300×13300 picture (700 MB of pixels), and a tiny file an
hour of silence or a 16000×16000 film: the size of the upload says nothing of what it decodes
to. Every media input is judged by its header (the picture's size, the probe's duration and
frame size) before a single pixel or sample is decoded, against the app's limits.
"""

from __future__ import annotations

from dataclasses import dataclass

from reactive.errors import DefinitionError, OutputError

DEFAULT_MAX_IMAGE_PIXELS = 40_000_000
"""An uploaded picture's width × height at most (``rx.App(max_image_pixels=...)``): 40 MP."""

DEFAULT_MAX_VIDEO_PIXELS = 4096 * 2160
"""An uploaded film's frame width × height at most (``rx.App(max_video_pixels=...)``): 4K."""

DEFAULT_MAX_MEDIA_SECONDS = 3600.0
"""An uploaded sound's or film's duration at most (``rx.App(max_media_seconds=...)``)."""


@dataclass(frozen=True, slots=True)
class MediaLimits:
    """The largest media inputs an app decodes."""

    max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS
    max_video_pixels: int = DEFAULT_MAX_VIDEO_PIXELS
    max_media_seconds: float = DEFAULT_MAX_MEDIA_SECONDS

    def __post_init__(self) -> None:
        for name in ("max_image_pixels", "max_video_pixels", "max_media_seconds"):
            if not getattr(self, name) > 0:
                raise DefinitionError(f"{name} must be positive, got {getattr(self, name)!r}.")


def megapixels(count: int) -> str:
    return f"{count / 1e6:.1f} MP"


DEFAULT_MEDIA_LIMITS = MediaLimits()


# ---------------------------------------------------------------- disk

_GiB = 1024**3

DEFAULT_MAX_SESSION_BYTES = 2 * _GiB
"""Uploaded bytes one session keeps on disk at once (``rx.App(max_session_bytes=...)``)."""

DEFAULT_MAX_TOTAL_UPLOAD_BYTES = 16 * _GiB
"""Uploaded bytes all sessions keep on disk at once (``rx.App(max_total_upload_bytes=...)``)."""


class UploadBudget:
    """The upload bytes every session of one app keeps on disk, against one total.

    Sessions take bytes before they write them and give them back when the file is deleted;
    used from the event loop only (uploads are written there), so it needs no lock.
    """

    def __init__(self, limit: int = DEFAULT_MAX_TOTAL_UPLOAD_BYTES) -> None:
        if limit < 1:
            raise DefinitionError(f"max_total_upload_bytes must be positive, got {limit}.")
        self.limit = limit
        self.used = 0

    def take(self, count: int) -> bool:
        """Reserve ``count`` bytes; False (nothing reserved) when that would pass the limit."""
        if self.used + count > self.limit:
            return False
        self.used += count
        return True

    def give_back(self, count: int) -> None:
        self.used = max(0, self.used - count)


# ---------------------------------------------------------------- checks on a probe


def check_seconds(seconds: float | None, limit: float, what: str) -> None:
    """Raise OutputError when ``what`` lasts longer than ``limit`` seconds."""
    if seconds is not None and seconds > limit:
        raise OutputError(
            f"{what} lasts {seconds:.0f} s; this app takes at most {limit:.0f} s. Send a shorter "
            "one, or raise the limit with rx.App(max_media_seconds=...)."
        )


def check_frame(width: int, height: int, limit: int, what: str) -> None:
    """Raise OutputError when a ``width`` × ``height`` frame has more than ``limit`` pixels."""
    if width * height > limit:
        raise OutputError(
            f"{what} is {width}×{height} pixels ({megapixels(width * height)}) a frame; this app "
            f"takes at most {megapixels(limit)}. Send a smaller video, or raise the limit with "
            "rx.App(max_video_pixels=...)."
        )
