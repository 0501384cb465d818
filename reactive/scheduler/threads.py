"""Worker threads for sync user code, and each session's honest budget of them.

A thread that runs user code cannot be stopped from outside (see ``cancel``), so a superseded
call keeps its thread until it returns. :class:`ThreadBudget` counts a thread from the moment it
starts until the moment its call really returns, not until its run was cancelled: a session
never occupies more than its limit, and a run that finds the budget full waits for a slot (a
newer run supersedes a waiting one, so only the newest input waits).

The threads come from one process-wide pool that grows on demand: a pool of fixed size would let
a few sessions stuck in blocking calls starve every other session. Each session's budget is what
bounds the total.
"""

from __future__ import annotations

import asyncio
import contextvars
import itertools
import logging
import math
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from functools import partial
from typing import Any

from reactive.scheduler.limiter import Limiter

log = logging.getLogger("reactive")

#: Threads the process-wide pool may hold; idle ones are reused before a new one starts.
MAX_WORKER_THREADS = 4096
#: An idle worker thread ends after this long without work (read at each wait: tests lower it).
IDLE_THREAD_SECONDS = 60.0
#: A function whose last call returned within this long is quick: its calls share the
#: :class:`QuickLane`'s few threads.
QUICK_SECONDS = 0.005
#: The quick lane's threads. Under a few thousand keystrokes a second a thread per call would
#: start hundreds, and more runnable threads than a few only pass the GIL around.
QUICK_THREADS = 4
#: Quick calls that waited this long while none of the lane's calls returned move to the pool,
#: each with a thread of its own: a quick function turned out to block. Longer than the GIL's
#: switch interval (5 ms), so a loop that merely held the GIL does not count as a stall.
STALL_SECONDS = 0.02


#: Work for a pool thread: it returns its hand-off to the loop (or None), run after idling.
Call = Callable[[], Callable[[], None] | None]


class _OnFirstUse:
    """A daemon helper thread, started by the first :meth:`ensure` (two at once start one)."""

    def __init__(self, target: Callable[[], None], name: str) -> None:
        self._target, self._name = target, name
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def ensure(self) -> None:
        if self._thread is None:
            with self._lock:
                if self._thread is None:
                    self._thread = threading.Thread(
                        target=self._target, name=self._name, daemon=True
                    )
                    self._thread.start()


class WorkerPool:
    """Daemon worker threads: an idle one takes the next call, else a new one starts.

    Not ``concurrent.futures.ThreadPoolExecutor``: it joins its threads when the interpreter
    exits, so one call stuck in ``time.sleep(600)`` would keep the server from stopping. Ours
    are daemon threads; a session's close has already waited for them and named the stuck ones.
    """

    def __init__(self, max_threads: int, idle_seconds: float | None = None) -> None:
        self._max = max_threads
        self._idle_seconds = idle_seconds  # None: IDLE_THREAD_SECONDS as it is at each wait
        self._calls: queue.SimpleQueue[Call] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._threads = 0
        self._idle = 0  # waiting threads not yet claimed by a submitted call
        self._unclaimed = 0  # queued calls no thread was claimed for (at the cap)
        self.returned = 0  # calls that returned so far (a measure of progress)
        #: Set when a call was queued at the cap, behind busy threads.
        self.backlogged = threading.Event()
        self._spawns: queue.SimpleQueue[None] = queue.SimpleQueue()  # threads to start
        self._spawner = _OnFirstUse(self._spawning, "reactive-spawner")
        self._started = 0  # worker threads started so far (names them)

    @property
    def threads(self) -> int:
        return self._threads

    def submit(self, call: Call) -> None:
        """Run ``call`` in a thread; what it returns (its hand-off to the loop) runs after the
        thread is marked idle, as the last thing before it waits again."""
        with self._lock:
            waits = start = False
            if self._idle:
                self._idle -= 1  # claimed: that thread takes this call
            else:
                start = self._threads < self._max  # at the cap, the call waits for a thread
                self._threads += start
                waits = not start
                self._unclaimed += waits
        self._calls.put(call)
        if waits and not self.backlogged.is_set():
            self.backlogged.set()
        if start:
            self._spawn()

    def _spawn(self) -> None:
        """Start one more worker thread, from the spawner thread: ``Thread.start`` waits until
        the new thread runs (about 100 µs), which the event loop would spend stalled, for every
        session, each time a burst of blocking calls grows the pool."""
        self._spawner.ensure()
        self._spawns.put(None)

    def _spawning(self) -> None:
        while True:
            self._spawns.get()
            with self._lock:
                name = f"reactive-worker-{self._started + 1}"
                self._started += 1
            threading.Thread(target=self._work, name=name, daemon=True).start()

    def _work(self) -> None:
        while True:
            try:
                idle = IDLE_THREAD_SECONDS if self._idle_seconds is None else self._idle_seconds
                call = self._calls.get(timeout=idle)
            except queue.Empty:
                with self._lock:
                    if not self._idle:
                        continue  # a call claimed this thread just now: it is on its way
                    self._idle -= 1
                    self._threads -= 1
                    return
            handoff = call()  # never raises: ThreadBudget hands every outcome to the loop
            with self._lock:
                if self._unclaimed:
                    self._unclaimed -= 1  # this thread takes a call that waits
                else:
                    self._idle += 1
                self.returned += 1
            # Last: the loop wakes to take the outcome while this thread is already on its
            # way to wait, so the two do not pass the GIL back and forth.
            if handoff is not None:
                handoff()

    def take_waiting(self) -> list[Call]:
        """Remove and return the calls that wait for a thread (queued at the cap)."""
        taken: list[Call] = []
        with self._lock:
            while len(taken) < self._unclaimed:
                try:
                    taken.append(self._calls.get_nowait())
                except queue.Empty:
                    break
            self._unclaimed -= len(taken)
        return taken


class QuickLane:
    """A few threads for the calls of quick functions (a keystroke's ``text.upper()``).

    Quick calls queue for these threads instead of each taking a thread of the pool. A quick
    function that turns out to block cannot hold the others up: a watcher thread, awake only
    while calls wait, moves them to the pool once ``STALL_SECONDS`` pass with none returning.
    """

    def __init__(self, pool: WorkerPool, threads: int = QUICK_THREADS) -> None:
        self._pool = pool
        self._lane = WorkerPool(threads)
        self._watcher = _OnFirstUse(self._watch, "reactive-quick-watch")

    @property
    def threads(self) -> int:
        return self._lane.threads

    def submit(self, call: Call) -> None:
        self._lane.submit(call)
        self._watcher.ensure()

    def _watch(self) -> None:
        lane = self._lane
        while True:
            lane.backlogged.wait()
            returned = lane.returned
            time.sleep(STALL_SECONDS)
            if lane.returned != returned:
                continue  # calls return: the lane keeps up, or will
            lane.backlogged.clear()  # first: a call queued from now on sets it again
            moved = lane.take_waiting()
            if not moved:
                continue
            for label in list(_running.values()):  # whatever runs now may be what blocks
                _last_seconds[label] = math.inf
            log.debug("%d quick call(s) waited: each gets a thread of its own", len(moved))
            for call in moved:
                self._pool.submit(call)


_pool: WorkerPool | None = None
_quick: QuickLane | None = None
#: Per function label, how long its last call took in its thread (seconds).
_last_seconds: dict[str, float] = {}
#: Per worker thread (its ident), the label of the call it runs now.
_running: dict[int, str] = {}
#: Functions whose calls keep their thread busy computing (:func:`_is_heavy`): a session
#: starts one only once its previous call of that function has returned.
_heavy: set[str] = set()
#: A call is heavy when it used this much CPU in its thread...
HEAVY_CPU_SECONDS = 0.02
#: ...and at least this share of its time, or :data:`HEAVY_CPU_ALWAYS` whatever the share:
#: waiting for the GIL is not CPU time, so under contention a pure-Python call's share falls
#: (0.05 with 20 others running) while its own CPU time stays what it computes.
HEAVY_CPU_SHARE = 0.1
HEAVY_CPU_ALWAYS = 0.05
#: A session's new call of a heavy function waits for its superseded one at most this long, or
#: three times the function's last call if that is longer: a stale call that hangs (a lock, a
#: call that never returns) must not keep the function from running again.
HEAVY_WAIT_SECONDS = 1.0


def _is_heavy(cpu: float, wall: float) -> bool:
    """Whether a call computed (Python bytecode, or C holding a core) rather than waited (a
    sleep, a socket, a GPU kernel): a superseded heavy call left running beside its
    successor only halves the successor's share of the GIL and of the cores."""
    return cpu >= HEAVY_CPU_ALWAYS or (cpu >= HEAVY_CPU_SECONDS and cpu >= HEAVY_CPU_SHARE * wall)


#: Computing calls a server runs at once across its sessions: its cores. Beside more, a
#: pure-Python call gains nothing (the GIL runs one at a time) while every other call, and the
#: event loop, waits longer for the GIL.
HEAVY_CALLS = os.cpu_count() or 1


class HeavyCalls:
    """The computing calls of one server's sessions running at once: at most ``slots``; the
    sessions whose next one waits are offered a slot in turn as calls return."""

    def __init__(self, slots: int = HEAVY_CALLS) -> None:
        self.slots = max(1, slots)
        self.running = 0
        self._waiting: deque[ThreadBudget] = deque()

    def full(self, budget: ThreadBudget) -> bool:
        """True when no slot is free; ``budget`` is then offered one when one frees."""
        if self.running < self.slots:
            return False
        if budget not in self._waiting:
            self._waiting.append(budget)
        return True

    def returned(self) -> None:
        self.running -= 1
        while self._waiting and self.running < self.slots:
            if self._waiting.popleft().retry_waiting():
                break


def running_labels() -> list[str]:
    """The labels of the calls the worker threads run now (any session's)."""
    return list(_running.values())


def worker_pool() -> WorkerPool:
    global _pool
    if _pool is None:
        _pool = WorkerPool(MAX_WORKER_THREADS)
    return _pool


def quick_lane() -> QuickLane:
    global _quick
    if _quick is None:
        _quick = QuickLane(worker_pool())
    return _quick


def lane_for(label: str) -> WorkerPool | QuickLane:
    """The quick lane for a function whose last call was quick, else the pool."""
    last = _last_seconds.get(label)
    return quick_lane() if last is not None and last < QUICK_SECONDS else worker_pool()


Outcome = tuple[bool, Any]  # (True, result) or (False, the exception it raised)


class ThreadCall:
    """A call running in a worker thread: ``result`` for whoever awaits it (and may be
    cancelled), :meth:`wait_returned` for a cancelled run that must outlive its thread."""

    __slots__ = ("_returned_waiter", "result", "returned")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.result: asyncio.Future[Any] = loop.create_future()
        self.returned = False
        self._returned_waiter: asyncio.Future[None] | None = None

    def finish(self, outcome: Outcome) -> None:
        """On the loop: the thread's call returned (or raised)."""
        self.returned = True
        if self._returned_waiter is not None and not self._returned_waiter.done():
            self._returned_waiter.set_result(None)
        if self.result.done():
            return  # cancelled meanwhile: a superseded run's outcome is of no interest
        ok, value = outcome
        if ok:
            self.result.set_result(value)
        else:
            self.result.set_exception(value)

    async def wait_returned(self) -> None:
        """Wait until the thread's call returned. Cancelling this wait leaves the call alone."""
        if self.returned:
            return
        if self._returned_waiter is None:
            self._returned_waiter = asyncio.get_running_loop().create_future()
        await asyncio.wait((self._returned_waiter,))


class ThreadBudget:
    """At most ``limit`` worker threads of one session running at once."""

    def __init__(self, limit: int, heavy: HeavyCalls | None = None) -> None:
        if limit < 1:
            raise ValueError(f"A thread budget needs at least 1 thread, got {limit}.")
        self.limit = limit
        #: Shared with the server's other sessions (their SessionManager's), else its own.
        self._heavy = heavy if heavy is not None else HeavyCalls()
        self._heavy_tickets: set[int] = set()
        self._free = Limiter(limit)  # FIFO: the run that waited longest gets the next thread
        self._idle = asyncio.Event()
        self._idle.set()
        self._labels: dict[int, str] = {}
        #: Per function (its key: two closures of one factory share a label, not a key), the
        #: calls running now and when the newest started (a heavy one's successor waits).
        self._keys: dict[int, str] = {}
        self._key_ticket: dict[str, int] = {}  # each key's newest call
        #: Per call in its thread, if weighed: (thread ident, its CPU time when it began).
        self._cpu_started: dict[int, tuple[int, float]] = {}
        self._running_keys: dict[str, int] = {}
        self._key_started: dict[str, float] = {}
        self._retry: asyncio.TimerHandle | None = None  # a heavy call's bounded wait
        self._tickets = itertools.count()
        #: Per waiting key (a function), the callback of its newest run waiting for a thread.
        self._when_free: dict[str, Callable[[], bool]] = {}

    @property
    def busy(self) -> int:
        """Threads of this budget whose call has not returned yet."""
        return len(self._labels)

    def running(self) -> list[str]:
        """The labels (function names) of the calls still running, oldest first."""
        return list(self._labels.values())

    async def start(self, work: Callable[[], Any], label: str) -> ThreadCall:
        """Start ``work`` in a thread once a slot is free.

        The slot is freed when ``work`` returns (or raises), whatever happened to the run that
        started it meanwhile.
        """
        if not self._free.acquire_nowait():
            await self._free.acquire(_no_position)
        loop = asyncio.get_running_loop()
        call = ThreadCall(loop)
        self._submit(loop, contextvars.copy_context(), work, label, label, call.finish)
        return call

    def start_now(
        self,
        work: Callable[[], Any],
        label: str,
        context: contextvars.Context,
        deliver: Callable[[Outcome], None],
        key: str | None = None,
    ) -> bool:
        """Start ``work`` in ``context`` in a thread if a slot is free now, else do nothing and
        return False. ``deliver`` gets its outcome on the loop once it returns.

        A heavy function (:func:`_is_heavy`) also waits while this budget still runs a call of
        it (``key``: the function; by default its label), a superseded one: started beside
        it, the new call would share the GIL (or a core) with it, and the event loop with both.
        """
        key = label if key is None else key
        known_heavy = label in _heavy
        running = self._running_keys.get(key)
        # A function no call of which has returned yet is judged by what its running call has
        # computed so far: before the first returns, a burst of keys into a computing one
        # would otherwise start a thread each.
        heavy = known_heavy or (
            running and label not in _last_seconds and self._computing_now(key)
        )
        if heavy and running and self._waits_for(key, label):
            return False
        if known_heavy and self._heavy.full(self):  # other sessions' computing calls: a core each
            return False
        if not self._free.acquire_nowait():
            return False
        ticket = self._submit(asyncio.get_running_loop(), context, work, label, key, deliver)
        if known_heavy:
            self._heavy.running += 1
            self._heavy_tickets.add(ticket)
        return True

    def _computing_now(self, key: str) -> bool:
        """Whether ``key``'s newest running call has used :data:`HEAVY_CPU_SECONDS` of CPU in
        its thread so far (one not in its thread yet counts as computing: it soon will)."""
        started = self._cpu_started.get(self._key_ticket[key])
        if started is None:
            return True
        thread, cpu = started
        try:
            now = time.clock_gettime(time.pthread_getcpuclockid(thread))
        except (AttributeError, OSError):  # no per-thread clocks here, or the thread just ended
            return False
        return now - cpu >= HEAVY_CPU_SECONDS

    def _waits_for(self, key: str, label: str) -> bool:
        """Whether a new call of heavy ``key`` should still wait for its running one; if so,
        a retry is armed for when that wait runs out."""
        bound = max(HEAVY_WAIT_SECONDS, 3 * _last_seconds.get(label, 0.0))
        loop = asyncio.get_running_loop()
        left = self._key_started[key] + bound - loop.time()
        if left <= 0:
            return False
        if self._retry is None:
            self._retry = loop.call_later(left, self._retry_due)
        return True

    def _retry_due(self) -> None:
        self._retry = None
        self.retry_waiting()

    def retry_waiting(self) -> bool:
        """Offer the runs waiting here a thread, as a release does; True if one took it (the
        ones after it wait for the next release)."""
        return any(self._when_free.pop(key)() for key in list(self._when_free))

    def _submit(
        self,
        loop: asyncio.AbstractEventLoop,
        context: contextvars.Context,
        work: Callable[[], Any],
        label: str,
        key: str,
        deliver: Callable[[Outcome], None],
    ) -> int:
        ticket = next(self._tickets)
        self._labels[ticket] = label
        self._keys[ticket] = key
        self._key_ticket[key] = ticket
        self._running_keys[key] = self._running_keys.get(key, 0) + 1
        self._key_started[key] = loop.time()  # its newest call (a heavy one's successor waits)
        self._idle.clear()
        try:
            work_in_thread = partial(self._in_thread, loop, deliver, ticket, label, context, work)
            lane_for(label).submit(work_in_thread)
        except BaseException:
            self._release(ticket)
            raise
        return ticket

    def _in_thread(
        self,
        loop: asyncio.AbstractEventLoop,
        deliver: Callable[[Outcome], None],
        ticket: int,
        label: str,
        context: contextvars.Context,
        work: Callable[[], Any],
    ) -> Callable[[], None]:
        outcome: Outcome
        thread = threading.get_ident()
        _running[thread] = label
        last = _last_seconds.get(label)
        weighed = last is None or last >= QUICK_SECONDS  # a quick call cannot be heavy
        cpu = time.thread_time() if weighed else 0.0
        if weighed:
            self._cpu_started[ticket] = (thread, cpu)  # read on the loop (_computing_now)
        started = time.monotonic()
        try:
            outcome = (True, context.run(work))
        except BaseException as exc:  # handed to the loop, which re-raises it in the run
            outcome = (False, exc)
        wall = _last_seconds[label] = time.monotonic() - started  # decides its next call's lane
        if weighed:
            used = time.thread_time() - cpu
            if _is_heavy(used, wall):
                _heavy.add(label)
            elif used < HEAVY_CPU_SECONDS:  # clearly light; between, it stays as it was
                _heavy.discard(label)
        del _running[thread]
        return partial(self._hand_over, loop, deliver, ticket, outcome)

    def _hand_over(
        self,
        loop: asyncio.AbstractEventLoop,
        deliver: Callable[[Outcome], None],
        ticket: int,
        outcome: Outcome,
    ) -> None:
        try:
            loop.call_soon_threadsafe(self._finished, deliver, ticket, outcome)
        except RuntimeError:  # the loop is closed: nobody is waiting any more
            log.debug("A worker thread ended after its event loop closed.")

    def _finished(self, deliver: Callable[[Outcome], None], ticket: int, outcome: Outcome) -> None:
        self._release(ticket)
        deliver(outcome)

    def when_free(self, key: str, callback: Callable[[], bool]) -> None:
        """Call ``callback`` on the loop when a thread of this budget frees; it returns True if it
        took it (one superseded meanwhile returns False). A key has one: a newer run's callback
        replaces the one before, which is called at once (it was superseded, so it only ends
        its run), so keystrokes into a blocked function do not pile up for the next release."""
        replaced = self._when_free.pop(key, None)
        self._when_free[key] = callback  # last: the keys wait in the order they last asked
        if replaced is not None:
            replaced()

    def _release(self, ticket: int) -> None:
        del self._labels[ticket]
        key = self._keys.pop(ticket)
        self._cpu_started.pop(ticket, None)
        left = self._running_keys[key] - 1
        if left:
            self._running_keys[key] = left
        else:
            del self._running_keys[key]
            del self._key_started[key]
        self._free.release()
        self.retry_waiting()  # those waiting now; a retry waits for the next release
        if ticket in self._heavy_tickets:
            self._heavy_tickets.discard(ticket)
            self._heavy.returned()  # a computing slot of the server: another session's turn
        if not self._labels:
            self._idle.set()

    async def wait_idle(self) -> None:
        """Wait until every thread this budget started has returned."""
        await self._idle.wait()


def _no_position(position: int) -> None:
    """A thread budget's waiters are not told their place (only the newest input waits)."""


async def outlive(call: ThreadCall) -> None:
    """Wait until a thread's call returned: a cancelled run calls this before it re-raises.

    Its thread still counts against the session's budget and the function's
    ``concurrency_limit`` until its call returns. A second cancellation (a session closing
    after its bound, the server shutting down) ends the wait; the budget still counts the
    thread until it returns.
    """
    await call.wait_returned()
