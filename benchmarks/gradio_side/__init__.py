"""Scripts run with the Gradio venv's Python (``benchmarks --api --gradio``), not with ours.

They import only Gradio, ``gradio_client`` and the standard library, so that Gradio's own
dependencies come from its venv.
"""
