"""Gradio's event listeners bound as reactive functions: ``btn.click(fn, inputs, outputs)``.

Each listener becomes a :class:`BoundFunction` on the Blocks app, so it runs on the session's
scheduler with true cancellation, like ``@app.fn``. The returned :class:`Dependency` chains
``.then`` / ``.success`` / ``.failure`` and can be cancelled by another listener
(``cancels=[dependency]``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from reactive.components.base import Component, warn_unsupported
from reactive.components.chatbot import PAGE_EVENTS
from reactive.components.listeners import NOT_SET
from reactive.definition import layout
from reactive.definition.arguments import plan_for
from reactive.definition.derived import derives_select
from reactive.definition.graph import BoundFunction, ChainKind, TriggerSpec, check_streaming
from reactive.errors import DefinitionError
from reactive.gradio.validation import validated
from reactive.scheduler.limiter import Limiter
from reactive.scheduler.policy import OnBusy


class Host(Protocol):
    """Where listeners bind: the Blocks app while it is defined, or one run of a
    ``@gr.render`` function (``reactive.gradio.render_scope``)."""

    show_error: bool

    def listen(
        self, triggers: list[tuple[Any, str]], fn: Any, arguments: dict[str, Any]
    ) -> Any: ...
    def add_function(self, function: BoundFunction) -> None: ...
    def place(self, component: Component) -> None: ...
    def register(self, component: Component) -> None: ...
    def unique_id(self, base: str) -> str: ...
    def function_id(self, name: str) -> str: ...
    def limit_by_default(self, function: BoundFunction) -> None: ...
    def shared_limiter(self, concurrency_id: str, limit: int | None) -> Limiter: ...
    def adopt(self, component: Component, block: layout.Block) -> None: ...
    def attach(self, block: layout.Block) -> None: ...
    def current_block(self) -> layout.Block: ...


#: Gradio's ``trigger_mode`` in reactive's terms; left out, a new trigger supersedes a run.
_TRIGGER_MODES = {
    None: OnBusy.LATEST,
    "always_last": OnBusy.LATEST,
    "once": OnBusy.IGNORE,
    "multiple": OnBusy.QUEUE,
}
#: Accepted and ignored: how Gradio draws or documents a run, not what it does.
_COSMETIC = {
    "show_progress_on", "scroll_to_output", "api_description", "queue", "key",
    "api_visibility",
}  # fmt: skip


class Dependency:
    """A bound listener: chain with ``.then`` / ``.success`` / ``.failure``; pass to
    ``cancels=`` to stop its runs."""

    def __init__(self, blocks: Host, function: BoundFunction) -> None:
        self._blocks = blocks
        self.function = function

    @property
    def fn(self) -> Callable[..., Any]:
        return self.function.fn

    def then(self, fn: Any = NOT_SET, inputs: Any = None, outputs: Any = None, **kw: Any) -> Any:
        """Run ``fn`` after this listener's run ends, whether it succeeded or failed."""
        return self._follow("then", fn, {"inputs": inputs, "outputs": outputs, **kw})

    def success(self, fn: Any = NOT_SET, inputs: Any = None, outputs: Any = None, **kw: Any) -> Any:
        """Run ``fn`` after this listener's run ends without an error."""
        return self._follow("success", fn, {"inputs": inputs, "outputs": outputs, **kw})

    def failure(self, fn: Any = NOT_SET, inputs: Any = None, outputs: Any = None, **kw: Any) -> Any:
        """Run ``fn`` after this listener's run raised an error."""
        return self._follow("failure", fn, {"inputs": inputs, "outputs": outputs, **kw})

    def _follow(self, kind: ChainKind, fn: Any, arguments: dict[str, Any]) -> Any:
        def chain(follower: Dependency) -> None:
            self.function.chain.append((kind, follower.function))

        return bind(self._blocks, [], fn, arguments, chain)

    def __repr__(self) -> str:
        return f"Dependency({self.function.id!r})"


def bind(
    blocks: Host,
    triggers: list[tuple[Any, str]],
    fn: Any,
    arguments: dict[str, Any],
    chain: Callable[[Dependency], None] | None = None,
) -> Any:
    """Bind ``fn`` (a Dependency), or return a decorator when ``fn`` was left out."""
    if fn is NOT_SET:

        def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
            bind(blocks, triggers, function, arguments, chain)
            return function

        return decorate
    if chain is not None and isinstance(arguments.get("js"), str):
        raise DefinitionError(
            "js= on a chained listener (.then / .success / .failure) is not supported: bind "
            "the JavaScript to the event itself (btn.click(None, ..., js=...))."
        )
    dependency = Dependency(blocks, _bound(blocks, triggers, fn, dict(arguments)))
    if chain is not None:
        chain(dependency)
    blocks.add_function(dependency.function)
    return dependency


def _bound(
    blocks: Host, triggers: list[tuple[Any, str]], fn: Any, arguments: dict[str, Any]
) -> BoundFunction:
    inputs_arg, outputs_arg = arguments.pop("inputs", None), arguments.pop("outputs", None)
    js = arguments.pop("js", None)
    if isinstance(js, bool):  # js=True: Gradio turns fn into JavaScript; here fn runs in Python
        js = None
    stream_every = arguments.pop("stream_every", None)
    time_limit = arguments.pop("time_limit", None)
    name = getattr(fn, "__name__", "listener") if fn is not None else "js" if js else "noop"
    raw = arguments.get("preprocess", True) is False  # the inputs as the page sent them
    _refuse(name, fn, js, arguments)
    as_dict = isinstance(inputs_arg, set)
    inputs = _components(inputs_arg, "inputs", name)
    outputs = _components(_with_block_outputs(blocks, outputs_arg), "outputs", name)
    if fn is None:
        fn, plan = _nothing, None
        server_inputs, server_outputs = [] if js is None else inputs, [] if js is None else outputs
        for component in server_outputs:  # the page sends back what the JavaScript wrote
            component.written_in_page = True
    elif not callable(fn):
        raise DefinitionError(f"A listener's fn must be a function or None, got {fn!r}.")
    else:
        validator = arguments.pop("validator", None)
        if validator is not None:  # checks the inputs first (reactive.gradio.validation)
            fn = validated(fn, validator)
        plan = plan_for(fn, inputs, as_dict)
        server_inputs, server_outputs = inputs, outputs
    for component in [*inputs, *outputs]:
        blocks.place(component)
    every = arguments.pop("every", None)
    api_name = arguments.pop("api_name", None)
    show_api = arguments.pop("show_api", True)
    defaulted = arguments.get("concurrency_limit", "default") == "default"
    bound = BoundFunction(
        id=blocks.function_id(api_name if isinstance(api_name, str) else name),
        fn=fn,
        inputs=server_inputs,
        outputs=server_outputs,
        triggers=[_spec(blocks, component, event) for component, event in triggers],
        on_busy=_on_busy(arguments.pop("trigger_mode", None)),
        debounce=0.0,
        limiter=_limiter(blocks, arguments),
        every=_every(every, triggers, arguments.pop("timer_tick", False)),
        timer=_timer_of(blocks, every),
        show_error=blocks.show_error,
        api=api_name is not False and show_api is not False,
        arguments=plan,
        cancels=_cancels(arguments.pop("cancels", None)),
        js=js if isinstance(js, str) else None,
        js_feeds_fn=isinstance(js, str) and fn is not _nothing,
        shows_progress=_shows_progress(arguments.pop("show_progress", "full")),
        raw_inputs=raw,
        gradio_inputs=True,
    )
    if defaulted and bound.limiter is None:  # demo.queue(default_concurrency_limit=) sets it
        blocks.limit_by_default(bound)
    check_streaming(bound, stream_every, time_limit)  # refused unless it is a .stream listener
    if arguments:
        warn_unsupported(f"{name}() listener", arguments)
    return bound


def _nothing(*_: Any) -> None:
    """The function of a listener bound with ``fn=None`` (it only cancels, or runs ``js=``)."""


def _refuse(name: str, fn: Any, js: Any, arguments: dict[str, Any]) -> None:
    """Arguments reactive does not support: refused now, naming them, never ignored."""
    if js is not None and not isinstance(js, str):
        raise DefinitionError(f"{name}: js= takes the JavaScript function's source as a string.")
    if (
        js is not None
        and fn is not None
        and (arguments.get("api_name") is False or arguments.get("show_api") is False)
    ):  # the page hands the JavaScript's result to fn as an API call does (calls.py)
        raise DefinitionError(
            f"{name}(): js= together with a Python fn cannot be hidden from the API "
            f"(api_name=False / show_api=False): the page calls fn through it with the "
            f"JavaScript's result. Leave the listener listed, or bind the JS alone with fn=None."
        )
    refused = [k for k in ("batch",) if arguments.get(k)]
    refused += [k for k in ("postprocess",) if arguments.get(k, True) is False]
    if refused:
        raise DefinitionError(
            f"{name}(): reactive does not support {', '.join(refused)} on a listener; remove "
            f"{'it' if len(refused) == 1 else 'them'}."
        )
    for key in ("batch", "preprocess", "postprocess",
                "max_batch_size", *_COSMETIC):  # fmt: skip
        arguments.pop(key, None)


def _with_block_outputs(blocks: Host, value: Any) -> Any:
    """Layout blocks among the outputs stand as their BlockOutput components."""
    from reactive.gradio.block_output import output_of

    items = list(value) if isinstance(value, list | tuple | set) else [value]
    if not any(isinstance(item, layout.Block) for item in items):
        return value
    swapped = [output_of(blocks, i) if isinstance(i, layout.Block) else i for i in items]
    return set(swapped) if isinstance(value, set) else swapped


def _components(value: Any, what: str, name: str) -> list[Component]:
    if value is None:
        return []
    items = list(value) if isinstance(value, list | tuple | set) else [value]
    for item in items:
        if isinstance(item, layout.Block):
            raise DefinitionError(
                f"{name}(): a layout block ({item!r}) can be an output (for gr.update("
                f"visible=...)), not among the {what}."
            )
        if not isinstance(item, Component):
            raise DefinitionError(
                f"{name}(): {what} must be components (gr.Textbox(), ...), got {item!r}."
            )
    return [item for item in items if isinstance(item, Component)]


#: The component types that can start each page-sent event (the others follow from values).
_EMITTERS: dict[str, tuple[str, ...]] = {
    "click": ("button",),
    "submit": ("textbox", "number", "multimodaltextbox", "dialogue"),
    "release": ("slider",),
    "like": ("chatbot",),
    "edit": ("chatbot", "dataframe"),
    "option_select": ("chatbot",),
    "retry": ("chatbot",),
    "undo": ("chatbot",),
    "example_select": ("chatbot",),
    # and the choices (derived), and gr.Tab
    "select": (
        "dataframe", "gallery", "textbox", "chatbot", "annotatedimage", "nativeplot", "image",
    ),
    "double_click": ("nativeplot",),
    "keypress": ("html",),  # with js_on_load (its sends_events); any other HTML is refused
    "preview_open": ("gallery",),
    "preview_close": ("gallery",),
    "key_up": ("dropdown",),
    "play": ("audio", "video"),
    "pause": ("audio", "video"),
    "stop": ("audio", "video"),
    "end": ("audio", "video"),
    "start_recording": ("audio", "video"),
    "pause_recording": ("audio", "video"),
    "stop_recording": ("audio", "video"),
    "delete": ("file",),
    # their copy button (buttons=["copy"]; a Chatbot's under each message): gr.CopyData
    "copy": ("textbox", "markdown", "chatbot"),
}


def _check_event(component: Component, event: str) -> None:
    """Refuse a listener that could never fire (``textbox.click``, ``image.select``)."""
    if event == "stream" and getattr(component, "captures", None) is None:
        _stream_its_source(component)
    if event == "stream" and getattr(component, "captures", None) is None:
        raise DefinitionError(
            f"{type(component).__name__}.stream(...) needs a streaming input: "
            f"gr.Audio(sources=['microphone'], streaming=True) or "
            f"gr.Image(sources=['webcam'], streaming=True)."
        )
    emitters = _EMITTERS.get(event)
    if emitters is None or component.type.endswith(emitters):
        return
    if event in getattr(component, "sends_events", ()):  # gr.HTML's js_on_load: trigger(...)
        return
    if event == "select" and (derives_select(component) or component.type == "layoutblock"):
        return  # a choice picked (from its value), a tab opened (tab.select)
    kinds = ", ".join(emitters)
    raise DefinitionError(
        f"{type(component).__name__}.{event}(...) is not supported: in reactive, {event} "
        f"comes from {kinds} components"
        + (", the choice components and gr.Tab" if event == "select" else "")
        + "."
    )


def _stream_its_source(component: Component) -> None:
    """``.stream`` on a microphone or webcam input streams it, as in Gradio (no ``streaming=``)."""
    sources = getattr(component, "sources", None) or []
    if component.type.endswith(("audio", "image")) and {"microphone", "webcam"} & set(sources):
        component.streaming = True  # type: ignore[attr-defined]  # Audio and Image have it


def _spec(blocks: Host, component: Any, event: str) -> TriggerSpec:
    if component is None:
        return TriggerSpec(None, "load")
    _check_event(component, event)
    blocks.place(component)
    if event in PAGE_EVENTS and hasattr(component, "listen"):
        component.listen(event)  # a Chatbot: its page draws the buttons and sends these events
    return TriggerSpec(component.id, event)  # type: ignore[arg-type]  # one of EVENTS


def _shows_progress(value: Any) -> bool:
    """``show_progress``: "full" and "minimal" show a run's state, "hidden" shows none."""
    if value in ("full", "minimal", True):
        return True
    if value in ("hidden", False):
        return False
    raise DefinitionError(f"show_progress must be 'full', 'minimal' or 'hidden', got {value!r}.")


def _on_busy(mode: Any) -> OnBusy:
    if mode not in _TRIGGER_MODES:
        raise DefinitionError(
            f"trigger_mode must be 'once', 'multiple' or 'always_last', got {mode!r}."
        )
    return _TRIGGER_MODES[mode]


def _limiter(blocks: Host, arguments: dict[str, Any]) -> Limiter | None:
    limit = arguments.pop("concurrency_limit", "default")
    shared = arguments.pop("concurrency_id", None)
    if limit == "default":
        limit = None
    if limit is not None and (not isinstance(limit, int) or limit < 1):
        raise DefinitionError(f"concurrency_limit must be a positive int or None, got {limit!r}.")
    if shared is None:
        return Limiter(limit) if limit is not None else None
    return blocks.shared_limiter(str(shared), limit)


def _every(every: Any, triggers: list[tuple[Any, str]], tick: bool) -> float | None:
    if every is None:
        return None
    if not tick and triggers != [(None, "load")]:
        raise DefinitionError(
            "every= is supported on demo.load(...) only (it repeats while the page is open); "
            "Gradio's every= on another listener, which repeats after that event, is not."
        )
    seconds = getattr(every, "value", every)  # a gr.Timer-like object, or seconds
    if not isinstance(seconds, int | float) or seconds <= 0:
        raise DefinitionError(f"every= must be a positive number of seconds, got {every!r}.")
    return float(seconds)


def _timer_of(blocks: Host, every: Any) -> str | None:
    """``every=timer``: the timer's id, so each session's copy of it paces the function."""
    if not (isinstance(every, Component) and every.type == "timer"):
        return None
    blocks.place(every)
    return every.id


def _cancels(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items: Iterable[Any] = value if isinstance(value, list | tuple | set) else [value]
    ids: list[str] = []
    for item in items:
        if not isinstance(item, Dependency):
            raise DefinitionError(
                f"cancels= takes what listeners return (dep = btn.click(...)), got {item!r}."
            )
        ids.append(item.function.id)
    return tuple(ids)


def on(
    triggers: Any = None, fn: Any = NOT_SET, inputs: Any = None, outputs: Any = None, **kw: Any
) -> Any:
    """``gr.on(triggers=[btn.click, text.submit], fn, inputs, outputs)``: one function, several
    triggers; without triggers, every input's change."""
    from reactive.gradio.blocks import active_blocks

    blocks = active_blocks("gr.on(...)")
    pairs: list[tuple[Any, str]] = []
    if triggers is None:
        pairs = [(c, "change") for c in _components(inputs, "inputs", "gr.on")]
    else:
        for trigger in triggers if isinstance(triggers, list | tuple) else [triggers]:
            pairs.append(trigger_pair(trigger))
    return bind(blocks, pairs, fn, {"inputs": inputs, "outputs": outputs, **kw})


def trigger_pair(trigger: Any) -> tuple[Any, str]:
    owner = getattr(trigger, "__self__", None)
    event = getattr(trigger, "event_name", None) or getattr(trigger, "__name__", None)
    if isinstance(owner, Component) and isinstance(event, str):
        return owner, event
    if getattr(trigger, "__name__", None) == "load" and owner is not None:
        return None, "load"
    if isinstance(owner, layout.Tab) and event == "select":  # gr.Tab: its stand-in's select
        from reactive.gradio.block_output import output_of
        from reactive.gradio.blocks import active_blocks

        return output_of(active_blocks("gr.on(triggers=[tab.select])"), owner), "select"
    raise DefinitionError(
        f"gr.on(triggers=...) takes listener methods such as btn.click or demo.load, "
        f"got {trigger!r}."
    )
