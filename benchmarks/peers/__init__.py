"""``python -m benchmarks --peers``: Gradio, Shiny, Streamlit and NiceGUI on reactive's workloads.

Each peer gets its own virtual environment (``install``), an idiomatic app per workload (one
module each: ``gradio_app``, ``shiny_app``, ``streamlit_app``, ``nicegui_app``), served as its
users serve it, and is driven in the same Chromium, with the same in-page probes, as reactive and
the raw WebSocket floor (``driver``, ``run``).
"""
