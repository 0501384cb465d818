"""The app the deployment tests serve: says which process answered, and streams on request."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator

import reactive as rx

app = rx.App(title="deploy", session_store=os.environ.get("RX_TEST_STORE") or None)


@app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True)
def shout(q: str) -> str:
    return f"{q.upper()}@{os.getpid()}"


@app.fn(inputs=rx.Textbox(elem_id="go"), outputs=rx.Text(elem_id="stream"), live=True)
async def count(go: str) -> AsyncIterator[str]:
    """A long stream: one tick every 100 ms while ``go`` is set."""
    tick = 0
    while go:
        yield f"{go}:{tick}"
        tick += 1
        await asyncio.sleep(0.1)
