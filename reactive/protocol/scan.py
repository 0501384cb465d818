"""Count what a msgpack frame would expand to, before decoding it.

The C decoder is fast, but a frame of a million tiny objects still costs the event loop a
fraction of a second and dozens of times its size in memory. :func:`measure` walks the frame's
headers (skipping string and binary payloads without reading them), counts its objects, and
estimates the memory the decoded value takes; it stops as soon as the object count passes the
limit, so a hostile frame costs at most ``max_objects`` steps whatever its size.
"""

from __future__ import annotations

from dataclasses import dataclass

from reactive.errors import RemoteProtocolError

# What the walker does with each first byte: (step, argument, bytes the decoded object takes).
#   _FIXED: the object is ``argument`` bytes long in all
#   _FIXSTR: a str of ``argument`` bytes after its first
#   _SIZED: a str or bin whose length follows in ``argument`` bytes
#   _EXT: an extension whose length follows in ``argument`` bytes, then a type byte
#   _ARRAY / _MAP: a container whose entry count follows in ``argument`` bytes
#   _FIXARRAY / _FIXMAP: a container whose entry count is ``argument``
_FIXED, _FIXSTR, _SIZED, _EXT, _ARRAY, _MAP, _FIXARRAY, _FIXMAP, _BAD = range(9)

# Memory estimates (64-bit CPython), rounded up: every object also costs its parent's 8-byte slot.
_SLOT = 8
_LIST = 56
_DICT = 184  # plus _DICT_ENTRY per entry
_DICT_ENTRY = 48
_STR = 80  # ASCII: plus one byte per byte; else at most 4 (one wide character makes it UCS-4)
_BYTES = 40
_NUMBER = 32  # ints past the small-int cache, floats


def _table() -> list[tuple[int, int, int]]:
    table: list[tuple[int, int, int]] = [(_BAD, 0, 0)] * 256
    for b in range(0x80):
        table[b] = (_FIXED, 1, 0)  # positive fixint: cached small ints
    for b in range(0x80, 0x90):
        table[b] = (_FIXMAP, b & 0x0F, _DICT)
    for b in range(0x90, 0xA0):
        table[b] = (_FIXARRAY, b & 0x0F, _LIST)
    for b in range(0xA0, 0xC0):
        table[b] = (_FIXSTR, b & 0x1F, _STR)
    for b in range(0xE0, 0x100):
        table[b] = (_FIXED, 1, _NUMBER)  # negative fixint
    table[0xC0] = table[0xC2] = table[0xC3] = (_FIXED, 1, 0)  # nil, false, true
    for b, size in ((0xC4, 1), (0xC5, 2), (0xC6, 4)):
        table[b] = (_SIZED, size, _BYTES)
    table[0xC7], table[0xC8], table[0xC9] = (_EXT, 1, 0), (_EXT, 2, 0), (_EXT, 4, 0)
    table[0xCA], table[0xCB] = (_FIXED, 5, _NUMBER), (_FIXED, 9, _NUMBER)  # floats
    for b, size in ((0xCC, 2), (0xCD, 3), (0xCE, 5), (0xCF, 9)):
        table[b] = (_FIXED, size, _NUMBER)  # uint 8..64
    for b, size in ((0xD0, 2), (0xD1, 3), (0xD2, 5), (0xD3, 9)):
        table[b] = (_FIXED, size, _NUMBER)  # int 8..64
    for b, size in ((0xD4, 3), (0xD5, 4), (0xD6, 6), (0xD7, 10), (0xD8, 18)):
        table[b] = (_FIXED, size, 0)  # fixext: the decoder refuses every extension type
    table[0xD9], table[0xDA], table[0xDB] = (_SIZED, 1, _STR), (_SIZED, 2, _STR), (_SIZED, 4, _STR)
    table[0xDC], table[0xDD] = (_ARRAY, 2, _LIST), (_ARRAY, 4, _LIST)
    table[0xDE], table[0xDF] = (_MAP, 2, _DICT), (_MAP, 4, _DICT)
    return table


_STEPS = _table()


@dataclass(frozen=True, slots=True)
class Footprint:
    """What a frame decodes to: ``objects`` values, about ``memory`` bytes of Python objects."""

    objects: int
    memory: int


def measure(data: bytes, max_objects: int, max_depth: int) -> Footprint:
    """Count the objects of the one msgpack value at the start of ``data`` and its memory.

    Raises ``too_large`` once the count passes ``max_objects`` or the nesting ``max_depth``
    (the root is level 1); malformed input is left to the decoder (the walk stops at the end
    of ``data``).
    """
    steps, end = _STEPS, len(data)
    if not end:
        return Footprint(0, 0)  # the decoder reports the empty frame
    open_counts: list[int] = []  # entries still to come in each enclosing container
    left, memory, pos = 1, 0, 0  # ``left``: entries still to come in the current container
    for objects in range(1, max_objects + 2):
        if objects > max_objects:
            raise _too_large(f"holds more than {max_objects} values")
        step, arg, cost = steps[data[pos]]
        memory += cost
        left -= 1
        entries = 0
        if step == _FIXED:
            pos += arg
        elif step == _FIXSTR:
            pos += 1
            memory += arg if data[pos : pos + arg].isascii() else 4 * arg
            pos += arg
        elif step == _FIXARRAY:
            entries = arg  # each entry's slot is counted with the entry
            pos += 1
        elif step == _FIXMAP:
            entries = 2 * arg
            memory += _DICT_ENTRY * arg
            pos += 1
        else:
            count = int.from_bytes(data[pos + 1 : pos + 1 + arg], "big")
            pos += 1 + arg
            if step == _SIZED:
                wide = cost == _STR and not data[pos : pos + count].isascii()
                memory += 4 * count if wide else count
                pos += count
            elif step == _ARRAY:
                entries = count
            elif step == _MAP:
                entries = 2 * count
                memory += _DICT_ENTRY * count
            elif step == _EXT:
                pos += 1 + count
            else:
                break  # 0xC1, never used: the decoder reports it
        if entries:
            if len(open_counts) + 2 > max_depth:
                raise _too_large(f"nests deeper than {max_depth} levels")
            open_counts.append(left)
            left = entries
        while not left and open_counts:
            left = open_counts.pop()
        if not left or pos >= end:
            break
    return Footprint(objects, memory + _SLOT * objects)


#: The most one byte of a frame can cost decoded, outside container headers: an empty string
#: (a str object and its slot) that is an entry of a map (half of the map's per-pair cost).
_WORST_PER_BYTE = _STR + _SLOT + _DICT_ENTRY // 2
#: The most one fixmap or fixarray header can cost: a map of 15 pairs and its slot (the pairs'
#: own cost is charged to their bytes, but a truncated frame may declare them without bytes).
_WORST_PER_CONTAINER = _DICT + 15 * _DICT_ENTRY + _SLOT
#: Every byte value that is not a container header: fixmap, fixarray, array16/32, map16/32.
_NOT_CONTAINER = bytes(b for b in range(256) if not (0x80 <= b <= 0x9F or 0xDC <= b <= 0xDF))
#: The first sized header (array16/32, map16/32): their declared length may far exceed the frame.
_SIZED_CONTAINER = 0xDC


def within_limits_unwalked(
    data: bytes, max_objects: int, max_depth: int, budget_per_byte: int, allowance: int
) -> bool:
    """True when no frame of ``data``'s size and container-header count can break the limits.

    Most frames are small (a keystroke is ~50 bytes), and the walk costs far more than
    the decode. A frame of ``n`` bytes holds at most ``n`` objects, nests at most as deep as it
    has container headers, and decodes to at most ``_WORST_PER_BYTE`` bytes a byte plus
    ``_WORST_PER_CONTAINER`` a header. Bytes inside string payloads may look like headers:
    they only make this answer False more often, never wrongly True. A frame with a sized
    container header (array16/32, map16/32) is always walked.
    """
    size = len(data)
    if size > max_objects:
        return False
    headers = data.translate(None, _NOT_CONTAINER)  # the bytes that may be container headers
    if headers and max(headers) >= _SIZED_CONTAINER:
        return False
    containers = len(headers)
    if containers >= max_depth:
        return False
    worst = containers * _WORST_PER_CONTAINER + size * _WORST_PER_BYTE
    return worst <= budget_per_byte * size + allowance


def _too_large(what: str) -> RemoteProtocolError:
    return RemoteProtocolError(
        "too_large", f"Message {what}; send smaller inputs (large files go as uploads)."
    )
