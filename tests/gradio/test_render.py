"""``@gr.render``: a sub-layout rebuilt per session from its inputs, with its own listeners."""

from __future__ import annotations

from typing import Any

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


def _rendered(page: AppTester, slot: str = "render") -> dict[str, Any]:
    value = page.page.values.get(slot)
    return value if isinstance(value, dict) else {"components": {}, "fns": [], "layout": {}}


def _by_label(page: AppTester, label: str, slot: str = "render") -> str:
    """The id of the rendered component labelled ``label``."""
    for cid, spec in _rendered(page, slot)["components"].items():
        if spec["props"].get("label") == label:
            return str(cid)
    raise AssertionError(f"no rendered component labelled {label!r}")


def _labels(page: AppTester, slot: str = "render") -> list[str | None]:
    return [s["props"].get("label") for s in _rendered(page, slot)["components"].values()]


async def _wait_labels(page: AppTester, labels: list[str | None], slot: str = "render") -> bool:
    return await page.wait_until(lambda: _labels(page, slot) == labels)


def boxes_app() -> gr.Blocks:
    """A count (outside) sets how many boxes render; a merge button (outside, defined after the
    render) joins them into an outside output, through a listener bound inside the render."""
    with gr.Blocks() as demo:
        count = gr.Number(1, precision=0, elem_id="count")

        @gr.render(inputs=count)
        def boxes(n: int) -> None:
            made = [gr.Textbox(label=f"Box {i}", key=i) for i in range(int(n))]
            gr.Textbox(label="Loose")  # no key: starts afresh in every render
            merge.click(lambda *values: " ".join(values), made, merged)

        merge = gr.Button("Merge", elem_id="merge")
        merged = gr.Textbox(elem_id="merged")
    return demo


async def test_the_render_runs_on_load_and_again_when_its_input_changes() -> None:
    async with AppTester(boxes_app()) as page:
        assert page.welcome["app"]["components"]["render"]["type"] == "render"
        assert await _wait_labels(page, ["Box 0", "Loose"])
        first = _by_label(page, "Loose")
        await page.input("count", 3)
        assert await _wait_labels(page, ["Box 0", "Box 1", "Box 2", "Loose"])
        assert _by_label(page, "Loose") != first  # a new component: the old one is gone
        await page.input(first, "late")  # the page had not drawn the new render: dropped
        await page.input(_by_label(page, "Box 0"), "now")
        await page.click("merge")
        assert await page.wait_value("merged", "now  ")
        assert page.page.errors == []
        assert page.session is not None
        assert first not in page.session.values


async def test_a_keyed_component_keeps_its_value_across_renders_and_others_start_afresh() -> None:
    async with AppTester(boxes_app()) as page:
        assert await _wait_labels(page, ["Box 0", "Loose"])
        box0, loose = _by_label(page, "Box 0"), _by_label(page, "Loose")
        await page.input(box0, "kept")
        await page.input(loose, "lost")
        await page.input("count", 2)
        assert await _wait_labels(page, ["Box 0", "Box 1", "Loose"])
        assert _by_label(page, "Box 0") == box0  # the same key: the same component
        assert page.page.values[box0] == "kept"
        assert page.page.values[_by_label(page, "Loose")] == ""
        assert page.session is not None
        assert page.session.values[box0] == "kept"


async def test_an_inner_listener_reads_rendered_inputs_and_writes_an_outside_output() -> None:
    async with AppTester(boxes_app()) as page:
        assert await _wait_labels(page, ["Box 0", "Loose"])
        await page.input("count", 2)
        assert await _wait_labels(page, ["Box 0", "Box 1", "Loose"])
        await page.input(_by_label(page, "Box 0"), "hello")
        await page.input(_by_label(page, "Box 1"), "world")
        await page.click("merge")
        assert await page.wait_value("merged", "hello world")


def inner_app() -> gr.Blocks:
    """A listener bound wholly inside the render: an inner button reads an inner textbox."""
    with gr.Blocks() as demo:
        word = gr.Textbox("a", elem_id="word")
        shout = gr.Textbox(elem_id="shout")

        @gr.render(inputs=word)
        def rows(text: str) -> None:
            with gr.Row():
                inner = gr.Textbox(text, label="Inner")
                button = gr.Button("Shout")
            button.click(lambda value: value.upper(), inner, shout)

    return demo


async def test_a_listener_inside_the_render_reads_an_inner_input_and_goes_away_on_rerender() -> (
    None
):
    async with AppTester(inner_app()) as page:
        assert await _wait_labels(page, ["Inner", None])
        layout = _rendered(page)["layout"]
        assert [child["type"] for child in layout["children"]] == ["row"]
        inner = _by_label(page, "Inner")
        button = next(c for c, s in _rendered(page)["components"].items() if s["type"] == "button")
        await page.input(inner, "quiet")
        await page.click(button)
        assert await page.wait_value("shout", "QUIET")
        await page.input("word", "b")
        assert await page.wait_until(lambda: _by_label(page, "Inner") != inner)
        await page.click(button)  # the old render's button: gone with its listener
        new_inner = _by_label(page, "Inner")
        await page.input(new_inner, "new")
        new_button = next(
            c for c, s in _rendered(page)["components"].items() if s["type"] == "button"
        )
        await page.click(new_button)
        assert await page.wait_value("shout", "NEW")
        assert [e["v"] for e in page.events if e.get("c") == "shout"] == ["QUIET", "NEW"]
        assert page.page.errors == []


async def test_two_sessions_render_their_own_layouts() -> None:
    demo = boxes_app()
    async with AppTester(demo) as one, AppTester(demo, manager=one.manager) as two:
        assert await _wait_labels(one, ["Box 0", "Loose"])
        assert await _wait_labels(two, ["Box 0", "Loose"])
        await one.input("count", 3)
        assert await _wait_labels(one, ["Box 0", "Box 1", "Box 2", "Loose"])
        await two.input(_by_label(two, "Box 0"), "two's")
        await two.click("merge")
        assert await two.wait_value("merged", "two's")  # two's listener: one box
        assert _labels(two) == ["Box 0", "Loose"]
        await two.input(_by_label(one, "Loose"), "not yours")
        assert (await two.wait_error())["code"] == "unknown_component"


async def test_triggers_replace_page_load_and_input_changes() -> None:
    with gr.Blocks() as demo:
        size = gr.Slider(1, 5, value=2, step=1, elem_id="size")
        go = gr.Button("Go", elem_id="go")

        @gr.render(inputs=size, triggers=[go.click])
        def made(n: float) -> None:
            for i in range(int(n)):
                gr.Textbox(label=f"Count {i}")

    async with AppTester(demo) as page:
        await page.input("size", 3)
        await page.click("go")
        assert await _wait_labels(page, ["Count 0", "Count 1", "Count 2"])
        await page.input("size", 1)  # not a trigger: the layout stays
        await page.click("go")
        assert await _wait_labels(page, ["Count 0"])


async def test_preserved_by_key_keeps_a_property_set_by_an_inner_listener() -> None:
    with gr.Blocks() as demo:
        count = gr.Number(2, precision=0, elem_id="count")

        @gr.render(inputs=count)
        def choose(n: int) -> None:
            choice = gr.Radio(list("abcd")[: int(n)], label="Pick", key="pick",
                              preserved_by_key=["value", "label"])  # fmt: skip
            name = gr.Textbox(label="Name", key="name")
            name.change(lambda text: gr.Radio(label=text), name, choice)

    async with AppTester(demo) as page:
        assert await _wait_labels(page, ["Pick", "Name"])
        await page.input(_by_label(page, "Name"), "Letters")
        assert await page.wait_until(lambda: page.page.props.get("render.key.pick") is not None)
        await page.input("render.key.pick", "b")
        await page.input("count", 3)
        assert await page.wait_until(
            lambda: len(_rendered(page)["components"]["render.key.pick"]["props"]["choices"]) == 3
        )
        pick = _rendered(page)["components"]["render.key.pick"]["props"]
        assert pick["label"] == "Letters"
        assert pick["value"] == "b"


async def test_a_resumed_page_is_welcomed_with_the_current_sub_layout_and_values() -> None:
    demo = boxes_app()
    async with AppTester(demo) as page:
        assert await _wait_labels(page, ["Box 0", "Loose"])
        box0 = _by_label(page, "Box 0")
        await page.input(box0, "typed")
        assert page.session is not None
        page.disconnect()
        async with AppTester(demo, manager=page.manager, session_id=page.session.id) as again:
            assert again.welcome["resumed"]
            slot = again.welcome["app"]["components"]["render"]["props"]["value"]
            assert slot["components"][box0]["props"]["value"] == "typed"


async def test_an_unsupported_use_inside_a_render_fails_the_run_naming_it() -> None:
    with gr.Blocks() as demo:
        gr.Textbox(elem_id="t")

        @gr.render()
        def nested() -> None:
            @gr.render()
            def inner() -> None:
                pass

    async with AppTester(demo) as page:
        assert await page.wait_status("nested", "error")
        assert "inside another @gr.render" in page.page.status["nested"]["msg"]


def test_render_outside_blocks_and_a_generator_are_refused() -> None:
    with pytest.raises(DefinitionError, match=r"inside `with gr\.Blocks"):
        gr.render()
    with gr.Blocks(), pytest.raises(DefinitionError, match="generator"):

        @gr.render()
        def steps() -> Any:
            yield 1


async def test_a_page_event_on_an_outside_component_bound_inside_a_render_is_refused() -> None:
    with gr.Blocks() as demo:
        outside = gr.Textbox(elem_id="outside")
        shown = gr.Textbox(elem_id="shown")

        @gr.render()
        def late() -> None:
            outside.focus(lambda: "focused", None, shown)

    async with AppTester(demo) as page:
        assert await page.wait_status("late", "error")
        message = page.page.status["late"]["msg"]
        assert "Textbox.focus(...) inside @gr.render" in message
        assert "bind it outside" in message


async def test_a_page_event_on_a_rendered_component_is_listened_for_and_runs() -> None:
    with gr.Blocks() as demo:
        shown = gr.Textbox(elem_id="shown")

        @gr.render()
        def fields() -> None:
            field = gr.Textbox(label="Field")
            field.focus(lambda: "focused", None, shown)

    async with AppTester(demo) as page:
        assert await _wait_labels(page, ["Field"])
        field = _by_label(page, "Field")
        assert _rendered(page)["listen"] == {field: ["focus"]}
        assert _rendered(page)["components"][field]["props"]["events"] == ["focus"]
        await page.send({"t": "trigger", "c": field, "e": "focus"})
        assert await page.wait_value("shown", "focused")


async def test_a_chatbot_select_gives_the_clicked_message() -> None:
    with gr.Blocks() as demo:
        log = gr.Chatbot([{"role": "user", "content": "hi"}], elem_id="log")
        picked = gr.Textbox(elem_id="picked")

        def index(evt: gr.SelectData) -> str:
            return f"{evt.index} {evt.value}"

        log.select(index, None, picked)

    async with AppTester(demo) as page:
        assert page.welcome["app"]["listen"] == {"log": ["select"]}
        data = {"index": 0, "value": "hi", "selected": True}
        await page.send({"t": "trigger", "c": "log", "e": "select", "d": data})
        assert await page.wait_value("picked", "0 hi")


async def test_a_callable_value_of_a_rendered_component_is_called_at_each_render() -> None:
    calls: list[int] = []

    def stamp() -> str:
        calls.append(1)
        return f"call {len(calls)}"

    with gr.Blocks() as demo:
        go = gr.Button("Go", elem_id="go")

        @gr.render(triggers=[go.click])
        def stamped() -> None:
            gr.Textbox(value=stamp, label="Stamp")  # type: ignore[arg-type]  # Gradio: value=fn

    async with AppTester(demo) as page:
        await page.click("go")
        assert await page.wait_until(lambda: _labels(page) == ["Stamp"])
        assert page.page.values[_by_label(page, "Stamp")] == "call 1"
        await page.click("go")
        assert await page.wait_until(
            lambda: (
                _labels(page) == ["Stamp"]
                and page.page.values[_by_label(page, "Stamp")] == "call 2"
            )
        )


async def test_a_value_function_with_inputs_inside_a_render_is_refused() -> None:
    with gr.Blocks() as demo:
        source = gr.Slider(1, 5, elem_id="source")

        @gr.render()
        def follows() -> None:
            gr.Textbox(value=lambda n: f"n={n}", inputs=[source])  # type: ignore[arg-type]

    async with AppTester(demo) as page:
        assert await page.wait_status("follows", "error")
        assert "a value function with inputs= or every=" in page.page.status["follows"]["msg"]


async def test_two_renders_cannot_share_an_elem_id() -> None:
    with gr.Blocks() as demo:

        @gr.render()
        def first() -> None:
            gr.Textbox(elem_id="shared")

        @gr.render()
        def second() -> None:
            gr.Textbox(elem_id="shared")

    async with AppTester(demo) as page:
        assert await page.wait_until(
            lambda: (
                {page.page.status.get(f, {}).get("s") for f in ("first", "second")}
                == {"done", "error"}
            )
        )
        failed = next(s for s in page.page.status.values() if s["s"] == "error")
        assert "elem_id='shared'" in failed["msg"]
