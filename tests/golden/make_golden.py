"""Writes the golden frames shared by the Python and TypeScript codec tests.

Run once when the protocol changes (``python tests/golden/make_golden.py``) and commit the output;
both test suites then check their codec against these bytes, so the two sides agree byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgpack

HERE = Path(__file__).parent

FRAMES: dict[str, Any] = {
    "hello": {"t": "hello", "v": 1, "session": None},
    "hello_resume": {"t": "hello", "v": 1, "session": "s-3f2a"},
    "input_text": {"t": "input", "c": "text", "v": "héllo ✓"},
    "input_number": {"t": "input", "c": "n", "v": 2.5},
    "input_image": {
        "t": "input",
        "c": "img",
        "v": {"mime": "image/png", "data": b"\x89PNG\x00\x01", "name": "a.png"},
    },
    "trigger": {"t": "trigger", "c": "go", "e": "click"},
    "ack": {"t": "ack", "n": 70000},
    "upload_first": {
        "t": "upload",
        "c": "clip",
        "u": 7,
        "i": 0,
        "d": b"RIFF\x24\x00",
        "last": False,
        "name": "a.wav",
        "mime": "audio/wav",
        "size": 44,
    },
    "upload_next": {"t": "upload", "c": "clip", "u": 7, "i": 1, "d": b"data", "last": True},
    "batch_media": {
        "t": "batch",
        "n": 5,
        "e": [
            {
                "t": "chunk",
                "c": "out",
                "r": 3,
                "f": "speak",
                "v": {"k": "pcm", "sr": 24000, "ch": 1, "data": b"\x00\x01\xff\x7f"},
            },
            {
                "t": "chunk",
                "c": "vid",
                "r": 3,
                "f": "speak",
                "v": {"k": "fmp4", "mime": 'video/mp4; codecs="avc1.42C01E"', "data": b"\x00"},
            },
            {"t": "end", "c": "out", "r": 3, "f": "speak"},
            {"t": "received", "c": "clip", "u": 7, "n": 1048576},
        ],
    },
    "example": {"t": "example", "f": "calc", "i": 2},
    "stream_pcm": {
        "t": "stream",
        "c": "mic",
        "s": 3,
        "i": 0,
        "k": "pcm",
        "sr": 48000,
        "d": b"\x01\x00\xff\x7f",
    },
    "stream_image": {
        "t": "stream",
        "c": "cam",
        "s": 4,
        "i": 9,
        "k": "image",
        "mime": "image/jpeg",
        "d": b"\xff\xd8\xff",
    },
    "stream_end": {"t": "stream_end", "c": "mic", "s": 3},
    "batch_components": {
        "t": "batch",
        "n": 4,
        "e": [
            {
                "t": "props",
                "c": "pick",
                "r": 9,
                "f": "work",
                "p": {"choices": [["Red", "r"]], "visible": True},
            },
            {
                "t": "progress",
                "f": "work",
                "r": 9,
                "p": 0.25,
                "msg": "loading",
                "i": 1,
                "n": 4,
                "u": "steps",
                "eta": 1.5,
            },
            {"t": "toast", "l": "info", "msg": "Saved.", "r": 9, "d": 4.5},
            {"t": "append", "c": "chat", "r": 9, "f": "work", "d": "lo", "at": 3},
        ],
    },
    "welcome": {
        "t": "welcome",
        "v": 1,
        "session": "s-1",
        "resumed": False,
        "app": {
            "title": "Core",
            "components": {
                "text": {"type": "textbox", "props": {"label": "Text", "value": ""}},
                "shout": {"type": "text", "props": {"label": None, "value": ""}},
            },
            "layout": {"type": "column", "props": {}, "children": ["text", "shout"]},
            "fns": [{"id": "shout", "inputs": ["text"], "outputs": ["shout"]}],
        },
    },
    "batch": {
        "t": "batch",
        "n": 3,
        "e": [
            {"t": "update", "c": "n", "r": 6, "v": 3},  # an example's fill: no function
            {"t": "status", "f": "count", "r": 7, "s": "running"},
            {"t": "update", "c": "count", "r": 7, "f": "count", "v": "0"},
            {"t": "append", "c": "count", "r": 7, "f": "count", "d": " tokens", "at": 1},
            {
                "t": "update",
                "c": "img",
                "r": 7,
                "f": "count",
                "v": {"mime": "image/jpeg", "data": b"\xff\xd8\xff", "w": 2, "h": 1},
            },
            {"t": "status", "f": "count", "r": 7, "s": "queued", "pos": 2},
            {"t": "status", "f": "count", "r": 7, "s": "error", "msg": "ValueError: boom"},
        ],
    },
    "error": {
        "t": "error",
        "code": "unknown_component",
        "msg": "No input component 'nope'.",
        "c": "nope",
    },
}


def to_json(value: Any) -> Any:
    """The JSON form used in frames.json: bytes become {"$bin": hex}."""
    if isinstance(value, bytes):
        return {"$bin": value.hex()}
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def main() -> None:
    manifest = []
    for name, value in FRAMES.items():
        (HERE / f"{name}.msgpack").write_bytes(msgpack.packb(value, use_bin_type=True))
        manifest.append({"name": name, "file": f"{name}.msgpack", "value": to_json(value)})
    (HERE / "frames.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
