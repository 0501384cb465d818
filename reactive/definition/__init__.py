"""Definitions: ``rx.App``, ``@app.fn``, layout blocks, examples, ``rx.update``; no I/O.

They use components and the scheduler's pure tables; they never import the session, the server or
the CLI (``launch()`` reaches the CLI through the one late seam in ``serving.py``).
"""
