"""Browser-side performance benchmarks of reactive, each next to a raw-WebSocket floor.

Run them with ``python -m benchmarks`` (``--quick`` for a short run, ``--only NAME`` for one
workload). Every figure is timed inside headless Chromium with ``performance.now()``.
"""
