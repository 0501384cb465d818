"""``python -m benchmarks --api --gradio``'s pure parts: the driver's output, the table, n/a rows.

No network and no Gradio: the install is replaced by one that fails, the driver by its output.
"""

from __future__ import annotations

import json

import pytest

from benchmarks import api_gradio, api_table
from benchmarks.__main__ import main
from benchmarks.api_table import Figure, NotAvailable, Result
from benchmarks.peers import install


def _driver_stdout(samples: list[float]) -> str:
    noise = "Loaded as API: http://127.0.0.1:7860/ ✔\n"
    return noise + f"{api_gradio.MARKER} {json.dumps({'predict': samples})}\n"


def test_the_driver_s_round_trips_are_read_from_its_marker_line() -> None:
    samples = [float(ms) for ms in range(1, 101)]

    assert api_gradio.parse_driver_output(_driver_stdout(samples)) == samples


@pytest.mark.parametrize(
    ("stdout", "says"),
    [
        ("Loaded as API ✔\n", "no BENCH_GRADIO line"),
        ('BENCH_GRADIO {"predict": "fast"}\n', "no list of round trips"),
        ("BENCH_GRADIO [1, 2]\n", "no list of round trips"),
    ],
)
def test_a_driver_output_without_figures_is_an_n_a_row_saying_why(stdout: str, says: str) -> None:
    found = api_gradio.figure_from_driver(0, stdout, "")

    assert isinstance(found, NotAvailable)
    assert says in found.why


def test_a_failed_driver_is_an_n_a_row_with_its_exit_code_and_last_words() -> None:
    stderr = "Traceback (most recent call last):\nhttpx.ConnectError: connection refused\n"

    found = api_gradio.figure_from_driver(1, "", stderr)

    assert found == NotAvailable("driver exited 1: httpx.ConnectError: connection refused")


def test_a_figure_holds_the_median_and_the_99th_percentile() -> None:
    figure = Figure.of([float(ms) for ms in range(1, 101)])  # 1 … 100 ms

    assert figure.median == pytest.approx(50.5)
    assert figure.p99 == pytest.approx(99.01)
    assert figure.calls == 100


def _results(gradio: Result) -> dict[str, Result]:
    return {
        api_table.SOCKET_FLOOR: Figure(0.5, 1.0, 300),
        api_table.CLIENT: Figure(2.0, 4.0, 300),
        api_table.GRADIO: gradio,
        api_table.HTTP_FLOOR: Figure(1.0, 2.0, 300),
        api_table.API: Figure(3.0, 6.0, 300),
    }


def _cells(lines: list[str], target: str) -> list[str]:
    line = next(line for line in lines if line.startswith(target))
    return line[len(target) :].split()


def test_gradio_s_row_has_ratios_against_the_raw_socket_and_rx_client() -> None:
    lines = api_table.render(_results(Figure(40.0, 90.0, 300)))

    assert _cells(lines, api_table.GRADIO) == ["40.00", "90.00", "80.0", "20.0"]
    assert _cells(lines, api_table.CLIENT) == ["2.00", "4.00", "4.0", "1.0"]
    assert _cells(lines, api_table.API) == ["3.00", "6.00", "3.0"]
    assert _cells(lines, api_table.SOCKET_FLOOR) == ["0.50", "1.00", "1.0"]


def test_the_rows_keep_the_floors_next_to_their_targets() -> None:
    lines = api_table.render(_results(Figure(40.0, 90.0, 300)))

    names = [line.split("  ")[0] for line in lines[1:]]
    assert names == [api_table.SOCKET_FLOOR, api_table.CLIENT, api_table.GRADIO,
                     api_table.HTTP_FLOOR, api_table.API]  # fmt: skip


def test_a_failed_install_makes_the_gradio_row_n_a_saying_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def failing(peer: install.Peer, log: object = None) -> install.Installed:
        return install.Installed(peer, None, f"pip install {peer.requirement} failed: offline")

    monkeypatch.setattr(install, "install", failing)

    with api_gradio.gradio_app() as app:
        assert isinstance(app, NotAvailable)
        lines = api_table.render(_results(app))

    row = next(line for line in lines if line.startswith(api_table.GRADIO))
    assert row[len(api_table.GRADIO) :].strip() == "n/a: pip install gradio==6.31.0 failed: offline"
    assert _cells(lines, api_table.CLIENT)[0] == "2.00"


def test_gradio_is_only_an_option_of_the_api_benchmark(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--gradio"])

    assert "--gradio needs --api" in capsys.readouterr().err
