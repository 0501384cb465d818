"""``python driver.py URL CALLS WARMUP``: time ``gradio_client``'s ``predict`` round trips.

Prints one line ``MARKER {"predict": [ms, ...]}`` last (gradio_client prints its own lines).
"""

import json
import sys
import time

from gradio_client import Client

MARKER = "BENCH_GRADIO"


def main(url: str, calls: int, warmup: int) -> None:
    client = Client(url, verbose=False, analytics_enabled=False, download_files=False)
    for _ in range(warmup):
        client.predict("hello", api_name="/shout")
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        answer = client.predict("hello", api_name="/shout")
        times.append((time.perf_counter() - start) * 1000)
        if answer != "HELLO":
            raise SystemExit(f"predict answered {answer!r}, not 'HELLO'")
    client.close()
    print(MARKER, json.dumps({"predict": times}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
