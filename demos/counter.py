"""The seed's counting generator: yields a growing count, one number every half second."""

import time
from collections.abc import Iterator

import reactive as rx

app = rx.App(title="Counter")


@app.fn(inputs=rx.Slider(1, 20, value=5, label="Count to"), outputs=rx.Text(label="Count"))
def count(n: int) -> Iterator[str]:
    for i in range(1, n + 1):
        time.sleep(0.5)
        yield " ".join(str(k) for k in range(1, i + 1))
