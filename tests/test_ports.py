"""The listening socket ``reactive run`` binds: its connections have Nagle's algorithm off."""

from __future__ import annotations

import asyncio
import socket

from reactive import ports


async def test_accepted_connections_send_small_writes_at_once() -> None:
    listener = ports.bind("127.0.0.1", 0)
    accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            sock = transport.get_extra_info("socket")
            accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
    try:
        port = listener.getsockname()[1]
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        assert await asyncio.wait_for(accepted, 5) == 1  # TCP_NODELAY: no delayed-ACK stall
        writer.close()
    finally:
        server.close()
        await server.wait_closed()
