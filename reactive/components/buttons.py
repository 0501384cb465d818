"""Buttons that act in the page, with no function to write: ClearButton, DownloadButton,
DuplicateButton and LoginButton."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, Literal

from reactive.components.base import Component
from reactive.components.button import Button, Variant
from reactive.components.display import ColorPicker
from reactive.components.file import download_wire
from reactive.components.number import Slider
from reactive.errors import OutputError, ReactiveError


class ClearButton(Button):
    """Empties ``components`` in the page when clicked (as Gradio's does, without a round trip).

    Each is set to what it shows for None (an empty text, no image, no choices, a slider at its
    minimum); inputs among them send that value, so live functions run again. ``add()`` adds
    more later. A click is also a trigger, so functions may still run on it.
    """

    type = "clearbutton"

    def __init__(
        self,
        components: Component | Sequence[Component] | None = None,
        value: str = "Clear",
        *,
        variant: Variant = "secondary",
        **kwargs: Any,
    ) -> None:
        super().__init__(value, variant=variant, **kwargs)
        self.components: list[Component] = []
        if components is not None:
            self.add(components)

    def add(self, components: Component | Sequence[Component]) -> ClearButton:
        """Also clear ``components``; returns the button (Gradio's chaining)."""
        items = [components] if isinstance(components, Component) else list(components)
        self.components += [c for c in items if c not in self.components and c.on_page]
        return self

    def extra_props(self) -> dict[str, Any]:
        # only components that are on the page (given ids by their app) can be cleared there
        clears = [[c.id, empty_wire(c)] for c in self.components if c.has_id]
        return {**super().extra_props(), "clears": clears}


def empty_wire(component: Component) -> Any:
    """What ``component`` shows for None: Gradio's cleared value."""
    if isinstance(component, Slider):
        return component.postprocess(component.minimum)
    if isinstance(component, ColorPicker):
        return "#000000"  # a colour is never empty: Gradio clears to black
    try:
        return component.postprocess(None)
    except ReactiveError:
        return None


class DownloadButton(Button):
    """A button that downloads a file: ``value`` is its path (or bytes); as an output, a function
    sets the file by returning a path. With no file it is disabled."""

    type = "downloadbutton"
    heavy_postprocess = True
    updatable: ClassVar[frozenset[str]] = frozenset({"variant"})

    def __init__(
        self,
        label: str = "Download",
        value: str | Path | bytes | None = None,
        *,
        variant: Variant = "secondary",
        **kwargs: Any,
    ) -> None:
        super().__init__(value, variant=variant, **kwargs)  # type: ignore[arg-type]
        self.button_text = label

    def extra_props(self) -> dict[str, Any]:
        return {**super().extra_props(), "text": self.button_text}

    def check_output(self, value: Any) -> None:
        if value is not None and not isinstance(value, str | Path | bytes):
            raise OutputError(
                f"{self!r} downloads one file: return a path or bytes, not {type(value).__name__}."
            )

    def postprocess(self, value: Any) -> Any:
        self.check_output(value)
        return None if value is None else download_wire(value, self.served(value))

    def example_cell(self, value: Any) -> Any:
        return Path(str(value)).name if isinstance(value, str | Path) else ""


class DuplicateButton(Button):
    """Gradio's "Duplicate this Space" button. Outside Hugging Face Spaces (and reactive runs
    apps only on your own machine) it does nothing but render; it may still trigger functions."""

    def __init__(
        self, value: str = "Duplicate Space", *, variant: Variant = "secondary", **kwargs: Any
    ) -> None:
        super().__init__(value, variant=variant, **kwargs)


#: What the page says when the sign-in button is clicked (docs/gradio.md: no OAuth locally).
SIGN_IN_UNAVAILABLE = "Sign-in with Hugging Face is not available when running locally."


class LoginButton(Button):
    """Gradio's "Sign in with Hugging Face" button. Sign-in needs a Hugging Face Space's OAuth,
    which is not available when running locally: a click shows that in the page, and functions
    asking for ``gr.OAuthProfile | None`` or ``gr.OAuthToken | None`` get None. It may still
    trigger functions, as any button."""

    type = "loginbutton"

    def __init__(
        self,
        value: str = "Sign in with Hugging Face",
        logout_value: str = "Logout ({})",
        *,
        variant: Variant | Literal["huggingface"] = "huggingface",
        **kwargs: Any,
    ) -> None:
        self.logout_value = logout_value  # never shown: nobody is signed in locally
        super().__init__(
            value, variant="secondary" if variant == "huggingface" else variant, **kwargs
        )

    def extra_props(self) -> dict[str, Any]:
        return {**super().extra_props(), "unavailable": SIGN_IN_UNAVAILABLE}
