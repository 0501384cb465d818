"""rx.App(session_store="redis://..."): values kept in a real redis-server as they change, and a
session resumed from there by another manager (another process), with its values."""

from __future__ import annotations

import logging

import pytest
import redis

import reactive as rx
from reactive.errors import DefinitionError
from reactive.session.manager import MOVED, SessionManager
from reactive.session.store import KEY_PREFIX, SessionStore
from reactive.session.values import Values
from reactive.testing import AppTester
from tests.session.polling import poll


def make_app(url: str | None, ttl: float = 3600.0) -> rx.App:
    app = rx.App(title="kept", session_store=url, session_ttl=ttl)

    @app.fn(
        inputs=[rx.Textbox(elem_id="a"), rx.Textbox(elem_id="b")],
        outputs=rx.Text(elem_id="out"),
        live=True,
    )
    def join(a: str, b: str) -> str:
        return f"{a}+{b}"

    return app


async def test_a_restored_session_does_not_run_its_load_functions_again(store_url: str) -> None:
    def with_load(url: str) -> tuple[rx.App, list[str]]:
        app = make_app(url)
        loads: list[str] = []

        @app.fn(inputs=None, outputs=rx.Text(elem_id="greeting"), trigger="load")
        def greet() -> str:
            loads.append("load")
            return f"hello {len(loads)}"

        return app, loads

    app, first_loads = with_load(store_url)
    async with AppTester(app, manager=SessionManager(app)) as first:
        assert await first.wait_value("greeting", "hello 1")
        assert first_loads == ["load"]
        old = first.welcome["session"]
        assert await poll(lambda: "s:greeting" in fields(store_url, old), 5)
    other, other_loads = with_load(store_url)
    async with AppTester(other, manager=SessionManager(other), session_id=old) as second:
        assert await second.wait_until(lambda: any(t["msg"] == MOVED for t in second.page.toasts))
        assert second.page.values["greeting"] == "hello 1"
        assert other_loads == []  # shown as it was, not loaded again


def fields(url: str, session_id: str) -> dict[str, bytes]:
    client = redis.Redis.from_url(url)
    try:
        stored: dict[bytes, bytes] = client.hgetall(KEY_PREFIX + session_id)  # type: ignore[assignment]
        return {k.decode(): v for k, v in stored.items()}
    finally:
        client.close()


async def test_a_session_resumes_from_the_store_in_another_manager(store_url: str) -> None:
    app = make_app(store_url)
    async with AppTester(app, manager=SessionManager(app)) as first:
        await first.input("a", "left")
        await first.input("b", "right")
        assert await first.wait_value("out", "left+right")
        old = first.welcome["session"]
        assert await poll(lambda: {"p:a", "p:b", "s:out"} <= set(fields(store_url, old)), 5)

    other = make_app(store_url)  # another process: same app, nothing in memory
    async with AppTester(other, manager=SessionManager(other), session_id=old) as second:
        assert second.welcome["resumed"] is True
        assert second.welcome["session"] != old  # its runs start afresh under a new id
        assert second.page.values == {"a": "left", "b": "right", "out": "left+right"}
        assert await second.wait_until(lambda: any(t["msg"] == MOVED for t in second.page.toasts))
        await second.input("b", "again")  # the function gets the restored "a" too
        assert await second.wait_value("out", "left+again")
        new = second.welcome["session"]
        assert await poll(lambda: fields(store_url, new).keys() >= {"p:a", "p:b", "s:out"}, 5)


async def test_an_unknown_session_starts_afresh(store_url: str) -> None:
    app = make_app(store_url)
    async with AppTester(app, manager=SessionManager(app), session_id="never-seen") as page:
        assert page.welcome["resumed"] is False
        assert page.page.values["a"] == ""


async def test_a_burst_of_keystrokes_is_one_write_with_a_ttl(store_url: str) -> None:
    app = make_app(store_url, ttl=120)
    client = redis.Redis.from_url(store_url)
    client.config_resetstat()
    async with AppTester(app, manager=SessionManager(app)) as page:
        for index in range(100):
            await page.input("a", "x" * index)
        sid = page.welcome["session"]
        assert await poll(lambda: fields(store_url, sid).get("p:a") == b"\xd9\x63" + b"x" * 99, 5)
        assert 0 < client.ttl(KEY_PREFIX + sid) <= 120
        hsets = client.info("commandstats").get("cmdstat_hset", {}).get("calls", 0)
        assert hsets < 20, f"100 keystrokes made {hsets} writes: they should be coalesced"
    client.close()


async def test_a_value_too_large_is_not_kept(store_url: str) -> None:
    app = make_app(store_url)
    manager = SessionManager(app)
    assert manager.kept is not None
    manager.kept.max_value_bytes = 1000
    async with AppTester(app, manager=manager) as page:
        await page.input("a", "small")
        await page.input("b", "y" * 5000)
        sid = page.welcome["session"]
        assert await poll(lambda: "p:a" in fields(store_url, sid), 5)
        await manager.kept.flush()
        assert "p:b" not in fields(store_url, sid)


async def test_without_a_store_nothing_watches_the_values() -> None:
    app = make_app(None)
    async with AppTester(app) as page:
        assert page.manager.kept is None
        assert page.session is not None
        assert page.session.store.watch is None


async def test_a_store_that_is_down_is_logged_and_the_page_goes_on(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = make_app("redis://127.0.0.1:1/0")  # nothing listens on port 1
    with caplog.at_level(logging.WARNING, "reactive"):
        async with AppTester(app, manager=SessionManager(app), session_id="gone") as page:
            assert page.welcome["resumed"] is False  # the read failed: a fresh session
            await page.input("a", "typed")
            assert await page.wait_value("out", "typed+")
            assert page.manager.kept is not None
            await page.manager.kept.flush()
    assert "could not be read" in caplog.text
    assert "could not be written" in caplog.text


def test_a_store_must_be_a_redis_url() -> None:
    with pytest.raises(DefinitionError, match="session_store must be a Redis URL"):
        rx.App(session_store="memcached://127.0.0.1")
    with pytest.raises(DefinitionError, match="session_ttl must be positive"):
        rx.App(session_ttl=0)


def test_media_values_are_not_kept() -> None:
    components = {"img": rx.Image(), "t": rx.Textbox()}
    store = SessionStore("redis://127.0.0.1:1/0", 60, components)
    values = Values(components)
    values.watch = store.watcher("s1", values)
    values.set_from_page("img", None, {"url": "/file/here-only.png"})
    assert store.pending == 0  # a file of this host: another could not show it
    values.set_from_page("t", "typed", "typed")
    assert store.pending == 1


async def test_a_resume_in_the_same_process_keeps_its_id_and_says_nothing(store_url: str) -> None:
    app = make_app(store_url)
    manager = SessionManager(app)
    async with AppTester(app, manager=manager) as first:
        await first.input("a", "kept")
        assert await first.wait_value("out", "kept+")
        first.disconnect()
        again = AppTester(app, manager=manager, session_id=first.welcome["session"])
        await again.__aenter__()  # the same manager: closed once, by the outer block
        assert again.welcome["resumed"] is True
        assert again.welcome["session"] == first.welcome["session"]
        await again.input("b", "more")
        assert await again.wait_value("out", "kept+more")
        assert not any(t["msg"] == MOVED for t in again.page.toasts)


async def test_a_change_after_the_first_write_is_written_too(store_url: str) -> None:
    """Each flush takes the pending changes and starts anew: a session's later changes reach
    Redis as well (they once went into the dict the first flush had taken, and were lost)."""
    app = make_app(store_url)
    async with AppTester(app, manager=SessionManager(app)) as page:
        session = page.welcome["session"]
        await page.input("a", "first")
        assert await poll(lambda: fields(store_url, session).get("p:a") is not None, 5)
        await page.input("b", "later")
        assert await poll(lambda: fields(store_url, session).get("p:b") is not None, 5)
        await page.input("a", "again")
        assert await poll(lambda: fields(store_url, session).get("p:a", b"").endswith(b"again"), 5)


async def test_a_restored_session_renders_its_gr_render_layout_again(store_url: str) -> None:
    import reactive as gr

    def render_app() -> gr.Blocks:
        with gr.Blocks() as demo:
            word = gr.Textbox("ab", elem_id="word")

            @gr.render(inputs=word)
            def letters(text: str) -> None:
                for letter in text:
                    gr.Textbox(letter, label=letter)

        demo.session_store = store_url  # as gr.Blocks takes no session_store= of its own
        return demo

    def labels(page: AppTester) -> list[str]:
        slot = page.page.values.get("render") or {"components": {}}
        return [c["props"]["label"] for c in slot["components"].values()]

    app = render_app()
    async with AppTester(app, manager=SessionManager(app)) as first:
        await first.input("word", "xyz")
        assert await first.wait_until(lambda: labels(first) == ["x", "y", "z"])
        old = first.welcome["session"]
        assert await poll(lambda: "p:word" in fields(store_url, old), 5)
    other = render_app()
    async with AppTester(other, manager=SessionManager(other), session_id=old) as second:
        assert second.welcome["resumed"]
        assert await second.wait_until(lambda: labels(second) == ["x", "y", "z"])
