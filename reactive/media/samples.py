"""Sample media for demos, as Gradio's ``gr.media`` gives them: made here, never downloaded.

``get_image()``, ``get_audio()``, ``get_video()``, ``get_model3d()`` and ``get_file()`` return
the path of a small file generated on first use into a folder of the temp directory (where
outputs may serve from). A ``filename`` picks the name and so the format (``"cheetah.jpg"``,
``"tone.mp3"``, ``"world.mp4"``, ``"Bunny.obj"``, ``"titanic.csv"``); the content is always a
synthetic picture, tone, clip, cube or table, not the file Gradio ships under that name.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import os
import tempfile
import threading
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image as PILImage

from reactive.errors import DefinitionError
from reactive.media import ffmpeg

_lock = threading.Lock()

IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP", ".gif": "GIF"}
AUDIO_FORMATS = (".wav", ".mp3", ".ogg", ".flac")
VIDEO_FORMATS = (".mp4", ".webm")
MODEL_FORMATS = (".obj", ".glb", ".gltf", ".stl")
FILE_FORMATS = (".csv", ".json", ".txt", ".srt", ".vtt")

#: The folder the samples are written to (one per user, shared by processes): Gradio's
#: ``gr.media.MEDIA_ROOT``; apps pass it, or ``MEDIA_PATHS``, as ``allowed_paths``.
MEDIA_ROOT = (
    Path(tempfile.gettempdir()) / f"reactive-media-{os.getuid() if hasattr(os, 'getuid') else 0}"
)
MEDIA_PATHS = [MEDIA_ROOT]


def folder() -> Path:
    """Where the samples are written, made on first use (and refused if not ours)."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    path = MEDIA_ROOT
    path.mkdir(mode=0o700, exist_ok=True)
    if hasattr(os, "getuid") and path.stat().st_uid != uid:  # someone else's: not ours to trust
        raise DefinitionError(f"{path} belongs to another user: remove it to make samples.")
    return path


def _made(name: str, allowed: tuple[str, ...], make: Callable[[Path], None]) -> str:
    suffix = Path(name).suffix.lower()
    if Path(name).name != name or suffix not in allowed:
        raise DefinitionError(
            f"A sample named {name!r}: use a plain file name ending in {', '.join(allowed)}."
        )
    target = folder() / name
    with _lock:
        if not target.exists():
            # Unique per process: two processes making the same sample at once must not
            # rename each other's partial file away (the loser would find it gone).
            partial = target.with_name(f".{target.name}.{os.getpid()}.part{suffix}")
            make(partial)
            partial.replace(target)  # whole or absent, for other processes too
    return str(target)


def _seed(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big")


def get_image(filename: str | None = None) -> str:
    """The path of a 320×240 picture: soft colour bands and circles (PNG unless named)."""
    name = filename or "sample.png"
    return _made(
        name,
        tuple(IMAGE_FORMATS),
        lambda p: _image(p, IMAGE_FORMATS[p.suffix.lower()], _seed(name)),
    )


def _image(path: Path, fmt: str, seed: int) -> None:
    y, x = np.mgrid[0:240, 0:320].astype(np.float32)
    rng = np.random.default_rng(seed)
    phase = rng.uniform(0, math.tau, 3)
    rgb = [127 + 100 * np.sin(x / 53 + y / 71 + p) for p in phase]
    for _ in range(4):
        cx, cy, r = rng.uniform(40, 280), rng.uniform(40, 200), rng.uniform(15, 45)
        inside = (x - cx) ** 2 + (y - cy) ** 2 < r**2
        for channel, value in zip(rgb, rng.uniform(0, 255, 3), strict=True):
            channel[inside] = value
    pixels = np.clip(np.stack(rgb, axis=-1), 0, 255).astype(np.uint8)
    PILImage.fromarray(pixels).save(path, fmt)


def get_audio(filename: str | None = None) -> str:
    """The path of a 2-second tone rising in pitch, 44.1 kHz mono (WAV unless named)."""
    return _made(filename or "sample.wav", AUDIO_FORMATS, _audio)


def _audio(path: Path) -> None:
    rate = 44_100
    t = np.arange(rate * 2) / rate
    tone = 0.3 * np.sin(math.tau * (330 * t + 55 * t**2)) * np.minimum(1, (2 - t) * 8)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((tone * 32767).astype("<i2").tobytes())
    if path.suffix.lower() == ".wav":
        path.write_bytes(buffer.getvalue())
        return
    args = ["-f", "wav", "-i", "pipe:0", "-y", "-f", path.suffix[1:].lower(), str(path)]
    ffmpeg.run_sync(args, what="the sample sound", stdin=buffer.getvalue())


def get_video(filename: str | None = None) -> str:
    """The path of a 2-second 320×240 test pattern at 25 fps with a tone (MP4 unless named)."""
    return _made(filename or "sample.mp4", VIDEO_FORMATS, _video)


def _video(path: Path) -> None:
    codecs = (
        ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"]
        if path.suffix.lower() == ".mp4"
        else ["-c:v", "libvpx", "-c:a", "libvorbis"]
    )
    args = ["-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=25"]
    args += ["-f", "lavfi", "-i", "sine=frequency=440:duration=2", *codecs, "-shortest"]
    args += ["-f", path.suffix[1:].lower(), "-y", str(path)]
    ffmpeg.run_sync(args, what="the sample video")


def get_model3d(filename: str | None = None) -> str:
    """The path of a unit cube (Wavefront OBJ unless named ``.glb`` / ``.gltf`` / ``.stl``)."""
    return _made(filename or "sample.obj", MODEL_FORMATS, _model)


CUBE_VERTICES = [(x, y, z) for x in (-0.5, 0.5) for y in (-0.5, 0.5) for z in (-0.5, 0.5)]
#: Two triangles per face, counter-clockwise seen from outside (indices into CUBE_VERTICES).
CUBE_TRIANGLES = [
    (0, 1, 3), (0, 3, 2), (4, 6, 7), (4, 7, 5), (0, 4, 5), (0, 5, 1),
    (2, 3, 7), (2, 7, 6), (0, 2, 6), (0, 6, 4), (1, 5, 7), (1, 7, 3),
]  # fmt: skip


def _model(path: Path) -> None:
    if path.suffix.lower() == ".obj":
        lines = [f"v {x} {y} {z}" for x, y, z in CUBE_VERTICES]
        lines += [f"f {a + 1} {b + 1} {c + 1}" for a, b, c in CUBE_TRIANGLES]
        path.write_text("# a unit cube\n" + "\n".join(lines) + "\n")
    elif path.suffix.lower() == ".stl":
        path.write_text(stl(CUBE_VERTICES, CUBE_TRIANGLES))
    elif path.suffix.lower() == ".gltf":
        document, binary = gltf_parts(CUBE_VERTICES, CUBE_TRIANGLES)
        data = base64.b64encode(binary).decode()
        document["buffers"][0]["uri"] = f"data:application/octet-stream;base64,{data}"
        path.write_text(json.dumps(document))
    else:
        path.write_bytes(glb(CUBE_VERTICES, CUBE_TRIANGLES))


def stl(vertices: list[tuple[float, float, float]], triangles: list[tuple[int, int, int]]) -> str:
    """An ASCII STL file of the triangles (normals left for the reader to compute)."""
    lines = ["solid cube"]
    for triangle in triangles:
        lines += ["  facet normal 0 0 0", "    outer loop"]
        lines += [f"      vertex {x} {y} {z}" for x, y, z in (vertices[i] for i in triangle)]
        lines += ["    endloop", "  endfacet"]
    return "\n".join([*lines, "endsolid cube", ""])


def glb(vertices: list[tuple[float, float, float]], triangles: list[tuple[int, int, int]]) -> bytes:
    """A binary glTF 2.0 file of one mesh (positions and indices, default material)."""
    document, binary = gltf_parts(vertices, triangles)
    text = json.dumps(document, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 4)
    chunks = _chunk(text, b"JSON") + _chunk(binary, b"BIN\0")
    header = b"glTF" + (2).to_bytes(4, "little") + (12 + len(chunks)).to_bytes(4, "little")
    return header + chunks


def gltf_parts(
    vertices: list[tuple[float, float, float]], triangles: list[tuple[int, int, int]]
) -> tuple[dict[str, Any], bytes]:
    """A glTF 2.0 document of one mesh and its one buffer's bytes."""
    positions = np.asarray(vertices, dtype="<f4").tobytes()
    indices = np.asarray(triangles, dtype="<u2").tobytes()
    indices += b"\0" * (-len(indices) % 4)
    lo = np.min(vertices, axis=0).tolist()
    hi = np.max(vertices, axis=0).tolist()
    document = {
        "asset": {"version": "2.0", "generator": "reactive"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1}]}],
        "buffers": [{"byteLength": len(positions) + len(indices)}],
        "bufferViews": [
            {"buffer": 0, "byteOffset": 0, "byteLength": len(positions), "target": 34962},
            {
                "buffer": 0,
                "byteOffset": len(positions),
                "byteLength": len(triangles) * 6,
                "target": 34963,
            },
        ],
        "accessors": [
            {
                "bufferView": 0,
                "componentType": 5126,
                "count": len(vertices),
                "type": "VEC3",
                "min": lo,
                "max": hi,
            },
            {"bufferView": 1, "componentType": 5123, "count": len(triangles) * 3, "type": "SCALAR"},
        ],
    }
    return document, positions + indices


def _chunk(data: bytes, kind: bytes) -> bytes:
    return len(data).to_bytes(4, "little") + kind + data


def get_file(filename: str | None = None) -> str:
    """The path of a small table of passengers (CSV unless named ``.json`` or ``.txt``), or
    of two subtitle cues when named ``.srt`` or ``.vtt``."""
    return _made(filename or "sample.csv", FILE_FORMATS, _table)


ROWS = [("Allen", 29, "female", 1), ("Braund", 22, "male", 0), ("Cumings", 38, "female", 1)]


def _table(path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".json":
        keys = ("name", "age", "sex", "survived")
        path.write_text(json.dumps([dict(zip(keys, row, strict=True)) for row in ROWS], indent=1))
    elif suffix == ".csv":
        path.write_text(
            "name,age,sex,survived\n" + "".join(",".join(map(str, r)) + "\n" for r in ROWS)
        )
    elif suffix in (".srt", ".vtt"):
        path.write_text(_subtitles(suffix))
    else:
        path.write_text("A sample text file, made by reactive.\n")


def _subtitles(suffix: str) -> str:
    """Two cues over the sample video's two seconds (SubRip or WebVTT timing)."""
    sep = "," if suffix == ".srt" else "."
    cues = [
        ("00:00:00", "00:00:01", "A sample subtitle."),
        ("00:00:01", "00:00:02", "Made by reactive."),
    ]
    body = "".join(
        f"{i}\n{a}{sep}000 --> {b}{sep}000\n{text}\n\n" for i, (a, b, text) in enumerate(cues, 1)
    )
    return ("WEBVTT\n\n" if suffix == ".vtt" else "") + body
