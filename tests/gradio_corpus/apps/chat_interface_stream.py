"""gr.ChatInterface with a generator: sending 'abc' streams the answer 'abc' letter by letter."""

import reactive as gr


def spell(message, history):
    text = ""
    for letter in message:
        text += letter
        yield text


demo = gr.ChatInterface(spell, type="messages")

CHECK = [
    ("input", "textbox", "abc"),
    ("submit", "textbox"),
    ("expect_has", "chatbot", "'content': 'abc'"),
]
