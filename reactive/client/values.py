"""Values between Python and the wire: files and media up as the page sends them, results back
as local paths (or numpy), streamed audio as ``(rate, samples)``."""

from __future__ import annotations

import io
import mimetypes
import secrets
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

FILE_TYPES = {"image", "audio", "video", "file"}
#: Inputs that take files in ``upload`` parts (docs/protocol.md, *Uploads*), and the part size.
UPLOAD_TYPES = {"audio", "video"}
PART_BYTES = 1 << 20


def file_value(path: str | Path) -> dict[str, Any]:
    """A file on disk as an input value: ``{name, mime, data}``."""
    source = Path(path)
    mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    return {"name": source.name, "mime": mime, "data": source.read_bytes()}


def wav_bytes(rate: int, samples: np.ndarray[Any, Any]) -> bytes:
    """``(rate, samples)`` as a 16-bit WAV file (float samples in [-1, 1] are scaled)."""
    data = np.asarray(samples)
    if data.dtype.kind == "f":
        data = (np.clip(data, -1.0, 1.0) * 32767).astype("<i2")
    else:
        data = data.astype("<i2")
    channels = 1 if data.ndim == 1 else data.shape[1]
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(2)
        writer.setframerate(int(rate))
        writer.writeframes(data.tobytes())
    return out.getvalue()


def png_bytes(pixels: Any) -> bytes:
    from PIL import Image  # only a client that sends pictures needs Pillow

    image = pixels if isinstance(pixels, Image.Image) else Image.fromarray(np.asarray(pixels))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def to_wire(kind: str, value: Any) -> Any:
    """A Python argument as the wire value an input of type ``kind`` takes."""
    if isinstance(value, Path) or (kind in FILE_TYPES and isinstance(value, str)):
        return file_value(value)
    if kind == "file" and isinstance(value, list | tuple):
        return [to_wire(kind, item) for item in value]
    if kind == "audio" and isinstance(value, tuple) and len(value) == 2:
        return {"name": "audio.wav", "mime": "audio/wav", "data": wav_bytes(*value)}
    if kind == "image" and not isinstance(value, dict | type(None)):
        return {"name": "image.png", "mime": "image/png", "data": png_bytes(value)}
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def upload_parts(
    component: str, upload: int, value: dict[str, Any], part_bytes: int
) -> Iterator[dict[str, Any]]:
    """A file value as the page's ``upload`` messages: part 0 names it, the last says so."""
    data: bytes = value["data"]
    count = max(1, -(-len(data) // part_bytes))
    for index in range(count):
        part: dict[str, Any] = {"t": "upload", "c": component, "u": upload, "i": index}
        part["d"] = data[index * part_bytes : (index + 1) * part_bytes]
        part["last"] = index == count - 1
        if index == 0:
            part |= {"name": value.get("name") or "upload", "mime": value.get("mime") or ""}
            part["size"] = len(data)
        yield part


def pcm_chunk(chunk: dict[str, Any]) -> tuple[int, np.ndarray[Any, Any]]:
    """A streamed audio chunk (``{k: "pcm", sr, ch, data}``) as ``(rate, int16 samples)``."""
    samples = np.frombuffer(chunk["data"], dtype="<i2")
    channels = int(chunk.get("ch", 1))
    return int(chunk["sr"]), samples.reshape(-1, channels) if channels > 1 else samples


class Downloads:
    """Where results that are files are written, and how they are turned back into Python."""

    def __init__(self, folder: Path, numpy: bool = False) -> None:
        self.folder = folder
        self.numpy = numpy

    def from_wire(self, kind: str, value: Any) -> Any:
        """A result's wire value as Python: files as paths (numpy for pictures and WAV sound
        with ``numpy=True``), everything else as it came."""
        if isinstance(value, list):
            return [self.from_wire(kind, item) for item in value]
        if not isinstance(value, dict):
            return value
        if isinstance(value.get("data"), bytes) and isinstance(value.get("mime"), str):
            result = self._file(kind, value)
            caption = value.get("caption")
            return (result, caption) if isinstance(caption, str) else result
        if set(value) == {"url"}:
            return value["url"]
        return value

    def _file(self, kind: str, value: dict[str, Any]) -> Any:
        data: bytes = value["data"]
        if self.numpy and kind in ("image", "gallery"):
            from PIL import Image

            return np.asarray(Image.open(io.BytesIO(data)))
        if self.numpy and kind == "audio" and value["mime"] in ("audio/wav", "audio/x-wav"):
            with wave.open(io.BytesIO(data)) as reader:
                frames = np.frombuffer(reader.readframes(reader.getnframes()), dtype="<i2")
                channels = reader.getnchannels()
                rate = reader.getframerate()
            return rate, frames.reshape(-1, channels) if channels > 1 else frames
        return str(self.save(data, value.get("name"), value["mime"]))

    def save(self, data: bytes, name: Any, mime: str) -> Path:
        """Write ``data`` under a folder of its own, keeping the server's file name."""
        shown = Path(name).name if isinstance(name, str) and Path(name).name else None
        if shown is None:
            shown = "file" + (mimetypes.guess_extension(mime.split(";")[0]) or "")
        target = self.folder / secrets.token_hex(6) / shown
        target.parent.mkdir(parents=True)
        target.write_bytes(data)
        return target
