"""A clear error for the Gradio names reactive does not have (yet): ``gr.Code`` raises an
``AttributeError`` naming it as a Gradio feature reactive lacks."""

from __future__ import annotations


def missing_feature(name: str) -> str:
    """The message for ``gr.<name>`` that reactive lacks (keeps Python's own wording first)."""
    if name.startswith("_"):
        return f"module 'reactive' has no attribute {name!r}"
    return (
        f"module 'reactive' has no attribute {name!r}: gr.{name} is a Gradio feature reactive "
        f"lacks (docs/gradio.md lists what is supported)."
    )
