"""An app whose one function may run once at a time across every process (a "GPU")."""

from __future__ import annotations

import os
import time

import reactive as rx

app = rx.App(title="limit", session_store=os.environ["RX_TEST_STORE"])
LOG = os.environ["RX_TEST_LOG"]


@app.fn(
    inputs=rx.Textbox(elem_id="x"),
    outputs=rx.Text(elem_id="out"),
    live=True,
    concurrency_limit=1,
    concurrency_scope="global",
)
def gpu(x: str) -> str:
    with open(LOG, "a") as log:
        log.write(f"start {time.time()} {os.getpid()}\n")
    time.sleep(0.3)
    with open(LOG, "a") as log:
        log.write(f"end {time.time()} {os.getpid()}\n")
    return f"done {x}"
