"""A text glTF (``.gltf``) as one binary glTF (``.glb``), so the page needs no second fetch.

A ``.gltf`` names its buffers and pictures by URI: ``data:`` URIs inline, or files beside it.
The page's Content-Security-Policy lets it fetch nothing but its own server, so the server
packs every buffer and picture into the one binary chunk of a GLB the viewer parses at once.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from reactive.errors import OutputError


def gltf_to_glb(path: Path) -> bytes:
    """The ``.gltf`` at ``path`` (its files beside it) as GLB bytes."""
    try:
        document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise OutputError(f"{path.name!r} is not a glTF file: {exc}") from None
    binary = bytearray()
    starts = []
    for buffer in document.get("buffers", []):
        starts.append(len(binary))
        binary += _read(path, buffer.pop("uri", None), buffer.get("byteLength", 0))
        binary += b"\0" * (-len(binary) % 4)
    views = document.setdefault("bufferViews", [])
    for view in views:
        view["byteOffset"] = starts[view.get("buffer", 0)] + view.get("byteOffset", 0)
        view["buffer"] = 0
    for image in document.get("images", []):
        uri = image.pop("uri", None)
        if uri is None:
            continue
        data = _read(path, uri, None)
        views.append({"buffer": 0, "byteOffset": len(binary), "byteLength": len(data)})
        image["bufferView"] = len(views) - 1
        image.setdefault("mimeType", "image/png" if data[:4] == b"\x89PNG" else "image/jpeg")
        binary += data + b"\0" * (-len(data) % 4)
    document["buffers"] = [{"byteLength": len(binary)}] if binary else []
    text = json.dumps(document, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 4)
    chunks = _chunk(text, b"JSON") + (_chunk(bytes(binary), b"BIN\0") if binary else b"")
    return b"glTF" + (2).to_bytes(4, "little") + (12 + len(chunks)).to_bytes(4, "little") + chunks


def _read(gltf: Path, uri: str | None, length: int | None) -> bytes:
    if uri is None:
        raise OutputError(f"{gltf.name!r}: a buffer without a uri (a .glb holds it; not a .gltf).")
    if uri.startswith("data:"):
        return base64.b64decode(uri.split(",", 1)[1])
    beside = (gltf.parent / uri).resolve()
    if beside.parent != gltf.parent.resolve() or not beside.is_file():
        raise OutputError(f"{gltf.name!r} names {uri!r}: only files beside it are read.")
    return beside.read_bytes()[: length or None]


def _chunk(data: bytes, kind: bytes) -> bytes:
    return len(data).to_bytes(4, "little") + kind + data
