"""Media conversions (images here; audio and video through ffmpeg in their own modules), and
Gradio's sample-media helpers (``rx.media.get_image()`` and the like, from ``samples``)."""

from reactive.media.samples import (
    MEDIA_PATHS,
    MEDIA_ROOT,
    get_audio,
    get_file,
    get_image,
    get_model3d,
    get_video,
)

__all__ = [
    "MEDIA_PATHS",
    "MEDIA_ROOT",
    "get_audio",
    "get_file",
    "get_image",
    "get_model3d",
    "get_video",
]
