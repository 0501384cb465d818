"""The core runtime as a person sees it, in Chromium: typing, streaming, cancelling, errors."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

from playwright.sync_api import Page, expect

import reactive as rx
from reactive.cli import load_app
from tests.browser.conftest import Serve, open_app, screenshot

DEMO = Path(__file__).parent.parent.parent / "demos" / "core.py"

# Records every text an element shows, so a test can assert what never appeared.
RECORD_TEXTS = """(selector) => {
  window.__seen = [];
  const target = document.querySelector(selector);
  new MutationObserver(() => window.__seen.push(target.textContent))
    .observe(target, {childList: true, characterData: true, subtree: true});
}"""


def test_typing_shows_the_upper_cased_text_on_every_keystroke(page: Page, serve: Serve) -> None:
    open_app(page, serve(load_app(str(DEMO))))
    page.evaluate(RECORD_TEXTS, "#shout .rx-value")
    field = page.locator("#text input")
    for typed in ["h", "he", "hel", "hell", "hello"]:
        field.press_sequentially(typed[-1])
        expect(page.locator("#shout .rx-value")).to_have_text(typed.upper())
    assert page.evaluate("window.__seen") == ["H", "HE", "HEL", "HELL", "HELLO"]
    screenshot(page, "core-typing")


def test_count_streams_each_yield_as_it_comes(page: Page, serve: Serve) -> None:
    open_app(page, serve(load_app(str(DEMO))))
    page.evaluate(RECORD_TEXTS, "#count .rx-value")
    page.locator("#go").get_by_role("button").click()
    expect(page.locator("#count .rx-value")).to_have_text("4")
    expect(page.locator("#count")).to_have_attribute("data-status", "idle")
    assert page.evaluate("window.__seen") == ["0", "1", "2", "3", "4"]


def test_fake_diffusion_shows_every_image(page: Page, serve: Serve) -> None:
    open_app(page, serve(load_app(str(DEMO))))
    page.evaluate("""() => {
      window.__images = new Set();
      const root = document.querySelector('#img');
      new MutationObserver(() => {
        const img = root.querySelector('img.rx-value');
        if (img && img.src) window.__images.add(img.src);
      }).observe(root, {subtree: true, attributes: true, childList: true});
    }""")
    page.locator("#diffuse").get_by_role("button").click()
    expect(page.locator("#img")).to_have_attribute("data-status", "running")
    expect(page.locator("#img")).to_have_attribute("data-status", "idle", timeout=10_000)
    shown = page.evaluate("window.__images.size")
    assert shown >= 8  # 10 steps, 50 ms apart: at most a couple skipped when the page is slow
    size = page.evaluate("""() => { const i = document.querySelector('#img img.rx-value');
                             return [i.naturalWidth, i.naturalHeight]; }""")
    assert size == [256, 256]
    screenshot(page, "core-diffusion")


def test_stale_runs_never_reach_the_screen(page: Page, serve: Serve) -> None:
    app = rx.App(title="stale")
    started: list[str] = []

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    async def slow(q: str) -> str:
        started.append(q)
        await asyncio.sleep(0.3)
        return f"result for {q}"

    open_app(page, serve(app))
    page.evaluate(RECORD_TEXTS, "#out .rx-value")
    page.locator("#q input").press_sequentially("abcd", delay=40)
    expect(page.locator("#out .rx-value")).to_have_text("result for abcd")
    page.wait_for_timeout(400)
    assert page.evaluate("window.__seen") == ["result for abcd"]
    assert started == ["a", "ab", "abc", "abcd"]


def test_an_error_shows_on_the_output_and_the_page_recovers(page: Page, serve: Serve) -> None:
    app = rx.App(title="errors")

    @app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
    def picky(q: str) -> str:
        if "x" in q:
            raise rx.Error("No x allowed here.")
        return q.upper()

    open_app(page, serve(app))
    page.locator("#q input").press_sequentially("ax")
    expect(page.locator("#out .rx-error")).to_have_text("No x allowed here.")
    expect(page.locator("#out")).to_have_attribute("data-status", "error")
    screenshot(page, "core-error")
    page.locator("#q input").fill("ok")
    expect(page.locator("#out .rx-value")).to_have_text("OK")
    expect(page.locator("#out .rx-error")).to_have_text("")


def test_a_bad_value_is_refused_on_the_input(page: Page, serve: Serve) -> None:
    app = rx.App(title="bad value")
    calls: list[float] = []

    @app.fn(
        inputs=rx.Number(elem_id="n", minimum=0, maximum=10),
        outputs=rx.Text(elem_id="out"),
        live=True,
    )
    def show(n: float) -> str:
        calls.append(n)
        return f"got {n}"

    open_app(page, serve(app))
    page.locator("#n input").fill("50")
    expect(page.locator("#n .rx-error")).to_contain_text("above the maximum 10")
    page.locator("#n input").fill("5")
    expect(page.locator("#out .rx-value")).to_have_text("got 5.0")
    assert calls == [5.0]


def test_generator_with_tuple_outputs_and_json(page: Page, serve: Serve) -> None:
    app = rx.App(title="tuple")

    @app.fn(
        inputs=[],
        outputs=[rx.Markdown(elem_id="md"), rx.JSON(elem_id="js")],
        trigger=rx.Button("Go", elem_id="go"),
    )
    def both() -> Iterator[tuple[str, dict[str, int]]]:
        for i in range(3):
            time.sleep(0.05)
            yield f"**step {i}**", {"step": i}

    open_app(page, serve(app))
    page.locator("#go button").click()
    expect(page.locator("#md .rx-value strong")).to_have_text("step 2")
    expect(page.locator("#js .rx-value")).to_contain_text('"step": 2')


def test_queue_position_is_shown_while_waiting(page: Page, serve: Serve) -> None:
    app = rx.App(title="queue")

    @app.fn(
        inputs=[],
        outputs=rx.Text(elem_id="out"),
        trigger=rx.Button("Go", elem_id="go"),
        concurrency_limit=1,
    )
    async def scarce() -> AsyncIterator[str]:
        yield "working"
        await asyncio.sleep(1.0)
        yield "finished"

    url = serve(app)
    other = page.context.new_page()
    open_app(page, url)
    open_app(other, url)
    page.locator("#go button").click()
    expect(page.locator("#out .rx-value")).to_have_text("working")
    other.locator("#go button").click()
    expect(other.locator("#out")).to_have_attribute("data-status", "queued")
    expect(other.locator("#out .rx-status")).to_have_text("queued: 1")
    expect(other.locator("#out .rx-value")).to_have_text("finished", timeout=5000)
