"""The one seam from a definition to the CLI: ``launch()`` serves an app as ``reactive run`` does.

Definitions never import the session, the server or the CLI at module level. This late import,
run only when ``launch()`` is called, is the single exception (``tests/test_layers.py`` allows it
here and nowhere else), so ``import reactive`` loads no server code and has no import loop.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from reactive.scheduler.process_worker import WORKER_ENV

if TYPE_CHECKING:
    from reactive.definition.app import App


def serve(app: App, *, host: str, port: int) -> None:
    """Serve ``app`` until interrupted (``reactive.cli.serve``, the only importer of uvicorn).

    In a ``run_in="process"`` worker, which imports the app's module, this does nothing: a
    module ending in ``demo.launch()`` must not start a server there.
    """
    if os.environ.get(WORKER_ENV):
        return
    from reactive.cli import serve as serve_with_cli  # late: the definition layer sits below it

    serve_with_cli(app, host=host, port=port)
