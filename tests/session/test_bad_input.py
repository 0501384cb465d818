"""Issue 9, item 9: a message the session cannot handle is answered; the socket stays up."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import reactive as rx
from reactive.testing import AppTester

BAD_NAMES = ["..", "a/..", "nul\x00.wav", "é" * 200 + ".wav"]


def files_app() -> rx.App:
    app = rx.App()

    @app.fn(inputs=rx.File(elem_id="doc"), outputs=rx.Text(elem_id="doc_name"), live=True)
    def doc_name(path: str | None) -> str:
        return "none" if path is None else path.rsplit("/", 1)[-1]

    @app.fn(inputs=rx.Audio(type="filepath", elem_id="clip"), outputs=rx.Text(), live=True)
    def clip(path: str | None) -> str:
        return str(path)

    @app.fn(inputs=rx.Textbox(elem_id="ping"), outputs=rx.Text(elem_id="pong"), live=True)
    def pong(text: str) -> str:
        return text

    return app


async def still_answers(page: AppTester, token: str) -> None:
    await page.input("ping", token)
    assert await page.wait_value("pong", token)


@pytest.mark.parametrize("name", BAD_NAMES)
@pytest.mark.parametrize("component", ["doc", "clip"])
async def test_a_bad_name_in_an_input_is_a_clear_error(component: str, name: str) -> None:
    async with AppTester(files_app()) as page:
        await page.input(component, {"name": name, "mime": "audio/wav", "data": b"RIFF"})
        error = await page.wait_error()
        assert (error["code"], error["c"]) == ("bad_value", component)
        assert "rename the file" in error["msg"]
        await still_answers(page, "after")


@pytest.mark.parametrize("name", BAD_NAMES)
async def test_a_bad_name_in_an_upload_is_a_clear_error(name: str) -> None:
    async with AppTester(files_app()) as page:
        await page.upload("clip", b"RIFF0000", name, "audio/wav")
        error = await page.wait_error()
        assert (error["code"], error["c"]) == ("bad_value", "clip")
        await still_answers(page, "after")


async def test_a_good_name_after_a_bad_one_works() -> None:
    async with AppTester(files_app()) as page:
        await page.input("doc", [{"name": "..", "mime": "", "data": b"x"}])
        await page.wait_error()
        await page.input("doc", {"name": "notes.txt", "mime": "text/plain", "data": b"x"})
        assert await page.wait_value("doc_name", "notes.txt")


class Broken(rx.Textbox):
    """An input whose preprocess has a bug: not an InvalidValue, any exception."""

    def preprocess(self, value: Any) -> Any:
        raise ZeroDivisionError("a bug in preprocess")


async def test_any_exception_handling_a_message_becomes_an_error_reply(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = files_app()

    @app.fn(inputs=Broken(elem_id="broken"), outputs=rx.Text(), live=True)
    def never(text: str) -> str:
        return text

    async with AppTester(app) as page:
        await page.input("broken", "x")
        error = await page.wait_error()
        assert (error["code"], error.get("c")) == ("server_error", "broken")
        assert "ZeroDivisionError" in error["msg"]
        assert "ZeroDivisionError: a bug in preprocess" in caplog.text  # the traceback is logged
        await still_answers(page, "after")


async def test_cancellation_is_never_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    async with AppTester(files_app()) as page:
        assert page.session is not None

        def cancelled(message: object) -> None:
            raise asyncio.CancelledError

        monkeypatch.setattr(page.session, "handle", cancelled)
        with pytest.raises(asyncio.CancelledError):
            await page.send({"t": "ack", "n": 0})
