"""Gradio-named helpers (``rx.Interface``, ``rx.ChatInterface``) built on the definitions."""
