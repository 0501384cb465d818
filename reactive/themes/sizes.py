"""Size scales for a theme (``radius_size=sizes.radius_lg``): seven steps, xxs to xxl."""

from __future__ import annotations

from dataclasses import dataclass

from reactive.errors import DefinitionError

STEPS = ("xxs", "xs", "sm", "md", "lg", "xl", "xxl")


@dataclass(frozen=True, slots=True)
class Size:
    """A named scale of seven CSS lengths, smallest first."""

    name: str
    xxs: str
    xs: str
    sm: str
    md: str
    lg: str
    xl: str
    xxl: str


def _scale(name: str, pixels: str) -> Size:
    return Size(name, *(f"{p}px" for p in pixels.split()))


radius_none = _scale("radius_none", "0 0 0 0 0 0 0")
radius_sm = _scale("radius_sm", "1 1 2 4 6 8 12")
radius_md = _scale("radius_md", "1 2 4 6 8 12 22")
radius_lg = _scale("radius_lg", "2 4 6 8 12 16 24")
radius_xxl = _scale("radius_xxl", "4 8 12 16 20 24 32")

spacing_sm = _scale("spacing_sm", "1 1 2 4 6 9 12")
spacing_md = _scale("spacing_md", "1 2 4 6 8 10 16")
spacing_lg = _scale("spacing_lg", "2 4 6 8 10 14 28")

text_sm = _scale("text_sm", "8 9 11 13 16 20 24")
text_md = _scale("text_md", "9 10 12 14 16 22 26")
text_lg = _scale("text_lg", "10 12 14 16 20 24 28")

SIZES = {
    s.name: s
    for s in (radius_none, radius_sm, radius_md, radius_lg, radius_xxl, spacing_sm, spacing_md,
              spacing_lg, text_sm, text_md, text_lg)
}  # fmt: skip


def size(value: Size | str, argument: str) -> Size:
    """A ``Size``, or one named (``"radius_lg"``, or ``"lg"`` for ``radius_size``)."""
    if isinstance(value, Size):
        return value
    kind = argument.removesuffix("_size")
    for name in (str(value), f"{kind}_{value}"):
        if name in SIZES:
            return SIZES[name]
    known = ", ".join(n for n in SIZES if n.startswith(kind))
    raise DefinitionError(f"{argument}={value!r} is not a size; use sizes.Size(...) or: {known}.")
