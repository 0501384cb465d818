"""A clear error for the Gradio names reactive does not have (yet): ``gr.Code`` raises an
``AttributeError`` naming it as a Gradio feature reactive lacks, and for the few whose absence
needs a reason (what the feature is, what to write instead) it says so."""

from __future__ import annotations

#: Why a Gradio name is missing and what to do instead, where the plain message is not enough.
REASONS: dict[str, str] = {
    "load_openapi": (
        "it builds an app from an OpenAPI spec whose functions call that web API over the "
        "network, and reactive has no such loader; write a gr.Blocks whose functions call the "
        "API themselves (with httpx or urllib)"
    ),
    "Workflow": (
        "it is Gradio's node-graph editor for chaining functions and Hugging Face models, with "
        "its own canvas; chain the functions in a gr.Blocks with .then(...) instead"
    ),
}


def missing_feature(name: str) -> str:
    """The message for ``gr.<name>`` that reactive lacks (keeps Python's own wording first)."""
    if name.startswith("_"):
        return f"module 'reactive' has no attribute {name!r}"
    reason = REASONS.get(name)
    if reason is not None:
        return (
            f"module 'reactive' has no attribute {name!r}: gr.{name} is a Gradio feature "
            f"reactive lacks: {reason}."
        )
    return (
        f"module 'reactive' has no attribute {name!r}: gr.{name} is a Gradio feature reactive "
        f"lacks (docs/gradio.md lists what is supported)."
    )
