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
            {"t": "status", "f": "count", "r": 7, "s": "running"},
            {"t": "update", "c": "count", "r": 7, "v": "0"},
            {"t": "append", "c": "count", "r": 7, "d": " tokens", "at": 1},
            {
                "t": "update",
                "c": "img",
                "r": 7,
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
