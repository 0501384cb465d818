"""Blocks listeners: each one a reactive function (click, change, input, submit, load, gr.on),
used as decorators, chained with .then / .success / .failure, cancelled with cancels=."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


async def test_click_submit_and_a_decorator_listener() -> None:
    with gr.Blocks() as demo:
        name = gr.Textbox(elem_id="name")
        out = gr.Textbox(elem_id="out")
        btn = gr.Button("Greet", elem_id="greet")
        btn.click(lambda n: f"Hello {n}!", inputs=name, outputs=out)

        @name.submit(inputs=[name], outputs=[out])  # type: ignore[untyped-decorator]
        def shout(n: str) -> str:
            return n.upper()

    assert shout("a") == "A"  # the decorator gives the function back
    async with AppTester(demo) as page:
        await page.input("name", "Ada")
        await page.click("greet")
        assert await page.wait_value("out", "Hello Ada!")
        await page.submit("name")
        assert await page.wait_value("out", "ADA")


async def test_change_follows_outputs_and_input_follows_only_the_user() -> None:
    calls: list[str] = []
    with gr.Blocks() as demo:
        src = gr.Textbox(elem_id="src")
        mid = gr.Textbox(elem_id="mid")
        by_change = gr.Textbox(elem_id="by_change")
        by_input = gr.Textbox(elem_id="by_input")
        src.input(lambda s: s * 2, src, mid)
        mid.change(lambda m: f"change:{m}", mid, by_change)

        def on_input(m: str) -> str:
            calls.append(m)
            return f"input:{m}"

        mid.input(on_input, mid, by_input)
    async with AppTester(demo) as page:
        await page.input("src", "ab")
        assert await page.wait_value("by_change", "change:abab")  # a run wrote mid: change
        assert calls == []  # .input is the user's edit only
        await page.input("mid", "x")
        assert await page.wait_value("by_input", "input:x")


async def test_load_with_every_repeats_while_the_page_is_open() -> None:
    ticks = iter(range(1, 1000))
    with gr.Blocks() as demo:
        clock = gr.Number(elem_id="clock")
        demo.load(lambda: next(ticks), None, clock, every=0.05)
    async with AppTester(demo) as page:
        assert await page.wait_until(lambda: (page.page.values.get("clock") or 0) >= 3)


async def test_load_and_on() -> None:
    with gr.Blocks() as demo:
        greeting = gr.Textbox(elem_id="greeting")
        a = gr.Textbox(elem_id="a")
        b = gr.Number(elem_id="b", value=1)
        both = gr.Textbox(elem_id="both")
        demo.load(lambda: "welcome", None, greeting)
        gr.on(triggers=[a.submit, b.change], fn=lambda x, y: f"{x}/{y}", inputs=[a, b],
              outputs=both)  # fmt: skip
        gr.on(fn=lambda x, y: f"any {x}", inputs=[a, b], outputs=greeting)
    async with AppTester(demo) as page:
        assert await page.wait_value("greeting", "welcome")
        await page.input("a", "q")
        assert await page.wait_value("greeting", "any q")  # gr.on without triggers: changes
        await page.submit("a")
        assert await page.wait_value("both", "q/1.0")  # precision=None: a float, as in Gradio
        await page.input("b", 5)
        assert await page.wait_value("both", "q/5.0")


async def test_then_success_and_failure_follow_the_outcome() -> None:
    with gr.Blocks() as demo:
        number = gr.Number(elem_id="number", value=1)
        status = gr.Textbox(elem_id="status")
        after = gr.Textbox(elem_id="after")
        go = gr.Button(elem_id="go")

        def check(n: float) -> str:
            if n < 0:
                raise gr.Error("negative")
            return "checked"

        dep = go.click(check, number, status)
        dep.success(lambda: "ok", None, after).then(lambda s: f"then saw {s}", status, status)
        dep.failure(lambda: "failed", None, after)
    async with AppTester(demo) as page:
        await page.click("go")
        assert await page.wait_value("after", "ok")
        assert await page.wait_value("status", "then saw checked")  # .then after .success
        await page.input("number", -1)
        await page.click("go")
        assert await page.wait_value("after", "failed")


async def test_cancels_stops_a_running_listener_and_breaks_its_chain() -> None:
    started, stopped = asyncio.Event(), asyncio.Event()

    async def slow() -> str:
        started.set()
        try:
            await asyncio.sleep(30)
        except asyncio.CancelledError:
            stopped.set()
            raise
        return "finished"

    with gr.Blocks() as demo:
        out = gr.Textbox(elem_id="out")
        after = gr.Textbox(elem_id="after", value="-")
        run = gr.Button(elem_id="run")
        stop = gr.Button(elem_id="stop")
        dep = run.click(slow, None, out)
        dep.then(lambda: "chained", None, after)
        stop.click(fn=None, cancels=[dep])
        marker = gr.Textbox(elem_id="marker")
        probe = gr.Button(elem_id="probe")
        probe.click(lambda: "probed", None, marker)
    async with AppTester(demo) as page:
        await page.click("run")
        await asyncio.wait_for(started.wait(), 5)
        await page.click("stop")
        await asyncio.wait_for(stopped.wait(), 5)
        assert await page.wait_status("slow", "cancelled")
        session = page.session
        assert session is not None
        await session.scheduler.wait_idle()
        await page.click("probe")  # every event before the probe's result has been applied
        assert await page.wait_value("marker", "probed")
        assert page.page.values["after"] == "-"  # a cancelled run starts no .then
        assert page.page.values["out"] == ""  # and shows no result


async def test_a_superseded_run_starts_no_then() -> None:
    followed: list[str] = []
    first_started = asyncio.Event()

    async def slow(text: str) -> str:
        if text == "first":
            first_started.set()
            await asyncio.sleep(30)  # superseded long before this ends
        return text

    def after(text: str) -> str:
        followed.append(text)
        return f"after {text}"

    with gr.Blocks() as demo:
        text = gr.Textbox(elem_id="text")
        out = gr.Textbox(elem_id="out")
        done = gr.Textbox(elem_id="done")
        text.submit(slow, text, out).then(after, out, done)
    async with AppTester(demo) as page:
        await page.input("text", "first")
        await page.submit("text")
        await asyncio.wait_for(first_started.wait(), 5)
        await page.input("text", "second")
        await page.submit("text")
        assert await page.wait_value("done", "after second")
        assert followed == ["second"]


async def test_inputs_as_a_set_give_a_dict_and_dict_results_update_a_subset() -> None:
    with gr.Blocks() as demo:
        first = gr.Textbox(elem_id="first", value="a")
        second = gr.Textbox(elem_id="second", value="b")
        left = gr.Textbox(elem_id="left", value="L")
        right = gr.Textbox(elem_id="right", value="R")
        go = gr.Button(elem_id="go")
        skip_it = gr.Button(elem_id="skip")

        def join(data: dict[Any, str]) -> dict[Any, str]:
            return {right: data[first] + data[second]}

        go.click(join, inputs={first, second}, outputs=[left, right])
        skip_it.click(lambda: (gr.skip(), "r2"), None, [left, right])
    async with AppTester(demo) as page:
        await page.click("go")
        assert await page.wait_value("right", "ab")
        await page.click("skip")
        assert await page.wait_value("right", "r2")
        assert [e for e in page.events if e.get("c") == "left"] == []  # never written
        assert page.page.values["left"] == "L"


async def test_api_name_names_the_wire_id_and_false_hides_it() -> None:
    with gr.Blocks() as demo:
        text = gr.Textbox(elem_id="text")
        text.submit(lambda t: t, text, text, api_name="echo")
        text.change(lambda t: t, text, None, api_name=False)
    echo, hidden = demo.functions
    assert (echo.id, echo.api) == ("echo", True)
    assert hidden.api is False


async def test_trigger_mode_and_a_shared_concurrency_id() -> None:
    from reactive.scheduler.policy import OnBusy

    with gr.Blocks():
        text = gr.Textbox()
        once = text.submit(lambda t: t, text, text, trigger_mode="once")
        many = text.change(lambda t: t, text, None, trigger_mode="multiple",
                           concurrency_limit=2, concurrency_id="gpu")  # fmt: skip
        other = text.blur(lambda t: t, text, None, concurrency_id="gpu", show_progress="hidden")
    assert once.function.on_busy is OnBusy.IGNORE
    assert "progress" not in once.function.describe()
    assert many.function.on_busy is OnBusy.QUEUE
    assert many.function.limiter is other.function.limiter is not None
    assert many.function.limiter.limit == 2
    assert other.function.describe()["progress"] is False  # the page paints no running state


def test_refused_arguments_name_themselves() -> None:
    with gr.Blocks():
        text = gr.Textbox()
        with pytest.raises(DefinitionError, match="js= together with a Python fn cannot be hidden"):
            text.change(lambda t: t, text, text, js="(t) => t", api_name=False)
        with pytest.raises(DefinitionError, match="does not support batch"):
            text.change(lambda t: t, text, text, batch=True)
        with pytest.raises(DefinitionError, match="does not support postprocess"):
            text.change(lambda t: t, text, text, postprocess=False)
        with pytest.raises(DefinitionError, match="more parameters than inputs"):
            text.change(lambda a, b: a, text, text)
        with pytest.raises(DefinitionError, match="cancels= takes what listeners return"):
            text.change(lambda t: t, text, text, cancels=["x"])
        with pytest.raises(DefinitionError, match=r"every= is supported on demo\.load"):
            text.change(lambda t: t, text, text, every=1)
        with pytest.raises(DefinitionError, match="js= on a chained listener"):
            text.change(lambda t: t, text, text).then(None, text, text, js="(t) => t")
        with pytest.raises(DefinitionError, match="trigger_mode must be"):
            text.change(lambda t: t, text, text, trigger_mode="sometimes")


async def test_js_true_runs_the_python_fn_on_the_server() -> None:
    # Gradio turns a js=True fn into JavaScript; the result is the same when it runs in Python.
    with gr.Blocks() as demo:
        text = gr.Textbox(elem_id="t")
        button = gr.Button("Go", elem_id="b", interactive=False)
        text.change(lambda: gr.Button(interactive=True), None, button, js=True)
        button.click(lambda: gr.Textbox(interactive=False), None, text, js=True).then(
            lambda t: None, text, None, js=False
        )
    assert all(f.js is None for f in demo.functions)
    async with AppTester(demo) as page:
        await page.input("t", "x")
        enabled = lambda: page.page.props.get("b", {}).get("interactive") is True  # noqa: E731
        assert await page.wait_until(enabled)


def test_js_only_listener_is_described_for_the_page() -> None:
    with gr.Blocks(js="() => { document.body.dataset.loaded = 'yes' }") as demo:
        text = gr.Textbox(elem_id="text")
        out = gr.Textbox(elem_id="out")
        gr.Button(elem_id="b").click(None, text, out, js="(t) => t.split('').reverse().join('')")
    fns = demo.describe()["fns"]
    load, click = fns
    assert load["triggers"] == [[None, "load"]]
    assert "loaded" in load["js"]
    assert click == {
        "id": "js-2",
        "inputs": ["text"],
        "outputs": ["out"],
        "js": "(t) => t.split('').reverse().join('')",
        "triggers": [["b", "click"]],
    }
    assert demo.graph.triggers == {}  # the page runs them; the server never does


async def test_js_beside_a_python_fn_feeds_the_fn_what_the_page_computed() -> None:
    # Gradio's order: the JavaScript runs in the page first; its result is the fn's inputs.
    seen: list[tuple[str, str]] = []

    def join(a: str, b: str) -> str:
        seen.append((a, b))
        return f"{a}+{b}"

    with gr.Blocks() as demo:
        a, b = gr.Textbox("x", elem_id="a"), gr.Textbox("y", elem_id="b")
        out = gr.Textbox(elem_id="out")
        gr.Button(elem_id="go").click(join, [a, b], out, js="(a, b) => [b, a]", api_name="join")
    (spec,) = demo.describe()["fns"]
    assert spec == {
        "id": "join",
        "inputs": ["a", "b"],
        "outputs": ["out"],
        "js": "(a, b) => [b, a]",
        "triggers": [["go", "click"]],
        "call": True,
    }
    assert demo.graph.triggers == {}  # the page calls fn once its JavaScript has answered
    async with AppTester(demo) as page:
        await page.click("go")  # other listeners of the click still hear it; fn does not run
        await page.send({"t": "call", "k": 1, "f": "join", "a": ["y", "x"]})  # as the page does
        assert await page.wait_value("out", "y+x")
        assert seen == [("y", "x")]
        assert [e for e in page.events if e["t"] == "called"] == [
            {"t": "called", "k": 1, "f": "join", "r": 1}
        ]


async def test_a_value_a_function_writes_leaves_js_listeners_to_the_page() -> None:
    # The page runs a js= change listener on the new value (and calls fn from there): the
    # server running them too would blank the JavaScript's output, or run fn twice.
    seen: list[str] = []

    def fn(t: str) -> str:
        seen.append(t)
        return f"fn:{t}"

    with gr.Blocks() as demo:
        src = gr.Textbox(elem_id="src")
        out, out2 = gr.Textbox("kept", elem_id="out"), gr.Textbox("kept", elem_id="out2")
        gr.Button(elem_id="b").click(lambda: "from py", None, src)
        src.change(None, src, out, js="(t) => t + '!'")
        src.change(fn, src, out2, js="(t) => t + '?'")
    assert demo.graph.dependents == {}
    async with AppTester(demo) as page:
        await page.click("b")
        assert await page.wait_status(demo.functions[0].id, "done")
        assert (page.page.values["out"], page.page.values["out2"], seen) == ("kept", "kept", [])


async def test_js_result_a_python_fn_cannot_take_is_refused_by_name() -> None:
    with gr.Blocks() as demo:
        choice = gr.Dropdown(["a", "b"], elem_id="c")
        out = gr.Textbox(elem_id="out")
        choice.change(lambda c: c, choice, out, js="(c) => c.toUpperCase()")
    async with AppTester(demo) as page:
        await page.send({"t": "call", "k": 1, "f": demo.functions[0].id, "a": ["A"]})
        assert await page.wait_until(lambda: any(e["t"] == "called" for e in page.events))
        (called,) = [e for e in page.events if e["t"] == "called"]
        assert called["code"] == "bad_value"
        assert "input 0" in called["msg"]
        assert page.page.values["out"] == ""  # fn never ran


def test_a_listener_that_could_never_fire_is_refused() -> None:
    with gr.Blocks():
        text = gr.Textbox()
        picture = gr.Label()
        with pytest.raises(DefinitionError, match=r"Textbox.click\(...\) is not supported"):
            text.click(lambda t: t, text, text)
        with pytest.raises(
            DefinitionError,
            match="select comes from dataframe, gallery, textbox, chatbot, annotatedimage, native",
        ):
            picture.select(lambda: None)
        with pytest.raises(DefinitionError, match="like comes from chatbot"):
            text.like(lambda: None)
        gr.Slider().release(lambda: None)  # these fire
        gr.Radio(["a"]).select(lambda: None)


async def test_a_layout_block_as_an_output_shows_and_hides() -> None:
    with gr.Blocks() as demo:
        show = gr.Checkbox(elem_id="show")
        with gr.Column(visible=False) as details:
            gr.Textbox(elem_id="inside")
        with gr.Row(elem_id="tools") as tools:
            gr.Button(elem_id="tool")
        show.change(lambda v: gr.update(visible=v), show, details)
        show.change(lambda v: {tools: gr.update(visible=not v)}, show, [tools])
    spec = demo.describe()
    column = spec["layout"]["children"][1]
    target = column["props"]["elem_id"]
    stand_ins = {c: s["props"] for c, s in spec["components"].items() if s["type"] == "layoutblock"}
    assert sorted(p["target"] for p in stand_ins.values()) == sorted([target, "tools"])
    details_id = next(c for c, p in stand_ins.items() if p["target"] == target)
    tools_id = next(c for c, p in stand_ins.items() if p["target"] == "tools")
    assert stand_ins[details_id]["visible"] is False
    async with AppTester(demo) as page:
        await page.input("show", True)
        assert await page.wait_until(
            lambda: (
                page.page.props.get(details_id, {}).get("visible") is True
                and page.page.props.get(tools_id, {}).get("visible") is False
            )
        )
    with gr.Blocks():
        row = gr.Row()
        text = gr.Textbox()
        with pytest.raises(DefinitionError, match="can be an output"):
            text.change(lambda r: r, row, None)


async def test_a_timer_ticks_its_listeners() -> None:
    ticks = iter(range(1, 1000))
    with gr.Blocks() as demo:
        clock = gr.Number(elem_id="clock")
        timer = gr.Timer(0.05)
        timer.tick(lambda: next(ticks), None, clock)
    assert "timer" not in demo.describe()["components"]  # not drawn
    async with AppTester(demo) as page:
        assert await page.wait_until(lambda: (page.page.values.get("clock") or 0) >= 3)
