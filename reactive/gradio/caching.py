"""``gr.cache`` and ``gr.Cache``: a function's results kept by the content of its arguments.

Example::

    @gr.cache
    def classify(image):            # a second call with equal pixels returns at once
        return model.predict(image)

    @gr.cache(key=lambda kw: kw["prompt"], max_size=256, per_session=True)
    def generate(prompt, temperature=0.7): ...

    def lookup(city, c=gr.Cache()):  # manual control: get / set / keys
        hit = c.get(city)
        ...

A generator's yields (sync or async) are kept once it has run to its end and replayed on a
hit; one stopped early is not kept. ``per_session=True`` keeps each session's entries apart and
drops them when the session ends. Eviction is least recently used, by count (``max_size``,
0: no limit) and by an estimate of memory (``max_memory``: bytes or ``"512mb"``).
"""

from __future__ import annotations

import functools
import inspect
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, TypeVar, overload

from reactive import runcontext
from reactive.errors import DefinitionError
from reactive.gradio.fingerprint import fingerprint, size_of

_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3,
          "gb": 1024**3}  # fmt: skip
#: What :meth:`Cache.lookup` returns for a key it does not hold (None may be a result).
MISSING: Any = object()
_MEMORY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*$", re.I)


class Cache:
    """A thread-safe store of named values per key (Gradio's ``gr.Cache()``).

    Args:
        max_size: the most entries kept (the least recently used goes first); 0: no limit.
        max_memory: the most memory kept, in bytes or as ``"512mb"`` / ``"2gb"`` (an estimate).
        per_session: keep each session's entries apart, dropped when its session ends.
    """

    def __init__(
        self, *, max_size: int = 128, max_memory: int | str | None = None, per_session: bool = False
    ) -> None:
        if not isinstance(max_size, int) or isinstance(max_size, bool) or max_size < 0:
            raise DefinitionError(f"max_size must be an int >= 0 (0: no limit), got {max_size!r}.")
        self.max_size = max_size
        self.max_memory = _memory(max_memory)
        self.per_session = per_session
        self._entries: OrderedDict[tuple[str, str], tuple[Any, int]] = OrderedDict()
        self._shown: dict[tuple[str, str], Any] = {}  # the key as given, for keys()
        self._bytes = 0
        self._lock = threading.Lock()
        if per_session:
            kept = weakref.ref(self)  # the hook must not keep a dropped cache alive

            def forget(session: str) -> None:
                found = kept()
                if found is not None:
                    found._forget(session)

            runcontext.on_session_end(forget)

    # ---------------------------------------------------------------- Gradio's interface

    def get(self, key: Any) -> dict[str, Any] | None:
        """The values ``set`` stored under ``key``, or None."""
        found = self.lookup(key)
        return dict(found) if found is not MISSING and isinstance(found, dict) else None

    def set(self, key: Any, **values: Any) -> None:
        """Store ``values`` (named) under ``key``."""
        self.store(key, values)

    def keys(self) -> list[Any]:
        """The keys stored (this session's, with ``per_session``), oldest use first."""
        scope = _scope(self.per_session)
        with self._lock:
            return [self._shown[k] for k in self._entries if k[0] == scope]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._shown.clear()
            self._bytes = 0

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def __contains__(self, key: Any) -> bool:
        full = (_scope(self.per_session), fingerprint(key))
        with self._lock:
            return full in self._entries

    # ---------------------------------------------------------------- any value

    def lookup(self, key: Any) -> Any:
        """The value stored under ``key`` (made most recently used), or :data:`MISSING`."""
        full = (_scope(self.per_session), fingerprint(key))
        with self._lock:
            entry = self._entries.get(full)
            if entry is None:
                return MISSING
            self._entries.move_to_end(full)
            return entry[0]

    def store(self, key: Any, value: Any) -> None:
        full, size = (_scope(self.per_session), fingerprint(key)), size_of(value)
        with self._lock:
            old = self._entries.pop(full, None)
            if old is not None:
                self._bytes -= old[1]
            self._entries[full], self._shown[full] = (value, size), key
            self._bytes += size
            self._evict()

    def _evict(self) -> None:
        while self._entries and (
            (self.max_size and len(self._entries) > self.max_size)
            or (self.max_memory is not None and self._bytes > self.max_memory)
        ):
            full, (_, size) = self._entries.popitem(last=False)
            self._shown.pop(full, None)
            self._bytes -= size

    def _forget(self, session: str) -> None:
        with self._lock:
            for full in [k for k in self._entries if k[0] == session]:
                self._bytes -= self._entries.pop(full)[1]
                self._shown.pop(full, None)

    def __repr__(self) -> str:
        return f"Cache({len(self)} entries, max_size={self.max_size})"


F = TypeVar("F", bound=Callable[..., Any])


@overload
def cache(fn: F) -> F: ...
@overload
def cache(
    fn: None = None,
    *,
    key: Callable[[dict[str, Any]], Any] | None = None,
    max_size: int = 128,
    max_memory: int | str | None = None,
    per_session: bool = False,
) -> Callable[[F], F]: ...
@overload
def cache(
    fn: F,
    *,
    key: Callable[[dict[str, Any]], Any] | None = None,
    max_size: int = 128,
    max_memory: int | str | None = None,
    per_session: bool = False,
) -> F: ...


def cache(
    fn: Any = None,
    *,
    key: Callable[[dict[str, Any]], Any] | None = None,
    max_size: int = 128,
    max_memory: int | str | None = None,
    per_session: bool = False,
) -> Any:
    """Keep ``fn``'s results by the content of its arguments (Gradio's ``@gr.cache``).

    ``@gr.cache``, ``@gr.cache(...)`` and ``gr.cache(fn, ...)(args)`` inside a listener (one
    store per function, kept across calls) all work; the wrapper's ``.cache`` is its store.

    Args:
        key: takes the call's arguments by name and returns what to key on.
        max_size, max_memory, per_session: as for :class:`Cache`.
    """
    options = {"key": key, "max_size": max_size, "max_memory": max_memory,
               "per_session": per_session}  # fmt: skip
    if fn is None:
        return lambda function: cache(function, **options)
    if not callable(fn):
        raise DefinitionError(
            f"gr.cache() wraps a function, got {type(fn).__name__}: write gr.cache(fn)(...) "
            f"rather than gr.cache(fn(...))."
        )
    if getattr(fn, "cache", None) is not None and hasattr(fn, "__wrapped__"):
        return fn  # already cached
    return _wrappers.get(fn, options)


class _Wrappers:
    """One cached wrapper per function and options, so ``gr.cache(fn)`` in a listener reuses it."""

    def __init__(self) -> None:
        self._made: dict[tuple[int, str], tuple[Any, Any]] = {}
        self._lock = threading.Lock()

    def get(self, fn: Any, options: dict[str, Any]) -> Any:
        slot = (id(fn), repr(sorted(options.items())))
        with self._lock:
            made = self._made.get(slot)
            if made is None or made[0] is not fn:
                made = self._made[slot] = (fn, _wrap(fn, **options))
            return made[1]


_wrappers = _Wrappers()


def _wrap(
    fn: Any, *, key: Any, max_size: int, max_memory: Any, per_session: bool
) -> Callable[..., Any]:
    store = Cache(max_size=max_size, max_memory=max_memory, per_session=per_session)
    try:
        signature: inspect.Signature | None = inspect.signature(fn)
    except (TypeError, ValueError):
        signature = None

    def key_of(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        named = _by_name(signature, args, kwargs)
        return key(named) if key is not None else named

    wrapper: Callable[..., Any]
    if inspect.isasyncgenfunction(fn):

        async def agen_wrapper(*args: Any, **kwargs: Any) -> AsyncIterator[Any]:
            k = key_of(args, kwargs)
            if (kept := store.lookup(k)) is not MISSING:
                for item in kept:
                    yield item
                return
            seen = []
            async for item in fn(*args, **kwargs):
                seen.append(item)
                yield item
            store.store(k, seen)

        wrapper = agen_wrapper
    elif inspect.isgeneratorfunction(fn):

        def gen_wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
            k = key_of(args, kwargs)
            if (kept := store.lookup(k)) is not MISSING:
                yield from kept
                return
            seen = []
            for item in fn(*args, **kwargs):
                seen.append(item)
                yield item
            store.store(k, seen)  # reached only when the generator ran to its end

        wrapper = gen_wrapper
    elif inspect.iscoroutinefunction(fn):

        async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
            k = key_of(args, kwargs)
            if (kept := store.lookup(k)) is not MISSING:
                return kept
            result = await fn(*args, **kwargs)
            store.store(k, result)
            return result

        wrapper = async_wrapper
    else:

        def sync_wrapper(*args: Any, **kwargs: Any) -> Any:
            k = key_of(args, kwargs)
            if (kept := store.lookup(k)) is not MISSING:
                return kept
            result = fn(*args, **kwargs)
            store.store(k, result)
            return result

        wrapper = sync_wrapper
    functools.update_wrapper(wrapper, fn)
    setattr(wrapper, "cache", store)  # Gradio's fn.cache  # noqa: B010
    return wrapper


def _by_name(
    signature: inspect.Signature | None, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> dict[str, Any]:
    if signature is None:
        return {**{str(i): a for i, a in enumerate(args)}, **kwargs}
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError:
        return {**{str(i): a for i, a in enumerate(args)}, **kwargs}
    bound.apply_defaults()
    return {
        name: value for name, value in bound.arguments.items() if not isinstance(value, Cache)
    }


def _scope(per_session: bool) -> str:
    """The session a per-session entry belongs to ("" outside a run, or when shared)."""
    if not per_session:
        return ""
    context = runcontext.current.get()
    return context.session if context is not None else ""


def _memory(value: int | str | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    match = _MEMORY.match(value) if isinstance(value, str) else None
    if match is None:
        raise DefinitionError(
            f"max_memory takes bytes or a size like '512mb' or '2gb', got {value!r}."
        )
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])
