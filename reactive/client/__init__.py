"""The Python client of a reactive app: ``Client`` (blocking) and ``AsyncClient``.

It speaks the page's WebSocket protocol (docs/protocol.md, docs/api.md) and imports neither
Starlette nor uvicorn, so a script that only calls an app stays light.
"""

from reactive.client.core import AsyncClient
from reactive.client.state import FunctionInfo, Parameter
from reactive.client.sync import Client, Job

__all__ = ["AsyncClient", "Client", "FunctionInfo", "Job", "Parameter"]
