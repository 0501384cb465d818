"""``gr.DeepLinkButton``: a button that copies a link to this page with its inputs as they are.

Gradio stores a snapshot of every component on its server and puts the snapshot's id in the
link. Here the link carries the values themselves (``?deep_link=``, base64url JSON), and only
those a person sets in the page: text, numbers, sliders, checkboxes, choices and colours.
Outputs, ``gr.State``, files and chat histories are not carried. A session id is never put in
the link: resuming a session is one page's own reconnect, and a second page would take it over.
Opening the link starts a new session whose inputs are set from it, as if typed.
"""

from __future__ import annotations

from typing import Any

from reactive.components.button import Button, Variant


class DeepLinkButton(Button):
    """Copies a link to the page with its inputs' current values; shows ``copied_value`` for a
    moment after. A click is also a trigger, so functions may run on it."""

    type = "deeplinkbutton"

    def __init__(
        self,
        value: str = "Share via Link",
        copied_value: str = "Link Copied!",
        *,
        variant: Variant = "secondary",
        **kwargs: Any,
    ) -> None:
        for cosmetic in ("size", "icon", "link", "link_target"):  # how Gradio draws its button
            kwargs.pop(cosmetic, None)
        super().__init__(value, variant=variant, **kwargs)
        self.copied_value = copied_value

    def extra_props(self) -> dict[str, Any]:
        return {**super().extra_props(), "copied_value": self.copied_value}
