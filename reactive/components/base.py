"""The component base class: props for the page, page values in, function results out."""

from __future__ import annotations

import builtins
import copy
import inspect
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Self

from reactive.components import placement
from reactive.components.binding import Binding
from reactive.components.listeners import Listeners
from reactive.errors import CompatibilityWarning, DefinitionError, InvalidValue, OutputError
from reactive.media.limits import DEFAULT_MEDIA_LIMITS, MediaLimits
from reactive.media.paths import DEFAULT_SERVED, ServedPaths, trusted

if TYPE_CHECKING:
    from reactive.media.stream import OutputStream

#: Properties every component takes in ``rx.update(...)``.
COMMON_PROPS = frozenset(
    {"value", "label", "info", "visible", "interactive", "elem_classes", "show_label", "scale"}
)


class _ValueFunctions(type):
    """Takes Gradio's ``value=fn`` out of a component's arguments before its ``__init__`` runs
    (which checks a value, and would refuse a function): the component starts empty and
    :meth:`Component._value_function` binds ``fn``."""

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        made_as = cls.made_as()  # type: ignore[attr-defined]  # Component.made_as
        if made_as is not cls:  # Gradio's gr.Text inside a Blocks is a Textbox
            return made_as(*args, **kwargs)
        fn, args, kwargs = _value_function_taken(cls, args, kwargs)
        made: Any = cls.__new__(cls, *args, **kwargs)  # Component.__new__
        if fn is not None:
            made._value_fn = fn
        made.__init__(*args, **kwargs)
        return made


def _value_function_taken(
    cls: type, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, tuple[Any, ...], dict[str, Any]]:
    """``(fn, args, kwargs)`` with a function given as ``value`` replaced by the default."""
    if getattr(cls, "keeps_callable_value", False):
        return None, args, kwargs
    init = cls.__init__  # type: ignore[misc]  # the class's own, read for its parameters
    try:
        signature = inspect.signature(init)
        bound = signature.bind_partial(None, *args, **kwargs)
    except (TypeError, ValueError):
        return None, args, kwargs  # the real call reports the mistake
    value = bound.arguments.get("value")
    if not callable(value) or isinstance(value, type):
        return None, args, kwargs
    default = signature.parameters["value"].default  # what it starts with until fn runs
    bound.arguments["value"] = None if default is inspect.Parameter.empty else default
    return value, bound.args[1:], bound.kwargs


class Component(Listeners, metaclass=_ValueFunctions):
    """A piece of the page that can be a function's input, output, or trigger.

    Subclasses set ``type`` (the client's view name) and override :meth:`preprocess` (a value from
    the page → what the function receives) and :meth:`postprocess` (what the function returned →
    the value sent to the page).
    """

    type: ClassVar[str] = "component"
    #: Accepts values from the page (and so can be a function input the user edits).
    accepts_input: ClassVar[bool] = True
    #: Its text may grow by append deltas instead of full values.
    text_like: ClassVar[bool] = False
    #: postprocess is costly (image encoding): run it in a thread, only for values really sent.
    heavy_postprocess: ClassVar[bool] = False
    #: Drawn on the page (``rx.State`` is not: its value lives in the session only).
    on_page: ClassVar[bool] = True
    #: May be a column of a function's examples (a chat's history is not: it is the conversation).
    example_column: ClassVar[bool] = True
    #: Properties ``rx.update(...)`` may change, besides :data:`COMMON_PROPS`.
    updatable: ClassVar[frozenset[str]] = frozenset()
    #: Of those, the ones that change how the value is drawn: updating one alone sends the
    #: session's value again, drawn anew (a plot's ``x_lim``, ``x_bin``).
    value_props: ClassVar[frozenset[str]] = frozenset()
    #: A callable ``value`` is the component's own (State's factory), not Gradio's value function.
    keeps_callable_value: ClassVar[bool] = False
    #: Functions the component brings (its app binds them when it places the component).
    bindings: list[Binding]
    #: Takes files uploaded in parts (``upload`` messages): preprocess gets an UploadedFile.
    accepts_upload: ClassVar[bool] = False
    #: preprocess is costly (decoding media): the session runs it in a worker thread.
    slow_preprocess: ClassVar[bool] = False
    #: Where a returned path may be read from; the app sets its own (``allowed_paths=``).
    served_paths: ServedPaths = DEFAULT_SERVED
    #: How large an uploaded picture, sound or film may be; the app sets its own.
    media_limits: MediaLimits = DEFAULT_MEDIA_LIMITS


    #: The arguments the component was made with (see :meth:`given_props`).
    _made_with: tuple[tuple[Any, ...], dict[str, Any]]

    @classmethod
    def made_as(cls) -> builtins.type[Component]:
        """The class a call of this one makes (itself, unless a subclass says otherwise)."""
        return cls

    def __new__(cls, *args: Any, **kwargs: Any) -> Self:
        made = super().__new__(cls)
        made._made_with = (args, kwargs)
        return made

    @property
    def made_with(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        """The positional and keyword arguments the component was made with."""
        return self._made_with

    def given_props(self) -> dict[str, Any]:
        """The properties its maker named, by name: Gradio's ``return gr.Textbox(visible=False)``
        from a function changes just those (and the value, if given) of the output."""
        args, kwargs = self._made_with
        return given_arguments(type(self).__init__, args, kwargs)

    def __init__(
        self,
        value: Any = None,
        *,
        label: str | None = None,
        info: str | None = None,
        visible: bool = True,
        interactive: bool | None = None,
        elem_id: str | None = None,
        elem_classes: list[str] | str | None = None,
        show_label: bool | None = None,
        scale: int | None = None,
        min_width: int | None = None,
        container: bool = True,
        **unsupported: Any,
    ) -> None:
        self.value = value
        self._authored_value = value  # written by the app author: its paths are trusted
        self.label = label
        self.info = info
        self.visible = visible
        self.interactive = interactive
        self.elem_id = elem_id
        self.elem_classes = [elem_classes] if isinstance(elem_classes, str) else elem_classes
        self.show_label = show_label
        self.scale = scale
        self.min_width = min_width
        self.container = container
        #: A JavaScript listener (``js=`` with ``fn=None``) writes its value in the page, so a
        #: display-only component takes that value back from the page as an input.
        self.written_in_page = False
        self._id: str | None = elem_id
        self._value_function(unsupported)
        render = unsupported.pop("render", True)  # Gradio's render=False: placed by .render()
        #: Gradio's ``key=``: inside ``@gr.render``, the same key in the next render is the same
        #: component, which keeps its ``preserved_by_key`` properties (the value by default).
        self.key: Any = unsupported.pop("key", None)
        preserved = unsupported.pop("preserved_by_key", "value")
        self.preserved_by_key: tuple[str, ...] = (
            (preserved,) if isinstance(preserved, str) else tuple(preserved or ())
        )
        #: Made with ``render=False``: a function using it does not place it; ``.render()`` does.
        self.render_later = not render
        if unsupported:
            warn_unsupported(type(self).__name__, unsupported)
        if render:
            placement.created(self)  # inside ``with app.row():`` and the like: placed there at once

    def _value_function(self, unsupported: dict[str, Any]) -> None:
        """Gradio's ``value=fn`` (with ``inputs=``, ``every=``): ``fn`` computes the value when
        a page opens, whenever an input changes, and on every tick; the app binds it."""
        inputs, every = unsupported.pop("inputs", None), unsupported.pop("every", None)
        fn = self.__dict__.pop("_value_fn", None)  # taken out by _ValueFunctions
        if fn is None:
            given = {k: v for k, v in (("inputs", inputs), ("every", every)) if v is not None}
            if given:  # as in Gradio: without a value function they do nothing
                warn_unsupported(f"{type(self).__name__} (no value function)", given)
            return
        listed = list(inputs) if isinstance(inputs, list | tuple | set) else [inputs]
        sources = [c for c in listed if c is not None]
        self.bindings = [Binding(fn, sources, [self], "load", live=bool(sources), every=every)]

    # ---------------------------------------------------------------- identity

    @property
    def id(self) -> str:
        if self._id is None:
            raise DefinitionError(
                f"{self!r} is not part of an app yet: use it in @app.fn(...) before asking its id."
            )
        return self._id

    @property
    def has_id(self) -> bool:
        return self._id is not None

    def assign_id(self, component_id: str) -> None:
        self._id = component_id

    def __repr__(self) -> str:
        name = type(self).__name__
        if self._id is not None:
            return f"{name}(id={self._id!r})"
        return f"{name}(label={self.label!r})" if self.label else f"{name}()"

    # ---------------------------------------------------------------- page protocol

    def props(self) -> dict[str, Any]:
        """Everything the client needs to draw the component (docs/protocol.md)."""
        return {
            "label": self.label,
            "info": self.info,
            "visible": self.visible,
            "interactive": self.interactive,
            "elem_classes": self.elem_classes,
            "value": self.initial_wire_value(),
            **self._layout_props(),
            **self.extra_props(),
        }

    def _layout_props(self) -> dict[str, Any]:
        optional = {
            "show_label": self.show_label,
            "scale": self.scale,
            "min_width": self.min_width,
            "container": None if self.container else False,
        }
        return {k: v for k, v in optional.items() if v is not None}

    # ---------------------------------------------------------------- rx.update

    def with_props(self, changes: Mapping[str, Any]) -> Component:
        """A copy with ``changes`` applied (for one session); unknown names raise OutputError."""
        allowed = COMMON_PROPS | self.updatable
        unknown = sorted(set(changes) - allowed)
        if unknown:
            raise OutputError(
                f"rx.update() for {self!r}: {type(self).__name__} has no updatable "
                f"propert{'y' if len(unknown) == 1 else 'ies'} {', '.join(unknown)}; "
                f"it takes {', '.join(sorted(allowed))}."
            )
        changed = copy.copy(self)
        for name, value in changes.items():
            if name != "value":
                changed.set_prop(name, value)
        return changed

    def set_prop(self, name: str, value: Any) -> None:
        """Set one updatable property; subclasses check and convert their own ones."""
        if name == "elem_classes" and isinstance(value, str):
            value = [value]
        setattr(self, name, value)

    def wire_props(self, names: set[str]) -> dict[str, Any]:
        """The wire form of the properties ``names`` (never the value)."""
        every: dict[str, Any] = {"label": self.label, "info": self.info, "visible": self.visible}
        every |= {"interactive": self.interactive, "elem_classes": self.elem_classes}
        every |= {"show_label": self.show_label, "scale": self.scale}
        every |= self.extra_props()
        return {name: every.get(name) for name in names if name != "value"}

    def extra_props(self) -> dict[str, Any]:
        return {}

    def initial_wire_value(self) -> Any:
        if self.value is None:
            return None
        if self.value is self._authored_value:
            with trusted():
                return self.postprocess(self.value)
        return self.postprocess(self.value)

    def initial_python_value(self) -> Any:
        """What a function receives for this input before the user touched it."""
        return self.value

    @property
    def takes_page_input(self) -> bool:
        """Whether the page may set its value: an input, or an output a page's JS writes."""
        return self.accepts_input or self.written_in_page

    def preprocess(self, value: Any) -> Any:
        """Check a value from the page and turn it into what the function receives."""
        return value

    def as_input(self, value: Any) -> Any:
        """A function's result for this component as the next function reading it receives it
        (what the page would send back); as returned by default."""
        return value

    def gradio_value(self, value: Any) -> Any:
        """This input's value as a Gradio listener receives it, where Gradio's form differs from
        reactive's native one (a Chatbot's history: Gradio 6's parts); the same by default."""
        return value

    def postprocess(self, value: Any) -> Any:
        """Turn a function's result into the value sent to the page."""
        return value

    def check_output(self, value: Any) -> None:
        """Cheap check of a result whose postprocess is deferred (``heavy_postprocess``)."""

    @property
    def grows(self) -> bool:
        """Its values grow (text, a chat): the newest pending value makes older ones redundant."""
        return self.text_like or type(self).stream_parts is not Component.stream_parts

    def stream_parts(self, wire: Any) -> tuple[Any, str] | None:
        """Split a wire value into (the part that must not change, the text that may grow).

        The outbound queue sends an ``append`` delta when only the text grew; None: no deltas.
        """
        return (None, wire) if self.text_like and isinstance(wire, str) else None

    def example_cell(self, value: Any) -> Any:
        """How an example value shows in the examples table (short text by default)."""
        text = "" if value is None else str(value)
        return text if len(text) <= 80 else text[:79] + "…"

    @property
    def saves_uploads(self) -> bool:
        """Writes uploads to the session's temporary folder (type="filepath")."""
        return False

    @property
    def streams(self) -> bool:
        """Each result is a chunk of one stream (media): sent in order, never conflated."""
        return False

    @property
    def captures(self) -> str | None:
        """A streaming input (microphone, webcam): how its chunks are called, else None.

        ``"every"``: every chunk calls the function, in order (sound); ``"latest"``: a busy
        function sees only the newest chunk when it is free again (pictures).
        """
        return None

    @property
    def slow_stream_chunk(self) -> bool:
        """Turning a chunk into its value is costly (decoding, a file): done in a thread."""
        return True

    def from_stream(self, kind: str, data: bytes, rate: int | None, mime: str | None) -> Any:
        """One chunk of a streaming input as the function receives it."""
        raise self.invalid("it takes no streaming input.")

    def open_stream(self) -> OutputStream | None:
        """Per-run state that turns a streaming output's values into chunks (media.stream)."""
        return None

    # ---------------------------------------------------------------- helpers for subclasses

    def served(self, value: Any) -> Any:
        """A returned path, checked against :attr:`served_paths` (its real path); else as is."""
        if isinstance(value, str | Path):
            return self.served_paths.check(value, type(self).__name__)
        return value

    def trigger_data(self, event: str, data: Any) -> Any:
        """A page event's data as the listener gets it (``gr.SelectData``, ...): checked, or
        filled from the server's own copy; raises InvalidValue when the page sent nonsense."""
        return data

    def invalid(self, message: str) -> InvalidValue:
        who = self.label or self._id or type(self).__name__
        return InvalidValue(f"{who}: {message}")


#: Named when a component is made, meaningless as a change of an output: left out of it.
_DEFINITION_ONLY = frozenset({"elem_id", "key", "render", "preserved_by_key"})


def given_arguments(init: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """``args`` and ``kwargs`` of a call to ``init`` (an ``__init__``) by parameter name."""
    bound = inspect.signature(init).bind(None, *args, **kwargs)
    named: dict[str, Any] = {}
    for name, value in list(bound.arguments.items())[1:]:  # not self
        kind = bound.signature.parameters[name].kind
        if kind is inspect.Parameter.VAR_KEYWORD:
            named |= value
        elif kind is not inspect.Parameter.VAR_POSITIONAL:
            named[name] = value
    return {k: v for k, v in named.items() if k not in _DEFINITION_ONLY}


def require_type(component: Component, value: Any, kinds: tuple[type, ...], what: str) -> None:
    """Raise InvalidValue unless ``value`` is one of ``kinds`` (bool never counts as a number)."""
    if isinstance(value, bool) and bool not in kinds:
        raise component.invalid(f"expected {what}, got a boolean.")
    if not isinstance(value, kinds):
        raise component.invalid(f"expected {what}, got {type(value).__name__}.")


def warn_unsupported(owner: str, arguments: Mapping[str, Any]) -> None:
    """Warn, naming them, about (Gradio) arguments reactive accepts but ignores."""
    names = ", ".join(sorted(arguments))
    warnings.warn(
        f"{owner} ignores unsupported argument(s): {names}.", CompatibilityWarning, stacklevel=4
    )
