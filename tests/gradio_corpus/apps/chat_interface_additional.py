"""ChatInterface(additional_inputs=[Slider]): the slider's 3 repeats the message: 'hi hi hi'."""

import reactive as gr


def repeat(message, history, times):
    return " ".join([message] * int(times))


demo = gr.ChatInterface(
    repeat, type="messages", additional_inputs=[gr.Slider(1, 5, value=3, step=1, label="Times")]
)

CHECK = [("input", "textbox", "hi"), ("submit", "textbox"), ("expect_has", "chatbot", "hi hi hi")]
