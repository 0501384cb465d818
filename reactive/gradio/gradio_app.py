"""What the Gradio-shaped apps share: ``.queue()`` and ``.launch()`` as Gradio users call them."""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Self

from reactive import themes
from reactive.components.base import Component, warn_unsupported
from reactive.definition import launched, serving
from reactive.definition.app import App
from reactive.definition.arguments import plan_for
from reactive.definition.i18n import I18n
from reactive.errors import DefinitionError
from reactive.gradio import nesting

#: Gradio's ``if gr.NO_RELOAD:`` guard (code its hot reload must not run again). ``reactive run
#: --reload`` imports the whole file afresh in a new app each time, so the guarded code runs at
#: every load, as it must: the flag is always True.
NO_RELOAD: bool = True


class GradioApp(App):
    """An App with Gradio's ``queue()`` and ``launch()``: ``rx.Interface``, ``rx.ChatInterface``."""

    def render(self) -> Self:
        """Place this app (made outside) where it is called, inside ``with gr.Blocks():``;
        its components and listeners join that app's (``reactive.gradio.nesting``)."""
        host = nesting.host()
        if host is None:
            kind = type(self).__name__
            raise DefinitionError(
                f"{kind.lower()}.render() places a gr.{kind} inside another app: call it "
                f"inside `with gr.Blocks():`."
            )
        host.nest(self, self.heading())
        return self

    def heading(self) -> list[Component]:
        """What Gradio draws above this app when it is placed inside a Blocks (its title)."""
        return []

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
        theme: Any = None,
        css: str | None = None,
        allowed_paths: Sequence[str | Path] = (),
        mcp_server: bool | None = None,
        i18n: I18n | None = None,
        **unsupported: Any,
    ) -> tuple[Self, str | None, None]:
        """Serve the app as ``reactive run`` does (default http://127.0.0.1:7860/, like Gradio).

        ``theme=`` and ``css=`` (where Gradio 6 takes them), ``allowed_paths=`` (folders outputs
        may serve files from) and ``mcp_server=True`` (the functions as MCP tools) apply first.
        When the module is imported rather than run (``reactive run app.py``, a test), this does
        nothing, so a module ending in ``demo.launch()`` works both ways. Returns Gradio's
        ``(app, local_url, share_url)``; the URL is None when nothing was served.
        """
        frame = inspect.currentframe()
        caller = frame.f_back if frame is not None else None
        module = caller.f_globals.get("__name__") if caller is not None else None
        if module != "__main__":
            if isinstance(module, str):  # imported (reactive run): found even if in no variable
                launched.note(module, self)
            return self, None, None
        self.configure(
            theme=theme, css=css, allowed_paths=allowed_paths, mcp_server=mcp_server, i18n=i18n
        )
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
        return self, f"http://{host}:{port}/", None

    def configure(
        self,
        *,
        theme: Any = None,
        css: str | None = None,
        allowed_paths: Sequence[str | Path] = (),
        mcp_server: bool | None = None,
        i18n: I18n | None = None,
    ) -> None:
        """What ``launch()`` takes besides where to serve: applied to the app as defined."""
        if i18n is not None:
            self.i18n = i18n
        resolved = themes.resolve(theme, "launch()")
        if resolved is not None:
            self.theme = dict(resolved)
        if css:
            self.css = f"{self.css}\n{css}" if self.css else css
        if allowed_paths:
            self.allow_paths(allowed_paths)
        if mcp_server:
            self.enable_mcp()
        for page in self.pages:  # a multipage app's pages take the same (demo.route)
            if isinstance(page.app, GradioApp):
                page.app.configure(
                    theme=theme, css=css, allowed_paths=allowed_paths, mcp_server=mcp_server,
                    i18n=i18n,
                )


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
