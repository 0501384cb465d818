"""Fonts for a theme (``font=[fonts.GoogleFont("Quicksand"), "sans-serif"]``).

A theme's fonts become the page's CSS font stack. The page loads no font files from elsewhere
(its Content-Security-Policy allows none), so a ``GoogleFont`` is used when the reader's system
has it, else the next font in the stack.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Font:
    """A font family by name (``Font("Georgia")``)."""

    name: str

    def stack(self) -> str:
        generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui",
                   "ui-sans-serif", "ui-serif", "ui-monospace"}  # fmt: skip
        return self.name if self.name in generic else f'"{self.name}"'


@dataclass(frozen=True, slots=True)
class GoogleFont(Font):
    """A Google font by family name; ``weights`` are accepted for Gradio's signature."""

    weights: Iterable[int] = (400, 600)


@dataclass(frozen=True, slots=True)
class LocalFont(Font):
    """A font installed on the reader's system."""

    weights: Iterable[int] = (400, 600)


def font_stack(value: Font | str | Iterable[Font | str]) -> str:
    """The CSS ``font-family`` value for one font, a name, or a list of them."""
    items = [value] if isinstance(value, Font | str) else list(value)
    return ", ".join(
        item.stack() if isinstance(item, Font) else Font(item).stack() for item in items
    )
