"""Stopping sync code in a worker thread, and never letting the interrupt escape."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator

from reactive.scheduler.interrupt import Interruptible


def run_in_thread(target: object) -> threading.Thread:
    thread = threading.Thread(target=target)  # type: ignore[arg-type]
    thread.start()
    return thread


def test_a_pure_python_loop_stops_at_once() -> None:
    guard = Interruptible()
    result: list[tuple[bool, object]] = []

    def spin() -> int:
        total = 0
        while True:
            total += 1

    thread = run_in_thread(lambda: result.append(guard.call(spin)))
    time.sleep(0.05)
    started = time.perf_counter()
    guard.interrupt()
    thread.join(2)
    assert not thread.is_alive()
    assert time.perf_counter() - started < 0.5
    assert result == [(False, None)]


def test_a_call_after_the_interrupt_does_not_run() -> None:
    guard = Interruptible()
    guard.interrupt()
    ran: list[int] = []
    assert guard.call(ran.append, 1) == (False, None)
    assert ran == []


def test_results_and_errors_pass_through_when_not_interrupted() -> None:
    guard = Interruptible()
    assert guard.call(lambda x: x * 2, 21) == (True, 42)
    try:
        guard.call(lambda: 1 / 0)
    except ZeroDivisionError:
        pass
    else:
        raise AssertionError("the user's exception must propagate")


def test_user_except_exception_does_not_swallow_it() -> None:
    guard = Interruptible()
    swallowed: list[bool] = []

    def careful() -> None:
        try:
            while True:
                pass
        except Exception:
            swallowed.append(True)

    thread = run_in_thread(lambda: guard.call(careful))
    time.sleep(0.02)
    guard.interrupt()
    thread.join(2)
    assert not thread.is_alive()
    assert swallowed == []


def test_an_interrupted_generator_step_runs_its_finally() -> None:
    guard = Interruptible()
    cleaned = threading.Event()

    def stream() -> Iterator[int]:
        try:
            yield 1
            while True:
                pass
        finally:
            cleaned.set()

    generator = stream()
    assert guard.call(next, generator) == (True, 1)
    thread = run_in_thread(lambda: guard.call(next, generator))
    time.sleep(0.02)
    guard.interrupt()
    thread.join(2)
    assert cleaned.is_set()


def test_interrupts_racing_the_end_of_calls_never_escape() -> None:
    escaped: list[BaseException] = []
    rng = random.Random(7)

    def short_work() -> int:
        return sum(range(rng.randint(0, 2000)))

    for _ in range(300):
        guard = Interruptible()

        def worker(guard: Interruptible = guard) -> None:
            try:
                guard.call(short_work)
                for _ in range(200):  # the caller's own code after the call
                    pass
            except BaseException as exc:  # would be an escaped interrupt
                escaped.append(exc)

        thread = run_in_thread(worker)
        time.sleep(rng.random() * 0.0005)
        guard.interrupt()
        thread.join(2)
    assert escaped == []
