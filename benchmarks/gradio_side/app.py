"""The ``--api`` function as a Gradio user serves it: ``python app.py PORT``."""

import sys

import gradio as gr


def shout(text: str) -> str:
    """The work every ``--api`` target does: upper-case a short text."""
    return text.upper()


demo = gr.Interface(shout, "text", "text", api_name="shout", flagging_mode="never")

if __name__ == "__main__":
    demo.launch(server_name="127.0.0.1", server_port=int(sys.argv[1]))
