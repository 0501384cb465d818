"""Cancellable run scheduling, generic over callables and result sinks.

Knows nothing of components, sessions or Starlette: ``policy`` and ``runs`` are pure decisions and
state tables; ``scheduler``, ``limiter`` and ``executor`` apply them on asyncio.
"""
