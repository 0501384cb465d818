"""A digest of a value's content, and an estimate of its memory: what ``gr.cache`` keys on and
counts. Equal numpy arrays, PIL images or pandas frames give equal digests however they were
made; anything else is pickled (or, when it cannot be, known by its identity).
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from typing import Any


def fingerprint(value: Any) -> str:
    """A digest of ``value``'s content: equal arrays, images or frames give equal digests."""
    digest = hashlib.sha256()
    _feed(digest, value)
    return digest.hexdigest()


def _feed(digest: Any, value: Any) -> None:
    kind = type(value)
    digest.update(f"{kind.__module__}.{kind.__qualname__}:".encode())
    if value is None or isinstance(value, bool | int | float | complex):
        digest.update(repr(value).encode())
    elif isinstance(value, str):
        digest.update(value.encode("utf-8", "surrogatepass"))
    elif isinstance(value, bytes | bytearray | memoryview):
        digest.update(bytes(value))
    elif isinstance(value, dict):
        items = sorted(((fingerprint(k), v) for k, v in value.items()), key=lambda kv: kv[0])
        for k, v in items:
            digest.update(k.encode())
            _feed(digest, v)
    elif isinstance(value, list | tuple):
        digest.update(str(len(value)).encode())
        for item in value:
            _feed(digest, item)
    elif isinstance(value, set | frozenset):
        for part in sorted(fingerprint(item) for item in value):
            digest.update(part.encode())
    else:
        _feed_object(digest, value)


def _feed_object(digest: Any, value: Any) -> None:
    tobytes = getattr(value, "tobytes", None)  # a numpy array, a PIL image
    if callable(tobytes):
        shape = getattr(value, "shape", None) or getattr(value, "size", None)
        extra = (getattr(value, "dtype", None), getattr(value, "mode", None), shape)
        digest.update(repr(extra).encode())
        digest.update(tobytes())
        return
    to_numpy = getattr(value, "to_numpy", None)  # a pandas frame
    if callable(to_numpy):
        digest.update(repr(list(getattr(value, "columns", []))).encode())
        _feed(digest, to_numpy())
        return
    try:
        digest.update(pickle.dumps(value))
    except Exception:  # not picklable: its identity is the best we have
        digest.update(f"{id(value)}".encode())


def size_of(value: Any) -> int:
    """An estimate of the memory ``value`` holds (arrays by their buffer)."""
    nbytes = getattr(value, "nbytes", None)
    if isinstance(nbytes, int):
        return nbytes
    if isinstance(value, dict):
        return sys.getsizeof(value) + sum(size_of(k) + size_of(v) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return sys.getsizeof(value) + sum(size_of(item) for item in value)
    return sys.getsizeof(value)
