"""``rx.App`` and ``@app.fn``: definitions only, no I/O."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from reactive.components import Button, Component, Number, Textbox
from reactive.components.binding import Binding
from reactive.definition import layout, pages, serving
from reactive.definition.arguments import ArgumentPlan, plan_for
from reactive.definition.examples import Examples, make_examples
from reactive.definition.graph import (
    BoundFunction,
    Graph,
    TriggerSpec,
    as_component_list,
    check_arity,
    check_run_in,
    check_streaming,
    output_label,
    parameter_names,
    stream_settings,
)
from reactive.definition.i18n import I18n, catalog_of
from reactive.definition.layout_builder import LayoutBuilder
from reactive.errors import DefinitionError
from reactive.media.image import allow_pixels
from reactive.media.limits import (
    DEFAULT_MAX_IMAGE_PIXELS,
    DEFAULT_MAX_MEDIA_SECONDS,
    DEFAULT_MAX_SESSION_BYTES,
    DEFAULT_MAX_TOTAL_UPLOAD_BYTES,
    DEFAULT_MAX_VIDEO_PIXELS,
    MediaLimits,
    UploadBudget,
)
from reactive.media.paths import ServedPaths, trusted
from reactive.protocol.limits import DEFAULT_MAX_UPLOAD_BYTES
from reactive.scheduler.limiter import Limiter
from reactive.scheduler.policy import parse_on_busy

F = TypeVar("F", bound=Callable[..., Any])
TriggerArg = Component | str | Sequence[Component | str] | None

_SUBMITTABLE = (Textbox, Number)


class App(LayoutBuilder):
    """A page of components wired to Python functions.

    Example::

        app = rx.App(title="Shout")

        @app.fn(inputs=rx.Textbox(), outputs=rx.Text(), live=True)
        def shout(text: str) -> str:
            return text.upper()
    """

    #: Placed inside another app's page (a Gradio app rendered in a ``gr.Blocks``): served
    #: as part of that one, never on its own.
    grafted: bool = False

    def __init__(
        self,
        title: str = "reactive",
        *,
        description: str | None = None,
        footer: str | None = None,
        show_error: bool = False,
        css: str | None = None,
        theme: dict[str, str] | None = None,
        max_threads_per_session: int = 8,
        max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
        max_session_bytes: int = DEFAULT_MAX_SESSION_BYTES,
        max_total_upload_bytes: int = DEFAULT_MAX_TOTAL_UPLOAD_BYTES,
        max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS,
        max_video_pixels: int = DEFAULT_MAX_VIDEO_PIXELS,
        max_media_seconds: float = DEFAULT_MAX_MEDIA_SECONDS,
        allowed_paths: Sequence[str | Path] = (),
        blocked_paths: Sequence[str | Path] = (),
        process_workers: int = 2,
        session_store: str | None = None,
        session_ttl: float = 3600.0,
        mcp: bool = False,
    ) -> None:
        """Args:
        title: the page's title, shown at the top and in the browser tab.
        description: Markdown shown under the title.
        footer: Markdown shown at the end of the page.
        show_error: show the text of any exception on the page (default: a generic message;
            ``raise rx.Error("...")`` is always shown as written).
        css: extra CSS for the page.
        theme: CSS variables, e.g. ``{"accent": "#2b8a3e"}`` sets ``--rx-accent``.
        max_threads_per_session: worker threads one session may occupy at once.
        max_upload_bytes: the largest file a page may send in parts (audio, video).
        max_session_bytes: the uploaded bytes one session may keep on disk at once.
        max_total_upload_bytes: the uploaded bytes all sessions may keep on disk at once.
        max_image_pixels: the largest uploaded picture (width × height), judged by its header
            before it is decoded.
        max_video_pixels: the largest uploaded film's frame (width × height).
        max_media_seconds: the longest uploaded sound or film.
        allowed_paths: folders, besides the working directory and the temp folder, that
            File, Image, Audio, Video and Gallery outputs may serve returned paths from.
        blocked_paths: folders (or files) never served, even inside those.
        process_workers: warm worker processes for ``run_in="process"`` functions, per server
            process; calls beyond that wait for one.
        session_store: ``redis://host:port/db`` keeps each session's values in Redis as they
            change, so a page whose process died, or that reconnects to another host, resumes
            elsewhere with its values (needs ``pip install 'reactive[redis]'``). Without it,
            sessions live in their process's memory only.
        session_ttl: seconds a stored session outlives its last change.
        mcp: also serve every API function as an MCP tool at ``/mcp`` (docs/api.md); needs
            ``pip install reactive[mcp]``.
        """
        self.title = title
        #: The other pages of a multipage app (``demo.route``), each served under its path.
        self.pages: list[pages.Page] = []
        #: For a page of another app: that app and this page's path (its navbar's links).
        self.page_of: tuple[App, str] | None = None
        self.description = description
        self.footer = footer
        self.show_error = show_error
        self.css = css
        self.theme = dict(theme or {})
        self.max_threads_per_session = max_threads_per_session
        if process_workers < 1:
            raise DefinitionError(f"process_workers must be at least 1, got {process_workers}.")
        self.process_workers = process_workers
        self.session_store = _check_store(session_store)
        if session_ttl <= 0:
            raise DefinitionError(f"session_ttl must be positive, got {session_ttl}.")
        self.session_ttl = session_ttl
        self.mcp = False
        if mcp:
            self.enable_mcp()
        if max_upload_bytes < 1:
            raise DefinitionError(f"max_upload_bytes must be positive, got {max_upload_bytes}.")
        self.max_upload_bytes = max_upload_bytes  # per file sent in parts (audio, video)
        for name, limit in (
            ("max_session_bytes", max_session_bytes),
            ("max_total_upload_bytes", max_total_upload_bytes),
        ):
            if limit < 1:
                raise DefinitionError(f"{name} must be positive, got {limit}.")
        self.max_session_bytes = max_session_bytes
        #: What every session's uploads share (``max_total_upload_bytes``).
        self.upload_budget = UploadBudget(max_total_upload_bytes)
        self.media_limits = MediaLimits(max_image_pixels, max_video_pixels, max_media_seconds)
        allow_pixels(max_image_pixels)
        self.served_paths = ServedPaths.of(allowed_paths, blocked_paths)
        self.components: dict[str, Component] = {}
        self.functions: list[BoundFunction] = []
        #: Called when a session ends (Gradio's ``demo.unload(fn)``), each with its plan.
        self.unload_functions: list[tuple[Callable[..., Any], ArgumentPlan | None]] = []
        self._graph: Graph | None = None
        self.layout = layout.Column(self)  # where components appear on the page
        self._labelled: set[str] = set()
        self._counts: dict[str, int] = {}
        #: The app's translations (``gr.I18n``): found in its components' texts, or given.
        self.i18n: I18n | None = None

    def _forget_definitions(self) -> None:
        """Drop every component, function and layout block (Gradio's ``demo.clear()``)."""
        self.components = {}
        self.functions = []
        self.unload_functions = []
        self._graph = None
        self.layout = layout.Column(self)
        self._labelled = set()
        self._counts = {}

    def enable_mcp(self) -> None:
        """Serve the API functions as MCP tools too; refused now if the SDK is missing."""
        if importlib.util.find_spec("mcp") is None:
            raise DefinitionError(
                "rx.App(mcp=True) needs the MCP SDK: pip install 'reactive[mcp]' (or pip install "
                "mcp), or leave mcp out."
            )
        self.mcp = True

    def allow_paths(self, folders: Sequence[str | Path]) -> None:
        """Let outputs serve files from ``folders`` too (``allowed_paths`` given late)."""
        current = self.served_paths
        self.served_paths = ServedPaths.of([*current.allowed, *folders], current.blocked)
        for component in self.components.values():
            component.served_paths = self.served_paths

    @property
    def graph(self) -> Graph:
        """The frozen graph every session of this app reads (built once, on first use)."""
        if self._graph is None:
            self._graph = Graph.of(self.functions)
        return self._graph

    # ---------------------------------------------------------------- decorator

    def fn(
        self,
        inputs: Component | Sequence[Component] | None = None,
        outputs: Component | Sequence[Component] | None = None,
        *,
        live: bool = False,
        trigger: TriggerArg = None,
        on_busy: str = "latest",
        debounce: float = 0.0,
        concurrency_limit: int | None = None,
        concurrency_scope: str = "process",
        every: float | None = None,
        name: str | None = None,
        examples: Sequence[Any] | None = None,
        run_on_click: bool = False,
        show_error: bool | None = None,
        run_in: str = "thread",
        api: bool = True,
        stream_every: float | None = None,
        time_limit: float | None = None,
    ) -> Callable[[F], F]:
        """Bind a function to input and output components.

        Args:
            inputs: the components whose values are passed, one per parameter.
            outputs: the components that show the result (a tuple for several).
            live: rerun on every change of any input (every keystroke).
            trigger: a Button (click), a Textbox/Number (Enter), another component (change),
                or ``"load"`` (page open); a list for several. Without ``trigger`` and ``live``,
                a "Submit" button is added and Enter in a text input submits.
            on_busy: ``"latest"`` cancels a running call for the new one, ``"queue"`` runs
                every call in order, ``"ignore"`` drops calls while one runs.
            debounce: seconds to wait for input to settle before starting.
            concurrency_limit: at most this many calls at once across all sessions; the others
                wait in a fair queue whose position the page shows.
            concurrency_scope: ``"process"`` (default): the limit holds in each server process;
                ``"global"``: in all of them together, through the app's ``session_store``
                (a GPU shared by four workers runs one call at a time with a limit of 1).
            every: also run every this many seconds while the page is open.
            name: the function's id on the wire (defaults to its ``__name__``).
            examples: rows of input values (one per input; a bare value for one input) shown
                as a table under the inputs; a click fills the inputs.
            run_on_click: a click on an example also runs the function.
            show_error: show the text of any exception (default: the app's ``show_error``).
            run_in: ``"thread"`` (default) runs sync code in a worker thread, where a superseded
                call runs out (its result discarded) unless it checks ``rx.checkpoint()``;
                ``"process"`` runs it in a worker process that is killed and replaced when the
                call is superseded, so it stops at once even inside C. Arguments and results
                must pickle, and the function must be defined at a module's top level.
            api: expose the function to ``rx.Client``, ``POST /api/<name>`` and MCP (docs/api.md);
                False keeps it for the page only.
            stream_every: with a streaming input (``rx.Audio(sources=["microphone"],
                streaming=True)``, ``rx.Image(sources=["webcam"], streaming=True)``), the
                seconds of sound per call, or between webcam frames (default 0.5).
            time_limit: with a streaming input, the longest stream in seconds (default: none).
        """

        def decorate(fn: F) -> F:
            bound = self._bind(
                fn,
                inputs,
                outputs,
                live,
                trigger,
                on_busy,
                debounce,
                concurrency_limit,
                every,
                name,
            )
            bound.show_error = self.show_error if show_error is None else show_error
            bound.concurrency_scope = self._scope(bound, concurrency_scope)
            bound.run_in = check_run_in(fn, run_in)
            bound.api = api
            check_streaming(bound, stream_every, time_limit)
            if examples is not None:
                bound.examples = self._examples(bound, examples, run_on_click)
            return fn

        return decorate

    def _bind(
        self,
        fn: Callable[..., Any],
        inputs: Component | Sequence[Component] | None,
        outputs: Component | Sequence[Component] | None,
        live: bool,
        trigger: TriggerArg,
        on_busy: str,
        debounce: float,
        concurrency_limit: int | None,
        every: float | None,
        name: str | None,
    ) -> BoundFunction:
        fn_name = getattr(fn, "__name__", "function")
        if not callable(fn):
            raise DefinitionError(f"@app.fn must decorate a function, got {fn!r}.")
        input_list = as_component_list(inputs, "inputs", fn_name)
        output_list = as_component_list(outputs, "outputs", fn_name)
        try:  # parameters annotated gr.Request / gr.EventData are injected, not inputs
            plan = plan_for(fn, input_list, as_dict=False)
        except DefinitionError:
            check_arity(fn, len(input_list))  # the message naming every parameter
            raise
        try:
            policy = parse_on_busy(on_busy)
        except ValueError as exc:
            raise DefinitionError(f"@app.fn for {fn_name}(): {exc}") from None
        if debounce < 0 or (every is not None and every <= 0):
            raise DefinitionError(
                f"@app.fn for {fn_name}(): debounce must be >= 0 and every > 0 seconds."
            )
        if live and not input_list:
            raise DefinitionError(
                f"@app.fn for {fn_name}(): live=True reruns on input changes, but there are "
                f"no inputs; use trigger= or every= instead."
            )
        for component in input_list:
            if (
                not component.accepts_input
                and component not in self._outputs_so_far()
                and component not in output_list
            ):
                hint = (
                    " (Gradio's gr.Text is a Textbox: use gr.Textbox)"
                    if component.type == "text"
                    else ""
                )
                raise DefinitionError(
                    f"@app.fn for {fn_name}(): {type(component).__name__} is display-only; it "
                    f"can be an input only once another function outputs to it{hint}."
                )
        for component, label in zip(input_list, parameter_names(fn, len(input_list)), strict=True):
            self._place(component, default_label=label)
        triggers = self._triggers(fn_name, input_list, live, trigger, every)
        for index, component in enumerate(output_list):
            self._place(component, default_label=output_label(index, len(output_list)))
        bound = BoundFunction(
            id=self._function_id(name or fn_name),
            fn=fn,
            inputs=input_list,
            outputs=output_list,
            triggers=triggers,
            on_busy=policy,
            debounce=debounce,
            limiter=Limiter(concurrency_limit) if concurrency_limit is not None else None,
            every=every,
            arguments=plan,
        )
        self.functions.append(bound)
        self._graph = None  # a function bound after the first session: build it anew
        return bound

    def _scope(self, bound: BoundFunction, scope: str) -> str:
        if scope not in ("process", "global"):
            raise DefinitionError(
                f'@app.fn for {bound.id}(): concurrency_scope must be "process" or "global", '
                f"got {scope!r}."
            )
        if scope == "global" and bound.limiter is None:
            raise DefinitionError(
                f'@app.fn for {bound.id}(): concurrency_scope="global" needs a concurrency_limit.'
            )
        if scope == "global" and self.session_store is None:
            raise DefinitionError(
                f'@app.fn for {bound.id}(): concurrency_scope="global" shares the limit through '
                f'Redis: give the app one, rx.App(session_store="redis://...").'
            )
        return scope

    def _triggers(
        self,
        fn_name: str,
        inputs: list[Component],
        live: bool,
        trigger: TriggerArg,
        every: float | None,
    ) -> list[TriggerSpec]:
        specs: list[TriggerSpec] = []
        # A streaming input's value only ever comes in chunks: each one is a "stream" trigger.
        specs += [TriggerSpec(c.id, "stream") for c in inputs if c.captures]
        if live:
            specs += [TriggerSpec(c.id, "change") for c in inputs if not c.captures]
        items: list[Component | str]
        if trigger is None:
            items = []
        elif isinstance(trigger, Component | str):
            items = [trigger]
        else:
            items = list(trigger)
        for item in items:
            specs.append(self._trigger_spec(fn_name, item))
        if not specs and every is None:
            button = Button("Submit", elem_id=self._unique_id(f"{fn_name}-submit"))
            self._place(button)
            specs.append(TriggerSpec(button.id, "click"))
            specs += [TriggerSpec(c.id, "submit") for c in inputs if isinstance(c, _SUBMITTABLE)]
        return specs

    def _trigger_spec(self, fn_name: str, item: Component | str) -> TriggerSpec:
        if item == "load":
            return TriggerSpec(None, "load")
        if not isinstance(item, Component):
            raise DefinitionError(
                f"@app.fn for {fn_name}(): trigger must be a component or 'load', got {item!r}."
            )
        self._place(item)
        if isinstance(item, Button) or getattr(item, "triggers_on_click", False):
            return TriggerSpec(item.id, "click")
        if isinstance(item, _SUBMITTABLE):
            return TriggerSpec(item.id, "submit")
        return TriggerSpec(item.id, "change")

    # ---------------------------------------------------------------- placement and ids

    def _place(self, component: Component, default_label: str | None = None) -> None:
        """Put a component on the page at its first use; unlabelled ones get a default label."""
        if not (component.has_id and self.components.get(component.id) is component):
            self._register(component)
            if component.on_page and not component.render_later:
                self._current_block().add(component)
            for binding in getattr(component, "bindings", ()):  # value=fn, placed at first use
                self._bind_brought(binding)
        if component.id not in self._labelled:
            self._labelled.add(component.id)
            if component.label is None and not isinstance(component, Button):
                component.label = default_label

    def adopt(self, component: Component, block: layout.Block) -> None:
        """A component created inside ``block`` (``with app.row():``): placed there at once;
        one made with ``render=False`` and already used by a function, where it is rendered."""
        known = component.has_id and self.components.get(component.id) is component
        if known and not self.layout.holds(component):
            block.add(component)  # registered when a function used it, placed only now
            return
        self._register(component)
        if component.on_page:
            block.add(component)
        for binding in getattr(component, "bindings", ()):  # rx.Examples(fn=...), value=fn
            self._bind_brought(binding)

    def _bind_brought(self, binding: Binding) -> None:
        every, timer = binding.every, None
        if isinstance(every, Component):  # a gr.Timer: its session copy paces the function
            self._place(every)
            every, timer = every.value, every.id
        self.fn(
            inputs=binding.inputs,
            outputs=binding.outputs,
            trigger=binding.trigger,
            live=binding.live,
            every=every,
        )(binding.fn)
        self.functions[-1].timer = timer

    def _register(self, component: Component) -> None:
        if component.has_id:
            if component.id in self.components:  # Gradio allows a repeated elem_id
                component.assign_id(self._unique_id(component.id))
        else:
            component.assign_id(self._unique_id(component.type))
        self.components[component.id] = component
        if self.i18n is None:
            self.i18n = catalog_of(vars(component).values())
        component.served_paths = self.served_paths
        component.media_limits = self.media_limits

    def _examples(self, bound: BoundFunction, rows: Sequence[Any], run_on_click: bool) -> Examples:
        try:
            with trusted():  # the author's own files
                return make_examples(bound.inputs, rows, run_on_click)
        except DefinitionError as exc:
            raise DefinitionError(f"@app.fn for {bound.name}(): {exc}") from None

    def _unique_id(self, base: str) -> str:
        while True:
            self._counts[base] = self._counts.get(base, 0) + 1
            n = self._counts[base]
            candidate = base if n == 1 else f"{base}-{n}"  # the second "x" is "x-2"
            if candidate not in self.components:
                return candidate

    def _function_id(self, base: str) -> str:
        taken = {f.id for f in self.functions}
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def _outputs_so_far(self) -> list[Component]:
        return [c for f in self.functions for c in f.outputs]

    # ---------------------------------------------------------------- description

    def describe(self) -> dict[str, Any]:
        """The ``app`` part of the welcome message (docs/protocol.md)."""
        page = {"description": self.description, "footer": self.footer, "css": self.css}
        components = {
            cid: {"type": c.type, "props": self.component_props(c)}
            for cid, c in self.components.items()
            if c.on_page
        }
        return {
            "title": self.title,
            "components": components,
            "layout": self.layout.describe(),
            "fns": [f.describe() for f in self.functions],
            **{k: v for k, v in page.items() if v},
            **({"theme": self.theme} if self.theme else {}),
            **self._navigation(components),
        }

    def _navigation(self, components: dict[str, Any]) -> dict[str, Any]:
        """A multipage app's links to its pages: given to its gr.Navbar, else to the page."""
        main, current = self.page_of or (self, "")
        if not main.pages:
            return {}
        navbars = [c for c in main.components.values() if c.type == "navbar"]
        main_name = getattr(navbars[0], "main_page_name", "Home") if navbars else "Home"
        rows = pages.links(main, current, main_name if isinstance(main_name, str) else None)
        own = [spec for spec in components.values() if spec["type"] == "navbar"]
        for spec in own:
            spec["props"]["pages"] = rows
        return {} if own else {"pages": rows}

    def component_props(self, component: Component) -> dict[str, Any]:
        """Props; like Gradio, an input is interactive by default and an output only is not,
        but a button stays clickable when a function also changes it (hides it, renames it)."""
        props = component.props()
        if props.get("interactive") is None:
            used_as_input = any(component in f.inputs for f in self.functions)
            own = {id(b.fn) for b in getattr(component, "bindings", ()) if component in b.outputs}
            output_only = any(  # its own value=fn (a value function) does not make it an output
                component in f.outputs and id(f.fn) not in own for f in self.functions
            )
            clicked = component.type.endswith("button") or any(  # a button stays a button
                t.component == component.id and t.event == "click"
                for f in self.functions
                for t in f.triggers
            )
            props["interactive"] = (
                used_as_input or clicked or (component.accepts_input and not output_only)
            )
        settings = stream_settings(self.functions, component.id)
        if settings is not None:
            props["stream_every"], props["time_limit"] = settings
        return props

    def function(self, function_id: str) -> BoundFunction | None:
        return next((f for f in self.functions if f.id == function_id), None)

    def launch(self, host: str = "127.0.0.1", port: int = 8000) -> None:
        """Serve the app, as ``reactive run`` does; blocks until interrupted."""
        serving.serve(self, host=host, port=port)

    def asgi(
        self, *, allowed_hosts: Sequence[str] = (), frame_ancestors: str = "'self'"
    ) -> serving.AsgiApp:
        """The app as an ASGI application, to mount in Starlette or FastAPI.

        ``parent.mount("/demo", app.asgi())`` serves the page at ``/demo/`` and its bundle,
        socket and HTTP API under ``/demo``. Pass the result's ``lifespan`` to the parent
        (``FastAPI(lifespan=mounted.lifespan)``) so sessions close when the server stops.
        ``allowed_hosts`` and ``frame_ancestors`` are ``reactive run``'s ``--allowed-host`` and
        ``--frame-ancestors`` (see docs/deployment.md).
        """
        return serving.asgi(self, allowed_hosts=allowed_hosts, frame_ancestors=frame_ancestors)


_STORE_SCHEMES = ("redis://", "rediss://", "unix://")


def _check_store(url: str | None) -> str | None:
    """``session_store`` as given, once it names Redis and the ``redis`` client is installed."""
    if url is None:
        return None
    if not url.startswith(_STORE_SCHEMES):
        raise DefinitionError(
            f"session_store must be a Redis URL (redis://host:port/db, rediss://..., unix://...), "
            f"got {url!r}."
        )
    if importlib.util.find_spec("redis") is None:
        raise DefinitionError(
            "session_store needs the redis client: pip install 'reactive[redis]'."
        )
    return url
