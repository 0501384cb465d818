"""``rx.Interface``: the Gradio-shaped shim; small Gradio apps run with ``import reactive as gr``.

Example::

    import reactive as gr

    def greet(name):
        return "Hello " + name + "!"

    gr.Interface(fn=greet, inputs="text", outputs="text").launch()

It builds an ordinary :class:`reactive.App` (inputs in a column on the left, outputs on the
right, Clear and Submit under the inputs, examples below) on the same decorators, so
``reactive run app.py`` serves it too. Gradio arguments reactive does not support are accepted
and named in a :class:`reactive.errors.CompatibilityWarning`.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Sequence
from typing import Any

from reactive import themes
from reactive.components import (
    HTML,
    JSON,
    AnnotatedImage,
    Button,
    Chatbot,
    Checkbox,
    CheckboxGroup,
    Code,
    ColorPicker,
    Component,
    DataFrame,
    DateTime,
    Dropdown,
    File,
    Gallery,
    Image,
    ImageEditor,
    ImageMask,
    ImageSlider,
    Label,
    Markdown,
    Number,
    Paint,
    Plot,
    Radio,
    Sketchpad,
    Slider,
    State,
    Text,
    Textbox,
)
from reactive.components.base import warn_unsupported
from reactive.components.dataset import Examples
from reactive.definition.graph import output_label, parameter_names
from reactive.errors import DefinitionError
from reactive.gradio import nesting
from reactive.gradio.examples_handler import examples_table
from reactive.gradio.gradio_app import GradioApp, accordion_of

ComponentArg = Component | str
ComponentsArg = ComponentArg | Sequence[ComponentArg] | None

_SHORTCUTS: dict[str, Callable[[], Component]] = {
    "text": Textbox,
    "textbox": Textbox,
    "textarea": lambda: Textbox(lines=7),
    "number": Number,
    "slider": Slider,
    "checkbox": Checkbox,
    "checkboxgroup": CheckboxGroup,
    "radio": Radio,
    "dropdown": Dropdown,
    "colorpicker": ColorPicker,
    "image": Image,
    "pil": lambda: Image(type="pil"),
    "imageeditor": ImageEditor,
    "sketchpad": Sketchpad,
    "paint": Paint,
    "imagemask": ImageMask,
    "imageslider": ImageSlider,
    "annotatedimage": AnnotatedImage,
    "json": JSON,
    "code": Code,
    "datetime": DateTime,
    "label": Label,
    "html": HTML,
    "markdown": Markdown,
    "file": File,
    "files": lambda: File(file_count="multiple"),
    "dataframe": DataFrame,
    "numpy": lambda: DataFrame(type="numpy"),
    "gallery": Gallery,
    "plot": Plot,
    "chatbot": Chatbot,
    "state": State,
}
_MEDIA = {
    "audio": "Audio", "video": "Video", "microphone": "Audio", "webcam": "Video",
    "playable_video": "Video",
}  # fmt: skip
#: The arguments a media shortcut stands for (Gradio's "playable_video" is always an MP4).
_MEDIA_ARGUMENTS: dict[str, dict[str, Any]] = {
    "microphone": {"sources": ["microphone"]},
    "webcam": {"sources": ["webcam"]},
    "playable_video": {"format": "mp4"},
}


def media_class(name: str) -> type[Component]:
    """``Audio`` or ``Video`` from reactive.components.media, or a clear DefinitionError."""
    try:
        found = getattr(importlib.import_module("reactive.components.media"), name)
    except (ImportError, AttributeError):
        raise DefinitionError(
            f"{name} components are not available in this version of reactive yet."
        ) from None
    if not (isinstance(found, type) and issubclass(found, Component)):
        raise DefinitionError(f"reactive.components.media.{name} is not a component.")
    return found


def component_from(value: ComponentArg) -> Component:
    """A component, or one made from a Gradio string shortcut ("text", "image", ...)."""
    if isinstance(value, Component):
        return value
    if not isinstance(value, str):
        raise DefinitionError(
            f"Interface inputs and outputs are components or names like 'text'; got {value!r}."
        )
    key = value.strip().lower()
    if key in _SHORTCUTS:
        return _SHORTCUTS[key]()
    if key in _MEDIA:
        return media_class(_MEDIA[key])(**_MEDIA_ARGUMENTS.get(key, {}))
    names = ", ".join(sorted([*_SHORTCUTS, *_MEDIA]))
    raise DefinitionError(f"Unknown component name {value!r}; reactive knows: {names}.")


def input_from(value: ComponentArg) -> Component:
    """An Interface input: as :func:`component_from`, but Gradio's ``gr.Text()`` (a Textbox in
    Gradio, display-only text here) given as an input is the Textbox it stands for."""
    component = component_from(value)
    if type(component) is Text:
        args, kwargs = component.made_with
        return Textbox(*args, **kwargs)
    return component


def _as_list(value: ComponentsArg) -> list[ComponentArg]:
    if value is None:
        return []
    if isinstance(value, str | Component):
        return [value]
    return list(value)


class Interface(GradioApp):
    """A page for one function: its inputs, a Submit button, its outputs, and examples.

    Args:
        fn: the function (sync or async, plain or a generator).
        inputs: components or names ("text", "number", "image", ...), one per parameter.
        outputs: components or names, one per returned value.
        examples: rows of input values shown as a clickable table.
        live: rerun on every change instead of on Submit.
        title, description, article: the page's title, Markdown under it, and its footer.
        submit_btn, clear_btn: the buttons' labels (``clear_btn=None`` drops Clear).
        show_error: show the text of any exception (else a generic message).
        concurrency_limit: at most this many calls at once across all sessions.
        css, theme: extra CSS; a theme (``gr.themes.Soft()``) or CSS variables as a dict.
        stream_every, time_limit: with a streaming input (microphone or webcam), the seconds
            per chunk and the longest stream; such an input always streams (no Submit).
        additional_inputs: more inputs (passed after ``inputs``), shown in an accordion
            labelled ``additional_inputs_accordion`` (default "Additional Inputs", closed).
        api_name: the function's name in the API (default its ``__name__``); ``False`` hides it.
    """

    def __init__(
        self,
        fn: Callable[..., Any],
        inputs: ComponentsArg,
        outputs: ComponentsArg,
        examples: Sequence[Any] | None = None,
        *,
        live: bool = False,
        title: str | None = None,
        description: str | None = None,
        article: str | None = None,
        submit_btn: str = "Submit",
        clear_btn: str | None = "Clear",
        show_error: bool = False,
        concurrency_limit: int | str | None = None,
        css: str | None = None,
        theme: Any = None,
        stream_every: float | None = None,
        time_limit: float | None = None,
        additional_inputs: ComponentsArg | None = None,
        additional_inputs_accordion: Any = None,
        api_name: str | bool | None = None,
        **unsupported: Any,
    ) -> None:
        host = nesting.host()  # made inside `with gr.Blocks():`: placed there
        self._host = host
        self._example_rows: Sequence[Any] = examples if isinstance(examples, list | tuple) else []
        self._examples_table: Examples | None = None
        with nesting.apart():
            if unsupported:
                warn_unsupported("Interface", unsupported)
            self._additional = (_as_list(additional_inputs or []), additional_inputs_accordion)
            theme = themes.resolve(theme, "Interface")
            super().__init__(
                title or "reactive",
                description=description,
                footer=article,
                show_error=show_error,
                css=css,
                theme=theme,
            )
            self.interface_fn = fn
            limit = concurrency_limit if isinstance(concurrency_limit, int) else None
            self._stream = (stream_every, time_limit)
            self._api_name = api_name
            self._build(fn, _as_list(inputs), _as_list(outputs), examples, live, submit_btn,
                        clear_btn, limit)  # fmt: skip
        self.given_title = title
        if host is not None:
            host.nest(self, self.heading())

    def heading(self) -> list[Component]:
        return nesting.heading(self.given_title, self.description)

    @property
    def examples_handler(self) -> Examples:
        """Gradio's examples as a ``gr.Examples``: ``.dataset`` is an output a listener can
        give new samples (``return gr.Dataset(samples=[...])``)."""
        if self._examples_table is None:
            owner = self._host if self._host is not None else self
            self._examples_table = examples_table(owner, self._main, self._example_rows)
        return self._examples_table

    def _build(
        self,
        fn: Callable[..., Any],
        inputs: list[ComponentArg],
        outputs: list[ComponentArg],
        examples: Sequence[Any] | None,
        live: bool,
        submit_label: str,
        clear_label: str | None,
        limit: int | None,
    ) -> None:
        name = getattr(fn, "__name__", "fn")
        ins = [input_from(c) for c in inputs]  # made outside any block: placed in order below
        extra = [input_from(c) for c in self._additional[0]]
        outs = [component_from(c) for c in outputs]
        for component in [*ins, *extra]:
            if isinstance(component, Number):
                component.keeps_ints = True  # Gradio's rule: 5 typed arrives as int
        live = live or any(c.captures for c in ins)  # a streaming input runs as it streams
        labels = parameter_names(fn, len(ins) + len(extra))
        with self.row():
            with self.column(elem_id=f"{name}-inputs"):
                for component, label in zip(ins, labels, strict=False):
                    self._place(component, default_label=label)
                if extra:
                    title, is_open = accordion_of(self._additional[1])
                    with self.accordion(title, open=is_open):
                        for component, label in zip(extra, labels[len(ins) :], strict=True):
                            self._place(component, default_label=label)
                with self.row():
                    clear = Button(clear_label, variant="secondary") if clear_label else None
                    submit = None if live else Button(submit_label, variant="primary")
            with self.column():
                for index, component in enumerate(outs):
                    self._place(component, output_label(index, len(outs)))
        triggers: list[Component] = []
        if submit is not None:
            triggers = [submit, *(c for c in ins if isinstance(c, Textbox | Number))]
        self.fn(
            inputs=[*ins, *extra],
            outputs=outs,
            live=live and bool(ins),
            trigger=triggers or (None if ins else "load"),
            concurrency_limit=limit,
            examples=examples if examples and not isinstance(examples, str) else None,
            name=self._api_name if isinstance(self._api_name, str) else name,
            api=self._api_name is not False,
            stream_every=self._stream[0],
            time_limit=self._stream[1],
        )(fn)
        bound = self._main = self.functions[-1]
        bound.gradio_inputs = True  # a Chatbot input's history as Gradio 6 gives it
        if bound.examples is not None:
            bound.examples = dataclasses.replace(bound.examples, at=f"{name}-inputs")
        if isinstance(examples, str):
            warn_unsupported("Interface", {"examples (a folder)": examples})
        if clear is not None:
            self._clear(clear, [c for c in [*ins, *extra, *outs] if c.on_page])

    def _clear(self, button: Button, components: list[Component]) -> None:
        initial = [c.initial_python_value() for c in components]

        def clear() -> Any:
            return initial[0] if len(initial) == 1 else tuple(initial)

        self.fn(inputs=[], outputs=components, trigger=button, name="clear")(clear)
