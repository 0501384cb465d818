"""What the Gradio-shaped apps share: ``.queue()`` and ``.launch()`` as Gradio users call them."""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn, Self

from reactive.components import listeners
from reactive.components.base import warn_unsupported
from reactive.definition import launched, serving
from reactive.definition.app import App
from reactive.definition.arguments import plan_for
from reactive.errors import DefinitionError


class GradioApp(App):
    """An App with Gradio's ``queue()`` and ``launch()``: ``rx.Interface``, ``rx.ChatInterface``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if listeners.active() is not None:  # inside `with gr.Blocks():`
            raise DefinitionError(
                f"gr.{type(self).__name__}(...) inside `with gr.Blocks():` is not supported: "
                f"each is a page of its own. Serve it on its own, or build its components and "
                f"listeners in the Blocks."
            )
        super().__init__(*args, **kwargs)

    def render(self) -> NoReturn:
        """Gradio's ``chat.render()`` inside a Blocks: refused, naming it."""
        kind = type(self).__name__
        raise DefinitionError(
            f"Rendering a gr.{kind} inside a gr.Blocks ({kind.lower()}.render()) is not "
            f"supported: each is a page of its own. Serve it on its own."
        )

    def unload(self, fn: Callable[..., Any]) -> None:
        """Run ``fn`` when a session ends (its page closed and not back within the grace
        period), as Gradio's ``demo.unload(fn)``; it takes no inputs (a ``gr.Request``
        parameter is filled in) and its result is dropped."""
        if not callable(fn):
            raise DefinitionError(f"demo.unload(fn) takes a function, got {fn!r}.")
        self.unload_functions.append((fn, plan_for(fn, [], as_dict=False)))

    def queue(self, *args: Any, **kwargs: Any) -> Self:
        """Accepted for Gradio compatibility: every call is already scheduled per session."""
        return self

    def launch(  # type: ignore[override]
        self,
        share: bool = False,
        server_name: str | None = None,
        server_port: int | None = None,
        show_error: bool | None = None,
        **unsupported: Any,
    ) -> None:
        """Serve the app as ``reactive run`` does (default http://127.0.0.1:7860/, like Gradio).

        When the module is imported rather than run (``reactive run app.py``, a test), this does
        nothing, so a module ending in ``demo.launch()`` works both ways.
        """
        frame = inspect.currentframe()
        caller = frame.f_back if frame is not None else None
        module = caller.f_globals.get("__name__") if caller is not None else None
        if module != "__main__":
            if isinstance(module, str):  # imported (reactive run): found even if in no variable
                launched.note(module, self)
            return
        if share:
            unsupported["share"] = share
        if unsupported:
            warn_unsupported("launch()", unsupported)
        if show_error is not None:
            self.show_error = show_error
            for function in self.functions:
                function.show_error = show_error
        host = server_name or os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1")
        port = server_port or int(os.environ.get("GRADIO_SERVER_PORT", "7860"))
        try:
            serving.serve(self, host=host, port=port)
        except KeyboardInterrupt:
            sys.stderr.write("\n")


def accordion_of(accordion: Any) -> tuple[str, bool]:
    """``additional_inputs_accordion``: a label, or an accordion-like object with ``label`` and
    ``open``; left out, a closed "Additional Inputs"."""
    if accordion is None:
        return "Additional Inputs", False
    if isinstance(accordion, str):
        return accordion, False
    label = getattr(accordion, "label", None)
    if not isinstance(label, str):
        raise DefinitionError(
            "additional_inputs_accordion is a label, or an accordion with a label."
        )
    return label, bool(getattr(accordion, "open", False))
