"""``gr.Blocks``: a Gradio app laid out with ``with`` blocks and wired with event listeners.

Example::

    import reactive as gr

    with gr.Blocks(title="Greeter") as demo:
        name = gr.Textbox(label="Name")
        greeting = gr.Textbox(label="Greeting")
        gr.Button("Greet").click(lambda n: f"Hello {n}!", inputs=name, outputs=greeting)

    demo.launch()

Components created inside the ``with`` are placed in order, in the innermost layout block
(``gr.Row``, ``gr.Column``, ``gr.Tab``, ...); listeners become reactive functions
(``reactive.gradio.events``). ``reactive run app.py`` finds ``demo`` like any app.
"""

from __future__ import annotations

import contextvars
from typing import Any, Self

from reactive import themes
from reactive.components import listeners, placement
from reactive.components.base import Component, warn_unsupported
from reactive.components.listeners import NOT_SET
from reactive.definition import layout, pages
from reactive.definition.graph import BoundFunction
from reactive.errors import DefinitionError
from reactive.gradio import nesting
from reactive.gradio.events import Host, bind
from reactive.gradio.gradio_app import GradioApp
from reactive.gradio.render_scope import RenderScope
from reactive.scheduler.limiter import Limiter

_Token = tuple[
    contextvars.Token[placement.Placing | None], contextvars.Token[listeners.Listening | None]
]


class Blocks(GradioApp):
    """A Gradio ``Blocks`` app: ``with gr.Blocks() as demo:`` … ``demo.launch()``.

    Args:
        title: the browser tab's title (a Blocks page shows no heading, as in Gradio).
        css: extra CSS for the page.
        theme: a theme (``gr.themes.Soft()``, a name like ``"soft"``), or CSS variables as a dict.
        js: a JavaScript function's source, run in the page when it opens.
        fill_height: let the page's top level fill the window's height.
    """

    def __init__(
        self,
        theme: Any = None,
        analytics_enabled: bool | None = None,
        mode: str = "blocks",
        title: str = "Gradio",
        css: str | None = None,
        js: str | None = None,
        head: str | None = None,
        fill_height: bool = False,
        fill_width: bool = False,
        **unsupported: Any,
    ) -> None:
        if head is not None:
            unsupported["head"] = head
        if fill_width:
            unsupported["fill_width"] = fill_width
        resolved = themes.resolve(theme, None)
        if theme is not None and resolved is None:
            unsupported["theme"] = theme  # not a theme reactive can draw
        if unsupported:
            warn_unsupported("Blocks", unsupported)
        super().__init__(title, css=css, theme=resolved)
        self.fill_height = fill_height
        self._tokens: list[_Token] = []
        self._limiters: dict[str, Limiter] = {}
        self._defaulted: list[BoundFunction] = []  # listeners without concurrency_limit=
        self._default_limit: int | None = None
        self._host: Blocks | None = None
        if js is not None:
            with self:
                self.load(None, js=js)
        #: Made inside another Blocks' ``with``: placed there when its own ``with`` ends.
        self._host = nesting.host()

    # ---------------------------------------------------------------- the with statement

    def __enter__(self) -> Self:
        """Components created from here on are placed in this app; listeners bind to it."""
        self._tokens.append((placement.enter(self.layout), listeners.enter(self)))
        return self

    def __exit__(self, *exc: object) -> None:
        placing, listening = self._tokens.pop()
        listeners.leave(listening)
        placement.leave(placing)
        host, self._host = self._host, None
        if host is not None and not self._tokens and exc[0] is None:
            host.nest(self)  # `with gr.Blocks():` inside another's `with`: placed there

    # ---------------------------------------------------------------- apps inside apps

    def nest(self, inner: GradioApp, top: list[Component] | None = None) -> None:
        """Place ``inner`` (an Interface, a ChatInterface, a Blocks) at this app's current
        block, its components and listeners joining this app's (``reactive.gradio.nesting``)."""
        nesting.graft(inner, self, top)
        if isinstance(inner, Blocks):
            self._defaulted.extend(inner._defaulted)
            for function in inner._defaulted:
                self.limit_by_default(function)
        self._graph = None

    def clear(self) -> Self:
        """Gradio's ``demo.clear()``: forget every component, listener and layout block made
        so far (``with demo.clear():`` starts the page afresh)."""
        self._forget_definitions()
        self._limiters.clear()
        self._defaulted.clear()
        return self

    def route(self, name: str, path: str | None = None, show_in_navbar: bool = True) -> Blocks:
        """Another page of this app, served at ``/<path>/`` (Gradio's ``demo.route``): ``with
        demo.route("Settings", "/settings") as page:`` fills it; ``page.load(...)`` runs when
        it opens. Every page shows links to the pages (``show_in_navbar=False`` leaves it out
        of them). The page takes this app's title, CSS and theme. docs/gradio.md."""
        if defining():
            raise DefinitionError(
                f"demo.route({name!r}) is called inside `with gr.Blocks():`; call it after the "
                "`with` (unindent it), as its own `with demo.route(...):`."
            )
        if self.page_of is not None:
            raise DefinitionError(
                f"route({name!r}) on a page: call it on the main app (demo.route(...))."
            )
        slug = pages.page_path(name, path, [page.path for page in self.pages])
        page = Blocks(title=self.title, css=self.css, theme=self.theme or None)
        page.fill_height = self.fill_height
        page.grafted = True  # served as a page of this app, never found as an app of its own
        page.page_of = (self, slug)
        self.pages.append(pages.Page(slug, name, show_in_navbar, page))
        return page

    # ---------------------------------------------------------------- listeners

    def listen(self, triggers: list[tuple[Any, str]], fn: Any, arguments: dict[str, Any]) -> Any:
        """A component's listener (``btn.click(...)``): bound as a reactive function."""
        return bind(self, triggers, fn, arguments)

    def load(
        self, fn: Any = NOT_SET, inputs: Any = None, outputs: Any = None, **arguments: Any
    ) -> Any:
        """Run ``fn`` when a page opens (``every=`` seconds also repeats it while it is open)."""
        if isinstance(listeners.active(), RenderScope):
            raise DefinitionError(
                "demo.load(...) inside @gr.render is not supported: bind it outside the render "
                "function (the render itself runs when the page opens)."
            )
        return bind(self, [(None, "load")], fn, {"inputs": inputs, "outputs": outputs, **arguments})

    def add_function(self, function: BoundFunction) -> None:
        self.functions.append(function)
        self._graph = None  # a function bound after the first session: build it anew

    def place(self, component: Component) -> None:
        """A component a listener names: placed now if it was made outside the ``with``."""
        self._place(component)

    def register(self, component: Component) -> None:
        """Give ``component`` an id in this app without placing it (a block's stand-in)."""
        self._register(component)

    def unique_id(self, base: str) -> str:
        return self._unique_id(base)

    def function_id(self, name: str) -> str:
        """The function's wire id (its ``api_name``): ``name``, made unique."""
        return self._function_id(name)

    def queue(self, *args: Any, default_concurrency_limit: Any = None, **kwargs: Any) -> Self:
        """``default_concurrency_limit=N`` limits every listener bound without its own
        ``concurrency_limit=`` (before or after this call) to N runs at once across sessions;
        the other arguments are accepted as ``GradioApp.queue`` accepts them."""
        limit = default_concurrency_limit
        if limit is not None and (not isinstance(limit, int) or limit < 1):
            raise DefinitionError(
                f"default_concurrency_limit must be a positive int or None, got {limit!r}."
            )
        self._default_limit = limit
        for function in self._defaulted:
            function.limiter = Limiter(limit) if limit is not None else None
        return super().queue(*args, **kwargs)

    @property
    def default_limit(self) -> int | None:
        """``demo.queue(default_concurrency_limit=)``: None for no limit."""
        return self._default_limit

    def limit_by_default(self, function: BoundFunction) -> None:
        """A listener bound without ``concurrency_limit=``: follows the queue's default."""
        self._defaulted.append(function)
        if self._default_limit is not None:
            function.limiter = Limiter(self._default_limit)

    def shared_limiter(self, concurrency_id: str, limit: int | None) -> Limiter:
        """The one limiter every listener with this ``concurrency_id`` shares."""
        limiter = self._limiters.get(concurrency_id)
        if limiter is None:
            limiter = self._limiters[concurrency_id] = Limiter(limit if limit is not None else 1)
        return limiter

    # ---------------------------------------------------------------- layout blocks

    def attach(self, block: layout.Block) -> None:
        """A layout block made inside the ``with`` (``gr.Row()``): goes in the current one."""
        self._attach(block)

    def current_block(self) -> layout.Block:
        return self._current_block()

    def describe(self) -> dict[str, Any]:
        spec = super().describe()
        spec["heading"] = False  # Gradio shows a Blocks title in the browser tab only
        if self.fill_height:
            spec["fill_height"] = True
        listened = self._page_events()
        if listened:
            spec["listen"] = listened
            for cid, events in listened.items():  # a view may draw for them (a like button)
                spec["components"][cid]["props"]["events"] = events
        return spec

    def _page_events(self) -> dict[str, list[str]]:
        """The events the page must send for this app's listeners (focus, release, ...)."""
        from reactive.definition.graph import page_events

        return page_events(self.functions, self.components)


def active_blocks(what: str) -> Host:
    """The Blocks app whose ``with`` is running (or the ``@gr.render`` function's run), or a
    clear error naming ``what``."""
    found = listeners.active()
    if not isinstance(found, Blocks | RenderScope):
        raise DefinitionError(f"{what} must be created inside `with gr.Blocks() as demo:`.")
    return found


def defining() -> bool:
    """A Blocks app (or a render function's run) is taking components and listeners now."""
    return isinstance(listeners.active(), Blocks | RenderScope)
