"""Values between JSON and the wire: files as base64 or multipart up, download URLs back."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any

from reactive.client.values import FILE_TYPES, wav_bytes
from reactive.errors import InvalidValue

#: Keeps a result's bytes; returns the URL they download from.
Keep = Callable[[bytes, str, str | None], str]


def from_json(kind: str, value: Any) -> Any:
    """A JSON argument as the wire value an input of type ``kind`` takes.

    A file is ``{"name": ..., "mime": ..., "data": "<base64>"}`` (or a multipart part, already
    in wire form); never a path or a URL, which the server would have to open for the caller.
    """
    if kind not in FILE_TYPES or value is None:
        return value
    if isinstance(value, list) and kind == "file":
        return [from_json(kind, item) for item in value]
    if isinstance(value, dict) and isinstance(value.get("data"), bytes):
        return value  # a multipart upload
    if not isinstance(value, dict) or not isinstance(value.get("data"), str):
        raise InvalidValue(
            'send a file as {"name": ..., "mime": ..., "data": "<base64>"} or as a multipart '
            "upload, not as a path or a URL"
        )
    try:
        data = base64.b64decode(value["data"], validate=True)
    except (binascii.Error, ValueError):
        raise InvalidValue("its 'data' is not valid base64") from None
    name = value.get("name") if isinstance(value.get("name"), str) else f"upload.{kind}"
    mime = value.get("mime") if isinstance(value.get("mime"), str) else ""
    return {"name": name, "mime": mime, "data": data}


def to_json(value: Any, keep: Keep) -> Any:
    """A result's wire value as JSON: every file becomes ``{url, name, mime, ...}``."""
    if isinstance(value, list):
        return [to_json(item, keep) for item in value]
    if isinstance(value, dict):
        if value.get("k") == "pcm" and isinstance(value.get("data"), bytes):
            return pcm_to_json(value, keep)
        if isinstance(value.get("data"), bytes):
            rest = {k: to_json(v, keep) for k, v in value.items() if k != "data"}
            mime = str(value.get("mime", "application/octet-stream"))
            return rest | {"url": keep(value["data"], mime, value.get("name"))}
        return {k: to_json(v, keep) for k, v in value.items()}
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def pcm_wav(chunk: dict[str, Any]) -> bytes:
    """A streamed audio chunk (``{k: "pcm", sr, ch, data}``) as a WAV file."""
    import numpy as np

    channels = int(chunk.get("ch", 1))
    samples = np.frombuffer(chunk["data"], dtype="<i2")
    if channels > 1:
        samples = samples.reshape(-1, channels)
    return wav_bytes(int(chunk["sr"]), samples)


def pcm_to_json(chunk: dict[str, Any], keep: Keep) -> dict[str, Any]:
    """A streamed audio chunk as a WAV download, with its rate and channel count."""
    url = keep(pcm_wav(chunk), "audio/wav", "chunk.wav")
    rate, channels = int(chunk["sr"]), int(chunk.get("ch", 1))
    return {"rate": rate, "channels": channels, "mime": "audio/wav", "url": url}


def joined(chunks: list[Any]) -> Any:
    """A whole stream from its chunks: PCM end to end, or the fragmented MP4's pieces."""
    pieces = [c for c in chunks if isinstance(c, dict) and isinstance(c.get("data"), bytes)]
    if not pieces:
        return None
    data = b"".join(c["data"] for c in pieces)
    if all(c.get("k") == "pcm" for c in pieces):
        return {"k": "pcm", "sr": pieces[0]["sr"], "ch": pieces[0].get("ch", 1), "data": data}
    return {"name": "stream.mp4", "mime": str(pieces[0].get("mime", "video/mp4")), "data": data}
