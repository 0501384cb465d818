"""An app whose functions run in worker processes (``run_in="process"``), for session tests.

Each run records itself as a file in ``$RX_TEST_RUNS_DIR`` (processes share no memory).
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import reactive as rx

app = rx.App(title="Processes")


def _record(kind: str, value: str) -> None:
    folder = os.environ.get("RX_TEST_RUNS_DIR")
    if folder:
        (Path(folder) / f"{kind}-{uuid.uuid4().hex}").write_text(value)


@app.fn(inputs=rx.Textbox(elem_id="q"), outputs=rx.Text(elem_id="out"), live=True, run_in="process")
def slow_upper(q: str) -> str:
    _record("started", q)
    time.sleep(0.2)  # a C call: only killing the process stops it early
    _record("finished", q)
    return q.upper()


@app.fn(
    inputs=rx.Number(3, elem_id="n"),
    outputs=rx.Text(elem_id="count"),
    trigger=rx.Button("Count", elem_id="go"),
    run_in="process",
)
def count(n: float) -> Iterator[str]:
    for i in range(int(n)):
        yield f"{i} in {os.getpid()}"


@app.fn(
    inputs=rx.Textbox(elem_id="bad"),
    outputs=rx.Text(elem_id="bad_out"),
    live=True,
    run_in="process",
)
def picky(text: str) -> str:
    if text == "boom":
        raise rx.Error("No booms, please.")
    if text == "lambda":
        return lambda: None  # type: ignore[return-value]  # cannot be pickled back
    return text
