"""What one run of each workload measured (times in ms from the input event or the click)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class KeystrokeSamples:
    """Workload 1, one sample per keystroke: to the DOM change, and to the rendering after it."""

    dom: list[float] = field(default_factory=list)
    painted: list[float] = field(default_factory=list)

    def extend(self, other: KeystrokeSamples) -> None:
        self.dom += other.dom
        self.painted += other.painted


@dataclass(frozen=True, slots=True)
class TypingRun:
    """Workload 2: from the last keystroke to the final output."""

    final: float
    painted: float
    started: int
    finished: int
    #: Texts the output showed before the final one (results of superseded runs).
    stale_shown: int


@dataclass(frozen=True, slots=True)
class StreamRun:
    """Workload 3: from the click."""

    first: float
    first_painted: float
    final: float
    painted: float
    mutations: int
    wire_frames: int
    wire_bytes: int
    text_length: int
    complete: bool


@dataclass(frozen=True, slots=True)
class ImageRun:
    """Workload 4: from the click."""

    last_set: float
    last_painted: float
    shown: int  # src changes
    received: int  # pictures that reached the page (counted in its socket's frames)
    loaded: int  # load events
    painted: int  # images current and loaded at a rendering
    wire_frames: int
    wire_bytes: int
    final_bytes: int  # the last image's blob, as shown
    expected_final_bytes: int  # the last image as the server encodes it

    @property
    def final_correct(self) -> bool:
        return self.final_bytes == self.expected_final_bytes


@dataclass(slots=True)
class Results:
    """Every run, keyed by series: ``reactive``, ``reactive sync``, ``floor``…"""

    keystrokes: dict[str, KeystrokeSamples] = field(default_factory=dict)
    typing: dict[str, list[TypingRun]] = field(default_factory=dict)
    stream: dict[str, list[StreamRun]] = field(default_factory=dict)
    images: dict[str, list[ImageRun]] = field(default_factory=dict)
