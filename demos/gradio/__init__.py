"""Typical small Gradio apps, unchanged but for ``import reactive as gr``."""
