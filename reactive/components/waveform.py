"""``gr.WaveformOptions``: how Gradio draws an audio's waveform, and the rate of a recording."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from reactive.errors import DefinitionError

#: Fields about drawing only: reactive's audio shows the browser's player, no waveform.
COSMETIC = frozenset(
    {"waveform_color", "waveform_progress_color", "trim_region_color", "show_recording_waveform",
     "show_controls", "skip_length"}
)  # fmt: skip


@dataclass
class WaveformOptions:
    """Gradio's waveform settings. ``sample_rate`` is kept: what the function receives from a
    recording or an upload is resampled to it. The others only style Gradio's waveform, which
    reactive's page does not draw: they are accepted with a ``CompatibilityWarning``."""

    waveform_color: str | None = None
    waveform_progress_color: str | None = None
    trim_region_color: str | None = None
    show_recording_waveform: bool = True
    show_controls: bool = False
    skip_length: int | float = 5
    sample_rate: int | None = None

    def __post_init__(self) -> None:
        rate = self.sample_rate
        if rate is not None and not (isinstance(rate, int) and 1000 <= rate <= 384000):
            raise DefinitionError(
                f"WaveformOptions(sample_rate=) is a rate in Hz (1000..384000): {rate!r}"
            )

    def styled(self) -> list[str]:
        """The cosmetic fields set away from their defaults (named in the warning)."""
        defaults = WaveformOptions.__dataclass_fields__
        return [
            f.name
            for f in fields(self)
            if f.name in COSMETIC and getattr(self, f.name) != defaults[f.name].default
        ]


def waveform_rate(options: Any) -> int | None:
    """The rate audio inputs are converted to (``WaveformOptions.sample_rate``), or None."""
    if options is None:
        return None
    if isinstance(options, dict):
        options = WaveformOptions(**options)
    if not isinstance(options, WaveformOptions):
        raise DefinitionError(
            f"Audio(waveform_options=) takes gr.WaveformOptions(...) or a dict: {options!r}"
        )
    return options.sample_rate
