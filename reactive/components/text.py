"""Text components: Textbox (input), Text, Markdown and HTML (display)."""

from __future__ import annotations

import builtins
from typing import Any, ClassVar, Literal

from reactive.components import listeners, placement, server_functions
from reactive.components.base import Component, require_type, warn_unsupported
from reactive.components.data import to_plain
from reactive.components.html_template import TEMPLATE_EVENTS, split_props
from reactive.errors import DefinitionError


def as_text(value: Any) -> str:
    """What a text output shows for any result: None is empty, everything else ``str()``."""
    return "" if value is None else value if isinstance(value, str) else str(value)


def copy_button(owner: str, show: bool, buttons: Any) -> bool:
    """Gradio 6's ``buttons=["copy"]`` (or the older ``show_copy_button=True``): a copy button,
    whose press is the ``.copy`` event. Other buttons (a ``gr.Button`` inside the field) are
    not drawn here: named in a warning."""
    listed = (
        list(buttons) if isinstance(buttons, list | tuple) else [] if buttons is None else [buttons]
    )
    others = [b for b in listed if b != "copy"]
    if others:
        warn_unsupported(owner, {"buttons": others})
    return show or "copy" in listed


class Textbox(Component):
    """A one-line or multi-line text field. The function receives a ``str``."""

    type = "textbox"
    text_like = True
    updatable: ClassVar[frozenset[str]] = frozenset(
        {"placeholder", "lines", "max_lines", "max_length", "type"}
    )

    def __init__(
        self,
        value: str | None = "",
        *,
        label: str | None = None,
        placeholder: str | None = None,
        lines: int = 1,
        max_lines: int | None = None,
        max_length: int | None = None,
        type: Literal["text", "password", "email"] = "text",
        autofocus: bool = False,
        show_copy_button: bool = False,
        buttons: list[Any] | None = None,
        text_align: Literal["left", "right"] | None = None,
        rtl: bool = False,
        autoscroll: bool = True,
        **kwargs: Any,
    ) -> None:
        if text_align not in (None, "left", "right"):
            raise DefinitionError(f"Textbox text_align must be 'left' or 'right': {text_align!r}.")
        if lines < 1:
            raise DefinitionError(f"Textbox lines must be at least 1, got {lines}.")
        if type not in ("text", "password", "email"):
            raise DefinitionError(f"Textbox type must be 'text', 'password' or 'email': {type!r}.")
        super().__init__("" if value is None else value, label=label, **kwargs)
        self.placeholder = placeholder
        self.lines = lines
        self.max_lines = max_lines
        self.max_length = max_length
        self.input_type = type
        self.autofocus = autofocus
        self.show_copy_button = copy_button("Textbox", show_copy_button, buttons)
        self.text_align, self.rtl, self.autoscroll = text_align, rtl, autoscroll

    def set_prop(self, name: str, value: Any) -> None:
        super().set_prop("input_type" if name == "type" else name, value)

    def extra_props(self) -> dict[str, Any]:
        return {
            "placeholder": self.placeholder,
            "lines": self.lines,
            "max_lines": self.max_lines,
            "max_length": self.max_length,
            "type": self.input_type,
            "autofocus": self.autofocus or None,
            "show_copy_button": self.show_copy_button or None,
            "text_align": self.text_align,
            "rtl": self.rtl or None,
            "autoscroll": None if self.autoscroll else False,
        }

    def initial_python_value(self) -> str:
        return as_text(self.value)

    def preprocess(self, value: Any) -> str:
        require_type(self, value, (str,), "text")
        if self.max_length is not None and len(value) > self.max_length:
            raise self.invalid(
                f"text is {len(value)} characters, over the limit {self.max_length}."
            )
        return str(value)

    def postprocess(self, value: Any) -> str:
        return as_text(value)


class Text(Component):
    """Plain text shown as is (line breaks kept). Grows by deltas when a generator extends it.

    Inside ``with gr.Blocks():`` it is Gradio's ``gr.Text``, a :class:`Textbox`.
    """

    type = "text"
    text_like = True
    accepts_input: ClassVar[bool] = False

    @classmethod
    def made_as(cls) -> builtins.type[Component]:
        if cls is Text and listeners.active() is not None:  # Gradio's gr.Text, in a Blocks
            return Textbox
        return cls

    def __init__(self, value: str = "", *, label: str | None = None, **kwargs: Any) -> None:
        super().__init__(value, label=label, **kwargs)

    def initial_python_value(self) -> str:
        return as_text(self.value)

    def postprocess(self, value: Any) -> str:
        return as_text(value)


class Markdown(Text):
    """Markdown rendered in the page (sanitized HTML); code blocks keep their formatting.
    ``buttons=["copy"]`` draws a button copying its source (the ``.copy`` event)."""

    type = "markdown"

    def __init__(
        self,
        value: str = "",
        *,
        label: str | None = None,
        show_copy_button: bool = False,
        buttons: list[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(value, label=label, **kwargs)
        self.show_copy_button = copy_button("Markdown", show_copy_button, buttons)

    def extra_props(self) -> dict[str, Any]:
        return {**super().extra_props(), "show_copy_button": self.show_copy_button or None}


class HTML(Text):
    """HTML shown in the page, sanitized (no scripts, no event handlers).

    With ``html_template`` / ``css_template`` / ``js_on_load`` it is Gradio's templated HTML
    (components/html_template.py): the value may be any JSON value, other keywords are the
    template's props (updatable: ``return gr.HTML(color="blue")``), and components made inside
    ``with gr.HTML(...):`` are drawn where the template says ``@children``.
    """

    type = "html"

    def __init__(
        self,
        value: Any = "",
        label: str | None = None,
        *,
        html_template: str | None = None,
        css_template: str | None = None,
        js_on_load: str | None = None,
        **kwargs: Any,
    ) -> None:
        functions = kwargs.pop("server_functions", None) or []
        if functions and js_on_load is None:
            raise DefinitionError(
                "gr.HTML(server_functions=...) needs js_on_load=: the functions are called "
                "from it (await server.fn(...))."
            )
        self.templated = any(t is not None for t in (html_template, css_template, js_on_load))
        # Gradio's **props: the template's own values (returned alone, they change the output's)
        self.template_props, kwargs = split_props(kwargs)
        if self.templated:
            # per instance: this HTML's value is data for its template, not growing text, and
            # its props are its own
            self.text_like = False  # type: ignore[misc]
            own = frozenset(self.template_props) | {"html_template", "css_template"}
            self.updatable = own  # type: ignore[misc]
        self.html_template, self.css_template, self.js_on_load = (
            html_template, css_template, js_on_load,
        )  # fmt: skip
        self.children_block: str | None = None  # the elem_id of the column @children shows
        self._children_tokens: list[Any] = []
        super().__init__(value, label=label, **kwargs)
        # after the HTML itself: their hidden JSON companions are placed behind it
        self.server_functions = server_functions.bind(functions) if functions else []
        uploads = js_on_load is not None and server_functions.USES_UPLOAD.search(js_on_load)
        self.upload_function = server_functions.bind_upload() if uploads else None

    @property
    def sends_events(self) -> frozenset[str]:
        """The events its ``js_on_load`` may send (``trigger('click')``); none without it."""
        return TEMPLATE_EVENTS if self.js_on_load else frozenset()

    @property
    def runs_js(self) -> bool:
        return self.templated

    @property
    def takes_page_input(self) -> bool:
        """Its ``js_on_load`` may set ``props.value`` (Gradio's way, html_upload): the page sends
        that value, as an input's."""
        return super().takes_page_input or self.js_on_load is not None

    def extra_props(self) -> dict[str, Any]:
        if not self.templated:
            return {}
        children = self.children_block
        return {
            "html_template": self.html_template, "css_template": self.css_template,
            "js_on_load": self.js_on_load, "props": to_plain(self.template_props),
            "children": children,
            "server_functions": {f.name: f.wire() for f in self.server_functions} or None,
            "upload": self.upload_function.wire() if self.upload_function else None,
            **{k: to_plain(v) for k, v in self.template_props.items()},
        }  # fmt: skip

    def set_prop(self, name: str, value: Any) -> None:
        if name in self.template_props:
            self.template_props = {**self.template_props, name: value}
        else:
            super().set_prop(name, value)

    def wire_props(self, names: set[str]) -> dict[str, Any]:
        wire = super().wire_props(names)
        if names & set(self.template_props):
            wire["props"] = to_plain(self.template_props)
        return wire

    def initial_python_value(self) -> Any:
        return self.value if self.templated else as_text(self.value)

    def preprocess(self, value: Any) -> Any:
        return value if self.templated else super().preprocess(value)

    def postprocess(self, value: Any) -> Any:
        return to_plain(value) if self.templated else as_text(value)

    # ---------------------------------------------------------------- with gr.HTML(...):

    def __enter__(self) -> HTML:
        """Components made inside go where the template says ``@children``."""
        parent = placement.active()
        if parent is None or not self.has_id:
            raise DefinitionError("`with gr.HTML(...):` must be inside `with gr.Blocks():`.")
        self.children_block = f"{self.id}--children"
        self._children_tokens.append(placement.enter(parent.nest(self.children_block)))
        return self

    def __exit__(self, *exc: object) -> None:
        placement.leave(self._children_tokens.pop())
