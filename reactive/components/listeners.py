"""Gradio's event listeners on every component: ``btn.click(fn, inputs, outputs)``.

A listener only records what it was given; the Blocks app whose ``with`` is running binds it
(``reactive.gradio.events``). Keeping the one context variable here lets components offer the
methods without importing definitions. Called without ``fn``, a listener is a decorator::

    @btn.click(inputs=name, outputs=greeting)
    def greet(name): ...
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any, Protocol

from reactive.errors import DefinitionError

#: Every listener a component offers (Gradio's names).
EVENTS = (
    "click", "change", "input", "submit", "select", "upload", "clear", "release", "focus",
    "blur", "like", "edit", "retry", "undo", "stream", "option_select", "example_select",
    "apply", "double_click",
    "preview_open", "preview_close", "keypress", "key_up", "play", "pause", "stop", "end",
    "start_recording", "pause_recording", "stop_recording", "delete", "copy",
)  # fmt: skip

#: Gradio listeners reactive's page does not send: refused by name when an app binds one.
UNSENT_EVENTS = (
    "expand", "collapse", "download",
)  # fmt: skip

#: ``fn`` left out: the listener is used as a decorator (``fn=None`` means "no function").
NOT_SET: Any = object()


class Listening(Protocol):
    """The app that binds listeners (a ``gr.Blocks`` inside its ``with``)."""

    def listen(
        self, triggers: list[tuple[Any, str]], fn: Any, arguments: dict[str, Any]
    ) -> Any: ...


_active: contextvars.ContextVar[Listening | None] = contextvars.ContextVar(
    "reactive_listening", default=None
)


def active() -> Listening | None:
    return _active.get()


def enter(target: Listening) -> contextvars.Token[Listening | None]:
    return _active.set(target)


def leave(token: contextvars.Token[Listening | None]) -> None:
    _active.reset(token)


def listen(component: Any, event: str, fn: Any, arguments: dict[str, Any]) -> Any:
    """Bind ``fn`` to ``component``'s ``event`` in the active Blocks, or refuse clearly."""
    target = _active.get()
    if target is None:
        raise DefinitionError(
            f"{component!r}.{event}(...) must be called inside `with gr.Blocks() as demo:` "
            f"(or a later `with demo:`), where the app that runs the function is known."
        )
    return target.listen([(component, event)], fn, arguments)


def _listener(event: str) -> Callable[..., Any]:
    def method(self: Any, fn: Any = NOT_SET, inputs: Any = None, outputs: Any = None,
               **arguments: Any) -> Any:  # fmt: skip
        return listen(self, event, fn, {"inputs": inputs, "outputs": outputs, **arguments})

    method.__name__ = method.__qualname__ = event
    method.__doc__ = f"Run ``fn`` on this component's ``{event}`` event (Gradio's listener)."
    method.event_name = event  # type: ignore[attr-defined]  # read by gr.on(triggers=[...])
    return method


def _unsent(event: str) -> Callable[..., Any]:
    """A listener Gradio offers that reactive's page never sends: refused, naming it."""

    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        raise DefinitionError(
            f"{type(self).__name__}.{event}(...) is a Gradio event reactive does not send; "
            f"listen to .change, .click or .select instead (docs/gradio.md lists the listeners)."
        )

    method.__name__ = method.__qualname__ = event
    method.__doc__ = f"Gradio's ``{event}`` listener: refused (reactive's page does not send it)."
    return method


class Listeners:
    """The listener methods, mixed into :class:`reactive.components.Component`."""

    def render(self) -> Any:
        """Place a component made outside the Blocks here (Gradio's ``component.render()``)."""
        from reactive.components import placement

        if placement.active() is None:
            raise DefinitionError(f"{self!r}.render() must be called inside `with gr.Blocks():`.")
        self.render_later = False
        placement.created(self)  # type: ignore[arg-type]  # self is a Component
        return self

    click = _listener("click")
    change = _listener("change")
    input = _listener("input")
    submit = _listener("submit")
    select = _listener("select")
    upload = _listener("upload")
    clear = _listener("clear")
    release = _listener("release")
    focus = _listener("focus")
    blur = _listener("blur")
    like = _listener("like")
    edit = _listener("edit")
    retry = _listener("retry")  # a Chatbot's Retry under the last answer (gr.RetryData)
    undo = _listener("undo")  # and its Undo (gr.UndoData)
    stream = _listener("stream")  # a streaming microphone or webcam input's chunks
    option_select = _listener("option_select")  # a Chatbot message's option button
    example_select = _listener("example_select")  # a Chatbot example (shown while empty)
    apply = _unsent("apply")  # only an image editor sends it (ImageEditor.apply)
    double_click = _listener("double_click")  # a native plot double-clicked
    preview_open = _listener("preview_open")  # a gallery's full-size preview opened
    preview_close = _listener("preview_close")
    keypress = _listener("keypress")  # a gr.HTML's js_on_load: trigger('keypress', ...)
    key_up = _listener("key_up")  # a Dropdown's key let go (gr.KeyUpData)
    play = _listener("play")  # Audio and Video: what their media element reports
    pause = _listener("pause")
    stop = _listener("stop")
    end = _listener("end")
    start_recording = _listener("start_recording")  # the recorder's Record, Pause and Stop
    pause_recording = _listener("pause_recording")
    stop_recording = _listener("stop_recording")
    delete = _listener("delete")  # a File's file removed (gr.DeletedFileData)
    copy = _listener("copy")  # a Textbox's or Markdown's copy button (gr.CopyData)


for _event in UNSENT_EVENTS:
    setattr(Listeners, _event, _unsent(_event))
