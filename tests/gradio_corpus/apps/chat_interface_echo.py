"""gr.ChatInterface echoing: sending 'hi' answers 'echo: hi'."""

import reactive as gr


def echo(message, history):
    return f"echo: {message}"


demo = gr.ChatInterface(echo, type="messages", title="Echo")

CHECK = [("input", "textbox", "hi"), ("submit", "textbox"), ("expect_has", "chatbot", "echo: hi")]
