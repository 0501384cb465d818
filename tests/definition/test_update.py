"""rx.update: a function changes an output's properties for its session, checked by name."""

from __future__ import annotations

from typing import Any

import reactive as rx
from reactive.testing import AppTester


def choices_app() -> rx.App:
    app = rx.App()

    @app.fn(
        inputs=rx.Radio(["fruit", "colour"], elem_id="kind"),
        outputs=rx.Dropdown(["apple"], elem_id="pick"),
        live=True,
    )
    def change(kind: str) -> Any:
        options = ["apple", "pear"] if kind == "fruit" else ["red", "blue"]
        return rx.update(choices=options, value=options[1], label=f"A {kind}")

    return app


async def test_update_sends_new_props_and_value() -> None:
    async with AppTester(choices_app()) as page:
        await page.input("kind", "colour")
        assert await page.wait_value("pick", "blue")
        assert page.page.props["pick"] == {
            "choices": [["red", "red"], ["blue", "blue"]],
            "label": "A colour",
        }


async def test_updated_choices_are_what_the_session_accepts() -> None:
    async with AppTester(choices_app()) as page:
        await page.input("kind", "colour")
        assert await page.wait_value("pick", "blue")
        await page.input("pick", "red")  # valid now, though not among the original choices
        await page.input("pick", "apple")  # no longer valid
        error = await page.wait_error()
        assert error["code"] == "bad_value"
        assert "'apple' is not one of the choices" in error["msg"]


async def test_a_resumed_page_sees_the_updated_props() -> None:
    app = choices_app()
    async with AppTester(app) as page:
        await page.input("kind", "colour")
        assert await page.wait_value("pick", "blue")
        assert page.session is not None
        page.disconnect()
        async with AppTester(app, session_id=page.session.id, manager=page.manager) as again:
            props = again.welcome["app"]["components"]["pick"]["props"]
            assert props["choices"] == [["red", "red"], ["blue", "blue"]]
            assert props["value"] == "blue"


async def test_an_unknown_property_is_an_error_on_the_outputs() -> None:
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def hide(q: str) -> Any:
        return rx.update(visble=False)

    async with AppTester(app) as page:
        await page.input("q", "x")
        assert await page.wait_status("hide", "error")
        message = page.page.status["hide"]["msg"]
        assert "Text has no updatable property visble" in message
        assert "visible" in message


async def test_gradio_dict_updates_and_visibility_only() -> None:
    app = rx.App()

    @app.fn(
        inputs=rx.Checkbox(elem_id="on"), outputs=rx.Textbox(elem_id="box", value="k"), live=True
    )
    def toggle(on: bool) -> Any:
        return {"__type__": "update", "visible": on}

    async with AppTester(app) as page:
        await page.input("on", True)
        assert await page.wait_until(lambda: page.page.props.get("box") == {"visible": True})
        assert page.page.values["box"] == "k"  # the value was not touched
