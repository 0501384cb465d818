"""gr.cache and gr.Cache: results kept by the content of the arguments, generators replayed,
per-session entries dropped with their session."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Generator

import numpy as np
import pytest

import reactive as gr
from reactive.errors import DefinitionError
from reactive.testing import AppTester


def test_a_cached_function_runs_once_per_content_of_its_arguments() -> None:
    calls: list[int] = []

    @gr.cache
    def total(image: np.ndarray, scale: int = 1) -> float:
        calls.append(1)
        return float(image.sum()) * scale

    assert total(np.ones((4, 4))) == 16.0
    assert total(np.ones((4, 4))) == 16.0  # another array, the same pixels: a hit
    assert total(np.ones((4, 4)), scale=1) == 16.0  # the default named: the same call
    assert total(np.ones((4, 4)), 2) == 32.0
    assert len(calls) == 2
    store = total.cache  # type: ignore[attr-defined]  # the wrapper's store
    assert len(store) == 2
    store.clear()
    total(np.ones((4, 4)))
    assert len(calls) == 3


def test_key_picks_what_counts_and_max_size_evicts_the_least_recently_used() -> None:
    calls: list[str] = []

    @gr.cache(key=lambda kw: kw["prompt"], max_size=2)
    def generate(prompt: str, temperature: float = 0.7) -> str:
        calls.append(prompt)
        return prompt.upper()

    generate("a", 0.1)
    generate("a", 0.9)  # temperature is not part of the key
    generate("b")
    generate("a")  # a is now the most recently used
    generate("c")  # evicts b
    generate("a")
    generate("b")
    assert calls == ["a", "b", "c", "b"]


def test_a_generator_is_replayed_only_once_it_ran_to_its_end() -> None:
    calls: list[int] = []

    @gr.cache
    def count(n: int) -> Generator[int]:
        calls.append(n)
        yield from range(n)

    first = count(3)
    assert next(first) == 0
    first.close()  # stopped early: not kept
    assert list(count(3)) == [0, 1, 2]
    assert list(count(3)) == [0, 1, 2]
    assert calls == [3, 3]


async def test_async_functions_and_async_generators_are_cached() -> None:
    calls: list[str] = []

    @gr.cache
    async def shout(text: str) -> str:
        calls.append(text)
        await asyncio.sleep(0)
        return text.upper()

    @gr.cache
    async def spell(text: str) -> AsyncIterator[str]:
        calls.append(f"spell {text}")
        for char in text:
            yield char

    assert [await shout("hi"), await shout("hi")] == ["HI", "HI"]
    assert [c async for c in spell("ab")] == ["a", "b"]
    assert [c async for c in spell("ab")] == ["a", "b"]
    assert calls == ["hi", "spell ab"]


def test_gr_cache_of_a_helper_at_run_time_shares_one_store() -> None:
    calls: list[str] = []

    def retrieve(question: str) -> str:
        calls.append(question)
        return f"passages for {question}"

    assert gr.cache(retrieve)("q") == gr.cache(retrieve)("q")
    assert calls == ["q"]
    with pytest.raises(DefinitionError, match=r"gr\.cache\(fn\)\(\.\.\.\)"):
        gr.cache(retrieve("q"))  # type: ignore[call-overload]  # the mistake it catches


def test_the_manual_cache_gets_sets_and_bounds_memory() -> None:
    c = gr.Cache(max_memory="1kb")
    assert c.get("city") is None
    c.set("city", forecast="Foggy")
    assert c.get("city") == {"forecast": "Foggy"}
    assert c.keys() == ["city"]
    c.set("big", blob=b"x" * 4096)  # more than the limit on its own: nothing older survives
    assert c.get("city") is None
    with pytest.raises(DefinitionError, match="max_memory"):
        gr.Cache(max_memory="lots")


async def test_a_cache_injected_by_default_and_kept_per_session() -> None:
    shared, own = gr.Cache(), gr.Cache(per_session=True)

    def lookup(city: str, c: gr.Cache = shared, mine: gr.Cache = own) -> str:
        hit = c.get(city)
        mine.set(city, seen=True)
        if hit is not None:
            return f"hit {hit['forecast']}"
        c.set(city, forecast="Foggy")
        return "computed"

    with gr.Blocks() as demo:
        city = gr.Textbox("SF", elem_id="city")
        out = gr.Textbox(elem_id="out")
        gr.Button("Go", elem_id="go").click(lookup, city, out)
    async with AppTester(demo) as page:
        await page.click("go")
        assert await page.wait_value("out", "computed")
        async with AppTester(demo) as other:
            await other.click("go")
            assert await other.wait_value("out", "hit Foggy")  # the shared cache
        assert len(own) == 1  # the other session's entry went with it
    assert len(own) == 0
