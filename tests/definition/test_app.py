"""Definition mistakes raise at import time, naming the function and the fix."""

from __future__ import annotations

import pytest

import reactive as rx
from reactive.errors import DefinitionError


def test_arity_mismatch_names_the_function_and_its_parameters() -> None:
    app = rx.App()
    with pytest.raises(
        DefinitionError, match=r"add\(\) takes 2 parameter\(s\) \(a, b\) but inputs= lists 1"
    ):

        @app.fn(inputs=rx.Number(), outputs=rx.Number())
        def add(a: float, b: float) -> float:
            return a + b


def test_defaults_and_varargs_are_accepted() -> None:
    app = rx.App()

    @app.fn(inputs=[rx.Number()], outputs=rx.Number(), live=True)
    def f(a: float, b: float = 1.0, *rest: float) -> float:
        return a + b

    assert app.functions[0].id == "f"


def test_non_component_inputs_are_refused() -> None:
    app = rx.App()
    with pytest.raises(DefinitionError, match=r"f\(\): inputs must be reactive components.*'text'"):

        @app.fn(inputs="text", outputs=rx.Text())  # type: ignore[arg-type]
        def f(x: str) -> str:
            return x


def test_unknown_policy_lists_the_choices() -> None:
    app = rx.App()
    with pytest.raises(DefinitionError, match="on_busy must be one of 'latest', 'queue', 'ignore'"):

        @app.fn(inputs=rx.Textbox(), outputs=rx.Text(), on_busy="newest")
        def f(x: str) -> str:
            return x


def test_a_repeated_elem_id_is_accepted_as_gradio_does() -> None:
    app = rx.App()
    first, second = rx.Textbox(elem_id="x"), rx.Text(elem_id="x")

    @app.fn(inputs=first, outputs=second, live=True)
    def f(x: str) -> str:
        return x

    assert (first.id, second.id) == ("x", "x-2")
    assert app.components["x"] is first
    assert app.components["x-2"] is second


def test_live_without_inputs_is_refused() -> None:
    app = rx.App()
    with pytest.raises(DefinitionError, match=r"live=True .* no inputs"):

        @app.fn(inputs=[], outputs=rx.Text(), live=True)
        def f() -> str:
            return ""


def test_display_only_component_as_first_input_is_refused() -> None:
    app = rx.App()
    with pytest.raises(DefinitionError, match="Text is display-only"):

        @app.fn(inputs=rx.Text(), outputs=rx.Text(), live=True)
        def f(x: str) -> str:
            return x


def test_components_are_placed_in_order_of_first_use_with_generated_ids() -> None:
    app = rx.App()
    shared = rx.Textbox()

    @app.fn(inputs=shared, outputs=rx.Text(), live=True)
    def a(x: str) -> str:
        return x

    @app.fn(inputs=shared, outputs=rx.Text(), trigger=rx.Button("Go"))
    def b(x: str) -> str:
        return x

    assert list(app.components) == ["textbox", "text", "button", "text-2"]
    assert app.describe()["layout"]["children"] == list(app.components)


def test_same_function_name_twice_gets_distinct_ids() -> None:
    app = rx.App()

    def f(x: str) -> str:
        return x

    app.fn(inputs=rx.Textbox(), outputs=rx.Text(), live=True)(f)
    app.fn(inputs=rx.Textbox(), outputs=rx.Text(), live=True)(f)
    assert [fn.id for fn in app.functions] == ["f", "f-2"]


def test_unlabelled_inputs_get_the_parameter_names_and_outputs_gradios_output_n() -> None:
    app = rx.App()
    named = rx.Number(label="Kept")

    @app.fn(inputs=[rx.Textbox(), named], outputs=[rx.Text(), rx.Text()], live=True)
    def split(text: str, n: float) -> tuple[str, str]:
        return text, str(n)

    labels = [c.label for c in app.components.values()]
    assert labels == ["text", "Kept", "output 0", "output 1"]


def test_a_button_a_function_changes_stays_clickable() -> None:
    with rx.Blocks() as demo:
        hide = rx.Button("Hide", elem_id="hide")
        clear = rx.ClearButton(elem_id="clear")
        shown = rx.Textbox(elem_id="shown")
        hide.click(lambda: [rx.Button(visible=False), rx.ClearButton(visible=False)], None,
                   [hide, clear])  # fmt: skip
        hide.click(lambda: "x", None, shown)
    components = demo.describe()["components"]
    assert components["hide"]["props"]["interactive"] is True
    assert components["clear"]["props"]["interactive"] is True
    assert components["shown"]["props"]["interactive"] is False  # an output only
