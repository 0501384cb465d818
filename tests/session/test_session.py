"""A session driven in memory: typing, streaming, cancellation, errors and bad input."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections.abc import AsyncIterator, Iterator

import pytest

import reactive as rx
from reactive.session.manager import SessionManager
from reactive.testing import AppTester
from tests.session.polling import poll


def shout_app() -> rx.App:
    app = rx.App(title="t")

    @app.fn(inputs=rx.Textbox(elem_id="text"), outputs=rx.Text(elem_id="shout"), live=True)
    def shout(text: str) -> str:
        return text.upper()

    return app


def sent_values(page: AppTester, component: str) -> list[object]:
    """Every value the server sent to ``component``, including any the page would drop."""
    return [e["v"] for e in page.events if e["t"] == "update" and e["c"] == component]


def add_ping(app: rx.App) -> None:
    """A live echo: its answer follows, in order, whatever the session queued before it."""

    @app.fn(inputs=rx.Textbox(elem_id="ping"), outputs=rx.Text(elem_id="pong"), live=True)
    def pong(ping: str) -> str:
        return ping


_PINGS = itertools.count()


async def round_trip(page: AppTester) -> None:
    """Wait until everything the session queued so far has reached the page (needs add_ping)."""
    token = f"ping {next(_PINGS)}"
    await page.input("ping", token)
    assert await page.wait_value("pong", token)


async def test_welcome_describes_components_layout_and_functions() -> None:
    async with AppTester(shout_app()) as page:
        app = page.welcome["app"]
        assert page.welcome["resumed"] is False
        assert app["components"]["text"]["type"] == "textbox"
        assert app["layout"]["children"] == ["text", "shout"]
        assert app["fns"] == [{"id": "shout", "inputs": ["text"], "outputs": ["shout"]}]


async def test_live_function_reruns_on_every_keystroke() -> None:
    async with AppTester(shout_app()) as page:
        for text in ["h", "he", "hey"]:
            await page.input("text", text)
            assert await page.wait_value("shout", text.upper())


async def test_generator_streams_every_value_in_order() -> None:
    app = rx.App()

    @app.fn(
        inputs=rx.Number(value=5, elem_id="n"),
        outputs=rx.Text(elem_id="count"),
        trigger=rx.Button("Count", elem_id="go"),
    )
    def count(n: float) -> Iterator[str]:
        for i in range(int(n)):
            time.sleep(0.02)
            yield str(i)

    async with AppTester(app) as page:
        await page.click("go")
        assert await page.wait_status("count", "done")
        shown = [e["v"] for e in page.page.applied if e["t"] == "update" and e["c"] == "count"]
        assert shown == ["0", "1", "2", "3", "4"]


async def test_superseded_async_run_is_cancelled_and_never_shown() -> None:
    app = rx.App()
    finished: list[str] = []

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    async def slow(q: str) -> str:
        await asyncio.sleep(0.1)
        finished.append(q)
        return q.upper()

    async with AppTester(app) as page:
        for text in ["a", "ab", "abc"]:
            await page.input("q", text)
            await asyncio.sleep(0.01)
        assert await page.wait_value("out", "ABC")
        assert finished == ["abc"]  # the stale runs were stopped, not run to the end
        assert sent_values(page, "out") == ["ABC"]  # the server sent nothing of them
        assert page.page.dropped == []


async def test_superseded_sync_call_runs_out_and_its_result_is_never_shown() -> None:
    app = rx.App()
    finished: list[str] = []

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def slow(q: str) -> str:
        time.sleep(0.1)
        finished.append(q)
        return q.upper()

    add_ping(app)

    async with AppTester(app) as page:
        for text in ["a", "ab", "abc"]:
            await page.input("q", text)
            await asyncio.sleep(0.01)
        assert await page.wait_value("out", "ABC")
        assert page.session is not None
        await asyncio.wait_for(page.session.threads.wait_idle(), 5)  # the abandoned calls ended
        await round_trip(page)  # whatever they left behind has reached the page by now
        # Nothing is raised into a sync call: each ran to its end, its result discarded.
        assert sorted(finished) == ["a", "ab", "abc"]
        assert sent_values(page, "out") == ["ABC"]  # nothing of "a" and "ab" was sent
        assert page.page.dropped == []


async def test_user_error_shows_on_the_function_and_the_session_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def picky(q: str) -> str:
        if q == "bad":
            raise ValueError("no bad words")
        return q

    async with AppTester(app) as page:
        await page.input("q", "bad")
        assert await page.wait_status("picky", "error")
        # The page gets a generic message (an exception's text may be private) ...
        generic = "Error in picky(). The server log has the details."
        assert page.page.status["picky"]["msg"] == generic
        # ... and the log the whole story.
        assert "Traceback" in caplog.text
        assert "no bad words" in caplog.text
        await page.input("q", "good")
        assert await page.wait_value("out", "good")
        assert await page.wait_status("picky", "done")


@pytest.mark.parametrize("where", ["app", "fn"])
async def test_show_error_puts_the_exception_text_on_the_page(where: str) -> None:
    app = rx.App(show_error=where == "app")

    @app.fn(
        inputs=rx.Textbox(elem_id="q"),
        outputs=rx.Text(elem_id="out"),
        live=True,
        show_error=True if where == "fn" else None,
    )
    def picky(q: str) -> str:
        raise ValueError("no bad words")

    async with AppTester(app) as page:
        await page.input("q", "bad")
        assert await page.wait_status("picky", "error")
        assert page.page.status["picky"]["msg"] == "ValueError: no bad words"


async def test_rx_error_message_is_shown_as_written_and_logged_in_one_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(), live=True)
    def check(q: str) -> str:
        raise rx.Error("Please type a city name.")

    async with AppTester(app) as page:
        await page.input("q", "x")
        assert await page.wait_status("check", "error")
        assert page.page.status["check"]["msg"] == "Please type a city name."
    logged = [r for r in caplog.records if "Please type a city name." in r.getMessage()]
    assert len(logged) == 1
    assert logged[0].exc_info is None  # a message for the person, not a bug: no traceback
    assert "Traceback" not in caplog.text
    assert "check() raised rx.Error: Please type a city name." in logged[0].getMessage()


async def test_tuple_results_fill_several_outputs() -> None:
    app = rx.App()

    @app.fn(
        inputs=rx.Textbox(elem_id="q"),
        outputs=[rx.Text(elem_id="up"), rx.JSON(elem_id="info")],
        live=True,
    )
    def both(q: str) -> tuple[str, dict[str, int]]:
        return q.upper(), {"length": len(q)}

    async with AppTester(app) as page:
        await page.input("q", "abc")
        assert await page.wait_value("info", {"length": 3})
        assert page.page.values["up"] == "ABC"


async def test_wrong_number_of_results_is_a_clear_error() -> None:
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=[rx.Text(), rx.Text()], live=True)
    def one(q: str) -> str:
        return q

    async with AppTester(app) as page:
        await page.input("q", "x")
        assert await page.wait_status("one", "error")
        assert "returned one value but has 2 outputs" in page.page.status["one"]["msg"]


async def test_extra_results_are_dropped_with_one_warning_as_in_gradio(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=[rx.Text(elem_id="a"), rx.Text(elem_id="b")],
            live=True)  # fmt: skip
    def three(q: str) -> tuple[str, str, str]:
        return q, q.upper(), "extra"

    async with AppTester(app) as page:
        await page.input("q", "x")
        assert await page.wait_value("b", "X")
        await page.input("q", "y")
        assert await page.wait_value("b", "Y")
        assert page.page.values["a"] == "y"
    extra = [r for r in caplog.records if "the extra ones are ignored" in r.getMessage()]
    assert len(extra) == 1  # once per function, not per call
    assert "three() returned 3 values for 2 outputs" in extra[0].getMessage()


async def test_an_output_that_is_another_functions_input_propagates() -> None:
    app = rx.App()
    middle = rx.Textbox(elem_id="middle")

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=middle, live=True)
    def first(q: str) -> str:
        return q + "!"

    @app.fn(inputs=middle, outputs=rx.Text(elem_id="out"), live=True)
    def second(text: str) -> str:
        return text.upper()

    async with AppTester(app) as page:
        await page.input("q", "hi")
        assert await page.wait_value("out", "HI!")
        assert page.page.values["middle"] == "hi!"


@pytest.mark.parametrize(
    ("message", "code", "component"),
    [
        ({"t": "input", "c": "nope", "v": 1}, "unknown_component", "nope"),
        ({"t": "input", "c": "shout", "v": "x"}, "unknown_component", "shout"),
        ({"t": "input", "c": "text", "v": 42}, "bad_value", "text"),
        ({"t": "trigger", "c": "ghost", "e": "click"}, "unknown_component", "ghost"),
        ({"t": "cancel", "f": "ghost"}, "unknown_function", None),
        ({"t": "launch"}, "bad_frame", None),
    ],
)
async def test_bad_messages_get_an_error_and_change_nothing(
    message: dict[str, object], code: str, component: str | None
) -> None:
    async with AppTester(shout_app()) as page:
        await page.send(message)
        error = await page.wait_error()
        assert error["code"] == code
        assert error.get("c") == component
        assert page.page.values["shout"] == ""  # the function was not called
        await page.input("text", "still alive")
        assert await page.wait_value("shout", "STILL ALIVE")


async def test_garbage_bytes_get_an_error_and_the_session_goes_on() -> None:
    async with AppTester(shout_app()) as page:
        await page.send_bytes(b"\xc1\xc1")
        assert (await page.wait_error())["code"] == "bad_frame"
        await page.input("text", "ok")
        assert await page.wait_value("shout", "OK")


async def test_out_of_range_number_is_refused_on_the_input() -> None:
    app = rx.App()
    calls: list[float] = []

    @app.fn(inputs=rx.Slider(1, 10, elem_id="s"), outputs=rx.Text(), live=True)
    def show(v: float) -> str:
        calls.append(v)
        return str(v)

    async with AppTester(app) as page:
        await page.input("s", 11)
        error = await page.wait_error()
        assert (error["code"], error["c"]) == ("bad_value", "s")
        assert "above the maximum 10" in error["msg"]
        assert calls == []


async def test_growing_text_travels_as_append_deltas() -> None:
    app = rx.App()
    words = [f"token{i} " for i in range(300)]

    @app.fn(inputs=[], outputs=rx.Text(elem_id="out"), trigger=rx.Button(elem_id="go"))
    async def stream() -> AsyncIterator[str]:
        text = ""
        for i, word in enumerate(words):
            text += word
            yield text
            if i % 30 == 0:
                await asyncio.sleep(0.002)  # let several batches go out

    async with AppTester(app) as page:
        await page.click("go")
        assert await page.wait_status("stream", "done")
        final = "".join(words)
        assert page.page.values["out"] == final
        assert any(e["t"] == "append" for e in page.page.applied)
        assert page.transport.sent_bytes < 2 * len(final) + 2000  # welcome and statuses


async def test_a_client_that_does_not_ack_pauses_the_generator() -> None:
    app = rx.App()
    produced: list[int] = []

    @app.fn(inputs=[], outputs=rx.Text(elem_id="out"), trigger=rx.Button(elem_id="go"))
    def chatty() -> Iterator[str]:
        for i in range(300):
            time.sleep(0.001)
            produced.append(i)
            yield "x" * 200 + str(i)

    async with AppTester(app, auto_ack=False, window_bytes=1000) as page:
        await page.click("go")
        assert page.session is not None
        gate = page.session.gate
        assert await page.wait_until(lambda: not gate.is_open)  # the window is full
        # Held at the window: unpaced (1 ms a value) it would pass 30 values in a few ms.
        assert not await poll(lambda: len(produced) >= 30, timeout=0.3)
        assert not gate.is_open
        page.auto_ack = True
        await page.send({"t": "ack", "n": page.batches})
        assert await page.wait_status("chatty", "done", timeout=10)
        assert page.page.values["out"].endswith("299")


async def test_closing_the_session_cancels_and_closes_generators() -> None:
    app = rx.App()
    closed = threading.Event()

    @app.fn(inputs=[], outputs=rx.Text(), trigger=rx.Button(elem_id="go"))
    def forever() -> Iterator[str]:
        try:
            while True:
                time.sleep(0.01)
                yield "tick"
        finally:
            closed.set()

    page = AppTester(app)
    await page.__aenter__()
    await page.click("go")
    assert await page.wait_status("forever", "running")
    await page.__aexit__(None, None, None)
    assert closed.is_set()


async def test_reconnect_within_grace_resumes_the_session() -> None:
    app = shout_app()
    manager = SessionManager(app, grace=5)
    async with AppTester(app, manager=manager) as first:
        await first.input("text", "kept")
        assert await first.wait_value("shout", "KEPT")
        first.disconnect()
        assert first.session is not None
        async with AppTester(app, manager=manager, session_id=first.session.id) as second:
            assert second.welcome["resumed"] is True
            props = second.welcome["app"]["components"]
            assert props["shout"]["props"]["value"] == "KEPT"
            assert props["text"]["props"]["value"] == "kept"


async def test_a_resumed_page_hears_again_how_each_function_s_run_stands() -> None:
    """A run that ended while its last batch was in flight on the old socket is seen to end:
    the page (or rx.Client) that resumes gets each function's newest status again."""
    app = shout_app()
    manager = SessionManager(app, grace=5)
    async with AppTester(app, manager=manager) as first:
        await first.input("text", "late")
        assert await first.wait_status("shout", "done")
        run = first.page.status["shout"]["r"]
        first.disconnect()
        assert first.session is not None
        async with AppTester(app, manager=manager, session_id=first.session.id) as second:
            assert second.welcome["resumed"] is True
            assert await second.wait_status("shout", "done")  # this page never saw the first
            assert second.page.status["shout"]["r"] == run  # the same run, not a new one


async def test_unknown_session_id_starts_a_new_session() -> None:
    async with AppTester(shout_app(), session_id="forged") as page:
        assert page.welcome["resumed"] is False
        assert page.welcome["session"] != "forged"


async def test_concurrency_limit_shows_queue_positions_across_sessions() -> None:
    app = rx.App()
    release = asyncio.Event()

    @app.fn(inputs=[], outputs=rx.Text(), trigger=rx.Button(elem_id="go"), concurrency_limit=1)
    async def scarce() -> str:
        await release.wait()
        return "done"

    manager = SessionManager(app)
    async with (
        AppTester(app, manager=manager) as a,
        AppTester(app, manager=manager) as b,
        AppTester(app, manager=manager) as c,
    ):
        await a.click("go")
        assert await a.wait_status("scarce", "running")
        await b.click("go")
        await c.click("go")
        assert await b.wait_status("scarce", "queued")
        assert await c.wait_status("scarce", "queued")
        assert (b.page.status["scarce"]["pos"], c.page.status["scarce"]["pos"]) == (1, 2)
        release.set()
        for page in (a, b, c):
            assert await page.wait_status("scarce", "done")


async def test_load_trigger_runs_when_the_page_opens() -> None:
    app = rx.App()

    @app.fn(inputs=[], outputs=rx.Text(elem_id="greeting"), trigger="load")
    def greet() -> str:
        return "welcome"

    async with AppTester(app) as page:
        assert await page.wait_value("greeting", "welcome")


async def test_function_without_trigger_gets_a_submit_button_and_enter() -> None:
    app = rx.App()

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"))
    def echo(q: str) -> str:
        return q

    async with AppTester(app) as page:
        assert "echo-submit" in page.welcome["app"]["components"]
        await page.input("q", "typed")
        await page.wait_until(lambda: False, timeout=0.05)
        assert page.page.values["out"] == ""  # not live: typing alone does not run it
        await page.submit("q")
        assert await page.wait_value("out", "typed")
        await page.input("q", "clicked")
        await page.click("echo-submit")
        assert await page.wait_value("out", "clicked")


async def test_every_image_is_sent_while_the_page_keeps_up() -> None:
    app = rx.App()

    @app.fn(inputs=[], outputs=rx.JSON(elem_id="frame"), trigger=rx.Button(elem_id="go"))
    async def frames() -> AsyncIterator[dict[str, int]]:
        for i in range(31):
            yield {"i": i}  # as fast as it can: no await in between

    async with AppTester(app) as page:
        await page.click("go")
        assert await page.wait_status("frames", "done")
        shown = [e["v"]["i"] for e in page.page.applied if e["t"] == "update" and e["c"] == "frame"]
        assert shown == list(range(31))


async def test_a_page_that_falls_behind_gets_only_the_newest_backlog() -> None:
    app = rx.App()

    @app.fn(inputs=[], outputs=rx.JSON(elem_id="frame"), trigger=rx.Button(elem_id="go"))
    async def frames() -> AsyncIterator[dict[str, int]]:
        for i in range(100):
            yield {"i": i}

    async with AppTester(app, auto_ack=False, window_bytes=1) as page:
        await page.click("go")  # the first batch fills the window: nothing more is sent
        await page.wait_until(lambda: False, timeout=0.1)
        page.auto_ack = True
        await page.send({"t": "ack", "n": page.batches})
        assert await page.wait_status("frames", "done")
        shown = [e["v"]["i"] for e in page.page.applied if e["t"] == "update" and e["c"] == "frame"]
        assert shown[-1] == 99
        assert len(shown) < 100  # the backlog was thinned, never reordered
        assert shown == sorted(shown)


def forever_app(closed: threading.Event, ticks: list[int]) -> rx.App:
    app = rx.App()

    @app.fn(inputs=[], outputs=rx.Text(elem_id="tick"), trigger=rx.Button(elem_id="go"))
    def forever() -> Iterator[str]:
        try:
            while True:
                time.sleep(0.01)
                ticks.append(len(ticks))
                yield str(len(ticks))
        finally:
            closed.set()

    return app


async def test_a_closed_socket_cancels_its_runs_promptly_but_keeps_its_values() -> None:
    closed, ticks = threading.Event(), list[int]()
    app = forever_app(closed, ticks)
    manager = SessionManager(app, grace=5, run_grace=0.05)
    async with AppTester(app, manager=manager) as first:
        await first.click("go")
        assert await first.wait_status("forever", "running")
        first.disconnect()
        assert await asyncio.to_thread(closed.wait, 2.0)  # the generator was closed
        assert first.session is not None
        assert first.session.scheduler.active_run("forever") is None
        async with AppTester(app, manager=manager, session_id=first.session.id) as second:
            assert second.welcome["resumed"] is True  # the values outlive the runs


async def test_a_quick_reconnect_keeps_the_run_going() -> None:
    closed, ticks = threading.Event(), list[int]()
    app = forever_app(closed, ticks)
    manager = SessionManager(app, grace=5, run_grace=2)
    async with AppTester(app, manager=manager) as first:
        await first.click("go")
        assert await first.wait_status("forever", "running")
        first.disconnect()
        assert first.session is not None
        async with AppTester(app, manager=manager, session_id=first.session.id) as second:
            before = len(ticks)
            assert await second.wait_until(lambda: len(ticks) > before + 5)
            assert not closed.is_set()
            assert second.session is not None
            assert second.session.scheduler.active_run("forever") is not None
