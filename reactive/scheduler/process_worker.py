"""The child side of :mod:`reactive.scheduler.processes`: a fork server and the workers it forks.

The pool starts this file as a script (``python process_worker.py REQUESTS EVENTS``), so the fork
server imports nothing but the standard library and the app's modules. It imports those once,
then forks one worker per request: a fork of an initialised process is ready in milliseconds,
where a fresh interpreter would import everything again. It never runs user functions itself.

The parent sends framed pickles on ``REQUESTS`` (a ``fork`` carries the worker's socket as an
``SCM_RIGHTS`` descriptor) and reads ``forked`` / ``exited`` events on ``EVENTS``. When the parent
goes away (EOF on ``REQUESTS``) it kills every worker it forked, reaps them and exits.

A worker reads ``call`` frames on its socket and answers ``result``, ``value`` (a generator's,
at most :data:`WINDOW` ahead of the parent's ``ack``), ``done``, ``raised`` or ``failed``.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pickle
import select
import signal
import socket
import struct
import sys
import traceback
import warnings
from collections import deque
from collections.abc import Callable
from types import ModuleType
from typing import Any, cast

#: Set in the fork server's environment, so every worker sees it while app modules are imported
#: and run: ``launch()`` must do nothing where it is set.
WORKER_ENV = "REACTIVE_PROCESS_WORKER"

#: Values a generator may send before the parent acknowledges the first of them.
WINDOW = 2

#: What precedes each pickled message: its length.
HEADER = struct.Struct("!Q")
_MAX_FDS = 16


def encode(message: object) -> bytes:
    data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data


class FrameReader:
    """Frames and passed descriptors from a blocking socket, in the order they were sent."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.fds: deque[int] = deque()
        self.messages: deque[Any] = deque()
        self._buffer = bytearray()

    def read(self) -> bool:
        """Queue every frame completed by one ``recvmsg``; False at EOF."""
        data, fds, _flags, _address = socket.recv_fds(self.sock, 1 << 16, _MAX_FDS)
        self.fds.extend(fds)
        if not data:
            return False
        self._buffer += data
        while len(self._buffer) >= HEADER.size:
            end = HEADER.size + HEADER.unpack_from(self._buffer)[0]
            if len(self._buffer) < end:
                break
            self.messages.append(pickle.loads(self._buffer[HEADER.size : end]))
            del self._buffer[:end]
        return True

    def next(self) -> Any:
        """The next frame, blocking; None at EOF."""
        while not self.messages:
            if not self.read():
                return None
        return self.messages.popleft()


def load_module(name: str, path: str | None) -> ModuleType:
    """The module ``name`` as the server has it: by name, or from ``path`` as ``reactive run``."""
    if name == "__main__":
        return _load_main(path)
    if name in sys.modules:
        return sys.modules[name]
    if path is None or "." in name:  # a package's module: its relative imports need the package
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError:
            if path is None:
                raise
    return _load_path(name, path)


def _load_path(name: str, path: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {name} from {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def _load_main(path: str | None) -> ModuleType:
    """The server's ``__main__`` (``python app.py``), run as ``__mp_main__`` like multiprocessing.

    Its ``if __name__ == "__main__":`` block does not run; pickles that name ``__main__`` resolve.
    """
    loaded = sys.modules.get("__mp_main__")
    if loaded is None or getattr(loaded, "__file__", None) != path:
        if path is None:
            raise ImportError("the server's __main__ module has no file to import")
        loaded = _load_path("__mp_main__", path)
    sys.modules["__main__"] = loaded
    return loaded


def resolve(module: str, path: str | None, qualname: str) -> Callable[..., Any]:
    found: Any = load_module(module, path)
    for part in qualname.split("."):
        found = getattr(found, part)
    if not callable(found):
        raise TypeError(f"{module}.{qualname} is not callable")
    return cast("Callable[..., Any]", found)


# --- the worker -------------------------------------------------------------------------------


class _Peer:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.frames = FrameReader(sock)
        self.in_flight = 0

    def send(self, message: object) -> None:
        self.sock.sendall(encode(message))

    def wait_for_acks(self, at_most: int) -> bool:
        """Block until at most ``at_most`` values are unacknowledged; False if the parent left."""
        while self.in_flight > at_most:
            if self.frames.next() is None:
                return False
            self.in_flight -= 1
        return True


def run_worker(sock: socket.socket) -> None:
    """Serve calls until the parent closes the socket."""
    peer = _Peer(sock)
    while (request := peer.frames.next()) is not None:
        _kind, module, path, qualname, generator, blob = request
        label = f"{module}.{qualname}()"
        try:
            fn = resolve(module, path, qualname)
            args = pickle.loads(blob)
        except Exception:
            failure = traceback.format_exc()
            peer.send(("failed", f"{label} could not be loaded in its worker process:\n{failure}"))
            continue
        _serve_call(peer, fn, args, generator, label)


def _serve_call(
    peer: _Peer, fn: Callable[..., Any], args: tuple[Any, ...], generator: bool, label: str
) -> None:
    outcome = _outcome(peer, fn, args, generator, label)
    if outcome is not None and peer.wait_for_acks(0):  # no stray ack is left for the next call
        peer.send(outcome)


def _outcome(
    peer: _Peer, fn: Callable[..., Any], args: tuple[Any, ...], generator: bool, label: str
) -> tuple[Any, ...] | None:
    """The call's last message; None when the parent left while a generator waited for it."""
    try:
        result = fn(*args)
        if not generator:
            return ("result", _pickled(result, label))
        for value in iter(result):
            peer.send(("value", _pickled(value, label)))
            peer.in_flight += 1
            if not peer.wait_for_acks(WINDOW - 1):
                return None
    except _Unpicklable as exc:
        return ("failed", str(exc))
    except BaseException as exc:  # user code's error goes to the parent
        return _raised(exc)
    return ("done",)


class _Unpicklable(Exception):
    pass


def _pickled(value: object, label: str) -> bytes:
    try:
        return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        raise _Unpicklable(
            f"{label} produced a {type(value).__name__} that cannot be sent back from its worker "
            f"process ({exc}). Return picklable values (str, numbers, lists, dicts, numpy arrays)."
        ) from None


def _raised(exc: BaseException) -> tuple[str, bytes | None, str, str, str]:
    text = "".join(traceback.format_exception(exc))
    name = f"{type(exc).__module__}.{type(exc).__qualname__}"
    blob: bytes | None = None
    if isinstance(exc, Exception):  # SystemExit and friends must not stop the server
        try:
            blob = pickle.dumps(exc, pickle.HIGHEST_PROTOCOL)
            pickle.loads(blob)  # some exceptions pickle but cannot be rebuilt
        except Exception:
            blob = None
    return ("raised", blob, name, str(exc), text)


# --- the fork server ---------------------------------------------------------------------------


class _ForkServer:
    def __init__(self, requests: socket.socket, events: socket.socket) -> None:
        self.requests = FrameReader(requests)
        self.events = events
        self.children: set[int] = set()
        self.wake_r, self.wake_w = os.pipe()
        os.set_blocking(self.wake_w, False)
        signal.set_wakeup_fd(self.wake_w)
        signal.signal(signal.SIGCHLD, lambda _signum, _frame: None)

    def send(self, message: object) -> None:
        self.events.sendall(encode(message))

    def boot(self) -> bool:
        boot = self.requests.next()
        if boot is None:
            return False
        _kind, sys_path, modules = boot
        sys.path[:] = sys_path
        errors = [error for name, path in modules if (error := _preload(name, path))]
        self.send(("ready", errors))
        return True

    def serve(self) -> None:
        while True:
            while self.requests.messages:
                self.handle(self.requests.messages.popleft())
            ready, _, _ = select.select([self.requests.sock.fileno(), self.wake_r], [], [])
            if self.wake_r in ready:
                os.read(self.wake_r, 4096)
                self.reap()
            if self.requests.sock.fileno() in ready and not self.requests.read():
                return

    def handle(self, message: tuple[Any, ...]) -> None:
        if message[0] == "fork":
            self.send(("forked", self.fork(self.requests.fds.popleft())))
        elif message[0] == "kill":
            self.kill(message[1])
        elif message[0] == "import":
            _preload(message[1], message[2])

    def fork(self, fd: int) -> int:
        with warnings.catch_warnings():  # 3.12+ warns when the app's imports started threads
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:
            self._become_worker(fd)
        os.close(fd)
        self.children.add(pid)
        return pid

    def _become_worker(self, fd: int) -> None:
        code = 0
        try:
            signal.set_wakeup_fd(-1)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            for other in (self.wake_r, self.wake_w, *self.requests.fds):
                os.close(other)
            self.requests.sock.close()
            self.events.close()
            _reseed()
            run_worker(socket.socket(fileno=fd))
        except BaseException:  # a worker must never return into the fork server
            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)

    def kill(self, pid: int) -> None:
        if pid in self.children:  # not reaped yet, so the pid cannot have been reused
            os.kill(pid, signal.SIGKILL)

    def reap(self) -> None:
        for pid in list(self.children):  # only our workers: the app may have children of its own
            reaped, status = os.waitpid(pid, os.WNOHANG)
            if reaped:
                self.children.discard(pid)
                self.send(("exited", pid, os.waitstatus_to_exitcode(status)))

    def shutdown(self) -> None:
        for pid in self.children:
            os.kill(pid, signal.SIGKILL)
        for pid in self.children:
            os.waitpid(pid, 0)


def _preload(name: str, path: str | None) -> str | None:
    try:
        load_module(name, path)
    except BaseException:  # reported to the parent, which decides
        return f"importing {name} failed:\n{traceback.format_exc()}"
    return None


def _reseed() -> None:
    """Forked workers would share numpy's global random state (``random`` reseeds itself)."""
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        numpy.random.seed()


def main(argv: list[str]) -> None:
    server = _ForkServer(socket.socket(fileno=int(argv[1])), socket.socket(fileno=int(argv[2])))
    code = 0
    try:
        if server.boot():
            server.serve()
    except (BrokenPipeError, ConnectionResetError):
        pass  # the parent is gone
    except BaseException:
        traceback.print_exc()
        code = 1
    server.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # skip interpreter teardown: the pool's close() waits for this exit


if __name__ == "__main__":
    main(sys.argv)
