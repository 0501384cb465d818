"""The wire protocol: pure message types, a strict msgpack codec and a sans-I/O connection.

Nothing here imports asyncio, Starlette or any other part of reactive but ``errors``.
"""
